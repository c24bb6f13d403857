using System.Globalization;
using System.Text;
using Majordomo.Storage;

namespace Majordomo.Budgets;

internal sealed record StatsModel(string Model, long Requests, double Share, double CostUsd, double QuotaUnits);

internal sealed record StatsLatency(double P50Ms, double P95Ms, double P99Ms, double? FirstByteP50Ms)
{
    public double? FirstByteP95Ms { get; init; }
}

/// <summary><c>GET /stats</c> and <c>majordomo stats --json</c>: routing mix, cost, latency and fallbacks from the request log.</summary>
internal sealed record StatsReport(
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

internal static class StatsReports
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

    /// <summary>Every request in the window, or with <paramref name="apiKey"/> only that gateway key's.</summary>
    public static async Task<StatsReport> BuildAsync(IRequestLogStore store, DateTimeOffset since, DateTimeOffset until, string? apiKey, CancellationToken cancellationToken)
    {
        long requests = 0, answered = 0, errors = 0, fallbacks = 0, retried = 0, estimated = 0, input = 0, output = 0;
        double cost = 0, units = 0;
        var durations = new List<double>();
        var firstBytes = new List<double>();
        var models = new Dictionary<string, (long N, double Usd, double Units)>(StringComparer.Ordinal);
        var tiers = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var routes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var levels = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in store.SummariesAsync(since, until, apiKey, cancellationToken).ConfigureAwait(false))
        {
            requests++;
            durations.Add(row.DurationMs);
            if (row.FirstByteMs is { } firstByte)
            {
                firstBytes.Add(firstByte);
            }

            var usd = row.CostUsd ?? 0;
            cost += usd;
            units += row.QuotaUnits;
            estimated += row.CostEstimated ? 1 : 0;
            input += row.InputTokens;
            output += row.OutputTokens;
            Count(tiers, row.Tier ?? "none");
            Count(routes, row.Route ?? "none");
            Count(statuses, row.Status.ToString(CultureInfo.InvariantCulture));
            Count(levels, row.Degradation ?? "normal");
            if (row.AttemptCount > 1)
            {
                retried++;
            }

            if (row.AnsweredBy is { } model)
            {
                answered++;
                if (row.FirstAttemptModel is { } first && first != model)
                {
                    fallbacks++;
                }

                var m = models.GetValueOrDefault(model);
                models[model] = (m.N + 1, m.Usd + usd, m.Units + row.QuotaUnits);
            }

            if (row.Status >= 400)
            {
                errors++;
            }
        }

        durations.Sort();
        firstBytes.Sort();
        var mix = models
            .OrderByDescending(m => m.Value.N).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new StatsModel(m.Key, m.Value.N, answered == 0 ? 0 : Math.Round(m.Value.N * 100.0 / answered, 1), Math.Round(m.Value.Usd, 6), m.Value.Units))
            .ToArray();
        return new StatsReport(since, until, requests, answered, errors, fallbacks, retried, Math.Round(cost, 6), estimated, units, input, output,
            new StatsLatency(Percentile(durations, 0.5), Percentile(durations, 0.95), Percentile(durations, 0.99), firstBytes.Count == 0 ? null : Percentile(firstBytes, 0.5))
            {
                FirstByteP95Ms = firstBytes.Count == 0 ? null : Percentile(firstBytes, 0.95),
            },
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
