using System.Text;
using Majordomo.Chat;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.Anthropic;

public sealed class AnthropicWireTests
{
    [Fact]
    public async Task Inspect_RecordedToolStream_ReadsUsageFinishAndEnd()
    {
        var usage = Usage.None;
        bool finished = false, ended = false;

        foreach (var (type, data) in await Fixtures.EventsAsync("stream-tool-use.sse"))
        {
            AnthropicWire.Inspect(type, data, ref usage, ref finished, ref ended);
        }

        Assert.True(finished);
        Assert.True(ended);
        Assert.Equal(new Usage(682, 89, 200, true), usage);
    }

    [Fact]
    public async Task SseBatchReader_AnthropicEventNames_AreSharedStrings()
    {
        var events = await Fixtures.EventsAsync("stream-text.sse");

        Assert.Same(AnthropicWire.MessageStart, events[0].Type);
        Assert.Same(AnthropicWire.ContentBlockDelta, events[3].Type);
    }

    [Fact]
    public void Inspect_EventWithoutName_IsRecognisedByItsType()
    {
        var usage = Usage.None;
        bool finished = false, ended = false;

        AnthropicWire.Inspect(null, """{"type":"message_stop"}"""u8, ref usage, ref finished, ref ended);

        Assert.True(ended);
    }

    [Theory]
    [InlineData("message-text.json", false)]
    [InlineData("error-overloaded.json", true)]
    public void InspectMessage_RecordedBodies_AreRecognised(string fixture, bool isError)
    {
        Assert.Equal(isError ? OpenAIWire.CompletionShape.Error : OpenAIWire.CompletionShape.Answer, AnthropicWire.InspectMessage(Fixtures.Bytes(fixture), out _));
    }

    [Fact]
    public void InspectMessage_TrailingGarbage_IsNotJson()
    {
        Assert.Equal(OpenAIWire.CompletionShape.NotJson, AnthropicWire.InspectMessage("{\"type\":\"message\"} x"u8, out _));
    }

    [Fact]
    public void IsErrorEvent_ByNameOrByType_IsTrue()
    {
        Assert.True(AnthropicWire.IsErrorEvent("error", "{}"u8));
        Assert.True(AnthropicWire.IsErrorEvent(null, Encoding.UTF8.GetBytes("""{"type":"error","error":{"type":"api_error","message":"x"}}""")));
        Assert.False(AnthropicWire.IsErrorEvent("message_delta", """{"type":"message_delta"}"""u8));
    }

    [Theory]
    [InlineData("https://api.anthropic.com", "https://api.anthropic.com/v1/messages")]
    [InlineData("https://api.anthropic.com/", "https://api.anthropic.com/v1/messages")]
    [InlineData("http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1/messages")]
    [InlineData("https://gw.example.com/anthropic/v1/", "https://gw.example.com/anthropic/v1/messages")]
    public void MessagesUri_EitherBaseUrlConvention_EndsInV1Messages(string baseUrl, string expected)
    {
        Assert.Equal(expected, AnthropicProvider.MessagesUri(baseUrl).ToString());
    }

    [Theory]
    [InlineData("end_turn", "stop")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("max_tokens", "length")]
    [InlineData("tool_use", "tool_calls")]
    [InlineData("refusal", "content_filter")]
    public void FinishReasonFor_StopReasons_MapBothWays(string stopReason, string finishReason)
    {
        Assert.Equal(finishReason, AnthropicWire.FinishReasonFor(stopReason));
        if (stopReason is not "stop_sequence")
        {
            Assert.Equal(stopReason, AnthropicWire.StopReasonFor(finishReason));
        }
    }
}
