namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>A test class with its own scenario upstream and a gateway on <see cref="Configs.Standard"/>, per test.</summary>
public abstract class GatewayTest : IAsyncLifetime
{
    protected ScenarioUpstream Upstream { get; private set; } = null!;

    private protected TestGateway Gateway { get; private set; } = null!;

    protected virtual string Config => Configs.Standard;

    public async Task InitializeAsync()
    {
        Upstream = await ScenarioUpstream.StartAsync();
        Gateway = await TestGateway.StartAsync(Config, Upstream);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
