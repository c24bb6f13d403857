using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Text;
using Majordomo.Bench.Cli;
using Majordomo.Bench.Servers;
using Majordomo.Hosting;

namespace Majordomo.Bench.Load;

/// <summary>
/// <c>pipeline</c>: the mock upstream, the reference hop and the real gateway (<see cref="GatewayApp"/>,
/// SQLite request log included) in this one process, each on Kestrel at 127.0.0.1, driven by
/// blocking raw-HTTP client threads. Blocks of requests alternate hop, gateway, hop, … and each block
/// is measured by this process's CPU time (<see cref="Environment.CpuUsage"/>) and allocated bytes
/// (<see cref="GC.GetTotalAllocatedBytes"/>). Client and mock cost the same for both targets, so the
/// per-request difference gateway − hop is what the gateway adds over the bare hop; allocations are
/// exact and do not depend on the machine's load. <c>--alloc-types</c> then samples the gateway's
/// allocations by type (the runtime's allocation-tick events, ~100 KB apart).
/// </summary>
internal static class PipelineRun
{
    internal const string Model = "mock/bench-model";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var pairs = args.GetInt("pairs", null, 10, 1, 1000);
        var requests = args.GetInt("requests", null, 4000, 10, 10_000_000);
        var connections = args.GetInt("connections", null, 4, 1, 256);
        var warmup = args.GetInt("warmup", null, 20_000, 0, 10_000_000);
        var modes = (args.GetString("modes") ?? "nonstream,stream").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var allocTypes = args.GetFlag("alloc-types");
        var gatewayOnlySeconds = args.GetInt("gateway-only-seconds", null, 0, 0, 3600);
        var only = args.GetString("only");
        args.EnsureAllRead();

        var work = Directory.CreateTempSubdirectory("majordomo-pipeline-");
        try
        {
            var mock = new MockUpstream(20, 0);
            await using var mockApp = await LoopbackServer.StartAsync(mock.HandleAsync);
            var mockUrl = mockApp.BoundAddresses()[0];
            var hop = new ReferenceHop(new Uri(mockUrl));
            await using var hopApp = await LoopbackServer.StartAsync(hop.HandleAsync);
            await using var gateway = await StartGatewayAsync(work.FullName, mockUrl);

            var targets = new (string Name, IPEndPoint EndPoint)[]
            {
                ("hop", EndPointOf(hopApp.BoundAddresses()[0])),
                ("majordomo", EndPointOf(gateway.BoundAddresses()[0])),
            };
            if (only is not null)
            {
                // One target only (for whole-process counters such as `perf stat`): warm-up and blocks of it alone.
                targets = [.. targets.Where(t => t.Name == only)];
            }

            Console.WriteLine($"pipeline: {Environment.ProcessorCount} cpu, {connections} connections, {requests} requests per block, {pairs} pairs, warm-up {warmup}");
            foreach (var mode in modes)
            {
                var stream = mode == "stream";
                using var clients = new ClientPool(targets, connections, stream);
                foreach (var (name, _) in targets)
                {
                    clients.Run(name, warmup);
                }

                if (gatewayOnlySeconds > 0)
                {
                    // For `perf record`: only gateway traffic, for as long as asked.
                    var until = Stopwatch.GetTimestamp() + (gatewayOnlySeconds * Stopwatch.Frequency);
                    while (Stopwatch.GetTimestamp() < until)
                    {
                        clients.Run(only ?? "majordomo", requests);
                    }

                    continue;
                }

                var cpu = new Dictionary<string, List<double>>();
                var bytes = new Dictionary<string, List<double>>();
                var pool = new Dictionary<string, List<double>>();
                var pauses = new Dictionary<string, List<double>>();
                var threads = new Dictionary<string, Dictionary<string, List<double>>>();
                var gcBefore = GcCount.Now();
                for (var pair = 0; pair < pairs; pair++)
                {
                    foreach (var (name, _) in targets)
                    {
                        var threadsBefore = ThreadCpu.Snapshot();
                        var (cpuUs, allocated, workItems, pauseNs) = Measure(() => clients.Run(name, requests));
                        Add(cpu, name, cpuUs / requests);
                        Add(bytes, name, (double)allocated / requests);
                        Add(pool, name, (double)workItems / requests);
                        Add(pauses, name, pauseNs / requests);
                        foreach (var (comm, ns) in ThreadCpu.Since(threadsBefore))
                        {
                            if (!threads.TryGetValue(comm, out var byTarget))
                            {
                                threads[comm] = byTarget = [];
                            }

                            Add(byTarget, name, ns / 1000.0 / requests);
                        }
                    }
                }

                if (only is not null)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode} {only}: {warmup + (pairs * requests)} requests in all, CPU-µs {Summary(cpu[only])}, allocated B {Median(bytes[only]):F0} per request"));
                    // The GC's share, which the CPU column hides in its spread: pause a request and collections per 10k requests, exact counts.
                    var gc = GcCount.Now() - gcBefore;
                    var measured = (double)pairs * requests;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{mode} {only}: GC pause {gc.Pause.TotalNanoseconds / measured:F0} ns a request, gen0 / gen1 / gen2 per 10k requests {gc.Gen0 * 10_000 / measured:F1} / {gc.Gen1 * 10_000 / measured:F1} / {gc.Gen2 * 10_000 / measured:F1}"));
                    continue;
                }

                Report(mode, cpu, bytes, pool, pauses);
                ReportThreads(threads);
                if (allocTypes)
                {
                    SampleAllocations(clients, requests * 5);
                }
            }
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the store's writer: the temp folder is cleaned later.
            }
        }

        return 0;
    }

    /// <summary>The gateway on a one-model config pointing at <paramref name="mockUrl"/>, its store in <paramref name="work"/>.</summary>
    internal static async Task<WebApplication> StartGatewayAsync(string work, string mockUrl, Action<IServiceCollection>? configureServices = null)
    {
        var configPath = Path.Combine(work, "majordomo.json");
        await File.WriteAllTextAsync(configPath, $$"""
            {
              "storage": { "sqlite": "{{Path.Combine(work, "bench.db")}}" },
              "providers": { "mock": { "api": "openai", "baseUrl": "{{mockUrl}}/v1", "locality": "local" } },
              "models": { "{{Model}}": { "provider": "mock", "upstreamModel": "bench-model", "tier": 0, "quality": 50 } },
              "routes": { "default": { "chain": ["{{Model}}"] } },
              "defaultRoute": "default"
            }
            """);
        var app = GatewayApp.Build(new GatewayOptions
        {
            Source = ConfigSource.Resolve(configPath, demo: false),
            Urls = ["http://127.0.0.1:0"],
            MinimumLogLevel = LogLevel.Warning,
            ConfigureServices = configureServices,
        });
        await app.StartAsync();
        return app;
    }

    private readonly record struct GcCount(TimeSpan Pause, int Gen0, int Gen1, int Gen2)
    {
        public static GcCount Now() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        public static GcCount operator -(GcCount a, GcCount b) => new(a.Pause - b.Pause, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
    }

    private static (double CpuUs, long Allocated, long WorkItems, double PauseNs) Measure(Action action)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var pausedBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        action();
        var cpuAfter = Environment.CpuUsage.TotalTime;
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        return ((cpuAfter - cpuBefore).TotalMicroseconds, allocatedAfter - allocatedBefore, ThreadPool.CompletedWorkItemCount - workItemsBefore,
            (GC.GetTotalPauseDuration() - pausedBefore).TotalNanoseconds);
    }

    private static void Add(Dictionary<string, List<double>> into, string name, double value)
    {
        if (!into.TryGetValue(name, out var list))
        {
            into[name] = list = [];
        }

        list.Add(value);
    }

    private static void Report(string mode, Dictionary<string, List<double>> cpu, Dictionary<string, List<double>> bytes, Dictionary<string, List<double>> pool,
        Dictionary<string, List<double>> pauses)
    {
        var hopCpu = cpu["hop"];
        var gwCpu = cpu["majordomo"];
        var deltas = new List<double>();
        for (var i = 0; i < hopCpu.Count; i++)
        {
            deltas.Add(gwCpu[i] - hopCpu[i]);
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"## {mode} (process = client + mock + proxy; per request; medians over {hopCpu.Count} pairs, min–max)");
        Console.WriteLine("| | hop | majordomo | majordomo − hop |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(inv, $"| CPU-µs | {Summary(hopCpu)} | {Summary(gwCpu)} | {Summary(deltas)} |"));
        Console.WriteLine(string.Create(inv, $"| allocated B | {Median(bytes["hop"]):F0} | {Median(bytes["majordomo"]):F0} | {Median(bytes["majordomo"]) - Median(bytes["hop"]):F0} |"));
        // Each work item the pool runs is a queue round trip, often a thread woken: client, mock and proxy alike.
        Console.WriteLine(string.Create(inv, $"| thread-pool work items | {Median(pool["hop"]):F2} | {Median(pool["majordomo"]):F2} | {Median(pool["majordomo"]) - Median(pool["hop"]):F2} |"));
        Console.WriteLine(string.Create(inv, $"| GC pause ns | {Median(pauses["hop"]):F0} | {Median(pauses["majordomo"]):F0} | {Median(pauses["majordomo"]) - Median(pauses["hop"]):F0} |"));
    }

    private static void ReportThreads(Dictionary<string, Dictionary<string, List<double>>> threads)
    {
        Console.WriteLine();
        Console.WriteLine("| thread (by name; CPU-µs per request, median) | hop | majordomo |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (comm, byTarget) in threads.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var hop = byTarget.TryGetValue("hop", out var h) ? Median(h) : 0;
            var gateway = byTarget.TryGetValue("majordomo", out var g) ? Median(g) : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {comm} | {hop:F2} | {gateway:F2} |"));
        }
    }

    private static string Summary(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(values):F1} ({values.Min():F1}–{values.Max():F1})");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void SampleAllocations(ClientPool clients, int requests)
    {
        var totals = new Dictionary<string, long>[2];
        var names = new[] { "hop", "majordomo" };
        for (var t = 0; t < names.Length; t++)
        {
            using var listener = new AllocationListener();
            clients.Run(names[t], requests);
            totals[t] = listener.Snapshot();
        }

        Console.WriteLine();
        Console.WriteLine($"allocation samples over {requests} requests each (bytes per request, by type; majordomo − hop, top 30)");
        var rows = totals[1].Keys.Union(totals[0].Keys)
            .Select(type => (type, delta: (totals[1].GetValueOrDefault(type) - totals[0].GetValueOrDefault(type)) / (double)requests))
            .OrderByDescending(r => Math.Abs(r.delta))
            .Take(30);
        foreach (var (type, delta) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{delta,10:F0}  {type}"));
        }
    }

    private static IPEndPoint EndPointOf(string url)
    {
        var uri = new Uri(url);
        return new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port);
    }

    /// <summary>
    /// CPU time of this process's threads by name (<c>/proc/self/task/*/schedstat</c>, nanoseconds), so the
    /// request-log writer's thread can be told from the request path's thread-pool workers. Threads that
    /// ended between two snapshots drop out (the client threads, which are not the proxies' cost anyway).
    /// </summary>
    private static class ThreadCpu
    {
        public static Dictionary<int, (string Comm, long Ns)> Snapshot()
        {
            var result = new Dictionary<int, (string, long)>();
            foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    var tid = int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                    var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                    var ns = long.Parse(File.ReadAllText(Path.Combine(dir, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                    result[tid] = (comm, ns);
                }
                catch (IOException)
                {
                    // The thread ended while being read.
                }
            }

            return result;
        }

        public static Dictionary<string, long> Since(Dictionary<int, (string Comm, long Ns)> before)
        {
            var totals = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (tid, (comm, ns)) in Snapshot())
            {
                var start = before.TryGetValue(tid, out var b) ? b.Ns : -1;
                if (start < 0)
                {
                    continue;
                }

                totals[comm] = totals.GetValueOrDefault(comm) + (ns - start);
            }

            return totals;
        }
    }

    /// <summary>Allocation-tick events (one per ~100 KB allocated) summed by type name.</summary>
    private sealed class AllocationListener : EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];
        private readonly Lock _lock = new();

        public Dictionary<string, long> Snapshot()
        {
            lock (_lock)
            {
                return new Dictionary<string, long>(_bytes);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!(eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) ?? false) || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_lock)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }

    /// <summary>One blocking client thread per connection and target; a block splits its requests between them.</summary>
    private sealed class ClientPool : IDisposable
    {
        private readonly Dictionary<string, RawHttpConnection[]> _connections = [];
        private readonly Dictionary<string, byte[]> _requests = [];
        private readonly bool _stream;

        public ClientPool((string Name, IPEndPoint EndPoint)[] targets, int connections, bool stream)
        {
            _stream = stream;
            foreach (var (name, endPoint) in targets)
            {
                _connections[name] = [.. Enumerable.Range(0, connections).Select(_ => new RawHttpConnection(endPoint))];
                _requests[name] = BuildRequest(endPoint, RequestBodies.Chat(Model, stream), stream);
            }
        }

        public void Run(string target, int requests)
        {
            var connections = _connections[target];
            var request = _requests[target];
            var threads = new Thread[connections.Length];
            var failures = 0;
            string? firstError = null;
            for (var c = 0; c < connections.Length; c++)
            {
                var connection = connections[c];
                var count = (requests / connections.Length) + (c < requests % connections.Length ? 1 : 0);
                threads[c] = new Thread(() =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        var result = connection.Send(request, _stream);
                        if (result.Status != 200 || (_stream && !result.SawDone))
                        {
                            Interlocked.Increment(ref failures);
                            Interlocked.CompareExchange(ref firstError, $"{result.Status} {result.ErrorSnippet}", null);
                        }
                    }
                });
                threads[c].Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            if (failures > 0)
            {
                throw new InvalidOperationException($"{target}: {failures} of {requests} requests failed; first: {firstError}");
            }
        }

        public void Dispose()
        {
            foreach (var connection in _connections.Values.SelectMany(c => c))
            {
                connection.Dispose();
            }
        }

        private static byte[] BuildRequest(IPEndPoint endPoint, string body, bool stream)
        {
            var bodyBytes = Encoding.UTF8.GetBytes(body);
            var head = string.Create(
                CultureInfo.InvariantCulture,
                $"POST /v1/chat/completions HTTP/1.1\r\nHost: {endPoint}\r\nContent-Type: application/json\r\nAccept: {(stream ? "text/event-stream" : "application/json")}\r\nAuthorization: Bearer bench-key\r\nContent-Length: {bodyBytes.Length}\r\n\r\n");
            return [.. Encoding.ASCII.GetBytes(head), .. bodyBytes];
        }
    }
}
