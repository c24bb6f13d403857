namespace Majordomo.Storage;

/// <summary>Store reachability, write problems and log-writer counters for <c>/health</c>; the probe result is cached briefly.</summary>
internal sealed class StoreStatus(IStore store, RequestLogWriter writer, StoreHealth health, TimeProvider time)
{
    private readonly Lock _lock = new();
    private (DateTimeOffset At, bool Ok, string? Error) _last;

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

    public (bool Reachable, string? Error) Probe()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _last.At < TimeSpan.FromSeconds(1))
            {
                return (_last.Ok, _last.Error);
            }
        }

        var (ok, error) = StoreSync.Wait(store.ProbeAsync(CancellationToken.None));

        lock (_lock)
        {
            _last = (now, ok, error);
        }

        return (ok, error);
    }
}
