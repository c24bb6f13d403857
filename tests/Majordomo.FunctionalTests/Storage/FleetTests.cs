using System.Net;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Tests.TestSupport;

namespace Majordomo.FunctionalTests.Storage;

/// <summary>
/// Two real gateway processes on one real PostgreSQL database (SPEC §5, issue 15): live state set on one
/// instance is applied by the other within a second, and a USD budget and a key's request limit give the
/// same answers across the fleet as on one instance.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetTests(PostgresServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("majordomo-fleet-").FullName;

    public void Dispose() => Fleet.DeleteDirectory(_directory);

    [Fact]
    public async Task CooldownOnA_SkippedOnBWithinASecond()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_cooldown", BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(fleet.B, "default"));

        // A's next premium call is rate limited for 30 s: A cools premium down and answers from cloud/free.
        upstream.Script("premium", new Scenario.Status(429, """{"error":{"message":"slow down","type":"rate_limit_error"}}""", RetryAfterSeconds: 30), new Scenario.Ok());
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
        var premiumCalls = upstream.ReceivedFor("premium").Count;
        var took = await Fleet.UntilAsync(async () => await Fleet.AnsweredByAsync(fleet.B, "default") == "cloud/free");

        Assert.True(took < TimeSpan.FromSeconds(1), $"B skipped premium only {took.TotalMilliseconds:F0} ms after A's cooldown\nA: {fleet.ProcessA.Stdout}\nB: {fleet.ProcessB.Stdout}");

        // Skipped, not failed: B's later answers never reached the upstream's premium model (the calls
        // counted are B's before the cooldown arrived, when premium still answered them).
        var before = upstream.ReceivedFor("premium").Count;
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.B, "default"));
        Assert.Equal(before, upstream.ReceivedFor("premium").Count);
        Assert.True(before >= premiumCalls);
        var cooldowns = (await BudgetHttp.GetJsonAsync(fleet.B, "/health")).GetProperty("health").GetProperty("cooldowns");
        Assert.Contains(cooldowns.EnumerateArray(), c => c.GetProperty("model").GetString() == "cloud/premium");
    }

    [Fact]
    public async Task UnhealthyOnA_KnownOnBWithinASecond()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_health", BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        Assert.Equal(0, await UnhealthyAsync(fleet.B));

        // Three server errors in a row on A (health.unhealthyAfter): A marks premium unhealthy.
        upstream.Script("premium", new Scenario.Status(500, """{"error":{"message":"boom","type":"server_error"}}"""));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
        }

        var took = await Fleet.UntilAsync(async () => await UnhealthyAsync(fleet.B) == 1);

        Assert.True(took < TimeSpan.FromSeconds(1), $"B knew only after {took.TotalMilliseconds:F0} ms");

        // B skips it without a call of its own.
        var calls = upstream.ReceivedFor("premium").Count;
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.B, "default"));
        Assert.Equal(calls, upstream.ReceivedFor("premium").Count);
    }

    [Fact]
    public async Task UsdBudget_200RequestsAcrossTwoInstances_SpendStaysWithinTheLimit()
    {
        // cloud/paid costs $0.025 an answer (11 in, 7 out) and reserves an upper bound of $0.04:
        // room for at most 10 answers, whichever instance serves them.
        const double answerUsd = 0.025;
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script("paid", new Scenario.Ok(Chunks: 5, ChunkDelayMs: 20));
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_usd", BudgetTests.Config("""{ "usd": { "daily": 0.25 } }"""), upstream);

        var results = await fleet.SendAllAsync(200, () => BudgetHttp.Chat("paid", stream: true));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var paid = results.Count(r => r.Model == "cloud/paid");
        Assert.InRange(paid, 1, 10);
        Assert.Equal(200 - paid, results.Count(r => r.Model == "local/small"));
        Assert.Equal(paid, upstream.ReceivedFor("paid").Count);
        var used = BudgetHttp.Budget(await fleet.UsageAsync(), "usd", "day").GetProperty("used").GetDouble();
        Assert.Equal(paid * answerUsd, used, 6);
        Assert.True(used <= 0.25 + 1e-9, $"spent {used} of 0.25");
    }

    [Fact]
    public async Task KeyRequestsDaily_200RequestsAcrossTwoInstances_ExactlyTheLimitAnswered()
    {
        const string keys = """ "apiKeys": [ { "name": "agents", "key": "mdk-fleet-agents-key", "requestsDaily": 50 } ] """;
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script("premium", new Scenario.Ok(Chunks: 5, ChunkDelayMs: 20));
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_key",
            BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }""", keys), upstream);

        var results = await fleet.SendAllAsync(200, () => BudgetHttp.Chat("default", stream: true, key: "mdk-fleet-agents-key"));

        Assert.Equal(50, results.Count(r => r.Status == HttpStatusCode.OK));
        var refused = results.Where(r => r.Status != HttpStatusCode.OK).ToArray();
        Assert.True(refused.All(r => r.Status == HttpStatusCode.TooManyRequests && r.Body.Contains("budget_exceeded", StringComparison.Ordinal)),
            string.Join("\n", refused.Where(r => r.Status != HttpStatusCode.TooManyRequests).Select(r => $"{(int)r.Status} {r.Body}")) + $"\nA: {fleet.ProcessA.Stdout}\nB: {fleet.ProcessB.Stdout}");
        Assert.Equal(50, upstream.Received.Count);
    }

    private static async Task<int> UnhealthyAsync(HttpClient http) =>
        (await BudgetHttp.GetJsonAsync(http, "/health")).GetProperty("models").GetProperty("unhealthy").GetInt32();
}
