using Majordomo.Config;
using Majordomo.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Majordomo.Monitoring;

/// <summary>
/// Registers the instruments, the spans and the OpenTelemetry SDK: metrics always (the
/// <c>/metrics</c> scrape reads them), OTLP export only when <c>telemetry.otlp</c> asks for it.
/// </summary>
internal static class TelemetryServices
{
    /// <summary>
    /// <paramref name="otlp"/> is read once at start (the SDK's exporters are built with the host), so a
    /// change to <c>telemetry.otlp</c> applies at the next restart.
    /// </summary>
    public static IServiceCollection AddMajordomoTelemetry(this IServiceCollection services, OtlpConfig? otlp)
    {
        services.AddMetrics();
        services.AddSingleton<StateGauges>();
        services.AddSingleton(sp =>
        {
            var metrics = new MajordomoMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
            sp.GetRequiredService<StateGauges>().Register(metrics.Meter);
            return metrics;
        });
        services.AddSingleton<MajordomoTracing>();
        services.AddSingleton<MetricsEndpoint>();
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(MajordomoMetrics.MeterName).AddPrometheusExporter(o =>
            {
                o.DisableTotalNameSuffixForCounters = false;

                // The exporter caches a scrape for 300 ms by default: a scrape right after a request
                // would show counts from before it. Scrapes are seconds apart; nothing to save.
                o.ScrapeResponseCacheDurationMilliseconds = 0;
            });
            if (otlp is { Metrics: not false })
            {
                metrics.AddOtlpExporter(o => Configure(o, otlp, "/v1/metrics"));
            }
        });

        // Without this (and without a test's exporter) nothing listens to the source: no span is made.
        if (otlp is { Traces: not false })
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(MajordomoTracing.SourceName)
                .AddOtlpExporter(o => Configure(o, otlp, "/v1/traces")));
        }

        return services;
    }

    /// <summary>
    /// SPEC §7: <c>endpoint</c> is the collector's base URL. The exporter appends the signal's path
    /// only to an endpoint from the environment, so for <c>http/protobuf</c> it is appended here.
    /// </summary>
    private static void Configure(OtlpExporterOptions options, OtlpConfig otlp, string signalPath)
    {
        var http = otlp.Protocol == OtlpProtocols.HttpProtobuf;
        options.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var endpoint = otlp.Endpoint!.TrimEnd('/');
        options.Endpoint = new Uri(http ? endpoint + signalPath : endpoint);
    }
}

/// <summary><c>GET /metrics</c>: the OpenTelemetry Prometheus exporter's scrape handler, as one endpoint of the gateway's table.</summary>
internal sealed class MetricsEndpoint(IServiceProvider services)
{
    private readonly RequestDelegate _scrape = new ApplicationBuilder(services)
        .UseOpenTelemetryPrometheusScrapingEndpoint(_ => true)
        .Build();

    public Task HandleAsync(HttpContext context) => _scrape(context);
}
