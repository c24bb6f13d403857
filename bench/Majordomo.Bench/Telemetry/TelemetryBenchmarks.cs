using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Majordomo.Catalog;
using Majordomo.Config;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Storage;
using Majordomo.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Majordomo.Bench.Telemetry;

/// <summary>
/// What recording one request costs (issue 14: ≤ 2 CPU-µs per request): a request that fell back
/// (two attempts through <see cref="AttemptRecorder"/>, whose tracing hook runs on each) and the
/// request-end <see cref="MajordomoMetrics.Record"/> from its row. <see cref="RecorderOnly"/> is what
/// the request path pays without telemetry; <see cref="NothingListening"/> adds the instruments and
/// the hook with nothing listening; <see cref="MetricsSdk"/> is the shipped default (the
/// OpenTelemetry SDK with the Prometheus exporter reading the meter — <c>/metrics</c> is always on);
/// <see cref="MetricsSdkAndTraces"/> adds a tracer provider sampling every request (spans made,
/// no exporter), the cost of <c>telemetry.otlp.traces</c> before export.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TelemetryBenchmarks
{
    private ServiceProvider _services = null!;
    private MajordomoMetrics _metrics = null!;
    private MajordomoTracing _tracing = null!;
    private SecretRedactor _redactor = null!;
    private ModelEntry _first = null!;
    private ModelEntry _second = null!;
    private Credential _credential = null!;
    private RequestLogRecord _row = null!;
    private MeterProvider? _meterProvider;
    private TracerProvider? _tracerProvider;

    public static int Run(string[] args) => InProcessBenchmarks.Run<TelemetryBenchmarks>(args);

    [GlobalSetup(Targets = [nameof(RecorderOnly), nameof(NothingListening)])]
    public void SetupOff() => Setup(metrics: false, traces: false);

    [GlobalSetup(Target = nameof(MetricsSdk))]
    public void SetupMetrics() => Setup(metrics: true, traces: false);

    [GlobalSetup(Target = nameof(MetricsSdkAndTraces))]
    public void SetupTraces() => Setup(metrics: true, traces: true);

    private void Setup(bool metrics, bool traces)
    {
        const string json = """
            { "providers": { "up": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", "credentials": [ { "id": "k1", "apiKey": "sk-bench-key-000000" } ] } },
              "models": { "m/a": { "provider": "up", "upstreamModel": "a" }, "m/b": { "provider": "up", "upstreamModel": "b" } },
              "routes": { "mx": { "chain": ["m/a", "m/b"] } }, "defaultRoute": "mx" }
            """;
        var catalog = CatalogBuilder.Build(ConfigLoader.Load(json, _ => null).Config!, new ProviderFactory(TimeProvider.System));
        (_first, _second, _redactor) = (catalog.Models["m/a"], catalog.Models["m/b"], catalog.Redactor);
        _credential = _first.Provider.Credentials[0];
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _metrics = new MajordomoMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _tracing = new MajordomoTracing();
        _meterProvider = metrics ? Sdk.CreateMeterProviderBuilder().AddMeter(MajordomoMetrics.MeterName).AddPrometheusExporter().Build() : null;
        _tracerProvider = traces ? Sdk.CreateTracerProviderBuilder().AddSource(MajordomoTracing.SourceName).Build() : null;
        _row = new RequestLogRecord
        {
            Id = "req_bench",
            Timestamp = DateTimeOffset.UtcNow,
            Ingress = "openai",
            RequestedModel = "mx",
            Route = "mx",
            Tier = "route",
            AnsweredBy = "m/b",
            Status = 200,
            Stream = true,
            DurationMs = 12.5,
            FirstByteMs = 3.2,
            InputTokens = 1200,
            OutputTokens = 300,
            CostUsd = 0.0042,
            Attempts = [new AttemptRecord("m/a", "up", "k1", 500, "transient", null, 2.1), new AttemptRecord("m/b", "up", "k1", 200, "ok", null, 9.8)],
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tracerProvider?.Dispose();
        _meterProvider?.Dispose();
        _tracing.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int RecorderOnly()
    {
        var recorder = new AttemptRecorder(_redactor);
        var start = Stopwatch.GetTimestamp();
        recorder.Record(_first, _credential, 500, "transient", null, start);
        recorder.Record(_second, _credential, 200, "ok", null, start);
        return recorder.Count;
    }

    [Benchmark]
    public int NothingListening() => OneRequest();

    [Benchmark]
    public int MetricsSdk() => OneRequest();

    [Benchmark]
    public int MetricsSdkAndTraces() => OneRequest();

    /// <summary>What the gateway does per request for telemetry: the request span (when listened to), two recorded attempts, the row's metrics.</summary>
    private int OneRequest()
    {
        var span = _tracing.StartRequest(null, null);
        var recorder = new AttemptRecorder(_redactor, _tracing);
        var start = Stopwatch.GetTimestamp();
        recorder.Record(_first, _credential, 500, "transient", null, start);
        recorder.Record(_second, _credential, 200, "ok", null, start);
        _metrics.Record(_row, routed: true, loopLevel: null);
        if (span is not null)
        {
            _tracing.EndRequest(span, _row, "medium/coding");
            span.Dispose();
        }

        return recorder.Count;
    }
}
