using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Tests.TestSupport;

namespace Majordomo.FunctionalTests.Storage;

/// <summary>Two real gateway processes (A and B) serving one config on one PostgreSQL database.</summary>
internal sealed class Fleet : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Fleet(string directory, string config, GatewayProcess a, GatewayProcess b, HttpClient httpA, HttpClient httpB) =>
        (Directory, ConfigPath, ProcessA, ProcessB, A, B) = (directory, config, a, b, httpA, httpB);

    public string Directory { get; }

    public string ConfigPath { get; }

    public GatewayProcess ProcessA { get; }

    public GatewayProcess ProcessB { get; }

    public HttpClient A { get; }

    public HttpClient B { get; }

    /// <summary>Writes <paramref name="config"/> (with <c>{UPSTREAM}</c>) on a new database and starts both instances.</summary>
    public static async Task<Fleet> StartAsync(PostgresServer server, string directory, string database, string config, ScenarioUpstream upstream) =>
        await StartAsync(directory, await WriteConfigAsync(directory, await server.CreateDatabaseAsync(database), config, upstream));

    /// <summary>Starts both instances on a config file already written.</summary>
    public static async Task<Fleet> StartAsync(string directory, string path)
    {
        var a = GatewayProcess.Start(directory, null, "serve", "--config", path, "--urls", "http://127.0.0.1:0");
        var b = GatewayProcess.Start(directory, null, "serve", "--config", path, "--urls", "http://127.0.0.1:0");
        var httpA = new HttpClient { BaseAddress = new Uri(await a.ListeningAsync(StartTimeout)) };
        var httpB = new HttpClient { BaseAddress = new Uri(await b.ListeningAsync(StartTimeout)) };
        return new Fleet(directory, path, a, b, httpA, httpB);
    }

    /// <summary>The config file for <paramref name="connectionString"/>: <paramref name="config"/> with <c>storage.postgres</c> set.</summary>
    public static async Task<string> WriteConfigAsync(string directory, string connectionString, string config, ScenarioUpstream upstream)
    {
        var path = Path.Combine(directory, "majordomo.json");
        await File.WriteAllTextAsync(path, TestGateway.Render(
            config.Replace("\"server\": {", $"\"storage\": {{ \"postgres\": \"{connectionString}\" }},\n  \"server\": {{", StringComparison.Ordinal), upstream));
        return path;
    }

    /// <summary><paramref name="count"/> requests at once, alternating between A and B; each answer read to its end.</summary>
    public Task<(HttpStatusCode Status, string? Model, string Body)[]> SendAllAsync(int count, Func<HttpRequestMessage> request) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? A : B).SendAsync(request(), HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsStringAsync();
            return (Status: response.StatusCode, Model: (string?)Sse.Header(response, "X-Router-Model"), Body: body);
        }));

    /// <summary><c>majordomo usage --json</c> on the fleet's config: the counters as the database holds them.</summary>
    public async Task<JsonElement> UsageAsync()
    {
        var usage = GatewayProcess.Start(Directory, null, "usage", "--config", ConfigPath, "--json");
        Assert.Equal(0, await usage.WaitForExitAsync(StartTimeout));
        using var report = JsonDocument.Parse(usage.Stdout);
        return report.RootElement.Clone();
    }

    /// <summary>Which model answered a plain request for <paramref name="model"/> (asserting it was answered).</summary>
    public static async Task<string?> AnsweredByAsync(HttpClient http, string model)
    {
        using var response = await http.SendAsync(BudgetHttp.Chat(model));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Sse.Header(response, "X-Router-Model");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (at most <paramref name="timeout"/>, default 10 s); returns how long that took.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var since = DateTime.UtcNow;
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow - since < limit, $"the condition never held within {limit.TotalSeconds} s");
            await Task.Delay(20);
        }

        return DateTime.UtcNow - since;
    }

    public static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        A.Dispose();
        B.Dispose();
        await ProcessA.DisposeAsync();
        await ProcessB.DisposeAsync();
    }
}
