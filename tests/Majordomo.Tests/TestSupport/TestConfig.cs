using Majordomo.Config;
using Majordomo.Providers;
using CatalogSnapshot = Majordomo.Catalog.Catalog;

namespace Majordomo.Tests.TestSupport;

internal static class TestConfig
{
    /// <summary>The smallest valid config: one provider, one model.</summary>
    public const string Minimal = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": { "p/m": { "provider": "p" } }
        }
        """;

    public static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    public static readonly Func<string, string?> NoEnv = _ => null;

    public static ConfigLoadResult Load(string json, Func<string, string?>? env = null) => ConfigLoader.Load(json, env ?? NoEnv);

    /// <summary>Loads a config that must be valid; fails the test with every error otherwise.</summary>
    public static MajordomoConfig LoadValid(string json, Func<string, string?>? env = null)
    {
        var result = Load(json, env);
        Assert.True(result.IsValid, "expected a valid config, got:\n" + string.Join("\n", result.Errors));
        return result.Config!;
    }

    public static CatalogSnapshot BuildCatalog(string json, IProviderFactory? providers = null) =>
        Majordomo.Catalog.CatalogBuilder.Build(LoadValid(json), providers ?? new FakeProviderFactory());

    public static string StarterText()
    {
        using var stream = typeof(Majordomo.Cli.MajordomoCli).Assembly.GetManifestResourceStream("Majordomo.starter.jsonc")
            ?? throw new InvalidOperationException("starter.jsonc is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The repository root (the folder holding Majordomo.slnx), found from the test's output folder.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Majordomo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Majordomo.slnx not found above " + AppContext.BaseDirectory);
    }
}
