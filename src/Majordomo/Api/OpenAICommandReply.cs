using System.Buffers;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Routing;

namespace Majordomo.Api;

/// <summary>
/// Renders a <see cref="CommandReply"/> (the router answering <c>/use</c> or <c>/status</c> itself) as an
/// OpenAI chat completion, or as chunks and <c>[DONE]</c> when the request asked for a stream.
/// </summary>
internal static class OpenAICommandReply
{
    public static async Task WriteAsync(HttpContext context, ChatRequest request, CommandReply reply, TimeProvider time)
    {
        var response = context.Response;
        var id = "chatcmpl-" + (response.Headers["X-Request-Id"].ToString() is { Length: > 0 } rid ? rid : "router");
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var buffer = new ArrayBufferWriter<byte>(512);
        if (!request.Stream)
        {
            using (var w = new Utf8JsonWriter(buffer))
            {
                Start(w, id, "chat.completion", created, reply.Model);
                Message(w, reply.Text);
                Usage(w);
                w.WriteEndObject();
            }

            await JsonAnswers.WriteAsync(context, 200, buffer.WrittenMemory).ConfigureAwait(false);
            return;
        }

        JsonAnswers.StartEventStream(response);
        Event(buffer, w =>
        {
            Start(w, id, "chat.completion.chunk", created, reply.Model);
            Choice(w, reply.Text, null);
            w.WriteEndObject();
        });
        Event(buffer, w =>
        {
            Start(w, id, "chat.completion.chunk", created, reply.Model);
            Choice(w, null, "stop");
            w.WriteEndObject();
        });
        if (request.ClientWantsUsage)
        {
            Event(buffer, w =>
            {
                Start(w, id, "chat.completion.chunk", created, reply.Model);
                w.WriteStartArray("choices");
                w.WriteEndArray();
                Usage(w);
                w.WriteEndObject();
            });
        }

        buffer.Write("data: [DONE]\n\n"u8);
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private static void Event(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.Write("data: "u8);
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        buffer.Write("\n\n"u8);
    }

    private static void Start(Utf8JsonWriter w, string id, string kind, long created, string model)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", kind);
        w.WriteNumber("created", created);
        w.WriteString("model", model);
    }

    /// <summary>The <c>choices</c> of a whole completion: one assistant message, finished.</summary>
    internal static void Message(Utf8JsonWriter w, string text)
    {
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", text);
        w.WriteEndObject();
        w.WriteString("finish_reason", "stop");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    internal static void Choice(Utf8JsonWriter w, string? content, string? finish)
    {
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("delta");
        if (content is not null)
        {
            w.WriteString("role", "assistant");
            w.WriteString("content", content);
        }

        w.WriteEndObject();
        w.WriteString("finish_reason", finish); // null is written as JSON null

        w.WriteEndObject();
        w.WriteEndArray();
    }

    internal static void Usage(Utf8JsonWriter w)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", 0);
        w.WriteNumber("completion_tokens", 0);
        w.WriteNumber("total_tokens", 0);
        w.WriteEndObject();
    }
}
