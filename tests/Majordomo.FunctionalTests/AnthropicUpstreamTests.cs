using System.ClientModel;
using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>The official OpenAI SDK against an Anthropic-protocol upstream, through the real gateway.</summary>
public sealed class AnthropicUpstreamTests : GatewayTest
{
    protected override string Config => AnthropicConfigs.Mixed;

    private static readonly ChatTool WeatherTool = ChatTool.CreateFunctionTool(
        "get_weather", "Weather for a city", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));

    [Fact]
    public async Task CompleteChat_AnthropicUpstream_TranslatesRequestAnswerAndUsage()
    {
        Upstream.Script("claude-x", new Scenario.Ok("Bonjour"));
        var client = Gateway.ChatClient("anth/claude");
        var options = new ChatCompletionOptions { Temperature = 0.5f, StopSequences = { "END" }, EndUserId = "user-7" };

        ClientResult<ChatCompletion> result = await client.CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage("Say hello")], options);

        Assert.Equal("Bonjour", result.Value.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.Equal(11, result.Value.Usage.InputTokenCount);
        Assert.Equal(7, result.Value.Usage.OutputTokenCount);
        Assert.True(result.GetRawResponse().Headers.TryGetValue("X-Router-Model", out var model));
        Assert.Equal("anth/claude", model);

        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/messages", received.Path);
        Assert.Equal("sk-ant-test-one", received.Headers["x-api-key"]);
        Assert.Equal("2023-06-01", received.Headers["anthropic-version"]);
        Assert.Null(received.Authorization);
        var root = received.Json().RootElement;
        Assert.Equal("claude-x", root.GetProperty("model").GetString());
        Assert.Equal("Be brief.", root.GetProperty("system").GetString());
        Assert.Equal(4096, root.GetProperty("max_tokens").GetInt32());
        Assert.Equal("END", root.GetProperty("stop_sequences")[0].GetString());
        Assert.Equal(0.5, root.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal("user-7", root.GetProperty("metadata").GetProperty("user_id").GetString());
        Assert.Equal("user", Assert.Single(root.GetProperty("messages").EnumerateArray()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task BigAnswer_OfTheOtherProtocol_IsRefusedAboveTheTranslationCap_NextEntryAnswers()
    {
        // 20 MB of text: more than translation may hold (16 MB), far less than a same-protocol answer may be (64 MB).
        Upstream.Script("claude-x", new Scenario.Ok(new string('x', 20 * 1024 * 1024)));

        // To a client of its own protocol the answer is forwarded whole.
        using var anthropic = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", """{"model":"anth/claude","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, anthropic.StatusCode);
        Assert.True((await anthropic.Content.ReadAsByteArrayAsync()).Length > 20 * 1024 * 1024);

        using var openAI = await Gateway.Http.PostAsync("/v1/chat/completions", new StringContent("""{"model":"default","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, openAI.StatusCode);
        Assert.Equal("up/a", Sse.Header(openAI, "X-Router-Model"));
    }

    [Fact]
    public async Task CompleteChat_ModelWithMaxOutputTokens_SendsItWhenTheClientGivesNone()
    {
        await Gateway.ChatClient("anth/limited").CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.Equal(1234, Upstream.Received.Single().Json().RootElement.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task CompleteChatStreaming_AnthropicUpstream_StreamsTranslatedChunks()
    {
        Upstream.Script("claude-x", new Scenario.Ok("The quick brown fox jumps", Chunks: 5));
        var client = Gateway.ChatClient("anth/claude");

        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        var updates = 0;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("go")], new ChatCompletionOptions()))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal("The quick brown fox jumps", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal(11, usage!.InputTokenCount); // the SDK always asks for usage
        Assert.Equal(7, usage.OutputTokenCount);
        Assert.True(updates >= 6);
        Assert.True(Upstream.Received.Single().Json().RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task CompleteChatStreaming_ClientAsksForUsage_GetsTheAnthropicCounts()
    {
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions",
            """{"model":"anth/claude","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("[DONE]", events[^1]);
        var usage = JsonDocument.Parse(events[^2]).RootElement.GetProperty("usage");
        Assert.Equal(11, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(7, usage.GetProperty("completion_tokens").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CompleteChat_ToolRoundTripThroughAnthropicUpstream_Survives(bool stream)
    {
        Upstream.Script("claude-x", new Scenario.ToolCall("get_weather", """{"city":"Oslo"}""", "toolu_01"), new Scenario.Ok("It is 3C in Oslo."));
        var client = Gateway.ChatClient("anth/claude");
        var options = new ChatCompletionOptions { Tools = { WeatherTool }, ToolChoice = ChatToolChoice.CreateAutoChoice() };
        List<ChatMessage> messages = [new UserChatMessage("Weather in Oslo?")];

        var (toolCallId, name, arguments, text) = stream ? await StreamToolCallAsync(client, messages, options) : await ToolCallAsync(client, messages, options);
        Assert.Equal("toolu_01", toolCallId);
        Assert.Equal("get_weather", name);
        Assert.Equal("Oslo", JsonDocument.Parse(arguments).RootElement.GetProperty("city").GetString());
        Assert.Equal("Let me check.", text);

        messages.Add(new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall(toolCallId, name, BinaryData.FromString(arguments))]));
        messages.Add(new ToolChatMessage(toolCallId, "3C, cloudy"));
        ClientResult<ChatCompletion> answer = await client.CompleteChatAsync(messages, options);

        Assert.Equal("It is 3C in Oslo.", answer.Value.Content[0].Text);
        var first = Upstream.Received[0].Json().RootElement;
        var tool = Assert.Single(first.GetProperty("tools").EnumerateArray());
        Assert.Equal("get_weather", tool.GetProperty("name").GetString());
        Assert.Equal("city", tool.GetProperty("input_schema").GetProperty("required")[0].GetString());
        Assert.Equal("auto", first.GetProperty("tool_choice").GetProperty("type").GetString());
        var second = Upstream.Received[1].Json().RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["user", "assistant", "user"], second.Select(m => m.GetProperty("role").GetString()!).ToArray());
        var use = Assert.Single(second[1].GetProperty("content").EnumerateArray());
        Assert.Equal("tool_use", use.GetProperty("type").GetString());
        Assert.Equal("toolu_01", use.GetProperty("id").GetString());
        Assert.Equal("Oslo", use.GetProperty("input").GetProperty("city").GetString());
        var result = Assert.Single(second[2].GetProperty("content").EnumerateArray());
        Assert.Equal("tool_result", result.GetProperty("type").GetString());
        Assert.Equal("toolu_01", result.GetProperty("tool_use_id").GetString());
        Assert.Equal("3C, cloudy", result.GetProperty("content").GetString());
    }

    private static async Task<(string Id, string Name, string Arguments, string Text)> ToolCallAsync(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options)
    {
        ClientResult<ChatCompletion> result = await client.CompleteChatAsync(messages, options);
        Assert.Equal(ChatFinishReason.ToolCalls, result.Value.FinishReason);
        var call = Assert.Single(result.Value.ToolCalls);
        return (call.Id, call.FunctionName, call.FunctionArguments.ToString(), result.Value.Content[0].Text);
    }

    private static async Task<(string Id, string Name, string Arguments, string Text)> StreamToolCallAsync(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options)
    {
        string? id = null, name = null;
        var arguments = new System.Text.StringBuilder();
        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync(messages, options))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            foreach (var call in update.ToolCallUpdates)
            {
                Assert.Equal(0, call.Index);
                id ??= call.ToolCallId;
                name ??= call.FunctionName;
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        Assert.Equal(ChatFinishReason.ToolCalls, finish);
        return (id!, name!, arguments.ToString(), text.ToString());
    }

    [Fact]
    public async Task CompleteChat_AnthropicOverloaded529_FallsBackToTheNextEntry()
    {
        Upstream.Script("claude-x", new Scenario.Status(529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));

        ClientResult<ChatCompletion> result = await Gateway.ChatClient("default").CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.Equal("Hello from a", result.Value.Content[0].Text);
        Assert.True(result.GetRawResponse().Headers.TryGetValue("X-Router-Attempts", out var attempts));
        Assert.Equal("2", attempts);
    }

    [Fact]
    public async Task CompleteChat_AnthropicRejectsRequest_ClientGetsAnOpenAIShapedError()
    {
        Upstream.Script("claude-x", new Scenario.Status(400, """{"type":"error","error":{"type":"invalid_request_error","message":"messages: roles must alternate"}}"""));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"anth/claude","messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(root.TryGetProperty("type", out _));
        Assert.Equal("messages: roles must alternate", root.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", root.GetProperty("error").GetProperty("type").GetString());
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task CompleteChat_UntranslatableRequest_Is400NamingWhy()
    {
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"anth/claude","n":3,"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains("'n' > 1", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("untranslatable_request", error.GetProperty("code").GetString());
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Stream_AnthropicErrorEventMidStream_EndsWithAnOpenAIErrorAndNoFallback()
    {
        Upstream.Script("claude-x", new Scenario.ErrorEventAfterChunks(2));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"default","stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.DoesNotContain("[DONE]", events);
        Assert.Contains(events, e => e.Contains("chunk1", StringComparison.Ordinal));
        Assert.Contains("overloaded_error", events.First(e => e.StartsWith("{\"error\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task Stream_AnthropicErrorEventBeforeAnyContent_FallsBackSilently()
    {
        Upstream.Script("claude-x", new Scenario.RawStream("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"default","stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("[DONE]", events[^1]);
        var text = string.Concat(events.SkipLast(1).Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var c) ? c.GetString() : ""));
        Assert.Equal("Hello from a", text);
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task Stream_AnthropicUpstreamTruncated_EndsWithErrorEvent()
    {
        Upstream.Script("claude-x", new Scenario.TruncateAfterChunks(2));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"anth/claude","stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.DoesNotContain("[DONE]", events);
        Assert.Contains("upstream_stream_truncated", events[^1], StringComparison.Ordinal);
    }
}
