namespace Majordomo.Storage;

/// <summary>
/// Applies what other instances sharing the store announce (SPEC §5: changes reach the others within a
/// second). A lost connection is retried every second with one log line per outage, not one per retry;
/// the store's watch starts again with the stored state, so nothing stored is missed. With a store no
/// other instance shares (SQLite) the watch ends at once, and so does this.
/// </summary>
internal abstract class StoreWatcher<T>(TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    protected abstract IAsyncEnumerable<T> WatchAsync(CancellationToken cancellationToken);

    protected abstract void Apply(T change);

    protected abstract void LogFailed(string reason);

    protected abstract void LogRecovered();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in WatchAsync(stoppingToken).ConfigureAwait(false))
                {
                    Apply(change);
                    if (failing)
                    {
                        failing = false;
                        LogRecovered();
                    }
                }

                return;
            }
            catch (StoreException ex)
            {
                if (!failing)
                {
                    failing = true;
                    LogFailed(ex.Message);
                }

                await Task.Delay(RetryInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
