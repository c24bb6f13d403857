using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Security;

/// <summary>
/// What a caller may read (issue 11 finding 10, SPEC §4): <c>/health</c> without a key says only whether
/// the gateway works; a plain key reads its own budgets and requests plus the shared ones it draws on;
/// an <c>"admin": true</c> key reads every tenant; without keys configured everything stays open.
/// </summary>
public sealed class TenantVisibilityTests : IAsyncLifetime
{
    private const string Alice = "mjd-alice-key-000001";
    private const string Carol = "mjd-carol-key-000002";
    private const string Root = "mjd-root-key-0000003";

    private static readonly string Keyed = BudgetTests.Config(
        """{ "usd": { "daily": 10 }, "quotas": { "premium": { "monthly": 10 } }, "alerts": { "thresholds": [0.5] } }""",
        $$"""
        "apiKeys": [
          { "name": "alice", "key": "{{Alice}}", "usdDaily": 5, "requestsDaily": 100 },
          { "name": "carol", "key": "{{Carol}}", "requestsDaily": 1 },
          { "name": "root", "key": "{{Root}}", "admin": true }
        ]
        """);

    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Health_WithoutOrWithAWrongKey_OnlyStatusVersionProblems()
    {
        await using var gateway = await TestGateway.StartAsync(Keyed, _upstream);

        foreach (var key in new[] { null, "mjd-wrong-key-000000" })
        {
            using var response = await SendAsync(gateway, "/health", key);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var names = JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(["status", "version", "problems"], names);
            Assert.DoesNotContain("cloud", body, StringComparison.Ordinal);
            Assert.DoesNotContain("premium", body, StringComparison.Ordinal);
        }

        var tenant = await BudgetHttp.GetJsonAsync(gateway.Http, "/health", Alice);
        Assert.Equal(4, tenant.GetProperty("models").GetProperty("total").GetInt32());
        Assert.True(tenant.GetProperty("health").GetProperty("models").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Health_TenantKey_ExhaustedNamesOnlyBudgetsItDrawsOn()
    {
        await using var gateway = await TestGateway.StartAsync(Keyed, _upstream);
        using (var answered = await gateway.Http.SendAsync(BudgetHttp.Chat("local/small", key: Carol)))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        static string[] Exhausted(JsonElement health) =>
            [.. health.GetProperty("budget").GetProperty("exhausted").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Contains("request budget of API key 'carol' (daily)", Exhausted(await BudgetHttp.GetJsonAsync(gateway.Http, "/health", Carol)));
        Assert.Contains("request budget of API key 'carol' (daily)", Exhausted(await BudgetHttp.GetJsonAsync(gateway.Http, "/health", Root)));
        Assert.Empty(Exhausted(await BudgetHttp.GetJsonAsync(gateway.Http, "/health", Alice)));
    }

    [Fact]
    public async Task Usage_PlainKey_OwnAndSharedBudgetsOnly_AdminSeesEveryTenant()
    {
        await using var gateway = await TestGateway.StartAsync(Keyed, _upstream);
        using (var answered = await gateway.Http.SendAsync(BudgetHttp.Chat("local/small", key: Carol)))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode); // carol's request budget at 100 %: an alert
        }

        var alice = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage", Alice);
        var carol = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage", Carol);
        var root = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage", Root);

        Assert.Equal(["alice", "global", "premium"], Owners(alice));
        Assert.Equal(["carol", "global", "premium"], Owners(carol));
        Assert.Equal(["alice", "carol", "global", "premium"], Owners(root));
        Assert.DoesNotContain("carol", alice.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(carol.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("budget").GetString()!.Contains("'carol'", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("budget").GetString()!.Contains("'carol'", StringComparison.Ordinal));
        Assert.Empty(alice.GetProperty("alerts").EnumerateArray());

        using var anonymous = await SendAsync(gateway, "/usage", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Stats_PlainKey_CountsOwnRequestsOnly_AdminCountsAll()
    {
        await using var gateway = await TestGateway.StartAsync(Keyed, _upstream);
        foreach (var key in new[] { Alice, Alice, Carol, Root })
        {
            using var answered = await gateway.Http.SendAsync(BudgetHttp.Chat("local/small", key: key));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await WaitForAsync(async () => (await Requests(gateway, Root)) == 4);
        Assert.Equal(2, await Requests(gateway, Alice));
        Assert.Equal(1, await Requests(gateway, Carol));
        using var anonymous = await SendAsync(gateway, "/stats", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task NoKeysConfigured_HealthUsageStatsStayOpen()
    {
        await using var gateway = await TestGateway.StartAsync(BudgetTests.Config("""{ "usd": { "daily": 10 } }"""), _upstream);
        using (var answered = await gateway.Http.SendAsync(BudgetHttp.Chat("local/small")))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var health = await BudgetHttp.GetJsonAsync(gateway.Http, "/health");
        Assert.Equal(4, health.GetProperty("models").GetProperty("total").GetInt32());
        Assert.Single(health.GetProperty("health").GetProperty("models").EnumerateArray(), m => m.GetProperty("model").GetString() == "local/small");
        Assert.Equal(["global"], Owners(await BudgetHttp.GetJsonAsync(gateway.Http, "/usage")));
        await WaitForAsync(async () => (await Requests(gateway, key: null)) == 1);
    }

    /// <summary>Whose budgets a usage report lists: key names, "global" for USD budgets without a key, pool names.</summary>
    private static string[] Owners(JsonElement usage) =>
    [
        .. usage.GetProperty("budgets").EnumerateArray()
            .Select(b => b.GetProperty("api_key").GetString() ?? b.GetProperty("pool").GetString() ?? "global")
            .Distinct().Order(StringComparer.Ordinal),
    ];

    private static async Task<long> Requests(TestGateway gateway, string? key) =>
        (await BudgetHttp.GetJsonAsync(gateway.Http, "/stats", key)).GetProperty("requests").GetInt64();

    private static async Task<HttpResponseMessage> SendAsync(TestGateway gateway, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return await gateway.Http.SendAsync(request);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }

        Assert.True(await condition());
    }
}
