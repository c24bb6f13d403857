using System.Threading.Channels;

namespace Majordomo.Storage;

/// <summary>
/// Drains request-log rows from a bounded channel and writes them in batches, off the request path
/// (SPEC §5). A full queue drops the row (counted and logged) rather than make a request wait on disk.
/// Rows whose batch the store refuses are held in memory (bounded) and written first once it is back.
/// On graceful shutdown the queue is drained completely; what the store still refuses then is counted as
/// dropped and logged, and the store is not touched again, even by a writer thread the host stopped
/// waiting for.
/// </summary>
internal sealed partial class RequestLogWriter : BackgroundService, IRequestLog
{
    public const int Capacity = 10_000;
    public const int MaxBatch = 500;

    /// <summary>Rows kept through a store outage (about 1 KB each); more are dropped and counted.</summary>
    public const int HeldCapacity = 50_000;

    private static readonly TimeSpan HeldRetryInterval = TimeSpan.FromSeconds(1);
    private const string Area = "request log";

    private readonly Channel<RequestLogRecord> _channel = Channel.CreateBounded<RequestLogRecord>(
        // Wait mode makes TryWrite report a full queue (DropWrite would say true and drop silently).
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IRequestLogStore _store;
    private readonly ILogger<RequestLogWriter> _logger;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly StoreHealth _health;
    private readonly Lock _drainLock = new();

    // The writer thread's waits block on this without spinning (see Block). Never disposed: its wait handle is
    // never asked for, so it holds nothing native, and a late timer continuation may still set it.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private readonly Action _setWake;
    private IRequestLogAppender? _appender;
    private readonly List<RequestLogRecord> _held = [];
    private int _heldCount;
    private DateTimeOffset _nextHeldTry;
    private long _dropped;
    private long _written;

    // Set under _drainLock once StopAsync has drained the queue: the writer thread never opens the store again.
    private bool _stopped;

    public RequestLogWriter(IRequestLogStore store, TimeProvider time, ILogger<RequestLogWriter> logger, TimeSpan? interval = null, StoreHealth? health = null)
    {
        _health = health ?? new StoreHealth(time, logger);
        _store = store;
        _time = time;
        _logger = logger;
        _interval = interval ?? TimeSpan.FromMilliseconds(100);
        _setWake = _wake.Set;
    }

    /// <summary>Rows lost: the queue was full, the store was away so long that the rows held for it passed <see cref="HeldCapacity"/>, or it still refused them at shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Written => Interlocked.Read(ref _written);

    public bool TryEnqueue(RequestLogRecord record)
    {
        if (_channel.Writer.TryWrite(record))
        {
            return true;
        }

        if (Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(_logger, Dropped);
        }

        return false;
    }

    // The writer runs on a thread of its own: a batch insert is synchronous SQLite work, and on a
    // thread-pool thread it would hold up request continuations queued behind it (on a one-core
    // machine the pool may have a single worker). An OS thread is time-sliced with the request path.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var reader = _channel.Reader;
        var batch = new List<RequestLogRecord>(MaxBatch);
        try
        {
            while (WaitForRows(reader, stoppingToken))
            {
                // Let a batch accumulate briefly: fewer, larger transactions.
                Block(Task.Delay(_interval, _time, stoppingToken));
                Drain(reader, batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Until rows arrive; while rows are held for an outage, at most a second (they are retried even when traffic stops).</summary>
    private bool WaitForRows(ChannelReader<RequestLogRecord> reader, CancellationToken stoppingToken)
    {
        var wait = reader.WaitToReadAsync(stoppingToken);
        if (wait.IsCompletedSuccessfully)
        {
            return wait.Result;
        }

        var task = wait.AsTask();
        if (Held == 0)
        {
            Block(task);
            return task.Result;
        }

        Block(Task.WhenAny(task, Task.Delay(HeldRetryInterval, _time, stoppingToken)));
        return !task.IsCompleted || task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Waits for <paramref name="task"/> on the writer's thread without Task.Wait's spin-then-block: on a busy
    /// machine its spins are sched_yield calls, which were a sixth of the writer thread's CPU.
    /// </summary>
    private void Block(Task task)
    {
        if (!task.IsCompleted)
        {
            _wake.Reset();
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_setWake);
            _wake.Wait();
        }

        task.GetAwaiter().GetResult();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Flush what is left so a graceful shutdown loses nothing. One lock from the drain to the end: the
        // writer thread (still running when the host's stop timeout ran out first) waits, then finds the queue
        // empty and the store closed to it.
        lock (_drainLock)
        {
            DrainAtShutdown(_channel.Reader, new List<RequestLogRecord>(MaxBatch));
            _stopped = true;
            _appender?.Dispose();
            _appender = null;
        }
    }

    // Caller holds _drainLock. Held rows (through an outage, or a batch refused a moment ago) are tried once
    // more, not when the once-a-second pace allows; rows the store still refuses, with the rest of the queue
    // behind a refused batch, are counted as dropped and said so (nothing may stay queued: no one writes it
    // after this).
    private void DrainAtShutdown(ChannelReader<RequestLogRecord> reader, List<RequestLogRecord> batch)
    {
        var droppedBefore = Dropped;
        DrainCore(reader, batch);
        while (reader.TryRead(out var record))
        {
            Hold(record);
        }

        _nextHeldTry = DateTimeOffset.MinValue;
        if (_held.Count > 0 && TryWriteHeld())
        {
            return;
        }

        Interlocked.Add(ref _dropped, _held.Count);
        _held.Clear();
        Volatile.Write(ref _heldCount, 0);
        var lost = Dropped - droppedBefore;
        if (lost > 0)
        {
            LogLostAtShutdown(_logger, lost);
        }
    }

    private void Drain(ChannelReader<RequestLogRecord> reader, List<RequestLogRecord> batch)
    {
        // The writer thread and a shutdown drain (when the host's stop timeout ran out first) never overlap.
        lock (_drainLock)
        {
            DrainCore(reader, batch);
        }
    }

    /// <summary>One pass of the writer thread; tests call it to stand for a writer thread that woke after the stop.</summary>
    internal void WriteQueued() => Drain(_channel.Reader, new List<RequestLogRecord>(MaxBatch));

    // Caller holds _drainLock.
    private void DrainCore(ChannelReader<RequestLogRecord> reader, List<RequestLogRecord> batch)
    {
        if (_stopped)
        {
            return;
        }

        // Rows held through a store outage go first; while the store still fails, new rows join them.
        if (_held.Count > 0 && !TryWriteHeld())
        {
            while (reader.TryRead(out var record))
            {
                Hold(record);
            }

            // The problem line states the count at the next try (at most a second away).
            Volatile.Write(ref _heldCount, _held.Count);
            return;
        }

        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                // One appender kept across batches; on the writer's own thread, waiting holds up no request.
                _appender ??= _store.OpenAppender();
                StoreSync.Wait(_appender.AppendAsync(batch, CancellationToken.None));
                Interlocked.Add(ref _written, batch.Count);
                _health.Succeeded(Area);
            }
            catch (StoreException ex)
            {
                // Kept in memory (bounded) and written when the store is back; reported by /health, logged once per interval.
                foreach (var record in batch)
                {
                    Hold(record);
                }

                Failed(ex);
                return;
            }
        }
    }

    /// <summary>Rows kept in memory through a store outage, written first when it is back.</summary>
    public int Held => Volatile.Read(ref _heldCount);

    // Caller holds _drainLock. Past the bound a row is dropped and counted: memory must not grow without end.
    private void Hold(RequestLogRecord record)
    {
        if (_held.Count >= HeldCapacity)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        _held.Add(record);
    }

    // Caller holds _drainLock. True when every held row is written; tried at most once a second.
    private bool TryWriteHeld()
    {
        var now = _time.GetUtcNow();
        if (now < _nextHeldTry)
        {
            return false;
        }

        var caughtUp = _held.Count;
        try
        {
            _appender ??= _store.OpenAppender();
            while (_held.Count > 0)
            {
                var chunk = _held.GetRange(0, Math.Min(MaxBatch, _held.Count));
                StoreSync.Wait(_appender.AppendAsync(chunk, CancellationToken.None));
                _held.RemoveRange(0, chunk.Count);
                Volatile.Write(ref _heldCount, _held.Count);
                Interlocked.Add(ref _written, chunk.Count);
            }
        }
        catch (StoreException ex)
        {
            Failed(ex);
            return false;
        }

        _health.Succeeded(Area, $"{caughtUp} row(s) held in memory written");
        return true;
    }

    // Caller holds _drainLock. The held count is published after the problem line that states it.
    private void Failed(StoreException ex)
    {
        _nextHeldTry = _time.GetUtcNow() + HeldRetryInterval;
        _health.Failed(Area, ex, $"{_held.Count} rows held in memory, written when the store is back (at most {HeldCapacity}; {Dropped} dropped in all)");
        Volatile.Write(ref _heldCount, _held.Count);
        _appender?.Dispose();
        _appender = null;
    }

    [LoggerMessage(EventId = LogEvents.RequestLogQueueFull, Level = LogLevel.Warning, Message = "Request log queue is full; {Dropped} rows dropped so far (the store is too slow)")]
    private static partial void LogDropped(ILogger logger, long dropped);

    [LoggerMessage(EventId = LogEvents.RequestLogLostAtShutdown, Level = LogLevel.Error, Message = "Request log: {Count} rows held through a store outage could not be written at shutdown and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, long count);
}
