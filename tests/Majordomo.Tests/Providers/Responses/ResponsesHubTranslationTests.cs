using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;
using Majordomo.Providers.Responses;

namespace Majordomo.Tests.Providers.Responses;

/// <summary>The Responses protocol as an upstream of the hub: hub request → Responses, Responses answer, errors and stream → hub.</summary>
public sealed class ResponsesHubTranslationTests
{
    private static readonly HubTranslation Translation = new ResponsesProtocol().Translation;

    private static JsonElement Request(string hub, bool reasoning = false) =>
        JsonDocument.Parse(Translation.RequestFromHub(Encoding.UTF8.GetBytes(hub), "gpt-up", null, reasoning)).RootElement;

    [Fact]
    public void RequestFromHub_MapsSystemMessagesToolsResultsAndOptions()
    {
        var root = Request("""
            {"model":"x","messages":[{"role":"system","content":"Be brief."},{"role":"developer","content":"Use metric."},
              {"role":"user","content":[{"type":"text","text":"Weather?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AA","detail":"low"}}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"3C"},{"role":"system","content":"late"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"d","parameters":{"type":"object"}}}],
             "tool_choice":{"type":"function","function":{"name":"get_weather"}},"max_tokens":77,"stream":true,"stream_options":{"include_usage":true},
             "stop":["END"],"seed":3,"reasoning_effort":"high","response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{"type":"object"}}}}
            """, reasoning: true);

        Assert.Equal("gpt-up", root.GetProperty("model").GetString());
        Assert.Equal("Be brief.\n\nUse metric.", root.GetProperty("instructions").GetString());
        var input = root.GetProperty("input").EnumerateArray().ToArray();
        Assert.Equal(["message", "function_call", "function_call_output", "message"], input.Select(i => i.GetProperty("type").GetString()));
        var parts = input[0].GetProperty("content");
        Assert.Equal(("input_text", "Weather?"), (parts[0].GetProperty("type").GetString(), parts[0].GetProperty("text").GetString()));
        Assert.Equal(("input_image", "data:image/png;base64,AA", "low"), (parts[1].GetProperty("type").GetString(), parts[1].GetProperty("image_url").GetString(), parts[1].GetProperty("detail").GetString()));
        Assert.Equal(("call_1", "get_weather", """{"city":"Oslo"}"""), (input[1].GetProperty("call_id").GetString(), input[1].GetProperty("name").GetString(), input[1].GetProperty("arguments").GetString()));
        Assert.Equal(("call_1", "3C"), (input[2].GetProperty("call_id").GetString(), input[2].GetProperty("output").GetString()));
        Assert.Equal("developer", input[3].GetProperty("role").GetString());
        var tool = Assert.Single(root.GetProperty("tools").EnumerateArray());
        Assert.Equal(("function", "get_weather", "d", false), (tool.GetProperty("type").GetString(), tool.GetProperty("name").GetString(), tool.GetProperty("description").GetString(), tool.GetProperty("strict").GetBoolean()));
        Assert.Equal("get_weather", root.GetProperty("tool_choice").GetProperty("name").GetString());
        Assert.Equal(77, root.GetProperty("max_output_tokens").GetInt32());
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.Equal("high", root.GetProperty("reasoning").GetProperty("effort").GetString());
        Assert.Equal(("json_schema", "n"), (root.GetProperty("text").GetProperty("format").GetProperty("type").GetString(), root.GetProperty("text").GetProperty("format").GetProperty("name").GetString()));
        Assert.False(root.GetProperty("store").GetBoolean());
        foreach (var dropped in (string[])["messages", "stream_options", "stop", "seed", "max_tokens", "reasoning_effort", "response_format"])
        {
            Assert.False(root.TryGetProperty(dropped, out _), dropped);
        }

        // The result is a body the Responses reader accepts (the bridge parses it before the adapter splices it).
        Assert.True(new ResponsesProtocol().Parse(Translation.RequestFromHub(Encoding.UTF8.GetBytes("""{"model":"x","messages":[{"role":"user","content":"hi"}]}"""), "m", null, false)).Stream is false);
    }

    [Fact]
    public void RequestFromHub_WithoutReasoningCapability_DropsEffort_AndRefusesSeveralAnswers()
    {
        Assert.False(Request("""{"model":"x","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"high"}""").TryGetProperty("reasoning", out _));
        Assert.Throws<TranslationException>(() => Request("""{"model":"x","n":2,"messages":[{"role":"user","content":"hi"}]}"""));
    }

    [Theory]
    [InlineData("completed", null, false, "stop")]
    [InlineData("completed", null, true, "tool_calls")]
    [InlineData("incomplete", "max_output_tokens", false, "length")]
    [InlineData("incomplete", "content_filter", false, "content_filter")]
    public void AnswerToHub_TextCallsUsageAndFinishReason(string status, string? reason, bool call, string finish)
    {
        var details = reason is null ? "null" : $$"""{"reason":"{{reason}}"}""";
        var calls = call ? """,{"type":"function_call","id":"fc_1","call_id":"call_9","name":"f","arguments":"{\"a\":1}","status":"completed"}""" : "";
        var body = $$$"""
            {"id":"resp_1","object":"response","created_at":1,"status":"{{{status}}}","error":null,"incomplete_details":{{{details}}},"model":"gpt-up",
             "output":[{"type":"reasoning","id":"rs_1","summary":[]},{"type":"message","id":"m","role":"assistant","content":[{"type":"output_text","text":"Hel","annotations":[]},{"type":"output_text","text":"lo","annotations":[]}]}{{{calls}}}],
             "usage":{"input_tokens":13,"input_tokens_details":{"cached_tokens":4},"output_tokens":5,"total_tokens":18}}
            """;

        var hub = Translation.AnswerToHub(Encoding.UTF8.GetBytes(body), 42);

        var root = JsonDocument.Parse(hub).RootElement;
        Assert.Equal(("chat.completion", 42L, "gpt-up"), (root.GetProperty("object").GetString(), root.GetProperty("created").GetInt64(), root.GetProperty("model").GetString()));
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("Hello", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(finish, choice.GetProperty("finish_reason").GetString());
        Assert.Equal(call, choice.GetProperty("message").TryGetProperty("tool_calls", out var toolCalls));
        if (call)
        {
            Assert.Equal(("call_9", "f", """{"a":1}"""), (toolCalls[0].GetProperty("id").GetString(), toolCalls[0].GetProperty("function").GetProperty("name").GetString(), toolCalls[0].GetProperty("function").GetProperty("arguments").GetString()));
        }

        Assert.Equal(OpenAIWire.CompletionShape.Answer, OpenAIWire.InspectCompletion(hub, out var usage));
        Assert.Equal(new Usage(13, 5, 4, true), usage);
    }

    [Fact]
    public void ErrorToHub_HttpErrorsPass_AFailedResponseBecomesAHubError()
    {
        var http = """{"error":{"message":"slow","type":"rate_limit_error","code":"rate_limit_exceeded"}}"""u8.ToArray();
        Assert.Same(http, Translation.ErrorToHub(429, http));

        var failed = Translation.ErrorToHub(200, """{"id":"r","object":"response","status":"failed","error":{"code":"server_error","message":"boom"},"output":[]}"""u8.ToArray());
        var error = JsonDocument.Parse(failed).RootElement.GetProperty("error");
        Assert.Equal(("boom", "server_error"), (error.GetProperty("message").GetString(), error.GetProperty("code").GetString()));
    }

    private static List<string> Stream(params (string Type, string Data)[] events)
    {
        var translator = Translation.StreamToHub(7);
        var output = new SseBatch();
        foreach (var (type, data) in events)
        {
            translator.Translate(type, Encoding.UTF8.GetBytes(data), output);
        }

        translator.Complete(output);
        return Enumerable.Range(0, output.Count).Select(i => Encoding.UTF8.GetString(output.Data(i))).ToList();
    }

    private const string Created = """{"type":"response.created","response":{"id":"resp_1","model":"gpt-up","status":"in_progress","output":[],"usage":null}}""";

    [Fact]
    public void StreamToHub_TextAndCallDeltas_ThenFinishUsageAndDone()
    {
        var chunks = Stream(
            ("response.created", Created),
            ("response.in_progress", Created),
            ("response.output_item.added", """{"type":"response.output_item.added","output_index":0,"item":{"type":"message","id":"m1","role":"assistant","content":[]}}"""),
            ("response.output_text.delta", """{"type":"response.output_text.delta","item_id":"m1","output_index":0,"content_index":0,"delta":"Let me "}"""),
            ("response.output_text.delta", """{"type":"response.output_text.delta","item_id":"m1","output_index":0,"content_index":0,"delta":"check."}"""),
            ("response.output_text.done", """{"type":"response.output_text.done","item_id":"m1","text":"Let me check."}"""),
            ("response.output_item.added", """{"type":"response.output_item.added","output_index":1,"item":{"type":"function_call","id":"fc_1","call_id":"call_1","name":"f","arguments":""}}"""),
            ("response.function_call_arguments.delta", """{"type":"response.function_call_arguments.delta","item_id":"fc_1","output_index":1,"delta":"{\"a\":"}"""),
            ("response.function_call_arguments.delta", """{"type":"response.function_call_arguments.delta","item_id":"fc_1","output_index":1,"delta":"1}"}"""),
            ("response.completed", """{"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[],"usage":{"input_tokens":13,"input_tokens_details":{"cached_tokens":0},"output_tokens":5}}}"""));

        Assert.Equal("[DONE]", chunks[^1]);
        var json = chunks.SkipLast(1).Select(c => JsonDocument.Parse(c).RootElement).ToList();
        Assert.All(json, c => Assert.Equal(("chat.completion.chunk", "resp_1", "gpt-up", 7L), (c.GetProperty("object").GetString(), c.GetProperty("id").GetString(), c.GetProperty("model").GetString(), c.GetProperty("created").GetInt64())));
        var deltas = json.Where(c => c.GetProperty("choices").GetArrayLength() > 0).Select(c => c.GetProperty("choices")[0].GetProperty("delta")).ToList();
        Assert.Equal("assistant", deltas[0].GetProperty("role").GetString());
        Assert.Equal("Let me check.", string.Concat(deltas.Select(d => d.TryGetProperty("content", out var t) ? t.GetString() : "")));
        var calls = deltas.Where(d => d.TryGetProperty("tool_calls", out _)).Select(d => d.GetProperty("tool_calls")[0]).ToList();
        Assert.Equal(("call_1", "f"), (calls[0].GetProperty("id").GetString(), calls[0].GetProperty("function").GetProperty("name").GetString()));
        Assert.All(calls, c => Assert.Equal(0, c.GetProperty("index").GetInt32()));
        Assert.Equal("""{"a":1}""", string.Concat(calls.Select(c => c.GetProperty("function").GetProperty("arguments").GetString())));
        Assert.Equal("tool_calls", json[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.True(OpenAIWire.TryReadUsage(Encoding.UTF8.GetBytes(chunks[^2]), out var usage));
        Assert.Equal(new Usage(13, 5, 0, true), usage);
    }

    [Fact]
    public void StreamToHub_Incomplete_FinishesWithLength()
    {
        var chunks = Stream(("response.created", Created),
            ("response.incomplete", """{"type":"response.incomplete","response":{"status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"usage":{"input_tokens":2,"output_tokens":9}}}"""));

        Assert.Equal("length", JsonDocument.Parse(chunks[^3]).RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal("[DONE]", chunks[^1]);
    }

    [Theory]
    [InlineData("error", """{"type":"error","code":"rate_limit_exceeded","message":"slow down","param":null}""", "slow down", "rate_limit_exceeded")]
    [InlineData("response.failed", """{"type":"response.failed","response":{"status":"failed","error":{"code":"server_error","message":"boom"}}}""", "boom", "server_error")]
    public void StreamToHub_ErrorEvents_BecomeOneHubErrorChunk_NothingAfter(string type, string data, string message, string code)
    {
        var chunks = Stream(("response.created", Created), (type, data), ("response.completed", """{"type":"response.completed","response":{"status":"completed"}}"""));

        Assert.Equal(2, chunks.Count);
        Assert.True(OpenAIWire.IsErrorPayload(Encoding.UTF8.GetBytes(chunks[1])));
        var error = JsonDocument.Parse(chunks[1]).RootElement.GetProperty("error");
        Assert.Equal((message, code), (error.GetProperty("message").GetString(), error.GetProperty("code").GetString()));
    }

    [Fact]
    public void StreamToHub_CutOffBeforeTheEnd_AddsNoFinish()
    {
        var chunks = Stream(("response.created", Created), ("response.output_text.delta", """{"type":"response.output_text.delta","item_id":"m1","delta":"Hi"}"""));

        Assert.Equal(2, chunks.Count);
        Assert.DoesNotContain(chunks, c => c == "[DONE]");
    }
}
