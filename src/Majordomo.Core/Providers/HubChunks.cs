using System.Buffers;
using System.Text.Json;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers;

/// <summary>
/// Writes hub (OpenAI chat.completion.chunk) events for a stream translated from another protocol: one
/// instance per stream, one buffer reused for every chunk. The id and model are learnt from the upstream's
/// first event.
/// </summary>
internal sealed class HubChunks(long created)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public string Id { get; set; } = "msg";

    public string Model { get; set; } = "";

    /// <summary>The opening chunk: the assistant role and empty content.</summary>
    public void Role(SseBatch output) => Chunk(output, static w =>
    {
        w.WriteStartObject("delta");
        w.WriteString("role", "assistant");
        w.WriteString("content", "");
        w.WriteEndObject();
    }, null);

    public void Content(SseBatch output, string text) => Chunk(output, w =>
    {
        w.WriteStartObject("delta");
        w.WriteString("content", text);
        w.WriteEndObject();
    }, null);

    /// <summary>A tool call's fragment: <paramref name="id"/> and <paramref name="name"/> only on its first.</summary>
    public void ToolCall(SseBatch output, int index, string? id, string? name, string arguments) => Chunk(output, w =>
    {
        w.WriteStartObject("delta");
        w.WriteStartArray("tool_calls");
        w.WriteStartObject();
        w.WriteNumber("index", index);
        if (id is not null)
        {
            w.WriteString("id", id);
            w.WriteString("type", "function");
        }

        w.WriteStartObject("function");
        if (name is not null)
        {
            w.WriteString("name", name);
        }

        w.WriteString("arguments", arguments);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }, null);

    public void Finish(SseBatch output, string finishReason) => Chunk(output, static w =>
    {
        w.WriteStartObject("delta");
        w.WriteEndObject();
    }, finishReason);

    /// <summary>The usage-only chunk (the executor drops it unless the client asked for usage) and <c>[DONE]</c>.</summary>
    public void UsageAndDone(SseBatch output, long prompt, long completion, long cached)
    {
        Write(output, w =>
        {
            Header(w);
            w.WriteStartArray("choices");
            w.WriteEndArray();
            ResponseTranslation.WriteOpenAIUsage(w, prompt, completion, cached);
            w.WriteEndObject();
        });
        output.Add(OpenAIWire.DoneData);
    }

    private void Header(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("object", "chat.completion.chunk");
        w.WriteNumber("created", created);
        w.WriteString("model", Model);
    }

    private void Chunk(SseBatch output, Action<Utf8JsonWriter> delta, string? finishReason) => Write(output, w =>
    {
        Header(w);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        delta(w);
        w.WriteString("finish_reason", finishReason); // null is written as JSON null

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private void Write(SseBatch output, Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, RequestTranslation.WriterOptions))
        {
            write(w);
        }

        output.Add(_buffer.WrittenSpan);
    }
}
