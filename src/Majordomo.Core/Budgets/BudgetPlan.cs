using System.Collections.Frozen;
using Majordomo.Config;

namespace Majordomo.Budgets;

internal enum BudgetKind
{
    /// <summary>US dollars of token cost.</summary>
    Usd,

    /// <summary>Premium-request units of a quota pool (each answer consumes the model's multiplier).</summary>
    Quota,

    /// <summary>Answered requests of a gateway API key.</summary>
    Requests,
}

/// <summary>
/// One limit from config: a scope (what is counted), a period kind and a ceiling. Its current
/// period is cached and recomputed only when the clock passes its end.
/// </summary>
internal sealed class BudgetLimit
{
    private volatile PeriodBox? _period;

    public required string Scope { get; init; }
    public required BudgetKind Kind { get; init; }
    public required PeriodKind PeriodKind { get; init; }
    public required double Limit { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public int ResetDayOfMonth { get; init; } = 1;
    public string? Pool { get; init; }
    public string? ApiKey { get; init; }

    /// <summary>The config path that sets it, for messages: <c>budgets.quotas.premium.monthly</c>.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>Monthly limits drive the degradation curve; daily ones are pacing caps that only gate.</summary>
    public bool DrivesCurve => PeriodKind == PeriodKind.Month && Kind != BudgetKind.Requests;

    public string PeriodName => PeriodKind == PeriodKind.Day ? "day" : "month";

    /// <summary>The counter's name in the store and in alerts: <c>{Scope}:{day|month}</c> (made once: the ledger looks counters up by it on every budgeted request).</summary>
    public string CounterScope => field ??= Scope + ":" + PeriodName;

    /// <summary>Human name: <c>quota pool 'premium' (monthly)</c>, <c>USD budget (daily)</c>, <c>API key 'x' USD budget (monthly)</c>.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            BudgetKind.Quota => $"quota pool '{Pool}'",
            BudgetKind.Usd when ApiKey is not null => $"USD budget of API key '{ApiKey}'",
            BudgetKind.Usd => "USD budget",
            _ => $"request budget of API key '{ApiKey}'",
        };
        return $"{what} ({(PeriodKind == PeriodKind.Day ? "daily" : "monthly")})";
    }

    public string Amount(double value) => Kind == BudgetKind.Usd
        ? "$" + value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public BudgetPeriod Current(DateTimeOffset now)
    {
        var box = _period;
        if (box is not null && box.Value.Contains(now))
        {
            return box.Value;
        }

        var period = BudgetPeriod.For(PeriodKind, now, Zone, ResetDayOfMonth);
        _period = new PeriodBox(period);
        return period;
    }

    private sealed record PeriodBox(BudgetPeriod Value);
}

/// <summary>A step of the degradation curve from config (or the SPEC defaults).</summary>
internal sealed record CurveStep(double AtUsage, DegradationLevel Level);

/// <summary>
/// The limits and the curve of one config snapshot, indexed for the request path: by pool, by API
/// key, and the global USD limits. Immutable; rebuilt when the config changes.
/// </summary>
internal sealed class BudgetPlan
{
    public static readonly IReadOnlyList<double> DefaultThresholds = [0.8, 0.95];

    public required IReadOnlyList<BudgetLimit> Limits { get; init; }
    public required FrozenDictionary<string, BudgetLimit[]> ByPool { get; init; }
    public required FrozenDictionary<string, BudgetLimit[]> UsdByKey { get; init; }
    public required FrozenDictionary<string, BudgetLimit[]> RequestsByKey { get; init; }
    public required BudgetLimit[] GlobalUsd { get; init; }
    public required IReadOnlyList<CurveStep> Curve { get; init; }
    public required IReadOnlyList<double> Thresholds { get; init; }
    public string? Webhook { get; init; }

    public bool IsEmpty => Limits.Count == 0;

    public static BudgetPlan From(MajordomoConfig config)
    {
        var limits = new List<BudgetLimit>();
        var budgets = config.Budgets;
        var usdZone = BudgetPeriod.Zone(budgets?.Usd?.TimeZone);
        var global = new List<BudgetLimit>();
        Add(global, "usd", BudgetKind.Usd, PeriodKind.Day, budgets?.Usd?.Daily, usdZone, 1, null, null, "budgets.usd.daily");
        Add(global, "usd", BudgetKind.Usd, PeriodKind.Month, budgets?.Usd?.Monthly, usdZone, 1, null, null, "budgets.usd.monthly");

        var byPool = new Dictionary<string, BudgetLimit[]>(StringComparer.Ordinal);
        foreach (var (name, pool) in budgets?.Quotas ?? [])
        {
            if (pool is null)
            {
                continue;
            }

            var zone = BudgetPeriod.Zone(pool.TimeZone);
            var list = new List<BudgetLimit>();
            var path = Config.ConfigPath.Key("budgets.quotas", name);
            Add(list, "quota:" + name, BudgetKind.Quota, PeriodKind.Day, pool.Daily, zone, pool.ResetDayOfMonth ?? 1, name, null, path + ".daily");
            Add(list, "quota:" + name, BudgetKind.Quota, PeriodKind.Month, pool.Monthly, zone, pool.ResetDayOfMonth ?? 1, name, null, path + ".monthly");
            byPool[name] = [.. list];
        }

        var usdByKey = new Dictionary<string, BudgetLimit[]>(StringComparer.Ordinal);
        var requestsByKey = new Dictionary<string, BudgetLimit[]>(StringComparer.Ordinal);
        var keys = config.Server?.ApiKeys ?? [];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (key?.Name is not { } name)
            {
                continue;
            }

            // API-key budgets use the USD budgets' time zone: one clock for every money limit.
            var path = Config.ConfigPath.Index("server.apiKeys", i);
            var usd = new List<BudgetLimit>();
            Add(usd, "usd:key:" + name, BudgetKind.Usd, PeriodKind.Day, key.UsdDaily, usdZone, 1, null, name, path + ".usdDaily");
            Add(usd, "usd:key:" + name, BudgetKind.Usd, PeriodKind.Month, key.UsdMonthly, usdZone, 1, null, name, path + ".usdMonthly");
            var requests = new List<BudgetLimit>();
            Add(requests, "requests:key:" + name, BudgetKind.Requests, PeriodKind.Day, key.RequestsDaily, usdZone, 1, null, name, path + ".requestsDaily");
            Add(requests, "requests:key:" + name, BudgetKind.Requests, PeriodKind.Month, key.RequestsMonthly, usdZone, 1, null, name, path + ".requestsMonthly");
            if (usd.Count > 0)
            {
                usdByKey[name] = [.. usd];
            }

            if (requests.Count > 0)
            {
                requestsByKey[name] = [.. requests];
            }
        }

        return new BudgetPlan
        {
            Limits = limits,
            ByPool = byPool.ToFrozenDictionary(StringComparer.Ordinal),
            UsdByKey = usdByKey.ToFrozenDictionary(StringComparer.Ordinal),
            RequestsByKey = requestsByKey.ToFrozenDictionary(StringComparer.Ordinal),
            GlobalUsd = [.. global],
            Curve = CurveFrom(budgets?.Degradation),
            Thresholds = budgets?.Alerts?.Thresholds is { Count: > 0 } t ? [.. t.Order()] : DefaultThresholds,
            Webhook = budgets?.Alerts?.Webhook,
        };

        void Add(List<BudgetLimit> into, string scope, BudgetKind kind, PeriodKind period, double? limit, TimeZoneInfo zone, int resetDay, string? pool, string? key, string path)
        {
            if (limit is not { } value || value <= 0)
            {
                return;
            }

            var entry = new BudgetLimit
            {
                Scope = scope,
                Kind = kind,
                PeriodKind = period,
                Limit = value,
                Zone = zone,
                ResetDayOfMonth = resetDay,
                Pool = pool,
                ApiKey = key,
                ConfigPath = path,
            };
            into.Add(entry);
            limits.Add(entry);
        }
    }

    /// <summary>SPEC §1.7 defaults: 80 % prefer-cheaper, 90 % max-tier 1, 95 % max-tier 0, 100 % local-only.</summary>
    public static readonly IReadOnlyList<CurveStep> DefaultCurve =
    [
        new(0.8, new DegradationLevel(DegradationModes.PreferCheaper, 0.8, null, true, false)),
        new(0.9, new DegradationLevel("max-tier 1", 0.9, 1, true, false)),
        new(0.95, new DegradationLevel("max-tier 0", 0.95, 0, true, false)),
        new(1.0, new DegradationLevel(DegradationModes.LocalOnly, 1.0, 0, true, true)),
    ];

    /// <summary>No budgets, no pools. Declared after the defaults it reads (static fields initialise in order).</summary>
    public static readonly BudgetPlan Empty = From(new MajordomoConfig());

    private static IReadOnlyList<CurveStep> CurveFrom(List<DegradationStepConfig>? steps)
    {
        if (steps is not { Count: > 0 })
        {
            return DefaultCurve;
        }

        var curve = new List<CurveStep>(steps.Count);
        foreach (var step in steps)
        {
            if (step?.AtUsage is not { } at)
            {
                continue;
            }

            var mode = step.Mode ?? DegradationModes.Normal;
            var name = step.MaxTier is { } tier ? (mode == DegradationModes.Normal ? $"max-tier {tier}" : $"{mode} max-tier {tier}") : mode;
            curve.Add(new CurveStep(at, new DegradationLevel(name, at, step.MaxTier, mode is DegradationModes.PreferCheaper or DegradationModes.LocalOnly, mode == DegradationModes.LocalOnly)));
        }

        return curve;
    }

    /// <summary>The level for a usage fraction: the last step whose <c>atUsage</c> has been reached.</summary>
    public DegradationLevel LevelFor(double usage)
    {
        var level = DegradationLevel.Normal;
        foreach (var step in Curve)
        {
            if (usage + 1e-9 >= step.AtUsage)
            {
                level = step.Level;
            }
        }

        return level;
    }
}
