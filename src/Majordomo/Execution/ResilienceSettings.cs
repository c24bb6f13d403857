using Majordomo.Config;

namespace Majordomo.Execution;

/// <summary>
/// <c>resilience.*</c> resolved for one config snapshot: defaults applied, error rules compiled once.
/// The executor keeps the settings of the snapshot it last saw and rebuilds them only when the
/// config object changes (a reload), so no regex is constructed per request.
/// </summary>
public sealed class ResilienceSettings
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
        };
    }
}
