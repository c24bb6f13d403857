using System.Text.Json;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// Anthropic stream events → OpenAI chat.completion.chunk events: message_start → the role chunk, text
/// deltas → content chunks, tool_use blocks and their input_json_delta → tool_calls chunks (one OpenAI
/// tool index per block), message_delta → the finish chunk, message_stop → a usage-only chunk (the
/// executor drops it unless the client asked for usage) and <c>[DONE]</c>; an error event → an OpenAI
/// error chunk. Thinking blocks and pings have no OpenAI counterpart and are left out.
/// </summary>
internal sealed class AnthropicToOpenAIStream(long created) : IStreamTranslator
{
    private readonly HubChunks _chunks = new(created);
    private readonly Dictionary<int, int> _toolIndexByBlock = [];
    private long _input;
    private long _output;
    private long _cacheRead;
    private bool _done;

    public void Translate(string? eventType, ReadOnlySpan<byte> data, SseBatch output)
    {
        var type = eventType ?? AnthropicWire.TypeOf(data);
        if (_done || type is AnthropicWire.Ping or AnthropicWire.ContentBlockStop || data.IsEmpty)
        {
            return;
        }

        using var doc = ParseOrNull(data);
        if (doc is null)
        {
            // Not JSON: forwarded as it is, so the executor sees (and classifies) the garbage.
            output.Add(data);
            return;
        }

        var root = doc.RootElement;
        switch (type)
        {
            case AnthropicWire.MessageStart:
                var message = root.TryGetProperty("message", out var m) ? m : default;
                _chunks.Id = ResponseTranslation.Str(message, "id") ?? _chunks.Id;
                _chunks.Model = ResponseTranslation.Str(message, "model") ?? _chunks.Model;
                ReadUsage(message.ValueKind == JsonValueKind.Object && message.TryGetProperty("usage", out var u) ? u : default);
                _chunks.Role(output);
                break;
            case AnthropicWire.ContentBlockStart:
                var index = (int)ResponseTranslation.Long(root, "index");
                var block = root.TryGetProperty("content_block", out var b) ? b : default;
                var blockType = ResponseTranslation.Str(block, "type");
                if (blockType == "tool_use")
                {
                    var toolIndex = _toolIndexByBlock.Count;
                    _toolIndexByBlock[index] = toolIndex;
                    _chunks.ToolCall(output, toolIndex, ResponseTranslation.Str(block, "id"), ResponseTranslation.Str(block, "name"), "");
                }
                else if (blockType == "text" && ResponseTranslation.Str(block, "text") is { Length: > 0 } initial)
                {
                    _chunks.Content(output, initial);
                }

                break;
            case AnthropicWire.ContentBlockDelta:
                var delta = root.TryGetProperty("delta", out var d) ? d : default;
                switch (ResponseTranslation.Str(delta, "type"))
                {
                    case "text_delta" when ResponseTranslation.Str(delta, "text") is { } text:
                        _chunks.Content(output, text);
                        break;
                    case "input_json_delta" when ResponseTranslation.Str(delta, "partial_json") is { Length: > 0 } json &&
                                                 _toolIndexByBlock.TryGetValue((int)ResponseTranslation.Long(root, "index"), out var tool):
                        _chunks.ToolCall(output, tool, null, null, json);
                        break;
                }

                break;
            case AnthropicWire.MessageDelta:
                ReadUsage(root.TryGetProperty("usage", out var usage) ? usage : default);
                var stopReason = root.TryGetProperty("delta", out var md) ? ResponseTranslation.Str(md, "stop_reason") : null;
                if (stopReason is not null)
                {
                    _chunks.Finish(output, AnthropicWire.FinishReasonFor(stopReason));
                }

                break;
            case AnthropicWire.MessageStop:
                _chunks.UsageAndDone(output, _input, _output, _cacheRead);
                _done = true;
                break;
            case AnthropicWire.Error:
                var error = root.TryGetProperty("error", out var e) ? e : default;
                output.Add(ResponseTranslation.OpenAIError(ResponseTranslation.Str(error, "message") ?? "upstream stream error", ResponseTranslation.Str(error, "type") ?? "api_error", null));
                break;
        }
    }

    public void Complete(SseBatch output)
    {
        // Without message_stop the answer is incomplete; saying nothing lets the executor report it as cut off.
    }

    private void ReadUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var input = ResponseTranslation.Long(usage, "input_tokens") + ResponseTranslation.Long(usage, "cache_read_input_tokens") + ResponseTranslation.Long(usage, "cache_creation_input_tokens");
        if (input > 0)
        {
            _input = input;
            _cacheRead = ResponseTranslation.Long(usage, "cache_read_input_tokens");
        }

        _output = Math.Max(_output, ResponseTranslation.Long(usage, "output_tokens"));
    }

    internal static JsonDocument? ParseOrNull(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonDocument.Parse(data.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// OpenAI chat.completion.chunk events → Anthropic stream events: the first chunk opens the message
/// (message_start), content opens a text block, each tool call opens a tool_use block whose argument
/// fragments become input_json_delta events, and the end (<c>[DONE]</c>, or the end of the stream after
/// a finish_reason) closes the open block and sends message_delta (stop_reason, usage) and message_stop.
/// OpenAI reports usage only at the end, so message_start says 0 input tokens and message_delta carries
/// the real counts (as Anthropic's own message_delta does).
/// </summary>
internal sealed class OpenAIToAnthropicStream : HubStreamTranslator
{
    private int _nextBlock;
    private int _openBlock = -1;
    private bool _openIsText;
    private int _openToolIndex = -1;

    protected override void NotJson(ReadOnlySpan<byte> data, SseBatch output) => output.Add(data);

    protected override bool Error(string? message, string? type, string? code, SseBatch output)
    {
        output.Add(ResponseTranslation.AnthropicError(message ?? "upstream stream error", type is { Length: > 0 } && type.EndsWith("_error", StringComparison.Ordinal) ? type : "api_error", code), AnthropicWire.Error);
        return false;
    }

    protected override void Start(JsonElement root, SseBatch output) =>
        Write(output, AnthropicWire.MessageStart, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.MessageStart);
            w.WriteStartObject("message");
            w.WriteString("id", ResponseTranslation.MessageId(ResponseTranslation.Str(root, "id")));
            w.WriteString("type", "message");
            w.WriteString("role", "assistant");
            w.WriteString("model", ResponseTranslation.Str(root, "model") ?? "");
            w.WriteStartArray("content");
            w.WriteEndArray();
            w.WriteNull("stop_reason");
            w.WriteNull("stop_sequence");
            ResponseTranslation.WriteAnthropicUsage(w, 0, 0, 0);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    protected override void Text(string text, SseBatch output)
    {
        if (_openBlock < 0 || !_openIsText)
        {
            Close(output);
            OpenBlock(output, isText: true, w =>
            {
                w.WriteString("type", "text");
                w.WriteString("text", "");
            });
        }

        BlockDelta(output, w =>
        {
            w.WriteString("type", "text_delta");
            w.WriteString("text", text);
        });
    }

    protected override void ToolCall(JsonElement call, SseBatch output)
    {
        var toolIndex = (int)ResponseTranslation.Long(call, "index");
        var function = call.TryGetProperty("function", out var f) ? f : default;
        if (_openBlock < 0 || _openIsText || toolIndex != _openToolIndex)
        {
            Close(output);
            var id = ResponseTranslation.Str(call, "id") ?? "toolu_" + Guid.NewGuid().ToString("N")[..24];
            var name = ResponseTranslation.Str(function, "name") ?? "";
            _openToolIndex = toolIndex;
            OpenBlock(output, isText: false, w =>
            {
                w.WriteString("type", "tool_use");
                w.WriteString("id", id);
                w.WriteString("name", name);
                w.WriteStartObject("input");
                w.WriteEndObject();
            });
        }

        if (ResponseTranslation.Str(function, "arguments") is { Length: > 0 } arguments)
        {
            BlockDelta(output, w =>
            {
                w.WriteString("type", "input_json_delta");
                w.WriteString("partial_json", arguments);
            });
        }
    }

    protected override void End(SseBatch output)
    {
        Write(output, AnthropicWire.MessageDelta, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.MessageDelta);
            w.WriteStartObject("delta");
            w.WriteString("stop_reason", AnthropicWire.StopReasonFor(FinishReason));
            w.WriteNull("stop_sequence");
            w.WriteEndObject();
            ResponseTranslation.WriteAnthropicUsage(w, Usage.Prompt, Usage.Completion, Usage.Cached);
            w.WriteEndObject();
        });
        Write(output, AnthropicWire.MessageStop, static w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.MessageStop);
            w.WriteEndObject();
        });
    }

    private void OpenBlock(SseBatch output, bool isText, Action<Utf8JsonWriter> contentBlock)
    {
        _openBlock = _nextBlock++;
        _openIsText = isText;
        BlockEvent(output, AnthropicWire.ContentBlockStart, "content_block", contentBlock);
    }

    protected override void Close(SseBatch output)
    {
        if (_openBlock < 0)
        {
            return;
        }

        var index = _openBlock;
        _openBlock = -1;
        _openToolIndex = -1;
        Write(output, AnthropicWire.ContentBlockStop, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.ContentBlockStop);
            w.WriteNumber("index", index);
            w.WriteEndObject();
        });
    }

    private void BlockDelta(SseBatch output, Action<Utf8JsonWriter> delta) =>
        BlockEvent(output, AnthropicWire.ContentBlockDelta, "delta", delta);

    /// <summary>A <c>content_block_start</c> or <c>_delta</c> of the open block: its index and one object the caller fills.</summary>
    private void BlockEvent(SseBatch output, string type, string objectName, Action<Utf8JsonWriter> fill)
    {
        var index = _openBlock;
        Write(output, type, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteNumber("index", index);
            w.WriteStartObject(objectName);
            fill(w);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
