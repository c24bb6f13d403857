using System.Collections.Concurrent;

namespace Majordomo.Routing;

/// <summary>
/// Recent latency per model (an exponentially weighted moving average of answered requests), the last
/// ordering key of SPEC §1.4. Thread-safe without locks: a lost update between two racing requests only
/// drops one sample of a moving average.
/// </summary>
internal sealed class LatencyTracker
{
    /// <summary>Weight of a new sample: about the last ten requests dominate.</summary>
    public const double Alpha = 0.2;

    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    /// <summary>The average in milliseconds, or null when the model has not answered yet.</summary>
    public double? Get(string modelId) => _cells.TryGetValue(modelId, out var cell) ? Volatile.Read(ref cell.Value) : null;

    /// <summary>Sort key; a model without samples sorts first among its equals, so it gets tried and measured.</summary>
    internal double Key(string modelId) => _cells.TryGetValue(modelId, out var cell) ? Volatile.Read(ref cell.Value) : 0;

    public void Record(string modelId, double milliseconds)
    {
        if (!double.IsFinite(milliseconds) || milliseconds < 0)
        {
            return;
        }

        var cell = _cells.GetOrAdd(modelId, static (_, ms) => new Cell { Value = ms }, milliseconds);
        var current = Volatile.Read(ref cell.Value);
        Volatile.Write(ref cell.Value, current + (Alpha * (milliseconds - current)));
    }

    private sealed class Cell
    {
        public double Value;
    }
}
