using System.Text.Json;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.Anthropic;

public sealed class RequestTranslationTests
{
    private static JsonElement ToAnthropic(string json, int? maxOutputTokens = null) =>
        JsonDocument.Parse(RequestTranslation.OpenAIToAnthropic(System.Text.Encoding.UTF8.GetBytes(json), "claude-up", maxOutputTokens)).RootElement;

    [Fact]
    public void OpenAIToAnthropic_RecordedToolConversation_MapsEveryPart()
    {
        var body = Fixtures.Bytes("openai-request-tools.json");

        var root = JsonDocument.Parse(RequestTranslation.OpenAIToAnthropic(body, "claude-up", null)).RootElement;

        Assert.Equal("claude-up", root.GetProperty("model").GetString());
        Assert.Equal(300, root.GetProperty("max_tokens").GetInt32());
        Assert.Equal(["You are a weather bot.", "Answer in celsius."], root.GetProperty("system").EnumerateArray().Select(b => b.GetProperty("text").GetString()!).ToArray());
        var messages = root.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()!).ToArray());

        var first = messages[0].GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal("What's the weather here? See the photo.", first[0].GetProperty("text").GetString());
        Assert.Equal("base64", first[1].GetProperty("source").GetProperty("type").GetString());
        Assert.Equal("image/png", first[1].GetProperty("source").GetProperty("media_type").GetString());
        Assert.Equal("iVBORw0KGgo=", first[1].GetProperty("source").GetProperty("data").GetString());
        Assert.Equal("https://example.com/sky.jpg", first[2].GetProperty("source").GetProperty("url").GetString());

        var calls = messages[1].GetProperty("content").EnumerateArray().ToArray();
        Assert.All(calls, c => Assert.Equal("tool_use", c.GetProperty("type").GetString()));
        Assert.Equal("call_abc123", calls[0].GetProperty("id").GetString());
        Assert.Equal("Paris", calls[0].GetProperty("input").GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Object, calls[1].GetProperty("input").ValueKind);

        // Both tool results, then the user's text, in one user turn.
        var results = messages[2].GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(["tool_result", "tool_result", "text"], results.Select(b => b.GetProperty("type").GetString()!).ToArray());
        Assert.Equal("call_abc123", results[0].GetProperty("tool_use_id").GetString());
        Assert.Equal("18C and sunny", results[0].GetProperty("content").GetString());
        Assert.Equal("14:05", results[1].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("Thanks. And tomorrow?", results[2].GetProperty("text").GetString());

        var tools = root.GetProperty("tools").EnumerateArray().ToArray();
        Assert.Equal("get_weather", tools[0].GetProperty("name").GetString());
        Assert.Equal("location", tools[0].GetProperty("input_schema").GetProperty("required")[0].GetString());
        Assert.Equal("object", tools[1].GetProperty("input_schema").GetProperty("type").GetString());
        var choice = root.GetProperty("tool_choice");
        Assert.Equal("tool", choice.GetProperty("type").GetString());
        Assert.Equal("get_weather", choice.GetProperty("name").GetString());
        Assert.True(choice.GetProperty("disable_parallel_tool_use").GetBoolean());

        Assert.Equal(["\n\nHuman:", "END"], root.GetProperty("stop_sequences").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(1.0, root.GetProperty("temperature").GetDouble());
        Assert.Equal(0.9, root.GetProperty("top_p").GetDouble());
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.Equal("user-42", root.GetProperty("metadata").GetProperty("user_id").GetString());
        Assert.False(root.TryGetProperty("seed", out _));
        Assert.False(root.TryGetProperty("stream_options", out _));
    }

    [Fact]
    public void OpenAIToAnthropic_NoMaxTokens_UsesTheModelLimitElseTheDefault()
    {
        const string json = """{"model":"m","messages":[{"role":"user","content":"hi"}]}""";

        Assert.Equal(AnthropicWire.DefaultMaxTokens, ToAnthropic(json).GetProperty("max_tokens").GetInt32());
        Assert.Equal(64000, ToAnthropic(json, 64000).GetProperty("max_tokens").GetInt32());
        Assert.Equal("hi", ToAnthropic(json).GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public void OpenAIToAnthropic_StopAsString_BecomesOneStopSequence()
    {
        var root = ToAnthropic("""{"model":"m","stop":"END","tool_choice":"required","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal("END", Assert.Single(root.GetProperty("stop_sequences").EnumerateArray()).GetString());
        Assert.False(root.TryGetProperty("tool_choice", out _)); // no tools, no tool_choice
    }

    [Fact]
    public void OpenAIToAnthropic_ConsecutiveUserMessages_AreMergedIntoOneTurn()
    {
        var root = ToAnthropic("""{"model":"m","messages":[{"role":"user","content":"a"},{"role":"user","content":"b"}]}""");

        var message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal(["a", "b"], message.GetProperty("content").EnumerateArray().Select(b => b.GetProperty("text").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("""{"model":"m","n":2,"messages":[{"role":"user","content":"hi"}]}""", "'n' > 1")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AAA","format":"wav"}}]}]}""", "input_audio")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png,notbase64"}}]}]}""", "base64")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"custom","custom":{"name":"x"}}]}""", "custom")]
    public void OpenAIToAnthropic_UntranslatableRequest_ThrowsWithTheReason(string json, string expected)
    {
        var ex = Assert.Throws<TranslationException>(() => ToAnthropic(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAIToAnthropic_Output_IsAValidAnthropicRequest()
    {
        var body = RequestTranslation.OpenAIToAnthropic(Fixtures.Bytes("openai-request-tools.json"), "claude-up", null);

        var request = AnthropicRequestReader.Parse(body);

        Assert.Equal("anthropic", request.Protocol);
        Assert.True(request.Stream);
        Assert.Equal(3, request.MessageCount);
    }

    [Fact]
    public void AnthropicToOpenAI_RecordedToolConversation_MapsEveryPart()
    {
        var body = Fixtures.Bytes("anthropic-request-tools.json");

        var root = JsonDocument.Parse(RequestTranslation.AnthropicToOpenAI(body, "gpt-up")).RootElement;

        Assert.Equal("gpt-up", root.GetProperty("model").GetString());
        Assert.Equal(1024, root.GetProperty("max_tokens").GetInt32());
        var messages = root.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal(["system", "user", "assistant", "tool", "user", "assistant", "tool"], messages.Select(m => m.GetProperty("role").GetString()!).ToArray());
        Assert.Equal("You are a weather bot.\n\nAnswer in celsius.", messages[0].GetProperty("content").GetString());

        var parts = messages[1].GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal("text", parts[0].GetProperty("type").GetString());
        Assert.Equal("data:image/jpeg;base64,/9j/4AAQSkZJRg==", parts[1].GetProperty("image_url").GetProperty("url").GetString());
        Assert.Equal("https://example.com/sky.jpg", parts[2].GetProperty("image_url").GetProperty("url").GetString());

        // Thinking is dropped, text kept, tool_use → tool_calls with the input as a JSON string.
        Assert.Equal("Let me look.", messages[2].GetProperty("content").GetString());
        var call = Assert.Single(messages[2].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("toolu_01", call.GetProperty("id").GetString());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Paris", JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("location").GetString());

        Assert.Equal("toolu_01", messages[3].GetProperty("tool_call_id").GetString());
        Assert.Equal("18C and sunny", messages[3].GetProperty("content").GetString());
        Assert.Equal("And tomorrow?", messages[4].GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, messages[5].GetProperty("content").ValueKind);
        Assert.Equal("Error: service down", messages[6].GetProperty("content").GetString());

        var tool = Assert.Single(root.GetProperty("tools").EnumerateArray());
        Assert.Equal("function", tool.GetProperty("type").GetString());
        Assert.Equal("location", tool.GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString());
        Assert.Equal("required", root.GetProperty("tool_choice").GetString());
        Assert.False(root.GetProperty("parallel_tool_calls").GetBoolean());
        Assert.Equal("END", root.GetProperty("stop")[0].GetString());
        Assert.Equal(0.5, root.GetProperty("temperature").GetDouble());
        Assert.True(root.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("user-42", root.GetProperty("user").GetString());
        Assert.False(root.TryGetProperty("top_k", out _));
        Assert.False(root.TryGetProperty("thinking", out _));
        Assert.False(root.TryGetProperty("metadata", out _));
    }

    [Fact]
    public void AnthropicToOpenAI_Output_IsAValidOpenAIRequest()
    {
        var body = RequestTranslation.AnthropicToOpenAI(Fixtures.Bytes("anthropic-request-tools.json"), "gpt-up");

        var request = OpenAIRequestReader.Parse(body);

        Assert.Equal(7, request.MessageCount);
        Assert.True(request.Stream);
        Assert.True(request.ClientWantsUsage);
    }

    [Fact]
    public void AnthropicToOpenAI_ServerTool_Throws()
    {
        var json = """{"model":"m","max_tokens":5,"messages":[{"role":"user","content":"x"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]}"""u8.ToArray();

        var ex = Assert.Throws<TranslationException>(() => RequestTranslation.AnthropicToOpenAI(json, "gpt"));

        Assert.Contains("web_search_20250305", ex.Message, StringComparison.Ordinal);
    }
}
