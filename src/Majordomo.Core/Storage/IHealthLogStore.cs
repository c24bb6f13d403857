namespace Majordomo.Storage;

/// <summary>The health log (active checks, changes seen in traffic) and the cooldowns in force.</summary>
internal interface IHealthLogStore
{
    /// <summary>
    /// Appends health events and applies cooldown changes in one transaction; a cooldown whose
    /// <see cref="StoredCooldown.Until"/> is <see cref="DateTimeOffset.MinValue"/> is removed if the row is the
    /// one its <see cref="StoredCooldown.SetAt"/> names or older, and a cooldown never replaces a newer row.
    /// </summary>
    ValueTask WriteAsync(IReadOnlyList<HealthEvent> events, IReadOnlyList<StoredCooldown> cooldowns, CancellationToken cancellationToken);

    /// <summary>Cooldowns still in force at <paramref name="now"/>; expired ones are deleted.</summary>
    ValueTask<IReadOnlyList<StoredCooldown>> LoadCooldownsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The latest health events, newest first (tests, diagnostics).</summary>
    ValueTask<IReadOnlyList<HealthEvent>> RecentAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>One active health check, or one change of a model's health seen in real traffic.</summary>
internal sealed record HealthEvent(DateTimeOffset Timestamp, string Provider, string? Model, string Source, bool Ok, bool Healthy, double? LatencyMs, string? Error);

/// <summary>
/// A cooldown as stored; the credential is its id, never its key. <see cref="SetAt"/> is the stamp it was set
/// with (<c>Cooldowns.Stamp</c>: ticks, never below a cooldown the instance knew of), which tells a newer
/// cooldown of the key from an older one across a fleet; a clear carries the stamp of the cooldown it cleared.
/// </summary>
internal sealed record StoredCooldown(string Provider, string Credential, string Model, string Reason, int Strikes, DateTimeOffset Until, long SetAt = 0)
{
    /// <summary>The stamp of a clear that names no cooldown (sent by an older build): it removes whatever is there.</summary>
    public const long Unnamed = long.MaxValue;
}
