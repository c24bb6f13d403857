namespace Majordomo.Storage;

/// <summary>Store reachability, write problems and log-writer counters for <c>/health</c>; the probe result is cached briefly.</summary>
internal sealed class StoreStatus(IStore store, RequestLogWriter writer, StoreHealth health, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private (DateTimeOffset At, StoreProbe Result) _last = (DateTimeOffset.MinValue, default);
    private Task<StoreProbe>? _running;

    public string Kind => store.Kind;

    public long Written => writer.Written;

    public long Dropped => writer.Dropped;

    /// <summary>Request-log rows held in memory through a store outage.</summary>
    public long Held => writer.Held;

    /// <summary>What is wrong with storage now, one line each (empty when all is well): <c>/health</c>'s <c>problems</c>.</summary>
    public IReadOnlyList<string> Problems(bool reachable, string? error)
    {
        var writes = health.Problems();
        if (reachable)
        {
            return writes;
        }

        return [$"store: not usable: {error}", .. writes];
    }

    /// <summary>
    /// Whether the store answers: the last result while it is under a second old, else a new probe. Awaited, never
    /// waited on: a <c>/health</c> that blocked its thread on PostgreSQL's round trip could starve the thread pool the
    /// probe itself finishes on. Callers that arrive while a probe runs share it, so a burst of checks asks the store
    /// once; <paramref name="cancellationToken"/> ends one caller's wait, not the probe the others wait for.
    /// </summary>
    public async ValueTask<StoreProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        Task<StoreProbe> probe;
        lock (_lock)
        {
            if (time.GetUtcNow() - _last.At < MaxAge)
            {
                return _last.Result;
            }

            // Queued, not run here: a store that answers synchronously (SQLite) would otherwise finish, and clear
            // _running, before it is set.
            probe = _running ??= Task.Run(ProbeOnceAsync, CancellationToken.None);
        }

        return await probe.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoreProbe> ProbeOnceAsync()
    {
        try
        {
            var result = await store.ProbeAsync(CancellationToken.None).ConfigureAwait(false);
            lock (_lock)
            {
                _last = (time.GetUtcNow(), result);
            }

            return result;
        }
        finally
        {
            // A store that threw (they report failures as a result) is probed again by the next caller.
            lock (_lock)
            {
                _running = null;
            }
        }
    }
}
