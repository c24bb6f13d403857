using Majordomo.Config;

namespace Majordomo.Budgets;

/// <summary>
/// A step of the degradation curve (SPEC §1.7) as selection applies it: <see cref="MaxTier"/> caps
/// automatic routing, <see cref="PreferCheaper"/> orders by cost first, <see cref="LocalOnly"/>
/// keeps only local/free models. Never empty: the last level still leaves the local and free models.
/// </summary>
internal sealed record DegradationLevel(string Name, double Usage, int? MaxTier, bool PreferCheaper, bool LocalOnly)
{
    public static readonly DegradationLevel Normal = new(DegradationModes.Normal, 0, null, false, false);
}

/// <summary>The degradation level in force for a request (global, or the strictest pool's).</summary>
internal interface IDegradationSource
{
    /// <summary>The level under <paramref name="plan"/> (the request's snapshot's budgets).</summary>
    DegradationLevel Current(BudgetPlan plan, DateTimeOffset now, string? apiKeyName);

    /// <summary><see cref="Current"/> for the request path's first look: a source backed by a store awaits what it must read first.</summary>
    ValueTask<DegradationLevel> CurrentAsync(BudgetPlan plan, DateTimeOffset now, string? apiKeyName) => new(Current(plan, now, apiKeyName));
}

/// <summary>Used until budgets are configured: always <see cref="DegradationLevel.Normal"/>.</summary>
internal sealed class NoDegradation : IDegradationSource
{
    public DegradationLevel Current(BudgetPlan plan, DateTimeOffset now, string? apiKeyName) => DegradationLevel.Normal;
}
