using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Hosting;
using Majordomo.Routing;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Hosting;

public sealed class ConfigSourceTests : IDisposable
{
    private const string OtherConfig = """
        { "providers": { "o": { "api": "simulated" } }, "models": { "o/x": { "provider": "o" } } }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Resolve_Demo_LoadsTheEmbeddedValidDemo()
    {
        var source = ConfigSource.Resolve(null, demo: true, TestConfig.NoEnv, _dir.Path);

        Assert.Empty(source.Errors);
        Assert.NotNull(source.Config);
        Assert.Null(source.FilePath);
        Assert.False(source.IsUnconfigured);
        Assert.Equal("built-in demo catalog (simulated providers)", source.Description);
        Assert.Contains("local/tiny", source.Config!.Models!.Keys);
    }

    [Fact]
    public void Resolve_DemoWithAConfigFileAround_StillServesTheDemo()
    {
        _dir.Write("majordomo.json", OtherConfig);

        var source = ConfigSource.Resolve(_dir.File("majordomo.json"), demo: true, TestConfig.NoEnv, _dir.Path);

        Assert.DoesNotContain("o/x", source.Config!.Models!.Keys);
    }

    [Fact]
    public void Resolve_ExplicitAbsolutePath_LoadsThatFile()
    {
        var path = _dir.Write("custom.json", TestConfig.Minimal);

        var source = ConfigSource.Resolve(path, demo: false, TestConfig.NoEnv, _dir.Path);

        Assert.Empty(source.Errors);
        Assert.Equal(path, source.FilePath);
        Assert.Equal(path, source.Description);
        Assert.Contains("p/m", source.Config!.Models!.Keys);
    }

    [Fact]
    public void Resolve_ExplicitRelativePath_IsRelativeToTheWorkingDirectory()
    {
        Directory.CreateDirectory(_dir.File("conf"));
        _dir.Write("conf/gw.json", TestConfig.Minimal);

        var source = ConfigSource.Resolve(Path.Combine("conf", "gw.json"), demo: false, TestConfig.NoEnv, _dir.Path);

        Assert.Equal(_dir.File("conf/gw.json"), source.FilePath);
        Assert.NotNull(source.Config);
    }

    [Fact]
    public void Resolve_MajordomoConfigVariable_LoadsThatFile()
    {
        var path = _dir.Write("from-env.json", OtherConfig);
        _dir.Write("majordomo.json", TestConfig.Minimal);

        var source = ConfigSource.Resolve(null, demo: false, TestConfig.Env(("MAJORDOMO_CONFIG", path)), _dir.Path);

        Assert.Equal(path, source.FilePath);
        Assert.Contains("o/x", source.Config!.Models!.Keys);
    }

    [Fact]
    public void Resolve_ExplicitPathAndVariable_ExplicitPathWins()
    {
        var explicitPath = _dir.Write("explicit.json", TestConfig.Minimal);
        var envPath = _dir.Write("env.json", OtherConfig);

        var source = ConfigSource.Resolve(explicitPath, demo: false, TestConfig.Env(("MAJORDOMO_CONFIG", envPath)), _dir.Path);

        Assert.Equal(explicitPath, source.FilePath);
    }

    [Fact]
    public void Resolve_NoPathButMajordomoJsonInWorkingDirectory_DiscoversIt()
    {
        var path = _dir.Write("majordomo.json", TestConfig.Minimal);

        var source = ConfigSource.Resolve(null, demo: false, TestConfig.Env(("MAJORDOMO_BASE_URL", "http://ignored.test"), ("MAJORDOMO_MODEL", "ignored")), _dir.Path);

        Assert.Equal(path, source.FilePath);
        Assert.Contains("p/m", source.Config!.Models!.Keys);
    }

    [Fact]
    public void Resolve_ExplicitPathMissing_IsAnError()
    {
        var path = _dir.File("missing.json");

        var source = ConfigSource.Resolve(path, demo: false, TestConfig.NoEnv, _dir.Path);

        Assert.Null(source.Config);
        Assert.False(source.IsUnconfigured);
        Assert.Equal($"config: file '{path}' does not exist", Assert.Single(source.Errors));
    }

    [Fact]
    public void Resolve_InvalidFile_ReturnsEveryErrorAndNoConfig()
    {
        var path = _dir.Write("bad.json", """{ "providers": {}, "models": {} }""");

        var source = ConfigSource.Resolve(path, demo: false, TestConfig.NoEnv, _dir.Path);

        Assert.Null(source.Config);
        Assert.Equal(["providers: at least one provider is required", "models: at least one model is required"], source.Errors);
    }

    [Fact]
    public void Resolve_FileUsesEnvironment_ThroughGetEnv()
    {
        var path = _dir.Write("env.json", """
            { "providers": { "p": { "api": "openai", "baseUrl": "${UPSTREAM}" } }, "models": { "p/m": { "provider": "p" } } }
            """);

        var source = ConfigSource.Resolve(path, demo: false, TestConfig.Env(("UPSTREAM", "http://10.1.2.3:8000/v1")), _dir.Path);

        Assert.Equal("http://10.1.2.3:8000/v1", source.Config!.Providers!["p"].BaseUrl);
    }

    [Fact]
    public void Resolve_LegacyEnvironment_ServesThatModelAsTheDefaultRoute()
    {
        var env = TestConfig.Env(("MAJORDOMO_BASE_URL", "http://127.0.0.1:11434/v1"), ("MAJORDOMO_MODEL", "qwen2.5:1.5b"), ("MAJORDOMO_API_KEY", "sk-legacy"));

        var source = ConfigSource.Resolve(null, demo: false, env, _dir.Path);

        Assert.Empty(source.Errors);
        Assert.Null(source.FilePath);
        Assert.Equal("single upstream http://127.0.0.1:11434/v1 (model qwen2.5:1.5b) from the environment", source.Description);
        var catalog = CatalogBuilder.Build(source.Config!, new FakeProviderFactory());
        var plan = RouteResolver.Resolve(catalog, new ChatRequest { Body = "{}"u8.ToArray(), Protocol = "openai" }).Plan!;
        Assert.Equal("default", plan.RouteName);
        var entry = Assert.Single(plan.Attempts);
        Assert.Equal("qwen2.5:1.5b", entry.Model.UpstreamModel);
        Assert.Equal("openai", entry.Model.Provider.Api);
        Assert.Equal("sk-legacy", Assert.Single(entry.Credentials).ApiKey);
    }

    [Fact]
    public void Resolve_LegacyWithoutApiKey_HasNoCredentials()
    {
        var env = TestConfig.Env(("MAJORDOMO_BASE_URL", "https://api.example.test/v1"), ("MAJORDOMO_MODEL", "gpt-4.1"));

        var source = ConfigSource.Resolve(null, demo: false, env, _dir.Path);

        var catalog = CatalogBuilder.Build(source.Config!, new FakeProviderFactory());
        Assert.Empty(catalog.Providers["upstream"].Credentials);
        Assert.Equal(["default", "gpt-4.1"], catalog.Names);
    }

    [Fact]
    public void Resolve_LegacyWithAnthropicApi_ServesOneAnthropicUpstream()
    {
        var env = TestConfig.Env(("MAJORDOMO_BASE_URL", "https://api.anthropic.com"), ("MAJORDOMO_MODEL", "claude-sonnet-4-5"), ("MAJORDOMO_API", "anthropic"), ("MAJORDOMO_API_KEY", "sk-ant-legacy"));

        var source = ConfigSource.Resolve(null, demo: false, env, _dir.Path);

        Assert.Empty(source.Errors);
        var provider = Assert.Single(source.Config!.Providers!).Value;
        Assert.Equal("anthropic", provider!.Api);
        Assert.Equal("https://api.anthropic.com", provider.BaseUrl);
        Assert.Equal("sk-ant-legacy", Assert.Single(provider.Credentials!).ApiKey);
    }

    [Fact]
    public void Resolve_LegacyWithBadBaseUrl_IsAnError()
    {
        var env = TestConfig.Env(("MAJORDOMO_BASE_URL", "localhost:11434"), ("MAJORDOMO_MODEL", "m"));

        var source = ConfigSource.Resolve(null, demo: false, env, _dir.Path);

        Assert.Equal("providers.upstream.baseUrl: 'localhost:11434' is not an http(s) URL without a query string", Assert.Single(source.Errors));
    }

    [Fact]
    public void Resolve_LegacyWithEmptyApiVariable_DefaultsToOpenAI()
    {
        var env = TestConfig.Env(("MAJORDOMO_BASE_URL", "http://127.0.0.1:8000/v1"), ("MAJORDOMO_MODEL", "m"), ("MAJORDOMO_API", ""));

        var source = ConfigSource.Resolve(null, demo: false, env, _dir.Path);

        Assert.Empty(source.Errors);
    }

    [Theory]
    [InlineData("MAJORDOMO_BASE_URL", "http://127.0.0.1:8000/v1")]
    [InlineData("MAJORDOMO_MODEL", "m")]
    public void Resolve_OnlyOneLegacyVariable_IsAnError(string name, string value)
    {
        var source = ConfigSource.Resolve(null, demo: false, TestConfig.Env((name, value)), _dir.Path);

        Assert.Null(source.Config);
        Assert.False(source.IsUnconfigured);
        Assert.Equal("environment: legacy single-model mode needs both MAJORDOMO_BASE_URL and MAJORDOMO_MODEL", Assert.Single(source.Errors));
    }

    [Fact]
    public void Resolve_NothingConfigured_IsUnconfigured()
    {
        var source = ConfigSource.Resolve(null, demo: false, TestConfig.NoEnv, _dir.Path);

        Assert.True(source.IsUnconfigured);
        Assert.Null(source.Config);
        Assert.Empty(source.Errors);
        Assert.Equal("none", source.Description);
    }
}
