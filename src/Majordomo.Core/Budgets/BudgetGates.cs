using Majordomo.Catalog;

namespace Majordomo.Budgets;

/// <summary><c>quota</c>: a model whose pool has no room for one more answer at its multiplier is out.</summary>
internal sealed class QuotaGate(BudgetLedger ledger, BudgetPlan plan) : IModelGate
{
    public string Name => "quota";

    public Unavailability? Check(ModelEntry model, in GateContext context) =>
        model.Quota is null || model.Multiplier <= 0 ? null : ledger.Check(plan, model, context.ApiKeyName, context.Now, quota: true, usd: false);
}

/// <summary><c>budget</c>: with a USD budget spent (global or the caller's key), paid cloud models are out; local and free ones stay.</summary>
internal sealed class UsdBudgetGate(BudgetLedger ledger, BudgetPlan plan) : IModelGate
{
    public string Name => "budget";

    public Unavailability? Check(ModelEntry model, in GateContext context) =>
        BudgetLedger.IsCloudPaid(model) ? ledger.Check(plan, model, context.ApiKeyName, context.Now, quota: false, usd: true) : null;
}
