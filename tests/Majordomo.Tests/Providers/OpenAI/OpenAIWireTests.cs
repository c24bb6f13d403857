using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.OpenAI;

public class OpenAIWireTests
{
    private const string Messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static string Rewrite(string body, string upstreamModel = "up-model", bool forceIncludeUsage = true)
    {
        var request = OpenAIRequestReader.Parse(Encoding.UTF8.GetBytes(body));
        return Encoding.UTF8.GetString(OpenAIWire.RewriteBody(request, OpenAIWire.EncodeJsonString(upstreamModel), forceIncludeUsage));
    }

    private static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void RewriteBody_ReplacesOnlyTheModelValue_EveryOtherByteKept()
    {
        const string rest = """
            ,  "messages" : [ {"role":"user","content":"caf\u00e9 \"quoted\" \\ back\nslash 日本語 🎉"} ],
              "tools":[{"type":"function","function":{"name":"get","parameters":{"type":"object","properties":{"model":{"type":"string"}}}}}],
              "response_format" : {"type":"json_schema","json_schema":{"name":"x","strict":true}},
              "temperature": 1e-7, "top_p": 0.10000000000000001, "seed": -0, "n": 1E+2, "logit_bias": {"50256": -100},
              "unknown_vendor_field": [null, true, false, {"nested": "model"}]
            }
            """;
        var body = "{ \"model\" : \"my-alias\"" + rest;

        var rewritten = Rewrite(body);

        Assert.Equal("{ \"model\" : \"up-model\"" + rest, rewritten);
    }

    [Fact]
    public void RewriteBody_ModelInTheMiddle_ReplacedInPlace()
    {
        var body = "{" + Messages + ",\"model\":\"a\",\"temperature\":0.2}";

        Assert.Equal("{" + Messages + ",\"model\":\"up-model\",\"temperature\":0.2}", Rewrite(body));
    }

    [Fact]
    public void RewriteBody_ModelWithEscapes_WholeValueReplaced()
    {
        var body = "{\"model\":\"we\\\"ird\\u0041\\\\\"," + Messages + "}";

        Assert.Equal("{\"model\":\"up-model\"," + Messages + "}", Rewrite(body));
    }

    [Fact]
    public void RewriteBody_NullModel_Replaced()
    {
        Assert.Equal("{\"model\":\"up-model\"," + Messages + "}", Rewrite("{\"model\":null," + Messages + "}"));
    }

    [Fact]
    public void RewriteBody_NoModel_InsertsIt()
    {
        var rewritten = Rewrite("{ " + Messages + " }");

        Assert.Equal("{\"model\":\"up-model\", " + Messages + " }", rewritten);
        Assert.Equal("up-model", Json(rewritten).GetProperty("model").GetString());
    }

    [Fact]
    public void RewriteBody_UpstreamNameNeedingEscapes_IsValidJson()
    {
        var rewritten = Rewrite("{\"model\":\"x\"," + Messages + "}", upstreamModel: "we\"ird/模型:1.5b");

        Assert.Equal("we\"ird/模型:1.5b", Json(rewritten).GetProperty("model").GetString());
    }

    [Fact]
    public void RewriteBody_StreamingWithoutStreamOptions_AppendsIncludeUsage()
    {
        var rewritten = Rewrite("{\"model\":\"m\",\"stream\":true," + Messages + "}\n");

        var json = Json(rewritten);
        Assert.True(json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("up-model", json.GetProperty("model").GetString());
        Assert.EndsWith("}\n", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \n }")]
    [InlineData("{\"include_usage\":false}")]
    [InlineData("{ \"include_usage\" : null }")]
    [InlineData("null")]
    public void RewriteBody_StreamingClientDidNotAskForUsage_IncludeUsageForcedTrue(string streamOptions)
    {
        var rewritten = Rewrite("{\"model\":\"m\",\"stream\":true,\"stream_options\":" + streamOptions + "," + Messages + "}");

        var options = Json(rewritten).GetProperty("stream_options");
        Assert.True(options.GetProperty("include_usage").GetBoolean());
        Assert.Single(options.EnumerateObject());
    }

    [Fact]
    public void RewriteBody_StreamOptionsWithOtherKeys_KeepsThemAndAddsIncludeUsage()
    {
        var rewritten = Rewrite("{\"model\":\"m\",\"stream\":true,\"stream_options\":{ \"continuous_usage_stats\":true,\"x\":{\"include_usage\":false}}," + Messages + "}");

        var options = Json(rewritten).GetProperty("stream_options");
        Assert.True(options.GetProperty("include_usage").GetBoolean());
        Assert.True(options.GetProperty("continuous_usage_stats").GetBoolean());
        Assert.False(options.GetProperty("x").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public void RewriteBody_ClientAskedForUsage_StreamOptionsUntouched()
    {
        var body = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{ \"include_usage\" : true }," + Messages + "}";

        Assert.Equal(body.Replace("\"m\"", "\"up-model\"", StringComparison.Ordinal), Rewrite(body));
    }

    [Fact]
    public void RewriteBody_NotStreaming_StreamOptionsNotAdded()
    {
        var body = "{\"model\":\"m\",\"stream\":false," + Messages + "}";

        Assert.Equal("{\"model\":\"up-model\",\"stream\":false," + Messages + "}", Rewrite(body));
    }

    [Fact]
    public void RewriteBody_NotStreamingWithIncludeUsageFalse_LeftAlone()
    {
        var body = "{\"model\":\"m\",\"stream_options\":{\"include_usage\":false}," + Messages + "}";

        Assert.Equal(body.Replace("\"m\"", "\"up-model\"", StringComparison.Ordinal), Rewrite(body));
    }

    [Fact]
    public void RewriteBody_ForceDisabled_StreamOptionsNotAdded()
    {
        var body = "{\"model\":\"m\",\"stream\":true," + Messages + "}";

        Assert.Equal("{\"model\":\"up-model\",\"stream\":true," + Messages + "}", Rewrite(body, forceIncludeUsage: false));
    }

    [Fact]
    public void RewriteBody_StreamingWithoutModel_InsertsModelAndUsage()
    {
        var rewritten = Rewrite("{\"stream\":true," + Messages + "}");

        var json = Json(rewritten);
        Assert.Equal("up-model", json.GetProperty("model").GetString());
        Assert.True(json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("hi", json.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void EncodeJsonString_PlainAndQuotedNames_ProduceJsonLiterals()
    {
        Assert.Equal("\"qwen2.5:1.5b\"", Encoding.UTF8.GetString(OpenAIWire.EncodeJsonString("qwen2.5:1.5b")));
        Assert.Equal("a\"b", JsonSerializer.Deserialize<string>(OpenAIWire.EncodeJsonString("a\"b")));
    }

    [Fact]
    public void TryReadUsage_CompletionWithUsage_ReadsAllCounts()
    {
        var ok = OpenAIWire.TryReadUsage("""
            {"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"usage"}}],
             "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,
                      "prompt_tokens_details":{"cached_tokens":100,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":4}}}
            """u8, out var usage);

        Assert.True(ok);
        Assert.Equal(new Usage(120, 30, 100, true), usage);
    }

    [Fact]
    public void TryReadUsage_NestedUsageObject_IsRead()
    {
        // Some OpenAI-compatible providers (Groq: x_groq.usage) report usage below the top level.
        var ok = OpenAIWire.TryReadUsage("{\"choices\":[{\"delta\":{}}],\"x_groq\":{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}}"u8, out var usage);

        Assert.True(ok);
        Assert.Equal(new Usage(5, 2, 0, true), usage);
    }

    [Theory]
    [InlineData("{\"id\":\"c\",\"choices\":[]}")]
    [InlineData("{\"id\":\"c\",\"usage\":null}")]
    [InlineData("{\"id\":\"c\",\"x\":{\"usage\":{\"prompt_tokens\":1}},\"usage\":null}")]
    [InlineData("{\"id\":\"c\",\"usage\": null ,\"x\":1}")]
    [InlineData("{\"id\":\"c\",\"usage\":{\"prompt_tokens\":")]
    [InlineData("{\"content\":\"the \\\"usage\\\": {\\\"prompt_tokens\\\": 9} text\"}")]
    [InlineData("")]
    public void TryReadUsage_NoUsageObject_ReturnsFalse(string json)
    {
        Assert.False(OpenAIWire.TryReadUsage(Encoding.UTF8.GetBytes(json), out var usage));
        Assert.Equal(Usage.None, usage);
    }

    [Theory]
    [InlineData("{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":1}}", true)]
    [InlineData("{\"id\":\"c\",\"choices\": [],\"usage\":{}}", true)]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]}", false)]
    public void IsUsageOnlyChunk_ChoicesEmpty_Detected(string json, bool expected)
    {
        Assert.Equal(expected, OpenAIWire.IsUsageOnlyChunk(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}", true)]
    [InlineData("{\"choices\":[{\"delta\":{},\"finish_reason\": \"length\"}]}", true)]
    [InlineData("{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":null}]}", false)]
    [InlineData("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}", false)]
    public void HasFinishReason_NonNullFinishReason_Detected(string json, bool expected)
    {
        Assert.Equal(expected, OpenAIWire.HasFinishReason(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}", true)]
    [InlineData("  \n{\"error\":\"rate limited\"}", true)]
    [InlineData("{\"object\":\"error\",\"error\":{\"code\":429}}", true)]
    [InlineData("{\"error\":null,\"id\":\"c\"}", false)]
    [InlineData("{\"id\":\"c\",\"error\":{\"message\":\"later\"}}", false)]
    [InlineData("{\"choices\":[]}", false)]
    [InlineData("[{\"error\":{}}]", false)]
    [InlineData("", false)]
    public void IsErrorPayload_ErrorObjectBeforeAnswerFields_Detected(string json, bool expected)
    {
        Assert.Equal(expected, OpenAIWire.IsErrorPayload(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("  {\"a\":[1,{\"b\":null}]}\n", true)]
    [InlineData("{} x", false)]
    [InlineData("[]", false)]
    [InlineData("{\"a\":", false)]
    [InlineData("data: {}", false)]
    [InlineData("<html>{}</html>", false)]
    [InlineData("{", false)]
    [InlineData("", false)]
    public void IsObjectShaped_BeginsAndEndsAsAnObject_Detected(string json, bool expected)
    {
        Assert.Equal(expected, OpenAIWire.IsObjectShaped(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"the error was mine\"}}],\"usage\":null}", false)]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"delta\":{\"content\":\"say \\\"error\\\"\"}}]}", false)]
    [InlineData("{\"id\":\"c\",\"error\":{\"message\":\"x\"}}", true)]
    [InlineData("{\"choices\":[],\"error\":{}}", true)]
    [InlineData("{\"error\":{\"message\":\"x\"}}", true)]
    [InlineData(" {\"object\":\"error\",\"error\":\"x\"}", true)]
    [InlineData("{\"idx\":1,\"error\":{}}", true)]
    public void ChunkScan_NamesError_FalseOnlyWhereIsErrorPayloadIsFalse(string json, bool expected)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(expected, OpenAIChunkScan.Scan(bytes).NamesError);
        Assert.True(OpenAIChunkScan.Scan(bytes).NamesError || !OpenAIWire.IsErrorPayload(bytes));
    }

    private const string AnswerHead = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]";

    [Theory]
    [InlineData(AnswerHead + ",\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":17,\"prompt_tokens_details\":{\"cached_tokens\":4}},\"service_tier\":\"default\"}", 24, 17, 4)]
    [InlineData(AnswerHead + ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n", 5, 2, 0)]
    [InlineData(" " + AnswerHead + ", \"usage\" : { \"completion_tokens\": 9 , \"prompt_tokens\": 3 } }", 3, 9, 0)]
    public void InspectCompletion_AnswerWithUsage_ReadsTheUsage(string json, long input, long output, long cached)
    {
        Assert.Equal(OpenAIWire.CompletionShape.Answer, OpenAIWire.InspectCompletion(Encoding.UTF8.GetBytes(json), out var usage));
        Assert.Equal(new Usage(input, output, cached, true), usage);
    }

    [Theory]
    [InlineData(AnswerHead + "}", "Answer")]
    [InlineData(AnswerHead + ",\"usage\":null}", "Answer")]
    [InlineData("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}", "Error")]
    [InlineData("{\"id\":\"c\",\"error\":\"overloaded\"}", "Error")]
    [InlineData("{\"id\":\"c\",\"choices\":[{\"message\":{\"content\":\"x\"},\"finish_reason\":\"error\"}]}", "Answer")]
    [InlineData("{\"error\":null,\"id\":\"c\"}", "Answer")]
    [InlineData("<html><body>Bad gateway</body></html>", "NotJson")]
    [InlineData(AnswerHead, "NotJson")]
    [InlineData("[" + AnswerHead + "}]", "NotJson")]
    [InlineData("", "NotJson")]
    public void InspectCompletion_Shape_ErrorsAndCutBodiesTold(string json, string expected)
    {
        Assert.Equal(expected, OpenAIWire.InspectCompletion(Encoding.UTF8.GetBytes(json), out var usage).ToString());
        Assert.False(usage.Reported);
    }
}

public sealed class OpenAIWireMetadataTests
{
    private static JsonElement Rewrite(string body)
    {
        var request = OpenAIRequestReader.Parse(System.Text.Encoding.UTF8.GetBytes(body));
        var output = OpenAIWire.RewriteBody(request, "\"up\""u8, forceIncludeUsage: true);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Theory]
    [InlineData("""{"model":"m","metadata":{"source":"cron","session":"s1"},"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("""{"metadata":{"source":"cron"},"model":"m","messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("""{ "metadata" : { "kind" : "run" } ,  "messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"metadata":{"profile":"p","channel":"c"}}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"metadata":{"source":"x"},"stream":true}""")]
    public void RewriteBody_MetadataWithOnlyRouterKeys_IsRemovedAndTheRestIsValidJson(string body)
    {
        var root = Rewrite(body);

        Assert.False(root.TryGetProperty("metadata", out _));
        Assert.Equal("up", root.GetProperty("model").GetString());
        Assert.Equal("hi", root.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void RewriteBody_MetadataWithOtherKeys_KeepsThemAndDropsRouterKeys()
    {
        var root = Rewrite("""{"model":"m","store":true,"metadata":{"source":"cron","team":"ai","tags":{"a":[1,2]}},"messages":[{"role":"user","content":"hi"}]}""");

        var metadata = root.GetProperty("metadata");
        Assert.False(metadata.TryGetProperty("source", out _));
        Assert.Equal("ai", metadata.GetProperty("team").GetString());
        Assert.Equal(2, metadata.GetProperty("tags").GetProperty("a")[1].GetInt32());
        Assert.True(root.GetProperty("store").GetBoolean());
    }

    [Fact]
    public void RewriteBody_MetadataWithoutRouterKeys_IsForwardedByteForByte()
    {
        const string body = """{"model":"m","store":true,"metadata":{"team":"ai"},"messages":[{"role":"user","content":"hi"}]}""";
        var request = OpenAIRequestReader.Parse(System.Text.Encoding.UTF8.GetBytes(body));

        var output = System.Text.Encoding.UTF8.GetString(OpenAIWire.RewriteBody(request, "\"up\""u8, forceIncludeUsage: true));

        Assert.Equal(body.Replace("\"model\":\"m\"", "\"model\":\"up\"", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Parse_MetadataRouterKeys_AreStillRead()
    {
        var request = OpenAIRequestReader.Parse("""{"metadata":{"source":"cron","session":"s1","kind":"run","channel":"c","profile":"p"},"messages":[{"role":"user","content":"hi"}]}"""u8.ToArray());

        Assert.Equal(new Majordomo.Chat.RequestMetadata("cron", "c", "s1", "run", "p"), request.Metadata);
    }
}
