using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary>The executable as a newcomer runs it: serve --demo, legacy single-model mode, bad configs, no config.</summary>
public sealed class CliProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("majordomo-cli-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ServeDemo_StreamsASimulatedRoutedAnswer_AndStopsGracefully()
    {
        await using var process = GatewayProcess.Start(_directory, null, "serve", "--demo", "--urls", "http://127.0.0.1:0");
        var url = await process.ListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"premium","stream":true,"messages":[{"role":"user","content":"Hello demo"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("premium/opus-ish", Sse.Header(response, "X-Router-Model"));
        Assert.True(events.Count > 3);
        var text = string.Concat(events.Where(e => e != "[DONE]").Select(e =>
        {
            using var doc = JsonDocument.Parse(e);
            var choices = doc.RootElement.GetProperty("choices");
            return choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c) ? c.GetString() : "";
        }));
        Assert.Contains("simulated", text, StringComparison.Ordinal);
        Assert.Contains("Hello demo", text, StringComparison.Ordinal);

        Assert.Equal(0, await process.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.True(File.Exists(Path.Combine(_directory, "majordomo-demo.db")));

        // The default level is Information: the host's own Debug lines (starting, started, stopping) stay out.
        Assert.DoesNotContain("dbug:", process.Stdout + process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SigtermDuringAStreamingAnswer_FinishesItThenExitsZero()
    {
        // The answer streams for ~3 s: longer than the 2 s the command-line parser once allowed its command after
        // SIGTERM before it returned 143 itself, cutting the host's graceful stop (and this answer) short.
        var path = Path.Combine(_directory, "slow.json");
        await File.WriteAllTextAsync(path, """
            {
              "providers": { "sim": { "api": "simulated", "simulation": { "latencyMs": 0, "chunkDelayMs": 500, "chunks": 6 } } },
              "models": { "sim/slow": { "provider": "sim" } },
              "routes": { "default": { "chain": ["sim/slow"] } },
              "defaultRoute": "default"
            }
            """);
        await using var process = GatewayProcess.Start(_directory, null, "serve", "--config", path, "--urls", "http://127.0.0.1:0");
        var url = await process.ListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var response = await http.SendAsync(Sse.Post("/v1/chat/completions", """{"stream":true,"messages":[{"role":"user","content":"slow"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);

        await process.SignalTermAsync();
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("[DONE]", events[^1]);
        Assert.Equal(0, await process.WaitForExitAsync(StartTimeout));
    }

    [Fact]
    public async Task ServeDemo_WatchesNoFolder_StoreWritesWakeNothing()
    {
        // The store's WAL sits in the working folder; a folder watch (ASP.NET's appsettings reload) would wake on each write.
        await using var process = GatewayProcess.Start(_directory, null, "serve", "--demo", "--urls", "http://127.0.0.1:0");
        var url = await process.ListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var answered = await http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"premium","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        Assert.Empty(Inotify.WatchedInodes(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, await process.StopAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ServeDemo_FlakyProviderFailsOver_EveryRequestIsAnswered()
    {
        await using var process = GatewayProcess.Start(_directory, null, "serve", "--demo", "--urls", "http://127.0.0.1:0");
        var url = await process.ListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var models = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await http.PostAsync("/v1/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            models.Add(Sse.Header(response, "X-Router-Model"));
        }

        // The flaky provider (seeded, fails about half the time) both answers and falls over to the next entry.
        Assert.Contains("flaky/speedy-mini", models);
        Assert.Contains("free/gpt-lite", models);
    }

    [Fact]
    public async Task Serve_LegacyEnvironment_ProxiesTheOneModel()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var env = new Dictionary<string, string?>
        {
            ["MAJORDOMO_BASE_URL"] = upstream.BaseUrl,
            ["MAJORDOMO_MODEL"] = "legacy-model",
            ["MAJORDOMO_API_KEY"] = "sk-legacy-key",
        };
        await using var process = GatewayProcess.Start(_directory, env, "serve", "--urls", "http://127.0.0.1:0");
        var url = await process.ListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await http.PostAsync("/v1/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hello from legacy-model", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Bearer sk-legacy-key", upstream.Received.Single().Authorization);
        Assert.DoesNotContain("sk-legacy-key", process.Stdout + process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NoConfig_ServesHealthAndSaysHowToConfigure()
    {
        await using var process = GatewayProcess.Start(_directory, null, "serve", "--urls", "http://127.0.0.1:0");
        var url = await process.ListeningAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var health = await http.GetAsync("/health");
        using var chat = await http.PostAsync("/v1/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chat.StatusCode);
        Assert.Contains("not_configured", await chat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Contains("majordomo init", process.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "majordomo.db")), "serve without a config created majordomo.db in the working directory");

        // Its own store in the temp folder (not one shared by every unconfigured process), gone after a graceful stop.
        var store = Path.Combine(Path.GetTempPath(), $"majordomo-unconfigured-{process.Id}.db");
        Assert.True(File.Exists(store), store);
        Assert.Equal(0, await process.StopAsync(StartTimeout));
        Assert.False(File.Exists(store), "the unconfigured store was left behind");
        Assert.False(File.Exists(store + "-wal"));
    }

    [Fact]
    public async Task Serve_InvalidConfig_RefusesToStartWithEveryProblemAndExit2()
    {
        var path = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(path, """
            {
              "providers": { "p": { "api": "openai", "baseUrl": "not a url" } },
              "models": { "p/m": { "provider": "nope", "tier": 1 } },
              "chains": { "free": ["p/m", "qwen/coder"] },
              "routes": { "default": { "chain": "free" } },
              "rules": [ { "id": "r", "when": { "pattern": "([" }, "action": "classify" } ]
            }
            """);

        await using var process = GatewayProcess.Start(_directory, null, "serve", "--config", path, "--urls", "http://127.0.0.1:0");
        var exit = await process.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exit);
        var stderr = process.Stderr;
        Assert.Contains("providers.p.baseUrl", stderr, StringComparison.Ordinal);
        Assert.Contains("models[\"p/m\"].provider: unknown provider 'nope'", stderr, StringComparison.Ordinal);
        Assert.Contains("chains.free[1]: unknown model 'qwen/coder'", stderr, StringComparison.Ordinal);
        Assert.Contains("rules[0].when.pattern: invalid regex", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PortInUse_ExitsWith1AndSaysWhy()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        await using var process = GatewayProcess.Start(_directory, null, "serve", "--demo", "--urls", $"http://127.0.0.1:{port}");
        var exit = await process.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exit);
        Assert.Contains("cannot listen", process.Stderr, StringComparison.Ordinal);

        // The friendly line only: no Kestrel log line with a stack trace before it.
        var printed = process.Stdout + process.Stderr;
        Assert.DoesNotContain("   at ", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", printed.Replace("cannot listen", "", StringComparison.Ordinal).Split('\n').Where(l => !l.StartsWith("majordomo: ", StringComparison.Ordinal)).Aggregate("", (a, l) => a + l), StringComparison.Ordinal);
    }
}
