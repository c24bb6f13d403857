namespace Majordomo.Storage;

/// <summary>
/// The database behind the seam as a whole: its kind (<c>/health</c> reports it), migrations and a
/// reachability probe. Each kind of state has its own interface (<see cref="StoreSet"/> bundles them).
/// </summary>
internal interface IStore
{
    /// <summary>"sqlite" (embedded) or "postgres" (a fleet's shared database).</summary>
    string Kind { get; }

    /// <summary>Applies missing migrations; returns the schema version. Throws <see cref="StoreException"/> when the store cannot be opened.</summary>
    ValueTask<int> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>One cheap round trip; a failure is reported, not thrown.</summary>
    ValueTask<StoreProbe> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Which migrations are applied, without applying any (<c>majordomo check</c>). Throws <see cref="StoreException"/> when the store cannot be reached.</summary>
    ValueTask<StoreSchema> ReadSchemaAsync(CancellationToken cancellationToken);
}

/// <summary>The schema as found: the highest version applied, the highest this build knows, and how many known versions are missing.</summary>
internal readonly record struct StoreSchema(int Version, int Latest, int Missing)
{
    /// <summary>Every migration this build knows is applied, and none newer.</summary>
    public bool IsCurrent => Missing == 0 && Version == Latest;

    public static StoreSchema From(IReadOnlyCollection<int> applied, IEnumerable<int> known)
    {
        var versions = known.ToArray();
        return new StoreSchema(applied.Count == 0 ? 0 : applied.Max(), versions.Max(), versions.Count(v => !applied.Contains(v)));
    }
}

/// <summary>The result of <see cref="IStore.ProbeAsync"/>.</summary>
internal readonly record struct StoreProbe(bool Reachable, string? Error);

/// <summary>Every store of one database, so hosting and the contract tests wire them in one place.</summary>
internal sealed record StoreSet(
    IStore Store,
    IRequestLogStore Requests,
    IBudgetStore Budgets,
    IAlertStore Alerts,
    ISessionPinStore Sessions,
    ILoopSessionStore Loops,
    IHealthLogStore Health,
    ILiveStateStore Live) : IDisposable
{
    public void Dispose()
    {
        // One implementation may back several interfaces; dispose each object once.
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var part in new object[] { Requests, Budgets, Alerts, Sessions, Loops, Health, Live, Store })
        {
            if (seen.Add(part) && part is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
