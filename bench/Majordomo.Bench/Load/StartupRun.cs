using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Majordomo.Bench.Cli;
using Majordomo.Bench.Report;
using static Majordomo.Bench.Load.LoadStats;

namespace Majordomo.Bench.Load;

/// <summary>
/// <c>startup</c>: starts the gateway (<c>dotnet DLL serve --config FILE</c>) <c>--runs</c> times and
/// measures, each time, how long from the process start to the first answered chat request (a
/// non-stream request retried every 2 ms until it gets a 200), that first request's own latency, and the
/// second request's for comparison; then stops the process. <c>--env NAME=VALUE</c> (repeatable as a
/// comma-separated list) sets runtime knobs for the gateway only (TieredPGO, TieredCompilation, …).
/// </summary>
internal static class StartupRun
{
    private const int RetryMs = 2;

    public static int Run(BenchArgs args)
    {
        var dll = args.GetRequired("dll");
        var config = args.GetRequired("config");
        var url = new Uri(args.GetRequired("url"), UriKind.Absolute);
        var runs = args.GetInt("runs", null, 5, 1, 100);
        var model = args.GetString("model") ?? "mock/bench-model";
        var env = args.GetString("env") ?? "";
        var label = args.GetString("label") ?? (env.Length == 0 ? "default" : env);
        var output = args.GetString("out");
        var timeout = args.GetInt("timeout-seconds", null, 60, 1, 600);
        args.EnsureAllRead();

        var request = Encoding.ASCII.GetBytes(
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nAuthorization: Bearer bench-key\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(RequestBodies.Chat(model, false))}\r\n\r\n" + RequestBodies.Chat(model, false));
        var endPoint = new IPEndPoint(IPAddress.Parse(url.Host), url.Port);
        var ready = new List<double>();
        var first = new List<double>();
        var second = new List<double>();
        var load = LoadAverage();
        for (var i = 0; i < runs; i++)
        {
            var (toFirst, firstMs, secondMs) = Once(dll, config, env, request, endPoint, timeout);
            ready.Add(toFirst);
            first.Add(firstMs);
            second.Add(secondMs);
            Console.Error.WriteLine(Invariant($"startup {label} run {i + 1}: first answer {toFirst:0} ms after start, first request {firstMs:0.0} ms, second {secondMs:0.00} ms"));
        }

        ready.Sort();
        first.Sort();
        second.Sort();
        var text = Invariant($"| {label} | {runs} | {Percentile(ready, 50):0} ms ({ready[0]:0}–{ready[^1]:0}) | {Percentile(first, 50):0.0} ms | {Percentile(second, 50):0.00} ms | {load} → {LoadAverage()} |");
        Console.WriteLine(text);
        if (output is not null)
        {
            ResultsFile.Append(output, "startup", label, "majordomo", "to_first_answer_ms", Invariant($"{Percentile(ready, 50):0}"));
            ResultsFile.Append(output, "startup", label, "majordomo", "first_request_ms", Invariant($"{Percentile(first, 50):0.0}"));
            ResultsFile.Append(output, "startup", label, "majordomo", "second_request_ms", Invariant($"{Percentile(second, 50):0.00}"));
        }

        return 0;
    }

    private static (double ToFirstAnswerMs, double FirstRequestMs, double SecondRequestMs) Once(
        string dll, string config, string env, byte[] request, IPEndPoint endPoint, int timeoutSeconds)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(config);
        foreach (var pair in env.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            info.Environment[pair[..eq]] = pair[(eq + 1)..];
        }

        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = start + (timeoutSeconds * Stopwatch.Frequency);
            while (true)
            {
                if (Stopwatch.GetTimestamp() > deadline || process.HasExited)
                {
                    throw new InvalidOperationException(process.HasExited ? $"the gateway exited with {process.ExitCode}" : "no answer before the timeout");
                }

                using var connection = new RawHttpConnection(endPoint);
                var result = connection.Send(request, sse: false);
                if (result.Status == 200)
                {
                    var toFirst = Stopwatch.GetElapsedTime(start, result.EndTimestamp).TotalMilliseconds;
                    var firstMs = Stopwatch.GetElapsedTime(result.StartTimestamp, result.EndTimestamp).TotalMilliseconds;
                    var again = connection.Send(request, sse: false);
                    return (toFirst, firstMs, Stopwatch.GetElapsedTime(again.StartTimestamp, again.EndTimestamp).TotalMilliseconds);
                }

                Thread.Sleep(RetryMs);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
