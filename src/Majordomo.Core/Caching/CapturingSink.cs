using System.Buffers;
using Majordomo.Execution;

namespace Majordomo.Caching;

/// <summary>
/// Passes an answer to the client's sink unchanged and keeps a copy of what the client got (a stream's
/// events as SSE, or the body), up to <paramref name="maxBytes"/>. The copy is an answer to store only
/// when the answer ended whole: a stream ended with an error event or a body cut short is never kept.
/// </summary>
internal sealed class CapturingSink(IClientSink inner, long maxBytes) : IClientSink
{
    private readonly ArrayBufferWriter<byte> _captured = new(4096);
    private bool _streamed;
    private bool _unusable;
    private string? _contentType;

    /// <summary>The copy as an answer of <paramref name="model"/>; null when it was cut, failed or too big.</summary>
    public CachedAnswer? Answer(string model) =>
        _unusable || _captured.WrittenCount == 0 ? null : new CachedAnswer(model, _streamed, _captured.WrittenSpan.ToArray(), _streamed ? null : _contentType);

    public ValueTask StartStreamAsync(AnswerInfo info, CancellationToken cancellationToken)
    {
        _streamed = true;
        return inner.StartStreamAsync(info, cancellationToken);
    }

    public void WriteEvent(string? eventType, ReadOnlySpan<byte> data)
    {
        if (eventType is not null)
        {
            Append("event: "u8);
            Append(System.Text.Encoding.UTF8.GetBytes(eventType));
            Append("\n"u8);
        }

        Append("data: "u8);
        Append(data);
        Append("\n\n"u8);
        inner.WriteEvent(eventType, data);
    }

    public void WriteRaw(ReadOnlySpan<byte> events)
    {
        Append(events);
        inner.WriteRaw(events);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public ValueTask WriteStreamErrorAsync(string message, string code, CancellationToken cancellationToken)
    {
        _unusable = true;
        return inner.WriteStreamErrorAsync(message, code, cancellationToken);
    }

    public ValueTask WriteBodyAsync(AnswerInfo info, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        _contentType = contentType;
        Append(body.Span);
        return inner.WriteBodyAsync(info, body, contentType, cancellationToken);
    }

    public ValueTask StartBodyAsync(AnswerInfo info, string? contentType, CancellationToken cancellationToken)
    {
        _contentType = contentType;
        return inner.StartBodyAsync(info, contentType, cancellationToken);
    }

    public ValueTask WriteBodyPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken)
    {
        Append(part.Span);
        return inner.WriteBodyPartAsync(part, cancellationToken);
    }

    public ValueTask EndBodyAsync(bool complete, CancellationToken cancellationToken)
    {
        _unusable |= !complete;
        return inner.EndBodyAsync(complete, cancellationToken);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_unusable)
        {
            return;
        }

        if (_captured.WrittenCount + bytes.Length > maxBytes)
        {
            // Too big to keep: stop copying (what was copied is dropped with the capture).
            _unusable = true;
            return;
        }

        _captured.Write(bytes);
    }
}
