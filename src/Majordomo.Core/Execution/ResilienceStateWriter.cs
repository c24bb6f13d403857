using Majordomo.Health;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>
/// Writes the health log and cooldown changes to the store once a second, off the request path
/// (the request path only queues them). At start it restores the cooldowns still in force, so a
/// restart does not send traffic straight back to a key that is rate limited or unpaid.
/// </summary>
internal sealed partial class ResilienceStateWriter(
    IHealthLogStore store, HealthTracker health, Cooldowns cooldowns, TimeProvider time, ILogger<ResilienceStateWriter> logger, TimeSpan? interval = null) : BackgroundService
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(1);

    /// <summary>Loads persisted cooldowns into memory; called once after migrations.</summary>
    public void Restore()
    {
        try
        {
            foreach (var c in StoreSync.Wait(store.LoadCooldownsAsync(time.GetUtcNow(), CancellationToken.None)))
            {
                cooldowns.Restore(new CooldownInfo(c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until));
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
            changes.Add(new StoredCooldown(c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until));
        }

        try
        {
            StoreSync.Wait(store.WriteAsync(events, changes, CancellationToken.None));
        }
        catch (StoreException ex)
        {
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = LogEvents.ResilienceStateWriteFailed, Level = LogLevel.Warning, Message = "Health log / cooldown state could not be written: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
