using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Responses;

/// <summary>One output item of a response being built: an assistant message or a function call.</summary>
internal sealed class OutputItem(bool isCall, string id)
{
    public bool IsCall { get; } = isCall;

    public string Id { get; } = id;

    public StringBuilder Text { get; } = new();

    public string? CallId { get; init; }

    public string? Name { get; init; }

    public bool Done { get; set; }

    /// <summary>Writes the item as it stands (<c>in_progress</c> until <see cref="Done"/>).</summary>
    public void Write(Utf8JsonWriter w, bool empty = false)
    {
        w.WriteStartObject();
        if (IsCall)
        {
            w.WriteString("type", "function_call");
            w.WriteString("id", Id);
            w.WriteString("call_id", CallId ?? Id);
            w.WriteString("name", Name ?? "");
            w.WriteString("arguments", empty ? "" : Text.ToString());
            w.WriteString("status", Done ? "completed" : "in_progress");
        }
        else
        {
            w.WriteString("type", "message");
            w.WriteString("id", Id);
            w.WriteString("status", Done ? "completed" : "in_progress");
            w.WriteString("role", "assistant");
            w.WriteStartArray("content");
            if (!empty)
            {
                ResponsesAnswerTranslation.WriteTextPart(w, Text.ToString());
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}

/// <summary>
/// A Chat Completions (hub) answer → a Responses <c>response</c> object: the message's text as one
/// <c>message</c> item with an <c>output_text</c> part, each tool call a <c>function_call</c> item, finish
/// reason <c>length</c> as status <c>incomplete</c> (<c>max_output_tokens</c>), usage as input/output tokens.
/// </summary>
internal static class ResponsesAnswerTranslation
{
    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public static byte[] FromChat(byte[] hubBody)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(hubBody);
        }
        catch (JsonException)
        {
            return hubBody;
        }

        using (doc)
        {
            var root = doc.RootElement;
            var items = new List<OutputItem>();
            string? finish = null;
            if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                var choice = choices[0];
                finish = ResponseTranslation.Str(choice, "finish_reason");
                if (choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
                {
                    if (message.TryGetProperty("content", out var content) && ResponsesRequestTranslation.Text(content) is { Length: > 0 } text)
                    {
                        var item = new OutputItem(false, NewId("msg_")) { Done = true };
                        item.Text.Append(text);
                        items.Add(item);
                    }

                    if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var call in calls.EnumerateArray())
                        {
                            var function = call.TryGetProperty("function", out var f) ? f : default;
                            var item = new OutputItem(true, NewId("fc_"))
                            {
                                CallId = ResponseTranslation.Str(call, "id") ?? NewId("call_"),
                                Name = ResponseTranslation.Str(function, "name"),
                                Done = true,
                            };
                            item.Text.Append(ResponseTranslation.Str(function, "arguments") ?? "{}");
                            items.Add(item);
                        }
                    }
                }
            }

            var (prompt, completion, cached) = root.TryGetProperty("usage", out var usage) ? ResponseTranslation.OpenAIUsage(usage) : (0, 0, 0);
            var output = new ArrayBufferWriter<byte>(hubBody.Length + 512);
            using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
            {
                var created = ResponseTranslation.Long(root, "created");
                WriteResponse(w, new ResponseHead(NewId("resp_"), created, ResponseTranslation.Str(root, "model") ?? ""), items, finish, (prompt, completion, cached));
            }

            return output.WrittenSpan.ToArray();
        }
    }

    /// <summary>What every rendering of one response repeats.</summary>
    internal sealed record ResponseHead(string Id, long CreatedAt, string Model);

    /// <summary>
    /// A whole <c>response</c> object. <paramref name="finish"/> null with <paramref name="usage"/> null is
    /// the in-progress shape of <c>response.created</c>.
    /// </summary>
    internal static void WriteResponse(Utf8JsonWriter w, ResponseHead head, IReadOnlyList<OutputItem> items, string? finish, (long Prompt, long Completion, long Cached)? usage)
    {
        var status = usage is null ? "in_progress" : finish == "length" ? "incomplete" : "completed";
        w.WriteStartObject();
        w.WriteString("id", head.Id);
        w.WriteString("object", "response");
        w.WriteNumber("created_at", head.CreatedAt);
        w.WriteString("status", status);
        w.WriteNull("error");
        if (status == "incomplete")
        {
            w.WriteStartObject("incomplete_details");
            w.WriteString("reason", "max_output_tokens");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("incomplete_details");
        }

        w.WriteString("model", head.Model);
        w.WriteStartArray("output");
        foreach (var item in items)
        {
            item.Write(w);
        }

        w.WriteEndArray();
        w.WriteBoolean("parallel_tool_calls", true);
        w.WriteString("tool_choice", "auto");
        w.WriteStartArray("tools");
        w.WriteEndArray();
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        if (usage is { } u)
        {
            w.WriteStartObject("usage");
            w.WriteNumber("input_tokens", u.Prompt);
            w.WriteStartObject("input_tokens_details");
            w.WriteNumber("cached_tokens", u.Cached);
            w.WriteEndObject();
            w.WriteNumber("output_tokens", u.Completion);
            w.WriteStartObject("output_tokens_details");
            w.WriteNumber("reasoning_tokens", 0);
            w.WriteEndObject();
            w.WriteNumber("total_tokens", u.Prompt + u.Completion);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("usage");
        }

        w.WriteEndObject();
    }

    internal static void WriteTextPart(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("type", "output_text");
        w.WriteString("text", text);
        w.WriteStartArray("annotations");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>
/// Chat Completions (hub) chunks → the Responses event sequence: <c>response.created</c> and
/// <c>response.in_progress</c> on the first chunk; text opens a message item
/// (<c>output_item.added</c>, <c>content_part.added</c>) and becomes <c>output_text.delta</c> events; each
/// tool call opens a <c>function_call</c> item whose fragments are <c>function_call_arguments.delta</c>;
/// the end (<c>[DONE]</c>, or the end of the stream after a finish reason) closes the open item (its
/// <c>…done</c> events) and sends <c>response.completed</c> (or <c>response.incomplete</c>) with usage.
/// An error chunk becomes an <c>error</c> event.
/// </summary>
internal sealed class HubToResponsesStream(long created) : IStreamTranslator
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly List<OutputItem> _items = [];
    private ResponsesAnswerTranslation.ResponseHead? _head;
    private OutputItem? _open;
    private int _openToolIndex = -1;
    private string? _finish;
    private (long, long, long) _usage;
    private bool _stopped;
    private int _sequence;

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
            return;
        }

        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            var message = error.ValueKind == JsonValueKind.String ? error.GetString() : ResponseTranslation.Str(error, "message");
            var code = error.ValueKind == JsonValueKind.Object ? ResponseTranslation.Str(error, "code") ?? ResponseTranslation.Str(error, "type") : null;
            Event(output, ResponsesWire.Error, w =>
            {
                w.WriteString("code", code ?? "upstream_error");
                w.WriteString("message", message ?? "upstream stream error");
                w.WriteNull("param");
            });
            _stopped = true;
            return;
        }

        if (_head is null)
        {
            _head = new ResponsesAnswerTranslation.ResponseHead(ResponsesAnswerTranslation.NewId("resp_"), ResponseTranslation.Long(root, "created") is > 0 and var c ? c : created,
                ResponseTranslation.Str(root, "model") ?? "");
            Event(output, ResponsesWire.Created, w => WriteResponse(w, null));
            Event(output, ResponsesWire.InProgress, w => WriteResponse(w, null));
        }

        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            _usage = ResponseTranslation.OpenAIUsage(usage);
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
                if (_open is not { IsCall: false })
                {
                    Close(output);
                    Open(output, new OutputItem(false, ResponsesAnswerTranslation.NewId("msg_")));
                }

                _open!.Text.Append(text);
                var item = _open;
                TextEvent(output, ResponsesWire.TextDelta, item, "delta", text);
            }

            if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in calls.EnumerateArray())
                {
                    Call(output, call);
                }
            }
        }

        if (ResponseTranslation.Str(choice, "finish_reason") is { } finish)
        {
            _finish = finish;
            Close(output);
        }
    }

    private void Call(SseBatch output, JsonElement call)
    {
        var index = (int)ResponseTranslation.Long(call, "index");
        var function = call.TryGetProperty("function", out var f) ? f : default;
        if (_open is not { IsCall: true } || index != _openToolIndex)
        {
            Close(output);
            _openToolIndex = index;
            Open(output, new OutputItem(true, ResponsesAnswerTranslation.NewId("fc_"))
            {
                CallId = ResponseTranslation.Str(call, "id") ?? ResponsesAnswerTranslation.NewId("call_"),
                Name = ResponseTranslation.Str(function, "name") ?? "",
            });
        }

        if (ResponseTranslation.Str(function, "arguments") is { Length: > 0 } arguments)
        {
            _open!.Text.Append(arguments);
            var item = _open;
            Event(output, ResponsesWire.ArgumentsDelta, w =>
            {
                Position(w, item);
                w.WriteString("delta", arguments);
            });
        }
    }

    public void Complete(SseBatch output)
    {
        // Some servers end without [DONE]; a finish_reason already said the answer was whole.
        if (_finish is not null)
        {
            Finish(output);
        }
    }

    private void Finish(SseBatch output)
    {
        if (_stopped || _head is null)
        {
            _stopped = true;
            return;
        }

        Close(output);
        _stopped = true;
        Event(output, _finish == "length" ? ResponsesWire.Incomplete : ResponsesWire.Completed, w => WriteResponse(w, _usage));
    }

    private void Open(SseBatch output, OutputItem item)
    {
        _open = item;
        _items.Add(item);
        Event(output, ResponsesWire.ItemAdded, w =>
        {
            w.WriteNumber("output_index", _items.Count - 1);
            w.WritePropertyName("item");
            item.Write(w, empty: true);
        });
        if (!item.IsCall)
        {
            Event(output, ResponsesWire.PartAdded, w =>
            {
                Position(w, item);
                w.WriteNumber("content_index", 0);
                w.WritePropertyName("part");
                ResponsesAnswerTranslation.WriteTextPart(w, "");
            });
        }
    }

    private void Close(SseBatch output)
    {
        if (_open is not { } item)
        {
            return;
        }

        _open = null;
        _openToolIndex = -1;
        item.Done = true;
        var text = item.Text.ToString();
        if (item.IsCall)
        {
            Event(output, ResponsesWire.ArgumentsDone, w =>
            {
                Position(w, item);
                w.WriteString("name", item.Name);
                w.WriteString("arguments", text);
            });
        }
        else
        {
            TextEvent(output, ResponsesWire.TextDone, item, "text", text);
            Event(output, ResponsesWire.PartDone, w =>
            {
                Position(w, item);
                w.WriteNumber("content_index", 0);
                w.WritePropertyName("part");
                ResponsesAnswerTranslation.WriteTextPart(w, text);
            });
        }

        Event(output, ResponsesWire.ItemDone, w =>
        {
            w.WriteNumber("output_index", _items.IndexOf(item));
            w.WritePropertyName("item");
            item.Write(w);
        });
    }

    /// <summary>A text delta or done event: where the item is, content part 0, the text under <paramref name="field"/>, no logprobs.</summary>
    private void TextEvent(SseBatch output, string type, OutputItem item, string field, string text) =>
        Event(output, type, w =>
        {
            Position(w, item);
            w.WriteNumber("content_index", 0);
            w.WriteString(field, text);
            w.WriteStartArray("logprobs");
            w.WriteEndArray();
        });

    private void Position(Utf8JsonWriter w, OutputItem item)
    {
        w.WriteString("item_id", item.Id);
        w.WriteNumber("output_index", _items.IndexOf(item));
    }

    private void WriteResponse(Utf8JsonWriter w, (long, long, long)? usage)
    {
        w.WritePropertyName("response");
        ResponsesAnswerTranslation.WriteResponse(w, _head!, usage is null ? [] : _items, _finish, usage);
    }

    private void Event(SseBatch output, string type, Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, RequestTranslation.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteNumber("sequence_number", _sequence++);
            write(w);
            w.WriteEndObject();
        }

        output.Add(_buffer.WrittenSpan, type);
    }
}
