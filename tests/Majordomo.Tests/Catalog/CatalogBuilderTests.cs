using Majordomo.Catalog;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Catalog;

public class CatalogBuilderTests
{
    private const string Config = """
        {
          "providers": {
            "copilot": { "api": "openai", "baseUrl": "https://copilot.example.test/v1", "retries": 2, "backoffMs": 500, "timeoutMs": 90000,
                         "credentials": [ { "id": "main", "apiKey": "k1" }, { "id": "spare", "apiKey": "k2" } ] },
            "ollama":  { "api": "openai", "baseUrl": "http://127.0.0.1:11434/v1" },
            "sim":     { "api": "simulated" }
          },
          "models": {
            "copilot/gpt-4.1":   { "provider": "copilot", "upstreamModel": "gpt-4.1", "tier": 0, "quality": 70, "multiplier": 0 },
            "copilot/sonnet":    { "provider": "copilot", "upstreamModel": "claude-sonnet-4.6", "tier": 2, "quality": 90, "multiplier": 1,
                                   "retries": 4, "timeoutMs": 30000,
                                   "fallbacks": [ "copilot/gpt-4.1", { "model": "ollama/qwen2.5:1.5b", "retries": 0 } ] },
            "ollama/qwen2.5:1.5b": { "provider": "ollama", "quality": 20 },
            "sim/echo":          { "provider": "sim", "upstreamModel": "echo", "enabled": false }
          },
          "aliases": { "sonnet": "copilot/sonnet", "best": "sonnet", "local": "ollama/qwen2.5:1.5b" },
          "chains": {
            "cheap": [ "copilot/gpt-4.1", { "model": "local", "backoffMs": 10 } ],
            "everything": [ { "model": "copilot/sonnet", "credentials": [ "spare" ], "retries": 1, "backoffMs": 5, "timeoutMs": 1000, "firstTokenTimeoutMs": 200 }, "cheap" ]
          },
          "routes": {
            "default": { "chain": "cheap" },
            "wide":    { "chain": "everything" },
            "inline":  { "chain": [ "best", "cheap", "ollama/qwen2.5:1.5b" ] },
            "direct":  { "chain": "copilot/gpt-4.1" },
            "auto":    { "strategy": "smart" }
          },
          "defaultRoute": "default",
          "server": { "maxRequestBytes": 65536 }
        }
        """;

    private static readonly Majordomo.Catalog.Catalog Built = TestConfig.BuildCatalog(Config);

    private static string[] Ids(IEnumerable<ChainEntry> chain) => chain.Select(e => e.Model.Id).ToArray();

    [Fact]
    public void Build_Providers_OneAdapterPerProviderFromTheFactory()
    {
        var factory = new FakeProviderFactory();

        var catalog = TestConfig.BuildCatalog(Config, factory);

        Assert.Equal(["copilot", "ollama", "sim"], factory.Created.Order(StringComparer.Ordinal));
        Assert.Equal("copilot", Assert.IsType<StubChatProvider>(catalog.Providers["copilot"].Client).Name);
        Assert.Equal(["main", "spare"], catalog.Providers["copilot"].Credentials.Select(c => c.Id));
    }

    [Fact]
    public void Build_DisabledProvider_DisablesEveryModelItServes()
    {
        var catalog = TestConfig.BuildCatalog(Config.Replace("""
            "ollama":  { "api": "openai", "baseUrl": "http://127.0.0.1:11434/v1" }
            """.Trim(), """
            "ollama":  { "api": "openai", "baseUrl": "http://127.0.0.1:11434/v1", "enabled": false }
            """.Trim(), StringComparison.Ordinal));

        Assert.False(catalog.Models["ollama/qwen2.5:1.5b"].Enabled);
        Assert.True(catalog.Models["copilot/gpt-4.1"].Enabled);
        Assert.True(Built.Models["ollama/qwen2.5:1.5b"].Enabled);
    }

    [Fact]
    public void Build_ProviderLocality_DefaultsToLocalForLoopbackAndCloudOtherwise()
    {
        Assert.Equal("local", Built.Providers["ollama"].Locality);
        Assert.Equal("cloud", Built.Providers["copilot"].Locality);
        Assert.Equal("cloud", Built.Providers["sim"].Locality);
    }

    [Fact]
    public void Build_ProviderWithoutPolicy_GetsBuilderDefaults()
    {
        var ollama = Built.Providers["ollama"];

        Assert.Equal(CatalogBuilder.DefaultRetries, ollama.Retries);
        Assert.Equal(CatalogBuilder.DefaultBackoffMs, ollama.BackoffMs);
        Assert.Equal(CatalogBuilder.DefaultTimeoutMs, ollama.TimeoutMs);
        Assert.Null(ollama.FirstTokenTimeoutMs);
    }

    [Fact]
    public void Build_ModelWithoutUpstreamModel_StripsTheProviderPrefix()
    {
        var model = Built.Models["ollama/qwen2.5:1.5b"];

        Assert.Equal("qwen2.5:1.5b", model.UpstreamModel);
        Assert.Equal("\"qwen2.5:1.5b\"", System.Text.Encoding.UTF8.GetString(model.UpstreamModelJson));
    }

    [Fact]
    public void Build_ModelIdNotPrefixedByItsProvider_IsUsedAsIsUpstream()
    {
        var catalog = TestConfig.BuildCatalog("""
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9" } },
              "models": { "gpt-4o": { "provider": "p" }, "other/gpt-4o-mini": { "provider": "p" } } }
            """);

        Assert.Equal("gpt-4o", catalog.Models["gpt-4o"].UpstreamModel);
        Assert.Equal("other/gpt-4o-mini", catalog.Models["other/gpt-4o-mini"].UpstreamModel);
    }

    [Fact]
    public void Build_ExplicitUpstreamModel_IsKept()
    {
        Assert.Equal("claude-sonnet-4.6", Built.Models["copilot/sonnet"].UpstreamModel);
    }

    [Fact]
    public void Build_ModelDefaults_AreEnabledQuality50Tier0Free()
    {
        var model = Built.Models["ollama/qwen2.5:1.5b"];

        Assert.True(model.Enabled);
        Assert.Equal(0, model.Tier);
        Assert.Equal(20, model.Quality);
        Assert.True(model.IsFree);
        Assert.False(Built.Models["copilot/sonnet"].IsFree);
        Assert.False(Built.Models["sim/echo"].Enabled);
    }

    [Fact]
    public void Build_ModelChain_IsTheModelThenItsFallbacks()
    {
        Assert.Equal(["copilot/sonnet", "copilot/gpt-4.1", "ollama/qwen2.5:1.5b"], Ids(Built.Models["copilot/sonnet"].Chain));
        Assert.Equal(["copilot/gpt-4.1"], Ids(Built.Models["copilot/gpt-4.1"].Chain));
    }

    [Fact]
    public void Build_ModelChain_EntryPolicyFromEntryThenModelThenProvider()
    {
        var chain = Built.Models["copilot/sonnet"].Chain;

        // The model itself: its own retries / timeout, the provider's backoff.
        Assert.Equal((4, 500, 30000), (chain[0].Retries, chain[0].BackoffMs, chain[0].TimeoutMs));

        // A fallback named by id: that model's settings (none) → provider's.
        Assert.Equal((2, 500, 90000), (chain[1].Retries, chain[1].BackoffMs, chain[1].TimeoutMs));

        // An entry object: its own retries win over the provider default.
        Assert.Equal((0, CatalogBuilder.DefaultBackoffMs, CatalogBuilder.DefaultTimeoutMs), (chain[2].Retries, chain[2].BackoffMs, chain[2].TimeoutMs));
    }

    [Fact]
    public void Build_Aliases_ResolveThroughOtherAliases()
    {
        Assert.Same(Built.Models["copilot/sonnet"], Built.Aliases["sonnet"]);
        Assert.Same(Built.Models["copilot/sonnet"], Built.Aliases["best"]);
        Assert.Same(Built.Models["ollama/qwen2.5:1.5b"], Built.Aliases["local"]);
    }

    [Fact]
    public void Build_NamedChain_ResolvesAliasesToModels()
    {
        Assert.Equal(["copilot/gpt-4.1", "ollama/qwen2.5:1.5b"], Ids(Built.Chains["cheap"]));
        Assert.Equal(10, Built.Chains["cheap"][1].BackoffMs);
    }

    [Fact]
    public void Build_ChainInsideChain_IsExpandedInPlace()
    {
        Assert.Equal(["copilot/sonnet", "copilot/gpt-4.1", "ollama/qwen2.5:1.5b"], Ids(Built.Chains["everything"]));
    }

    [Fact]
    public void Build_EntryOverrides_WinOverModelAndProvider()
    {
        var entry = Built.Chains["everything"][0];

        Assert.Equal(1, entry.Retries);
        Assert.Equal(5, entry.BackoffMs);
        Assert.Equal(1000, entry.TimeoutMs);
        Assert.Equal(200, entry.FirstTokenTimeoutMs);
    }

    [Fact]
    public void Build_EntryCredentials_FilterTheProviderCredentials()
    {
        Assert.Equal(["spare"], Built.Chains["everything"][0].Credentials.Select(c => c.Id));
        Assert.Equal(["main", "spare"], Built.Chains["cheap"][0].Credentials.Select(c => c.Id));
    }

    [Fact]
    public void Build_Routes_NamedInlineAndModelChains()
    {
        Assert.Equal(["copilot/gpt-4.1", "ollama/qwen2.5:1.5b"], Ids(Built.Routes["default"].Chain));
        Assert.Equal(["copilot/sonnet", "copilot/gpt-4.1", "ollama/qwen2.5:1.5b"], Ids(Built.Routes["wide"].Chain));
        Assert.Equal(["copilot/sonnet", "copilot/gpt-4.1", "ollama/qwen2.5:1.5b", "ollama/qwen2.5:1.5b"], Ids(Built.Routes["inline"].Chain));
        Assert.Equal(["copilot/gpt-4.1"], Ids(Built.Routes["direct"].Chain));
        Assert.False(Built.Routes["default"].Smart);
    }

    [Fact]
    public void Build_SmartRoute_HasNoFixedChain()
    {
        var auto = Built.Routes["auto"];

        Assert.True(auto.Smart);
        Assert.Empty(auto.Chain);
    }

    [Fact]
    public void Build_Names_AreRoutesAliasesAndModelsSorted()
    {
        Assert.Equal(
            ["auto", "best", "copilot/gpt-4.1", "copilot/sonnet", "default", "direct", "inline", "local", "ollama/qwen2.5:1.5b", "sim/echo", "sonnet", "wide"],
            Built.Names);
    }

    [Fact]
    public void Build_ServerSettings_AreCarried()
    {
        Assert.Equal("default", Built.DefaultRoute);
        Assert.Equal(65536, Built.MaxRequestBytes);
        Assert.Equal(CatalogBuilder.DefaultMaxRequestBytes, TestConfig.BuildCatalog(TestConfig.Minimal).MaxRequestBytes);
    }

    [Fact]
    public void Describe_BuiltCatalog_CountsEverySection()
    {
        Assert.Equal("3 providers, 4 models, 3 aliases, 2 chains, 5 routes, default route 'default'", Built.Describe());
    }

    [Fact]
    public void ToString_Credential_ShowsIdNeverKey()
    {
        var credential = Built.Providers["copilot"].Credentials[0];

        Assert.Equal("main", credential.ToString());
        Assert.Equal("k1", credential.ApiKey);
    }
}
