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

    [Fact]
    public void LongMessage_IsMadeIntoOneString()
    {
        // An 80,000-character message (~20k tokens): its texts (last, first, all user turns, the tokenizer's list)
        // are one string, not also a builder's chunk and that chunk's copy (each over the large-object threshold).
        var words = string.Concat(Enumerable.Repeat("The quarterly report lists revenue by region. ", 1_750));
        var body = Encoding.UTF8.GetBytes("""{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":""" + System.Text.Json.JsonSerializer.Serialize(words) + "}]}");
        PromptView.ParseDeferred(body, PromptView.OpenAIProtocol).UserText.GetHashCode(StringComparison.Ordinal); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var view = PromptView.ParseDeferred(body, PromptView.OpenAIProtocol);
        Assert.Equal(words.Length, view.LastUserText.Length);
        Assert.Same(view.LastUserText, view.UserText);
        Assert.Same(view.LastUserText, view.FirstUserText);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < (words.Length * 2) + 20_000, $"{allocated:N0} bytes for a {words.Length * 2:N0}-byte text");
    }
}
