using System.Net;
using System.Text.Json;
using Majordomo.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Majordomo.FunctionalTests.Routing.RoutingHttp;

namespace Majordomo.FunctionalTests.Routing;

/// <summary>Candidate selection (SPEC §1.4) and the fallback tier (§1.5) through the real gateway.</summary>
public sealed class SelectionTests : IAsyncLifetime
{
    private readonly ScriptedGate _gate = new();
    private readonly SettableDegradation _degradation = new();
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await RoutingHttp.StartAsync(SmartConfigs.Build(), _upstream, _gate, _degradation);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Order_LocalityThenCostThenQuality_IsTheAttemptChain()
    {
        var explanation = await ExplainAsync(_gateway, Body("Hello there"));

        Assert.Equal(SmartConfigs.NormalChain, Ranked(explanation));
        Assert.Equal("loc/coder", explanation.GetProperty("selected").GetString());
        Assert.Equal("classified", explanation.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task RankedList_IsWalkedOnFailure()
    {
        _upstream.Script("coder", new Scenario.Status(503, """{"error":{"message":"overloaded"}}"""));
        _upstream.Script("coder2", new Scenario.Status(500, """{"error":{"message":"boom"}}"""));

        using var response = await ChatAsync(_gateway, Body("Hello there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("loc/narrow", Header(response, "X-Router-Model"));
        Assert.Equal("classified", Header(response, "X-Router-Tier"));
        Assert.Equal(["coder", "coder2", "narrow"], _upstream.Received.Select(r => r.Model));
    }

    [Fact]
    public async Task Filters_QualityFloorWithTolerance_Capability_Disabled_AreExcludedWithReasons()
    {
        var explanation = await ExplainAsync(_gateway, Body("Hello there"));

        // Floor 65 minus tolerance 5: quality 60 and 61 pass, 30 does not.
        Assert.Contains("quality 30 below floor 60", ExcludedReason(explanation, "loc/weak"), StringComparison.Ordinal);
        Assert.Null(ExcludedReason(explanation, "loc/narrow"));
        Assert.Contains("lacks capability 'code'", ExcludedReason(explanation, "loc/plain"), StringComparison.Ordinal);
        Assert.Equal("disabled", ExcludedReason(explanation, "loc/off"));

        // Ranked first, then the excluded; every model appears once.
        var all = explanation.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("model").GetString()).ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(12, all.Length);
        Assert.Equal(SmartConfigs.NormalChain.Length, all.TakeWhile(m => SmartConfigs.NormalChain.Contains(m)).Count());
    }

    [Fact]
    public async Task Filter_ContextWindow_CountsPromptAndRequestedOutput()
    {
        var shortWithBigOutput = await ExplainAsync(_gateway, Body("Hello there", extra: ""","max_tokens":2000"""));
        Assert.Contains("context window 1000", ExcludedReason(shortWithBigOutput, "loc/narrow"), StringComparison.Ordinal);

        // About 1,400 o200k tokens (a run of one letter would count as far fewer: tokens are not characters).
        var longPrompt = await ExplainAsync(_gateway, Body(string.Concat(Enumerable.Repeat("The quick brown fox jumps. ", 230))));
        Assert.Contains("context window 1000", ExcludedReason(longPrompt, "loc/narrow"), StringComparison.Ordinal);
        Assert.Null(ExcludedReason(longPrompt, "loc/coder"));
    }

    [Fact]
    public async Task Filter_Sensitive_StaysOnLocalAndLanModels()
    {
        const string secret = "Why does the API refuse my key sk-proj-Abc123def456GHI789jkl012MNO345pqr678?";

        var explanation = await ExplainAsync(_gateway, Body(secret));

        Assert.True(explanation.GetProperty("classification").GetProperty("sensitive").GetBoolean());
        Assert.Equal(["loc/coder", "loc/coder2", "loc/narrow", "loc/paid", "lan/box", "loc/small"], Ranked(explanation));
        Assert.Contains("sensitive prompt and the model is cloud", ExcludedReason(explanation, "cloud/cheap"), StringComparison.Ordinal);

        // Through the gateway, with every local model failing: the chain ends on the LAN and local fallback, never the cloud.
        foreach (var name in new[] { "coder", "coder2", "narrow", "paid", "box", "small" })
        {
            _upstream.Script(name, new Scenario.Status(503, """{"error":{"message":"overloaded"}}"""));
        }

        using var response = await ChatAsync(_gateway, Body(secret));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(_upstream.Received, r => r.Model is "cheap" or "mid" or "big");
    }

    /// <summary>
    /// A secret told in prose (no key pattern, no "=") sent to <c>auto</c>, as chat and as a Responses <c>input</c>:
    /// with every local and LAN model failing, the cloud never receives it (issue 13 item 3).
    /// </summary>
    [Theory]
    [InlineData("/v1/chat/completions", "remind me later: the shop alarm, code 4 7 1 9, same for the key safe")]
    [InlineData("/v1/chat/completions", "Kurz zusammenfassen: Jonas hat geschrieben, das Routerpasswort ist jetzt Kiefernweg17")]
    [InlineData("/v1/responses", "for the security question they asked my mother's maiden name, I put Wiśniewska. remember it")]
    [InlineData("/v1/responses", "快递取件码是 6-3-7702，帮我转告一下")]
    public async Task ProseSecret_ThroughAuto_NeverReachesTheCloud(string path, string text)
    {
        var explanation = await ExplainAsync(_gateway, Body(text, model: "auto"));
        Assert.True(explanation.GetProperty("classification").GetProperty("sensitive").GetBoolean());
        Assert.DoesNotContain(Ranked(explanation), m => m.StartsWith("cloud/", StringComparison.Ordinal));

        foreach (var name in new[] { "coder", "coder2", "narrow", "paid", "box", "small" })
        {
            _upstream.Script(name, new Scenario.Status(503, """{"error":{"message":"overloaded"}}"""));
        }

        var body = path == "/v1/responses"
            ? JsonSerializer.Serialize(new { model = "auto", input = new[] { new { role = "user", content = text } } })
            : Body(text, model: "auto");
        using var response = await _gateway.Http.SendAsync(Sse.Post(path, body));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.NotEmpty(_upstream.Received);
        Assert.DoesNotContain(_upstream.Received, r => r.Model is "cheap" or "mid" or "big");
    }

    [Fact]
    public async Task Filter_Gate_ExcludesWithTheGatesReason()
    {
        _gate.Block("loc/coder", "cooling down after 3 failures", DateTimeOffset.UtcNow.AddMinutes(5));

        using var response = await ChatAsync(_gateway, Body("Hello there"));

        Assert.Equal("loc/coder2", Header(response, "X-Router-Model"));
        var explanation = await ExplainAsync(_gateway, Body("Hello there"));
        Assert.Equal("cooling down after 3 failures", ExcludedReason(explanation, "loc/coder"));
    }

    [Fact]
    public async Task Degradation_MaxTier_LocalOnly_PreferCheaper()
    {
        _degradation.Level = new DegradationLevel("max-tier 0", 0.96, 0, false, false);
        var maxTier = await ExplainAsync(_gateway, Body("Hello there"));
        Assert.Equal("max-tier 0", maxTier.GetProperty("degradation").GetString());
        Assert.DoesNotContain("cloud/mid", Ranked(maxTier));
        Assert.Contains("degradation level 'max-tier 0'", ExcludedReason(maxTier, "cloud/big"), StringComparison.Ordinal);

        _degradation.Level = new DegradationLevel("local-only", 1.0, null, false, true);
        var localOnly = await ExplainAsync(_gateway, Body("Hello there"));
        Assert.Equal(["loc/coder", "loc/coder2", "loc/narrow", "loc/paid", "lan/box", "loc/small"], Ranked(localOnly));

        // prefer-cheaper: cost before locality; the paid local model drops behind cheaper cloud ones.
        _degradation.Level = new DegradationLevel("prefer-cheaper", 0.85, null, true, false);
        var cheaper = await ExplainAsync(_gateway, Body("Hello there"));
        Assert.Equal(["loc/coder", "loc/coder2", "loc/narrow", "lan/box", "cloud/cheap", "cloud/mid", "loc/paid", "cloud/big", "loc/small"], Ranked(cheaper));
    }

    [Fact]
    public async Task FallbackTier_NothingEligible_UsesTheFallbackModel()
    {
        foreach (var model in SmartConfigs.NormalChain[..^1])
        {
            _gate.Block(model, "unhealthy");
        }

        using var response = await ChatAsync(_gateway, Body("Hello there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("loc/small", Header(response, "X-Router-Model"));
        Assert.Equal("fallback", Header(response, "X-Router-Tier"));
        Assert.Equal("small", Assert.Single(_upstream.Received).Model);
    }

    [Fact]
    public async Task NothingAvailable_Is503ListingEveryCandidateAndTheSoonestTime()
    {
        var soon = DateTimeOffset.UtcNow.AddSeconds(40);
        foreach (var model in SmartConfigs.NormalChain)
        {
            _gate.Block(model, "cooling down", model == "lan/box" ? soon : soon.AddMinutes(10));
        }

        using var response = await ChatAsync(_gateway, Body("Hello there"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("fallback", Header(response, "X-Router-Tier"));
        Assert.InRange(int.Parse(Header(response, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture), 35, 41);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("no_model_available", error.GetProperty("code").GetString());
        var candidates = error.GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("model").GetString()!, c => c);
        Assert.Equal(12, candidates.Count);
        Assert.Equal("cooling down", candidates["lan/box"].GetProperty("reason").GetString());
        Assert.Equal("disabled", candidates["loc/off"].GetProperty("reason").GetString());
        Assert.Equal(soon.ToUnixTimeSeconds(), error.GetProperty("available_at").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains("fallback 'loc/small': cooling down", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Latency_AnsweredRequests_FeedTheTracker()
    {
        using var response = await ChatAsync(_gateway, Body("Hello there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tracker = _gateway.Services.GetRequiredService<RouteDecider>().Latency;
        Assert.NotNull(tracker.Get("loc/coder"));
        Assert.Null(tracker.Get("loc/coder2"));
    }

    [Fact]
    public async Task NonSmartRoutes_AreNotClassified()
    {
        using var route = await ChatAsync(_gateway, Body("Hello", model: "fixed"));
        using var alias = await ChatAsync(_gateway, Body("Hello", model: "big"));
        using var direct = await ChatAsync(_gateway, Body("Hello", model: "cloud/mid"));
        using var kind = await ChatAsync(_gateway, Body("Hello"), ("X-Router-Kind", "job"));

        Assert.Equal(("route", "none"), (Header(route, "X-Router-Tier"), Header(route, "X-Router-Classification")));
        Assert.Equal(("alias", "none"), (Header(alias, "X-Router-Tier"), Header(alias, "X-Router-Classification")));
        Assert.Equal(("direct", "none"), (Header(direct, "X-Router-Tier"), Header(direct, "X-Router-Classification")));
        Assert.Equal(("route", "lan/box"), (Header(kind, "X-Router-Tier"), Header(kind, "X-Router-Model")));
    }
}

/// <summary><c>selection.escalation: explicit</c>: automatic routing stays at tier 0 unless the route allows escalation.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await RoutingHttp.StartAsync(SmartConfigs.Build(selection: """, "escalation": "explicit" """), _upstream, new ScriptedGate(), new SettableDegradation());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Explicit_SmartRouteStaysAtTier0_EscalationRouteAndAliasMayGoHigher()
    {
        var auto = await ExplainAsync(_gateway, Body("Hello there", model: "auto"));
        Assert.DoesNotContain("cloud/mid", Ranked(auto));
        Assert.Contains("selection.escalation is explicit", ExcludedReason(auto, "cloud/big"), StringComparison.Ordinal);

        var escalating = await ExplainAsync(_gateway, Body("Hello there", model: "auto-esc"));
        Assert.Contains("cloud/big", Ranked(escalating));

        using var alias = await ChatAsync(_gateway, Body("Hello there", model: "big"));
        Assert.Equal("cloud/big", Header(alias, "X-Router-Model"));
    }
}
