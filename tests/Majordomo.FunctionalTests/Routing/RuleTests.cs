using System.ClientModel;
using System.Net;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;
using static Majordomo.FunctionalTests.Routing.RoutingHttp;

namespace Majordomo.FunctionalTests.Routing;

/// <summary>Tier 1 rules (SPEC §1.2) through the real gateway: every condition, every action, priority, disabled rules.</summary>
public sealed class RuleTests : IAsyncLifetime
{
    private readonly ScriptedGate _gate = new();
    private readonly SettableDegradation _degradation = new();
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await RoutingHttp.StartAsync(SmartConfigs.Build(SmartConfigs.Rules), _upstream, _gate, _degradation);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static void AssertRouted(HttpResponseMessage response, string model, string tier, string rule)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(model, Header(response, "X-Router-Model"));
        Assert.Equal(tier, Header(response, "X-Router-Tier"));
        Assert.Equal(rule, Header(response, "X-Router-Rule"));
    }

    [Fact]
    public async Task Source_MatchingRule_RoutesToItsTargetAndLowerPriorityWins()
    {
        using var response = await ChatAsync(_gateway, Body("ping"), ("X-Router-Source", "heartbeat"));

        // "late-hb" (priority 50) is listed first and would reject; "hb" (priority 10) wins.
        AssertRouted(response, "loc/small", "rule", "hb");
        Assert.Equal("none", Header(response, "X-Router-Classification"));
        Assert.Equal("small", Assert.Single(_upstream.Received).Model);
    }

    [Fact]
    public async Task Source_FromBodyMetadata_MatchesLikeTheHeader()
    {
        using var response = await ChatAsync(_gateway, Body("ping", extra: ""","metadata":{"source":"heartbeat"}"""));

        AssertRouted(response, "loc/small", "rule", "hb");
    }

    [Fact]
    public async Task DisabledRule_IsSkipped_UserTrafficIsClassified()
    {
        using var response = await ChatAsync(_gateway, Body("Hello there, how are you?"), ("X-Router-Source", "user"));

        AssertRouted(response, "loc/coder", "classified", "none");
        Assert.Matches("^(simple|medium|complex|reasoning)/[a-z_-]+$", Header(response, "X-Router-Classification"));
    }

    [Fact]
    public async Task Channel_Kind_Model_EachConditionRoutes()
    {
        using (var channel = await ChatAsync(_gateway, Body("status"), ("X-Router-Channel", "ops")))
        {
            AssertRouted(channel, "cloud/cheap", "rule", "ops");
        }

        using (var kind = await ChatAsync(_gateway, Body("status"), ("X-Router-Kind", "batch")))
        {
            AssertRouted(kind, "lan/box", "rule", "batch");
        }

        // "esc-only" needs model auto-esc AND source probe.
        using (var model = await ChatAsync(_gateway, Body("status", model: "auto-esc"), ("X-Router-Source", "probe")))
        {
            AssertRouted(model, "cloud/mid", "rule", "esc-only");
        }

        using (var otherModel = await ChatAsync(_gateway, Body("status", model: "auto"), ("X-Router-Source", "probe")))
        {
            Assert.Equal("classified", Header(otherModel, "X-Router-Tier"));
        }
    }

    [Fact]
    public async Task AllConditions_MustHold()
    {
        using (var both = await ChatAsync(_gateway, Body("x"), ("X-Router-Source", "combo"), ("X-Router-Channel", "x")))
        {
            AssertRouted(both, "lan/box", "rule", "combo");
        }

        using var onlyOne = await ChatAsync(_gateway, Body("x"), ("X-Router-Source", "combo"));
        Assert.Equal("classified", Header(onlyOne, "X-Router-Tier"));
    }

    [Fact]
    public async Task Pattern_RouteSelf_AnswersFromTheSelfModel()
    {
        var client = _gateway.ChatClient("auto");

        ClientResult<ChatCompletion> result = await client.CompleteChatAsync([new UserChatMessage("/reset the conversation")]);

        var raw = result.GetRawResponse();
        Assert.Equal("loc/small", raw.Headers.TryGetValue("X-Router-Model", out var m) ? m : null);
        Assert.Equal("self", raw.Headers.TryGetValue("X-Router-Tier", out var t) ? t : null);
        Assert.Equal("reset", raw.Headers.TryGetValue("X-Router-Rule", out var r) ? r : null);

        // The pattern reads the last user message only, anchored: mid-sentence it does not match.
        using var notAnchored = await ChatAsync(_gateway, Body("please /reset"));
        Assert.Equal("classified", Header(notAnchored, "X-Router-Tier"));
    }

    [Fact]
    public async Task HasMedia_ImagePart_RoutesToTheMediaTarget()
    {
        const string body = """{"model":"auto","messages":[{"role":"user","content":[{"type":"text","text":"what is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""";

        using var response = await ChatAsync(_gateway, body);

        AssertRouted(response, "cloud/big", "rule", "media");
    }

    [Fact]
    public async Task HasTools_ToolDefinitions_RouteToTheToolsTarget()
    {
        var client = _gateway.ChatClient("auto");
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_time", "The time") } };

        ClientResult<ChatCompletion> result = await client.CompleteChatAsync([new UserChatMessage("What time is it?")], options);

        Assert.Equal("cloud/mid", result.GetRawResponse().Headers.TryGetValue("X-Router-Model", out var m) ? m : null);
        Assert.Equal("tools", result.GetRawResponse().Headers.TryGetValue("X-Router-Rule", out var r) ? r : null);
    }

    [Fact]
    public async Task MinTokens_MaxTokens_SplitByEstimatedPromptSize()
    {
        using (var small = await ChatAsync(_gateway, Body("a short one"), ("X-Router-Channel", "sized")))
        {
            AssertRouted(small, "lan/box", "rule", "short");
        }

        using var large = await ChatAsync(_gateway, Body(string.Join(' ', Enumerable.Repeat("word", 200))), ("X-Router-Channel", "sized"));
        AssertRouted(large, "cloud/cheap", "rule", "long");
    }

    [Fact]
    public async Task Reject_AnswersTheRulesMessageInTheOpenAIErrorShape()
    {
        using var response = await ChatAsync(_gateway, Body("buy now"), ("X-Router-Source", "spam"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("rule", Header(response, "X-Router-Tier"));
        Assert.Equal("blocked", Header(response, "X-Router-Rule"));
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("No spam here, please.", error.GetProperty("message").GetString());
        Assert.Equal("rejected_by_rule", error.GetProperty("code").GetString());
        Assert.Equal("permission_error", error.GetProperty("type").GetString());
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Classify_Action_GoesToTier2AndNamesTheRule()
    {
        using var response = await ChatAsync(_gateway, Body("Hello"), ("X-Router-Channel", "classify-me"));

        AssertRouted(response, "loc/coder", "classified", "think");
    }

    [Fact]
    public async Task Queue_TargetBusy_WaitsUntilTheGateFreesItThenRoutes()
    {
        _gate.Block("cloud/cheap", "rate limited (scripted)", DateTimeOffset.UtcNow.AddMilliseconds(300));

        using var response = await ChatAsync(_gateway, Body("nightly job"), ("X-Router-Source", "cron"));

        AssertRouted(response, "cloud/cheap", "rule", "bulk");

        // Asked once (busy), then again after the wait.
        var checks = _gate.Checks("cloud/cheap", source: "cron");
        Assert.True(checks >= 2, $"checked {checks} times");
    }

    [Fact]
    public async Task Queue_BusyPastMaxWait_Is429WithRetryAfter()
    {
        _gate.Block("cloud/cheap", "rate limited (scripted)", DateTimeOffset.UtcNow.AddSeconds(60));

        using var response = await ChatAsync(_gateway, Body("nightly job"), ("X-Router-Source", "cron-fast"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(Header(response, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 50, 60);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("queue_timeout", error.GetProperty("code").GetString());
        Assert.Contains("bulk-fast", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Queue_ClientLeavesWhileQueued_LoggedAsClientClosed()
    {
        _gate.Block("cloud/cheap", "rate limited (scripted)", DateTimeOffset.UtcNow.AddSeconds(8));
        using var cts = new CancellationTokenSource();
        var request = Sse.Post("/v1/chat/completions", Body("nightly job"));
        request.Headers.Add("X-Router-Source", "cron");
        var pending = _gateway.Http.SendAsync(request, cts.Token);
        while (_gate.Checks("cloud/cheap", source: "cron") == 0)
        {
            await Task.Delay(20);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        var logged = false;
        for (var i = 0; i < 100 && !logged; i++)
        {
            await Task.Delay(50);
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_gateway.StorePath};Mode=ReadOnly");
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT COUNT(*) FROM requests WHERE status = 499 AND error_code = 'client_closed' AND rule = 'bulk';";
            logged = (long)query.ExecuteScalar()! == 1;
        }

        Assert.True(logged, "the queued request was logged as client_closed");
        Assert.Empty(_upstream.Received);
        using var after = await ChatAsync(_gateway, Body("Hello there"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task NonSmartRoute_RulesDoNotApply()
    {
        using var response = await ChatAsync(_gateway, Body("buy now", model: "fixed"), ("X-Router-Source", "spam"));

        AssertRouted(response, "lan/box", "route", "none");
    }
}

/// <summary>Rules live in the catalog snapshot: a config edit recompiles them without a restart.</summary>
public sealed class RuleReloadTests
{
    [Fact]
    public async Task EditRules_NewRuleAppliesWithoutRestart()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(SmartConfigs.Build(), upstream);
        using (var before = await ChatAsync(gateway, Body("deploy now"), ("X-Router-Channel", "ops")))
        {
            Assert.Equal("classified", Header(before, "X-Router-Tier"));
        }

        var withRule = SmartConfigs.Build("""[ { "id": "ops", "when": { "channel": "ops", "pattern": "^deploy" }, "action": "route", "target": "cheap-route" } ]""");
        await File.WriteAllTextAsync(gateway.ConfigPath, TestGateway.Render(withRule, upstream));
        var applied = false;
        for (var i = 0; i < 100 && !applied; i++)
        {
            using var r = await ChatAsync(gateway, Body("deploy now"), ("X-Router-Channel", "ops"));
            applied = Header(r, "X-Router-Rule") == "ops";
            if (!applied)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(applied, "the new rule was applied within 10 s");
    }
}
