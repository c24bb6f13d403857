using System.Globalization;
using System.Text;
using Majordomo.Storage.Sqlite;

namespace Majordomo.Budgets;

public sealed record StatsModel(string Model, long Requests, double Share, double CostUsd, double QuotaUnits);

public sealed record StatsLatency(double P50Ms, double P95Ms, double P99Ms, double? FirstByteP50Ms);

/// <summary><c>GET /stats</c> and <c>majordomo stats --json</c>: routing mix, cost, latency and fallbacks from the request log.</summary>
public sealed record StatsReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    long Requests,
    long Answered,
    long Errors,
    long Fallbacks,
    long Retried,
    double CostUsd,
    long CostEstimatedRequests,
    double QuotaUnits,
    long InputTokens,
    long OutputTokens,
    StatsLatency Latency,
    IReadOnlyList<StatsModel> Models,
    IReadOnlyDictionary<string, long> Tiers,
    IReadOnlyDictionary<string, long> Routes,
    IReadOnlyDictionary<string, long> Statuses,
    IReadOnlyDictionary<string, long> Degradation);

public static class StatsReports
{
    /// <summary>Parses <c>24h</c>, <c>7d</c>, <c>30m</c>, <c>90s</c> (a bare number is hours).</summary>
    public static bool TryParseSince(string? text, out TimeSpan span)
    {
        span = TimeSpan.FromHours(24);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        var unit = char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 'h';
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > 100_000)
        {
            return false;
        }

        switch (unit)
        {
            case 's': span = TimeSpan.FromSeconds(value); return true;
            case 'm': span = TimeSpan.FromMinutes(value); return true;
            case 'h': span = TimeSpan.FromHours(value); return true;
            case 'd': span = TimeSpan.FromDays(value); return true;
            case 'w': span = TimeSpan.FromDays(7 * value); return true;
            default: return false;
        }
    }

    public static StatsReport Build(SqliteStore store, DateTimeOffset since, DateTimeOffset until)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT answered_by, status, duration_ms, first_byte_ms, cost_usd, cost_estimated, quota_units, input_tokens, output_tokens,
                   tier, route, degradation, attempt_count, json_extract(attempts, '$[0].model')
            FROM requests WHERE ts_unix_ms >= $since AND ts_unix_ms < $until;
            """;
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());

        long requests = 0, answered = 0, errors = 0, fallbacks = 0, retried = 0, estimated = 0, input = 0, output = 0;
        double cost = 0, units = 0;
        var durations = new List<double>();
        var firstBytes = new List<double>();
        var models = new Dictionary<string, (long N, double Usd, double Units)>(StringComparer.Ordinal);
        var tiers = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var routes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var levels = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                requests++;
                var model = rows.IsDBNull(0) ? null : rows.GetString(0);
                var status = rows.GetInt32(1);
                durations.Add(rows.GetDouble(2));
                if (!rows.IsDBNull(3))
                {
                    firstBytes.Add(rows.GetDouble(3));
                }

                var usd = rows.IsDBNull(4) ? 0 : rows.GetDouble(4);
                var u = rows.GetDouble(6);
                cost += usd;
                units += u;
                estimated += rows.GetInt64(5);
                input += rows.GetInt64(7);
                output += rows.GetInt64(8);
                Count(tiers, rows.IsDBNull(9) ? "none" : rows.GetString(9));
                Count(routes, rows.IsDBNull(10) ? "none" : rows.GetString(10));
                Count(statuses, status.ToString(CultureInfo.InvariantCulture));
                Count(levels, rows.IsDBNull(11) ? "normal" : rows.GetString(11));
                if (rows.GetInt64(12) > 1)
                {
                    retried++;
                }

                if (model is not null)
                {
                    answered++;
                    var first = rows.IsDBNull(13) ? null : rows.GetString(13);
                    if (first is not null && first != model)
                    {
                        fallbacks++;
                    }

                    var m = models.GetValueOrDefault(model);
                    models[model] = (m.N + 1, m.Usd + usd, m.Units + u);
                }

                if (status >= 400)
                {
                    errors++;
                }
            }
        }

        durations.Sort();
        firstBytes.Sort();
        var mix = models
            .OrderByDescending(m => m.Value.N).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new StatsModel(m.Key, m.Value.N, answered == 0 ? 0 : Math.Round(m.Value.N * 100.0 / answered, 1), Math.Round(m.Value.Usd, 6), m.Value.Units))
            .ToArray();
        return new StatsReport(since, until, requests, answered, errors, fallbacks, retried, Math.Round(cost, 6), estimated, units, input, output,
            new StatsLatency(Percentile(durations, 0.5), Percentile(durations, 0.95), Percentile(durations, 0.99), firstBytes.Count == 0 ? null : Percentile(firstBytes, 0.5)),
            mix, tiers, routes, statuses, levels);
    }

    private static void Count(SortedDictionary<string, long> into, string key) => into[key] = into.GetValueOrDefault(key) + 1;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);

    public static string Render(StatsReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"Requests since {r.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {r.Requests} ({r.Answered} answered, {r.Errors} errors, {r.Fallbacks} fell back, {r.Retried} needed more than one attempt)").AppendLine();
        sb.Append(inv, $"Cost: ${r.CostUsd:0.####} ({r.CostEstimatedRequests} estimated), quota units {r.QuotaUnits:0.##}, tokens in {r.InputTokens} / out {r.OutputTokens}").AppendLine();
        sb.Append(inv, $"Latency: p50 {r.Latency.P50Ms:0.#} ms, p95 {r.Latency.P95Ms:0.#} ms, p99 {r.Latency.P99Ms:0.#} ms{(r.Latency.FirstByteP50Ms is { } f ? $", first byte p50 {f:0.#} ms" : "")}").AppendLine();
        foreach (var m in r.Models)
        {
            sb.Append(inv, $"  {m.Model,-40} {m.Requests,8} {m.Share,6:0.0} %  ${m.CostUsd:0.####}  units {m.QuotaUnits:0.##}").AppendLine();
        }

        sb.AppendLine("Tiers: " + string.Join(", ", r.Tiers.Select(t => $"{t.Key} {t.Value}")));
        sb.AppendLine("Degradation: " + string.Join(", ", r.Degradation.Select(t => $"{t.Key} {t.Value}")));
        return sb.ToString();
    }
}
