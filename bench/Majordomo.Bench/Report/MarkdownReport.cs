using System.Globalization;
using System.Text;
using Majordomo.Bench.Cli;

namespace Majordomo.Bench.Report;

/// <summary>
/// <c>report</c>: turns a results file into markdown tables — saturation throughput with the
/// hop/direct and majordomo/hop ratios, unloaded latency with the added p50 and time to first
/// chunk over direct, the flush check, and the SPEC §6 bars with PASS / FAIL.
/// </summary>
internal static class MarkdownReport
{
    public const string Direct = "direct";
    public const string Hop = "hop";
    public const string Gateway = "majordomo";

    private const double ThroughputBar = 0.8;
    private const double AddedLatencyBarUs = 200;
    private const double FlushBar = 0.9;

    private static readonly string[] Modes = ["nonstream", "stream"];
    private static readonly string[] Targets = [Direct, Hop, Gateway];

    public static int Run(BenchArgs args)
    {
        var input = args.GetRequired("in");
        var strict = args.GetFlag("strict");
        args.EnsureAllRead();

        var results = ResultsFile.Read(input);
        var bars = new List<(string Bar, string Value, bool? Pass)>();
        var text = new StringBuilder();
        WriteHeader(text, results);
        var pairs = AlternatingPairs.Read(results);
        WriteThroughput(text, results, pairs, bars);
        pairs.Write(text);
        WriteLatency(text, results, bars);
        WriteFlush(text, results, bars);
        WriteBars(text, bars);
        WriteOtherSections(text, results);
        WriteErrors(text, results);
        Console.Write(text.ToString());
        return strict && bars.Exists(b => b.Pass != true) ? 1 : 0;
    }

    private static void WriteHeader(StringBuilder text, Results results)
    {
        text.AppendLine("## Majordomo end-to-end benchmark")
            .AppendLine()
            .AppendLine(Invariant($"- when: {results.Meta("date")}; commit {results.Meta("commit")}; {results.Meta("cpus")} cpus; load average before: {results.Meta("loadavg_before")}, after: {results.Meta("loadavg_after")}"))
            .AppendLine(Invariant($"- cpu placement: {results.Meta("placement")}"))
            .AppendLine(Invariant($"- saturation: {results.Meta("wrk")}; unloaded: {results.Meta("sequential")}; streams of {results.Meta("chunks")} chunks + usage + [DONE]"))
            .AppendLine(Invariant($"- gateway: {results.Meta("gateway")}"))
            .AppendLine();
    }

    private static void WriteThroughput(StringBuilder text, Results results, AlternatingPairs pairs, List<(string, string, bool?)> bars)
    {
        text.AppendLine("### Throughput at saturation")
            .AppendLine()
            .AppendLine(pairs.Count > 0 ? Invariant($"hop and majordomo: the median of {pairs.Count} alternating phases per figure; non-2xx and socket errors summed.") : "")
            .AppendLine()
            .AppendLine("| mode | target | req/s | ratio | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | proxy CPU-µs/req | mock CPU-µs/req |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in Modes)
        {
            foreach (var target in Targets)
            {
                var rps = results.Number("wrk", mode, target, "rps");
                if (rps is null && results.Text("wrk", mode, target, "skipped") is null)
                {
                    continue;
                }

                var ratio = target switch
                {
                    Hop => RatioText(rps, results.Number("wrk", mode, Direct, "rps"), "direct"),
                    Gateway => RatioText(rps, results.Number("wrk", mode, Hop, "rps"), "hop"),
                    _ => "",
                };
                text.AppendLine(Invariant(
                    $"| {mode} | {target} | {Format(rps, "N0")} | {ratio} | {Ms(results.Number("wrk", mode, target, "p50_us"))} | {Ms(results.Number("wrk", mode, target, "p90_us"))} | {Ms(results.Number("wrk", mode, target, "p99_us"))} | {Format(results.Number("wrk", mode, target, "non2xx"), "N0")} | {Format(results.Number("wrk", mode, target, "socket_errors"), "N0")} | {(target == Direct ? "" : Format(results.Number("wrk", mode, target, "proxy_cpu_us"), "F1"))} | {Format(results.Number("wrk", mode, target, "mock_cpu_us"), "F1")} |"));
            }

            // With alternating pairs the bar is the median of the per-pair ratios (each pair shares the machine's state).
            var (gatewayRatio, spread) = pairs.Count > 0
                ? pairs.MedianRatio(mode)
                : (Ratio(results.Number("wrk", mode, Gateway, "rps"), results.Number("wrk", mode, Hop, "rps")), "");
            var gatewayClean = (results.Number("wrk", mode, Gateway, "non2xx") ?? 0) == 0
                && (results.Number("wrk", mode, Gateway, "socket_errors") ?? 0) == 0;
            bars.Add((
                Invariant($"throughput {mode}: majordomo/hop ≥ {ThroughputBar:F2}, no errors"),
                gatewayRatio is null ? "n/a" : Invariant($"{gatewayRatio:F2}×{spread}{(gatewayClean ? "" : ", with errors")}"),
                gatewayRatio is null ? null : gatewayRatio >= ThroughputBar && gatewayClean));
        }

        text.AppendLine();
    }

    private static void WriteLatency(StringBuilder text, Results results, List<(string, string, bool?)> bars)
    {
        text.AppendLine("### Unloaded latency (sequential, one keep-alive connection)")
            .AppendLine()
            .AppendLine("| mode | target | p50 µs | p90 µs | p99 µs | added p50 µs | TTFC p50 µs | TTFC p99 µs | added TTFC p50 µs | errors |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in Modes)
        {
            var directP50 = results.Number("latency", mode, Direct, "total_p50_us");
            var directTtfc = results.Number("latency", mode, Direct, "ttfc_p50_us");
            foreach (var target in Targets)
            {
                if (results.Text("latency", mode, target, "requests") is null)
                {
                    continue;
                }

                var p50 = results.Number("latency", mode, target, "total_p50_us");
                var ttfc = results.Number("latency", mode, target, "ttfc_p50_us");
                var added = target == Direct ? "" : Format(p50 - directP50, "F0");
                var addedTtfc = target == Direct || mode != "stream" ? "" : Format(ttfc - directTtfc, "F0");
                text.AppendLine(Invariant(
                    $"| {mode} | {target} | {Format(p50, "F0")} | {Format(results.Number("latency", mode, target, "total_p90_us"), "F0")} | {Format(results.Number("latency", mode, target, "total_p99_us"), "F0")} | {added} | {Format(ttfc, "F0")} | {Format(results.Number("latency", mode, target, "ttfc_p99_us"), "F0")} | {addedTtfc} | {Format(results.Number("latency", mode, target, "errors"), "N0")} |"));
            }
        }

        var addedP50 = results.Number("latency", "nonstream", Gateway, "total_p50_us") - results.Number("latency", "nonstream", Direct, "total_p50_us");
        bars.Add((Invariant($"unloaded added p50 (non-stream) ≤ {AddedLatencyBarUs:F0} µs"), addedP50 is null ? "n/a" : Invariant($"{addedP50:F0} µs"), addedP50 is null ? null : addedP50 <= AddedLatencyBarUs));
        var addedFirstChunk = results.Number("latency", "stream", Gateway, "ttfc_p50_us") - results.Number("latency", "stream", Direct, "ttfc_p50_us");
        bars.Add((Invariant($"unloaded added time to first chunk ≤ {AddedLatencyBarUs:F0} µs"), addedFirstChunk is null ? "n/a" : Invariant($"{addedFirstChunk:F0} µs"), addedFirstChunk is null ? null : addedFirstChunk <= AddedLatencyBarUs));
        text.AppendLine();
    }

    private static void WriteFlush(StringBuilder text, Results results, List<(string, string, bool?)> bars)
    {
        text.AppendLine(Invariant($"### Flush check (upstream waits {results.Meta("flush_delay_ms")} ms between chunks)"))
            .AppendLine()
            .AppendLine("| target | data events / response | socket reads carrying events | first→last event ms | errors |")
            .AppendLine("|---|---:|---:|---:|---:|");
        foreach (var target in Targets)
        {
            if (results.Text("flush", "stream", target, "requests") is null)
            {
                continue;
            }

            text.AppendLine(Invariant(
                $"| {target} | {Format(results.Number("flush", "stream", target, "events"), "N0")} | {Format(results.Number("flush", "stream", target, "arrivals"), "N0")} | {Format(results.Number("flush", "stream", target, "spread_ms"), "F1")} | {Format(results.Number("flush", "stream", target, "errors"), "N0")} |"));
        }

        var ratio = Ratio(results.Number("flush", "stream", Gateway, "arrivals"), results.Number("flush", "stream", Direct, "arrivals"));
        var sameEvents = results.Number("flush", "stream", Gateway, "events") == results.Number("flush", "stream", Direct, "events");
        bars.Add((
            "each chunk flushed as it arrives (reads with events vs direct ≥ 0.9, same event count)",
            ratio is null ? "n/a" : Invariant($"{ratio:F2}{(sameEvents ? "" : ", event count differs")}"),
            ratio is null ? null : ratio >= FlushBar && sameEvents));
        text.AppendLine();
    }

    private static void WriteBars(StringBuilder text, List<(string Bar, string Value, bool? Pass)> bars)
    {
        text.AppendLine("### SPEC §6 bars")
            .AppendLine()
            .AppendLine("| bar | measured | result |")
            .AppendLine("|---|---:|---|");
        foreach (var (bar, value, pass) in bars)
        {
            text.AppendLine(Invariant($"| {bar} | {value} | {(pass is null ? "n/a" : pass.Value ? "PASS" : "FAIL")} |"));
        }

        text.AppendLine();
    }

    // Rows of workloads this report has no table for (e.g. the --scale streams and soak), listed as they are.
    private static void WriteOtherSections(StringBuilder text, Results results)
    {
        var rows = results.Rows(section => section is not ("meta" or "wrk" or "latency" or "flush" or "jitwarmup") && !AlternatingPairs.IsPairSection(section));
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("### Other workloads").AppendLine().AppendLine("| section | mode | target | metric | value |").AppendLine("|---|---|---|---|---|");
        foreach (var (key, value) in rows)
        {
            text.AppendLine(Invariant($"| {key.Section} | {key.Mode} | {key.Target} | {key.Metric} | {value.Replace('|', '/')} |"));
        }

        text.AppendLine();
    }

    private static void WriteErrors(StringBuilder text, Results results)
    {
        var notes = new List<string>();
        foreach (var section in (string[])["wrk", "latency", "flush"])
        {
            foreach (var mode in Modes)
            {
                foreach (var target in Targets)
                {
                    if (results.Text(section, mode, target, "first_error") is { } error)
                    {
                        notes.Add(Invariant($"- {section} {mode} {target}: {error}"));
                    }

                    if (results.Text(section, mode, target, "aborted") is { } aborted)
                    {
                        notes.Add(Invariant($"- {section} {mode} {target}: stopped early ({aborted})"));
                    }

                    if (results.Text(section, mode, target, "skipped") is { } reason)
                    {
                        notes.Add(Invariant($"- {section} {mode} {target}: skipped ({reason})"));
                    }
                }
            }
        }

        if (notes.Count > 0)
        {
            text.AppendLine("### Errors and skipped phases").AppendLine();
            notes.ForEach(note => text.AppendLine(note));
            text.AppendLine();
        }
    }

    internal static double? Ratio(double? value, double? baseline) =>
        value is null || baseline is null or 0 ? null : value / baseline;

    private static string RatioText(double? value, double? baseline, string baselineName) =>
        Ratio(value, baseline) is { } ratio ? Invariant($"{ratio:F2}× {baselineName}") : "n/a";

    private static string Ms(double? micros) => Format(micros / 1000, "F2");

    internal static string Format(double? value, string format) =>
        value is null ? "n/a" : value.Value.ToString(format, CultureInfo.InvariantCulture);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
