using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Responses;

namespace Majordomo.FunctionalTests;

/// <summary>
/// <c>POST /v1/responses</c> through the real gateway with the official OpenAI .NET SDK (2.15
/// <c>ResponsesClient</c>): answered by an OpenAI-chat upstream and an Anthropic upstream (translated) and
/// passed through to an <c>openai-responses</c> upstream, streamed and not, with tools and stored responses.
/// </summary>
public sealed class ResponsesTests : GatewayTest
{
    /// <summary>"up" speaks chat, "anth" Messages, "resp" Responses — all served by the scenario upstream.</summary>
    public const string ResponsesConfig = """
        {
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1, "credentials": [ { "id": "k1", "apiKey": "sk-test-one" } ] },
            "anth": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1, "credentials": [ { "id": "a1", "apiKey": "sk-ant-test-one" } ] },
            "resp": { "api": "openai-responses", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1, "credentials": [ { "id": "r1", "apiKey": "sk-resp-one" } ] },
          },
          "models": {
            "up/a": { "provider": "up", "upstreamModel": "a" },
            "anth/claude": { "provider": "anth", "upstreamModel": "claude-x" },
            "resp/r": { "provider": "resp", "upstreamModel": "r" },
          },
          "aliases": { "sonnet": "anth/claude" },
          "routes": { "default": { "chain": ["up/a"] } },
          "defaultRoute": "default",
        }
        """;

    protected override string Config => ResponsesConfig;

    private static readonly ResponseTool WeatherTool = ResponseTool.CreateFunctionTool(
        "get_weather", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""), strictModeEnabled: false, "Weather for a city");

    private ResponsesClient Client() => new(new ApiKeyCredential("unused"), new ResponsesClientOptions
    {
        Endpoint = new Uri(Gateway.BaseUrl + "/v1"),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = TimeSpan.FromSeconds(60),
    });

    private static CreateResponseOptions Options(string model, params ResponseItem[] items)
    {
        var options = new CreateResponseOptions { Model = model };
        foreach (var item in items)
        {
            options.InputItems.Add(item);
        }

        return options;
    }

    [Fact]
    public async Task CreateResponse_ChatUpstream_TranslatesInstructionsOptionsAnswerAndUsage()
    {
        Upstream.Script("a", new Scenario.Ok("Bonjour"));
        var options = Options("up/a", ResponseItem.CreateDeveloperMessageItem("Answer in French."), ResponseItem.CreateUserMessageItem("Say hello"));
        options.Instructions = "Be brief.";
        options.MaxOutputTokenCount = 50;
        options.Temperature = 0.5f;

        ClientResult<ResponseResult> result = await Client().CreateResponseAsync(options);

        Assert.Equal("Bonjour", result.Value.GetOutputText());
        Assert.Equal(ResponseStatus.Completed, result.Value.Status);
        Assert.StartsWith("resp_", result.Value.Id, StringComparison.Ordinal);
        Assert.Equal(11, result.Value.Usage.InputTokenCount);
        Assert.Equal(7, result.Value.Usage.OutputTokenCount);
        Assert.True(result.GetRawResponse().Headers.TryGetValue("X-Router-Model", out var model));
        Assert.Equal("up/a", model);

        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/chat/completions", received.Path);
        var root = received.Json().RootElement;
        Assert.Equal("a", root.GetProperty("model").GetString());
        var messages = root.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["system", "system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Be brief.", messages[0].GetProperty("content").GetString());
        Assert.Equal("Answer in French.", messages[1].GetProperty("content").GetString());
        Assert.Equal(50, root.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(0.5, root.GetProperty("temperature").GetDouble(), 3);
        Assert.False(root.TryGetProperty("input", out _));
    }

    [Fact]
    public async Task CreateResponseStreaming_AnthropicUpstream_EmitsTheResponsesEventSequenceWithUsage()
    {
        Upstream.Script("claude-x", new Scenario.Ok("The quick brown fox jumps", Chunks: 5));
        var options = Options("sonnet", ResponseItem.CreateUserMessageItem("Tell me"));
        options.StreamingEnabled = true;

        var text = new System.Text.StringBuilder();
        var kinds = new List<string>();
        ResponseResult? completed = null;
        await using (var stream = await Client().CreateResponseStreamingAsync(options))
        {
            await foreach (var update in stream)
            {
                kinds.Add(update.GetType().Name);
                if (update is StreamingResponseOutputTextDeltaUpdate delta)
                {
                    text.Append(delta.Delta);
                }
                else if (update is StreamingResponseCompletedUpdate done)
                {
                    completed = done.Response;
                }
            }
        }

        Assert.Equal("The quick brown fox jumps", text.ToString());
        Assert.NotNull(completed);
        Assert.Equal("The quick brown fox jumps", completed.GetOutputText());
        Assert.Equal(11, completed.Usage.InputTokenCount);
        Assert.Equal(7, completed.Usage.OutputTokenCount);
        Assert.Equal(nameof(StreamingResponseCreatedUpdate), kinds[0]);
        Assert.Contains(nameof(StreamingResponseOutputItemAddedUpdate), kinds);
        Assert.Contains(nameof(StreamingResponseContentPartAddedUpdate), kinds);
        Assert.Contains(nameof(StreamingResponseOutputTextDoneUpdate), kinds);
        Assert.Contains(nameof(StreamingResponseOutputItemDoneUpdate), kinds);
        Assert.Equal(nameof(StreamingResponseCompletedUpdate), kinds[^1]);
        Assert.Equal("/v1/messages", Assert.Single(Upstream.Received).Path);
    }

    [Fact]
    public async Task FunctionCall_RoundTrip_StreamedFromAChatUpstream_ThenAnsweredWithItsOutput()
    {
        Upstream.Script("a", new Scenario.ToolCall("get_weather", """{"city":"Paris"}""", "call_9"), new Scenario.Ok("Sunny in Paris"));
        var options = Options("up/a", ResponseItem.CreateUserMessageItem("Weather in Paris?"));
        options.Tools.Add(WeatherTool);
        options.StreamingEnabled = true;

        FunctionCallResponseItem? call = null;
        var arguments = new System.Text.StringBuilder();
        await using (var stream = await Client().CreateResponseStreamingAsync(options))
        {
            await foreach (var update in stream)
            {
                if (update is StreamingResponseFunctionCallArgumentsDeltaUpdate delta)
                {
                    arguments.Append(delta.Delta.ToString());
                }
                else if (update is StreamingResponseOutputItemDoneUpdate { Item: FunctionCallResponseItem done })
                {
                    call = done;
                }
            }
        }

        Assert.NotNull(call);
        Assert.Equal("get_weather", call.FunctionName);
        Assert.Equal("call_9", call.CallId);
        Assert.Equal("""{"city":"Paris"}""", call.FunctionArguments.ToString());
        Assert.Equal("""{"city":"Paris"}""", arguments.ToString());

        var next = Options("up/a", ResponseItem.CreateUserMessageItem("Weather in Paris?"), call, ResponseItem.CreateFunctionCallOutputItem("call_9", "sunny, 24C"));
        next.Tools.Add(WeatherTool);
        var answer = await Client().CreateResponseAsync(next);

        Assert.Equal("Sunny in Paris", answer.Value.GetOutputText());
        var messages = Upstream.Received[^1].Json().RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["user", "assistant", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        var toolCall = Assert.Single(messages[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("call_9", toolCall.GetProperty("id").GetString());
        Assert.Equal("get_weather", toolCall.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("call_9", messages[2].GetProperty("tool_call_id").GetString());
        Assert.Equal("sunny, 24C", messages[2].GetProperty("content").GetString());
        var tool = Assert.Single(Upstream.Received[^1].Json().RootElement.GetProperty("tools").EnumerateArray());
        Assert.Equal("get_weather", tool.GetProperty("function").GetProperty("name").GetString());
    }

    [Fact]
    public async Task PreviousResponseId_ContinuesAStoredResponse_UnknownIdIs400AskingForTheFullInput()
    {
        Upstream.Script("a", new Scenario.Ok("First answer"), new Scenario.Ok("Second answer"));
        var first = await Client().CreateResponseAsync(Options("up/a", ResponseItem.CreateUserMessageItem("First question")));
        var next = Options("up/a", ResponseItem.CreateUserMessageItem("Second question"));
        next.PreviousResponseId = first.Value.Id;

        var second = await Client().CreateResponseAsync(next);

        Assert.Equal("Second answer", second.Value.GetOutputText());
        var messages = Upstream.Received[^1].Json().RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("First answer", messages[1].GetProperty("content").GetString());

        var unknown = Options("up/a", ResponseItem.CreateUserMessageItem("Third"));
        unknown.PreviousResponseId = "resp_nothere";
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Client().CreateResponseAsync(unknown));
        Assert.Equal(400, ex.Status);
        using var error = JsonDocument.Parse(ex.GetRawResponse()!.Content.ToString());
        Assert.Equal("previous_response_id", error.RootElement.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains("full conversation", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task StoreFalse_IsNotKept()
    {
        using var first = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", """{"model":"up/a","input":"hi","store":false}"""));
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        using var second = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", $$"""{"model":"up/a","input":"again","previous_response_id":"{{id}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task ResponsesUpstream_GetsTheClientsBytesUntouched_NonStreamAndStream()
    {
        const string body = """{"model":"resp/r","input":[{"role":"user","content":[{"type":"input_text","text":"hi"}]}],"tools":[{"type":"web_search"}],"prompt_cache_key":"k-1","include":["reasoning.encrypted_content"],"reasoning":{"effort":"low"},"store":false}""";
        using var plain = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", body));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        using var answer = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
        Assert.Equal(13, answer.RootElement.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.False(plain.Headers.Contains(ResponsesHeaders.DroppedTools));

        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/responses", received.Path);
        Assert.Equal("Bearer sk-resp-one", received.Authorization);
        Assert.Equal(body.Replace("\"resp/r\"", "\"r\"", StringComparison.Ordinal), received.BodyText);

        var options = Options("resp/r", ResponseItem.CreateUserMessageItem("stream please"));
        options.StreamingEnabled = true;
        var text = new System.Text.StringBuilder();
        ResponseResult? completed = null;
        await using (var stream = await Client().CreateResponseStreamingAsync(options))
        {
            await foreach (var update in stream)
            {
                if (update is StreamingResponseOutputTextDeltaUpdate delta)
                {
                    text.Append(delta.Delta);
                }
                else if (update is StreamingResponseCompletedUpdate done)
                {
                    completed = done.Response;
                }
            }
        }

        Assert.Equal("Hello from r", text.ToString());
        Assert.Equal(5, completed!.Usage.OutputTokenCount);
        Assert.False(Upstream.Received[^1].Json().RootElement.TryGetProperty("stream_options", out _));
    }

    [Fact]
    public async Task PreviousResponseId_FromAStreamedPassthrough_IsExpandedForTheNextUpstream()
    {
        using var first = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", """{"model":"resp/r","input":"one","stream":true}""", stream: true));
        var events = await Sse.ReadAllEventsAsync(first);
        var id = JsonDocument.Parse(events[^1]).RootElement.GetProperty("response").GetProperty("id").GetString();

        using var second = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", $$"""{"model":"up/a","input":"two","previous_response_id":"{{id}}"}"""));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var messages = Upstream.Received[^1].Json().RootElement.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("Hello from r", messages[1].GetProperty("content").GetString());
        Assert.Equal("two", messages[2].GetProperty("content").GetString());
    }

    [Fact]
    public async Task HostedTools_AreDroppedForAChatUpstream_AndNamed_ForcingOneIs400()
    {
        const string tools = """[{"type":"web_search"},{"type":"function","name":"read","parameters":{"type":"object"}},{"type":"namespace","name":"ns","tools":[{"type":"function","name":"spawn","parameters":{"type":"object"}}]}]""";
        using var ok = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", $$$"""{"model":"up/a","input":"hi","tools":{{{tools}}},"client_metadata":{"x":"y"}}"""));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("web_search", Sse.Header(ok, ResponsesHeaders.DroppedTools));
        var root = Assert.Single(Upstream.Received).Json().RootElement;
        Assert.Equal(["read", "spawn"], root.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()));
        Assert.False(root.TryGetProperty("client_metadata", out _));

        using var forced = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", $$$"""{"model":"up/a","input":"hi","tools":{{{tools}}},"tool_choice":{"type":"web_search"}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        using var error = JsonDocument.Parse(await forced.Content.ReadAsStringAsync());
        Assert.Equal("untranslatable_request", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task StatusCommand_IsAnsweredByTheRouter_InResponsesShape()
    {
        var result = await Client().CreateResponseAsync(Options("up/a", ResponseItem.CreateUserMessageItem("/status")));
        Assert.StartsWith("Majordomo status", result.Value.GetOutputText(), StringComparison.Ordinal);

        var options = Options("up/a", ResponseItem.CreateUserMessageItem("/status"));
        options.StreamingEnabled = true;
        ResponseResult? completed = null;
        await using (var stream = await Client().CreateResponseStreamingAsync(options))
        {
            await foreach (var update in stream)
            {
                completed = (update as StreamingResponseCompletedUpdate)?.Response ?? completed;
            }
        }

        Assert.StartsWith("Majordomo status", completed!.GetOutputText(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task ToolLoop_IsWarnedThenRefusedWith400LoopDetected_InOpenAIErrorShape()
    {
        static string Body(int calls) => $$$"""{"model":"up/a","input":[{"role":"user","content":"read it"},{{{string.Join(",", Enumerable.Range(0, calls).Select(i =>
            $$"""{"type":"function_call","call_id":"c{{i}}","name":"read","arguments":"{\"path\":\"a.txt\"}"},{"type":"function_call_output","call_id":"c{{i}}","output":"same"}"""))}}}]}""";

        using (var warned = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", Body(5))))
        {
            Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
            Assert.StartsWith("warning", Sse.Header(warned, "X-Router-Loop"), StringComparison.Ordinal);
            var input = Upstream.Received[^1].Json().RootElement.GetProperty("messages").EnumerateArray().Last();
            Assert.Equal("system", input.GetProperty("role").GetString());
            Assert.Contains("[Majordomo loop guard]", input.GetProperty("content").GetString(), StringComparison.Ordinal);
        }

        var calls = Upstream.Received.Count;
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", Body(30)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("breaker", Sse.Header(response, "X-Router-Loop"), StringComparison.Ordinal);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("loop_detected", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(calls, Upstream.Received.Count);
    }

    // Codex's apply_patch is a custom tool: the same patch sent again and again is a loop like repeated function calls.
    [Fact]
    public async Task CustomToolCallLoop_IsWarnedThenRefusedWith400LoopDetected()
    {
        static string Body(int calls) => $$$"""{"model":"resp/r","input":[{"role":"user","content":"fix the typo"},{{{string.Join(",", Enumerable.Range(0, calls).Select(i =>
            $$"""{"type":"custom_tool_call","call_id":"p{{i}}","name":"apply_patch","input":"*** Begin Patch\n*** Update File: a.txt\n-teh\n+the\n*** End Patch"},{"type":"custom_tool_call_output","call_id":"p{{i}}","output":"patch rejected"}"""))}}}]}""";

        using (var warned = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", Body(5))))
        {
            Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
            Assert.StartsWith("warning", Sse.Header(warned, "X-Router-Loop"), StringComparison.Ordinal);
        }

        var calls = Upstream.Received.Count;
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", Body(30)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("breaker", Sse.Header(response, "X-Router-Loop"), StringComparison.Ordinal);
        Assert.Equal(calls, Upstream.Received.Count);
    }

    // The twin: each patch differs (the agent makes progress), so no loop is reported.
    [Fact]
    public async Task CustomToolCallsThatDiffer_AreNoLoop()
    {
        var items = string.Join(",", Enumerable.Range(0, 30).Select(i =>
            $$"""{"type":"custom_tool_call","call_id":"p{{i}}","name":"apply_patch","input":"*** Begin Patch\n*** Update File: f{{i}}.txt\n+line {{i}}\n*** End Patch"},{"type":"custom_tool_call_output","call_id":"p{{i}}","output":"Done {{i}}"}"""));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/responses", $$"""{"model":"resp/r","input":[{"role":"user","content":"write the files"},{{items}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Router-Loop"));
    }

    [Theory]
    [InlineData("up/a", "/v1/chat/completions")]
    [InlineData("sonnet", "/v1/messages")]
    public async Task CapturedCodexBody_IsTranslated_WebSearchDroppedAndNamed_NamespaceFlattened(string model, string path)
    {
        var codex = AgentFixture.Load("codex-plain");
        using var request = codex.Request(model);

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("web_search", Sse.Header(response, ResponsesHeaders.DroppedTools));
        var events = await Sse.ReadAllEventsAsync(response);
        Assert.Equal("response.completed", JsonDocument.Parse(events[^1]).RootElement.GetProperty("type").GetString());
        var sent = Assert.Single(Upstream.Received);
        Assert.Equal(path, sent.Path);
        Assert.Contains("close_agent", sent.BodyText, StringComparison.Ordinal);   // a function of Codex's namespace tool
        Assert.DoesNotContain("prompt_cache_key", sent.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("client_metadata", sent.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CapturedCodexBody_ToAResponsesUpstream_IsForwardedUntouched()
    {
        var codex = AgentFixture.Load("codex-plain");
        using var request = codex.Request("resp/r");

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains(ResponsesHeaders.DroppedTools));
        await Sse.ReadAllEventsAsync(response);
        Assert.Equal(codex.Json("r"), Assert.Single(Upstream.Received).BodyText);
    }
}

/// <summary>Header names of the Responses ingress, as a client reads them.</summary>
internal static class ResponsesHeaders
{
    public const string DroppedTools = "X-Router-Dropped-Tools";
}
