using System.Diagnostics;
using System.Text;
using Majordomo.Bench.Cli;
using Majordomo.Bench.Report;
using static Majordomo.Bench.Load.LoadStats;

namespace Majordomo.Bench.Load;

/// <summary>
/// <c>paced</c>: holds N concurrent streams (default 5,000) against a gateway whose upstream is
/// <c>mock --paced</c> (a chunk every 20 ms, 100 numbered chunks). Slots open over <c>--ramp-seconds</c>
/// and each keeps streaming, one stream after another on its connection, until <c>--seconds</c> have
/// passed. Checks every chunk of every stream arrived once and in order; reports errors, time to first
/// chunk (p50/p90/p99/max), stream durations, the peak concurrency reached and how long all N were held,
/// and the gateway's resident memory (sampled, and its kernel-recorded peak VmHWM) and open handles.
/// </summary>
internal static class PacedRun
{
    public static int Run(BenchArgs args)
    {
        var settings = PacedSettings.Read(args);
        var result = RunAsync(settings).GetAwaiter().GetResult();
        result.Write(settings);
        return result.Errors == 0 ? 0 : 1;
    }

    private static async Task<PacedResult> RunAsync(PacedSettings s)
    {
        var body = Encoding.UTF8.GetBytes(RequestBodies.Chat(s.Model, stream: true));
        using var client = StreamExchange.CreateClient(s.Streams);
        using var stop = new CancellationTokenSource();
        var result = new PacedResult { LoadBefore = LoadAverage(), Start = s.Pid is { } p ? ProcessSample.Read(p) : null };
        var started = Stopwatch.GetTimestamp();
        var endAt = started + (long)(s.Seconds * Stopwatch.Frequency);
        using var gc = s.Pid is { } watched ? GcWatch.TryStart(watched) : null;
        var sampler = SampleAsync(s, result, gc, stop.Token);
        var slots = new Task[s.Streams];
        for (var i = 0; i < s.Streams; i++)
        {
            var opensAt = started + (long)((double)i / s.Streams * s.RampSeconds * Stopwatch.Frequency);
            slots[i] = SlotAsync(client, s, body, opensAt, endAt, result, stop.Token);
        }

        // A stream still open long after the run's end is stuck: give up on it (counted as an error).
        var grace = Task.Delay(TimeSpan.FromSeconds(s.Seconds + s.TimeoutSeconds));
        if (await Task.WhenAny(Task.WhenAll(slots), grace).ConfigureAwait(false) == grace)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(slots).ConfigureAwait(false);
        }

        result.ElapsedSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        result.End = s.Pid is { } pid ? ProcessSample.Read(pid) : null;
        result.Gc = gc?.Read() ?? default;
        result.LoadAfter = LoadAverage();
        return result;
    }

    private static async Task SlotAsync(HttpClient client, PacedSettings s, byte[] body, long opensAt, long endAt, PacedResult result, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), opensAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        do
        {
            result.Enter();
            var outcome = await StreamExchange.RunAsync(client, s.Url, body, s.ApiKey, stream: true, s.Chunks, cancellationToken).ConfigureAwait(false);
            result.Leave(outcome);
        }
        while (Stopwatch.GetTimestamp() < endAt && !cancellationToken.IsCancellationRequested);
    }

    private static async Task SampleAsync(PacedSettings s, PacedResult result, GcWatch? gc, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(s.SampleMs));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Sample(s.Pid is { } pid ? ProcessSample.Read(pid) : null, gc?.Read(), s.Streams);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

internal sealed record PacedSettings(
    Uri Url, string Model, string ApiKey, int Streams, int Chunks, double RampSeconds, double Seconds,
    int TimeoutSeconds, int? Pid, int SampleMs, string Target, string Section, string? Out)
{
    public static PacedSettings Read(BenchArgs args)
    {
        var url = new Uri(args.GetRequired("url"), UriKind.Absolute);
        var pid = args.GetInt("pid", null, 0, 0, int.MaxValue);
        var settings = new PacedSettings(
            url,
            args.GetString("model") ?? "paced/bench-model",
            args.GetString("api-key") ?? "bench-key",
            args.GetInt("streams", null, 5000, 1, 100_000),
            args.GetInt("chunks", null, 100, 0, 10_000),
            args.GetInt("ramp-seconds", null, 10, 0, 3600),
            args.GetInt("seconds", null, 30, 1, 86_400),
            args.GetInt("timeout-seconds", null, 120, 1, 3600),
            pid == 0 ? null : pid,
            args.GetInt("sample-ms", null, 1000, 100, 600_000),
            args.GetString("target") ?? "majordomo",
            args.GetString("section") ?? "paced",
            args.GetString("out"));
        args.EnsureAllRead();
        return settings;
    }
}

/// <summary>What a paced run saw; updated by every slot (under a lock: a few thousand updates a second at most).</summary>
internal sealed class PacedResult
{
    private readonly object _gate = new();
    private readonly List<double> _firstChunkMs = [];
    private readonly List<double> _durationsS = [];
    private readonly Dictionary<string, int> _errorKinds = new(StringComparer.Ordinal);
    private int _inFlight;
    private long _fullSince;

    public string LoadBefore { get; init; } = "";
    public string LoadAfter { get; set; } = "";
    public ProcessSample? Start { get; init; }
    public ProcessSample? End { get; set; }
    public double ElapsedSeconds { get; set; }
    public int Completed { get; private set; }
    public int Errors { get; private set; }
    public long Chunks { get; private set; }
    public int OutOfOrder { get; private set; }
    public int PeakInFlight { get; private set; }
    public double HeldSeconds { get; private set; }
    public double PeakRssMb { get; private set; }
    public int PeakHandles { get; private set; }
    public int PeakThreads { get; private set; }
    public double PeakGcHeapMb { get; private set; }
    public GcReading Gc { get; set; }

    public void Enter()
    {
        lock (_gate)
        {
            _inFlight++;
            PeakInFlight = Math.Max(PeakInFlight, _inFlight);
        }
    }

    public void Leave(ExchangeOutcome outcome)
    {
        lock (_gate)
        {
            _inFlight--;
            Chunks += outcome.Chunks;
            OutOfOrder += outcome.OutOfOrder;
            if (outcome.Error is { } error)
            {
                Errors++;
                _errorKinds[error] = _errorKinds.GetValueOrDefault(error) + 1;
                return;
            }

            Completed++;
            _firstChunkMs.Add(outcome.FirstChunkTicks * 1000.0 / Stopwatch.Frequency);
            _durationsS.Add(outcome.TotalTicks / (double)Stopwatch.Frequency);
        }
    }

    public void Sample(ProcessSample? sample, GcReading? gc, int target)
    {
        lock (_gate)
        {
            // Time with every slot in flight, counted at sampling resolution.
            var now = Stopwatch.GetTimestamp();
            if (_inFlight >= target)
            {
                if (_fullSince != 0)
                {
                    HeldSeconds += Stopwatch.GetElapsedTime(_fullSince, now).TotalSeconds;
                }

                _fullSince = now;
            }
            else
            {
                _fullSince = 0;
            }
        }

        if (sample is { } s)
        {
            PeakRssMb = Math.Max(PeakRssMb, s.RssMb);
            PeakHandles = Math.Max(PeakHandles, s.Handles);
            PeakThreads = Math.Max(PeakThreads, s.Threads);
        }

        if (gc is { } g)
        {
            PeakGcHeapMb = Math.Max(PeakGcHeapMb, g.HeapAfterLastMb);
        }
    }

    public void Write(PacedSettings s)
    {
        _firstChunkMs.Sort();
        _durationsS.Sort();
        var hwm = End?.PeakRssMb ?? 0;
        var rows = new List<(string Metric, string Value)>
        {
            ("streams", s.Streams.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("chunks_per_stream", s.Chunks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("seconds", F(ElapsedSeconds)),
            ("peak_concurrent", PeakInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("held_all_seconds", F(HeldSeconds)),
            ("completed", Completed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("errors", Errors.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("chunks_received", Chunks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("out_of_order", OutOfOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ttfc_p50_ms", F(Percentile(_firstChunkMs, 50), "0.00")),
            ("ttfc_p90_ms", F(Percentile(_firstChunkMs, 90), "0.00")),
            ("ttfc_p99_ms", F(Percentile(_firstChunkMs, 99), "0.00")),
            ("ttfc_max_ms", F(Percentile(_firstChunkMs, 100), "0.00")),
            ("stream_p50_s", F(Percentile(_durationsS, 50), "0.00")),
            ("stream_p99_s", F(Percentile(_durationsS, 99), "0.00")),
            ("gateway_cpu_us_per_chunk", Start is { } a && End is { } b && Chunks > 0 ? F((b.CpuSeconds - a.CpuSeconds) * 1e6 / Chunks, "0.00") : "n/a"),
            ("chunks_per_second", F(Chunks / Math.Max(ElapsedSeconds, 1e-9), "0")),
            ("gateway_rss_start_mb", F(Start?.RssMb ?? 0)),
            ("gateway_rss_peak_sampled_mb", F(PeakRssMb)),
            ("gateway_rss_hwm_mb", F(hwm)),
            ("gateway_rss_end_mb", F(End?.RssMb ?? 0)),
            ("gateway_gc_heap_after_gc_peak_mb", F(PeakGcHeapMb)),
            ("gateway_gc_live_after_last_gen2_mb", F(Gc.LiveAfterGen2Mb)),
            ("gateway_gc_gen2_collections", Gc.Gen2Collections.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("gateway_handles_peak", PeakHandles.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("gateway_handles_end", (End?.Handles ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("gateway_threads_peak", PeakThreads.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("loadavg_before", LoadBefore),
            ("loadavg_after", LoadAfter),
        };

        var text = new StringBuilder()
            .AppendLine($"### Paced streams: {s.Streams} concurrent, {s.Chunks} chunks each ({s.Url})")
            .AppendLine()
            .AppendLine("| metric | value |")
            .AppendLine("|---|---:|");
        foreach (var (metric, value) in rows)
        {
            text.AppendLine($"| {metric} | {value} |");
            if (s.Out is { } path)
            {
                ResultsFile.Append(path, s.Section, "stream", s.Target, metric, value);
            }
        }

        foreach (var (kind, count) in _errorKinds.OrderByDescending(e => e.Value).Take(5))
        {
            text.AppendLine($"| error: {kind.Replace('|', '/')} | {count} |");
        }

        var verdict = Errors == 0 && OutOfOrder == 0 && PeakInFlight >= s.Streams && (s.Pid is null || hwm <= 500);
        text.AppendLine()
            .AppendLine($"Bar (issue 16: {s.Streams} concurrent, 0 errors, every chunk in order, gateway RSS ≤ 500 MB): {(verdict ? "PASS" : "FAIL")}");
        Console.Write(text.ToString());
    }
}
