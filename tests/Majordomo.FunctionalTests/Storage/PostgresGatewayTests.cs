using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Storage;
using Majordomo.Storage.Postgres;
using Majordomo.Tests.TestSupport;

namespace Majordomo.FunctionalTests.Storage;

/// <summary>The real executable on <c>storage.postgres</c> (a real server): answers, logs and counts in the database, and keeps its counters through kill -9.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGatewayTests(PostgresServer server) : IDisposable
{
    private static readonly TimeSpan StartTimeout = Fleet.StartTimeout;
    private readonly string _directory = Directory.CreateTempSubdirectory("majordomo-pg-gw-").FullName;

    public void Dispose() => Fleet.DeleteDirectory(_directory);

    [Fact]
    public async Task Serve_OnPostgres_LogsAndCountsInTheDatabase_CountersSurviveKill()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("gateway");
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 50 } } }"""), upstream);

        await using (var gateway = GatewayProcess.Start(_directory, null, "serve", "--config", config, "--urls", "http://127.0.0.1:0"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(await gateway.ListeningAsync(StartTimeout)) };
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.SendAsync(BudgetHttp.Chat("cloud/premium"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var health = await BudgetHttp.GetJsonAsync(http, "/health");
            var store = health.GetProperty("store");
            Assert.Equal(("postgres", true), (store.GetProperty("kind").GetString(), store.GetProperty("reachable").GetBoolean()));
            Assert.Equal(3, await LoggedRowsAsync(connectionString, expected: 3));
        } // DisposeAsync kills the process (SIGKILL): no graceful shutdown, no final flush.

        var usage = GatewayProcess.Start(_directory, null, "usage", "--config", config, "--json");
        Assert.Equal(0, await usage.WaitForExitAsync(StartTimeout));
        using var report = JsonDocument.Parse(usage.Stdout);
        Assert.Equal(3, BudgetHttp.Budget(report.RootElement, "quota:premium", "month").GetProperty("used").GetDouble());
        Assert.False(File.Exists(Path.Combine(_directory, "majordomo.db")), "no SQLite file is made when storage.postgres is set");
    }

    [Fact]
    public async Task Health_OnPostgres_ManyAtOnceOnTwoPoolThreads_AllAnswer()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("health_burst");
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("{}"), upstream);

        // Two pool threads: a /health that waited for the store's probe on its thread would hold them both, and
        // the probe's own continuation would then have no thread to finish on (sync over async starves the pool).
        var twoThreads = new Dictionary<string, string?> { ["DOTNET_ThreadPool_ForceMaxWorkerThreads"] = "2" };
        await using var gateway = GatewayProcess.Start(_directory, twoThreads, "serve", "--config", config, "--urls", "http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = new Uri(await gateway.ListeningAsync(StartTimeout)) };

        // The first /health of the process: nothing cached, every request asks for the probe together.
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => BudgetHttp.GetJsonAsync(http, "/health")))
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.All(answers, health => Assert.True(health.GetProperty("store").GetProperty("reachable").GetBoolean(), health.ToString()));
    }

    [Fact]
    public async Task Reservations_WaitingOnALockedCounter_HoldNoPoolThread_OtherRequestsAnswered()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();

        // A long command timeout: the reservations below wait on the lock as long as the test holds it.
        var connectionString = await server.CreateDatabaseAsync("reserve_awaited") + ";Command Timeout=60";
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("""{ "usd": { "daily": 100 } }"""), upstream);

        // Two pool threads, far fewer than the six paid requests below: a budget call waited on with a thread (Npgsql's
        // synchronous API, or a counter's first read under the ledger's lock) holds one until the database answers, and
        // with both held nothing else in the process runs. Under a burst on a loaded 2-core machine the same happened
        // with the pool's real threads: upstream connects then timed out (FleetTests.UsdBudget_200RequestsAcrossTwoInstances_SpendStaysWithinTheLimit's
        // 504). Every budget call is awaited (the first read too), so two threads serve the gateway.
        var twoThreads = new Dictionary<string, string?> { ["DOTNET_ThreadPool_ForceMaxWorkerThreads"] = "2" };
        await using var gateway = GatewayProcess.Start(_directory, twoThreads, "serve", "--config", config, "--urls", "http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = new Uri(await gateway.ListeningAsync(StartTimeout)) };

        // One paid answer first: the USD counter's row exists and its settlement is in before the row is locked.
        Assert.Equal("cloud/paid", await Fleet.AnsweredByAsync(http, "paid"));
        await Fleet.UntilAsync(async () => await UsdSpentAsync(connectionString) is > 0.02 and < 0.03);

        await using var locker = new Npgsql.NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        await using var tx = await locker.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT used FROM budget_counters FOR UPDATE;", locker, tx))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        // Paid requests now wait on the row lock inside their reservation (more than the pool's threads).
        var paid = Enumerable.Range(0, 6).Select(_ => Fleet.AnsweredByAsync(http, "paid")).ToArray();
        await Fleet.UntilAsync(async () => await WaitingOnLocksAsync(connectionString) >= 2);

        // A request on a route without budgets is answered meanwhile (awaited reservations hold no thread).
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(http, "default").WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(paid, p => p.IsCompleted);

        await tx.CommitAsync();
        Assert.All(await Task.WhenAll(paid), model => Assert.Equal("cloud/paid", model));
    }

    /// <summary>
    /// The store calls a request makes besides budgets, each behind a table the test holds locked: <c>/use</c> writes its
    /// pin (<c>sessions</c>), <c>GET /v1/requests</c> reads the request log (<c>requests</c>), <c>/usage</c> reads the
    /// stored alerts (<c>budget_alerts</c>). On two pool threads and six such requests waiting, a plain chat request is
    /// answered meanwhile: each call is awaited on Npgsql's async API (Npgsql's synchronous API held a thread each, and
    /// the chat request waited for the lock's end). Once the lock ends every waiting request is answered.
    /// </summary>
    [Theory]
    [InlineData("use", "sessions")]
    [InlineData("requests", "requests")]
    [InlineData("usage", "budget_alerts")]
    public async Task StoreCall_WaitingOnALockedTable_HoldsNoPoolThread_OtherRequestsAnswered(string call, string table)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("locked_" + call) + ";Command Timeout=60";
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("{}"), upstream);
        var twoThreads = new Dictionary<string, string?> { ["DOTNET_ThreadPool_ForceMaxWorkerThreads"] = "2" };
        await using var gateway = GatewayProcess.Start(_directory, twoThreads, "serve", "--config", config, "--urls", "http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = new Uri(await gateway.ListeningAsync(StartTimeout)) };

        // Each path once before the lock: warm, and its answer when the store is free.
        Assert.Equal(HttpStatusCode.OK, await StoreCallAsync(http, call, 0));
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(http, "default"));

        await using var locker = new Npgsql.NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        await using var tx = await locker.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE;", locker, tx))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        // More requests waiting on the lock than the pool has threads.
        var waiting = Enumerable.Range(1, 6).Select(i => StoreCallAsync(http, call, i)).ToArray();
        await Fleet.UntilAsync(async () => await WaitingOnLocksAsync(connectionString) >= 2);

        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(http, "default").WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(waiting, w => w.IsCompleted);

        await tx.CommitAsync();
        Assert.All(await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30)), status => Assert.Equal(HttpStatusCode.OK, status));
        if (call == "use")
        {
            // Every pin reached the table (the fleet's other instances learn them from it).
            Assert.Equal(7L, await CountAsync(connectionString, "SELECT count(*) FROM sessions WHERE pin = 'local/small';"));
        }
    }

    /// <summary>
    /// The same calls when the database does not answer in time (a one-second command timeout behind the lock): each
    /// gives a clear answer and the gateway goes on serving. <c>/use</c> answers and its pin holds in memory (the next
    /// request of the session follows it; a warning is logged), <c>GET /v1/requests</c> answers 503
    /// <c>store_unavailable</c>, <c>/usage</c> answers without the stored alerts.
    /// </summary>
    [Fact]
    public async Task StoreCalls_DatabaseTimesOut_ClearAnswers_PinHeldInMemory_GatewayServes()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("timed_out") + ";Command Timeout=1";
        var config = await Fleet.WriteConfigAsync(_directory, connectionString, BudgetTests.Config("{}"), upstream);
        await using var gateway = GatewayProcess.Start(_directory, null, "serve", "--config", config, "--urls", "http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = new Uri(await gateway.ListeningAsync(StartTimeout)) };
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(http, "default"));

        await using var locker = new Npgsql.NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        await using var tx = await locker.BeginTransactionAsync();
        await using (var lockTables = new Npgsql.NpgsqlCommand("LOCK TABLE sessions, requests, budget_alerts IN ACCESS EXCLUSIVE MODE;", locker, tx))
        {
            await lockTables.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.OK, await StoreCallAsync(http, "use", 1));
        Assert.Equal("local/small", await AnsweredByAsync(http, "hello", "session-1"));

        using (var requests = await http.GetAsync("/v1/requests"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, requests.StatusCode);
            Assert.Contains("store_unavailable", await requests.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var usage = await BudgetHttp.GetJsonAsync(http, "/usage");
        Assert.Empty(usage.GetProperty("alerts").EnumerateArray());

        await tx.RollbackAsync();
        Assert.Equal("cloud/premium", await Fleet.AnsweredByAsync(http, "default"));
        await Fleet.UntilAsync(() => Task.FromResult(gateway.Stdout.Contains("Session pin kept in memory only", StringComparison.Ordinal)));
        Assert.Equal(0L, await CountAsync(connectionString, "SELECT count(*) FROM sessions;"));
    }

    /// <summary>One store call of <paramref name="call"/>'s kind; <paramref name="i"/> names the session a pin is for.</summary>
    private static async Task<HttpStatusCode> StoreCallAsync(HttpClient http, string call, int i)
    {
        using var response = call switch
        {
            "use" => await http.SendAsync(SessionChat("/use local/small", "session-" + i)),
            "requests" => await http.GetAsync("/v1/requests"),
            _ => await http.GetAsync("/usage"),
        };
        await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<double> UsdSpentAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT coalesce(max(used), 0) FROM budget_counters;", connection);
        return (double)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> WaitingOnLocksAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock';", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Fleet_TwoProcessesOneDatabase_200RequestsAtOnce_ExactlyTheQuotaAnsweredByThePool()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();

        // Slow streams so the requests are in flight together, on both instances.
        upstream.Script("premium", new Scenario.Ok(Chunks: 5, ChunkDelayMs: 20));
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_quota", BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 50 } } }"""), upstream);

        var results = await fleet.SendAllAsync(200, () => BudgetHttp.Chat("default", stream: true));

        Assert.True(results.All(r => r.Status == HttpStatusCode.OK),
            $"not all OK: {string.Join(", ", results.Where(r => r.Status != HttpStatusCode.OK).Select(r => r.Status))}\nA: {fleet.ProcessA.Stdout}{fleet.ProcessA.Stderr}\nB: {fleet.ProcessB.Stdout}{fleet.ProcessB.Stderr}");
        Assert.Equal(50, results.Count(r => r.Model == "cloud/premium"));
        Assert.Equal(150, results.Count(r => r.Model == "cloud/free"));
        Assert.Equal(50, upstream.ReceivedFor("premium").Count);
        Assert.Equal(50, BudgetHttp.Budget(await fleet.UsageAsync(), "quota:premium", "month").GetProperty("used").GetDouble());
    }

    [Fact]
    public async Task Fleet_UseOnA_AppliesOnBWithinASecond()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        // Room enough that the polling below never exhausts the pool (which would also move answers off cloud/premium).
        await using var fleet = await Fleet.StartAsync(server, _directory, "fleet_pins", BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 100000 } } }"""), upstream);
        var (httpA, httpB) = (fleet.A, fleet.B);
        Assert.Equal("cloud/premium", await AnsweredByAsync(httpB, "hello"));

        // Asked once on each side before anything is measured: a fresh process's first /v1/route took
        // 170 ms to 1.6 s on a loaded machine (JIT of the explain path), which alone failed the 1 s bar
        // though B had applied the pin within 131 ms. Both still choose the route's first model.
        Assert.Equal("cloud/premium", await SelectedAsync(httpB));
        Assert.Equal("cloud/premium", await SelectedAsync(httpA));

        // local/small is in no chain of the default route: only the pin sends a request there.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(httpA, "/use local/small"));
        // Polled through /v1/route (the same session pins, no upstream call and no log row), so the poll itself
        // adds little to the time measured; one real answer on each side confirms it.
        var pinned = await Fleet.UntilAsync(async () => await SelectedAsync(httpB) == "local/small");
        Assert.Equal("local/small", await AnsweredByAsync(httpB, "hello"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(httpB, "/use default"));
        var cleared = await Fleet.UntilAsync(async () => await SelectedAsync(httpA) == "cloud/premium");
        Assert.Equal("cloud/premium", await AnsweredByAsync(httpA, "hello"));

        // Measured from the /use answer to the first answer on the other instance that follows it.
        Assert.True(pinned < TimeSpan.FromSeconds(1), $"the pin reached B after {pinned.TotalMilliseconds:F0} ms");
        Assert.True(cleared < TimeSpan.FromSeconds(1), $"the cleared pin reached A after {cleared.TotalMilliseconds:F0} ms");
    }

    private static HttpRequestMessage SessionChat(string text, string session = "fleet-session")
    {
        // No model: the session's pin (if any) routes it, else defaultRoute.
        var body = JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = text } } });
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Router-Session", session);
        return request;
    }

    private static async Task<string?> AnsweredByAsync(HttpClient http, string text, string session = "fleet-session")
    {
        using var response = await http.SendAsync(SessionChat(text, session));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Sse.Header(response, "X-Router-Model");
    }

    private static async Task<string?> SelectedAsync(HttpClient http)
    {
        using var request = SessionChat("hello");
        request.RequestUri = new Uri("/v1/route", UriKind.Relative);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("selected").GetString();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string text)
    {
        using var response = await http.SendAsync(SessionChat(text));
        return response.StatusCode;
    }

    /// <summary>Rows in the database's request log, waiting up to 10 s for the background writer to reach <paramref name="expected"/>.</summary>
    private static async Task<int> LoggedRowsAsync(string connectionString, int expected)
    {
        using var stores = new PostgresStore(connectionString).CreateSet();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rows = await stores.Requests.RecentAsync(new RecentQuery(100, null, null), CancellationToken.None);
            if (rows.Count >= expected || DateTime.UtcNow > deadline)
            {
                Assert.All(rows, r => Assert.Equal(("cloud/premium", 200), (r.AnsweredBy, r.Status)));
                return rows.Count;
            }

            await Task.Delay(50);
        }
    }
}
