using System.Diagnostics;
using Majordomo.Catalog;
using Majordomo.Providers;

namespace Majordomo.Health;

/// <summary>The result of one active check of a provider.</summary>
internal readonly record struct ProbeResult(bool Ok, double LatencyMs, string? Error);

/// <summary>How the active checker reaches a provider (a seam so tests can drive the checker without a network).</summary>
internal interface IHealthProbe
{
    Task<ProbeResult> ProbeAsync(ProviderEntry provider, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>
/// The provider's protocol's model list (<see cref="WireProtocol.HealthPath"/>: <c>GET {baseUrl}/models</c>
/// for OpenAI-compatible servers, <c>{baseUrl}/v1/models</c> for Anthropic) with its probe headers and the
/// provider's first credential. Any HTTP answer
/// below 500 means the upstream is up (a 401 is a key problem, handled by cooldowns; a 404 is a
/// server without a model list); a 5xx, a connection failure or no answer in time means it is not.
/// </summary>
internal sealed class HttpHealthProbe : IHealthProbe, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<ProbeResult> ProbeAsync(ProviderEntry provider, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = HealthUrl(provider);
        if (url is null)
        {
            return new ProbeResult(true, 0, null);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var key = provider.Credentials.Count > 0 ? provider.Credentials[0].ApiKey : null;
            Protocols.Get(provider.Api).AddProbeHeaders(request.Headers, key);

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var status = (int)response.StatusCode;
            return status < 500 ? new ProbeResult(true, latency, null) : new ProbeResult(false, latency, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, Stopwatch.GetElapsedTime(start).TotalMilliseconds, $"no answer within {timeout.TotalMilliseconds:F0} ms");
        }
        catch (HttpRequestException ex)
        {
            // The message names the host and the socket error, never the key.
            return new ProbeResult(false, Stopwatch.GetElapsedTime(start).TotalMilliseconds, "connection error: " + (ex.InnerException?.Message ?? ex.Message));
        }
    }

    /// <summary>Null for providers with nothing to call (simulated, no base URL).</summary>
    public static Uri? HealthUrl(ProviderEntry provider)
    {
        if (provider.Api == Protocols.SimulatedApi || provider.BaseUrl is not { Length: > 0 } baseUrl || !Uri.TryCreate(baseUrl.TrimEnd('/'), UriKind.Absolute, out var root))
        {
            return null;
        }

        if (provider.HealthPath is { } configured && Uri.TryCreate(configured, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute;
        }

        return new Uri(root.ToString().TrimEnd('/') + (provider.HealthPath ?? Protocols.Get(provider.Api).HealthPath(root)));
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>
/// The active health checker (SPEC §1.9): every <c>health.intervalSeconds</c> it probes each enabled
/// provider once and applies the result to every model of it. Runs when the config has a
/// <c>health</c> section (and <c>enabled</c> is not false); a reload that adds or removes it takes
/// effect at the next interval. Time comes from <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
internal sealed partial class HealthChecker(ICatalogSource catalogs, HealthTracker tracker, IHealthProbe probe, TimeProvider time, ILogger<HealthChecker> logger) : BackgroundService
{
    public const int DefaultTimeoutMs = HealthSettings.DefaultTimeoutMs;

    /// <summary>Completed rounds of checks (tests wait on it instead of sleeping).</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    private int _rounds;


    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(catalogs.Current.Health.Interval, time, stoppingToken).ConfigureAwait(false);
                if (catalogs.Current.Health.ActiveChecks)
                {
                    await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One round: every enabled provider with an enabled model is probed, in parallel.</summary>
    public async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        var catalog = catalogs.Current;
        var timeout = catalog.Health.Timeout;
        var unhealthyAfter = catalog.Health.UnhealthyAfter;
        var checks = new List<Task>();
        foreach (var provider in catalog.Providers.Values)
        {
            var models = catalog.Models.Values.Where(m => m.Enabled && ReferenceEquals(m.Provider, provider)).ToArray();
            if (models.Length > 0 && HttpHealthProbe.HealthUrl(provider) is not null)
            {
                checks.Add(CheckAsync(provider, models));
            }
        }

        await Task.WhenAll(checks).ConfigureAwait(false);
        Interlocked.Increment(ref _rounds);

        async Task CheckAsync(ProviderEntry provider, ModelEntry[] models)
        {
            ProbeResult result;
            try
            {
                result = await probe.ProbeAsync(provider, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = new ProbeResult(false, 0, ex.GetType().Name);
            }

            var now = time.GetUtcNow();
            foreach (var model in models)
            {
                if (result.Ok)
                {
                    tracker.RecordSuccess(model, result.LatencyMs, now, HealthTracker.ActiveSource);
                }
                else
                {
                    tracker.RecordFailure(model, result.Error ?? "check failed", now, HealthTracker.ActiveSource, unhealthyAfter);
                }
            }

            if (!result.Ok)
            {
                LogCheckFailed(logger, provider.Name, result.Error ?? "check failed");
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.HealthCheckFailed, Level = LogLevel.Information, Message = "Health check of provider '{Provider}' failed: {Error}")]
    private static partial void LogCheckFailed(ILogger logger, string provider, string error);
}
