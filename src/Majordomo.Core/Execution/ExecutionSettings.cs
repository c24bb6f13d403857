using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Providers;

namespace Majordomo.Execution;

/// <summary>
/// What the executor reads of one config snapshot, handed to it with each plan: resilience with its
/// defaults, health thresholds, the budget plan tickets are opened on, and the gates bound to them.
/// Built once per load/reload (see <c>GatewaySnapshot</c>); a request keeps the one it started with.
/// </summary>
internal sealed record ExecutionSettings(ResilienceSettings Resilience, HealthSettings Health, BudgetPlan Budgets, IModelGate[] Gates)
{
    /// <summary>Cuts this snapshot's provider and gateway keys out of upstream text (<see cref="SecretRedactor"/>).</summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.None;

    /// <summary>Defaults everywhere, no budgets, no gates.</summary>
    public static readonly ExecutionSettings Default = new(ResilienceSettings.Default, HealthSettings.Default, BudgetPlan.Empty, []);
}
