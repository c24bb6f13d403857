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
    public async Task CooldownOnA_ArrivingWhileBsCallIsInFlight_KeptWhenThatCallAnswers()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_inflight", BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(fleet.B, "default"));

        // B's next premium call is held at the upstream; meanwhile A's is rate limited for 30 s and B learns it.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        upstream.Script("premium", new Scenario.Hold(gate, new Scenario.Ok()),
            new Scenario.Status(429, """{"error":{"message":"slow down","type":"rate_limit_error"}}""", RetryAfterSeconds: 30), new Scenario.Ok());
        var held = Fleet.AnsweredByAsync(fleet.B, "default");
        await Fleet.UntilAsync(() => Task.FromResult(upstream.ReceivedFor("premium").Count == 2));
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
        await Fleet.UntilAsync(async () => (await CooledModelsAsync(fleet.B)).Contains("cloud/premium"));

        // The held call answers: it was sent before the cooldown, so it says nothing about the key after the 429.
        gate.SetResult();
        Assert.Equal("cloud/premium", await held);

        var calls = upstream.ReceivedFor("premium").Count;
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.B, "default"));
        Assert.Contains("cloud/premium", await CooledModelsAsync(fleet.B));

        // Nor was it cleared for the fleet: A still skips premium after the bound a clear would take to arrive.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
        Assert.Contains("cloud/premium", await CooledModelsAsync(fleet.A));
        Assert.Equal(calls, upstream.ReceivedFor("premium").Count);
    }

    [Fact]
    public async Task ClearFromBArrivingAfterANewerCooldownOnA_NewerOneKept()
    {
        const string rateLimited = """{"error":{"message":"slow down","type":"rate_limit_error"}}""";
        await using var upstream = await ScenarioUpstream.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("fleet_late_clear");
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        await using var fleet = await Fleet.StartAsync(_directory, config);
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(fleet.B, "default"));

        // A's premium call is rate limited for 3 s; B learns it, then it runs out on both (each keeps it in memory).
        upstream.Script("premium", new Scenario.Status(429, rateLimited, RetryAfterSeconds: 3), new Scenario.Ok());
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
        await Fleet.UntilAsync(async () => (await CooledModelsAsync(fleet.B)).Contains("cloud/premium"));
        await Fleet.UntilAsync(async () => !(await CooledModelsAsync(fleet.A)).Contains("cloud/premium") && !(await CooledModelsAsync(fleet.B)).Contains("cloud/premium"));

        // Held back by a lock on the cooldowns table, neither instance's change leaves it: B's premium call answers
        // and clears the cooldown it knew, and then A's is rate limited again, for 30 s. B's clear reaches A
        // only after A's newer cooldown is set, however fast the notifications are.
        await using (var lockHolder = new Npgsql.NpgsqlConnection(connectionString))
        {
            await lockHolder.OpenAsync();
            await using var tx = await lockHolder.BeginTransactionAsync();
            await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE cooldowns IN EXCLUSIVE MODE;", lockHolder, tx))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            upstream.Script("premium", new Scenario.Ok(), new Scenario.Status(429, rateLimited, RetryAfterSeconds: 30));
            Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(fleet.B, "default"));
            Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
            await Task.Delay(TimeSpan.FromMilliseconds(500)); // both writers are now waiting on the lock
            await tx.CommitAsync();
        }

        // B applies A's newer cooldown (the clear it sent named the older one); A keeps it despite B's clear.
        await Fleet.UntilAsync(async () => (await CooledModelsAsync(fleet.B)).Contains("cloud/premium"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var calls = upstream.ReceivedFor("premium").Count;
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.A, "default"));
        Assert.Equal("cloud/free", await Fleet.AnsweredByAsync(fleet.B, "default"));
        Assert.Contains("cloud/premium", await CooledModelsAsync(fleet.A));
        Assert.Equal(calls, upstream.ReceivedFor("premium").Count);

        // The store keeps it too, whichever of the clear and the newer cooldown was written first.
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var rows = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cooldowns WHERE model = 'cloud/premium' AND until > now() + interval '10 seconds';", connection);
        Assert.Equal(1L, (long)(await rows.ExecuteScalarAsync())!);
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

        var failed = results.Where(r => r.Status != HttpStatusCode.OK).ToArray();
        Assert.True(failed.Length == 0, string.Join("\n", failed.Select(r => $"{(int)r.Status} {r.Body}")) + $"\nA: {fleet.ProcessA.Stdout}\nB: {fleet.ProcessB.Stdout}");
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

    [Fact]
    public async Task DatabaseStoppedAndRestartedUnderLoad_BothKeepAnswering_DegradedThenOk_CountersEqualTheAnswers()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("fleet_outage");
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        await using var fleet = await Fleet.StartAsync(_directory, config);
        using var load = new Load(fleet);
        await load.UntilAnsweredAsync(20);

        server.Stop();
        try
        {
            // storage.onOutage defaults to local-only: the paid pool's model is refused, the free one answers.
            var degraded = await Fleet.UntilAsync(async () => await StatusAsync(fleet.A) == "degraded" && await StatusAsync(fleet.B) == "degraded");
            var during = load.Answered;
            await load.UntilAnsweredAsync(during + 20);
            Assert.Contains(await ProblemsAsync(fleet.A), p => p.StartsWith("store: not usable", StringComparison.Ordinal));
            Assert.All(load.Since(during), r => Assert.Equal("cloud/free", r.Model));
        }
        finally
        {
            server.Start();
        }

        try
        {
            await Fleet.UntilAsync(async () => await StatusAsync(fleet.A) == "ok" && await StatusAsync(fleet.B) == "ok", TimeSpan.FromSeconds(30));
        }
        catch (Xunit.Sdk.XunitException)
        {
            Assert.Fail($"still degraded 30 s after the restart:\nA: {string.Join("\n", await ProblemsAsync(fleet.A))}\nB: {string.Join("\n", await ProblemsAsync(fleet.B))}\nA's log: {fleet.ProcessA.Stdout}");
        }

        var after = load.Answered;
        await load.UntilAnsweredAsync(after + 20);
        var results = await load.StopAsync();

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Contains(load.Since(after), r => r.Model == "cloud/premium");
        var premium = results.Count(r => r.Model == "cloud/premium");
        await Fleet.UntilAsync(async () => await LoggedRowsAsync(connectionString) == results.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(premium, BudgetHttp.Budget(await fleet.UsageAsync(), "quota:premium", "month").GetProperty("used").GetDouble());
        Assert.Contains("caught up", fleet.ProcessA.Stdout + fleet.ProcessB.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillMinus9OfAUnderLoad_BKeepsAnswering_NoIncrementLost()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script("premium", new Scenario.Ok(Chunks: 3, ChunkDelayMs: 10));
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_kill", BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        using var load = new Load(fleet);
        await load.UntilAnsweredAsync(40);

        fleet.ProcessA.Kill();
        var killedAt = load.Answered;
        await load.UntilAnsweredAsync(killedAt + 40);
        var results = await load.StopAsync();

        // A's clients see their connection fail (at most one request each: the worker stops there); B answers everything.
        Assert.InRange(results.Count(r => r.Status == 0), 0, Load.WorkersPerInstance);
        Assert.All(results.Where(r => r.Status != 0), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var answered = results.Count(r => r.Model == "cloud/premium");

        // Every answer a client saw is counted; a request in flight on A when it died may be counted unanswered (reserved before the call).
        var used = BudgetHttp.Budget(await fleet.UsageAsync(), "quota:premium", "month").GetProperty("used").GetDouble();
        Assert.InRange(used, answered, answered + Load.WorkersPerInstance);
    }

    private static async Task<string?> StatusAsync(HttpClient http) => (await BudgetHttp.GetJsonAsync(http, "/health")).GetProperty("status").GetString();

    private static async Task<List<string>> ProblemsAsync(HttpClient http) =>
        [.. (await BudgetHttp.GetJsonAsync(http, "/health")).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];

    private static async Task<long> LoggedRowsAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM requests;", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string?>> CooledModelsAsync(HttpClient http) =>
        [.. (await BudgetHttp.GetJsonAsync(http, "/health")).GetProperty("health").GetProperty("cooldowns").EnumerateArray().Select(c => c.GetProperty("model").GetString())];

    private static async Task<int> UnhealthyAsync(HttpClient http) =>
        (await BudgetHttp.GetJsonAsync(http, "/health")).GetProperty("models").GetProperty("unhealthy").GetInt32();
}

/// <summary>
/// Four clients sending plain requests without pause, two to A and two to B, until stopped. A client whose
/// instance stops answering (killed) records status 0 once and stops.
/// </summary>
internal sealed class Load : IDisposable
{
    public const int WorkersPerInstance = 2;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private readonly List<(HttpStatusCode Status, string? Model)> _results = [];

    public Load(Fleet fleet)
    {
        _workers = [.. Enumerable.Range(0, 2 * WorkersPerInstance).Select(i => Task.Run(() => RunAsync(i % 2 == 0 ? fleet.A : fleet.B)))];
    }

    public int Answered
    {
        get
        {
            lock (_results)
            {
                return _results.Count;
            }
        }
    }

    /// <summary>The answers after the first <paramref name="skip"/>.</summary>
    public List<(HttpStatusCode Status, string? Model)> Since(int skip)
    {
        lock (_results)
        {
            return _results.Skip(skip).ToList();
        }
    }

    public async Task UntilAnsweredAsync(int count) => await Fleet.UntilAsync(() => Task.FromResult(Answered >= count), TimeSpan.FromSeconds(30));

    public async Task<(HttpStatusCode Status, string? Model)[]> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        lock (_results)
        {
            return [.. _results];
        }
    }

    private async Task RunAsync(HttpClient http)
    {
        while (!_stop.IsCancellationRequested)
        {
            // Each answer is read whole before it counts: the client saw it.
            (HttpStatusCode, string?) result;
            try
            {
                using var response = await http.SendAsync(BudgetHttp.Chat("default"));
                await response.Content.ReadAsStringAsync();
                result = (response.StatusCode, Sse.Header(response, "X-Router-Model"));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                result = (0, null);
            }

            lock (_results)
            {
                _results.Add(result);
            }

            if (result.Item1 == 0)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
