using System.Diagnostics;
using System.Globalization;
using System.Net;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Monitoring;

/// <summary>
/// <c>GET /metrics</c> (SPEC §4) from the real executable in its own process (so no other test's
/// gateway shares its meter): a mixed workload, then the scrape is checked by the real
/// <c>promtool check metrics</c> and its counters are compared with what the workload did.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private const string Config = """
        {
          "storage": { "sqlite": "metrics.db" },
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1,
                    "credentials": [ { "id": "k1", "apiKey": "sk-metrics-secret" } ] },
          },
          "models": {
            "m/a": { "provider": "up", "upstreamModel": "a", "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } },
            "m/b": { "provider": "up", "upstreamModel": "b", "quota": "premium", "multiplier": 1, "cost": { "inputPerMTok": 100, "outputPerMTok": 100 } },
            "m/c": { "provider": "up", "upstreamModel": "c" },
          },
          "routes": { "mx": { "chain": ["m/a", "m/b"] }, "solo": { "chain": ["m/c"] } },
          "defaultRoute": "mx",
          "budgets": { "quotas": { "premium": { "monthly": 100 } } },
          // Every failure must reach the next entry: no cooldowns, no health marks in between.
          "resilience": { "cooldown": { "initialSeconds": 0, "maxSeconds": 0 } },
          "health": { "unhealthyAfter": 100 },
        }
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "majordomo-metrics-" + Guid.NewGuid().ToString("N")[..10]);
    private ScenarioUpstream _upstream = null!;
    private GatewayProcess _process = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _upstream = await ScenarioUpstream.StartAsync();
        var configPath = Path.Combine(_directory, "majordomo.json");
        await File.WriteAllTextAsync(configPath, TestGateway.Render(Config, _upstream));
        _process = GatewayProcess.Start(_directory, null, "serve", "--config", configPath, "--urls", "http://127.0.0.1:0");
        _http = new HttpClient { BaseAddress = new Uri(await _process.ListeningAsync(StartTimeout)), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        await _upstream.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Metrics_AfterMixedWorkload_PassPromtool_AndCountWhatHappened()
    {
        var first = await ScrapeAsync();
        // Families without labels are there from the first scrape, at 0.
        Assert.Equal(0, Value(first, "majordomo_degradation_level"));
        Assert.Equal(0, Value(first, "majordomo_request_log_dropped_total"));

        // 3 answered by m/a, 2 streams where m/a fails and m/b answers, 1 failure (502), 1 command (tier self).
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("mx", stream: false, HttpStatusCode.OK);
        }

        _upstream.Script("a", new Scenario.Status(500, """{"error":{"message":"boom","type":"server_error"}}"""), new Scenario.Status(500, "{}"), new Scenario.Ok());
        for (var i = 0; i < 2; i++)
        {
            await SendAsync("mx", stream: true, HttpStatusCode.OK);
        }

        _upstream.Script("c", new Scenario.Status(500, "{}"));
        await SendAsync("solo", stream: false, HttpStatusCode.BadGateway);
        await SendAsync("mx", stream: false, HttpStatusCode.OK, "/status");

        var text = await ScrapeAsync();
        await PromtoolCheckAsync(text);
        foreach (var family in new[]
                 {
                     "majordomo_requests_total", "majordomo_attempts_total", "majordomo_fallbacks_total", "majordomo_request_duration_seconds",
                     "majordomo_time_to_first_token_seconds", "majordomo_tokens_total", "majordomo_cost_usd_total", "majordomo_quota_used_units",
                     "majordomo_quota_limit_units", "majordomo_degradation_level", "majordomo_model_healthy", "majordomo_cooldowns_active",
                     "majordomo_request_log_dropped_total",
                 })
        {
            Assert.Contains("# HELP " + family + " ", text);
            Assert.Contains("# TYPE " + family + " ", text);
        }

        // The per-request counters are summed in the gateway and observed at the scrape: still Prometheus counters.
        foreach (var counter in new[] { "majordomo_requests_total", "majordomo_attempts_total", "majordomo_tokens_total", "majordomo_cost_usd_total", "majordomo_fallbacks_total" })
        {
            Assert.Contains("# TYPE " + counter + " counter\n", text);
        }

        Assert.Equal(7, Value(text, "majordomo_requests_total"));
        Assert.Equal(5, Value(text, "majordomo_requests_total", ("route", "mx"), ("status", "200")));
        Assert.Equal(1, Value(text, "majordomo_requests_total", ("route", "solo"), ("status", "502")));
        Assert.Equal(1, Value(text, "majordomo_requests_total", ("tier", "self")));
        Assert.Equal(2, Value(text, "majordomo_fallbacks_total", ("route", "mx")));
        Assert.Equal(3, Value(text, "majordomo_attempts_total", ("model", "m/a"), ("outcome", "ok")));
        Assert.Equal(5, Value(text, "majordomo_attempts_total", ("model", "m/a")));
        Assert.Equal(2, Value(text, "majordomo_attempts_total", ("model", "m/b"), ("outcome", "ok")));
        Assert.Equal(1, Value(text, "majordomo_attempts_total", ("model", "m/c")));
        Assert.Equal(33, Value(text, "majordomo_tokens_total", ("model", "m/a"), ("direction", "input")));
        Assert.Equal(21, Value(text, "majordomo_tokens_total", ("model", "m/a"), ("direction", "output")));
        Assert.Equal(22, Value(text, "majordomo_tokens_total", ("model", "m/b"), ("direction", "input")));
        Assert.Equal(0.075, Value(text, "majordomo_cost_usd_total", ("model", "m/a")), 9);
        Assert.Equal(0.0036, Value(text, "majordomo_cost_usd_total", ("model", "m/b")), 9);
        Assert.Equal(2, Value(text, "majordomo_quota_used_units", ("pool", "premium")));
        Assert.Equal(100, Value(text, "majordomo_quota_limit_units", ("pool", "premium")));
        Assert.Equal(2, Value(text, "majordomo_time_to_first_token_seconds_count", ("route", "mx"), ("model", "m/b")));
        Assert.Equal(1, Value(text, "majordomo_model_healthy", ("model", "m/c")));
        Assert.DoesNotContain("sk-metrics-secret", text);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "metrics-scrape.txt"), text);
    }

    private async Task SendAsync(string model, bool stream, HttpStatusCode expected, string content = "hello")
    {
        var body = $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"{{content}}"}]}""";
        using var response = await _http.SendAsync(Sse.Post("/v1/chat/completions", body, stream));
        await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await _http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    internal static double Value(string text, string name, params (string Label, string Value)[] labels)
    {
        double sum = 0;
        var found = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || (line[name.Length] != '{' && line[name.Length] != ' '))
            {
                continue;
            }

            if (labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var valueStart = line.LastIndexOf('}') is var close and >= 0 ? close + 1 : name.Length;
                var fields = line[valueStart..].Trim().Split(' ');
                sum += double.Parse(fields[0], CultureInfo.InvariantCulture);
                found = true;
            }
        }

        Assert.True(found, $"no sample {name} with {string.Join(",", labels)} in:\n{text}");
        return sum;
    }

    /// <summary>Runs Debian's promtool (package <c>prometheus</c>, installed by <c>.ci/run</c>); a missing promtool fails the test.</summary>
    internal static async Task PromtoolCheckAsync(string text)
    {
        var info = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("promtool did not start (apt-get install prometheus)");
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "promtool check metrics failed:\n" + output + "\n--- scrape ---\n" + text);
    }
}
