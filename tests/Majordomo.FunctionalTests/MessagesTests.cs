using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary><c>POST /v1/messages</c> driven by the official Anthropic SDK, answered by both protocols' upstreams.</summary>
public sealed class MessagesTests : GatewayTest
{
    protected override string Config => AnthropicConfigs.Mixed;

    private AnthropicClient Client(string apiKey = "unused") => new() { BaseUrl = Gateway.BaseUrl, ApiKey = apiKey, MaxRetries = 0 };

    private static MessageCreateParams Params(string model, string text, long maxTokens = 256) => new()
    {
        Model = model,
        MaxTokens = maxTokens,
        Messages = [new UserMessageParam(text)],
    };

    private static string TextOf(Message message) =>
        string.Concat(message.Content.Select(b => b.TryPickText(out var t) ? t.Text : ""));

    private static async Task<(string Text, List<string> Types, List<RawMessageStreamEvent> Events)> StreamAsync(AnthropicClient client, MessageCreateParams parameters)
    {
        var text = new StringBuilder();
        var types = new List<string>();
        var events = new List<RawMessageStreamEvent>();
        await foreach (var e in client.Messages.CreateStreaming(parameters))
        {
            events.Add(e);
            types.Add(e.Json.GetProperty("type").GetString()!);
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
            {
                text.Append(t.Text);
            }
        }

        return (text.ToString(), types, events);
    }

    [Theory]
    [InlineData("up/a", "Hello from a", "/v1/chat/completions")]
    [InlineData("anth/claude", "Hello from claude-x", "/v1/messages")]
    public async Task Create_EitherUpstreamProtocol_AnswersInAnthropicShape(string model, string expected, string upstreamPath)
    {
        var message = await Client().Messages.Create(Params(model, "Say hello"));

        Assert.Equal(expected, TextOf(message));
        Assert.Equal(StopReason.EndTurn, message.StopReason!.Value());
        Assert.Equal(11, message.Usage.InputTokens);
        Assert.Equal(7, message.Usage.OutputTokens);
        Assert.Equal(upstreamPath, Assert.Single(Upstream.Received).Path);
    }

    [Theory]
    [InlineData("up/a")]
    [InlineData("anth/claude")]
    public async Task CreateStreaming_EitherUpstreamProtocol_StreamsAnthropicEvents(string model)
    {
        Upstream.Script(model[(model.IndexOf('/') + 1)..] is "claude" ? "claude-x" : "a", new Scenario.Ok("The quick brown fox jumps", Chunks: 5));

        var (text, types, events) = await StreamAsync(Client(), Params(model, "go"));

        Assert.Equal("The quick brown fox jumps", text);
        Assert.Equal("message_start", types[0]);
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], types[^3..]);
        Assert.True(events.Single(e => e.TryPickDelta(out _)).TryPickDelta(out var delta));
        Assert.Equal(7, delta!.Usage.OutputTokens);
        Assert.Equal(StopReason.EndTurn, delta.Delta.StopReason!.Value());
    }

    [Fact]
    public async Task Post_AnthropicUpstream_ForwardsTheClientsBytesWithOnlyModelRewritten()
    {
        const string body = """{"model":"sonnet","max_tokens":99,"system":[{"type":"text","text":"sys","cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":"hi \u00e9"}],"thinking":{"type":"enabled","budget_tokens":1024},"x_vendor":[1,2.50,-0.0],"metadata":{"user_id":"u-1","source":"cron"}}""";
        using var request = Sse.Post("/v1/messages", body);
        request.Headers.Add("anthropic-version", "2099-01-01");
        request.Headers.Add("anthropic-beta", "prompt-caching-2024-07-31");

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(Upstream.Received);
        var expected = body.Replace("\"model\":\"sonnet\"", "\"model\":\"claude-x\"", StringComparison.Ordinal)
            .Replace(",\"source\":\"cron\"", "", StringComparison.Ordinal);
        Assert.Equal(expected, received.BodyText);
        Assert.Equal("sk-ant-test-one", received.Headers["x-api-key"]);
        Assert.Equal("2023-06-01", received.Headers["anthropic-version"]);
        Assert.Equal("prompt-caching-2024-07-31", received.Headers["anthropic-beta"]);
        Assert.Equal("anth/claude", response.Headers.GetValues("X-Router-Model").Single());
        Assert.Equal("alias", response.Headers.GetValues("X-Router-Tier").Single());
        Assert.Equal("1", response.Headers.GetValues("X-Router-Attempts").Single());
        Assert.StartsWith("req_", response.Headers.GetValues("X-Request-Id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_AnthropicUpstream_PassesTheUpstreamsEventsThroughByteForByte()
    {
        var upstreamEvents = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n" +
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" +
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n" +
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n" +
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n" +
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        Upstream.Script("claude-x", new Scenario.RawStream(upstreamEvents));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", """{"model":"anth/claude","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(upstreamEvents, await response.Content.ReadAsStringAsync());
        Assert.StartsWith("text/event-stream", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("up/a", "a", false)]
    [InlineData("up/a", "a", true)]
    [InlineData("anth/claude", "claude-x", false)]
    [InlineData("anth/claude", "claude-x", true)]
    public async Task ToolRoundTrip_EitherUpstreamProtocol_Survives(string model, string upstreamModel, bool stream)
    {
        Upstream.Script(upstreamModel, new Scenario.ToolCall("get_weather", """{"city":"Oslo"}""", "toolu_9"), new Scenario.Ok("It is 3C in Oslo."));
        var client = Client();
        var tool = new Tool
        {
            Name = "get_weather",
            Description = "Weather for a city",
            InputSchema = new InputSchema
            {
                Properties = new Dictionary<string, JsonElement> { ["city"] = JsonDocument.Parse("""{"type":"string"}""").RootElement },
                Required = ["city"],
            },
        };
        var first = new MessageCreateParams
        {
            Model = model,
            MaxTokens = 200,
            Messages = [new UserMessageParam("Weather in Oslo?")],
            Tools = [tool],
            ToolChoice = new ToolChoiceAuto(),
        };

        string id, name, input;
        if (stream)
        {
            var (_, types, events) = await StreamAsync(client, first);
            var start = events.Select(e => e.TryPickContentBlockStart(out var s) ? s : null).Single(s => s is not null && s.ContentBlock.TryPickToolUse(out _))!;
            Assert.True(start.ContentBlock.TryPickToolUse(out var use));
            id = use!.ID;
            name = use.Name;
            input = string.Concat(events.Select(e => e.TryPickContentBlockDelta(out var d) && d.Delta.TryPickInputJson(out var j) ? j.PartialJson : ""));
            Assert.Equal("tool_use", events.Select(e => e.TryPickDelta(out var d) ? d.Delta.StopReason!.Value().ToString() : null).Single(s => s is not null) is { } sr ? "tool_use" : null);
            Assert.Equal("message_stop", types[^1]);
        }
        else
        {
            var message = await client.Messages.Create(first);
            Assert.Equal(StopReason.ToolUse, message.StopReason!.Value());
            Assert.True(message.Content.Single(b => b.TryPickToolUse(out _)).TryPickToolUse(out var use));
            id = use!.ID;
            name = use.Name;
            input = JsonSerializer.Serialize(use.Input);
        }

        Assert.Equal("toolu_9", id);
        Assert.Equal("get_weather", name);
        Assert.Equal("Oslo", JsonDocument.Parse(input).RootElement.GetProperty("city").GetString());

        var second = new MessageCreateParams
        {
            Model = model,
            MaxTokens = 200,
            Tools = [tool],
            Messages =
            [
                new UserMessageParam("Weather in Oslo?"),
                new AssistantMessageParam(new List<ContentBlockParam>
                {
                    new ToolUseBlockParam { ID = id, Name = name, Input = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(input)! },
                }),
                new UserMessageParam(new List<ContentBlockParam> { new ToolResultBlockParam(id) { Content = "3C, cloudy" } }),
            ],
        };
        var answer = await client.Messages.Create(second);

        Assert.Equal("It is 3C in Oslo.", TextOf(answer));
        var sent = Upstream.Received[1].Json().RootElement;
        if (model == "up/a")
        {
            // Translated for the OpenAI-protocol upstream: tool definition, tool call, tool result.
            Assert.Equal("get_weather", Upstream.Received[0].Json().RootElement.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
            var messages = sent.GetProperty("messages").EnumerateArray().ToArray();
            Assert.Equal(["user", "assistant", "tool"], messages.Select(m => m.GetProperty("role").GetString()!).ToArray());
            var call = messages[1].GetProperty("tool_calls")[0];
            Assert.Equal("toolu_9", call.GetProperty("id").GetString());
            Assert.Equal("Oslo", JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("city").GetString());
            Assert.Equal("toolu_9", messages[2].GetProperty("tool_call_id").GetString());
            Assert.Equal("3C, cloudy", messages[2].GetProperty("content").GetString());
        }
        else
        {
            var result = sent.GetProperty("messages")[2].GetProperty("content")[0];
            Assert.Equal("tool_result", result.GetProperty("type").GetString());
            Assert.Equal("toolu_9", result.GetProperty("tool_use_id").GetString());
        }
    }

    [Fact]
    public async Task Create_UnknownModel_Is404NotFoundInAnthropicShape()
    {
        var ex = await Assert.ThrowsAsync<AnthropicNotFoundException>(() => Client().Messages.Create(Params("no-such-model", "hi")));

        var error = JsonDocument.Parse(ex.ResponseBody).RootElement;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("not_found_error", error.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("model_not_found", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("anth/claude", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Theory]
    [InlineData("{\"model\":\"up/a\",\"max_tokens\":5,\"messages\":[", "not valid JSON")]
    [InlineData("""{"model":"up/a","max_tokens":"5","messages":[{"role":"user","content":"hi"}]}""", "'max_tokens' must be a positive integer")]
    [InlineData("""{"model":"up/a","max_tokens":5}""", "'messages' is required")]
    [InlineData("""{"model":"up/a","messages":[{"role":"user","content":"hi"}]}""", "'max_tokens' is required")]
    [InlineData("""{"model":"up/a","max_tokens":5,"messages":[{"role":"user","content":{"x":1}}]}""", "'messages[0].content' must be a string or an array")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    [InlineData("", "The request body is empty")]
    public async Task Post_BadInput_Is400InvalidRequestInAnthropicShape(string body, string expected)
    {
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", root.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains(expected, root.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Post_HugeBody_Is413RequestTooLargeInAnthropicShape()
    {
        var body = "{\"model\":\"up/a\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', 300_000) + "\"}]}";

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("request_too_large", root.GetProperty("error").GetProperty("type").GetString());
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Get_Messages_Is405InAnthropicShape()
    {
        using var response = await Gateway.Http.GetAsync("/v1/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("error", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Create_EveryEntryFails_Is502ApiErrorListingTheAttempts()
    {
        Upstream.Script("claude-x", new Scenario.Status(500, """{"type":"error","error":{"type":"api_error","message":"Internal server error"}}"""));
        Upstream.Script("a", new Scenario.Status(503, """{"error":{"message":"down","type":"server_error"}}"""));

        var ex = await Assert.ThrowsAnyAsync<AnthropicApiException>(() => Client().Messages.Create(Params("default", "hi")));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        var error = JsonDocument.Parse(ex.ResponseBody).RootElement.GetProperty("error");
        Assert.Equal("api_error", error.GetProperty("type").GetString());
        Assert.Equal("upstream_failed", error.GetProperty("code").GetString());
        Assert.Equal(["anth/claude", "up/a"], error.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("model").GetString()!).ToArray());
    }

    [Fact]
    public async Task Create_EveryEntryRateLimited_Is429RateLimitErrorWithRetryAfter()
    {
        Upstream.Script("claude-x", new Scenario.Status(429, """{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}""", RetryAfterSeconds: 30));
        Upstream.Script("a", new Scenario.Status(429, """{"error":{"message":"Rate limit reached","type":"requests"}}""", RetryAfterSeconds: 20));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", """{"model":"default","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("up/a", "a", """{"error":{"message":"messages: roles must alternate between user and assistant","type":"invalid_request_error","code":"bad_thing"}}""")]
    [InlineData("anth/claude", "claude-x", """{"type":"error","error":{"type":"invalid_request_error","message":"messages: roles must alternate between user and assistant"}}""")]
    public async Task Create_UpstreamRejectsRequest_ClientGetsItsMessageInAnthropicShape(string model, string upstreamModel, string upstreamBody)
    {
        Upstream.Script(upstreamModel, new Scenario.Status(422, upstreamBody));

        var ex = await Assert.ThrowsAsync<AnthropicUnprocessableEntityException>(() => Client().Messages.Create(Params(model, "hi")));

        var root = JsonDocument.Parse(ex.ResponseBody).RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString());
        Assert.Contains("roles must alternate", root.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("up/a", "a")]
    [InlineData("anth/claude", "claude-x")]
    public async Task Stream_FailsAfterFirstBytes_EndsWithAnAnthropicErrorEvent(string model, string upstreamModel)
    {
        // Reset once the client holds both chunks (see FaultInjectionTests.ResetMidStream_SdkSeesAnError_NotACleanEnd).
        var reset = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Script(upstreamModel, new Scenario.ResetAfterChunks(2, reset.Task));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", $$"""{"model":"{{model}}","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var body = await Sse.ReadBodyAsync(response, seen =>
        {
            if (seen.Contains("chunk1", StringComparison.Ordinal))
            {
                reset.TrySetResult();
            }
        });

        Assert.DoesNotContain("event: message_stop", body, StringComparison.Ordinal);
        var last = body.TrimEnd().Split("\n\n")[^1];
        Assert.StartsWith("event: error\ndata: ", last, StringComparison.Ordinal);
        var error = JsonDocument.Parse(last["event: error\ndata: ".Length..]).RootElement;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("upstream_stream_interrupted", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("incomplete", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task Stream_AnthropicUpstreamErrorEventMidStream_IsReplacedByTheRoutersErrorEvent()
    {
        Upstream.Script("claude-x", new Scenario.ErrorEventAfterChunks(2));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", """{"model":"default","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        var errors = body.Split("\n\n").Where(e => e.StartsWith("event: error", StringComparison.Ordinal)).ToList();
        var error = JsonDocument.Parse(Assert.Single(errors)["event: error\ndata: ".Length..]).RootElement.GetProperty("error");
        Assert.Equal("overloaded_error", error.GetProperty("type").GetString());
        Assert.Contains("chunk1", body, StringComparison.Ordinal);
        Assert.Single(Upstream.Received); // committed: no fallback after partial output
    }

    [Fact]
    public async Task CreateStreaming_SdkSeesTheErrorEvent_ThrowsAfterThePartialAnswer()
    {
        Upstream.Script("claude-x", new Scenario.ErrorEventAfterChunks(2));
        var client = Client();
        var text = new StringBuilder();

        var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var e in client.Messages.CreateStreaming(Params("anth/claude", "hi")))
            {
                if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
                {
                    text.Append(t.Text);
                }
            }
        });

        // The official SDK raises the error event as an exception (AnthropicSseException) carrying its type and message.
        Assert.IsType<AnthropicSseException>(ex, exactMatch: false);
        Assert.Contains("overloaded", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("chunk0 chunk1 ", text.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Status_OnMessages_RouterAnswersInAnthropicShape(bool stream)
    {
        var parameters = Params("default", "/status");
        string text;
        if (stream)
        {
            var (streamed, types, _) = await StreamAsync(Client(), parameters);
            text = streamed;
            Assert.Equal(["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"], types);
        }
        else
        {
            var message = await Client().Messages.Create(parameters);
            text = TextOf(message);
            Assert.Equal("majordomo", message.Model.Raw());
        }

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Empty(Upstream.Received);
    }
}
