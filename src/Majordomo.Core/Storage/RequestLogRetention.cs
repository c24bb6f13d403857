namespace Majordomo.Storage;

/// <summary>
/// <c>storage.retentionDays</c> (SPEC §5): deletes request-log rows older than that many days, at start
/// and then every hour, off the request path (both stores). A failure is logged and tried again at the
/// next round; nothing else depends on it.
/// </summary>
internal sealed partial class RequestLogRetention(IRequestLogStore store, int retentionDays, TimeProvider time, ILogger<RequestLogRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the rows older than the retention as of the clock's now; returns how many.</summary>
    public async Task<long> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(retentionDays);
        try
        {
            var deleted = await store.PruneAsync(before, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                LogPruned(logger, deleted, retentionDays, before);
            }

            return deleted;
        }
        catch (StoreException ex)
        {
            LogFailed(logger, ex.Message);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not on the start-up path: a first prune of a large log may take a while.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await PruneOnceAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.RequestLogPruned, Level = LogLevel.Information,
        Message = "Request log: {Deleted} row(s) older than {Days} day(s) deleted (before {Before:O}; storage.retentionDays)")]
    private static partial void LogPruned(ILogger logger, long deleted, int days, DateTimeOffset before);

    [LoggerMessage(EventId = LogEvents.RequestLogPruneFailed, Level = LogLevel.Warning, Message = "Request log rows past storage.retentionDays could not be deleted (tried again in an hour): {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
