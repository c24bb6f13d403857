using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Routing;
using Majordomo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Simulation;

/// <summary>How a replay treats the recorded traffic.</summary>
/// <param name="ReplayFailures">
/// <c>--failures</c>: a model whose attempt failed on a request then is skipped for that request now;
/// otherwise the first eligible entry of each chain answers.
/// </param>
internal sealed record SimulationOptions(bool ReplayFailures = false);

/// <summary>
/// <c>majordomo simulate</c> (SPEC §3, issue 17): recorded requests, in time order, through a candidate
/// config's real routing (<see cref="RouteDecider"/>: rules, classification, selection, fallback), its
/// chains, budgets, quota pools and degradation curve (<see cref="BudgetLedger"/> on an in-memory store),
/// on a <see cref="SimulatedClock"/> — no model is called, and nothing is written to the real store.
/// Deterministic: the same requests and config give the same report.
/// </summary>
internal sealed class Simulator : IDisposable
{
    private readonly SimulatedClock _clock = new(DateTimeOffset.UnixEpoch);
    private readonly MemoryBudgetStore _store = new();
    private readonly Providers.ProviderFactory _providers = new(TimeProvider.System);
    private readonly BudgetPlan _plan;
    private readonly BudgetLedger _ledger;
    private readonly RoutingSnapshot _routing;
    private readonly RouteDecider _router;
    private readonly SimulationOptions _options;
    private readonly SimulationTally _tally;

    public Simulator(MajordomoConfig candidate, SimulationOptions options)
    {
        _options = options;
        // The model classifier would call a model: a replay classifies with the built-in one.
        var config = candidate.Classifier?.Mode == ClassifierModes.Model ? candidate with { Classifier = null } : candidate;
        var catalog = CatalogBuilder.Build(config, _providers);
        _plan = BudgetPlan.From(config);
        _ledger = new BudgetLedger(() => _plan, _store, _store, _clock, NullLogger<BudgetLedger>.Instance);
        // Health, cooldowns and rate limits are live state a replay does not have: every model is up.
        _routing = RoutingSnapshot.Build(catalog, [new QuotaGate(_ledger, _plan), new UsdBudgetGate(_ledger, _plan)], _plan);
        _router = new RouteDecider(_ledger, new LatencyTracker(), new SessionPins(null, NullLogger<SessionPins>.Instance), _clock, NullLogger<RouteDecider>.Instance);
        _tally = new SimulationTally(_plan, _ledger, catalog);
    }

    /// <summary>Replays <paramref name="requests"/> (oldest first) and reports.</summary>
    public async Task<SimulationReport> RunAsync(IAsyncEnumerable<ReplayRequest> requests, CancellationToken cancellationToken)
    {
        await foreach (var replay in requests.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await ReplayAsync(replay, cancellationToken).ConfigureAwait(false);
        }

        return _tally.Report();
    }

    /// <summary>Routes one request on the simulated clock, "answers" it with the first eligible entry, and counts it.</summary>
    public async ValueTask ReplayAsync(ReplayRequest replay, CancellationToken cancellationToken)
    {
        _clock.Set(replay.Time);
        var request = replay.Request;
        var key = request.ApiKeyName;
        var decision = await _router.DecideAsync(_routing, request, key, cancellationToken).ConfigureAwait(false);
        var now = _clock.Now;
        var level = _ledger.Current(_plan, now, key);
        ModelEntry? answered = null;
        var cost = RequestCost.Zero;
        if (decision.Plan is { } plan)
        {
            var ticket = _ledger.Open(_plan, request);
            if (ticket.Refusal is null)
            {
                answered = FirstEligible(plan, replay, ticket, new GateContext(now, key, request.Metadata.Source));
            }

            var usage = replay.InputTokens > 0
                ? new Usage(replay.InputTokens, replay.OutputTokens, 0, Reported: true)
                : new Usage(0, replay.OutputTokens, 0, Reported: false);
            cost = ticket.Complete(answered, in usage, 0, 0);
        }

        _tally.Add(replay, decision.Reply is not null ? CommandModel : answered?.Id, cost, Actual(replay), level, now);
    }

    /// <summary>What the request really cost: as recorded, else priced from the model that answered it (a JSONL line's <c>answered_by</c>).</summary>
    private (double Usd, double Units) Actual(ReplayRequest replay)
    {
        if (replay.ActualCostUsd is { } usd && replay.ActualQuotaUnits is { } units)
        {
            return (usd, units);
        }

        if (replay.ActualModel is not { } id || !_routing.Catalog.Models.TryGetValue(id, out var model))
        {
            return (0, 0);
        }

        var input = replay.InputTokens > 0 ? replay.InputTokens : replay.Request.Prompt.EstimatedPromptTokens;
        return (CostCalculator.Usd(model, input, replay.OutputTokens), model.Quota is null ? 0 : model.Multiplier);
    }

    /// <summary>What a router-answered command (<c>/use</c>, <c>/status</c>) is counted under.</summary>
    public const string CommandModel = "(router)";

    /// <summary>The chain walk without calls: the first enabled entry every gate and the ticket let through answers.</summary>
    private ModelEntry? FirstEligible(RoutePlan plan, ReplayRequest replay, BudgetTicket ticket, GateContext context)
    {
        foreach (var entry in plan.Attempts)
        {
            var model = entry.Model;
            if (!model.Enabled || (_options.ReplayFailures && Failed(replay.FailedModels, model.Id)))
            {
                continue;
            }

            if (Selection.CheckGates(_routing.Gates, model, in context) is null && ticket.TryReserve(model) is null)
            {
                return model;
            }
        }

        return null;
    }

    private static bool Failed(IReadOnlyList<string> failed, string model)
    {
        for (var i = 0; i < failed.Count; i++)
        {
            if (string.Equals(failed[i], model, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _providers.Dispose();
    }
}
