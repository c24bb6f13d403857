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
            "routes.r: entry 1 'p/top' (tier 2) escalates above 'p/free' (tier 0)",
            Assert.Single(ChainPolicy.Warnings(catalog)));
    }

    [Fact]
    public void Warnings_SmartRoute_IsNotChecked()
    {
        var catalog = TestConfig.BuildCatalog("{" + Providers + ", \"routes\": { \"auto\": { \"strategy\": \"smart\" } } }");

        Assert.Empty(ChainPolicy.Warnings(catalog));
    }
}
