using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Execution;
using Majordomo.Health;
using Majordomo.LoopGuard;
using Majordomo.Routing;

namespace Majordomo.Gateway;

/// <summary>
/// Builds a <see cref="GatewaySnapshot"/> from a catalog: every default applied, every rule compiled,
/// every gate bound to the snapshot's settings. Runs at startup and on each accepted reload.
/// </summary>
/// <param name="extraGates">Gates registered as <see cref="IModelGate"/> services (tests add their own); asked after the built-in ones.</param>
internal sealed class SnapshotBuilder(
    HealthTracker health,
    Cooldowns cooldowns,
    RateLimits rateLimits,
    BudgetLedger ledger,
    IEnumerable<IModelGate> extraGates)
{
    private readonly IModelGate[] _extraGates = [.. extraGates];

    public GatewaySnapshot Build(Catalog.Catalog catalog)
    {
        var config = catalog.Config;
        var budgets = BudgetPlan.From(config);
        IModelGate[] gates =
        [
            new HealthGate(health, catalog.Health),
            new CooldownGate(cooldowns),
            new RateLimitGate(rateLimits),
            new QuotaGate(ledger, budgets),
            new UsdBudgetGate(ledger, budgets),
            .. _extraGates,
        ];
        return new GatewaySnapshot
        {
            Catalog = catalog,
            Routing = RoutingSnapshot.Build(catalog, gates, budgets),
            Loop = new LoopSettingsSet(catalog),
            Budgets = budgets,
            Execution = new ExecutionSettings(ResilienceSettings.From(config), catalog.Health, budgets, gates) { Redactor = catalog.Redactor },
            Keys = GatewayKeys.From(config.Server?.ApiKeys),
            Cors = CorsOrigins.From(config.Server?.Cors),
            LogPrompts = config.Storage?.LogPrompts == true,
            Cache = Caching.CacheSettings.From(config),
        };
    }
}
