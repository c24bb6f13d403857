using Majordomo.Config;

namespace Majordomo.Hosting;

/// <summary>Where the running config came from: a file (watched for changes), the demo, the legacy environment, or nothing.</summary>
public sealed record ConfigSource(MajordomoConfig? Config, string? FilePath, string Description, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsUnconfigured => Config is null && Errors.Count == 0;

    public const string DefaultFileName = "majordomo.json";

    /// <summary>
    /// Picks the config the way SPEC §2 orders it: <c>--demo</c>, <c>--config</c>, <c>MAJORDOMO_CONFIG</c>,
    /// <c>./majordomo.json</c>, then legacy single-model mode from <c>MAJORDOMO_BASE_URL</c> + <c>MAJORDOMO_MODEL</c>.
    /// </summary>
    public static ConfigSource Resolve(string? configPath, bool demo, Func<string, string?>? getEnv = null, string? workingDirectory = null)
    {
        getEnv ??= Environment.GetEnvironmentVariable;
        workingDirectory ??= Directory.GetCurrentDirectory();
        if (demo)
        {
            var result = ConfigLoader.Load(DemoConfig.Text(), getEnv);
            return new ConfigSource(result.Config, null, "built-in demo catalog (simulated providers)", result.Errors, result.Warnings);
        }

        var path = configPath ?? getEnv("MAJORDOMO_CONFIG");
        if (string.IsNullOrEmpty(path))
        {
            var local = Path.Combine(workingDirectory, DefaultFileName);
            if (File.Exists(local))
            {
                path = local;
            }
        }

        if (!string.IsNullOrEmpty(path))
        {
            var full = Path.GetFullPath(path, workingDirectory);
            var result = ConfigLoader.LoadFile(full, getEnv);
            return new ConfigSource(result.Config, full, full, result.Errors, result.Warnings);
        }

        var baseUrl = getEnv("MAJORDOMO_BASE_URL");
        var model = getEnv("MAJORDOMO_MODEL");
        if (!string.IsNullOrEmpty(baseUrl) || !string.IsNullOrEmpty(model))
        {
            if (string.IsNullOrEmpty(baseUrl) || string.IsNullOrEmpty(model))
            {
                return new ConfigSource(null, null, "environment", ["environment: legacy single-model mode needs both MAJORDOMO_BASE_URL and MAJORDOMO_MODEL"], []);
            }

            var api = getEnv("MAJORDOMO_API");
            var config = LegacyConfig(baseUrl, model, getEnv("MAJORDOMO_API_KEY"), string.IsNullOrWhiteSpace(api) ? "openai" : api.Trim());
            var validation = ConfigValidator.Validate(config);
            return new ConfigSource(validation.Errors.Count == 0 ? config : null, null, $"single upstream {baseUrl} (model {model}) from the environment", validation.Errors, validation.Warnings);
        }

        return new ConfigSource(null, null, "none", [], []);
    }

    /// <summary>Legacy mode: one model, served as the <c>default</c> route, like a plain proxy.</summary>
    internal static MajordomoConfig LegacyConfig(string baseUrl, string model, string? apiKey, string api) => new()
    {
        Providers = new()
        {
            ["upstream"] = new ProviderConfig
            {
                Api = api,
                BaseUrl = baseUrl,
                Credentials = string.IsNullOrEmpty(apiKey) ? null : [new CredentialConfig { Id = "env", ApiKey = apiKey }],
            },
        },
        Models = new() { [model] = new ModelConfig { Provider = "upstream", UpstreamModel = model } },
        Routes = new() { ["default"] = new RouteConfig { Chain = new ChainRef { Entries = [new ChainEntryConfig { Model = model }] } } },
        DefaultRoute = "default",
    };
}

/// <summary>The built-in demo catalog (<c>examples/demo.json</c>, embedded).</summary>
internal static class DemoConfig
{
    public static string Text()
    {
        using var stream = typeof(DemoConfig).Assembly.GetManifestResourceStream("Majordomo.demo.json")
            ?? throw new InvalidOperationException("the demo catalog is missing from this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
