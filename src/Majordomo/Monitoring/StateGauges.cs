using System.Diagnostics.Metrics;
using Majordomo.Budgets;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.Health;
using Majordomo.Storage;

namespace Majordomo.Monitoring;

/// <summary>
/// The observable instruments of SPEC §4: quotas, budgets, degradation, model health, cooldowns and
/// dropped log rows. Nothing is stored for them; each callback reads the current state when a
/// scrape (or an OTLP export) asks, from the current snapshot, so a reload shows at once.
/// </summary>
internal sealed class StateGauges(SnapshotHolder snapshots, BudgetLedger budgets, HealthTracker health, Cooldowns cooldowns, StoreStatus store, TimeProvider time)
{
    public void Register(Meter meter)
    {
        meter.CreateObservableGauge("majordomo_quota_used_units", QuotaUsed, null, "Units used of each quota pool's monthly limit in its current period.");
        meter.CreateObservableGauge("majordomo_quota_limit_units", QuotaLimit, null, "Each quota pool's monthly limit in units.");
        meter.CreateObservableGauge("majordomo_budget_used_usd", BudgetUsed, null, "USD used of each budget (scope:period) in its current period.");
        meter.CreateObservableGauge("majordomo_budget_limit_usd", BudgetLimitUsd, null, "Each USD budget's limit (scope:period).");
        meter.CreateObservableGauge("majordomo_degradation_level", CurrentLevel, null, "Global degradation level: 0 normal, then one per curve step (default curve: 4 local-only).");
        meter.CreateObservableGauge("majordomo_model_healthy", ModelHealthy, null, "1 when the model is healthy, 0 when it is marked unhealthy.");
        meter.CreateObservableGauge("majordomo_cooldowns_active", CooldownsActive, null, "Cooldowns in force, by provider.");
        meter.CreateObservableCounter("majordomo_request_log_dropped_total", () => store.Dropped, null, "Request-log rows dropped because the store could not keep up.");
    }

    private IEnumerable<Measurement<double>> QuotaUsed() => Pools((limit, used) => used);

    private IEnumerable<Measurement<double>> QuotaLimit() => Pools((limit, _) => limit.Limit);

    private IEnumerable<Measurement<double>> Pools(Func<BudgetLimit, double, double> value)
    {
        var now = time.GetUtcNow();
        foreach (var (pool, limits) in snapshots.Current.Budgets.ByPool)
        {
            // One series per pool: the monthly limit, which drives the curve (the daily one only paces).
            var limit = Array.Find(limits, l => l.PeriodKind == PeriodKind.Month) ?? limits[0];
            yield return new Measurement<double>(value(limit, budgets.Snapshot(limit, now).Used), new KeyValuePair<string, object?>("pool", pool));
        }
    }

    private IEnumerable<Measurement<double>> BudgetUsed() => UsdBudgets(true);

    private IEnumerable<Measurement<double>> BudgetLimitUsd() => UsdBudgets(false);

    private IEnumerable<Measurement<double>> UsdBudgets(bool used)
    {
        var now = time.GetUtcNow();
        foreach (var limit in snapshots.Current.Budgets.Limits)
        {
            if (limit.Kind == BudgetKind.Usd)
            {
                yield return new Measurement<double>(used ? budgets.Snapshot(limit, now).Used : limit.Limit, new KeyValuePair<string, object?>("budget", BudgetLabel(limit)));
            }
        }
    }

    /// <summary><c>usd:month</c>, <c>usd:key:alice:day</c>: the scope and period, names from config only.</summary>
    internal static string BudgetLabel(BudgetLimit limit) => limit.CounterScope;

    private int CurrentLevel()
    {
        var plan = snapshots.Current.Budgets;
        return LevelNumber(plan, budgets.Current(plan, time.GetUtcNow(), null));
    }

    /// <summary>0 for normal, else the level's step on the curve, counted from 1.</summary>
    internal static int LevelNumber(BudgetPlan plan, DegradationLevel level)
    {
        for (var i = 0; i < plan.Curve.Count; i++)
        {
            if (plan.Curve[i].Level.Name == level.Name)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private IEnumerable<Measurement<int>> ModelHealthy()
    {
        foreach (var model in snapshots.Current.Catalog.Models.Values)
        {
            yield return new Measurement<int>(health.Describe(model).Healthy ? 1 : 0, new KeyValuePair<string, object?>("model", model.Id));
        }
    }

    private IEnumerable<Measurement<int>> CooldownsActive()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var provider in snapshots.Current.Catalog.Config.Providers?.Keys ?? Enumerable.Empty<string>())
        {
            counts[provider] = 0;
        }

        foreach (var cooldown in cooldowns.Active(time.GetUtcNow()))
        {
            counts[cooldown.Provider] = counts.GetValueOrDefault(cooldown.Provider) + 1;
        }

        foreach (var (provider, count) in counts)
        {
            yield return new Measurement<int>(count, new KeyValuePair<string, object?>("provider", provider));
        }
    }
}
