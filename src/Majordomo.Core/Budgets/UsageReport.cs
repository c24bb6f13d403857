using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Majordomo.Storage;

namespace Majordomo.Budgets;

/// <summary>One limit as <c>usage</c> shows it: how much is used, when it resets, when it would run out.</summary>
internal sealed record UsageLine(
    string Budget,
    string Kind,
    string Scope,
    string? Pool,
    string? ApiKey,
    string Period,
    double Used,
    double Reserved,
    double Limit,
    double Percent,
    double Remaining,
    DateTimeOffset PeriodStart,
    DateTimeOffset ResetsAt,
    DateTimeOffset? ProjectedExhaustion,
    bool DrivesCurve,
    string ConfigPath);

internal sealed record UsageDegradation(string Level, double Usage, int? MaxTier, bool PreferCheaper, bool LocalOnly, string? DrivenBy, string Meaning, string? Next)
{
    /// <summary>The steps of the curve in force (normal below the first), so a dashboard can draw it.</summary>
    public IReadOnlyList<UsageCurveStep> Curve { get; init; } = [];
}

/// <summary>One step of the degradation curve: from <see cref="AtUsage"/> (a fraction) on, <see cref="Level"/> applies.</summary>
internal sealed record UsageCurveStep(double AtUsage, string Level);

/// <summary><c>GET /usage</c> and <c>majordomo usage --json</c>.</summary>
internal sealed record UsageReport(DateTimeOffset Now, bool Enforced, UsageDegradation Degradation, IReadOnlyList<UsageLine> Budgets, IReadOnlyList<UsageAlert> Alerts);

internal sealed record UsageAlert(string Budget, string Period, double Threshold, double Used, double Limit, DateTimeOffset At, string? Webhook);

internal static class UsageReports
{
    /// <param name="apiKeyName">The caller's key: the degradation shown is the one its requests get.</param>
    /// <param name="tenant">When set, only the budgets this key draws on: its own, the global ones and the shared pools (SPEC §4).</param>
    public static async Task<UsageReport> BuildAsync(BudgetLedger ledger, IAlertStore store, string? apiKeyName, string? tenant, CancellationToken cancellationToken)
    {
        var now = ledger.Time.GetUtcNow();
        var plan = ledger.Plan;
        await ledger.ReadCountersAsync(plan.Limits, now).ConfigureAwait(false);
        var lines = new List<UsageLine>(plan.Limits.Count);
        var visible = new HashSet<string>(StringComparer.Ordinal); // counter scopes, as alerts name them
        foreach (var limit in plan.Limits)
        {
            if (!DrawsOn(limit, tenant))
            {
                continue;
            }

            visible.Add(limit.CounterScope);

            var (used, reserved, period) = ledger.Snapshot(limit, now);
            var total = used + reserved;
            lines.Add(new UsageLine(
                limit.Describe(),
                limit.Kind.ToString().ToLowerInvariant(),
                limit.Scope,
                limit.Pool,
                limit.ApiKey,
                limit.PeriodName,
                Math.Round(used, 6),
                Math.Round(reserved, 6),
                limit.Limit,
                Math.Round(total / limit.Limit * 100, 1),
                Math.Round(Math.Max(0, limit.Limit - total), 6),
                period.Start,
                period.End,
                Projection(total, limit.Limit, period, now),
                limit.DrivesCurve,
                limit.ConfigPath));
        }

        var fraction = ledger.CurveUsage(plan, now, apiKeyName, out var drivenBy);
        var level = plan.LevelFor(fraction);
        DegradationLevel? next = null;
        double nextAt = 0;
        foreach (var step in plan.Curve)
        {
            if (step.AtUsage > fraction + 1e-9)
            {
                next = step.Level;
                nextAt = step.AtUsage;
                break;
            }
        }

        var degradation = new UsageDegradation(
            level.Name,
            Math.Round(fraction, 4),
            level.MaxTier,
            level.PreferCheaper,
            level.LocalOnly,
            drivenBy?.Describe(),
            Meaning(level),
            next is null ? null : $"at {nextAt * 100:0.#} %: {next.Name} ({Meaning(next)})")
        {
            Curve = plan.Curve.Select(step => new UsageCurveStep(step.AtUsage, step.Level.Name)).ToArray(),
        };

        IReadOnlyList<BudgetAlert> stored;
        try
        {
            stored = await store.RecentAsync(20, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException)
        {
            stored = [];
        }

        var alerts = stored.Where(a => tenant is null || visible.Contains(a.Scope)).Select(a => new UsageAlert(a.Budget, a.Period, a.Threshold, a.Used, a.Limit, a.At, a.WebhookStatus)).ToArray();
        return new UsageReport(now, !plan.IsEmpty, degradation, lines, alerts);
    }

    /// <summary>Whether requests of gateway key <paramref name="tenant"/> count against <paramref name="limit"/> (every limit when null).</summary>
    public static bool DrawsOn(BudgetLimit limit, string? tenant) =>
        tenant is null || limit.ApiKey is null || string.Equals(limit.ApiKey, tenant, StringComparison.Ordinal);

    /// <summary>The day the limit runs out at the rate so far this period; null when it lasts to the reset.</summary>
    public static DateTimeOffset? Projection(double used, double limit, BudgetPeriod period, DateTimeOffset now)
    {
        if (used >= limit)
        {
            return now;
        }

        var elapsed = (now - period.Start).TotalSeconds;
        if (used <= 0 || elapsed <= 0)
        {
            return null;
        }

        var rate = used / elapsed; // per second
        var at = now.AddSeconds((limit - used) / rate);
        return at < period.End ? at : null;
    }

    public static string Meaning(DegradationLevel level) => level switch
    {
        { LocalOnly: true } => "only local and free models are used",
        { MaxTier: { } tier } => $"automatic routing uses models up to tier {tier}, cheapest first; explicit aliases still work within pools",
        { PreferCheaper: true } => "automatic routing prefers the cheapest model that meets the quality floor",
        _ => "routing as configured",
    };

    /// <summary>The human table of <c>majordomo usage</c>.</summary>
    public static string Render(UsageReport report)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (report.Budgets.Count == 0)
        {
            sb.AppendLine("No budgets or quota pools are configured (budgets.usd, budgets.quotas, server.apiKeys[].usdDaily …).");
        }

        foreach (var b in report.Budgets)
        {
            var amount = b.Kind == "usd" ? $"${b.Used.ToString("0.####", inv)} / ${b.Limit.ToString("0.####", inv)}" : $"{b.Used.ToString("0.##", inv)} / {b.Limit.ToString("0.##", inv)}";
            var reserved = b.Reserved > 0 ? $" (+{b.Reserved.ToString("0.##", inv)} in flight)" : "";
            var projection = b.ProjectedExhaustion is { } p ? $"runs out {p.UtcDateTime.ToString("yyyy-MM-dd HH:mm", inv)} UTC at this rate" : "lasts until the reset at this rate";
            sb.Append(inv, $"{b.Budget,-48} {amount,-22} {b.Percent,6:0.0} %{reserved}  resets {b.ResetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", inv)} UTC  {projection}").AppendLine();
        }

        var d = report.Degradation;
        sb.Append(inv, $"Degradation: {d.Level} at {d.Usage * 100:0.#} %{(d.DrivenBy is null ? "" : " of the " + d.DrivenBy)}: {d.Meaning}.").AppendLine();
        if (d.Next is not null)
        {
            sb.AppendLine("Next: " + d.Next + ".");
        }

        foreach (var a in report.Alerts.Take(5))
        {
            sb.Append(inv, $"Alert {a.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {a.Budget} reached {a.Threshold * 100:0} % ({a.Period}; webhook: {a.Webhook ?? "none"})").AppendLine();
        }

        return sb.ToString();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(UsageReport))]
[JsonSerializable(typeof(StatsReport))]
internal sealed partial class BudgetJson : JsonSerializerContext;
