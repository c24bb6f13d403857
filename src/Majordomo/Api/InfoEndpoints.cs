using System.Text.Json;
using Majordomo.Config;
using Majordomo.Engine;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.Health;
using Majordomo.Storage;

namespace Majordomo.Api;

/// <summary><c>GET /v1/models</c> and <c>GET /health</c>.</summary>
internal sealed class InfoEndpoints(SnapshotHolder snapshots, StoreStatus store, RequestIds ids, TimeProvider time, Budgets.BudgetLedger budgets, HealthTracker health, Cooldowns cooldowns, ConfigFileStatus config)
{
    public static readonly string Version = typeof(InfoEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public async Task ModelsAsync(HttpContext context)
    {
        var snapshot = snapshots.Current;
        var catalog = snapshot.Catalog;
        context.Response.Headers["X-Request-Id"] = ids.New();
        if (!(await Admission.AuthorizeAsync(context, snapshot, Ingress.OpenAI).ConfigureAwait(false)).Authorized)
        {
            return;
        }

        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var data = new List<ModelListEntry>();
        foreach (var route in catalog.Routes.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            // A smart route has no first model: what answers depends on the request.
            var first = route.Smart || route.Chain.Count == 0 ? null : route.Chain[0].Model;
            data.Add(new ModelListEntry(route.Name, "model", created, "majordomo")
            {
                ContextLength = first?.ContextWindow,
                MaxOutputTokens = first?.MaxOutputTokens,
                Majordomo = new ModelListInfo("route", null, null, null, route.Smart ? null : route.Chain.Select(c => c.Model.Id).ToArray()),
            });
        }

        foreach (var (alias, model) in catalog.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            data.Add(new ModelListEntry(alias, "model", created, "majordomo")
            {
                ContextLength = model.ContextWindow,
                MaxOutputTokens = model.MaxOutputTokens,
                Majordomo = new ModelListInfo("alias", model.Provider.Name, model.Tier, model.Id, null),
            });
        }

        foreach (var model in catalog.Models.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            data.Add(new ModelListEntry(model.Id, "model", created, model.Provider.Name)
            {
                ContextLength = model.ContextWindow,
                MaxOutputTokens = model.MaxOutputTokens,
                Majordomo = new ModelListInfo("model", model.Provider.Name, model.Tier, null, model.Chain.Count > 1 ? model.Chain.Select(c => c.Model.Id).ToArray() : null)
                {
                    Enabled = model.Enabled,
                },
            });
        }

        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new ModelList("list", data), ApiJson.Relaxed.ModelList, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task HealthAsync(HttpContext context)
    {
        var snapshot = snapshots.Current;
        var catalog = snapshot.Catalog;
        var (reachable, error) = await store.ProbeAsync(context.RequestAborted).ConfigureAwait(false);
        IReadOnlyList<string> problems = [.. config.Problems(), .. store.Problems(reachable, error)];
        var status = problems.Count == 0 ? "ok" : "degraded";

        // 200 even when degraded: the gateway still routes (counters held in memory, retried), and a
        // liveness check that restarted it now would lose what is pending (SPEC §5).
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var caller = Caller.Resolve(context, snapshot);
        if (!caller.Authenticated)
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, new PublicHealthReport(status, Version, problems), ApiJson.Relaxed.PublicHealthReport, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var models = catalog.Models.Count;
        await budgets.ReadCountersAsync(snapshot.Budgets.Limits, time.GetUtcNow()).ConfigureAwait(false);
        var (healthModels, modelStates, providerStates) = HealthSummary(catalog);
        var configured = catalog.Config.Providers is { Count: > 0 } && !snapshots.IsUnconfigured;
        var report = new HealthReport(
            status,
            Version,
            configured,
            snapshots.IsUnconfigured ? UnconfiguredMessage : null,
            new HealthStore(store.Kind, reachable, error, store.Written, store.Dropped, store.Held),
            healthModels,
            catalog.Describe(),
            BudgetSummary(snapshot.Budgets, caller))
        {
            Health = new HealthDetails(
                catalog.Health.ActiveChecks,
                providerStates,
                modelStates,
                cooldowns.Active(time.GetUtcNow()).Select(c => new CooldownSummary(c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until)).ToArray()),
            Problems = problems,
        };

        await JsonSerializer.SerializeAsync(context.Response.Body, report, ApiJson.Relaxed.HealthReport, context.RequestAborted).ConfigureAwait(false);
    }

    private (HealthModels Totals, ModelHealthSummary[] Models, ProviderHealthSummary[] Providers) HealthSummary(Catalog.Catalog catalog)
    {
        var states = catalog.Models.Values.OrderBy(m => m.Id, StringComparer.Ordinal).Select(health.Describe).ToArray();
        var unhealthy = states.Count(m => !m.Healthy);
        var models = states.Select(m => new ModelHealthSummary(m.Model, m.Provider, m.Healthy, m.ConsecutiveFailures, m.LatencyMs is { } l ? Math.Round(l, 1) : null, m.LastError, m.Since)).ToArray();
        var providers = states.GroupBy(m => m.Provider, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProviderHealthSummary(g.Key, g.Count(m => m.Healthy), g.Count(m => !m.Healthy))).ToArray();
        return (new HealthModels(states.Length, states.Length - unhealthy, unhealthy), models, providers);
    }

    /// <summary>A tenant key sees the curve its requests get and only the budgets it draws on.</summary>
    private HealthBudget BudgetSummary(Budgets.BudgetPlan plan, Caller caller)
    {
        if (plan.IsEmpty)
        {
            return new HealthBudget(false, "no budgets or quota pools are configured");
        }

        var now = time.GetUtcNow();
        var usage = budgets.CurveUsage(plan, now, caller.Tenant, out var drivenBy);
        var exhausted = new List<string>();
        foreach (var limit in plan.Limits)
        {
            if (!Budgets.UsageReports.DrawsOn(limit, caller.Tenant))
            {
                continue;
            }

            var (used, reserved, _) = budgets.Snapshot(limit, now);
            if (used + reserved >= limit.Limit)
            {
                exhausted.Add(limit.Describe());
            }
        }

        var level = plan.LevelFor(usage);
        return new HealthBudget(true, drivenBy is null ? "every budget has room" : $"{drivenBy.Describe()} at {usage * 100:0.#} %")
        {
            Level = level.Name,
            Usage = Math.Round(usage, 4),
            Exhausted = exhausted,
        };
    }

    public const string UnconfiguredMessage =
        "Majordomo has no configuration: run 'majordomo init' to write majordomo.json, pass --config FILE, set MAJORDOMO_BASE_URL and MAJORDOMO_MODEL for a single upstream, or try 'majordomo serve --demo'.";
}
