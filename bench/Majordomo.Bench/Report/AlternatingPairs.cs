using System.Text;
using static Majordomo.Bench.Report.MarkdownReport;

namespace Majordomo.Bench.Report;

/// <summary>
/// The saturation phases run-e2e.sh alternates (hop, majordomo, hop, majordomo, …), one results section
/// per pair (<c>pair1</c>, <c>pair2</c>, …). On a machine whose speed drifts, the two phases of a pair see
/// the same drift, so the median of the per-pair ratios holds still where one long phase per side does not.
/// CPU-µs per request (the proxy's utime + stime over the phase) is the figure that other load disturbs least.
/// </summary>
internal sealed class AlternatingPairs
{
    private const string Prefix = "pair";
    private static readonly string[] Modes = ["nonstream", "stream"];

    private readonly Results _results;
    private readonly int _count;

    private AlternatingPairs(Results results, int count)
    {
        _results = results;
        _count = count;
    }

    public int Count => _count;

    public static bool IsPairSection(string section) =>
        section.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(section.AsSpan(Prefix.Length), out _);

    /// <summary>Finds the pairs and, for the main table, sets hop's and majordomo's figures to their medians over the pairs.</summary>
    public static AlternatingPairs Read(Results results)
    {
        var count = 0;
        while (Modes.Any(mode => results.Text(Section(count + 1), mode, Hop, "rps") is not null || results.Text(Section(count + 1), mode, MarkdownReport.Gateway, "rps") is not null))
        {
            count++;
        }

        var pairs = new AlternatingPairs(results, count);
        if (count > 0)
        {
            foreach (var mode in Modes)
            {
                foreach (var target in (string[])[Hop, MarkdownReport.Gateway])
                {
                    foreach (var metric in (string[])["rps", "p50_us", "p90_us", "p99_us", "proxy_cpu_us", "mock_cpu_us"])
                    {
                        if (Median(pairs.Values(mode, target, metric)) is { } median)
                        {
                            results.Set("wrk", mode, target, metric, median);
                        }
                    }

                    foreach (var metric in (string[])["requests", "non2xx", "socket_errors"])
                    {
                        var values = pairs.Values(mode, target, metric);
                        if (values.Count > 0)
                        {
                            results.Set("wrk", mode, target, metric, values.Sum());
                        }
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>The median of the per-pair majordomo/hop ratios and its spread as text.</summary>
    public (double? Median, string Spread) MedianRatio(string mode)
    {
        var ratios = Ratios(mode);
        return Median(ratios) is { } median
            ? (median, Invariant($" (median of {ratios.Count} pairs, {ratios.Min():F2}–{ratios.Max():F2})"))
            : (null, "");
    }

    public void Write(StringBuilder text)
    {
        if (_count == 0)
        {
            return;
        }

        text.AppendLine("### Alternating pairs (hop, majordomo, hop, majordomo, …)")
            .AppendLine()
            .AppendLine("| mode | pairs | median ratio | spread (min–max) | hop CPU-µs/req | majordomo CPU-µs/req | majordomo − hop CPU-µs | mock CPU-µs/req |")
            .AppendLine("|---|---:|---:|---|---:|---:|---:|---:|");
        foreach (var mode in Modes)
        {
            var ratios = Ratios(mode);
            var hopCpu = Median(Values(mode, Hop, "proxy_cpu_us"));
            var gatewayCpu = Median(Values(mode, MarkdownReport.Gateway, "proxy_cpu_us"));
            text.AppendLine(Invariant(
                $"| {mode} | {ratios.Count} | {Format(Median(ratios), "F2")}× | {(ratios.Count == 0 ? "n/a" : Invariant($"{ratios.Min():F2}–{ratios.Max():F2}"))} | {Format(hopCpu, "F1")} | {Format(gatewayCpu, "F1")} | {Format(gatewayCpu - hopCpu, "F1")} | {Format(Median([.. Values(mode, Hop, "mock_cpu_us"), .. Values(mode, MarkdownReport.Gateway, "mock_cpu_us")]), "F1")} |"));
        }

        text.AppendLine()
            .AppendLine("Each pair (load average at the start of each phase, CPU-µs per request of the proxy):")
            .AppendLine()
            .AppendLine("| mode | pair | load | hop req/s | majordomo req/s | ratio | hop CPU-µs | majordomo CPU-µs |")
            .AppendLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var mode in Modes)
        {
            for (var pair = 1; pair <= _count; pair++)
            {
                var section = Section(pair);
                var hop = _results.Number(section, mode, Hop, "rps");
                var gateway = _results.Number(section, mode, MarkdownReport.Gateway, "rps");
                text.AppendLine(Invariant(
                    $"| {mode} | {pair} | {_results.Text(section, mode, Hop, "loadavg") ?? "?"} / {_results.Text(section, mode, MarkdownReport.Gateway, "loadavg") ?? "?"} | {Format(hop, "N0")} | {Format(gateway, "N0")} | {Format(Ratio(gateway, hop), "F2")} | {Format(_results.Number(section, mode, Hop, "proxy_cpu_us"), "F1")} | {Format(_results.Number(section, mode, MarkdownReport.Gateway, "proxy_cpu_us"), "F1")} |"));
            }
        }

        text.AppendLine();
    }

    private static string Section(int pair) => Invariant($"{Prefix}{pair}");

    private List<double> Ratios(string mode)
    {
        var ratios = new List<double>(_count);
        for (var pair = 1; pair <= _count; pair++)
        {
            if (Ratio(_results.Number(Section(pair), mode, MarkdownReport.Gateway, "rps"), _results.Number(Section(pair), mode, Hop, "rps")) is { } ratio)
            {
                ratios.Add(ratio);
            }
        }

        return ratios;
    }

    private List<double> Values(string mode, string target, string metric)
    {
        var values = new List<double>(_count);
        for (var pair = 1; pair <= _count; pair++)
        {
            if (_results.Number(Section(pair), mode, target, metric) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
