using Majordomo.Config;

namespace Majordomo.Catalog;

/// <summary><c>health.*</c> resolved once per snapshot, every default applied (SPEC §1.9).</summary>
internal sealed record HealthSettings(bool ActiveChecks, TimeSpan Interval, TimeSpan Timeout, int UnhealthyAfter)
{
    public const int DefaultUnhealthyAfter = 3;
    public const int DefaultIntervalSeconds = 30;
    public const int DefaultTimeoutMs = 5000;

    public static readonly HealthSettings Default = From(null);

    public static HealthSettings From(HealthConfig? health) => new(
        health is not null && health.Enabled != false,
        TimeSpan.FromSeconds(health?.IntervalSeconds ?? DefaultIntervalSeconds),
        TimeSpan.FromMilliseconds(health?.TimeoutMs ?? DefaultTimeoutMs),
        health?.UnhealthyAfter ?? DefaultUnhealthyAfter);
}
