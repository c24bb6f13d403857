using Majordomo.Budgets;

namespace Majordomo.Simulation;

/// <summary>Counts a replay as it goes: per model, per day, per quota pool period, and against what really happened.</summary>
internal sealed class SimulationTally
{
    private const double Epsilon = 1e-9;

    private readonly BudgetLedger _ledger;
    private readonly (BudgetLimit Limit, double Smallest)[] _pools;
    private readonly Dictionary<string, ModelTotals> _models = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, DayTotals> _days = [];
    private readonly Dictionary<(string Pool, string Period), PoolPeriod> _periods = [];
    private readonly List<PoolPeriod> _periodOrder = [];
    private long _requests;
    private long _unanswered;
    private long _moved;
    private long _compared;
    private double _actualUsd;
    private double _actualUnits;
    private DateTimeOffset? _from;
    private DateTimeOffset _to;

    public SimulationTally(BudgetPlan plan, BudgetLedger ledger, Catalog.Catalog catalog)
    {
        _ledger = ledger;
        var pools = new List<(BudgetLimit, double)>();
        foreach (var (pool, limits) in plan.ByPool)
        {
            // A pool is reported by its monthly limit (the one the curve follows), else its daily one.
            var limit = Array.Find(limits, l => l.PeriodKind == PeriodKind.Month) ?? limits[0];
            pools.Add((limit, SmallestMultiplier(catalog, pool)));
        }

        _pools = [.. pools.OrderBy(p => p.Item1.Pool, StringComparer.Ordinal)];
    }

    public void Add(ReplayRequest replay, string? model, RequestCost cost, (double Usd, double Units) actual, DegradationLevel level, DateTimeOffset now)
    {
        _requests++;
        _from ??= replay.Time;
        _to = replay.Time;
        var name = model ?? SimulationReport.Unanswered;
        if (model is null)
        {
            _unanswered++;
        }

        Totals(name).Add(cost);
        if (replay.HasActual)
        {
            Totals(replay.ActualModel ?? SimulationReport.Unanswered).Actual++;
            _compared++;
            if (!string.Equals(replay.ActualModel, model, StringComparison.Ordinal))
            {
                _moved++;
            }
        }

        _actualUsd += actual.Usd;
        _actualUnits += actual.Units;

        var date = DateOnly.FromDateTime(now.UtcDateTime);
        if (!_days.TryGetValue(date, out var day))
        {
            _days[date] = day = new DayTotals();
        }

        day.Add(cost, level);
        TrackPools(now);
    }

    private ModelTotals Totals(string model)
    {
        if (!_models.TryGetValue(model, out var totals))
        {
            _models[model] = totals = new ModelTotals();
        }

        return totals;
    }

    /// <summary>A pool runs out when what is left of its period cannot pay for one more answer of its cheapest paying model.</summary>
    private void TrackPools(DateTimeOffset now)
    {
        foreach (var (limit, smallest) in _pools)
        {
            var (used, reserved, period) = _ledger.Snapshot(limit, now);
            var key = (limit.Pool!, period.Key);
            if (!_periods.TryGetValue(key, out var state))
            {
                _periods[key] = state = new PoolPeriod(limit.Pool!, period.Start, limit.Limit);
                _periodOrder.Add(state);
            }

            state.Used = used + reserved;
            if (state.ExhaustedAt is null && smallest > 0 && state.Used + smallest > limit.Limit + Epsilon)
            {
                state.ExhaustedAt = now;
            }
        }
    }

    private static double SmallestMultiplier(Catalog.Catalog catalog, string pool)
    {
        var smallest = 0.0;
        foreach (var model in catalog.Models.Values)
        {
            if (model.Enabled && model.Quota == pool && model.Multiplier > 0 && (smallest == 0 || model.Multiplier < smallest))
            {
                smallest = model.Multiplier;
            }
        }

        return smallest;
    }

    public SimulationReport Report()
    {
        var models = _models
            .Where(m => m.Value.Requests > 0 || m.Value.Actual > 0)
            .OrderByDescending(m => m.Value.Requests).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new ModelShare(m.Key, _requests == 0 ? 0 : (double)m.Value.Requests / _requests, m.Value.Requests, m.Value.Usd, m.Value.Units, m.Value.Actual))
            .ToArray();
        var days = _days.Select(d => new DayReport(d.Key, d.Value.Usd, d.Value.Units, d.Value.Level?.Name ?? DegradationLevel.Normal.Name)).ToArray();
        var levels = days.GroupBy(d => d.Degradation).OrderBy(g => g.Min(d => d.Date)).Select(g => new LevelDays(g.Key, g.Count())).ToArray();
        var pools = _periodOrder.Select(p => new PoolReport(p.Pool, p.Start, p.Used, p.Limit, p.ExhaustedAt)).ToArray();
        return new SimulationReport(_requests, _from, _from is null ? null : _to, models, pools, days, levels,
            new ChangeReport(_moved, _compared, _actualUsd, _actualUnits), _unanswered);
    }

    private sealed class ModelTotals
    {
        public long Requests { get; private set; }
        public double Usd { get; private set; }
        public double Units { get; private set; }
        public long Actual { get; set; }

        public void Add(RequestCost cost)
        {
            Requests++;
            Usd += cost.Usd;
            Units += cost.QuotaUnits;
        }
    }

    private sealed class DayTotals
    {
        public double Usd { get; private set; }
        public double Units { get; private set; }

        /// <summary>The strictest level of the day (the curve only tightens as usage grows).</summary>
        public DegradationLevel? Level { get; private set; }

        public void Add(RequestCost cost, DegradationLevel level)
        {
            Usd += cost.Usd;
            Units += cost.QuotaUnits;
            if (Level is null || level.Usage > Level.Usage)
            {
                Level = level;
            }
        }
    }

    private sealed class PoolPeriod(string pool, DateTimeOffset start, double limit)
    {
        public string Pool { get; } = pool;
        public DateTimeOffset Start { get; } = start;
        public double Limit { get; } = limit;
        public double Used { get; set; }
        public DateTimeOffset? ExhaustedAt { get; set; }
    }
}
