using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Budgets;

/// <summary>Counters in the real executable: they survive kill -9, including a unit reserved by a request still in flight.</summary>
public sealed class BudgetDurabilityTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("majordomo-budget-").FullName;

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
    public async Task Counters_ProcessKilledMidRequest_NoUnitLostAfterRestart()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        var config = Path.Combine(_directory, "majordomo.json");
        await File.WriteAllTextAsync(config, TestGateway.Render(
            BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 50 } } }""").Replace("\"server\": {  }", "\"storage\": { \"sqlite\": \"counters.db\" }", StringComparison.Ordinal),
            upstream));

        await using (var first = GatewayProcess.Start(_directory, null, "serve", "--config", config, "--urls", "http://127.0.0.1:0"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(await first.ListeningAsync(StartTimeout)) };
            for (var i = 0; i < 2; i++)
            {
                using var response = await http.SendAsync(BudgetHttp.Chat("cloud/premium"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            // A third answer has started streaming and never finishes: the process dies under it.
            var gate = new TaskCompletionSource();
            upstream.Script("premium", new Scenario.Gated(gate));
            using var inFlight = await http.SendAsync(BudgetHttp.Chat("cloud/premium", stream: true), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, inFlight.StatusCode);
        } // DisposeAsync kills the process (SIGKILL): no graceful shutdown, no final flush.

        var usage = GatewayProcess.Start(_directory, null, "usage", "--config", config, "--json");
        Assert.Equal(0, await usage.WaitForExitAsync(StartTimeout));
        using (var report = JsonDocument.Parse(usage.Stdout))
        {
            Assert.Equal(3, BudgetHttp.Budget(report.RootElement, "quota:premium", "month").GetProperty("used").GetDouble());
        }

        upstream.Script("premium", new Scenario.Ok());
        await using var second = GatewayProcess.Start(_directory, null, "serve", "--config", config, "--urls", "http://127.0.0.1:0");
        using var http2 = new HttpClient { BaseAddress = new Uri(await second.ListeningAsync(StartTimeout)) };
        using (var response = await http2.SendAsync(BudgetHttp.Chat("cloud/premium")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await BudgetHttp.GetJsonAsync(http2, "/usage");
        Assert.Equal(4, BudgetHttp.Budget(after, "quota:premium", "month").GetProperty("used").GetDouble());
    }

    [Fact]
    public async Task UsageAndStatsVerbs_HumanOutput_ShowLimitResetAndLevel()
    {
        var config = Path.Combine(_directory, "majordomo.json");
        await File.WriteAllTextAsync(config, BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 300, "daily": 10 } }, "usd": { "daily": 2 } }""").Replace("{UPSTREAM}", "http://127.0.0.1:9/v1", StringComparison.Ordinal));

        var usage = GatewayProcess.Start(_directory, null, "usage", "--config", config);
        Assert.Equal(0, await usage.WaitForExitAsync(StartTimeout));
        var stats = GatewayProcess.Start(_directory, null, "stats", "--config", config, "--since", "7d");
        Assert.Equal(0, await stats.WaitForExitAsync(StartTimeout));
        var badSince = GatewayProcess.Start(_directory, null, "stats", "--config", config, "--since", "soon");
        Assert.Equal(2, await badSince.WaitForExitAsync(StartTimeout));

        Assert.Contains("quota pool 'premium' (monthly)", usage.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 / 300", usage.Stdout, StringComparison.Ordinal);
        Assert.Contains("$0 / $2", usage.Stdout, StringComparison.Ordinal);
        Assert.Contains("Degradation: normal", usage.Stdout, StringComparison.Ordinal);
        Assert.Contains("Next: at 80 %: prefer-cheaper", usage.Stdout, StringComparison.Ordinal);
        Assert.Contains("Requests since", stats.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "majordomo.db")), "a read verb must not create the store");
    }
}
