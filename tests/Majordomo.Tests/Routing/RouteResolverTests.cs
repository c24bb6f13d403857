using Majordomo.Chat;
using Majordomo.Routing;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Routing;

public class RouteResolverTests
{
    private const string Config = """
        {
          "server": { "allowProfileOverride": ALLOW },
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": {
            "p/small": { "provider": "p" },
            "p/big":   { "provider": "p", "fallbacks": [ "p/small" ] }
          },
          "aliases": { "big": "p/big", "large": "big" },
          "chains": { "cheap": [ "p/small" ] },
          "routes": {
            "default": { "chain": "cheap" },
            "premium": { "chain": [ "p/big", "p/small" ] },
            "heartbeat": { "chain": [ "p/small" ] }
          },
          "defaultRoute": "default",
          "kinds": { "run": "heartbeat", "task": "premium" }
        }
        """;

    private static readonly Majordomo.Catalog.Catalog Catalog = TestConfig.BuildCatalog(Config.Replace("ALLOW", "false", StringComparison.Ordinal));
    private static readonly Majordomo.Catalog.Catalog OverrideCatalog = TestConfig.BuildCatalog(Config.Replace("ALLOW", "true", StringComparison.Ordinal));

    private static ChatRequest Request(string? model, string? kind = null, string? profile = null) => new()
    {
        Body = "{}"u8.ToArray(),
        Protocol = "openai",
        Model = model,
        Metadata = new RequestMetadata(null, null, null, kind, profile),
    };

    private static RoutePlan Resolve(Majordomo.Catalog.Catalog catalog, ChatRequest request)
    {
        var resolution = RouteResolver.Resolve(catalog, request);
        Assert.Null(resolution.ErrorCode);
        return resolution.Plan!;
    }

    private static string[] Ids(RoutePlan plan) => plan.Attempts.Select(a => a.Model.Id).ToArray();

    [Fact]
    public void Resolve_RouteName_RouteTierWithTheRouteChain()
    {
        var plan = Resolve(Catalog, Request("premium"));

        Assert.Equal(RouteTier.Route, plan.Tier);
        Assert.Equal("premium", plan.RouteName);
        Assert.Equal("premium", plan.Requested);
        Assert.Equal(["p/big", "p/small"], Ids(plan));
    }

    [Fact]
    public void Resolve_Alias_AliasTierWithTheModelChainIncludingFallbacks()
    {
        var plan = Resolve(Catalog, Request("big"));

        Assert.Equal(RouteTier.Alias, plan.Tier);
        Assert.Equal("big", plan.RouteName);
        Assert.Equal(["p/big", "p/small"], Ids(plan));
    }

    [Fact]
    public void Resolve_AliasOfAlias_ReachesTheModel()
    {
        var plan = Resolve(Catalog, Request("large"));

        Assert.Equal(RouteTier.Alias, plan.Tier);
        Assert.Equal(["p/big", "p/small"], Ids(plan));
    }

    [Fact]
    public void Resolve_ModelId_DirectTierStrictWithoutFallbacks()
    {
        var plan = Resolve(Catalog, Request("p/small"));

        Assert.Equal(RouteTier.Direct, plan.Tier);
        Assert.Null(plan.RouteName);
        Assert.Equal(["p/small"], Ids(plan));
    }

    [Fact]
    public void Resolve_ModelIdWithFallbacks_TriesTheModelThenItsFallbacks()
    {
        Assert.Equal(["p/big", "p/small"], Ids(Resolve(Catalog, Request("p/big"))));
    }

    [Fact]
    public void Resolve_NoModel_UsesDefaultRoute()
    {
        var plan = Resolve(Catalog, Request(null));

        Assert.Equal("default", plan.RouteName);
        Assert.Null(plan.Requested);
        Assert.Equal(["p/small"], Ids(plan));
    }

    [Fact]
    public void Resolve_NoModelWithKnownKind_UsesTheKindRoute()
    {
        var plan = Resolve(Catalog, Request(null, kind: "task"));

        Assert.Equal("premium", plan.RouteName);
    }

    [Fact]
    public void Resolve_NoModelWithUnknownKind_FallsBackToDefaultRoute()
    {
        Assert.Equal("default", Resolve(Catalog, Request(null, kind: "mystery")).RouteName);
    }

    [Fact]
    public void Resolve_ExplicitModelWithKind_ModelWins()
    {
        Assert.Equal("heartbeat", Resolve(Catalog, Request("heartbeat", kind: "task")).RouteName);
        Assert.Equal(RouteTier.Direct, Resolve(Catalog, Request("p/small", kind: "task")).Tier);
    }

    [Fact]
    public void Resolve_ModelNamingTheDefaultRouteWithKnownKind_KindRouteWins()
    {
        // SPEC §1.1 precedence 3: naming the defaultRoute is like naming no model, so the kind applies.
        var plan = Resolve(Catalog, Request("default", kind: "task"));

        Assert.Equal("premium", plan.RouteName);
        Assert.Equal("default", plan.Requested);
    }

    [Fact]
    public void Resolve_ModelNamingTheDefaultRouteWithUnknownKind_UsesTheDefaultRoute()
    {
        Assert.Equal("default", Resolve(Catalog, Request("default", kind: "mystery")).RouteName);
    }

    [Fact]
    public void Resolve_ProfileWhenOverrideAllowed_ProfileWins()
    {
        var plan = Resolve(OverrideCatalog, Request("p/small", profile: "premium"));

        Assert.Equal("premium", plan.RouteName);
        Assert.Equal("p/small", plan.Requested);
    }

    [Fact]
    public void Resolve_ProfileWhenOverrideNotAllowed_IsIgnored()
    {
        var plan = Resolve(Catalog, Request("p/small", profile: "premium"));

        Assert.Equal(RouteTier.Direct, plan.Tier);
        Assert.Equal(["p/small"], Ids(plan));
    }

    [Fact]
    public void Resolve_ProfileWhenOverrideNotConfigured_IsIgnored()
    {
        var catalog = TestConfig.BuildCatalog(TestConfig.Minimal);

        Assert.Equal(RouteTier.Direct, Resolve(catalog, Request("p/m", profile: "p/other")).Tier);
    }

    [Fact]
    public void Resolve_UnknownProfileWhenOverrideAllowed_IsModelNotFound()
    {
        var resolution = RouteResolver.Resolve(OverrideCatalog, Request("p/small", profile: "nope"));

        Assert.Equal(RouteResolver.ModelNotFound, resolution.ErrorCode);
        Assert.Null(resolution.Plan);
    }

    [Fact]
    public void Resolve_UnknownName_ModelNotFoundListingEveryValidName()
    {
        var resolution = RouteResolver.Resolve(Catalog, Request("gpt-5"));

        Assert.Null(resolution.Plan);
        Assert.Equal("model_not_found", resolution.ErrorCode);
        Assert.Equal("The model 'gpt-5' does not exist. Valid models: big, default, heartbeat, large, p/big, p/small, premium.", resolution.ErrorMessage);
    }

    [Fact]
    public void Resolve_NameDifferingOnlyByCase_IsNotRoutedSilently()
    {
        Assert.Equal(RouteResolver.ModelNotFound, RouteResolver.Resolve(Catalog, Request("Premium")).ErrorCode);
    }

    [Fact]
    public void Resolve_HugeOrControlCharacterName_IsEchoedShortAndPrintable()
    {
        var resolution = RouteResolver.Resolve(Catalog, Request("bad\nname" + new string('x', 500)));

        Assert.Equal(RouteResolver.ModelNotFound, resolution.ErrorCode);
        Assert.StartsWith("The model 'bad?name", resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("…' does not exist", resolution.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 101), resolution.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoModelAndNoDefaultRoute_IsAnErrorListingNames()
    {
        var catalog = TestConfig.BuildCatalog(TestConfig.Minimal);

        var resolution = RouteResolver.Resolve(catalog, Request(null));

        Assert.Null(resolution.Plan);
        Assert.Equal(RouteResolver.ModelNotFound, resolution.ErrorCode);
        Assert.Equal("The request names no model and no defaultRoute is configured. Valid models: p/m.", resolution.ErrorMessage);
    }

    [Fact]
    public void Resolve_DefaultRouteNamingAModel_UsesTheModel()
    {
        var catalog = TestConfig.BuildCatalog("""
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9" } },
              "models": { "p/m": { "provider": "p" } }, "defaultRoute": "p/m" }
            """);

        var plan = Resolve(catalog, Request(null));

        Assert.Equal(RouteTier.Direct, plan.Tier);
        Assert.Equal(["p/m"], Ids(plan));
    }

    [Fact]
    public void Resolve_SmartRoute_IsLeftToTheSmartPipeline()
    {
        var catalog = TestConfig.BuildCatalog("""
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9" } },
              "models": { "p/m": { "provider": "p", "enabled": false } },
              "routes": { "auto": { "strategy": "smart" } } }
            """);

        var resolution = RouteResolver.Resolve(catalog, Request("auto"));

        Assert.True(resolution.IsSmart);
        Assert.Null(resolution.Plan);
        Assert.Null(resolution.ErrorCode);
    }

    [Fact]
    public void Resolve_EmptyCatalog_NoDefaultRouteError()
    {
        var resolution = RouteResolver.Resolve(Majordomo.Catalog.EmptyCatalog.Create(), Request(null));

        Assert.Equal(RouteResolver.ModelNotFound, resolution.ErrorCode);
    }
}

public class RouteResolverPinTests
{
    private static readonly Majordomo.Catalog.Catalog Catalog = TestConfig.BuildCatalog("""
        {
          "server": { "allowProfileOverride": true },
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": { "p/small": { "provider": "p" }, "p/big": { "provider": "p" } },
          "aliases": { "big": "p/big" },
          "routes": { "auto": { "strategy": "smart" }, "default": { "chain": ["p/small"] }, "night": { "chain": ["p/small"] } },
          "defaultRoute": "default",
          "kinds": { "run": "night" }
        }
        """);

    private static ChatRequest Request(string? model, string? source = null, string? kind = null, string? profile = null) => new()
    {
        Body = "{}"u8.ToArray(),
        Protocol = "openai",
        Model = model,
        Metadata = new RequestMetadata(source, null, "s", kind, profile),
    };

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("default", "user", null, true)]
    [InlineData("auto", "USER", null, true)]
    [InlineData("p/small", null, null, false)]
    [InlineData(null, "heartbeat", null, false)]
    [InlineData(null, "cron", null, false)]
    [InlineData(null, null, "default", false)]
    public void PinApplies_OnlyUserTrafficOnDefaultOrSmart(string? model, string? source, string? profile, bool expected)
    {
        Assert.Equal(expected, RouteResolver.PinApplies(Catalog, Request(model, source, profile: profile)));
    }

    [Fact]
    public void Resolve_Pin_WinsOverKindsAndDefault()
    {
        var plan = RouteResolver.Resolve(Catalog, Request(null, kind: "run"), pin: "big").Plan!;

        Assert.Equal(RouteTier.Alias, plan.Tier);
        Assert.Equal("p/big", plan.Attempts[0].Model.Id);
    }
}
