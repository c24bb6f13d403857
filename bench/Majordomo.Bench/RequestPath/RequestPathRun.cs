using System.Diagnostics.Metrics;
using Majordomo.Api;
using Majordomo.Bench.Cli;
using Majordomo.Chat;
using Majordomo.Storage;
using Majordomo.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Majordomo.Bench.RequestPath;

/// <summary>
/// <c>requestpath</c>: per-request pieces of the gateway outside the stream relay, each timed against the code it
/// replaced in the same process, alternating (before, after, before, …) in rounds of calls timed by the process's
/// CPU time, with the bytes each call allocates. The metrics cases run with the OpenTelemetry SDK and the Prometheus
/// exporter listening to both meters (the shipped default: <c>/metrics</c> is always on); the header cases use
/// Kestrel's own header collections (made by reflection: they are internal to Kestrel).
/// </summary>
internal static class RequestPathRun
{
    public static int Run(BenchArgs args)
    {
        var rounds = args.GetInt("rounds", null, 21, 1, 1000);
        var calls = args.GetInt("calls", null, 200_000, 1000, 100_000_000);
        args.EnsureAllRead();

        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new MajordomoMetrics(services.GetRequiredService<IMeterFactory>());
        using var baselineMeter = new Meter(BaselineMetrics.MeterName);
        var baseline = new BaselineMetrics(baselineMeter);
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(MajordomoMetrics.MeterName, BaselineMetrics.MeterName).AddPrometheusExporter().Build();

        var streamed = Row(Attempt("m/a", "ok"));
        var fellBack = Row(Attempt("m/b", "transient"), Attempt("m/a", "ok"));
        var requestHeaders = KestrelHeaders("HttpRequestHeaders", false, null);
        foreach (var (name, value) in TypicalRequestHeaders)
        {
            requestHeaders[name] = value;
        }

        var responseHeaders = KestrelHeaders("HttpResponseHeaders", [null]);

        Console.WriteLine($"requestpath: {rounds} rounds of {calls} calls per case, before and after alternating; ns of process CPU per call, median (best); B allocated per call");
        Console.WriteLine("| case | before | after | B before → after |");
        Console.WriteLine("|---|---:|---:|---:|");
        Compare("metrics: a streamed answer, one attempt", rounds, calls, () => baseline.Record(streamed), () => metrics.Record(streamed, routed: true, loopLevel: null));
        Compare("metrics: an answer after a fallback, two attempts", rounds, calls, () => baseline.Record(fellBack), () => metrics.Record(fellBack, routed: true, loopLevel: null));
        Compare($"header limit: {TypicalRequestHeaders.Length} request headers", rounds, calls, () => OldExceeded(requestHeaders), () => HeaderLimit.Exceeded(requestHeaders));
        Compare("response headers: X-Request-Id and the router headers", rounds, calls, () => SetResponseHeaders(responseHeaders, twice: true), () => SetResponseHeaders(responseHeaders, twice: false));
        var bodyMetadata = new RequestMetadata(null, null, null, null, null);
        Compare($"routing metadata: {TypicalRequestHeaders.Length} request headers, no X-Router-*", rounds, calls,
            () => OldMetadataFromHeaders(requestHeaders, bodyMetadata), () => ChatCompletionsEndpoint.MetadataFromHeaders(requestHeaders, bodyMetadata));
        requestHeaders["X-Router-Session"] = "s-42";
        Compare($"routing metadata: the same and X-Router-Session", rounds, calls,
            () => OldMetadataFromHeaders(requestHeaders, bodyMetadata), () => ChatCompletionsEndpoint.MetadataFromHeaders(requestHeaders, bodyMetadata));
        return 0;
    }

    /// <summary>What an OpenAI SDK client sends (the Python SDK's headers, a gateway key).</summary>
    private static readonly (string Name, string Value)[] TypicalRequestHeaders =
    [
        ("Host", "127.0.0.1:8080"), ("Content-Type", "application/json"), ("Content-Length", "412"), ("Authorization", "Bearer mjd-key-0000000000000001"),
        ("Accept", "application/json"), ("User-Agent", "OpenAI/Python 1.59.7"), ("X-Stainless-Lang", "python"), ("X-Stainless-Runtime", "CPython"),
    ];

    private static void Compare(string name, int rounds, int calls, Action before, Action after)
    {
        var times = (Before: new List<double>(), After: new List<double>());
        var bytes = (Before: 0.0, After: 0.0);
        for (var round = 0; round < rounds + 1; round++)
        {
            var (b, bb) = Time(before, calls);
            var (a, ab) = Time(after, calls);
            if (round > 0)
            {
                // The first round warms both up (tiered compilation) and is not counted.
                times.Before.Add(b);
                times.After.Add(a);
                (bytes.Before, bytes.After) = (bb, ab);
            }
        }

        Console.WriteLine($"| {name} | {Median(times.Before):F0} ({times.Before.Min():F0}) | {Median(times.After):F0} ({times.After.Min():F0}) | {bytes.Before:F0} → {bytes.After:F0} |");
    }

    private static (double Ns, double Bytes) Time(Action action, int calls)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        var ns = (Environment.CpuUsage.TotalTime - cpu).TotalNanoseconds / calls;
        return (ns, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)calls);
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary><c>HeaderLimit.Exceeded</c> before: the headers enumerated through the interface.</summary>
    private static bool OldExceeded(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length + 4;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total > HeaderLimit.MaxBytes;
    }

    /// <summary><c>ChatCompletionsEndpoint.MetadataFromHeaders</c> before: five lookups by name.</summary>
    private static RequestMetadata OldMetadataFromHeaders(IHeaderDictionary headers, RequestMetadata body)
    {
        var source = OldHeader(headers, "X-Router-Source");
        var channel = OldHeader(headers, "X-Router-Channel");
        var session = OldHeader(headers, "X-Router-Session");
        var kind = OldHeader(headers, "X-Router-Kind");
        var profile = OldHeader(headers, "X-Router-Profile");
        return source is null && channel is null && session is null && kind is null && profile is null
            ? body
            : new(source ?? body.Source, channel ?? body.Channel, session ?? body.Session, kind ?? body.Kind, profile ?? body.Profile);
    }

    private static string? OldHeader(IHeaderDictionary headers, string name)
    {
        var value = headers[name];
        if (value.Count == 0)
        {
            return null;
        }

        var s = value[0];
        return string.IsNullOrWhiteSpace(s) || s.Length > 256 ? null : s.Trim();
    }

    /// <summary>A routed answer's headers: X-Request-Id at the start, the router headers (and, before, X-Request-Id again) at the answer.</summary>
    private static void SetResponseHeaders(IHeaderDictionary headers, bool twice)
    {
        headers.Clear();
        headers["X-Request-Id"] = "req_0123456789abcdef_42";
        headers["X-Router-Degradation"] = "normal";
        headers["X-Router-Model"] = "mock/bench-model";
        headers["X-Router-Tier"] = "direct";
        headers["X-Router-Rule"] = "none";
        headers["X-Router-Classification"] = "none";
        headers["X-Router-Attempts"] = "1";
        if (twice)
        {
            headers["X-Request-Id"] = "req_0123456789abcdef_42";
        }
    }

    private static IHeaderDictionary KestrelHeaders(string type, params object?[] arguments)
    {
        var kestrel = typeof(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServer).Assembly;
        var headersType = kestrel.GetType("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http." + type, throwOnError: true)!;
        return (IHeaderDictionary)Activator.CreateInstance(headersType, arguments)!;
    }

    private static AttemptRecord Attempt(string model, string outcome) => new(model, "mock", "k1", outcome == "ok" ? 200 : 503, outcome, null, 1.2);

    private static RequestLogRecord Row(params AttemptRecord[] attempts) => new()
    {
        Id = "req_bench",
        Timestamp = DateTimeOffset.UnixEpoch,
        Ingress = "openai",
        RequestedModel = "mock/bench-model",
        Route = null,
        Tier = "direct",
        AnsweredBy = "m/a",
        Status = 200,
        Stream = true,
        DurationMs = 1.8,
        FirstByteMs = 0.6,
        InputTokens = 12,
        OutputTokens = 20,
        CostUsd = 0.00004,
        Attempts = attempts,
    };
}
