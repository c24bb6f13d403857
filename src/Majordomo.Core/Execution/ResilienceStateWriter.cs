using Majordomo.Health;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>
/// Writes the health log and cooldown changes to the store every 250 ms, off the request path (the
/// request path only queues them), and tells the other instances of a fleet what changed: cooldowns,
/// health verdicts and rate-limit windows an upstream marked full (<see cref="ILiveStateStore"/>; nothing
/// for SQLite). At start it restores the cooldowns still in force, so a restart does not send traffic
/// straight back to a key that is rate limited or unpaid.
/// </summary>
internal sealed partial class ResilienceStateWriter(
    IHealthLogStore store, ILiveStateStore live, HealthTracker health, Cooldowns cooldowns, RateLimits rateLimits, TimeProvider time,
    ILogger<ResilienceStateWriter> logger, TimeSpan? interval = null) : BackgroundService
{
    // Short enough that a change reaches the rest of a fleet well within a second (SPEC §5).
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMilliseconds(250);

    /// <summary>Loads persisted cooldowns into memory; called once after migrations.</summary>
    public void Restore()
    {
        try
        {
            foreach (var c in StoreSync.Wait(store.LoadCooldownsAsync(time.GetUtcNow(), CancellationToken.None)))
            {
                cooldowns.Restore(new CooldownInfo(c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until, c.SetAt));
            }
        }
        catch (Exception ex) when (ex is StoreException or ArgumentException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            Flush();
        }

        Flush();
    }

    /// <summary>Writes everything queued so far.</summary>
    public void Flush()
    {
        var events = new List<HealthEvent>();
        while (events.Count < 5000 && health.Log.TryRead(out var ev))
        {
            events.Add(ev);
        }

        var changes = new List<StoredCooldown>();
        while (changes.Count < 5000 && cooldowns.Changes.TryRead(out var c))
        {
            changes.Add(new StoredCooldown(c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until, c.SetAt));
        }

        try
        {
            StoreSync.Wait(store.WriteAsync(events, changes, CancellationToken.None));

            // After the write: a watcher reading the cooldowns table after a notification finds the row.
            StoreSync.Wait(live.PublishAsync(Shared(events, changes), CancellationToken.None));
        }
        catch (StoreException ex)
        {
            LogFailed(logger, ex.Message);
        }
    }

    /// <summary>What the rest of a fleet applies: every cooldown change, the verdicts among the health events, the windows marked full.</summary>
    private List<LiveChange> Shared(List<HealthEvent> events, List<StoredCooldown> changes)
    {
        var shared = new List<LiveChange>(changes.Count);
        foreach (var c in changes)
        {
            shared.Add(new CooldownChange(c));
        }

        foreach (var e in events)
        {
            // A failure that has not made the model unhealthy yet is no verdict: only this instance counts it.
            if (e.Model is { } model && e.Ok == e.Healthy)
            {
                shared.Add(new HealthChange(e.Provider, model, e.Healthy, e.Timestamp, e.Error));
            }
        }

        while (shared.Count < 10_000 && rateLimits.Marks.TryRead(out var mark))
        {
            shared.Add(mark);
        }

        return shared;
    }

    [LoggerMessage(EventId = LogEvents.ResilienceStateWriteFailed, Level = LogLevel.Warning, Message = "Health log / cooldown state could not be written: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
