using Majordomo.Health;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>
/// Applies the live state other instances of a fleet publish (SPEC §5): a cooldown set or cleared there,
/// a health verdict reached there, a rate-limit window an upstream marked full there. The request path
/// keeps reading only this instance's memory.
/// </summary>
internal sealed partial class LiveStateWatcher(
    ILiveStateStore store, Cooldowns cooldowns, HealthTracker health, RateLimits rateLimits, TimeProvider time, ILogger<LiveStateWatcher> logger)
    : StoreWatcher<LiveChange>(time)
{
    protected override IAsyncEnumerable<LiveChange> WatchAsync(CancellationToken cancellationToken) => store.WatchAsync(cancellationToken);

    protected override void Apply(LiveChange change)
    {
        switch (change)
        {
            case CooldownChange { Cooldown: var c } when c.Until == DateTimeOffset.MinValue:
                cooldowns.Forget(c.Provider, c.Credential, c.Model, c.SetAt);
                break;
            case CooldownChange { Cooldown: var c }:
                cooldowns.Restore(new CooldownInfo(c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until, c.SetAt));
                break;
            case HealthChange h:
                health.Apply(h.Model, h.Healthy, h.At, h.Error);
                break;
            case RateLimitChange r:
                rateLimits.Apply(r);
                break;
        }
    }

    protected override void LogFailed(string reason) => LogFailed(logger, reason);

    protected override void LogRecovered() => LogRecovered(logger);

    [LoggerMessage(EventId = LogEvents.LiveStateWatchFailed, Level = LogLevel.Warning,
        Message = "Cooldowns, health and rate limits from other instances are not being received (retried every second): {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.LiveStateWatchRecovered, Level = LogLevel.Warning,
        Message = "Cooldowns, health and rate limits from other instances are received again; cooldowns in force reloaded")]
    private static partial void LogRecovered(ILogger logger);
}
