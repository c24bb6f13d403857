using Majordomo.Config;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;
using Majordomo.Providers.Responses;
using Majordomo.Providers.Simulated;

namespace Majordomo.Providers;

/// <summary>
/// The registry of wire protocols: the one place that lists them. A new protocol is a folder with a
/// <see cref="WireProtocol"/> and one line in <see cref="All"/> (see docs/ARCHITECTURE.md, "How to add
/// a protocol"). Immutable: built once, read everywhere without locks.
/// </summary>
internal static class Protocols
{
    public static readonly WireProtocol OpenAI = new OpenAIProtocol();

    public static readonly WireProtocol Anthropic = new AnthropicProtocol();

    public static readonly WireProtocol Responses = new ResponsesProtocol();

    /// <summary>Every protocol, each registered once.</summary>
    public static readonly IReadOnlyList<WireProtocol> All = [OpenAI, Anthropic, Responses];

    /// <summary>The shape every translation goes through.</summary>
    public static WireProtocol Hub => OpenAI;

    /// <summary>The demo upstream (<c>"api": "simulated"</c>): no network, answers in the hub protocol.</summary>
    public const string SimulatedApi = ProviderApis.Simulated;

    /// <summary>The protocol named <paramref name="name"/>; the hub for a name no protocol has (the validator refuses those).</summary>
    public static WireProtocol Get(string? name)
    {
        var all = All;
        for (var i = 0; i < all.Count; i++)
        {
            // Names come from the registry's own constants, so the reference check usually decides.
            if (ReferenceEquals(all[i].Name, name) || all[i].Name == name)
            {
                return all[i];
            }
        }

        return Hub;
    }

    /// <summary>
    /// The adapter for a provider, wrapped in a <see cref="ProtocolBridge"/> so that it also serves
    /// clients of every other protocol.
    /// </summary>
    public static IChatProvider CreateAdapter(string providerName, ProviderConfig config, TimeProvider time)
    {
        if (config.Api == SimulatedApi)
        {
            return new ProtocolBridge(new SimulatedProvider(providerName, config.Simulation ?? new SimulationConfig(), time), Hub, time);
        }

        var protocol = Get(config.Api);
        var adapter = protocol.CreateAdapter(config) ?? throw new InvalidOperationException($"protocol '{protocol.Name}' has no upstream adapter");
        return new ProtocolBridge(adapter, protocol, time);
    }
}
