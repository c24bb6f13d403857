using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using static Majordomo.FunctionalTests.Routing.RoutingHttp;

namespace Majordomo.FunctionalTests.Routing;

/// <summary><c>POST /v1/route</c> (SPEC §4): the decision for a body, in any ingress's shape (Chat Completions, Messages, Responses), without calling a model.</summary>
public sealed class ExplainTests : IAsyncLifetime
{
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await RoutingHttp.StartAsync(
            SmartConfigs.Build(SmartConfigs.Rules, extra: """ "server": { "maxRequestBytes": 65536, "apiKeys": [ { "name": "t", "key": "gw-key-123456" } ] }, """),
            _upstream, new ScriptedGate(), new SettableDegradation());
        _gateway.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "gw-key-123456");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Route_OpenAIBody_ReturnsTheSpecObjectWithoutCallingAModel()
    {
        var e = await ExplainAsync(_gateway, Body("Write a haiku about routers"));

        Assert.Equal(
            ["requested", "route", "tier", "rule", "classification", "degradation", "selected", "candidates"],
            e.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("requested").ValueKind);
        Assert.Equal("auto", e.GetProperty("route").GetString());
        Assert.Equal("classified", e.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("rule").ValueKind);
        var c = e.GetProperty("classification");
        Assert.Equal(["complexity", "taskType", "estimatedTokens", "sensitive", "scores", "source"], c.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(c.GetProperty("estimatedTokens").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Object, c.GetProperty("scores").ValueKind);
        Assert.Equal("normal", e.GetProperty("degradation").GetString());
        Assert.Equal("loc/coder", e.GetProperty("selected").GetString());
        var first = e.GetProperty("candidates")[0];
        Assert.Equal(["model", "rank", "score", "excluded"], first.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal(70, first.GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("excluded").ValueKind);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Route_AnthropicBody_SystemAndContentBlocks()
    {
        const string body = """
            {"model":"auto","max_tokens":1024,"system":[{"type":"text","text":"You are terse."}],
             "messages":[{"role":"user","content":[{"type":"text","text":"what is in it?"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}
            """;

        var e = await ExplainAsync(_gateway, body, ("anthropic-version", "2023-06-01"));

        Assert.Equal("auto", e.GetProperty("requested").GetString());
        Assert.Equal("rule", e.GetProperty("tier").GetString());
        Assert.Equal("media", e.GetProperty("rule").GetString());
        Assert.Equal("cloud/big", e.GetProperty("selected").GetString());
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Route_ResponsesBody_ReadsItsInputItems()
    {
        // Codex's shape: instructions and input items, no messages. The earlier function_call carries a password.
        const string body = """
            {"model":"auto","instructions":"You are a coding agent.","input":[
              {"type":"message","role":"user","content":[{"type":"input_text","text":"connect to the staging database"}]},
              {"type":"function_call","call_id":"c1","name":"shell","arguments":"{\"command\":\"psql postgres://app:Vq7#mLx2wT@db.internal/app\"}"},
              {"type":"function_call_output","call_id":"c1","output":"psql: connected"}]}
            """;

        var e = await ExplainAsync(_gateway, body);

        Assert.Equal("auto", e.GetProperty("requested").GetString());
        Assert.True(e.GetProperty("classification").GetProperty("sensitive").GetBoolean());
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Route_Headers_AreHonouredAndRulesExplained()
    {
        var hb = await ExplainAsync(_gateway, Body("ping"), ("X-Router-Source", "heartbeat"));
        Assert.Equal(("rule", "hb", "loc/small"), (hb.GetProperty("tier").GetString(), hb.GetProperty("rule").GetString(), hb.GetProperty("selected").GetString()));

        var rejected = await ExplainAsync(_gateway, Body("x"), ("X-Router-Source", "spam"));
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("selected").ValueKind);
        Assert.Equal(403, rejected.GetProperty("error").GetProperty("status").GetInt32());

        var queued = await ExplainAsync(_gateway, Body("x"), ("X-Router-Source", "cron"));
        Assert.Equal(("bulk", "cloud/cheap"), (queued.GetProperty("rule").GetString(), queued.GetProperty("selected").GetString()));

        var direct = await ExplainAsync(_gateway, Body("x", model: "fixed"));
        Assert.Equal(("route", "fixed"), (direct.GetProperty("tier").GetString(), direct.GetProperty("route").GetString()));
        Assert.Equal(["lan/box", "loc/small"], Ranked(direct));

        var unknown = await ExplainAsync(_gateway, Body("x", model: "nope"));
        Assert.Equal("model_not_found", unknown.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Route_NoKey_Is401()
    {
        using var request = Sse.Post("/v1/route", Body("x"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong");

        using var response = await _gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (await JsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{not json", 400, "not valid JSON")]
    [InlineData("", 400, "empty")]
    [InlineData("[1,2]", 400, "JSON object")]
    [InlineData("""{"messages":"hello"}""", 400, "'messages' must be an array")]
    [InlineData("""{"model":42,"messages":[{"role":"user","content":"x"}]}""", 400, "'model' must be a string")]
    [InlineData("""{"messages":[]}""", 400, "at least one message")]
    [InlineData("""{"model":"auto","input":5}""", 400, "'input' must be a string or an array")]
    [InlineData("""{"model":"auto","input":[{"type":"function_call","name":"x","arguments":"{"}]""", 400, "not valid JSON")]
    public async Task Route_BadBodies_AreClearErrors(string body, int status, string expected)
    {
        using var response = await _gateway.Http.SendAsync(Sse.Post("/v1/route", body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, (await JsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_HugeBody_Is413_DeepNesting_Is400_GatewayStaysHealthy()
    {
        using (var huge = await _gateway.Http.SendAsync(Sse.Post("/v1/route", Body(new string('x', 200_000)))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Equal("request_too_large", (await JsonAsync(huge)).GetProperty("error").GetProperty("code").GetString());
        }

        var deep = new StringBuilder("""{"messages":[{"role":"user","content":"x","extra":""");
        deep.Append('[', 5000).Append(']', 5000).Append("}]}");
        using (var nested = await _gateway.Http.SendAsync(Sse.Post("/v1/route", deep.ToString())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        }

        // A pattern-hostile prompt is just a prompt: the rules' regexes run with a timeout.
        var e = await ExplainAsync(_gateway, Body(new string('a', 30_000) + "!"));
        Assert.Equal("classified", e.GetProperty("tier").GetString());
    }
}
