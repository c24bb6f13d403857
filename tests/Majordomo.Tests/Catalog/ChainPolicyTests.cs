using Majordomo.Catalog;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Catalog;

public class ChainPolicyTests
{
    private const string Providers = """
        "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
        "models": {
          "p/free": { "provider": "p", "tier": 0 },
          "p/mid":  { "provider": "p", "tier": 1, "multiplier": 1 },
          "p/top":  { "provider": "p", "tier": 2, "cost": { "inputPerMTok": 3, "outputPerMTok": 15 } }
        }
        """;

    [Fact]
    public void Warnings_ChainEndingAtAFreeModelWithoutEscalation_None()
    {
        var catalog = TestConfig.BuildCatalog("{" + Providers + ", \"routes\": { \"r\": { \"chain\": [ \"p/top\", \"p/mid\", \"p/free\" ] } } }");

        Assert.Empty(ChainPolicy.Warnings(catalog));
    }

    [Fact]
    public void Warnings_ChainEndingAtAPaidModel_Warns()
    {
        var catalog = TestConfig.BuildCatalog("{" + Providers + ", \"routes\": { \"r\": { \"chain\": [ \"p/mid\" ] } } }");

        Assert.Equal(
            "routes.r: the chain ends at 'p/mid', which is not free (multiplier 0, cost 0); when it fails there is no free model to fall back to",
            Assert.Single(ChainPolicy.Warnings(catalog)));
    }

    [Fact]
    public void Warnings_ChainEscalatingToAHigherTier_Warns()
    {
        var catalog = TestConfig.BuildCatalog("{" + Providers + ", \"routes\": { \"r\": { \"chain\": [ \"p/free\", \"p/top\", \"p/free\" ] } } }");

        Assert.Equal(
            "routes.r: entry 1 'p/top' (tier 2) escalates above 'p/free' (tier 0) (resilience.neverEscalate: it is never tried after that entry)",
            Assert.Single(ChainPolicy.Warnings(catalog)));
    }

    [Fact]
    public void Warnings_SmartRoute_IsNotChecked()
    {
        var catalog = TestConfig.BuildCatalog("{" + Providers + ", \"routes\": { \"auto\": { \"strategy\": \"smart\" } } }");

        Assert.Empty(ChainPolicy.Warnings(catalog));
    }

    [Fact]
    public void Warnings_ClimbAboveTheLowestEarlierTier_FlaggedLikeTheRunTimePolicy()
    {
        var catalog = TestConfig.BuildCatalog("{" + Providers + ", \"resilience\": { \"neverEscalate\": false }, \"routes\": { \"r\": { \"chain\": [ \"p/top\", \"p/free\", \"p/mid\", \"p/free\" ] } } }");

        Assert.Equal(
            "routes.r: entry 2 'p/mid' (tier 1) escalates above 'p/free' (tier 0)",
            Assert.Single(ChainPolicy.Warnings(catalog)));
    }

    [Fact]
    public void Warnings_NamedChainAndModelFallbacks_CheckedOnceEach()
    {
        var json = """
            {
              "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
              "models": {
                "p/free": { "provider": "p", "tier": 0, "fallbacks": [ "p/mid" ] },
                "p/mid":  { "provider": "p", "tier": 1, "multiplier": 1 }
              },
              "chains": { "c": [ "p/free", "p/mid" ] },
              "routes": { "r": { "chain": "c" } }
            }
            """;

        var warnings = ChainPolicy.Warnings(TestConfig.BuildCatalog(json)).ToArray();

        Assert.Equal(4, warnings.Length);
        Assert.Equal(2, warnings.Count(w => w.StartsWith("chains.c: ", StringComparison.Ordinal)));
        Assert.Equal(2, warnings.Count(w => w.StartsWith("models[\"p/free\"].fallbacks: ", StringComparison.Ordinal)));
    }
}
