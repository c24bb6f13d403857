using Majordomo.Storage;

namespace Majordomo.Routing;

/// <summary>Applies pins set through other instances sharing the store (SPEC §5: a <c>/use</c> on instance A applies on B within a second).</summary>
internal sealed partial class SessionPinWatcher(ISessionPinStore store, SessionPins pins, TimeProvider time, ILogger<SessionPinWatcher> logger)
    : StoreWatcher<KeyValuePair<string, string?>>(time)
{
    protected override IAsyncEnumerable<KeyValuePair<string, string?>> WatchAsync(CancellationToken cancellationToken) => store.WatchAsync(cancellationToken);

    protected override void Apply(KeyValuePair<string, string?> change) => pins.Apply(change.Key, change.Value);

    protected override void LogFailed(string reason) => LogFailed(logger, reason);

    protected override void LogRecovered() => LogRecovered(logger);

    [LoggerMessage(EventId = LogEvents.SessionPinWatchFailed, Level = LogLevel.Warning,
        Message = "Pins set through other instances are not being received (retried every second): {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.SessionPinWatchRecovered, Level = LogLevel.Warning, Message = "Pins from other instances are received again; every stored pin reloaded")]
    private static partial void LogRecovered(ILogger logger);
}
