using Majordomo.Config;

namespace Majordomo.Execution;

/// <summary>
/// <c>resilience.*</c> resolved for one config snapshot: defaults applied, error rules compiled once
/// when the config loads or reloads, so no regex is constructed per request.
/// </summary>
internal sealed class ResilienceSettings
{
    public const int DefaultInitialSeconds = 30;
    public const int DefaultMaxSeconds = 300;
    public const int DefaultBillingSeconds = 600;
    public const int DefaultMaxCooldownWaitMs = 1000;

    public static readonly ResilienceSettings Default = From(new MajordomoConfig());

    public required ErrorRuleSet Rules { get; init; }

    public bool NeverEscalate { get; init; } = true;

    public TimeSpan CooldownInitial { get; init; }

    public TimeSpan CooldownMax { get; init; }

    public TimeSpan CooldownBilling { get; init; }

    /// <summary>When every entry is cooling, the longest the executor waits for the soonest one in place.</summary>
    public TimeSpan MaxCooldownWait { get; init; }

    /// <summary><c>resilience.deadlineMs</c>: the whole chain's time limit, null for none.</summary>
    public TimeSpan? Deadline { get; init; }

    public static ResilienceSettings From(MajordomoConfig config)
    {
        var r = config.Resilience;
        return new ResilienceSettings
        {
            Rules = ErrorRuleSet.Compile(r?.ErrorRules),
            NeverEscalate = r?.NeverEscalate ?? true,
            CooldownInitial = TimeSpan.FromSeconds(r?.Cooldown?.InitialSeconds ?? DefaultInitialSeconds),
            CooldownMax = TimeSpan.FromSeconds(r?.Cooldown?.MaxSeconds ?? DefaultMaxSeconds),
            CooldownBilling = TimeSpan.FromSeconds(r?.Cooldown?.BillingSeconds ?? DefaultBillingSeconds),
            MaxCooldownWait = TimeSpan.FromMilliseconds(r?.MaxCooldownWaitMs ?? DefaultMaxCooldownWaitMs),
            Deadline = r?.DeadlineMs is { } d ? TimeSpan.FromMilliseconds(d) : null,
        };
    }
}
