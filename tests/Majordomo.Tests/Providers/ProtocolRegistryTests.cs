using Majordomo.Config;
using Majordomo.Execution;
using Majordomo.Providers;

namespace Majordomo.Tests.Providers;

public class ProtocolRegistryTests
{
    [Fact]
    public void EveryProtocol_IsFoundByItsName_AndNamesAreUnique()
    {
        Assert.Equal(Protocols.All.Count, Protocols.All.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var protocol in Protocols.All)
        {
            Assert.Same(protocol, Protocols.Get(protocol.Name));
        }
    }

    [Fact]
    public void EveryConfiguredApi_HasAnAdapter()
    {
        // The config's `api` vocabulary and the registry must agree: a value the validator accepts
        // has an adapter (the simulator is built by the registry itself).
        foreach (var api in ProviderApis.All.Words)
        {
            var config = new ProviderConfig { Api = api, BaseUrl = "http://127.0.0.1:1/v1" };
            using var adapter = Protocols.CreateAdapter("p", config, TimeProvider.System);
            Assert.NotNull(adapter);
            if (api != ProviderApis.Simulated)
            {
                Assert.Equal(api, Protocols.Get(api).Name);
            }
        }
    }

    [Fact]
    public void TheHub_NeedsNoTranslation_AndEveryOtherProtocolHasOne()
    {
        Assert.Null(Protocols.Hub.Translation);
        Assert.All(Protocols.All.Where(p => !ReferenceEquals(p, Protocols.Hub)), p => Assert.NotNull(p.Translation));
    }

    [Fact]
    public void ErrorTypesOfARegisteredProtocol_ReachTheClassifier()
    {
        foreach (var (marker, failure) in Protocols.All.SelectMany(p => p.ErrorTypes))
        {
            Assert.Equal(failure, FailureClassifier.FromBody("{\"type\":\"error\",\"error\":{\"type\":" + marker + "}}"));
        }
    }
}
