using Majordomo.Telemetry;
using OpenTelemetry.Metrics;

namespace Majordomo.Monitoring;

/// <summary>
/// Registers the instruments, the spans and the OpenTelemetry SDK: metrics always (the
/// <c>/metrics</c> scrape reads them), OTLP export only when <c>telemetry.otlp</c> asks for it.
/// </summary>
internal static class TelemetryServices
{
    public static IServiceCollection AddMajordomoTelemetry(this IServiceCollection services)
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
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MajordomoMetrics.MeterName)
            .AddPrometheusExporter(o =>
            {
                o.DisableTotalNameSuffixForCounters = false;

                // The exporter caches a scrape for 300 ms by default: a scrape right after a request
                // would show counts from before it. Scrapes are seconds apart; nothing to save.
                o.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
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
