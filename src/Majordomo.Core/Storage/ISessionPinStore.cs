namespace Majordomo.Storage;

/// <summary>Session pins set by <c>/use</c> (SPEC §1.1): session id → route, alias or model id.</summary>
internal interface ISessionPinStore
{
    /// <summary>Every session currently pinned.</summary>
    ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Pins a session, or clears its pin when <paramref name="pin"/> is null.</summary>
    ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Pins set or cleared by any instance sharing the store (<c>Value</c> null: cleared), as they
    /// happen. It starts with every stored row, so a watcher that reconnects misses nothing; it ends
    /// at once for a store no other instance shares (SQLite), and throws <see cref="StoreException"/>
    /// when the connection is lost (the caller watches again).
    /// </summary>
    IAsyncEnumerable<KeyValuePair<string, string?>> WatchAsync(CancellationToken cancellationToken);
}
