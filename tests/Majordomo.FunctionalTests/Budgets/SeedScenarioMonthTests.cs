using System.Net;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Budgets;

/// <summary>
/// The seed scenario (examples/openclaw-copilot-quota.json) through a simulated month on a manual
/// clock: 10 premium requests a day plus background traffic, the curve at 80/90/95/100 %, each
/// monthly alert once, free models always answering, and everything reset on the 1st.
/// </summary>
public sealed class SeedScenarioMonthTests
{
    [Fact]
    public async Task Example_SimulatedMonth_DegradesAlertsOnceAndResetsOnTheFirst()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var json = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "examples", "openclaw-copilot-quota.json"));
        var env = new Dictionary<string, string>
        {
            ["COPILOT_BASE_URL"] = upstream.BaseUrl,
            ["OLLAMA_URL"] = upstream.BaseUrl,
            ["COPILOT_TOKEN"] = "sk-copilot-test-token",
        };
        await using var gateway = await TestGateway.StartAsync(json, upstream, name => env.GetValueOrDefault(name), time: clock);

        var levelAfterDay = new Dictionary<int, string>();
        for (var day = 1; day <= 30; day++)
        {
            clock.Set(new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.Zero));
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal("copilot/claude-sonnet-4.6", await AskAsync(gateway, "sonnet"));
            }

            // Background traffic never touches the pool.
            Assert.Equal("copilot/gpt-5-mini", await AskAsync(gateway, "auto", source: "heartbeat"));
            Assert.Equal("copilot/gpt-5-mini", await AskAsync(gateway, "auto", source: "subagent"));
            Assert.Equal("copilot/gpt-4.1", await AskAsync(gateway, "default"));

            if (day == 1)
            {
                // The daily pacing cap: the 11th premium request of the day falls through to a free model.
                Assert.Equal("copilot/gpt-4.1", await AskAsync(gateway, "sonnet"));
            }

            var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
            levelAfterDay[day] = usage.GetProperty("degradation").GetProperty("level").GetString()!;
            Assert.Equal(day * 10, BudgetHttp.Budget(usage, "quota:premium", "month").GetProperty("used").GetDouble());
        }

        Assert.Equal("normal", levelAfterDay[23]);          // 230 / 300 = 76.7 %
        Assert.Equal("prefer-cheaper", levelAfterDay[24]);  // 80 %
        Assert.Equal("prefer-cheaper", levelAfterDay[26]);  // 86.7 %
        Assert.Equal("max-tier 1", levelAfterDay[27]);      // 90 %
        Assert.Equal("max-tier 1", levelAfterDay[28]);      // 93.3 %
        Assert.Equal("max-tier 0", levelAfterDay[29]);      // 96.7 %
        Assert.Equal("local-only", levelAfterDay[30]);      // 100 %

        // Used up: an explicit premium request still gets an answer, from a free model; the header says why.
        using (var response = await gateway.Http.SendAsync(BudgetHttp.Chat("premium")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("copilot/gpt-4.1", Sse.Header(response, "X-Router-Model"));
            Assert.Equal("local-only", Sse.Header(response, "X-Router-Degradation"));
        }

        Assert.Equal("ollama/qwen2.5-1.5b", await AskAsync(gateway, "auto")); // local-only: the local model first
        Assert.Equal(300, upstream.ReceivedFor("claude-sonnet-4.6").Count);
        Assert.Empty(upstream.ReceivedFor("claude-haiku-4.5"));

        // December 1st: a new period. Usage, level and premium access come back.
        clock.Set(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero));
        var december = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        Assert.Equal("normal", december.GetProperty("degradation").GetProperty("level").GetString());
        var monthly = BudgetHttp.Budget(december, "quota:premium", "month");
        Assert.Equal(0, monthly.GetProperty("used").GetDouble());
        Assert.Equal("2027-01-01T00:00:00+00:00", monthly.GetProperty("resets_at").GetString());
        Assert.Equal("copilot/claude-sonnet-4.6", await AskAsync(gateway, "sonnet"));

        // Each monthly threshold fired exactly once in November (the daily cap alerts once per day).
        var alerts = BudgetTests.Query(gateway.StorePath, "SELECT threshold, used FROM budget_alerts WHERE scope = 'quota:premium:month' ORDER BY threshold");
        Assert.Equal([0.8, 0.95], alerts.Select(a => (double)a[0]!));
        Assert.Equal([240.0, 285.0], alerts.Select(a => (double)a[1]!));
        var daily = BudgetTests.Query(gateway.StorePath, "SELECT COUNT(*) FROM budget_alerts WHERE scope = 'quota:premium:day'");
        Assert.Equal(60L, daily[0][0]);
    }

    private static async Task<string> AskAsync(TestGateway gateway, string model, string? source = null)
    {
        using var request = BudgetHttp.Chat(model, text: "please help with this task");
        if (source is not null)
        {
            request.Headers.Add("X-Router-Source", source);
        }

        using var response = await gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Sse.Header(response, "X-Router-Model");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Majordomo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
    }
}
