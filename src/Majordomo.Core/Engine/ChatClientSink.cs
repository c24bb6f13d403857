using System.Buffers;
using System.Threading.Channels;
using Majordomo.Execution;
using Microsoft.Extensions.AI;

namespace Majordomo.Engine;

/// <summary>
/// Where the executor writes an answer for the library's <c>IChatClient</c>: a whole body kept for
/// <see cref="HubAnswer.ToResponse"/>, or each stream event turned into a <see cref="ChatResponseUpdate"/>
/// as it arrives (the caller reads them from <see cref="Updates"/> while the chain runs).
/// </summary>
internal sealed class ChatClientSink : IClientSink
{
    private readonly Channel<ChatResponseUpdate>? _updates;
    private readonly HubAnswer.StreamState _state = new();
    private ArrayBufferWriter<byte>? _parts;

    /// <param name="stream">True: events go to <see cref="Updates"/>; false: the body is kept.</param>
    public ChatClientSink(bool stream)
    {
        _updates = stream ? Channel.CreateUnbounded<ChatResponseUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true }) : null;
    }

    public bool IsStream => _updates is not null;

    /// <summary>The answering model and the plan, once the answer is committed.</summary>
    public AnswerInfo? Info { get; private set; }

    /// <summary>The non-streamed answer (OpenAI Chat Completions JSON).</summary>
    public byte[]? Body { get; private set; }

    /// <summary>The error a committed stream ended with (its message is redacted by the executor).</summary>
    public (string Message, string Code)? StreamError { get; private set; }

    public ChannelReader<ChatResponseUpdate> Updates => _updates?.Reader ?? throw new InvalidOperationException("not a stream");

    /// <summary>No more updates: the chain has ended.</summary>
    public void Complete() => _updates?.Writer.TryComplete();

    public ValueTask StartStreamAsync(AnswerInfo info, CancellationToken cancellationToken)
    {
        Info = info;
        return default;
    }

    public void WriteEvent(string? eventType, ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8) || _updates is null)
        {
            return;
        }

        if (HubAnswer.ToUpdate(data, _state) is { } update)
        {
            update.ModelId = Info?.Model.Id;
            _updates.Writer.TryWrite(update);
        }
    }

    /// <summary>Complete SSE events as the upstream framed them: each <c>data:</c> line is one chunk.</summary>
    public void WriteRaw(ReadOnlySpan<byte> events)
    {
        while (!events.IsEmpty)
        {
            var end = events.IndexOf((byte)'\n');
            var line = end < 0 ? events : events[..end];
            events = end < 0 ? [] : events[(end + 1)..];
            if (line.StartsWith("data:"u8))
            {
                WriteEvent(null, line[5..].Trim((byte)' ').TrimEnd((byte)'\r'));
            }
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => default;

    public ValueTask WriteStreamErrorAsync(string message, string code, CancellationToken cancellationToken)
    {
        StreamError = (message, code);
        return default;
    }

    public ValueTask WriteBodyAsync(AnswerInfo info, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken)
    {
        Info = info;
        Body = body.ToArray();
        return default;
    }

    /// <summary>A big answer forwarded in parts: gathered here, since the caller gets one object anyway.</summary>
    public ValueTask StartBodyAsync(AnswerInfo info, string? contentType, CancellationToken cancellationToken)
    {
        Info = info;
        _parts = new ArrayBufferWriter<byte>();
        return default;
    }

    public ValueTask WriteBodyPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken)
    {
        _parts?.Write(part.Span);
        return default;
    }

    public ValueTask EndBodyAsync(bool complete, CancellationToken cancellationToken)
    {
        if (complete && _parts is not null)
        {
            Body = _parts.WrittenSpan.ToArray();
        }

        _parts = null;
        return default;
    }
}
