using System.Threading.Channels;

namespace Majordomo.Storage;

/// <summary>
/// Drains request-log rows from a bounded channel and writes them in batches, off the request path
/// (SPEC §5). A full queue drops the row (counted and logged) rather than make a request wait on disk.
/// On graceful shutdown the queue is drained completely.
/// </summary>
internal sealed partial class RequestLogWriter : BackgroundService, IRequestLog
{
    public const int Capacity = 10_000;
    public const int MaxBatch = 500;
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
    private IRequestLogAppender? _appender;
    private long _dropped;
    private long _written;

    public RequestLogWriter(IRequestLogStore store, TimeProvider time, ILogger<RequestLogWriter> logger, TimeSpan? interval = null, StoreHealth? health = null)
    {
        _health = health ?? new StoreHealth(time, logger);
        _store = store;
        _time = time;
        _logger = logger;
        _interval = interval ?? TimeSpan.FromMilliseconds(100);
    }

    /// <summary>Rows lost: the queue was full, or their batch could not be written.</summary>
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
            while (reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                // Let a batch accumulate briefly: fewer, larger transactions.
                Task.Delay(_interval, _time, stoppingToken).GetAwaiter().GetResult();
                Drain(reader, batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Flush what is left so a graceful shutdown loses nothing.
        var batch = new List<RequestLogRecord>(MaxBatch);
        Drain(_channel.Reader, batch);
        lock (_drainLock)
        {
            _appender?.Dispose();
            _appender = null;
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

    private void DrainCore(ChannelReader<RequestLogRecord> reader, List<RequestLogRecord> batch)
    {
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
                // The rows are lost (the log is not worth a request's wait); counted, reported by /health, logged once per interval.
                var dropped = Interlocked.Add(ref _dropped, batch.Count);
                _health.Failed(Area, ex, $"{batch.Count} rows dropped, {dropped} in all");
                _appender?.Dispose();
                _appender = null;
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.RequestLogQueueFull, Level = LogLevel.Warning, Message = "Request log queue is full; {Dropped} rows dropped so far (the store is too slow)")]
    private static partial void LogDropped(ILogger logger, long dropped);
}
