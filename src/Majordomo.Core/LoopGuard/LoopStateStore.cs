using System.Collections.Concurrent;
using System.Threading.Channels;
using Majordomo.Storage;

namespace Majordomo.LoopGuard;

/// <summary>A session's loop state: the last level reported, the detector and count behind it.</summary>
internal sealed record LoopSessionState(LoopLevel Level, string Detector, int Count, DateTimeOffset UpdatedAt);

/// <summary>
/// Loop state per session (kept in the <see cref="ILoopSessionStore"/>), so a looping session is still
/// known as such after a restart and operators can see which sessions loop. Reads come from memory;
/// changes go through a bounded channel to a writer thread — a request never waits on the store.
/// Sessions idle for a day are forgotten.
/// </summary>
internal sealed partial class LoopStateStore : BackgroundService
{
    public const int Capacity = 10_000;
    public const int MaxSessions = 100_000;
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, LoopSessionState> _sessions = new(StringComparer.Ordinal);
    private readonly Channel<(string Session, LoopSessionState? State)> _changes =
        Channel.CreateBounded<(string, LoopSessionState?)>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ILoopSessionStore _store;
    private readonly StoreHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<LoopStateStore> _logger;
    private readonly TimeSpan _interval;
    private readonly Lock _drainLock = new();
    private long _dropped;
    private long _written;

    public LoopStateStore(ILoopSessionStore store, TimeProvider time, ILogger<LoopStateStore> logger, TimeSpan? interval = null, StoreHealth? health = null)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _health = health ?? new StoreHealth(time, logger);
        _interval = interval ?? TimeSpan.FromMilliseconds(100);
    }

    /// <summary>True when no session is looping: the guard then needs no session id for a clean conversation.</summary>
    public bool IsEmpty => _sessions.IsEmpty;

    public int Sessions => _sessions.Count;

    public long Written => Interlocked.Read(ref _written);

    public LoopSessionState? Get(string session)
    {
        if (!_sessions.TryGetValue(session, out var state))
        {
            return null;
        }

        if (_time.GetUtcNow() - state.UpdatedAt > Retention)
        {
            Clear(session);
            return null;
        }

        return state;
    }

    /// <summary>Records a session's state; returns the level it had before (None when it was not looping).</summary>
    public LoopLevel Set(string session, LoopSessionState state)
    {
        var previous = Get(session);
        if (previous is not null && previous.Level == state.Level && previous.Count == state.Count && previous.Detector == state.Detector)
        {
            return previous.Level;
        }

        if (previous is null && _sessions.Count >= MaxSessions)
        {
            return LoopLevel.None;
        }

        _sessions[session] = state;
        Enqueue(session, state);
        return previous?.Level ?? LoopLevel.None;
    }

    /// <summary>The conversation made progress: the session's state is forgotten.</summary>
    public bool Clear(string session)
    {
        if (!_sessions.TryRemove(session, out _))
        {
            return false;
        }

        Enqueue(session, null);
        return true;
    }

    private void Enqueue(string session, LoopSessionState? state)
    {
        if (!_changes.Writer.TryWrite((session, state)) && Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(_logger, _dropped);
        }
    }

    /// <summary>Loads the sessions still looping from the store (called once at start, after migrations).</summary>
    public void Load()
    {
        foreach (var stored in StoreSync.Wait(_store.LoadAsync(_time.GetUtcNow() - Retention, MaxSessions, CancellationToken.None)))
        {
            var level = stored.Level switch
            {
                "warning" => LoopLevel.Warning,
                "critical" => LoopLevel.Critical,
                "breaker" => LoopLevel.Breaker,
                _ => LoopLevel.None,
            };
            if (level != LoopLevel.None)
            {
                _sessions[stored.Session] = new LoopSessionState(level, stored.Detector, stored.Count, stored.UpdatedAt);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var reader = _changes.Reader;
        try
        {
            while (reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                Task.Delay(_interval, _time, stoppingToken).GetAwaiter().GetResult();
                Drain();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _changes.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Drain();
    }

    /// <summary>Writes queued changes; only the last change per session in a batch reaches the store.</summary>
    internal void Drain()
    {
        lock (_drainLock)
        {
            var batch = new Dictionary<string, LoopSessionState?>(StringComparer.Ordinal);
            while (_changes.Reader.TryRead(out var change))
            {
                batch[change.Session] = change.State;
            }

            if (batch.Count == 0)
            {
                return;
            }

            var upserts = new List<StoredLoopSession>(batch.Count);
            var deletes = new List<string>();
            foreach (var (session, state) in batch)
            {
                if (state is null)
                {
                    deletes.Add(session);
                }
                else
                {
                    upserts.Add(new StoredLoopSession(session, LoopVerdict.LevelName(state.Level), state.Detector, state.Count, state.UpdatedAt));
                }
            }

            try
            {
                // On the writer's own thread (or at shutdown): waiting holds up no request.
                StoreSync.Wait(_store.ApplyAsync(upserts, deletes, CancellationToken.None));
                Interlocked.Add(ref _written, batch.Count);
                _health.Succeeded("loop state");
            }
            catch (StoreException ex)
            {
                _health.Failed("loop state", ex, $"{batch.Count} session changes not stored");
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.LoopStateQueueFull, Level = LogLevel.Warning, Message = "Loop state queue is full; {Dropped} changes dropped so far (the store is too slow)")]
    private static partial void LogDropped(ILogger logger, long dropped);

}
