namespace Majordomo.Storage;

/// <summary>
/// Budget, quota-pool and per-key counters, one per scope and period ("quota:premium" / "m2026-11-01").
/// A counter's amount includes reservations in flight, so a crash can over-count an unanswered
/// request but never lose one. Each operation is atomic over all the counters it names (one
/// transaction): a reservation on three limits is stored on all three or on none.
/// </summary>
internal interface IBudgetStore
{
    /// <summary>
    /// Adds each amount to its counter, or nothing: when any counter with a <see cref="CounterReservation.Limit"/>
    /// would pass it, no counter changes and the result is false. A null limit counts without a check.
    /// The ledger passes the limit of every hold that must fit, after its own check in memory: for one
    /// gateway the store agrees; for a fleet on one database the store's check is the exact one.
    /// </summary>
    ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes held amounts back off their counters (the request was not answered).</summary>
    ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adjusts counters from the amount held to the amount really used (<see cref="CounterDelta.Amount"/> = actual − held).</summary>
    ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The counter's amount; 0 when it was never touched.</summary>
    ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken);
}

/// <summary>An amount for one counter (scope and period).</summary>
internal readonly record struct CounterDelta(string Scope, string Period, double Amount);

/// <summary>An amount to hold on one counter, refused when the counter would pass <see cref="Limit"/> (null: no check).</summary>
internal readonly record struct CounterReservation(string Scope, string Period, double Amount, double? Limit = null);

/// <summary>Budget threshold alerts: each threshold fires once per scope and period, even across restarts and instances.</summary>
internal interface IAlertStore
{
    /// <summary>Thresholds already fired for a scope and period.</summary>
    ValueTask<IReadOnlyCollection<double>> FiredThresholdsAsync(string scope, string period, CancellationToken cancellationToken);

    /// <summary>Stores an alert; false when this threshold already fired in this period.</summary>
    ValueTask<bool> TryAddAsync(BudgetAlert alert, CancellationToken cancellationToken);

    /// <summary>Records the webhook outcome of a stored alert.</summary>
    ValueTask MarkWebhookAsync(BudgetAlert alert, string status, CancellationToken cancellationToken);

    /// <summary>The latest alerts, newest first.</summary>
    ValueTask<IReadOnlyList<BudgetAlert>> RecentAsync(int max, CancellationToken cancellationToken);
}

/// <summary>A threshold crossed: stored once per scope, period and threshold, then posted to the webhook.</summary>
internal sealed record BudgetAlert(string Scope, string Period, double Threshold, string Budget, double Used, double Limit, DateTimeOffset At, DateTimeOffset? ResetsAt)
{
    public string? WebhookStatus { get; init; }
}
