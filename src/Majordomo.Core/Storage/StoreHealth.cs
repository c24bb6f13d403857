namespace Majordomo.Storage;

/// <summary>
/// Whether the store is taking writes, per area (request log, budget counters, loop state …), for
/// <c>/health</c> (SPEC §4, §5): an area whose last write failed is a problem until a write succeeds.
/// Failures are logged at most once per interval per area, with how many happened since the last
/// line — a full disk must not turn into one error line per request. Thread-safe.
/// </summary>
internal sealed partial class StoreHealth(TimeProvider time, ILogger logger, TimeSpan? logInterval = null)
{
    public static readonly TimeSpan DefaultLogInterval = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _interval = logInterval ?? DefaultLogInterval;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Failing> _failing = new(StringComparer.Ordinal);
    private int _failingAreas;

    /// <summary>True while some area's last write failed.</summary>
    public bool IsFailing => Volatile.Read(ref _failingAreas) > 0;

    /// <summary>Records a failed write of <paramref name="area"/>; <paramref name="consequence"/> says what it cost ("12 rows dropped", "3 amounts pending").</summary>
    public void Failed(string area, Exception error, string consequence)
    {
        var now = time.GetUtcNow();
        int count;
        lock (_lock)
        {
            if (!_failing.TryGetValue(area, out var state))
            {
                state = new Failing(now);
                _failing[area] = state;
                Volatile.Write(ref _failingAreas, _failing.Count);
            }

            state.Count++;
            state.SinceLog++;
            state.Error = error.Message;
            state.Consequence = consequence;
            if (state.LoggedAt is { } last && now - last < _interval)
            {
                return;
            }

            state.LoggedAt = now;
            count = state.SinceLog;
            state.SinceLog = 0;
        }

        LogFailing(logger, area, count, (int)_interval.TotalSeconds, consequence, error.Message);
    }

    /// <summary>Records a successful write of <paramref name="area"/>: its problem, if any, is over (<paramref name="caughtUp"/>: what was written that had waited for it).</summary>
    public void Succeeded(string area, string? caughtUp = null)
    {
        // Called after every successful write: no lock while nothing is failing.
        if (Volatile.Read(ref _failingAreas) == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (!_failing.TryGetValue(area, out var state))
            {
                return;
            }

            // The recovery line is written before /health stops naming the area, so whoever sees "ok" finds the
            // line already logged (a rare event: the lock is held for one log call once per outage).
            LogRecovered(logger, area, state.Count, state.Since, caughtUp ?? "nothing was waiting");
            _failing.Remove(area);
            Volatile.Write(ref _failingAreas, _failing.Count);
        }
    }

    /// <summary>One line per failing area, for <c>/health</c>'s <c>problems</c>.</summary>
    public IReadOnlyList<string> Problems()
    {
        lock (_lock)
        {
            if (_failing.Count == 0)
            {
                return [];
            }

            return _failing.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => $"store: {f.Key} writes failing since {f.Value.Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({f.Value.Count} failures; {f.Value.Consequence}): {f.Value.Error}")
                .ToArray();
        }
    }

    private sealed class Failing(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;
        public int Count { get; set; }
        public int SinceLog { get; set; }
        public DateTimeOffset? LoggedAt { get; set; }
        public string Error { get; set; } = "";
        public string Consequence { get; set; } = "";
    }

    [LoggerMessage(EventId = LogEvents.StoreWritesFailing, Level = LogLevel.Error,
        Message = "Store writes failing ({Area}): {Count} failure(s) since the last report (at most one line per {Seconds} s); {Consequence}: {Error}")]
    private static partial void LogFailing(ILogger logger, string area, int count, int seconds, string consequence, string error);

    [LoggerMessage(EventId = LogEvents.StoreWritesRecovered, Level = LogLevel.Warning,
        Message = "Store writes recovered ({Area}) after {Count} failure(s) since {Since:O}; caught up: {CaughtUp}")]
    private static partial void LogRecovered(ILogger logger, string area, int count, DateTimeOffset since, string caughtUp);
}
