using System.Buffers;
using System.Text.Json;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers;

/// <summary>
/// The reading half of every translator from hub (Chat Completions) stream chunks to another protocol, in
/// one place: <c>[DONE]</c>, a chunk that is not JSON, an error chunk, the usage, the first choice's delta
/// and its finish reason. Ending — on <c>[DONE]</c>, or at the end of the stream after a finish reason —
/// closes what is open and writes the protocol's end events once; a stream with no chunk ends with nothing.
/// </summary>
internal abstract class HubStreamTranslator : IStreamTranslator
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private bool _started;
    private bool _stopped;

    /// <summary>The finish reason the hub gave, once it has.</summary>
    protected string? FinishReason { get; private set; }

    /// <summary>The last usage the hub reported (zeros until then).</summary>
    protected (long Prompt, long Completion, long Cached) Usage { get; private set; }

    public void Translate(string? eventType, ReadOnlySpan<byte> data, SseBatch output)
    {
        if (_stopped)
        {
            return;
        }

        if (data.SequenceEqual(OpenAIWire.DoneData))
        {
            Finish(output);
            return;
        }

        using var doc = AnthropicToOpenAIStream.ParseOrNull(data);
        if (doc is null || doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            NotJson(data, output);
            return;
        }

        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            var isObject = error.ValueKind == JsonValueKind.Object;
            var message = isObject ? ResponseTranslation.Str(error, "message") : error.GetString();
            _stopped = Error(message, isObject ? ResponseTranslation.Str(error, "type") : null, isObject ? ResponseTranslation.Str(error, "code") : null, output);
            return;
        }

        if (!_started)
        {
            _started = true;
            Start(root, output);
        }

        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            Usage = ResponseTranslation.OpenAIUsage(usage);
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return;
        }

        var choice = choices[0];
        if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
        {
            if (ResponseTranslation.Str(delta, "content") is { Length: > 0 } text)
            {
                Text(text, output);
            }

            if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in calls.EnumerateArray())
                {
                    ToolCall(call, output);
                }
            }
        }

        if (ResponseTranslation.Str(choice, "finish_reason") is { } finish)
        {
            FinishReason = finish;
            Close(output);
        }
    }

    public void Complete(SseBatch output)
    {
        // Some servers end without [DONE]; a finish_reason already said the answer was whole.
        if (FinishReason is not null)
        {
            Finish(output);
        }
    }

    /// <summary>The first chunk arrived (it carries the answer's id, model and creation time).</summary>
    protected abstract void Start(JsonElement firstChunk, SseBatch output);

    /// <summary>A fragment of the answer's text (the first choice's <c>delta.content</c>).</summary>
    protected abstract void Text(string text, SseBatch output);

    /// <summary>One entry of the first choice's <c>delta.tool_calls</c>: a call's start and/or a fragment of its arguments.</summary>
    protected abstract void ToolCall(JsonElement call, SseBatch output);

    /// <summary>Closes the open block or item, if any.</summary>
    protected abstract void Close(SseBatch output);

    /// <summary>The answer is complete: the protocol's closing events (what was open is already closed).</summary>
    protected abstract void End(SseBatch output);

    /// <summary>An error chunk, as this protocol's error event; true when nothing may follow it.</summary>
    protected abstract bool Error(string? message, string? type, string? code, SseBatch output);

    /// <summary>A chunk that is not a JSON object; left out unless the protocol says otherwise.</summary>
    protected virtual void NotJson(ReadOnlySpan<byte> data, SseBatch output)
    {
    }

    /// <summary>Adds one event of <paramref name="type"/> whose JSON <paramref name="write"/> writes.</summary>
    protected void Write(SseBatch output, string type, Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, RequestTranslation.WriterOptions))
        {
            write(w);
        }

        output.Add(_buffer.WrittenSpan, type);
    }

    private void Finish(SseBatch output)
    {
        if (_stopped || !_started)
        {
            _stopped = true;
            return;
        }

        _stopped = true;
        Close(output);
        End(output);
    }
}
