using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>
/// The loop guard through the real gateway: recorded agent transcripts (Data/LoopGuard) sent step by
/// step with the official OpenAI SDK and raw HTTP, checking the level, the message the upstream got,
/// that the breaker never reaches the upstream, the X-Router-Loop header and the request log.
/// </summary>
public sealed class LoopGuardTests
{
    private const string Marker = "[Majordomo loop guard]";

    /// <summary>The standard config plus routes with their own loopDetection sections.</summary>
    private static readonly string Config = Configs.Standard.Replace(
        "\"routes\": {",
        """
        "routes": {
            "strict": { "chain": ["up/a"], "loopDetection": { "historySize": 6, "warningThreshold": 2, "criticalThreshold": 3, "circuitBreakerThreshold": 4 } },
            "unguarded": { "chain": ["up/a"], "loopDetection": { "enabled": false } },
            "pollonly": { "chain": ["up/a"], "loopDetection": { "detectors": { "genericRepeat": false, "pingPong": false } } },
        """,
        StringComparison.Ordinal);

    [Theory]
    [InlineData(6, null, null)]
    [InlineData(7, "warning;repeat=5", "You are repeating yourself")]
    [InlineData(11, "warning;repeat=9", "You are repeating yourself")]
    [InlineData(12, "critical;repeat=10", "STOP")]
    [InlineData(16, "critical;repeat=14", "STOP")]
    public async Task CompleteChat_NpmTestLoop_TriggersExactLevelAndInjectsSystemMessage(int calls, string? header, string? text)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var transcript = LoopTranscript.Load("openai-npm-test-loop");

        var result = await gateway.ChatClient("default").CompleteChatAsync(transcript.OpenAIMessages(calls));

        Assert.Equal(header, Header(result.GetRawResponse(), "X-Router-Loop"));
        var received = Assert.Single(upstream.Received);
        var last = LoopTranscript.LastMessage(received.Body);
        var sent = transcript.Upto(calls)["messages"]!.AsArray().Count;
        using var doc = received.Json();
        if (text is null)
        {
            Assert.Equal("tool", last.GetProperty("role").GetString());
            Assert.Equal(sent, doc.RootElement.GetProperty("messages").GetArrayLength());
        }
        else
        {
            Assert.Equal("system", last.GetProperty("role").GetString());
            var content = last.GetProperty("content").GetString()!;
            Assert.StartsWith(Marker, content, StringComparison.Ordinal);
            Assert.Contains(text, content, StringComparison.Ordinal);
            Assert.Contains($"your last {header![(header!.IndexOf('=') + 1)..]} tool calls (most recently '", content, StringComparison.Ordinal);
            Assert.Equal(sent + 1, doc.RootElement.GetProperty("messages").GetArrayLength());
        }
    }

    [Fact]
    public async Task CompleteChat_NpmTestLoopAtBreaker_Refuses400WithoutCallingUpstream()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var transcript = LoopTranscript.Load("openai-npm-test-loop");
        var client = gateway.ChatClient("default");
        await client.CompleteChatAsync(transcript.OpenAIMessages(16));
        Assert.Single(upstream.Received);

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync(transcript.OpenAIMessages(17)));

        Assert.Equal(400, ex.Status);
        var response = ex.GetRawResponse()!;
        Assert.Equal("breaker;repeat=15", Header(response, "X-Router-Loop"));
        Assert.Equal("false", Header(response, "x-should-retry"));
        using var error = JsonDocument.Parse(response.Content.ToString());
        Assert.Equal("loop_detected", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("refused without calling a model", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(upstream.Received);
    }

    [Theory]
    [InlineData("openai-job-poll-no-progress", 5, null)]
    [InlineData("openai-job-poll-no-progress", 6, "warning;poll=5")]
    [InlineData("openai-job-poll-no-progress", 11, "critical;poll=10")]
    [InlineData("openai-read-write-pingpong", 4, null)]
    [InlineData("openai-read-write-pingpong", 5, "warning;pingpong=5")]
    [InlineData("openai-read-write-pingpong", 10, "critical;pingpong=10")]
    public async Task Post_LoopTranscripts_HeaderNamesDetectorAndCount(string name, int calls, string? expected)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", LoopTranscript.Load(name).Body(calls)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Header(response, "X-Router-Loop"));
        var upstreamBody = upstream.Received.Single().BodyText;
        Assert.Equal(expected is not null, upstreamBody.Contains(Marker, StringComparison.Ordinal));
        if (expected is not null)
        {
            var tool = name.Contains("poll", StringComparison.Ordinal) ? "get_job_status" : calls % 2 == 0 ? "write_file" : "read_file";
            Assert.Contains($"(most recently '{tool}')", upstreamBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("anthropic-npm-test-loop", 6, null)]
    [InlineData("anthropic-npm-test-loop", 7, "warning;repeat=5")]
    [InlineData("anthropic-job-poll-no-progress", 6, "warning;poll=5")]
    [InlineData("anthropic-job-poll-no-progress", 11, "critical;poll=10")]
    [InlineData("anthropic-read-write-pingpong", 5, "warning;pingpong=5")]
    [InlineData("anthropic-read-write-pingpong", 10, "critical;pingpong=10")]
    [InlineData("anthropic-near-miss-same-tool-different-args", 12, null)]
    [InlineData("anthropic-near-miss-poll-progress", 12, null)]
    public async Task PostMessages_AnthropicTranscripts_SameLevelsAsOpenAI(string name, int calls, string? expected)
    {
        // Tool results alternate between a string and a list of text blocks with the same text:
        // both forms must count as the same result.
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/messages", LoopTranscript.Load(name).Body(calls)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Header(response, "X-Router-Loop"));
        Assert.Equal(expected is not null, upstream.Received.Single().BodyText.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessages_AnthropicPollAtBreaker_Refuses400InAnthropicShape()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/messages", LoopTranscript.Load("anthropic-job-poll-no-progress").Body(16)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("breaker;poll=15", Header(response, "X-Router-Loop"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", doc.RootElement.GetProperty("type").GetString());
        Assert.Contains("loop", doc.RootElement.GetProperty("error").GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(upstream.Received);
    }

    [Theory]
    [InlineData("openai-job-poll-no-progress", 16, "breaker;poll=15")]
    [InlineData("openai-read-write-pingpong", 15, "breaker;pingpong=15")]
    [InlineData("openai-read-write-pingpong", 20, "breaker;pingpong=20")]
    public async Task Post_LoopAtBreaker_NeverCallsUpstream(string name, int calls, string expected)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", LoopTranscript.Load(name).Body(calls)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, Header(response, "X-Router-Loop"));
        Assert.Empty(upstream.Received);
    }

    [Theory]
    [InlineData("openai-near-miss-same-tool-different-args")]
    [InlineData("openai-near-miss-poll-progress")]
    [InlineData("openai-near-miss-distinct-calls")]
    public async Task CompleteChat_NearMisses_TriggerNothingAtAnyStep(string name)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var transcript = LoopTranscript.Load(name);
        var client = gateway.ChatClient("default");

        for (var calls = 1; calls <= transcript.Calls; calls++)
        {
            var result = await client.CompleteChatAsync(transcript.OpenAIMessages(calls));
            Assert.Null(Header(result.GetRawResponse(), "X-Router-Loop"));
        }

        Assert.Equal(transcript.Calls, upstream.Received.Count);
        Assert.DoesNotContain(upstream.Received, r => r.BodyText.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_StreamingLoopWarning_InjectsAndStreams()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var body = LoopTranscript.Load("openai-job-poll-no-progress").Upto(7);
        body["stream"] = true;

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", body.ToJsonString(), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("warning;poll=6", Header(response, "X-Router-Loop"));
        Assert.Equal("[DONE]", events[^1]);
        Assert.Equal("system", LoopTranscript.LastMessage(upstream.Received.Single().Body).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("strict", 3, 200, "warning;poll=2")]
    [InlineData("strict", 4, 200, "critical;poll=3")]
    [InlineData("strict", 5, 400, "breaker;poll=4")]
    [InlineData("unguarded", 20, 200, null)]
    [InlineData("pollonly", 11, 200, "critical;poll=10")]
    public async Task Post_RouteLoopDetection_OverridesGlobalSettings(string route, int calls, int status, string? expected)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", LoopTranscript.Load("openai-job-poll-no-progress").Body(calls, route)));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(expected, Header(response, "X-Router-Loop"));
    }

    [Fact]
    public async Task Post_PingPongOnPollOnlyRoute_IsNotDetected()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", LoopTranscript.Load("openai-read-write-pingpong").Body(20, "pollonly")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "X-Router-Loop"));
    }

    [Fact]
    public async Task Post_LoopLevels_RecordedInRequestLogAndSessionState_ClearedOnProgress()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var transcript = LoopTranscript.Load("openai-job-poll-no-progress");
        var ids = new List<string>();
        foreach (var calls in new[] { 3, 6, 11, 16 })
        {
            using var request = Sse.Post("/v1/chat/completions", transcript.Body(calls));
            request.Headers.Add("X-Router-Session", "agent-7");
            using var response = await gateway.Http.SendAsync(request);
            ids.Add(Header(response, "X-Request-Id")!);
        }

        await WaitForAsync(() => SessionLevel(gateway, "agent-7") == "breaker");

        // The user steps in: a new user turn is progress, the session's loop state is cleared.
        var progressed = transcript.Upto(16);
        progressed["messages"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["role"] = "user", ["content"] = "Stop polling; the runner pool is down. Open a ticket instead." });
        using (var request = Sse.Post("/v1/chat/completions", progressed.ToJsonString()))
        {
            request.Headers.Add("X-Router-Session", "agent-7");
            using var response = await gateway.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(Header(response, "X-Router-Loop"));
        }

        await gateway.StopAsync();
        Assert.Null(SessionLevel(gateway, "agent-7"));
        using var connection = new SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly");
        connection.Open();
        var loops = ids.Select(id =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT loop, status, error_code FROM requests WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }).ToList();
        Assert.Equal(
            [(null, 200, null), ("warning;poll=5", 200, null), ("critical;poll=10", 200, null), ("breaker;poll=15", 400, "loop_detected")],
            loops);
    }

    [Fact]
    public async Task Gateway_Restart_KeepsSessionLoopState()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        using (var request = Sse.Post("/v1/chat/completions", LoopTranscript.Load("openai-read-write-pingpong").Body(11)))
        {
            request.Headers.Add("X-Router-Session", "s-restart");
            using var response = await gateway.Http.SendAsync(request);
            Assert.Equal("critical;pingpong=11", Header(response, "X-Router-Loop"));
        }

        await gateway.StopAsync();

        // What a restarted gateway loads from the same store before its first request.
        var states = new Majordomo.LoopGuard.LoopStateStore(
            new Majordomo.Storage.Sqlite.SqliteLoopSessionStore(new Majordomo.Storage.Sqlite.SqliteStore(gateway.StorePath)), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Majordomo.LoopGuard.LoopStateStore>.Instance);
        states.Load();
        var state = states.Get("s-restart");
        Assert.NotNull(state);
        Assert.Equal(Majordomo.LoopGuard.LoopLevel.Critical, state.Level);
        Assert.Equal("pingPong", state.Detector);
        Assert.Equal(11, state.Count);
    }

    [Theory]
    [InlineData("""{"role":"assistant","tool_calls":"not an array"}""")]
    [InlineData("""{"role":"assistant","tool_calls":[7, null, {"id":5,"function":"x"}, {"function":{"name":["a"],"arguments":{"path":"a"}}}]}""")]
    [InlineData("""{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"run","arguments":"{not json at all"}}]}""")]
    [InlineData("""{"role":"tool","tool_call_id":{"x":1},"content":[1,2,{"type":"text"}]}""")]
    [InlineData("""{"role":"tool","content":"orphan result"}""")]
    public async Task Post_MalformedToolMessages_NeverCrash(string message)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var messages = string.Join(",", Enumerable.Repeat(message, 20));

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", $$"""{"model":"default","messages":[{"role":"user","content":"go"},{{messages}}]}"""));

        // Answered, refused as a loop (twenty identical unanswered calls are one) or, when a field has the
        // wrong type, refused as the client's fault — a 400 either way, never a crash.
        Assert.Contains((int)response.StatusCode, new[] { 200, 400 });
        Assert.Equal((int)response.StatusCode == 200, upstream.Received.Count == 1);
        using var next = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"default","messages":[{"role":"user","content":"still alive?"}]}"""));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Post_HugeRepeatedArguments_DetectedWithoutCrashing()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var content = JsonSerializer.Serialize(new string('x', 1_000_000) + "\"quoted\"\n");
        var arguments = JsonSerializer.Serialize($$"""{"path":"big.txt","content":{{content}}}""");
        var sb = new StringBuilder("""{"model":"default","messages":[{"role":"user","content":"write it"}""");
        for (var i = 0; i < 6; i++)
        {
            sb.Append($$$""",{"role":"assistant","tool_calls":[{"id":"c{{{i}}}","type":"function","function":{"name":"write_file","arguments":{{{arguments}}}}}]},{"role":"tool","tool_call_id":"c{{{i}}}","content":"disk full"}""");
        }

        sb.Append("]}");

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", sb.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("warning;poll=6", Header(response, "X-Router-Loop"));
    }

    private static string? SessionLevel(TestGateway gateway, string session)
    {
        using var connection = new SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT level FROM loop_sessions WHERE session = $s";
        command.Parameters.AddWithValue("$s", session);
        return command.ExecuteScalar() as string;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    private static string? Header(System.ClientModel.Primitives.PipelineResponse response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
