namespace Majordomo.Catalog;

/// <summary>
/// The catalog in force, for background work (health checks) that sits above the request path. The
/// request path never asks this: it is handed the snapshot its endpoint read once.
/// </summary>
internal interface ICatalogSource
{
    Catalog Current { get; }
}
