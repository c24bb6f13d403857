using System.Net;
using System.Text;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Majordomo.FunctionalTests;

/// <summary>
/// One snapshot per request: a request that started before a reload finishes on the snapshot it
/// started with in every component (route, loop guard, executor settings, budget accounting); the
/// next request sees the new one.
/// </summary>
public sealed class SnapshotReloadTests
{
    /// <summary>Route 'held' tries a (tier 0) then b (tier 1, one unit of pool 'premium'); escalation allowed; a warning at 2 repeats.</summary>
    private const string Before = """
        {
          "providers": { "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "local", "retries": 0, "backoffMs": 1 } },
          "models": {
            "up/a": { "provider": "up", "upstreamModel": "a", "tier": 0 },
            "up/b": { "provider": "up", "upstreamModel": "b", "tier": 1, "quota": "premium", "multiplier": 1 },
            "up/c": { "provider": "up", "upstreamModel": "c", "tier": 0 },
          },
          "routes": { "held": { "chain": ["up/a", "up/b"] } },
          "defaultRoute": "held",
          "resilience": { "neverEscalate": false, "cooldown": { "initialSeconds": 0 } },
          "loopDetection": { "warningThreshold": 2, "criticalThreshold": 15, "circuitBreakerThreshold": 20 },
          "budgets": { "quotas": { "premium": { "monthly": 10 } } },
        }
        """;

    /// <summary>Everything the held request depends on changes: the route, escalation, the loop guard, b's pool.</summary>
    private static readonly string After = Before
        .Replace("\"chain\": [\"up/a\", \"up/b\"]", "\"chain\": [\"up/c\"]", StringComparison.Ordinal)
        .Replace("\"neverEscalate\": false", "\"neverEscalate\": true", StringComparison.Ordinal)
        .Replace("\"loopDetection\": { \"warningThreshold\": 2,", "\"loopDetection\": { \"enabled\": false, \"warningThreshold\": 2,", StringComparison.Ordinal)
        .Replace(", \"quota\": \"premium\", \"multiplier\": 1", "", StringComparison.Ordinal);

    [Fact]
    public async Task Reload_WhileRequestHeldUpstream_HeldRequestFinishesOnOldSnapshotNextUsesNew()
    {
        Assert.Contains("[\"up/c\"]", After, StringComparison.Ordinal);
        Assert.Contains("\"neverEscalate\": true", After, StringComparison.Ordinal);
        Assert.Contains("\"enabled\": false", After, StringComparison.Ordinal);
        Assert.DoesNotContain("\"quota\"", After, StringComparison.Ordinal);
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Before, upstream);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        upstream.Script("a", new Scenario.Hold(release, new Scenario.Status(500, """{"error":{"message":"boom","type":"server_error"}}""")));
        var body = LoopTranscript.Load("openai-npm-test-loop").Body(7, "held");

        var held = gateway.Http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(SpinWait.SpinUntil(() => upstream.ReceivedFor("a").Count == 1, TimeSpan.FromSeconds(10)), "the held request reached up/a");

        var applied = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.Services.GetRequiredService<ConfigWatcher>().Reloaded += (ok, _) => applied.TrySetResult(ok);
        await File.WriteAllTextAsync(gateway.ConfigPath, TestGateway.Render(After, upstream));
        Assert.True(await applied.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the new config was applied");

        release.SetResult();
        using var first = await held.WaitAsync(TimeSpan.FromSeconds(10));

        // Old snapshot throughout: old chain, escalation to tier 1 allowed, old loop settings, b counted in 'premium'.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("up/b", Header(first, "X-Router-Model"));
        Assert.Equal("held", Header(first, "X-Router-Route"));
        Assert.StartsWith("warning;", Header(first, "X-Router-Loop"), StringComparison.Ordinal);
        var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        Assert.Equal(1, BudgetHttp.Budget(usage, "quota:premium", "month").GetProperty("used").GetDouble());

        // The next request: new chain, no loop guard.
        using var second = await gateway.Http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("up/c", Header(second, "X-Router-Model"));
        Assert.Null(Header(second, "X-Router-Loop"));
        usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        Assert.Equal(1, BudgetHttp.Budget(usage, "quota:premium", "month").GetProperty("used").GetDouble());
        Assert.Single(upstream.ReceivedFor("a"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
