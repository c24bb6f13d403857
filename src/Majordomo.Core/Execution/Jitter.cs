namespace Majordomo.Execution;

/// <summary>A seeded, thread-safe source of backoff jitter (injected so tests are repeatable).</summary>
internal sealed class Jitter(Random random)
{
    private readonly Lock _lock = new();

    /// <summary>Jittered exponential backoff: base × 2^retry × [0.5, 1.5), capped, and never below Retry-After.</summary>
    public TimeSpan Backoff(int baseMs, int retry, TimeSpan? retryAfter, TimeSpan cap)
    {
        double factor;
        lock (_lock)
        {
            factor = 0.5 + random.NextDouble();
        }

        var ms = Math.Min(baseMs * Math.Pow(2, Math.Max(0, retry - 1)) * factor, cap.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(ms);
        return retryAfter is { } ra && ra > delay ? ra : delay;
    }
}
