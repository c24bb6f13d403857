using Majordomo.Config;
using Majordomo.Providers;

namespace Majordomo.Tests.TestSupport;

/// <summary>Builds a <see cref="StubChatProvider"/> per provider name; never opens a connection.</summary>
internal sealed class FakeProviderFactory : IProviderFactory
{
    public List<string> Created { get; } = [];

    public IChatProvider GetOrCreate(string name, ProviderConfig config)
    {
        Created.Add(name);
        return new StubChatProvider(name);
    }
}

/// <summary>An <see cref="IChatProvider"/> driven by a callback; the default callback refuses to be called.</summary>
internal sealed class StubChatProvider(string name, Func<UpstreamCall, CancellationToken, Task<UpstreamResponse>>? send = null) : IChatProvider
{
    public string Name { get; } = name;

    public ValueTask<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken) =>
        send is null ? throw new InvalidOperationException($"provider '{Name}' was called in a unit test") : new(send(call, cancellationToken));

    public void Dispose()
    {
    }
}
