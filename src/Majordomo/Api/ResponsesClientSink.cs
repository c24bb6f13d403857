using System.Buffers;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Providers.Responses;
using Majordomo.Routing;

namespace Majordomo.Api;

/// <summary>
/// Writes answers to a Responses client (<c>POST /v1/responses</c>): like the OpenAI sink, plus what this
/// protocol adds. Hosted tools left out for a non-Responses upstream are named in
/// <c>X-Router-Dropped-Tools</c>; a finished response (the body, or a stream's <c>response.completed</c>)
/// is stored for <c>previous_response_id</c> unless the client said <c>store: false</c>; a failed stream
/// ends with an <c>error</c> event (the npm SDK throws on it) and then an abort (the .NET SDK needs the cut).
/// </summary>
internal sealed class ResponsesClientSink(HttpContext context, ChatRequest request, TimeProvider time, ResponseStore store) : IClientSink
{
    public const string DroppedToolsHeader = "X-Router-Dropped-Tools";

    private readonly OpenAIClientSink _writer = new(context, time);
    private readonly bool _store = request.Responses?.Store ?? false;
    private bool _stored;
    private ArrayBufferWriter<byte>? _forwarded;

    public ValueTask StartStreamAsync(AnswerInfo info, CancellationToken cancellationToken)
    {
        WriteDroppedTools(info);
        return _writer.StartStreamAsync(info, cancellationToken);
    }

    public void WriteEvent(string? eventType, ReadOnlySpan<byte> data)
    {
        if (_store && !_stored && eventType is ResponsesWire.Completed or ResponsesWire.Incomplete)
        {
            StoreEvent(data);
        }

        _writer.WriteEvent(eventType, data);
    }

    public void WriteRaw(ReadOnlySpan<byte> events)
    {
        // One vectorised search per batch, and only while a response is to be stored.
        if (_store && !_stored && (events.IndexOf("\"response.completed\""u8) >= 0 || events.IndexOf("\"response.incomplete\""u8) >= 0))
        {
            StoreFromRaw(events);
        }

        _writer.WriteRaw(events);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public async ValueTask WriteStreamErrorAsync(string message, string code, CancellationToken cancellationToken)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteString("type", ResponsesWire.Error);
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteNull("param");
            w.WriteEndObject();
        }

        _writer.WriteEvent(ResponsesWire.Error, output.WrittenSpan);
        await _writer.AbortAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask WriteBodyAsync(AnswerInfo info, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        WriteDroppedTools(info);
        if (_store)
        {
            store.Add(request.ApiKeyName, ResponseStore.InputItems(request), body.Span);
        }

        return _writer.WriteBodyAsync(info, body, contentType, cancellationToken);
    }

    public ValueTask StartBodyAsync(AnswerInfo info, string? contentType, CancellationToken cancellationToken)
    {
        WriteDroppedTools(info);
        _forwarded = _store ? new ArrayBufferWriter<byte>(1024 * 1024) : null;
        return _writer.StartBodyAsync(info, contentType, cancellationToken);
    }

    public ValueTask WriteBodyPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken)
    {
        // A forwarded answer is kept for previous_response_id only up to the store's per-answer bound.
        if (_forwarded is { } kept)
        {
            _forwarded = kept.WrittenCount + part.Length <= ResponseStore.MaxForwardedAnswerBytes ? kept : null;
            _forwarded?.Write(part.Span);
        }

        return _writer.WriteBodyPartAsync(part, cancellationToken);
    }

    public ValueTask EndBodyAsync(bool complete, CancellationToken cancellationToken)
    {
        if (complete && _forwarded is { } kept)
        {
            store.Add(request.ApiKeyName, ResponseStore.InputItems(request), kept.WrittenSpan);
        }

        _forwarded = null;
        return _writer.EndBodyAsync(complete, cancellationToken);
    }

    private void WriteDroppedTools(AnswerInfo info)
    {
        if (request.Responses?.HostedTools is { } hosted && info.Model.Provider.Api != ResponsesProtocol.Id)
        {
            context.Response.Headers[DroppedToolsHeader] = hosted;
        }
    }

    private void StoreEvent(ReadOnlySpan<byte> data)
    {
        try
        {
            using var doc = JsonDocument.Parse(data.ToArray());
            if (doc.RootElement.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
            {
                _stored = true;
                store.Add(request.ApiKeyName, ResponseStore.InputItems(request), System.Text.Encoding.UTF8.GetBytes(response.GetRawText()));
            }
        }
        catch (JsonException)
        {
        }
    }

    // The upstream's own framing: the end event's data line (OpenAI writes each event's JSON on one line).
    private void StoreFromRaw(ReadOnlySpan<byte> events)
    {
        while (!events.IsEmpty)
        {
            var end = events.IndexOf((byte)'\n');
            var line = end < 0 ? events : events[..end];
            events = end < 0 ? [] : events[(end + 1)..];
            if (line.StartsWith("data:"u8) && ResponsesWire.EventKind(null, line[5..].Trim(" \r"u8)) == ResponsesWire.Kind.End)
            {
                StoreEvent(line[5..].Trim(" \r"u8));
                return;
            }
        }
    }
}

/// <summary>
/// Renders a <see cref="CommandReply"/> (<c>/use</c>, <c>/status</c>) as a Responses answer: the reply is
/// written as a hub completion and translated like any upstream's, so the shapes cannot drift apart.
/// </summary>
internal static class ResponsesCommandReply
{
    public static async Task WriteAsync(HttpContext context, ChatRequest request, CommandReply reply, TimeProvider time)
    {
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        if (!request.Stream)
        {
            var hub = Chunk(created, reply.Model, w =>
            {
                w.WriteString("object", "chat.completion");
                OpenAICommandReply.Message(w, reply.Text);
            });
            await JsonAnswers.WriteAsync(context, 200, ResponsesAnswerTranslation.FromChat(hub)).ConfigureAwait(false);
            return;
        }

        var translator = new HubToResponsesStream(created);
        var events = new SseBatch();
        translator.Translate(null, Chunk(created, reply.Model, w => OpenAICommandReply.Choice(w, reply.Text, null)), events);
        translator.Translate(null, Chunk(created, reply.Model, w => OpenAICommandReply.Choice(w, null, "stop")), events);
        translator.Translate(null, "[DONE]"u8, events);
        JsonAnswers.StartEventStream(context.Response);
        var output = new ArrayBufferWriter<byte>(2048);
        for (var i = 0; i < events.Count; i++)
        {
            output.Write("event: "u8);
            output.Write(System.Text.Encoding.UTF8.GetBytes(events.EventType(i)!));
            output.Write("\ndata: "u8);
            output.Write(events.Data(i));
            output.Write("\n\n"u8);
        }

        events.Release();

        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[] Chunk(long created, string model, Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteString("id", "chatcmpl-router");
            w.WriteNumber("created", created);
            w.WriteString("model", model);
            write(w);
            OpenAICommandReply.Usage(w);
            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }
}
