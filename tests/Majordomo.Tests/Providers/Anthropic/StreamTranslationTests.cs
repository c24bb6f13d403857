using System.Text;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.Anthropic;

public sealed class StreamTranslationTests
{
    private static async Task<List<(string? Type, string Data)>> TranslateAsync(string fixture, IStreamTranslator translator)
    {
        var output = new SseBatch();
        foreach (var (type, data) in await Fixtures.EventsAsync(fixture))
        {
            translator.Translate(type, data, output);
        }

        translator.Complete(output);
        return Enumerable.Range(0, output.Count).Select(i => (output.EventType(i), Encoding.UTF8.GetString(output.Data(i)))).ToList();
    }

    [Fact]
    public async Task AnthropicToOpenAI_RecordedTextStream_YieldsChunksFinishUsageAndDone()
    {
        var events = await TranslateAsync("stream-text.sse", new AnthropicToOpenAIStream(5));

        Assert.All(events, e => Assert.Null(e.Type));
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var text = string.Concat(chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta"))
            .Select(d => d.TryGetProperty("content", out var t) ? t.GetString() : ""));
        Assert.Equal("Hello!", text);
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.True(OpenAIWire.TryReadUsage(Encoding.UTF8.GetBytes(events[^2].Data), out var usage));
        Assert.Equal(new Usage(25, 15, 0, true), usage);
        Assert.True(OpenAIWire.IsUsageOnlyChunk(Encoding.UTF8.GetBytes(events[^2].Data)));
    }

    [Fact]
    public async Task AnthropicToOpenAI_RecordedToolStream_AssemblesOneToolCall()
    {
        var events = await TranslateAsync("stream-tool-use.sse", new AnthropicToOpenAIStream(5));

        var deltas = events.Where(e => e.Data != "[DONE]").Select(e => JsonDocument.Parse(e.Data).RootElement)
            .Where(c => c.GetProperty("choices").GetArrayLength() > 0).Select(c => c.GetProperty("choices")[0]).ToList();
        var calls = deltas.Where(c => c.GetProperty("delta").TryGetProperty("tool_calls", out _))
            .Select(c => c.GetProperty("delta").GetProperty("tool_calls")[0]).ToList();
        Assert.Equal("toolu_01T1x1fJ34qAmk2tNTrN7Up6", calls[0].GetProperty("id").GetString());
        Assert.Equal("get_weather", calls[0].GetProperty("function").GetProperty("name").GetString());
        Assert.All(calls, c => Assert.Equal(0, c.GetProperty("index").GetInt32()));
        var arguments = string.Concat(calls.Select(c => c.GetProperty("function").GetProperty("arguments").GetString()));
        Assert.Equal("San Francisco, CA", JsonDocument.Parse(arguments).RootElement.GetProperty("location").GetString());
        Assert.Equal("tool_calls", deltas[^1].GetProperty("finish_reason").GetString());
        Assert.True(OpenAIWire.TryReadUsage(Encoding.UTF8.GetBytes(events[^2].Data), out var usage));
        Assert.Equal(new Usage(682, 89, 200, true), usage);
    }

    [Fact]
    public async Task AnthropicToOpenAI_RecordedErrorEvent_BecomesAnOpenAIErrorChunk()
    {
        var events = await TranslateAsync("stream-error.sse", new AnthropicToOpenAIStream(5));

        Assert.NotEqual("[DONE]", events[^1].Data);
        Assert.True(OpenAIWire.IsErrorPayload(Encoding.UTF8.GetBytes(events[^1].Data)));
        Assert.Contains("overloaded_error", events[^1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAIToAnthropic_RecordedToolStream_YieldsAnthropicEventSequence()
    {
        var events = await TranslateAsync("openai-stream-tool-calls.sse", new OpenAIToAnthropicStream());

        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
             "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Type!).ToArray());
        Assert.All(events, e => Assert.Equal(e.Type, JsonDocument.Parse(e.Data).RootElement.GetProperty("type").GetString()));
        var start = JsonDocument.Parse(events[1].Data).RootElement.GetProperty("content_block");
        Assert.Equal("tool_use", start.GetProperty("type").GetString());
        Assert.Equal("call_DdmO9pD3xa9XTPNJ32zg2hcA", start.GetProperty("id").GetString());
        var json = string.Concat(events.Skip(2).Take(2).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("delta").GetProperty("partial_json").GetString()));
        Assert.Equal("Paris", JsonDocument.Parse(json).RootElement.GetProperty("location").GetString());
        Assert.Equal(1, JsonDocument.Parse(events[5].Data).RootElement.GetProperty("index").GetInt32());
        var delta = JsonDocument.Parse(events[8].Data).RootElement;
        Assert.Equal("tool_use", delta.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal(17, delta.GetProperty("usage").GetProperty("input_tokens").GetInt64());
        Assert.Equal(64, delta.GetProperty("usage").GetProperty("cache_read_input_tokens").GetInt64());
    }

    [Fact]
    public async Task OpenAIToAnthropic_RecordedTextStream_IsReadByTheAnthropicInspection()
    {
        var events = await TranslateAsync("openai-stream-text.sse", new OpenAIToAnthropicStream());

        var usage = Usage.None;
        bool finished = false, ended = false;
        foreach (var (type, data) in events)
        {
            AnthropicWire.Inspect(type, Encoding.UTF8.GetBytes(data), ref usage, ref finished, ref ended);
        }

        Assert.True(finished);
        Assert.True(ended);
        Assert.Equal(new Usage(9, 2, 0, true), usage);
        var text = string.Concat(events.Where(e => e.Type == "content_block_delta").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal("Hello there", text);
        Assert.Contains("\"stop_reason\":\"max_tokens\"", events.Single(e => e.Type == "message_delta").Data, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAIToAnthropic_EndWithoutDoneAfterFinish_StillClosesTheMessage()
    {
        var translator = new OpenAIToAnthropicStream();
        var output = new SseBatch();
        translator.Translate(null, """{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}"""u8, output);

        translator.Complete(output);

        Assert.Equal("message_stop", output.EventType(output.Count - 1));
    }

    [Fact]
    public void OpenAIToAnthropic_EndWithoutFinish_AddsNothing()
    {
        var translator = new OpenAIToAnthropicStream();
        var output = new SseBatch();
        translator.Translate(null, """{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"""u8, output);
        var count = output.Count;

        translator.Complete(output);

        Assert.Equal(count, output.Count);
    }

    [Fact]
    public void OpenAIToAnthropic_ErrorChunk_BecomesAnErrorEvent()
    {
        var output = new SseBatch();

        new OpenAIToAnthropicStream().Translate(null, """{"error":{"message":"boom","type":"server_error"}}"""u8, output);

        Assert.Equal("error", output.EventType(0));
        Assert.True(AnthropicWire.IsErrorEvent(output.EventType(0), output.Data(0)));
    }
}
