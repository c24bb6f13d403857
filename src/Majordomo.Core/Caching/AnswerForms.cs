using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Caching;

/// <summary>
/// A stored answer in the other form than the one asked for (SPEC §8), through the hub as every
/// translation goes: a body becomes hub chunks (<see cref="HubChunks"/>) and then the protocol's own
/// events (its <see cref="HubTranslation.StreamFromHub"/>); a stream becomes hub chunks (its
/// <see cref="HubTranslation.StreamToHub"/>), read back into one hub answer by <see cref="HubAnswerReader"/>
/// (the chunk reading every hub translator shares), then the protocol's body (<see cref="HubTranslation.AnswerFromHub"/>).
/// </summary>
internal static class AnswerForms
{
    /// <summary>A whole answer in <paramref name="protocol"/> as that protocol's stream events.</summary>
    public static SseBatch BodyToEvents(WireProtocol protocol, byte[] body, long created)
    {
        var translation = protocol.Translation;
        var hub = translation is null ? body : translation.AnswerToHub(body, created);
        var hubEvents = new SseBatch();
        HubEvents(hub, hubEvents);
        if (translation is null)
        {
            return hubEvents;
        }

        var output = new SseBatch();
        var translator = translation.StreamFromHub();
        try
        {
            for (var i = 0; i < hubEvents.Count; i++)
            {
                translator.Translate(hubEvents.EventType(i), hubEvents.Data(i), output);
            }
        }
        finally
        {
            // The hub events are translated: their array goes back to the pool (the caller releases output).
            hubEvents.Release();
        }

        translator.Complete(output);
        return output;
    }

    /// <summary>A stored stream (SSE bytes in <paramref name="protocol"/>) as that protocol's whole answer.</summary>
    public static async Task<byte[]> StreamToBodyAsync(WireProtocol protocol, byte[] stream, long created, CancellationToken cancellationToken)
    {
        var translation = protocol.Translation;
        var toHub = translation?.StreamToHub(created);
        var assembler = new HubAnswerReader(created);
        var hub = new SseBatch();
        var reader = new SseBatchReader(new MemoryStream(stream, writable: false), stream.Length + 1);
        var batch = new SseBatch();
        var unused = new SseBatch();
        try
        {
            while (await reader.ReadAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (toHub is null)
                    {
                        assembler.Translate(batch.EventType(i), batch.Data(i), hub);
                        continue;
                    }

                    hub.Clear();
                    toHub.Translate(batch.EventType(i), batch.Data(i), hub);
                    Feed(assembler, hub, unused);
                }
            }

            if (toHub is not null)
            {
                hub.Clear();
                toHub.Complete(hub);
                Feed(assembler, hub, unused);
            }
        }
        finally
        {
            reader.Complete();
            batch.Release();
            hub.Release();
            unused.Release();
        }

        var answer = assembler.Answer();
        return translation is null ? answer : translation.AnswerFromHub(answer);
    }

    private static void Feed(HubAnswerReader assembler, SseBatch hub, SseBatch unused)
    {
        unused.Clear();
        for (var i = 0; i < hub.Count; i++)
        {
            assembler.Translate(hub.EventType(i), hub.Data(i), unused);
        }
    }

    /// <summary>A hub answer (<c>chat.completion</c>) as the chunks a live stream of it would have sent.</summary>
    private static void HubEvents(byte[] hubAnswer, SseBatch output)
    {
        using var doc = JsonDocument.Parse(hubAnswer);
        var root = doc.RootElement;
        var chunks = new HubChunks(root.TryGetProperty("created", out var c) && c.TryGetInt64(out var t) ? t : 0)
        {
            Id = ResponseTranslation.Str(root, "id") ?? "chatcmpl-cache",
            Model = ResponseTranslation.Str(root, "model") ?? "",
        };
        var choice = root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0 ? choices[0] : default;
        var message = choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("message", out var m) ? m : default;
        chunks.Role(output);
        if (message.ValueKind == JsonValueKind.Object)
        {
            if (ResponseTranslation.Str(message, "content") is { Length: > 0 } text)
            {
                chunks.Content(output, text);
            }

            if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var call in calls.EnumerateArray())
                {
                    var function = call.TryGetProperty("function", out var f) ? f : default;
                    chunks.ToolCall(output, index++, ResponseTranslation.Str(call, "id") ?? $"call_{index}",
                        function.ValueKind == JsonValueKind.Object ? ResponseTranslation.Str(function, "name") ?? "" : "",
                        function.ValueKind == JsonValueKind.Object ? ResponseTranslation.Str(function, "arguments") ?? "" : "");
                }
            }
        }

        chunks.Finish(output, choice.ValueKind == JsonValueKind.Object ? ResponseTranslation.Str(choice, "finish_reason") ?? "stop" : "stop");
        var usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? ResponseTranslation.OpenAIUsage(u) : default;
        chunks.UsageAndDone(output, usage.Prompt, usage.Completion, usage.Cached);
    }

    /// <summary>Reads hub chunks back into one hub answer (text, tool calls, finish reason, usage).</summary>
    private sealed class HubAnswerReader(long created) : HubStreamTranslator
    {
        private readonly StringBuilder _text = new();
        private readonly List<(string? Id, string? Name, StringBuilder Arguments)> _calls = [];
        private string _id = "chatcmpl-cache";
        private string _model = "";
        private long _created = created;
        private bool _hasText;

        protected override void Start(JsonElement firstChunk, SseBatch output)
        {
            _id = ResponseTranslation.Str(firstChunk, "id") ?? _id;
            _model = ResponseTranslation.Str(firstChunk, "model") ?? _model;
            if (firstChunk.TryGetProperty("created", out var c) && c.TryGetInt64(out var t))
            {
                _created = t;
            }
        }

        protected override void Text(string text, SseBatch output)
        {
            _hasText = true;
            _text.Append(text);
        }

        protected override void ToolCall(JsonElement call, SseBatch output)
        {
            var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : _calls.Count;
            while (_calls.Count <= index)
            {
                _calls.Add((null, null, new StringBuilder()));
            }

            var function = call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
            var (id, name, arguments) = _calls[index];
            _calls[index] = (id ?? ResponseTranslation.Str(call, "id"), name ?? (function.ValueKind == JsonValueKind.Object ? ResponseTranslation.Str(function, "name") : null), arguments);
            if (function.ValueKind == JsonValueKind.Object && ResponseTranslation.Str(function, "arguments") is { } part)
            {
                arguments.Append(part);
            }
        }

        protected override void Close(SseBatch output)
        {
        }

        protected override void End(SseBatch output)
        {
        }

        protected override bool Error(string? message, string? type, string? code, SseBatch output) =>
            throw new InvalidOperationException("a stored stream holds an error event");

        public byte[] Answer()
        {
            var output = new ArrayBufferWriter<byte>(_text.Length + 512);
            using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("id", _id);
                w.WriteString("object", "chat.completion");
                w.WriteNumber("created", _created);
                w.WriteString("model", _model);
                w.WriteStartArray("choices");
                w.WriteStartObject();
                w.WriteNumber("index", 0);
                w.WriteStartObject("message");
                w.WriteString("role", "assistant");
                w.WriteString("content", _hasText ? _text.ToString() : null);
                WriteCalls(w);
                w.WriteEndObject();
                w.WriteString("finish_reason", FinishReason ?? "stop");
                w.WriteEndObject();
                w.WriteEndArray();
                var (prompt, completion, cached) = Usage;
                ResponseTranslation.WriteOpenAIUsage(w, prompt, completion, cached);
                w.WriteEndObject();
            }

            return output.WrittenSpan.ToArray();
        }

        private void WriteCalls(Utf8JsonWriter w)
        {
            if (_calls.Count == 0)
            {
                return;
            }

            w.WriteStartArray("tool_calls");
            foreach (var (id, name, arguments) in _calls)
            {
                w.WriteStartObject();
                w.WriteString("id", id ?? "call");
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", name ?? "");
                w.WriteString("arguments", arguments.ToString());
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
