using System.Diagnostics;
using System.Globalization;
using System.Text;
using Majordomo.Bench.Cli;
using Majordomo.Bench.Report;
using static Majordomo.Bench.Load.LoadStats;

namespace Majordomo.Bench.Load;

/// <summary>
/// <c>soak</c>: a steady mixed load for <c>--seconds</c> (default 600): <c>--rate</c> requests a second
/// started on a fixed schedule, alternating non-stream and stream on <c>--model</c>, plus
/// <c>--paced-streams</c> slots each streaming one paced stream after another on <c>--paced-model</c>.
/// The gateway's resident memory, open handles (<c>/proc/PID/fd</c>) and threads are sampled every
/// <c>--sample-seconds</c> (default 10), with its managed heap as its GC last reported it (<see cref="GcWatch"/>:
/// the heap after the last collection and the live bytes surviving the last gen-2 collection); the report
/// gives every sample and the least-squares slope per minute, over the whole run and over its second half
/// (after warm-up growth has settled). A flat live heap under a rising RSS is the GC's choice, not a leak.
/// Left alone, the GC may run no gen-2 collection for minutes at this load, so by default the soak asks for
/// one full collection every <c>--induce-gen2-seconds</c> (60; 0: never) to read the live heap then.
/// </summary>
internal static class SoakRun
{
    public static int Run(BenchArgs args)
    {
        var url = new Uri(args.GetRequired("url"), UriKind.Absolute);
        var pid = args.GetInt("pid", null, 0, 1, int.MaxValue);
        var seconds = args.GetInt("seconds", null, 600, 10, 86_400);
        var rate = args.GetInt("rate", null, 100, 0, 100_000);
        var model = args.GetString("model") ?? "mock/bench-model";
        var pacedModel = args.GetString("paced-model") ?? "paced/bench-model";
        var pacedStreams = args.GetInt("paced-streams", null, 200, 0, 100_000);
        var chunks = args.GetInt("chunks", null, 100, 0, 10_000);
        var sampleSeconds = args.GetInt("sample-seconds", null, 10, 1, 3600);
        var induceSeconds = args.GetInt("induce-gen2-seconds", null, 60, 0, 86_400);
        var maxInFlight = args.GetInt("max-inflight", null, 1000, 1, 100_000);
        var apiKey = args.GetString("api-key") ?? "bench-key";
        var target = args.GetString("target") ?? "majordomo";
        var output = args.GetString("out");
        args.EnsureAllRead();

        var run = new Soak(url, pid, apiKey, model, pacedModel, chunks, maxInFlight);
        var samples = run.RunAsync(seconds, rate, pacedStreams, sampleSeconds, induceSeconds).GetAwaiter().GetResult();
        return run.Write(samples, seconds, rate, pacedStreams, sampleSeconds, induceSeconds, target, output);
    }

    private readonly record struct Sample(double Seconds, ProcessSample Process, GcReading Gc, bool Induced, long Completed, long Errors, int InFlight);

    private sealed class Soak(Uri url, int pid, string apiKey, string model, string pacedModel, int chunks, int maxInFlight)
    {
        private readonly byte[] _nonStream = Encoding.UTF8.GetBytes(RequestBodies.Chat(model, stream: false));
        private readonly byte[] _stream = Encoding.UTF8.GetBytes(RequestBodies.Chat(model, stream: true));
        private readonly byte[] _paced = Encoding.UTF8.GetBytes(RequestBodies.Chat(pacedModel, stream: true));
        private readonly Dictionary<string, long> _errorKinds = new(StringComparer.Ordinal);
        private long _completed;
        private long _errors;
        private long _skipped;
        private int _inFlight;
        private string _loadBefore = "";
        private string _loadAfter = "";

        public async Task<List<Sample>> RunAsync(int seconds, int rate, int pacedStreams, int sampleSeconds, int induceSeconds)
        {
            _loadBefore = LoadAverage();
            using var client = StreamExchange.CreateClient(maxInFlight + pacedStreams);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var start = Stopwatch.GetTimestamp();
            var samples = new List<Sample>();
            using var gc = GcWatch.TryStart(pid);
            var sampler = SampleAsync(samples, gc, start, sampleSeconds, induceSeconds, stop.Token);
            var work = new List<Task>();
            for (var i = 0; i < pacedStreams; i++)
            {
                work.Add(PacedSlotAsync(client, TimeSpan.FromSeconds(i * 2.0 / Math.Max(1, pacedStreams)), stop.Token));
            }

            work.Add(ScheduleAsync(client, rate, stop.Token));
            await Task.WhenAll(work).ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            _loadAfter = LoadAverage();
            return samples;
        }

        private async Task PacedSlotAsync(HttpClient client, TimeSpan delay, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                while (!cancellationToken.IsCancellationRequested)
                {
                    await SendAsync(client, _paced, stream: true, chunks, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        // Open loop: requests start on schedule whatever the answers' speed, up to maxInFlight at once.
        private async Task ScheduleAsync(HttpClient client, int rate, CancellationToken cancellationToken)
        {
            if (rate == 0)
            {
                return;
            }

            var pending = new List<Task>();
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            var started = Stopwatch.GetTimestamp();
            long sent = 0;
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    var due = (long)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate);
                    for (; sent < due; sent++)
                    {
                        if (Volatile.Read(ref _inFlight) >= maxInFlight)
                        {
                            Interlocked.Increment(ref _skipped);
                            continue;
                        }

                        var stream = sent % 2 == 1;
                        pending.Add(SendAsync(client, stream ? _stream : _nonStream, stream, 0, cancellationToken));
                    }

                    pending.RemoveAll(t => t.IsCompleted);
                }
            }
            catch (OperationCanceledException)
            {
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }

        private async Task SendAsync(HttpClient client, byte[] body, bool stream, int expectedChunks, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            var outcome = await StreamExchange.RunAsync(client, url, body, apiKey, stream, expectedChunks, cancellationToken).ConfigureAwait(false);
            Interlocked.Decrement(ref _inFlight);
            if (outcome.Error is null)
            {
                Interlocked.Increment(ref _completed);
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                // Streams cut by the end of the run are not the gateway's errors.
                Interlocked.Increment(ref _errors);
                lock (_errorKinds)
                {
                    _errorKinds[outcome.Error] = _errorKinds.GetValueOrDefault(outcome.Error) + 1;
                }
            }
        }

        private async Task SampleAsync(List<Sample> samples, GcWatch? gc, long start, int sampleSeconds, int induceSeconds, CancellationToken cancellationToken)
        {
            void Take(bool induced)
            {
                if (ProcessSample.Read(pid) is { } p)
                {
                    samples.Add(new Sample(Stopwatch.GetElapsedTime(start).TotalSeconds, p, gc?.Read() ?? default, induced, Interlocked.Read(ref _completed), Interlocked.Read(ref _errors), Volatile.Read(ref _inFlight)));
                }
            }

            Take(false);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(sampleSeconds));
            var lastInduced = Stopwatch.GetTimestamp();
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    // RSS is read first, before the collection this sample may ask for.
                    var induce = gc is not null && induceSeconds > 0 && Stopwatch.GetElapsedTime(lastInduced).TotalSeconds >= induceSeconds - 0.5;
                    var rss = ProcessSample.Read(pid);
                    var induced = induce && await Task.Run(() => gc!.InduceGen2(TimeSpan.FromSeconds(10)), cancellationToken).ConfigureAwait(false);
                    if (induce)
                    {
                        lastInduced = Stopwatch.GetTimestamp();
                    }

                    if (rss is { } p)
                    {
                        samples.Add(new Sample(Stopwatch.GetElapsedTime(start).TotalSeconds, p, gc?.Read() ?? default, induced, Interlocked.Read(ref _completed), Interlocked.Read(ref _errors), Volatile.Read(ref _inFlight)));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public int Write(List<Sample> samples, int seconds, int rate, int pacedStreams, int sampleSeconds, int induceSeconds, string target, string? output)
        {
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"### Soak: {seconds} s, {rate} req/s (non-stream and stream alternating) + {pacedStreams} paced streams held, sampled every {sampleSeconds} s")
                .AppendLine()
                .AppendLine(induceSeconds > 0
                    ? $"A full collection is asked for every {induceSeconds} s (rows marked *): the live heap is read right after it."
                    : "No collection is asked for: the live heap is what the GC's own gen-2 collections left.")
                .AppendLine()
                .AppendLine("| t (s) | gateway RSS MB | peak RSS MB | GC heap after last GC MB | live after last gen-2 MB | gen-2 GCs | handles | threads | completed | errors | in flight |")
                .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in samples)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {F(s.Seconds, "0")}{(s.Induced ? "*" : "")} | {F(s.Process.RssMb)} | {F(s.Process.PeakRssMb)} | {F(s.Gc.HeapAfterLastMb)} | {F(s.Gc.LiveAfterGen2Mb)} | {s.Gc.Gen2Collections} | {s.Process.Handles} | {s.Process.Threads} | {s.Completed} | {s.Errors} | {s.InFlight} |");
            }

            var half = samples.Where(s => s.Seconds >= seconds / 2.0).ToList();

            // The live heap is known only after a gen-2 collection: its slope is taken over the samples that have one
            // (the asked-for collections' samples when there are any).
            var live = samples.Any(s => s.Induced) ? samples.Where(s => s.Induced).ToList() : samples.Where(s => s.Gc.Gen2Collections > 0).ToList();
            var liveHalf = live.Where(s => s.Seconds >= seconds / 2.0).ToList();
            var rows = new List<(string Metric, string Value)>
            {
                ("seconds", seconds.ToString(CultureInfo.InvariantCulture)),
                ("completed", Interlocked.Read(ref _completed).ToString(CultureInfo.InvariantCulture)),
                ("errors", Interlocked.Read(ref _errors).ToString(CultureInfo.InvariantCulture)),
                ("skipped_over_max_inflight", Interlocked.Read(ref _skipped).ToString(CultureInfo.InvariantCulture)),
                ("rss_slope_mb_per_min", F(Slope(samples.Select(s => (s.Seconds / 60, s.Process.RssMb)).ToList()), "0.00")),
                ("rss_slope_second_half_mb_per_min", F(Slope(half.Select(s => (s.Seconds / 60, s.Process.RssMb)).ToList()), "0.00")),
                ("gc_heap_after_gc_slope_mb_per_min", F(Slope(samples.Select(s => (s.Seconds / 60, s.Gc.HeapAfterLastMb)).ToList()), "0.00")),
                ("gc_live_after_gen2_slope_mb_per_min", F(Slope(live.Select(s => (s.Seconds / 60, s.Gc.LiveAfterGen2Mb)).ToList()), "0.00")),
                ("gc_live_after_gen2_slope_second_half_mb_per_min", F(Slope(liveHalf.Select(s => (s.Seconds / 60, s.Gc.LiveAfterGen2Mb)).ToList()), "0.00")),
                ("gc_live_after_gen2_first_mb", F(live.Count > 0 ? live[0].Gc.LiveAfterGen2Mb : 0)),
                ("gc_live_after_gen2_last_mb", F(live.Count > 0 ? live[^1].Gc.LiveAfterGen2Mb : 0)),
                ("gc_gen2_collections", (samples.Count > 0 ? samples[^1].Gc.Gen2Collections : 0).ToString(CultureInfo.InvariantCulture)),
                ("gc_gen2_induced", samples.Count(s => s.Induced).ToString(CultureInfo.InvariantCulture)),
                ("handles_slope_per_min", F(Slope(samples.Select(s => (s.Seconds / 60, (double)s.Process.Handles)).ToList()), "0.00")),
                ("handles_slope_second_half_per_min", F(Slope(half.Select(s => (s.Seconds / 60, (double)s.Process.Handles)).ToList()), "0.00")),
                ("rss_first_mb", F(samples.Count > 0 ? samples[0].Process.RssMb : 0)),
                ("rss_last_mb", F(samples.Count > 0 ? samples[^1].Process.RssMb : 0)),
                ("rss_peak_mb", F(samples.Count > 0 ? samples.Max(s => s.Process.PeakRssMb) : 0)),
                ("handles_first", (samples.Count > 0 ? samples[0].Process.Handles : 0).ToString(CultureInfo.InvariantCulture)),
                ("handles_last", (samples.Count > 0 ? samples[^1].Process.Handles : 0).ToString(CultureInfo.InvariantCulture)),
                ("loadavg_before", _loadBefore),
                ("loadavg_after", _loadAfter),
            };
            text.AppendLine().AppendLine("| metric | value |").AppendLine("|---|---:|");
            foreach (var (metric, value) in rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {value} |");
                if (output is not null)
                {
                    ResultsFile.Append(output, "soak", "mixed", target, metric, value);
                }
            }

            foreach (var (kind, count) in _errorKinds.OrderByDescending(e => e.Value).Take(5))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| error: {kind.Replace('|', '/')} | {count} |");
            }

            Console.Write(text.ToString());
            return Interlocked.Read(ref _errors) == 0 ? 0 : 1;
        }
    }
}
