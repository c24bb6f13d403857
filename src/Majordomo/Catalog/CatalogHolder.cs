namespace Majordomo.Catalog;

/// <summary>Holds the current catalog snapshot; a reload swaps it atomically, in-flight requests keep theirs.</summary>
public sealed class CatalogHolder(Catalog initial, bool unconfigured = false)
{
    private volatile Catalog _current = initial;

    public Catalog Current => _current;

    /// <summary>True when the gateway started without any configuration (it serves only <c>/health</c>).</summary>
    public bool IsUnconfigured { get; } = unconfigured;

    public void Swap(Catalog next)
    {
        _current = next;
    }
}
