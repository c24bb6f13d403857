using System.Text;
using Majordomo.Execution;

namespace Majordomo.Api;

/// <summary>Writes answers to an OpenAI-protocol client: SSE events flushed one by one, or a whole JSON body.</summary>
internal sealed class OpenAIClientSink(HttpContext context, TimeProvider time) : IClientSink
{
    /// <summary>
    /// How long the error event gets to leave Kestrel's output pipe before the connection is aborted
    /// (an abort drops whatever is still queued).
    /// </summary>
    internal static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(250);

    public async ValueTask StartStreamAsync(AnswerInfo info, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        RouterHeaders.Write(response, info.Plan, info.Model.Id, info.Attempts);
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public void WriteEvent(string? eventType, ReadOnlySpan<byte> data)
    {
        var writer = context.Response.BodyWriter;
        var typeBytes = eventType is null ? [] : Encoding.UTF8.GetBytes(eventType);
        var length = (eventType is null ? 0 : 7 + typeBytes.Length + 1) + 6 + data.Length + 2;

        // One GetSpan/Advance per event: each call takes the connection's output lock.
        var span = writer.GetSpan(length);
        var written = 0;
        if (eventType is not null)
        {
            "event: "u8.CopyTo(span);
            typeBytes.CopyTo(span[7..]);
            span[7 + typeBytes.Length] = (byte)'\n';
            written = 8 + typeBytes.Length;
        }

        "data: "u8.CopyTo(span[written..]);
        data.CopyTo(span[(written + 6)..]);
        "\n\n"u8.CopyTo(span[(written + 6 + data.Length)..]);
        writer.Advance(length);
    }

    public void WriteRaw(ReadOnlySpan<byte> events) => Write(context.Response.BodyWriter, events);

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var flush = context.Response.BodyWriter.FlushAsync(cancellationToken);
        return flush.IsCompletedSuccessfully ? default : AwaitFlushAsync(flush);

        static async ValueTask AwaitFlushAsync(ValueTask<System.IO.Pipelines.FlushResult> pending) => await pending.ConfigureAwait(false);
    }

    public async ValueTask WriteStreamErrorAsync(string message, string code, CancellationToken cancellationToken)
    {
        Write(context.Response.BodyWriter, Errors.StreamErrorEvent(message, code));
        await AbortAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends what is buffered, gives it <see cref="AbortGrace"/> to leave, then cuts the response short.</summary>
    public async ValueTask AbortAsync(CancellationToken cancellationToken)
    {
        await context.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);

        // Some clients (the official OpenAI SDK among them) skip an error event and would report the
        // truncated answer as complete. Ending the response without its final chunk makes every
        // HTTP client see that the body was cut short.
        try
        {
            await Task.Delay(AbortGrace, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    public async ValueTask WriteBodyAsync(AnswerInfo info, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        WriteBodyHeaders(info, contentType);
        context.Response.ContentLength = body.Length;
        await context.Response.BodyWriter.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask StartBodyAsync(AnswerInfo info, string? contentType, CancellationToken cancellationToken)
    {
        // No Content-Length: the upstream's may describe a compressed body, and a cut must show as one.
        WriteBodyHeaders(info, contentType);
        await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteBodyPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken) =>
        await context.Response.BodyWriter.WriteAsync(part, cancellationToken).ConfigureAwait(false);

    public ValueTask EndBodyAsync(bool complete, CancellationToken cancellationToken) =>
        complete ? default : AbortAsync(cancellationToken);

    private void WriteBodyHeaders(AnswerInfo info, string? contentType)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = contentType ?? "application/json";
        RouterHeaders.Write(response, info.Plan, info.Model.Id, info.Attempts);
    }

    private static void Write(System.IO.Pipelines.PipeWriter writer, ReadOnlySpan<byte> bytes)
    {
        var span = writer.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        writer.Advance(bytes.Length);
    }
}
