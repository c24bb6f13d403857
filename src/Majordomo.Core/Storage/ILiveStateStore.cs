namespace Majordomo.Storage;

/// <summary>
/// The live state instances of a fleet tell each other (SPEC §5): cooldowns, health verdicts and
/// rate-limit windows an upstream marked full. Each instance keeps its own view in memory (the request
/// path reads only that); changes are published off the request path and applied by the others as they
/// arrive. A store no other instance shares (SQLite) publishes nothing and watches nothing.
/// </summary>
internal interface ILiveStateStore
{
    /// <summary>Announces this instance's changes to the other instances sharing the store.</summary>
    ValueTask PublishAsync(IReadOnlyList<LiveChange> changes, CancellationToken cancellationToken);

    /// <summary>
    /// Changes published by the other instances, as they happen (this instance's own are left out). It
    /// starts with every cooldown in force, so a watcher that reconnects misses none; it ends at once for a
    /// store no other instance shares, and throws <see cref="StoreException"/> when the connection is lost.
    /// </summary>
    IAsyncEnumerable<LiveChange> WatchAsync(CancellationToken cancellationToken);
}

/// <summary>One change of live state.</summary>
internal abstract record LiveChange;

/// <summary>A cooldown started or changed; <see cref="StoredCooldown.Until"/> = <see cref="DateTimeOffset.MinValue"/> when cleared.</summary>
internal sealed record CooldownChange(StoredCooldown Cooldown) : LiveChange;

/// <summary>A model's health as one instance saw it (an active check, or a change of state seen in traffic).</summary>
internal sealed record HealthChange(string Provider, string Model, bool Healthy, DateTimeOffset At, string? Error) : LiveChange;

/// <summary>An upstream said 429: the provider's (<see cref="Model"/> null) or the model's declared window is full until <see cref="Until"/>.</summary>
internal sealed record RateLimitChange(string? Provider, string? Model, DateTimeOffset Until) : LiveChange;

/// <summary>The live state of a store no other instance shares: nothing to tell, nothing to hear.</summary>
internal sealed class UnsharedLiveState : ILiveStateStore
{
    public ValueTask PublishAsync(IReadOnlyList<LiveChange> changes, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public IAsyncEnumerable<LiveChange> WatchAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<LiveChange>();
}
