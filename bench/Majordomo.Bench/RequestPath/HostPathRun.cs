using System.Diagnostics;
using System.Globalization;
using System.Text;
using Majordomo.Bench.Cli;
using Majordomo.Bench.Load;
using Majordomo.Bench.Servers;
using Majordomo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Majordomo.Bench.RequestPath;

/// <summary>
/// <c>hostpath</c>: what the framework does per request around the handler, without sockets. The hop's host (the empty
/// builder, one <c>app.Run</c>) and the real gateway (<c>GatewayApp.Build</c>, its logging, middleware and route
/// table) are started on a server that hands each request straight to the host's <see cref="IHttpApplication{TContext}"/>
/// (create the context, run the pipeline, dispose it: what Kestrel does per request), alternating in rounds timed by the
/// process's CPU time. Cases: the hosting layer alone (a first middleware answers at once), and a chat request the gateway
/// refuses at parse (400: routing, the middleware and the endpoint's admission and parse) against the hop's handler
/// setting a 400. It also says whether the gateway's hosting made an <c>Activity</c> per request.
/// </summary>
internal static class HostPathRun
{
    private const string ShortHeader = "X-Bench-Short";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rounds = args.GetInt("rounds", null, 15, 1, 1000);
        var calls = args.GetInt("calls", null, 50_000, 100, 100_000_000);
        var answered = args.GetFlag("answered");
        var callers = args.GetInt("callers", null, 4, 1, 64);
        args.EnsureAllRead();

        var work = Directory.CreateTempSubdirectory("majordomo-hostpath-");
        try
        {
            if (answered)
            {
                await RunAnsweredAsync(work.FullName, rounds, calls, callers);
                return 0;
            }

            var hopServer = new DirectServer();
            var hopBuilder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            hopBuilder.Services.AddSingleton<IServer>(hopServer);
            hopBuilder.Services.AddRouting();
            await using var hop = hopBuilder.Build();
            hop.Use((context, next) => context.Request.Headers.ContainsKey(ShortHeader) ? Task.CompletedTask : next(context));
            hop.Run(context =>
            {
                context.Response.StatusCode = 400;
                return Task.CompletedTask;
            });
            await hop.StartAsync();

            // The gateway's pipeline shape with handlers that do nothing: its builder, its two inline middlewares, its
            // route table (one row per method and path, "/" and the catch-all fallback), as GatewayApp maps them.
            var routedServer = new DirectServer();
            var routedBuilder = WebApplication.CreateSlimBuilder(new WebApplicationOptions());
            routedBuilder.Logging.ClearProviders();
            routedBuilder.Services.AddSingleton<IServer>(routedServer);
            await using var routed = routedBuilder.Build();
            routed.Use((context, next) => context.Request.Headers.Count > 100 ? Task.CompletedTask : next(context));
            routed.Use((context, next) => context.Request.Headers.Origin.Count > 100 ? Task.CompletedTask : next(context));
            foreach (var (method, path) in GatewayRoutes)
            {
                routed.MapMethods(path, [method], BadRequest);
            }

            routed.MapGet("/", BadRequest);
            routed.MapFallback("{*path}", BadRequest);
            await routed.StartAsync();

            var gatewayServer = new DirectServer();
            var probe = new ActivityProbe();
            await using var gateway = await PipelineRun.StartGatewayAsync(work.FullName, "http://127.0.0.1:9", services =>
            {
                services.AddSingleton<IServer>(gatewayServer);
                services.AddSingleton<IStartupFilter>(new ShortCircuit(probe));
            });

            var body = Encoding.UTF8.GetBytes("""{"model":"mock/bench-model","messages":"not a list"}""");
            Console.WriteLine($"hostpath: {rounds} rounds of {calls} requests per case, hop and gateway alternating; ns of process CPU per request, median (best); B allocated per request");
            Console.WriteLine("| case | hop | gateway | gateway − hop |");
            Console.WriteLine("|---|---:|---:|---:|");
            Compare("hosting alone (the first middleware answers)", rounds, calls, () => Run(hopServer, "GET", "/health", null, true), () => Run(gatewayServer, "GET", "/health", null, true));
            Compare("POST /v1/chat/completions refused at parse (400)", rounds, calls, () => Run(hopServer, "POST", "/v1/chat/completions", body, false), () => Run(gatewayServer, "POST", "/v1/chat/completions", body, false));
            Compare("the gateway's route table and middleware, handlers that set 400 (\"gateway\" column)", rounds, calls, () => Run(hopServer, "POST", "/v1/chat/completions", body, false), () => Run(routedServer, "POST", "/v1/chat/completions", body, false));
            Console.WriteLine($"gateway requests with an Activity: {probe.WithActivity} of {probe.Seen}; with IHttpActivityFeature: {probe.WithFeature}");
            await gateway.StopAsync();
            await hop.StopAsync();
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Still held by the store's writer.
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>--answered</c>: a chat request answered by the mock upstream (on Kestrel at 127.0.0.1, the only sockets), whole and
    /// streamed, through the reference hop's handler and through the real gateway, each on a server without sockets,
    /// one request at a time. The mock and both ends of the upstream socket cost the same for both, so gateway − hop is
    /// the gateway's handler, its framework calls and its request log (the writer's thread counts: it is this process's).
    /// </summary>
    private static async Task RunAnsweredAsync(string work, int rounds, int calls, int callers)
    {
        var mock = new MockUpstream(20, 0);
        await using var mockApp = await LoopbackServer.StartAsync(mock.HandleAsync);
        var mockUrl = mockApp.BoundAddresses()[0];

        var hopServer = new DirectServer();
        var hopBuilder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        hopBuilder.Services.AddSingleton<IServer>(hopServer);
        await using var hop = hopBuilder.Build();
        hop.Run(new ReferenceHop(new Uri(mockUrl)).HandleAsync);
        await hop.StartAsync();

        var gatewayServer = new DirectServer();
        await using var gateway = await PipelineRun.StartGatewayAsync(work, mockUrl, services => services.AddSingleton<IServer>(gatewayServer));

        Console.WriteLine($"hostpath --answered: {rounds} rounds of {calls} requests per case from {callers} threads, hop and gateway alternating; ns of process CPU per request, median (best); B allocated per request");
        Console.WriteLine("| case | hop | gateway | gateway − hop |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var stream in new[] { false, true })
        {
            var body = Encoding.UTF8.GetBytes(RequestBodies.Chat(PipelineRun.Model, stream));
            Compare(stream ? "streamed answer (20 chunks, usage, [DONE])" : "whole answer", rounds, calls,
                () => Run(hopServer, "POST", "/v1/chat/completions", body, false), () => Run(gatewayServer, "POST", "/v1/chat/completions", body, false), callers);
        }

        await gateway.StopAsync();
        await hop.StopAsync();
    }

    private static readonly (string Method, string Path)[] GatewayRoutes =
    [
        ("POST", "/v1/chat/completions"), ("POST", "/v1/messages"), ("POST", "/v1/responses"), ("POST", "/v1/messages/count_tokens"), ("POST", "/v1/route"),
        ("GET", "/v1/models"), ("GET", "/v1/requests"), ("GET", "/health"), ("HEAD", "/health"), ("GET", "/usage"), ("GET", "/stats"), ("GET", "/metrics"), ("GET", "/dashboard"),
    ];

    private static Task BadRequest(HttpContext context)
    {
        context.Response.StatusCode = 400;
        return Task.CompletedTask;
    }

    private static void Run(DirectServer server, string method, string path, byte[]? body, bool shortCircuit)
    {
        var request = new HttpRequestFeature { Method = method, Path = path, Protocol = "HTTP/1.1", Scheme = "http" };
        request.Headers.Host = "127.0.0.1";
        if (shortCircuit)
        {
            request.Headers[ShortHeader] = "1";
        }

        if (body is not null)
        {
            request.Headers.ContentType = "application/json";
            request.Headers.ContentLength = body.Length;
            request.Body = new MemoryStream(body, writable: false);
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        var pending = server.Invoke(features);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult();
        }
    }

    private static void Compare(string name, int rounds, int calls, Action hop, Action gateway, int callers = 1)
    {
        var times = (Hop: new List<double>(), Gateway: new List<double>());
        var bytes = (Hop: 0.0, Gateway: 0.0);
        var gc = (Hop: default(GcCost), Gateway: default(GcCost));
        for (var round = 0; round < rounds + 1; round++)
        {
            var (h, hb, hg) = Time(hop, calls, callers);
            var (g, gb, gg) = Time(gateway, calls, callers);
            if (round > 0)
            {
                // The first round warms both up (tiered compilation) and is not counted.
                times.Hop.Add(h);
                times.Gateway.Add(g);
                (bytes.Hop, bytes.Gateway) = (hb, gb);
                (gc.Hop, gc.Gateway) = (gc.Hop + hg, gc.Gateway + gg);
            }
        }

        var deltas = times.Hop.Zip(times.Gateway, (h, g) => g - h).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {RequestPathRun.Median(times.Hop):F0} ({times.Hop.Min():F0}) ns, {bytes.Hop:F0} B | {RequestPathRun.Median(times.Gateway):F0} ({times.Gateway.Min():F0}) ns, {bytes.Gateway:F0} B | {RequestPathRun.Median(deltas):F0} ns, {bytes.Gateway - bytes.Hop:F0} B |"));
        if (callers > 1)
        {
            var requests = (double)rounds * calls;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"|   (GC pauses, gen0 / gen1 / gen2 collections per 10k requests) | {gc.Hop.PauseNs / requests:F0} ns, {gc.Hop.Format(requests)} | {gc.Gateway.PauseNs / requests:F0} ns, {gc.Gateway.Format(requests)} | |"));
        }
    }

    /// <summary>The GC's pauses (its blocking work) and collections by generation over a block.</summary>
    private readonly record struct GcCost(double PauseNs, int Gen0, int Gen1, int Gen2)
    {
        public static GcCost Now() => new(GC.GetTotalPauseDuration().TotalNanoseconds, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        public static GcCost operator +(GcCost a, GcCost b) => new(a.PauseNs + b.PauseNs, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2);

        public static GcCost operator -(GcCost a, GcCost b) => new(a.PauseNs - b.PauseNs, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);

        public string Format(double requests) => string.Create(CultureInfo.InvariantCulture, $"{Gen0 * 10_000 / requests:F1} / {Gen1 * 10_000 / requests:F1} / {Gen2 * 10_000 / requests:F1}");
    }

    private static (double Ns, double Bytes, GcCost Gc) Time(Action action, int calls, int callers)
    {
        var gc = GcCost.Now();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        if (callers == 1)
        {
            for (var i = 0; i < calls; i++)
            {
                action();
            }
        }
        else
        {
            // Each caller a thread of its own, blocking on its request as a client connection would.
            var threads = Enumerable.Range(0, callers).Select(c => new Thread(() =>
            {
                for (var i = c; i < calls; i += callers)
                {
                    action();
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        var ns = (Environment.CpuUsage.TotalTime - cpu).TotalNanoseconds / calls;
        return (ns, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls, GcCost.Now() - gc);
    }

    private sealed class ActivityProbe
    {
        public int Seen;
        public int WithActivity;
        public int WithFeature;
    }

    /// <summary>First in the gateway's pipeline: notes the request's Activity, and answers at once when asked to.</summary>
    private sealed class ShortCircuit(ActivityProbe probe) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                probe.Seen++;
                probe.WithActivity += Activity.Current is null ? 0 : 1;
                probe.WithFeature += context.Features.Get<IHttpActivityFeature>() is null ? 0 : 1;
                return context.Request.Headers.ContainsKey(ShortHeader) ? Task.CompletedTask : nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A server without sockets: each request goes straight to the host's application, as Kestrel hands it.</summary>
    private sealed class DirectServer : IServer
    {
        private Func<IFeatureCollection, Task>? _invoke;

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task Invoke(IFeatureCollection features) => _invoke!(features);

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            _invoke = async features =>
            {
                var context = application.CreateContext(features);
                Exception? failure = null;
                try
                {
                    await application.ProcessRequestAsync(context);
                }
                catch (Exception ex)
                {
                    failure = ex;
                    throw;
                }
                finally
                {
                    application.DisposeContext(context, failure);
                }
            };
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
