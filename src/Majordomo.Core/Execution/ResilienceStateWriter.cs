using Majordomo.Health;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>
/// Writes the health log and cooldown changes to the store as soon as they are queued, off the request
/// path (the request path only queues them; a burst lands in one batch, at most one per
/// <see cref="Gap"/>), and tells the other instances of a fleet what changed: cooldowns,
/// health verdicts and rate-limit windows an upstream marked full (<see cref="ILiveStateStore"/>; nothing
/// for SQLite). At start it restores the cooldowns still in force, so a restart does not send traffic
/// straight back to a key that is rate limited or unpaid.
/// </summary>
internal sealed partial class ResilienceStateWriter(
    IHealthLogStore store, ILiveStateStore live, HealthTracker health, Cooldowns cooldowns, RateLimits rateLimits, TimeProvider time,
    ILogger<ResilienceStateWriter> logger) : BackgroundService
{
    /// <summary>
    /// The least time between two writes. A change queued after a quiet spell is written (and sent to
    /// the fleet) at once; one queued just after a write waits at most this long, with whatever else
    /// arrives meanwhile. It used to be a fixed 250 ms tick, which alone took a quarter of the second a
    /// fleet has (SPEC §5) and, behind a late timer on a loaded machine, most of it.
    /// </summary>
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(20);

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
        // One wait per queue, kept across rounds until it completes (a channel read is never waited twice at once).
        Task<bool>? healthQueued = null, cooldownQueued = null, markQueued = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            healthQueued ??= health.Log.WaitToReadAsync(stoppingToken).AsTask();
            cooldownQueued ??= cooldowns.Changes.WaitToReadAsync(stoppingToken).AsTask();
            markQueued ??= rateLimits.Marks.WaitToReadAsync(stoppingToken).AsTask();
            await Task.WhenAny(healthQueued, cooldownQueued, markQueued).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            healthQueued = healthQueued.IsCompleted ? null : healthQueued;
            cooldownQueued = cooldownQueued.IsCompleted ? null : cooldownQueued;
            markQueued = markQueued.IsCompleted ? null : markQueued;
            await FlushAsync().ConfigureAwait(false);

            try
            {
                await Task.Delay(Gap, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Writes everything queued so far. Awaited: on PostgreSQL the write and the fleet's notification are awaited
    /// round trips, so a slow database holds no pool thread while this writer waits for it.
    /// </summary>
    public async Task FlushAsync()
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
            await store.WriteAsync(events, changes, CancellationToken.None).ConfigureAwait(false);

            // After the write: a watcher reading the cooldowns table after a notification finds the row.
            await live.PublishAsync(Shared(events, changes), CancellationToken.None).ConfigureAwait(false);
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
