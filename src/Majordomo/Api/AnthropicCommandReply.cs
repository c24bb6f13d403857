using System.Buffers;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers.Anthropic;
using Majordomo.Routing;

namespace Majordomo.Api;

/// <summary>
/// Renders a <see cref="CommandReply"/> (the router answering <c>/use</c> or <c>/status</c> itself) as an
/// Anthropic message, or as the Messages stream events (message_start … message_stop) when asked to stream.
/// </summary>
internal static class AnthropicCommandReply
{
    public static async Task WriteAsync(HttpContext context, ChatRequest request, CommandReply reply)
    {
        var response = context.Response;
        var id = "msg_" + (response.Headers["X-Request-Id"].ToString() is { Length: > 0 } rid ? rid : "router");
        var buffer = new ArrayBufferWriter<byte>(512);
        if (!request.Stream)
        {
            using (var w = new Utf8JsonWriter(buffer))
            {
                Message(w, id, reply.Model, reply.Text);
            }

            await JsonAnswers.WriteAsync(context, 200, buffer.WrittenMemory).ConfigureAwait(false);
            return;
        }

        JsonAnswers.StartEventStream(response);
        Event(buffer, AnthropicWire.MessageStart, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.MessageStart);
            w.WritePropertyName("message");
            Message(w, id, reply.Model, null);
            w.WriteEndObject();
        });
        TextBlockEvent(buffer, AnthropicWire.ContentBlockStart, "content_block", "text", "");
        TextBlockEvent(buffer, AnthropicWire.ContentBlockDelta, "delta", "text_delta", reply.Text);
        Event(buffer, AnthropicWire.ContentBlockStop, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.ContentBlockStop);
            w.WriteNumber("index", 0);
            w.WriteEndObject();
        });
        Event(buffer, AnthropicWire.MessageDelta, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.MessageDelta);
            w.WriteStartObject("delta");
            w.WriteString("stop_reason", "end_turn");
            w.WriteNull("stop_sequence");
            w.WriteEndObject();
            Usage(w);
            w.WriteEndObject();
        });
        Event(buffer, AnthropicWire.MessageStop, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", AnthropicWire.MessageStop);
            w.WriteEndObject();
        });
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    // content_block_start and content_block_delta of the one text block: { type, index 0, inner: { type, text } }.
    private static void TextBlockEvent(ArrayBufferWriter<byte> buffer, string eventType, string inner, string innerType, string text) =>
        Event(buffer, eventType, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", eventType);
            w.WriteNumber("index", 0);
            w.WriteStartObject(inner);
            w.WriteString("type", innerType);
            w.WriteString("text", text);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    // The whole message (text given) or the empty one message_start carries (text null).
    private static void Message(Utf8JsonWriter w, string id, string model, string? text)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteString("model", model);
        w.WriteStartArray("content");
        if (text is not null)
        {
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (text is null)
        {
            w.WriteNull("stop_reason");
        }
        else
        {
            w.WriteString("stop_reason", "end_turn");
        }

        w.WriteNull("stop_sequence");
        Usage(w);
        w.WriteEndObject();
    }

    private static void Usage(Utf8JsonWriter w)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", 0);
        w.WriteNumber("output_tokens", 0);
        w.WriteEndObject();
    }

    private static void Event(ArrayBufferWriter<byte> buffer, string type, Action<Utf8JsonWriter> write)
    {
        buffer.Write("event: "u8);
        buffer.Write(System.Text.Encoding.UTF8.GetBytes(type));
        buffer.Write("\ndata: "u8);
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        buffer.Write("\n\n"u8);
    }
}
