using Majordomo.Storage;

namespace Majordomo.Routing;

/// <summary>
/// Applies pins set through other instances sharing the store (SPEC §5: a <c>/use</c> on instance A
/// applies on B within a second). The store announces each change; a lost connection is retried every
/// second, and the first rows after it are every stored pin, so nothing is missed. With a store no
/// other instance shares (SQLite) there is nothing to watch and this ends at once.
/// </summary>
internal sealed partial class SessionPinWatcher(ISessionPinStore store, SessionPins pins, TimeProvider time, ILogger<SessionPinWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var (session, pin) in store.WatchAsync(stoppingToken).ConfigureAwait(false))
                {
                    pins.Apply(session, pin);
                    if (failing)
                    {
                        failing = false;
                        LogRecovered(logger);
                    }
                }

                return;
            }
            catch (StoreException ex)
            {
                // One line per outage, not one per retry.
                if (!failing)
                {
                    failing = true;
                    LogFailed(logger, ex.Message);
                }

                await Task.Delay(RetryInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.SessionPinWatchFailed, Level = LogLevel.Warning,
        Message = "Pins set through other instances are not being received (retried every second): {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.SessionPinWatchRecovered, Level = LogLevel.Warning, Message = "Pins from other instances are received again; every stored pin reloaded")]
    private static partial void LogRecovered(ILogger logger);
}
