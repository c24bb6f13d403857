using System.ClientModel;
using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;
using static Majordomo.FunctionalTests.Routing.RoutingHttp;

namespace Majordomo.FunctionalTests.Routing;

/// <summary>Session pins (SPEC §1.1): <c>/use</c>, <c>/use default</c>, <c>/status</c>, persistence, background sources.</summary>
public sealed class SessionTests : IAsyncLifetime
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

    [Fact]
    public async Task Use_NonStream_RouterAnswersItselfAndPinsTheDerivedSession()
    {
        var client = _gateway.ChatClient("auto");

        ClientResult<ChatCompletion> pinned = await client.CompleteChatAsync([new SystemChatMessage("You are helpful."), new UserChatMessage("/use big")]);

        Assert.Contains("'big'", pinned.Value.Content[0].Text, StringComparison.Ordinal);
        Assert.Contains("cloud/big", pinned.Value.Content[0].Text, StringComparison.Ordinal);
        Assert.Equal("majordomo", pinned.Value.Model);
        var raw = pinned.GetRawResponse();
        Assert.Equal("self", raw.Headers.TryGetValue("X-Router-Tier", out var tier) ? tier : null);
        Assert.Equal("0", raw.Headers.TryGetValue("X-Router-Attempts", out var attempts) ? attempts : null);
        Assert.Empty(_upstream.Received);

        // The same conversation continues: same system prompt and first user message → same derived session.
        ClientResult<ChatCompletion> next = await client.CompleteChatAsync(
            [new SystemChatMessage("You are helpful."), new UserChatMessage("/use big"), new AssistantChatMessage(pinned.Value.Content[0].Text), new UserChatMessage("Now a question")]);

        Assert.Equal("cloud/big", next.GetRawResponse().Headers.TryGetValue("X-Router-Model", out var model) ? model : null);
        Assert.Equal("alias", next.GetRawResponse().Headers.TryGetValue("X-Router-Tier", out var t2) ? t2 : null);
        Assert.Equal("big", Assert.Single(_upstream.Received).Model);

        // Another conversation is not pinned.
        ClientResult<ChatCompletion> other = await client.CompleteChatAsync([new UserChatMessage("Hello there")]);
        Assert.Equal("loc/coder", other.GetRawResponse().Headers.TryGetValue("X-Router-Model", out var m3) ? m3 : null);
    }

    [Fact]
    public async Task Use_Stream_AnswersWithChunksAndDone()
    {
        var client = _gateway.ChatClient("auto");
        var text = "";
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("/use fixed")]))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
        }

        Assert.Contains("route 'fixed'", text, StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);

        using var raw = await _gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"auto","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"/status"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(raw);
        Assert.StartsWith("text/event-stream", raw.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("[DONE]", events[^1]);
        Assert.Equal(4, events.Count); // content, finish, usage, [DONE]
        using var usage = JsonDocument.Parse(events[2]);
        Assert.Equal(0, usage.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task UseDefault_ClearsThePin_StatusReportsIt()
    {
        (string, string) session = ("X-Router-Session", "s-clear");
        using (var use = await ChatAsync(_gateway, Body("/use lan/box"), session))
        {
            Assert.Equal(HttpStatusCode.OK, use.StatusCode);
        }

        using (var pinned = await ChatAsync(_gateway, Body("hi"), session))
        {
            Assert.Equal(("lan/box", "direct"), (Header(pinned, "X-Router-Model"), Header(pinned, "X-Router-Tier")));
        }

        using (var status = await ChatAsync(_gateway, Body("/status"), session))
        {
            var text = (await JsonAsync(status)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            Assert.Contains("Session: s-clear", text, StringComparison.Ordinal);
            Assert.Contains("Pin: lan/box", text, StringComparison.Ordinal);
            Assert.Contains("Current route: lan/box", text, StringComparison.Ordinal);
            Assert.Contains("Degradation: normal", text, StringComparison.Ordinal);
        }

        using (var clear = await ChatAsync(_gateway, Body("/use default"), session))
        {
            var text = (await JsonAsync(clear)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            Assert.Contains("Pin cleared", text, StringComparison.Ordinal);
        }

        using (var after = await ChatAsync(_gateway, Body("hi"), session))
        {
            Assert.Equal(("loc/coder", "classified"), (Header(after, "X-Router-Model"), Header(after, "X-Router-Tier")));
        }

        using var status2 = await ChatAsync(_gateway, Body("/status"), session);
        var text2 = (await JsonAsync(status2)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        Assert.Contains("Pin: none", text2, StringComparison.Ordinal);
        Assert.Contains("Current route: auto (smart", text2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_BackgroundSources_NeverInheritIt_NamedModelsIgnoreIt()
    {
        (string, string) session = ("X-Router-Session", "s-bg");
        using (await ChatAsync(_gateway, Body("/use big"), session))
        {
        }

        using var user = await ChatAsync(_gateway, Body("hi"), session, ("X-Router-Source", "user"));
        using var heartbeat = await ChatAsync(_gateway, Body("hi"), session, ("X-Router-Source", "heartbeat"));
        using var subagent = await ChatAsync(_gateway, Body("hi"), session, ("X-Router-Source", "subagent"));
        using var named = await ChatAsync(_gateway, Body("hi", model: "fixed"), session);

        Assert.Equal("cloud/big", Header(user, "X-Router-Model"));
        Assert.Equal(("loc/small", "hb"), (Header(heartbeat, "X-Router-Model"), Header(heartbeat, "X-Router-Rule")));
        Assert.Equal(("loc/coder", "classified"), (Header(subagent, "X-Router-Model"), Header(subagent, "X-Router-Tier")));
        Assert.Equal("lan/box", Header(named, "X-Router-Model"));
    }

    [Fact]
    public async Task Use_UnknownTarget_IsAClearErrorNamingValidNames()
    {
        using var response = await ChatAsync(_gateway, Body("/use sonet"), ("X-Router-Session", "s-typo"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("error");
        Assert.Equal("unknown_use_target", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.Contains("'sonet'", message, StringComparison.Ordinal);
        Assert.Contains("big", message, StringComparison.Ordinal);
        Assert.Contains("cloud/mid", message, StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Use_InsideASentence_IsAnOrdinaryMessage()
    {
        using var response = await ChatAsync(_gateway, Body("How do I /use big in the router?"));

        Assert.Equal("loc/coder", Header(response, "X-Router-Model"));
        Assert.Single(_upstream.Received);
    }

    [Fact]
    public async Task Pin_SurvivesAGatewayRestartOnTheSameStore()
    {
        var directory = Path.Combine(Path.GetTempPath(), "majordomo-ft-pin-" + Guid.NewGuid().ToString("N")[..8]);
        var config = SmartConfigs.Build();
        try
        {
            var first = await RoutingHttp.StartAsync(config, _upstream, new ScriptedGate(), new SettableDegradation(), directory);
            first.DeleteDirectoryOnDispose = false;
            await using (first)
            {
                using var use = await ChatAsync(first, Body("/use cloud/mid"), ("X-Router-Session", "s-restart"));
                Assert.Equal(HttpStatusCode.OK, use.StatusCode);
            }

            await using var second = await RoutingHttp.StartAsync(config, _upstream, new ScriptedGate(), new SettableDegradation(), directory);
            using var after = await ChatAsync(second, Body("hi"), ("X-Router-Session", "s-restart"));
            Assert.Equal(("cloud/mid", "direct"), (Header(after, "X-Router-Model"), Header(after, "X-Router-Tier")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

/// <summary><c>commands.enabled: false</c>: <c>/use</c> is an ordinary message.</summary>
public sealed class CommandsDisabledTests : IAsyncLifetime
{
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await RoutingHttp.StartAsync(SmartConfigs.Build(extra: """ "commands": { "enabled": false }, """), _upstream, new ScriptedGate(), new SettableDegradation());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Use_CommandsDisabled_GoesToAModel()
    {
        using var response = await ChatAsync(_gateway, Body("/use big"), ("X-Router-Session", "s"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("loc/coder", Header(response, "X-Router-Model"));
        Assert.Single(_upstream.Received);
    }
}
