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
/// The gateway's CPU time up to the first answer is reported beside the wall time: on a loaded machine it
/// moves much less. <c>--steady N</c> then sends N more requests on the same connection and reports the
/// median latency and the gateway's CPU per request over their second half (a setting that helps the start
/// must not cost the warm path).
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
        var steady = args.GetInt("steady", null, 0, 0, 1_000_000);
        args.EnsureAllRead();

        var request = Encoding.ASCII.GetBytes(
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nAuthorization: Bearer bench-key\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(RequestBodies.Chat(model, false))}\r\n\r\n" + RequestBodies.Chat(model, false));
        var endPoint = new IPEndPoint(IPAddress.Parse(url.Host), url.Port);
        var ready = new List<double>();
        var first = new List<double>();
        var second = new List<double>();
        var cpu = new List<double>();
        var steadyMedian = new List<double>();
        var steadyCpu = new List<double>();
        var load = LoadAverage();
        for (var i = 0; i < runs; i++)
        {
            var run = Once(dll, config, env, request, endPoint, timeout, steady);
            ready.Add(run.ToFirstAnswerMs);
            first.Add(run.FirstRequestMs);
            second.Add(run.SecondRequestMs);
            cpu.Add(run.CpuToFirstAnswerMs);
            var steadyText = "";
            if (steady > 0)
            {
                steadyMedian.Add(run.SteadyMedianUs);
                steadyCpu.Add(run.SteadyCpuUs);
                steadyText = Invariant($", then {steady} requests: median {run.SteadyMedianUs:0} µs, gateway CPU {run.SteadyCpuUs:0} µs/request");
            }

            Console.Error.WriteLine(Invariant(
                $"startup {label} run {i + 1}: first answer {run.ToFirstAnswerMs:0} ms after start (gateway CPU {run.CpuToFirstAnswerMs:0} ms), first request {run.FirstRequestMs:0.0} ms, second {run.SecondRequestMs:0.00} ms{steadyText}"));
        }

        ready.Sort();
        first.Sort();
        second.Sort();
        cpu.Sort();
        steadyMedian.Sort();
        steadyCpu.Sort();
        var steadyCell = steady > 0 ? Invariant($" {Percentile(steadyMedian, 50):0} µs, {Percentile(steadyCpu, 50):0} CPU-µs |") : "";
        var text = Invariant(
            $"| {label} | {runs} | {Percentile(ready, 50):0} ms ({ready[0]:0}–{ready[^1]:0}) | {Percentile(cpu, 50):0} ms | {Percentile(first, 50):0.0} ms | {Percentile(second, 50):0.00} ms |{steadyCell} {load} → {LoadAverage()} |");
        Console.WriteLine(text);
        if (output is not null)
        {
            ResultsFile.Append(output, "startup", label, "majordomo", "to_first_answer_ms", Invariant($"{Percentile(ready, 50):0}"));
            ResultsFile.Append(output, "startup", label, "majordomo", "cpu_to_first_answer_ms", Invariant($"{Percentile(cpu, 50):0}"));
            ResultsFile.Append(output, "startup", label, "majordomo", "first_request_ms", Invariant($"{Percentile(first, 50):0.0}"));
            ResultsFile.Append(output, "startup", label, "majordomo", "second_request_ms", Invariant($"{Percentile(second, 50):0.00}"));
            if (steady > 0)
            {
                ResultsFile.Append(output, "startup", label, "majordomo", "steady_median_us", Invariant($"{Percentile(steadyMedian, 50):0}"));
                ResultsFile.Append(output, "startup", label, "majordomo", "steady_cpu_us_per_request", Invariant($"{Percentile(steadyCpu, 50):0}"));
            }
        }

        return 0;
    }

    private readonly record struct StartupResult(
        double ToFirstAnswerMs, double CpuToFirstAnswerMs, double FirstRequestMs, double SecondRequestMs, double SteadyMedianUs, double SteadyCpuUs);

    private static StartupResult Once(string dll, string config, string env, byte[] request, IPEndPoint endPoint, int timeoutSeconds, int steady)
    {
        // A .dll runs under the dotnet host; anything else is an executable (an apphost, a self-contained publish).
        var viaHost = dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(viaHost ? "dotnet" : dll) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (viaHost)
        {
            info.ArgumentList.Add(dll);
        }

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
                    var cpuMs = CpuMs(process.Id);
                    var toFirst = Stopwatch.GetElapsedTime(start, result.EndTimestamp).TotalMilliseconds;
                    var firstMs = Stopwatch.GetElapsedTime(result.StartTimestamp, result.EndTimestamp).TotalMilliseconds;
                    var again = connection.Send(request, sse: false);
                    var secondMs = Stopwatch.GetElapsedTime(again.StartTimestamp, again.EndTimestamp).TotalMilliseconds;
                    var (median, cpuUs) = steady > 0 ? Steady(connection, request, process.Id, steady) : (0, 0);
                    return new StartupResult(toFirst, cpuMs, firstMs, secondMs, median, cpuUs);
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

    /// <summary>
    /// <paramref name="count"/> requests on the connection; the median latency (µs) and the gateway's CPU (µs a
    /// request) over the second half, when tiering has had the first half to settle.
    /// </summary>
    private static (double MedianUs, double CpuUs) Steady(RawHttpConnection connection, byte[] request, int pid, int count)
    {
        var latencies = new List<double>(count);
        var cpuAtHalf = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i == count / 2)
            {
                cpuAtHalf = CpuMs(pid);
            }

            var result = connection.Send(request, sse: false);
            if (result.Status != 200)
            {
                throw new InvalidOperationException($"steady request {i + 1} answered {result.Status}");
            }

            if (i >= count / 2)
            {
                latencies.Add(Stopwatch.GetElapsedTime(result.StartTimestamp, result.EndTimestamp).TotalMicroseconds);
            }
        }

        var cpuUs = (CpuMs(pid) - cpuAtHalf) * 1000 / latencies.Count;
        latencies.Sort();
        return (Percentile(latencies, 50), cpuUs);
    }

    private static double CpuMs(int pid) => (ProcessSample.Read(pid)?.CpuSeconds ?? double.NaN) * 1000;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
