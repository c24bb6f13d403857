using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.Anthropic;

public sealed class ResponseTranslationTests
{
    [Fact]
    public void MessageToCompletion_RecordedText_MapsContentFinishAndUsage()
    {
        var root = JsonDocument.Parse(ResponseTranslation.MessageToCompletion(Fixtures.Bytes("message-text.json"), 1700000000)).RootElement;

        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal(1700000000, root.GetProperty("created").GetInt64());
        Assert.Equal("claude-sonnet-4-5-20250929", root.GetProperty("model").GetString());
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("Hello! How can I help you today?", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(112, usage.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(11, usage.GetProperty("completion_tokens").GetInt64());
        Assert.Equal(100, usage.GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt64());
    }

    [Fact]
    public void MessageToCompletion_RecordedToolUse_BecomesToolCalls()
    {
        var root = JsonDocument.Parse(ResponseTranslation.MessageToCompletion(Fixtures.Bytes("message-tool-use.json"), 1)).RootElement;

        var choice = root.GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var message = choice.GetProperty("message");
        Assert.Equal("I'll check the current weather in San Francisco for you.", message.GetProperty("content").GetString());
        var call = Assert.Single(message.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("toolu_01A09q90qw90lq917835lq9", call.GetProperty("id").GetString());
        Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
        var args = JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement;
        Assert.Equal("celsius", args.GetProperty("unit").GetString());
    }

    [Fact]
    public void MessageToCompletion_Output_IsReadByTheExecutorsInspection()
    {
        var completion = ResponseTranslation.MessageToCompletion(Fixtures.Bytes("message-text.json"), 1);

        Assert.Equal(OpenAIWire.CompletionShape.Answer, OpenAIWire.InspectCompletion(completion, out var usage));
        Assert.Equal(new Usage(112, 11, 100, true), usage);
    }

    [Fact]
    public void MessageToCompletion_NotJson_IsReturnedUnchanged()
    {
        var garbage = "<html>502</html>"u8.ToArray();

        Assert.Same(garbage, ResponseTranslation.MessageToCompletion(garbage, 1));
    }

    [Fact]
    public void CompletionToMessage_RecordedToolCalls_BecomeToolUseBlocks()
    {
        var root = JsonDocument.Parse(ResponseTranslation.CompletionToMessage(Fixtures.Bytes("openai-completion-tool-calls.json"))).RootElement;

        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.StartsWith("msg_", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("tool_use", root.GetProperty("stop_reason").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal("Checking.", content[0].GetProperty("text").GetString());
        Assert.Equal("tool_use", content[1].GetProperty("type").GetString());
        Assert.Equal("Boston, MA", content[1].GetProperty("input").GetProperty("location").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(62, usage.GetProperty("input_tokens").GetInt64());
        Assert.Equal(20, usage.GetProperty("cache_read_input_tokens").GetInt64());
        Assert.Equal(17, usage.GetProperty("output_tokens").GetInt64());
    }

    [Fact]
    public void CompletionToMessage_Output_IsReadByTheAnthropicInspection()
    {
        var message = ResponseTranslation.CompletionToMessage(Fixtures.Bytes("openai-completion-tool-calls.json"));

        Assert.Equal(OpenAIWire.CompletionShape.Answer, AnthropicWire.InspectMessage(message, out var usage));
        Assert.Equal(new Usage(82, 17, 20, true), usage);
    }

    [Fact]
    public void AnthropicErrorToOpenAI_Overloaded_KeepsTheTypeForTheClassifier()
    {
        var body = ResponseTranslation.AnthropicErrorToOpenAI(Fixtures.Bytes("error-overloaded.json"));

        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("Overloaded", error.GetProperty("message").GetString());
        Assert.Equal("overloaded_error", error.GetProperty("type").GetString());
        Assert.True(OpenAIWire.IsErrorPayload(body));
        Assert.Equal(FailureClass.Transient, FailureClassifier.FromStatus(529, Fixtures.Text(body)));
    }

    [Fact]
    public void OpenAIErrorToAnthropic_ContextLength_KeepsTheCode()
    {
        var body = ResponseTranslation.OpenAIErrorToAnthropic(400, Fixtures.Bytes("openai-error-context.json"));

        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", root.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("context_length_exceeded", root.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(FailureClass.ContextTooLong, FailureClassifier.FromStatus(400, Fixtures.Text(body)));
    }

    [Theory]
    [InlineData("error-overloaded.json", 529, FailureClass.Transient)]
    [InlineData("error-invalid-request.json", 400, FailureClass.CallerFault)]
    public void FailureClassifier_RecordedAnthropicErrors_AreClassified(string fixture, int status, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.FromStatus(status, Fixtures.Text(Fixtures.Bytes(fixture))));
    }
}
