using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Budgets;

/// <summary>
/// Issue 11 finding 4: USD admission reserves an upper bound of each request's cost and admits a
/// request only when that bound fits beside what is spent and held, so concurrent requests cannot
/// overspend together; a reservation that does not fit says "would be exceeded", not "used up".
/// </summary>
public sealed class UsdAdmissionTests : IAsyncLifetime
{
    // cloud/paid: $1000 / $2000 per million tokens; the scenario upstream reports 11 in / 7 out, so an
    // answer costs $0.025. cloud/uncapped declares no output cap. No fallback: a refusal is a 429.
    private static string Config(double daily) => $$"""
        {
          "providers": { "cloud": { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "cloud", "retries": 0, "backoffMs": 1 } },
          "models": {
            "cloud/paid": { "provider": "cloud", "upstreamModel": "paid", "maxOutputTokens": 7, "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } },
            "cloud/uncapped": { "provider": "cloud", "upstreamModel": "uncapped", "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } }
          },
          "resilience": { "cooldown": { "initialSeconds": 0 } },
          "budgets": { "usd": { "daily": {{daily.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } }
        }
        """;

    private const double AnswerUsd = 0.025;

    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    /// <summary>
    /// max_tokens 7 and a short prompt: the old estimate (~4 characters a token + max_tokens, $0.02) was
    /// below the real cost ($0.025), so 100 parallel requests against room for 10 answered 13.
    /// </summary>
    private static HttpRequestMessage Chat(string model, int? maxTokens = 7, bool stream = true)
    {
        var max = maxTokens is { } m ? $"\"max_tokens\":{m}," : "";
        var body = $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},{{max}}"messages":[{"role":"user","content":"hello"}]}""";
        return new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    [Fact]
    public async Task HundredParallelRequests_RoomForTen_AtMostTenAnsweredAndNoOverspend()
    {
        const double limit = 10 * AnswerUsd;
        await using var gateway = await TestGateway.StartAsync(Config(limit), _upstream);
        _upstream.Script("paid", new Scenario.Ok(Chunks: 5, ChunkDelayMs: 20));

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await gateway.Http.SendAsync(Chat("cloud/paid"), HttpCompletionOption.ResponseHeadersRead);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var answered = results.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.InRange(answered, 1, 10);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.Contains("budget_exceeded", r.Body, StringComparison.Ordinal);
        });
        Assert.Equal(answered, _upstream.ReceivedFor("paid").Count);

        var day = BudgetHttp.Budget(await BudgetHttp.GetJsonAsync(gateway.Http, "/usage"), "usd", "day");
        Assert.Equal(answered * AnswerUsd, day.GetProperty("used").GetDouble(), 6);
        Assert.True(day.GetProperty("used").GetDouble() <= limit + 1e-9, "spend stays within the limit");
        Assert.Equal(0, day.GetProperty("reserved").GetDouble(), 9);
    }

    [Fact]
    public async Task SequentialRequests_NeverSpendPastTheLimit()
    {
        const double limit = 10 * AnswerUsd;
        await using var gateway = await TestGateway.StartAsync(Config(limit), _upstream);

        var answered = 0;
        for (var i = 0; i < 15; i++)
        {
            using var response = await gateway.Http.SendAsync(Chat("cloud/paid", stream: false));
            answered += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        // Each bound is $0.047 (99 bytes: 33 prompt tokens at most, + 7 out): the 9th fits ($0.20 + $0.047), the 10th does not.
        var used = BudgetHttp.Budget(await BudgetHttp.GetJsonAsync(gateway.Http, "/usage"), "usd", "day").GetProperty("used").GetDouble();
        Assert.True(used <= limit + 1e-9, $"spent {used} of {limit}");
        Assert.Equal(9, answered);
    }

    [Fact]
    public async Task ReservationLargerThanTheLimit_WouldExceedNotUsedUp_NoRetryAfter()
    {
        // No max_tokens and no maxOutputTokens: 1024 output tokens are reserved ($2.05) against $0.15.
        await using var gateway = await TestGateway.StartAsync(Config(0.15), _upstream);

        using var response = await gateway.Http.SendAsync(Chat("cloud/uncapped", maxTokens: null, stream: false));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = doc.RootElement.GetProperty("error").GetProperty("message").GetString()!;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("USD budget (daily) would be exceeded: this request may cost up to $2.", message, StringComparison.Ordinal);
        Assert.Contains("lower max_tokens", message, StringComparison.Ordinal);
        Assert.DoesNotContain("used up", message, StringComparison.Ordinal);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Empty(_upstream.Received);

        // With a cap the same model fits: the reservation follows max_tokens.
        using var capped = await gateway.Http.SendAsync(Chat("cloud/uncapped", maxTokens: 7, stream: false));
        Assert.Equal(HttpStatusCode.OK, capped.StatusCode);
    }

    [Fact]
    public async Task ReservationsInFlight_WouldExceedWithShortRetry()
    {
        // Room for one bound at a time: the second request waits on the first's reservation, not a spent budget.
        await using var gateway = await TestGateway.StartAsync(Config(0.06), _upstream);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _upstream.Script("paid", new Scenario.Gated(gate), new Scenario.Ok());

        using var first = await gateway.Http.SendAsync(Chat("cloud/paid"), HttpCompletionOption.ResponseHeadersRead);
        using var second = await gateway.Http.SendAsync(Chat("cloud/paid", stream: false));
        var message = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString()!;
        gate.SetResult();
        await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("would be exceeded", message, StringComparison.Ordinal);
        Assert.Contains("held by requests in flight", message, StringComparison.Ordinal);
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 10);
    }
}
