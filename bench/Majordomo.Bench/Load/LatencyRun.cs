using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Majordomo.Bench.Cli;
using Majordomo.Bench.Report;

namespace Majordomo.Bench.Load;

/// <summary>
/// <c>latency</c>: sequential requests on one keep-alive connection — a warm-up (default 1,000) so
/// the JIT and connection pools settle, then N measured requests. Reports p50/p90/p99 of total
/// latency and, for streams, of the time to the first <c>data:</c> event, plus events per response,
/// socket reads that carried events, and the first-to-last event spread. Appends the numbers to a
/// results file for <c>report</c>. Bounded: it stops after 50 failures in a row or
/// <c>--max-seconds</c> (default 120), whichever comes first.
/// </summary>
internal static class LatencyRun
{
    private const int MaxConsecutiveFailures = 50;

    public static int Run(BenchArgs args)
    {
        var url = new Uri(args.GetRequired("url"), UriKind.Absolute);
        var model = args.GetString("model") ?? "mock/bench-model";
        var stream = args.GetFlag("stream");
        var warmup = args.GetInt("warmup", null, 1000, 0, 1_000_000);
        var requests = args.GetInt("requests", null, 2000, 1, 1_000_000);
        var target = args.GetString("target") ?? url.Authority;
        var section = args.GetString("section") ?? "latency";
        var output = args.GetString("out");
        var apiKey = args.GetString("api-key") ?? "bench-key";
        var maxSeconds = args.GetInt("max-seconds", null, 120, 1, 3600);
        args.EnsureAllRead();

        if (!IPAddress.TryParse(url.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("--url must point at a loopback IP address (127.0.0.1)");
        }

        var request = BuildRequest(url, RequestBodies.Chat(model, stream), apiKey, stream);
        using var connection = new RawHttpConnection(new IPEndPoint(address, url.Port));

        var totals = new long[requests];
        var firstData = new long[stream ? requests : 0];
        var spreads = new long[stream ? requests : 0];
        var events = new int[stream ? requests : 0];
        var arrivals = new int[stream ? requests : 0];
        var ok = 0;
        var failures = 0;
        var consecutiveFailures = 0;
        string? firstError = null;
        string? abortReason = null;
        var deadline = Stopwatch.GetTimestamp() + (maxSeconds * Stopwatch.Frequency);
        for (var i = 0; i < warmup + requests; i++)
        {
            if (consecutiveFailures >= MaxConsecutiveFailures)
            {
                abortReason = $"{MaxConsecutiveFailures} failures in a row";
                break;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                abortReason = $"time limit of {maxSeconds} s reached";
                break;
            }

            var result = connection.Send(request, stream);
            if (!IsSuccess(result, stream))
            {
                failures++;
                consecutiveFailures++;
                firstError ??= Describe(result);
                continue;
            }

            consecutiveFailures = 0;
            if (i < warmup)
            {
                continue;
            }

            totals[ok] = result.EndTimestamp - result.StartTimestamp;
            if (stream)
            {
                firstData[ok] = result.FirstDataTimestamp - result.StartTimestamp;
                spreads[ok] = result.LastDataTimestamp - result.FirstDataTimestamp;
                events[ok] = result.DataEvents;
                arrivals[ok] = result.DataArrivals;
            }

            ok++;
        }

        var mode = Mode(stream);
        Append(output, section, mode, target, "requests", ok.ToString(CultureInfo.InvariantCulture));
        Append(output, section, mode, target, "errors", failures.ToString(CultureInfo.InvariantCulture));
        if (abortReason is not null)
        {
            Console.Error.WriteLine($"{target} {mode}: stopped early: {abortReason}");
            Append(output, section, mode, target, "aborted", abortReason);
        }

        if (firstError is not null)
        {
            Console.Error.WriteLine($"{target} {mode}: {failures} failed requests; first: {firstError}");
            Append(output, section, mode, target, "first_error", Sanitize(firstError));
        }

        var summary = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{section} {mode,-9} {target,-10} n={ok} errors={failures}");
        if (ok > 0)
        {
            AppendPercentiles(summary, output, section, mode, target, "total", totals.AsSpan(0, ok));
            if (stream)
            {
                AppendPercentiles(summary, output, section, mode, target, "ttfc", firstData.AsSpan(0, ok));
                var medianEvents = Median(events.AsSpan(0, ok));
                var medianArrivals = Median(arrivals.AsSpan(0, ok));
                spreads.AsSpan(0, ok).Sort();
                var spreadMs = Stopwatch.GetElapsedTime(0, Percentile(spreads.AsSpan(0, ok), 50)).TotalMilliseconds;
                Append(output, section, mode, target, "events", medianEvents.ToString(CultureInfo.InvariantCulture));
                Append(output, section, mode, target, "arrivals", medianArrivals.ToString(CultureInfo.InvariantCulture));
                Append(output, section, mode, target, "spread_ms", spreadMs.ToString("F2", CultureInfo.InvariantCulture));
                summary.Append(CultureInfo.InvariantCulture, $" events={medianEvents} arrivals={medianArrivals} spread={spreadMs:F2}ms");
            }
        }

        Console.WriteLine(summary.ToString());
        return failures == 0 ? 0 : 1;
    }

    private static string Mode(bool stream) => stream ? "stream" : "nonstream";

    private static bool IsSuccess(in ExchangeResult result, bool stream) =>
        result.Status == 200 && (!stream || (result.DataEvents > 0 && result.SawDone));

    private static string Describe(in ExchangeResult result) =>
        result.Status == 0 ? result.ErrorSnippet ?? "error"
        : result.Status == 200 ? $"200 but stream incomplete: {result.DataEvents} events, [DONE] {(result.SawDone ? "seen" : "missing")}"
        : $"HTTP {result.Status}: {result.ErrorSnippet}";

    private static string Sanitize(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');

    private static void AppendPercentiles(StringBuilder summary, string? output, string section, string mode, string target, string name, Span<long> ticks)
    {
        ticks.Sort();
        summary.Append(CultureInfo.InvariantCulture, $" {name}:");
        foreach (var p in (ReadOnlySpan<int>)[50, 90, 99])
        {
            var micros = Stopwatch.GetElapsedTime(0, Percentile(ticks, p)).TotalMicroseconds;
            Append(output, section, mode, target, $"{name}_p{p}_us", micros.ToString("F1", CultureInfo.InvariantCulture));
            summary.Append(CultureInfo.InvariantCulture, $" p{p}={micros:F0}µs");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static long Percentile(ReadOnlySpan<long> sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static int Median(Span<int> values)
    {
        values.Sort();
        return values[(values.Length - 1) / 2];
    }

    private static byte[] BuildRequest(Uri url, string body, string apiKey, bool stream)
    {
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {url.PathAndQuery} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {url.Authority}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Accept: {(stream ? "text/event-stream" : "application/json")}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Authorization: Bearer {apiKey}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bodyBytes.Length}\r\n")
            .Append("\r\n")
            .ToString();
        return [.. Encoding.ASCII.GetBytes(head), .. bodyBytes];
    }

    private static void Append(string? output, string section, string mode, string target, string metric, string value)
    {
        if (output is not null)
        {
            ResultsFile.Append(output, section, mode, target, metric, value);
        }
    }
}
