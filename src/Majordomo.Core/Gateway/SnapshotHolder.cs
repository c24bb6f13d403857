using Majordomo.Catalog;

namespace Majordomo.Gateway;

/// <summary>The one reference to the snapshot in force; a reload swaps it atomically, in-flight requests keep theirs.</summary>
internal sealed class SnapshotHolder(GatewaySnapshot initial, bool unconfigured = false) : ICatalogSource
{
    private volatile GatewaySnapshot _current = initial;

    public GatewaySnapshot Current => _current;

    Catalog.Catalog ICatalogSource.Current => _current.Catalog;

    /// <summary>True when the gateway started without any configuration (it serves only <c>/health</c>).</summary>
    public bool IsUnconfigured { get; } = unconfigured;

    public void Swap(GatewaySnapshot next)
    {
        _current = next;
    }
}
