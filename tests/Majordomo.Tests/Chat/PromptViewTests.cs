using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Chat;

public class PromptViewTests
{
    private static PromptView Parse(string json, string protocol = PromptView.OpenAIProtocol) => PromptView.Parse(Encoding.UTF8.GetBytes(json), protocol);

    [Theory]
    [InlineData("""{"messages":[{"role":"system","content":"Be \"brief\".\nNo caf\u00e9."},{"role":"user","content":"first"},{"role":"assistant","content":[{"type":"text","text":"ok"}]},{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":""},{"type":"refusal","text":"counted only"}]}]}""")]
    [InlineData("""{"system":[{"type":"text","text":"sys one"},{"type":"text","text":"sys two"}],"messages":[{"role":"user","content":"do it"},{"role":"assistant","content":[{"type":"thinking","thinking":"x","text":"t"},{"type":"tool_use","id":"u1","name":"ls","input":{"p":"."}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"u1","content":[{"type":"text","text":"a.txt\tb.txt"}]}]},{"role":"user","content":"and now?"}]}""")]
    [InlineData("""{"instructions":"be terse","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]},{"type":"function_call","call_id":"c","name":"f","arguments":"{}"},{"type":"function_call_output","call_id":"c","output":"done \u2713"}]}""")]
    [InlineData("""{"input":"just a string","instructions":"sys"}""")]
    [InlineData("""{"messages":[{"role":"user","content":"<system-reminder>bookkeeping</system-reminder>"},{"role":"tool","tool_call_id":"x","content":"out"},{"role":"developer","content":"dev"},{"role":"user","content":"real \ud83d\ude00 words"}]}""")]
    public void ParseDeferred_MakesTheSameTextsAsParse(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var eager = PromptView.Parse(bytes, PromptView.OpenAIProtocol);

        var deferred = PromptView.ParseDeferred(bytes, PromptView.OpenAIProtocol);

        Assert.False(deferred.TextsMade);
        Assert.Equal(eager.MessageCount, deferred.MessageCount);
        Assert.Equal(eager.LastUserText, deferred.LastUserText);
        Assert.Equal(eager.FirstUserText, deferred.FirstUserText);
        Assert.Equal(eager.SystemText, deferred.SystemText);
        Assert.Equal(eager.UserText, deferred.UserText);
        Assert.Equal(eager.ToolResultText, deferred.ToolResultText);
        Assert.Equal(eager.Agent, deferred.Agent);
        Assert.Equal(eager.AgentSource, deferred.AgentSource);
        Assert.Equal(eager.TextChars, deferred.TextChars);
        Assert.Equal(eager.EstimatedPromptTokens, deferred.EstimatedPromptTokens);
        Assert.Equal(eager.DerivedSessionId, deferred.DerivedSessionId);
        Assert.True(eager.TextChars > 0);
    }

    [Fact]
    public void Parse_OpenAIConversation_ReadsTextToolsAndMedia()
    {
        var view = Parse("""
            {"model":"auto","max_completion_tokens":500,"tools":[{"type":"function","function":{"name":"ls"}}],
             "messages":[
               {"role":"system","content":"Be brief."},
               {"content":"first question","role":"user"},
               {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"ls","arguments":"{\"path\":\".\"}"}}]},
               {"role":"tool","tool_call_id":"c1","content":"a.txt"},
               {"role":"user","content":[{"type":"text","text":"look at"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}},{"text":"this","type":"text"}]}
             ]}
            """);

        Assert.Equal("Be brief.", view.SystemText);
        Assert.Equal("first question", view.FirstUserText);
        Assert.Equal("look at\nthis", view.LastUserText);
        Assert.Equal(5, view.MessageCount);
        Assert.Equal(1, view.ToolDefinitions);
        Assert.Equal(1, view.ToolCalls);
        Assert.Equal(1, view.ToolResults);
        Assert.Equal(1, view.MediaParts);
        Assert.True(view.HasTools);
        Assert.True(view.HasMedia);
        Assert.Equal(500, view.MaxOutputTokens);
        Assert.True(view.EstimatedPromptTokens > 0);
    }

    [Fact]
    public void Parse_AnthropicConversation_ReadsSystemBlocksAndToolResults()
    {
        var view = Parse("""
            {"model":"auto","max_tokens":1024,"system":[{"type":"text","text":"You are careful."}],
             "messages":[
               {"role":"user","content":"fix the build"},
               {"role":"assistant","content":[{"type":"text","text":"Running it."},{"type":"tool_use","id":"t1","name":"bash","input":{"cmd":"make"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"error: x"}]}]}
             ]}
            """, PromptView.AnthropicProtocol);

        Assert.Equal("You are careful.", view.SystemText);
        Assert.Equal("fix the build", view.FirstUserText);
        Assert.Equal("fix the build", view.LastUserText); // a turn of only tool results is not the user's words
        Assert.Equal(1, view.ToolCalls);
        Assert.Equal(1, view.ToolResults);
        Assert.Equal(1024, view.MaxOutputTokens);
        Assert.False(view.HasMedia);
    }

    [Fact]
    public void DerivedSessionId_SameSystemAndFirstMessage_IsStableAcrossLaterTurns()
    {
        var a = Parse("""{"messages":[{"role":"system","content":"S"},{"role":"user","content":"hi"}]}""");
        var b = Parse("""{"messages":[{"role":"system","content":"S"},{"role":"user","content":"hi"},{"role":"assistant","content":"yo"},{"role":"user","content":"more"}]}""");
        var c = Parse("""{"messages":[{"role":"system","content":"S"},{"role":"user","content":"other"}]}""");

        Assert.Equal(a.DerivedSessionId, b.DerivedSessionId);
        Assert.NotEqual(a.DerivedSessionId, c.DerivedSessionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"trunc")]
    [InlineData("{\"messages\":\"nope\",\"system\":7,\"tools\":{}}")]
    public void Parse_MalformedBody_ReturnsWhatItCouldRead(string json)
    {
        var view = Parse(json);
        Assert.Equal("", view.LastUserText);
    }

    [Fact]
    public void Parse_SecretInEarlierTurnOrToolResult_IsInScannedText()
    {
        var view = Parse("""
            {"tools":[{"type":"function","function":{"name":"read_file","parameters":{"properties":{"name":{"type":"string"}}}}}],
             "response_format":{"type":"json_object"},
             "messages":[
               {"role":"user","content":"my password is hunter22"},
               {"role":"assistant","content":"noted"},
               {"role":"tool","tool_call_id":"c1","content":"AWS_KEY=AKIAQ3EGRTW5KXN2LP7D"},
               {"role":"user","content":"now what?"}
             ]}
            """);

        Assert.Equal("now what?", view.LastUserText);
        Assert.Contains("hunter22", view.UserText, StringComparison.Ordinal);
        Assert.Contains("AKIA", view.ToolResultText, StringComparison.Ordinal);
        Assert.Equal("read_file", view.ToolNames);
        Assert.Equal("json_object", view.ResponseFormat);
        Assert.True(HeuristicClassifier.Classify(view).Sensitive);
    }

    [Fact]
    public void Parse_AnthropicToolResultBlocks_AreToolResultText()
    {
        var view = Parse("""
            {"system":"s","messages":[{"role":"user","content":[{"type":"text","text":"go"}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"-----BEGIN RSA PRIVATE KEY-----"}]}]}
            """, PromptView.AnthropicProtocol);

        Assert.Contains("PRIVATE KEY", view.ToolResultText, StringComparison.Ordinal);
        Assert.Equal(SensitiveKind.PrivateKey, HeuristicClassifier.Sensitive(view));
    }

    /// <summary>Bodies with long texts in every place a text is joined: one string, parts, turns, tool results, system.</summary>
    public static TheoryData<string, string, string, string, string> LongBodies()
    {
        var words = string.Concat(Enumerable.Repeat("The quarterly report lists revenue by region. ", 1_750)); // 80,500 characters
        var half = words[..40_000];
        var json = System.Text.Json.JsonSerializer.Serialize(words);
        var halfJson = System.Text.Json.JsonSerializer.Serialize(half);
        var escaped = System.Text.Json.JsonSerializer.Serialize(half + "\n\"quoted\" caf\u00e9 \ud83d\ude00" + half);
        return new()
        {
            // body, last user text, user text, system text, tool result text
            { """{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":""" + json + "}]}", words, words, "Be brief.", "" },
            { """{"messages":[{"role":"user","content":[{"type":"text","text":""" + halfJson + """},{"type":"text","text":""" + halfJson + "}]}]}", half + "\n" + half, half + "\n" + half, "", "" },
            { """{"messages":[{"role":"user","content":""" + json + """},{"role":"assistant","content":"ok"},{"role":"user","content":"and?"}]}""", "and?", words + "\nand?", "", "" },
            { """{"messages":[{"role":"user","content":"x"},{"role":"tool","tool_call_id":"a","content":""" + json + """},{"role":"tool","tool_call_id":"b","content":"y"}]}""", "x", "x", "", words + "\ny" },
            { """{"system":[{"type":"text","text":""" + halfJson + """},{"type":"text","text":""" + halfJson + """}],"messages":[{"role":"user","content":""" + escaped + "}]}",
                half + "\n\"quoted\" caf\u00e9 \ud83d\ude00" + half, half + "\n\"quoted\" caf\u00e9 \ud83d\ude00" + half, half + "\n" + half, "" },
        };
    }

    [Theory]
    [MemberData(nameof(LongBodies))]
    public void LongTexts_ReadRight_AndAreNoLargeObjects(string json, string lastUser, string user, string system, string tools)
    {
        // A 20k-token prompt (issue 16 item 4): a text past TextArena.LongChars lives in a pooled array, so reading
        // it allocates no large object (85,000 bytes or more, which only a gen-2 collection frees). Allocation is
        // counted, not timed: under 85,000 bytes in all proves no single object reached the threshold.
        var body = Encoding.UTF8.GetBytes(json);
        using (var warm = PromptView.ParseDeferred(body, PromptView.OpenAIProtocol))
        {
            Assert.Equal(lastUser, warm.LastUserText);
            Assert.Equal(user, warm.UserText);
            Assert.Equal(system, warm.SystemText);
            Assert.Equal(tools, warm.ToolResultText);
            _ = warm.EstimatedPromptTokens + warm.DerivedSessionId.Length;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var view = PromptView.ParseDeferred(body, PromptView.OpenAIProtocol))
        {
            Assert.Equal(lastUser.Length, view.LastUserChars.Length);
            Assert.Equal(user.Length, view.UserChars.Length);
            Assert.Equal(system.Length, view.SystemChars.Length);
            Assert.Equal(tools.Length, view.ToolResultChars.Length);
            _ = view.EstimatedPromptTokens + view.DerivedSessionId.Length;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 85_000, $"{allocated:N0} bytes allocated reading a prompt of {json.Length:N0} characters");
    }

    [Fact]
    public void DisposedView_RefusesItsTexts()
    {
        // The long texts' arrays are back in the pool: a late reader must fail, never read another request's text.
        var words = string.Concat(Enumerable.Repeat("The quarterly report lists revenue by region. ", 1_750));
        var view = PromptView.ParseDeferred(Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":""" + System.Text.Json.JsonSerializer.Serialize(words) + "}]}"), PromptView.OpenAIProtocol);
        Assert.Equal(words.Length, view.LastUserChars.Length);
        view.Dispose();
        Assert.Throws<ObjectDisposedException>(() => view.UserText);
    }
}
