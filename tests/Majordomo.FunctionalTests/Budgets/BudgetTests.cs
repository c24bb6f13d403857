using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Majordomo.FunctionalTests.Budgets;

/// <summary>Quota pools, USD budgets, reservation, API-key budgets, cost and the usage endpoints through the real gateway.</summary>
public sealed class BudgetTests : IAsyncLifetime
{
    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    /// <summary>
    /// cloud/premium draws 1 unit of pool 'premium'; cloud/paid costs $1000 / $2000 per million tokens
    /// (the scenario upstream reports 11 in / 7 out: $0.025 an answer; a plain "hello" request reserves
    /// 26 input + its 7 output tokens at most, $0.04); the rest are free.
    /// </summary>
    public static string Config(string budgets, string apiKeys = "") => $$"""
        {
          "server": { {{apiKeys}} },
          "providers": {
            "cloud": { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "cloud", "retries": 0, "backoffMs": 1 },
            "local": { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "local", "retries": 0, "backoffMs": 1 }
          },
          "models": {
            "cloud/premium": { "provider": "cloud", "upstreamModel": "premium", "tier": 2, "quality": 90, "quota": "premium", "multiplier": 1 },
            "cloud/paid": { "provider": "cloud", "upstreamModel": "paid", "tier": 1, "maxOutputTokens": 7, "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } },
            "cloud/free": { "provider": "cloud", "upstreamModel": "free", "tier": 0, "quota": "premium", "multiplier": 0 },
            "local/small": { "provider": "local", "upstreamModel": "small", "tier": 0 }
          },
          "routes": {
            "default": { "chain": ["cloud/premium", "cloud/free"] },
            "paid": { "chain": ["cloud/paid", "local/small"] }
          },
          "defaultRoute": "default",
          // These tests count fallbacks request by request: no cooldown may move a later request on.
          "resilience": { "cooldown": { "initialSeconds": 0 } },
          "budgets": {{budgets}}
        }
        """;

    [Fact]
    public async Task Reservation_FiftyParallelRequestsWithRoomForTen_TenServedByPoolRestFallThrough()
    {
        await using var gateway = await TestGateway.StartAsync(Config("""{ "quotas": { "premium": { "monthly": 10 } } }"""), _upstream);

        // Slow streams so the requests are in flight together.
        _upstream.Script("premium", new Scenario.Ok(Chunks: 5, ChunkDelayMs: 20));
        var tasks = Enumerable.Range(0, 50).Select(async _ =>
        {
            using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("default", stream: true), HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Model: Sse.Header(response, "X-Router-Model"));
        }).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(10, results.Count(r => r.Model == "cloud/premium"));
        Assert.Equal(40, results.Count(r => r.Model == "cloud/free"));
        Assert.Equal(10, _upstream.ReceivedFor("premium").Count);

        var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        var monthly = BudgetHttp.Budget(usage, "quota:premium", "month");
        Assert.Equal(10, monthly.GetProperty("used").GetDouble());
        Assert.Equal(0, monthly.GetProperty("reserved").GetDouble());
        Assert.Equal(100, monthly.GetProperty("percent").GetDouble());
        Assert.Equal("local-only", usage.GetProperty("degradation").GetProperty("level").GetString());
    }

    [Fact]
    public async Task QuotaPool_UsedUpAndNoFallback_Answers429NamingPoolAndReset()
    {
        await using var gateway = await TestGateway.StartAsync(Config("""{ "quotas": { "premium": { "monthly": 1, "resetDayOfMonth": 1 } } }"""), _upstream);

        using var first = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/premium"));
        using var second = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/premium"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        using var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var message = error.RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Equal("budget_exceeded", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("quota pool 'premium' (monthly) is used up (1 of 1 this month)", message, StringComparison.Ordinal);
        Assert.Contains("resets at " + NextFirst().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00 UTC", message, StringComparison.Ordinal);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Single(_upstream.ReceivedFor("premium"));
    }

    [Fact]
    public async Task QuotaPool_FailedAnswer_ConsumesNoUnit()
    {
        await using var gateway = await TestGateway.StartAsync(Config("""{ "quotas": { "premium": { "monthly": 5 } } }"""), _upstream);
        _upstream.Script("premium", new Scenario.Status(503, """{"error":{"message":"busy"}}"""), new Scenario.Ok());

        using var failedOver = await gateway.Http.SendAsync(BudgetHttp.Chat("default"));
        using var answered = await gateway.Http.SendAsync(BudgetHttp.Chat("default"));

        Assert.Equal("cloud/free", Sse.Header(failedOver, "X-Router-Model"));
        Assert.Equal("cloud/premium", Sse.Header(answered, "X-Router-Model"));
        var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        Assert.Equal(1, BudgetHttp.Budget(usage, "quota:premium", "month").GetProperty("used").GetDouble());
    }

    [Fact]
    public async Task UsdBudget_Spent_PaidCloudModelExcludedLocalStillAnswers()
    {
        // Room for two answers ($0.05) and for the second's reservation beside the first's spend ($0.025 + $0.04).
        await using var gateway = await TestGateway.StartAsync(Config("""{ "usd": { "daily": 0.07 } }"""), _upstream);

        var models = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("paid"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            models.Add(Sse.Header(response, "X-Router-Model"));
        }

        Assert.Equal(["cloud/paid", "cloud/paid", "local/small"], models);
        var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        Assert.Equal(0.05, BudgetHttp.Budget(usage, "usd", "day").GetProperty("used").GetDouble(), 6);

        await gateway.StopAsync();
        var costs = Query(gateway.StorePath, "SELECT cost_usd, cost_estimated FROM requests ORDER BY ts_unix_ms, rowid");
        Assert.Equal(0.025, (double)costs[0][0]!, 6);
        Assert.Equal(0L, costs[0][1]);
        Assert.Equal(0.0, (double)costs[2][0]!, 6);
    }

    [Fact]
    public async Task Cost_UpstreamReportsNoUsage_IsEstimatedAndMarked()
    {
        await using var gateway = await TestGateway.StartAsync(Config("{}"), _upstream);
        var events = string.Concat(Enumerable.Range(0, 12).Select(i => "data: " + ScenarioUpstream.Chunk("paid", "tok" + i, null) + "\n\n"))
                     + "data: " + ScenarioUpstream.Chunk("paid", null, "stop") + "\n\ndata: [DONE]\n\n";
        _upstream.Script("paid", new Scenario.RawStream(events));

        using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/paid", stream: true, text: string.Concat(Enumerable.Repeat("The quick brown fox jumps. ", 15))), HttpCompletionOption.ResponseHeadersRead);
        await response.Content.ReadAsStringAsync();
        await gateway.StopAsync();

        var row = Query(gateway.StorePath, "SELECT cost_usd, cost_estimated, usage_reported FROM requests")[0];
        Assert.Equal(1L, row[1]);
        Assert.Equal(0L, row[2]);
        Assert.InRange((double)row[0]!, 0.1, 0.2); // ~94 o200k prompt tokens x $1000/M + ~11 output tokens x $2000/M
    }

    [Fact]
    public async Task ApiKey_RequestBudgetUsedUp_429NamesKeyBudgetAndKeyIsNeverStored()
    {
        const string keys = """ "apiKeys": [ { "name": "openclaw", "key": "mdk-openclaw-secret", "requestsDaily": 2 }, { "name": "ops", "key": "mdk-ops-secret-key", "admin": true } ] """;
        await using var gateway = await TestGateway.StartAsync(Config("{}", keys), _upstream);

        var statuses = new List<HttpStatusCode>();
        string? message = null;
        for (var i = 0; i < 3; i++)
        {
            using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/free", key: "mdk-openclaw-secret"));
            statuses.Add(response.StatusCode);
            message = await response.Content.ReadAsStringAsync();
        }

        using var other = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/free", key: "mdk-ops-secret-key"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
        Assert.Contains("request budget of API key 'openclaw' (daily) is used up (2 of 2 this day)", message, StringComparison.Ordinal);
        Assert.Contains("resets at", message, StringComparison.Ordinal);
        Assert.DoesNotContain("mdk-openclaw-secret", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // Another tenant's budget is readable only by an admin key (SPEC §4).
        var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage", "mdk-ops-secret-key");
        Assert.Equal(2, BudgetHttp.Budget(usage, "requests:key:openclaw", "day").GetProperty("used").GetDouble());
        Assert.DoesNotContain("mdk-", usage.GetRawText(), StringComparison.Ordinal);

        await gateway.StopAsync();
        var rows = Query(gateway.StorePath, "SELECT api_key FROM requests ORDER BY ts_unix_ms, rowid");
        Assert.Equal(["openclaw", "openclaw", "openclaw", "ops"], rows.Select(r => (string?)r[0]));
        var dump = string.Join("|", Query(gateway.StorePath, "SELECT * FROM requests").SelectMany(r => r).Select(v => v?.ToString()))
                   + string.Join("|", Query(gateway.StorePath, "SELECT * FROM budget_counters").SelectMany(r => r).Select(v => v?.ToString()));
        Assert.DoesNotContain("secret", dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageAndStats_WithGatewayKeys_RequireAKey()
    {
        const string keys = """ "apiKeys": [ { "name": "ops", "key": "mdk-ops-secret-key" } ] """;
        await using var gateway = await TestGateway.StartAsync(Config("{}", keys), _upstream);

        using var usage = await gateway.Http.GetAsync("/usage");
        using var stats = await gateway.Http.GetAsync("/stats");
        using var health = await gateway.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Unauthorized, usage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stats.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task DegradationHeader_PoolAt80Percent_SaysPreferCheaper()
    {
        await using var gateway = await TestGateway.StartAsync(Config("""{ "quotas": { "premium": { "monthly": 10 } } }"""), _upstream);

        var levels = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("default"));
            levels.Add(Sse.Header(response, "X-Router-Degradation"));
        }

        // The header reports the level in force when each request was routed (usage before it).
        Assert.Equal(["normal", "normal", "normal", "normal", "normal", "normal", "normal", "normal", "prefer-cheaper", "max-tier 1"], levels);
        using var health = JsonDocument.Parse(await gateway.Http.GetStringAsync("/health"));
        var budget = health.RootElement.GetProperty("budget");
        Assert.True(budget.GetProperty("enforced").GetBoolean());
        Assert.Equal("local-only", budget.GetProperty("level").GetString());
        Assert.Equal("quota pool 'premium' (monthly)", budget.GetProperty("exhausted")[0].GetString());
    }

    [Fact]
    public async Task Alerts_ThresholdCrossed_StoredOnceAndPostedWithRetry()
    {
        await using var hook = await WebhookReceiver.StartAsync(500);
        var budgets = $$"""{ "quotas": { "premium": { "monthly": 4 } }, "alerts": { "thresholds": [0.5], "webhook": "{{hook.Url}}" } }""";
        await using var gateway = await TestGateway.StartAsync(Config(budgets), _upstream);

        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/premium"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await hook.WaitForAsync(1, TimeSpan.FromSeconds(20));
        await Task.Delay(300);

        Assert.Equal(2, hook.Calls); // one refused with 500, then delivered
        var alert = Assert.Single(hook.Received).RootElement;
        Assert.Equal("budget_alert", alert.GetProperty("type").GetString());
        Assert.Equal("quota pool 'premium' (monthly)", alert.GetProperty("budget").GetString());
        Assert.Equal(0.5, alert.GetProperty("threshold").GetDouble());
        Assert.Equal(2, alert.GetProperty("used").GetDouble());
        var rows = Query(gateway.StorePath, "SELECT scope, threshold, webhook FROM budget_alerts");
        var row = Assert.Single(rows);
        Assert.Equal("quota:premium:month", row[0]);
        Assert.Equal("delivered (2 tries)", row[2]);
    }

    [Fact]
    public async Task Stats_AfterTraffic_ReportsMixCostLatencyAndFallbacks()
    {
        await using var gateway = await TestGateway.StartAsync(Config("""{ "usd": { "monthly": 100 } }"""), _upstream);
        _upstream.Script("premium", new Scenario.Status(503, """{"error":{"message":"busy"}}"""));
        for (var i = 0; i < 3; i++)
        {
            using var a = await gateway.Http.SendAsync(BudgetHttp.Chat("paid"));
            using var b = await gateway.Http.SendAsync(BudgetHttp.Chat("default"));
        }

        await WaitForRowsAsync(gateway.StorePath, 6);
        var stats = await BudgetHttp.GetJsonAsync(gateway.Http, "/stats?since=1h");

        Assert.Equal(6, stats.GetProperty("requests").GetInt64());
        Assert.Equal(3, stats.GetProperty("fallbacks").GetInt64());
        Assert.Equal(0.075, stats.GetProperty("cost_usd").GetDouble(), 6);
        var models = stats.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("requests").GetInt64());
        Assert.Equal(3, models["cloud/paid"]);
        Assert.Equal(3, models["cloud/free"]);
        Assert.True(stats.GetProperty("latency").GetProperty("p50_ms").GetDouble() > 0);

        using var bad = await gateway.Http.GetAsync("/stats?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    internal static List<object?[]> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    internal static async Task WaitForRowsAsync(string path, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Convert.ToInt64(Query(path, "SELECT COUNT(*) FROM requests")[0][0], System.Globalization.CultureInfo.InvariantCulture) >= count)
            {
                return;
            }

            await Task.Delay(25);
        }
    }

    private static DateTime NextFirst()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
    }
}
