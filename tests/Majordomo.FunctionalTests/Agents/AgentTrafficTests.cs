using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Majordomo.FunctionalTests.Agents;

/// <summary>
/// Request bodies captured from the real clients (Fixtures/Agents: OpenClaw 2026.9.6 over both provider
/// apis, Claude Code 2.1.332, Codex 0.171.0) sent through the real gateway: commands, classification,
/// loop guard, heartbeat source and translation see the user's own words (SPEC §1.10), and what goes
/// upstream is what the client sent.
/// </summary>
public sealed class AgentTrafficTests
{
    [Theory]
    [InlineData("openclaw-openai-use")]
    [InlineData("openclaw-anthropic-use")]
    public async Task Post_OpenClawUse_PinsTheSessionWithoutCallingAModel(string fixture)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);
        var captured = AgentFixture.Load(fixture);

        using var response = await gateway.Http.SendAsync(captured.Request("default"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("self", Header(response, "X-Router-Tier"));
        Assert.Contains("Pinned this session to alias", text, StringComparison.Ordinal);
        Assert.Contains("sonnet", text, StringComparison.Ordinal);
        Assert.Empty(upstream.Received);

        // The session the pin was stored under (derived: OpenClaw sends no X-Router-Session) is in the log.
        var id = Header(response, "X-Request-Id")!;
        await gateway.StopAsync();
        Assert.StartsWith("h-", Column(gateway, id, "session"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openclaw-openai-status")]
    [InlineData("openclaw-anthropic-status")]
    public async Task Post_OpenClawStatus_AnsweredByTheRouter(string fixture)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);

        using var response = await gateway.Http.SendAsync(AgentFixture.Load(fixture).Request("default"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Majordomo status", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(upstream.Received);
    }

    [Theory]
    [InlineData("openclaw-openai-plain", "/v1/route")]
    [InlineData("openclaw-anthropic-plain", "/v1/route")]
    [InlineData("claude-code-plain", "/v1/route")]
    public async Task Route_AgentPlainTurn_ClassifiedFromTheUsersWords(string fixture, string path)
    {
        // "Say hello in five words." alone is simple/conversation; the agent's 26-50 KB system prompt,
        // its tools and its bookkeeping message must not change that.
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post(path, AgentFixture.Load(fixture).Json("auto")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var classification = doc.RootElement.GetProperty("classification");
        Assert.Equal("conversation", classification.GetProperty("taskType").GetString());
        Assert.Equal("simple", classification.GetProperty("complexity").GetString());
    }

    [Theory]
    [InlineData("claude-code-image-tool-result")]
    [InlineData("claude-code-plain")]
    [InlineData("claude-code-tool-result")]
    [InlineData("codex-plain")]
    [InlineData("openclaw-anthropic-image-tool-result")]
    [InlineData("openclaw-anthropic-plain")]
    [InlineData("openclaw-anthropic-status")]
    [InlineData("openclaw-anthropic-tool-loop")]
    [InlineData("openclaw-anthropic-use")]
    [InlineData("openclaw-openai-heartbeat")]
    [InlineData("openclaw-openai-image-tool-result")]
    [InlineData("openclaw-openai-plain")]
    [InlineData("openclaw-openai-status")]
    [InlineData("openclaw-openai-tool-loop")]
    [InlineData("openclaw-openai-use")]
    public async Task Route_AgentEnvelope_NotSensitive(string fixture)
    {
        // No captured request carries a secret: the agents' system prompts, runtime lines (OpenClaw's
        // sessionId=<uuid>), tool schemas and bookkeeping must not send every request to a local model.
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/route", AgentFixture.Load(fixture).Json("auto")));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        Assert.False(doc.RootElement.GetProperty("classification").GetProperty("sensitive").GetBoolean(), text);
    }

    [Theory]
    [InlineData("openclaw-openai-tool-loop", "/v1/chat/completions")]
    [InlineData("openclaw-anthropic-tool-loop", "/v1/messages")]
    public async Task Post_OpenClawToolLoop_GuardSeesThroughTheBookkeepingMessage(string fixture, string path)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);
        var captured = AgentFixture.Load(fixture);

        using var warned = await gateway.Http.SendAsync(Sse.Post(path, captured.LoopBody(6, "default")));
        using var refused = await gateway.Http.SendAsync(Sse.Post(path, captured.LoopBody(16, "default")));
        using var bare = await gateway.Http.SendAsync(Sse.Post(path, captured.LoopBody(16, "default", dropBookkeeping: true)));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Equal("warning;poll=6", Header(warned, "X-Router-Loop"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("breaker;poll=16", Header(refused, "X-Router-Loop"));
        var error = await refused.Content.ReadAsStringAsync();
        Assert.Contains("loop_detected", error, StringComparison.Ordinal);
        Assert.Contains("Majordomo stopped a tool loop", error, StringComparison.Ordinal);
        Assert.Contains("'read'", error, StringComparison.Ordinal);
        Assert.Equal(Header(refused, "X-Router-Loop"), Header(bare, "X-Router-Loop"));
        Assert.Single(upstream.Received);
    }

    [Fact]
    public async Task Post_OpenClawHeartbeat_LoggedAsHeartbeatSourceUnlessAHeaderSaysOtherwise()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);
        var captured = AgentFixture.Load("openclaw-openai-heartbeat");
        var plain = AgentFixture.Load("openclaw-openai-plain");

        using var heartbeat = await gateway.Http.SendAsync(captured.Request("heartbeat"));
        var overridden = captured.Request("heartbeat");
        overridden.Headers.Add("X-Router-Source", "cron");
        using var withHeader = await gateway.Http.SendAsync(overridden);
        using var user = await gateway.Http.SendAsync(plain.Request("default"));
        var ids = new[] { heartbeat, withHeader, user }.Select(r => Header(r, "X-Request-Id")!).ToArray();
        await gateway.StopAsync();

        Assert.Equal(new string?[] { "heartbeat", "cron", null }, ids.Select(id => Column(gateway, id, "source")).ToArray());
    }

    [Fact]
    public async Task PostMessages_ClaudeCodeBody_ForwardedAsSentToAnAnthropicUpstream()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);
        var captured = AgentFixture.Load("claude-code-plain");
        Assert.StartsWith("/v1/messages?beta=true", captured.Path, StringComparison.Ordinal);

        using var response = await gateway.Http.SendAsync(captured.Request("anthropic"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var sent = JsonDocument.Parse(captured.Json("claude-x"));
        using var got = upstream.Received.Single().Json();
        Assert.Equal("system", got.RootElement.GetProperty("messages")[1].GetProperty("role").GetString());
        foreach (var field in new[] { "messages", "system", "tools", "thinking", "context_management", "output_config", "metadata" })
        {
            Assert.Equal(sent.RootElement.GetProperty(field).GetRawText(), got.RootElement.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task PostMessages_ClaudeCodeBody_TranslatedForAnOpenAIUpstream()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);

        using var response = await gateway.Http.SendAsync(AgentFixture.Load("claude-code-plain").Request("default"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var got = upstream.Received.Single().Json();
        var messages = got.RootElement.GetProperty("messages");
        Assert.Equal(new[] { "system", "user", "system" }, messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()!).ToArray());
        Assert.Contains("# Environment", messages[2].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Say hello in five words.", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        foreach (var dropped in new[] { "thinking", "context_management", "output_config", "metadata" })
        {
            Assert.False(got.RootElement.TryGetProperty(dropped, out _), dropped);
        }

        Assert.DoesNotContain("defer_loading", got.RootElement.GetProperty("tools").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessages_OpenClawImageToolResult_ReachesAnOpenAIUpstreamAsAFollowingUserMessage()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);

        using var response = await gateway.Http.SendAsync(AgentFixture.Load("openclaw-anthropic-image-tool-result").Request("default"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var got = upstream.Received.Single().Json();
        var messages = got.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var tool = messages.FindIndex(m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("Read image file [image/png]", messages[tool].GetProperty("content").GetString(), StringComparison.Ordinal);
        var images = messages[tool + 1];
        Assert.Equal("user", images.GetProperty("role").GetString());
        Assert.Equal("Image(s) from tool result #1 (toolu0):", images.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.StartsWith("data:image/png;base64,iVBOR", images.GetProperty("content")[1].GetProperty("image_url").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetModels_EntriesCarryContextLengthAndMaxOutputTokens()
    {
        // OpenClaw users copy these into contextWindow / maxTokens instead of guessing.
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AgentConfigs.Gateway, upstream);

        using var doc = JsonDocument.Parse(await gateway.Http.GetStringAsync("/v1/models"));

        var entries = doc.RootElement.GetProperty("data").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        foreach (var (id, context, output) in new[] { ("anthropic", 200000, 64000), ("sonnet", 200000, 64000), ("anth/claude", 200000, 64000), ("default", 128000, 8192) })
        {
            Assert.Equal(context, entries[id].GetProperty("context_length").GetInt32());
            Assert.Equal(output, entries[id].GetProperty("max_output_tokens").GetInt32());
        }

        Assert.Equal(128000, entries["up/small"].GetProperty("context_length").GetInt32());
        Assert.False(entries["up/small"].TryGetProperty("max_output_tokens", out _));
        Assert.False(entries["auto"].TryGetProperty("context_length", out _));
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;

    internal static string? Column(TestGateway gateway, string requestId, string column)
    {
        using var connection = new SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", requestId);
        return command.ExecuteScalar() is string s ? s : null;
    }
}
