using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Majordomo.Simulation;

/// <summary>A model's part of a replay: simulated requests, USD and quota units, and how many it really answered.</summary>
internal sealed record ModelShare(string Model, double Share, long Requests, double CostUsd, double QuotaUnits, long ActualRequests);

/// <summary>One quota pool over one of its periods: units used, the limit, when it ran out (null: it did not).</summary>
internal sealed record PoolReport(string Pool, DateTimeOffset PeriodStart, double Used, double Limit, DateTimeOffset? ExhaustedAt);

/// <summary>One UTC day of the replay: USD, quota units and the strictest degradation level in force that day.</summary>
internal sealed record DayReport(DateOnly Date, double CostUsd, double QuotaUnits, string Degradation);

/// <summary>How many replayed days a degradation level was the day's strictest.</summary>
internal sealed record LevelDays(string Level, int Days);

/// <summary>The difference against what happened: requests answered by another model, and the real cost.</summary>
internal sealed record ChangeReport(long RequestsMoved, long Compared, double ActualCostUsd, double ActualQuotaUnits);

/// <summary>What <c>majordomo simulate</c> prints (SPEC §3): text, or JSON with <c>--json</c>.</summary>
internal sealed record SimulationReport(
    long Requests,
    DateTimeOffset? From,
    DateTimeOffset? To,
    IReadOnlyList<ModelShare> Models,
    IReadOnlyList<PoolReport> Pools,
    IReadOnlyList<DayReport> Days,
    IReadOnlyList<LevelDays> Levels,
    ChangeReport Changed,
    long UnansweredRequests)
{
    /// <summary>What a request no model would answer (every entry gated or refused) is counted under.</summary>
    public const string Unanswered = "(unanswered)";

    public double CostUsd => Models.Sum(m => m.CostUsd);

    public double QuotaUnits => Models.Sum(m => m.QuotaUnits);

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("requests", Requests);
        w.WriteString("from", From?.ToString("O", CultureInfo.InvariantCulture));
        w.WriteString("to", To?.ToString("O", CultureInfo.InvariantCulture));
        w.WriteNumber("cost_usd", Math.Round(CostUsd, 6));
        w.WriteNumber("quota_units", Math.Round(QuotaUnits, 4));
        w.WriteNumber("unanswered", UnansweredRequests);
        w.WriteStartArray("models");
        foreach (var m in Models)
        {
            w.WriteStartObject();
            w.WriteString("model", m.Model);
            w.WriteNumber("share", Math.Round(m.Share, 6));
            w.WriteNumber("requests", m.Requests);
            w.WriteNumber("cost_usd", Math.Round(m.CostUsd, 6));
            w.WriteNumber("quota_units", Math.Round(m.QuotaUnits, 4));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("pools");
        foreach (var p in Pools)
        {
            w.WriteStartObject();
            w.WriteString("pool", p.Pool);
            w.WriteString("period_start", p.PeriodStart.ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("used", Math.Round(p.Used, 4));
            w.WriteNumber("limit", p.Limit);
            w.WriteString("exhausted_at", p.ExhaustedAt?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("days");
        foreach (var d in Days)
        {
            w.WriteStartObject();
            w.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("cost_usd", Math.Round(d.CostUsd, 6));
            w.WriteNumber("quota_units", Math.Round(d.QuotaUnits, 4));
            w.WriteString("degradation", d.Degradation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("levels");
        foreach (var l in Levels)
        {
            w.WriteNumber(l.Level, l.Days);
        }

        w.WriteEndObject();
        w.WriteStartObject("changed");
        w.WriteNumber("requests_moved", Changed.RequestsMoved);
        w.WriteNumber("compared", Changed.Compared);
        w.WriteNumber("actual_cost_usd", Math.Round(Changed.ActualCostUsd, 6));
        w.WriteNumber("actual_quota_units", Math.Round(Changed.ActualQuotaUnits, 4));
        w.WriteStartObject("by_model");
        foreach (var m in Models)
        {
            w.WriteStartObject(m.Model);
            w.WriteNumber("actual", m.ActualRequests);
            w.WriteNumber("simulated", m.Requests);
            w.WriteNumber("delta", m.Requests - m.ActualRequests);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.Append(c, $"Replayed {Requests} requests");
        if (From is { } from && To is { } to)
        {
            s.Append(c, $" from {from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} UTC");
        }

        s.Append(c, $": ${CostUsd:0.####}, {QuotaUnits:0.##} quota units");
        s.Append(UnansweredRequests > 0 ? $", {UnansweredRequests} unanswered.\n\n" : ".\n\n");
        s.Append("Model                                   share  requests   cost USD   quota units   actual\n");
        foreach (var m in Models)
        {
            s.Append(c, $"{m.Model,-38} {m.Share * 100,5:0.0}% {m.Requests,9} {m.CostUsd,10:0.####} {m.QuotaUnits,13:0.##} {m.ActualRequests,8}\n");
        }

        if (Pools.Count > 0)
        {
            s.Append('\n');
            foreach (var p in Pools)
            {
                var outOf = p.ExhaustedAt is { } at ? $"runs out {at:yyyy-MM-dd HH:mm} UTC" : "does not run out";
                s.Append(c, $"Pool '{p.Pool}' (period from {p.PeriodStart:yyyy-MM-dd}): {p.Used:0.##} of {p.Limit:0.##} used, {outOf}\n");
            }
        }

        if (Levels.Count > 0)
        {
            s.Append("\nDays at each degradation level: ");
            s.AppendJoin(", ", Levels.Select(l => $"{l.Level}: {l.Days}"));
            s.Append('\n');
        }

        s.Append("\nDay          cost USD   quota units  degradation\n");
        foreach (var d in Days)
        {
            s.Append(c, $"{d.Date:yyyy-MM-dd} {d.CostUsd,11:0.####} {d.QuotaUnits,13:0.##}  {d.Degradation}\n");
        }

        s.Append(c, $"\nAgainst what happened: {Changed.RequestsMoved} of {Changed.Compared} requests answered by another model; ");
        s.Append(c, $"actual ${Changed.ActualCostUsd:0.####} and {Changed.ActualQuotaUnits:0.##} quota units.\n");
        return s.ToString();
    }
}
