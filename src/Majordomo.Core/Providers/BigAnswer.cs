using System.Text.Json;

namespace Majordomo.Providers;

/// <summary>
/// Views of a non-streamed answer too big to hold (it is forwarded as it arrives): its head, closed so a
/// protocol's own answer check can read the error markers at its top, and its tail, where every protocol
/// puts <c>usage</c>. Each view is a small JSON object handed to <see cref="WireProtocol.InspectAnswer"/>,
/// so the protocols keep one definition of what an error and a usage object are.
/// </summary>
internal static class BigAnswer
{
    /// <summary>How much of the answer's end is kept to find its usage.</summary>
    public const int TailBytes = 64 * 1024;

    /// <summary>
    /// The head cut after its last complete top-level property and closed with <c>}</c>; empty when the
    /// head is not the start of a JSON object.
    /// </summary>
    public static byte[] ClosedHead(ReadOnlySpan<byte> head)
    {
        int end;
        try
        {
            end = CompletePrefixLength(head);
        }
        catch (JsonException)
        {
            return [];
        }

        if (end < 0)
        {
            return [];
        }

        var closed = new byte[end + 1];
        head[..end].CopyTo(closed);
        closed[end] = (byte)'}';
        return closed;
    }

    /// <summary>
    /// The last <c>"usage"</c> object in <paramref name="tail"/> as <c>{"usage":{…}}</c>, or <c>{}</c> when
    /// the tail holds none whole. A match inside a string value is escaped (<c>\"usage\"</c>) and skipped.
    /// </summary>
    public static byte[] UsageObject(ReadOnlySpan<byte> tail)
    {
        var search = tail;
        while (search.LastIndexOf("\"usage\""u8) is var at and >= 0)
        {
            search = search[..at];
            if (at > 0 && tail[at - 1] == (byte)'\\')
            {
                continue;
            }

            var value = tail[(at + 7)..].TrimStart(" \t\r\n"u8);
            if (value.IsEmpty || value[0] != (byte)':')
            {
                continue;
            }

            value = value[1..].TrimStart(" \t\r\n"u8);
            if (ObjectLength(value) is var length and > 0)
            {
                var wrapped = new byte[length + 10];
                "{\"usage\":"u8.CopyTo(wrapped);
                value[..length].CopyTo(wrapped.AsSpan(9));
                wrapped[^1] = (byte)'}';
                return wrapped;
            }
        }

        return "{}"u8.ToArray();
    }

    /// <summary>True when the answer's last non-blank byte closes an object (the upstream did not stop mid-way).</summary>
    public static bool EndsObject(ReadOnlySpan<byte> tail)
    {
        var trimmed = tail.TrimEnd(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[^1] == (byte)'}';
    }

    private static int CompletePrefixLength(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        var end = (int)reader.BytesConsumed;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.Read() || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()))
            {
                break;
            }

            end = (int)reader.BytesConsumed;
        }

        return end;
    }

    private static int ObjectLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value[0] != (byte)'{')
        {
            return -1;
        }

        try
        {
            var reader = new Utf8JsonReader(value, isFinalBlock: false, state: default);
            return reader.Read() && reader.TrySkip() ? (int)reader.BytesConsumed : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}

/// <summary>The last <see cref="BigAnswer.TailBytes"/> of an answer forwarded part by part.</summary>
internal sealed class AnswerTail
{
    private readonly byte[] _buffer = new byte[BigAnswer.TailBytes];
    private int _length;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public void Add(ReadOnlySpan<byte> part)
    {
        if (part.Length >= _buffer.Length)
        {
            part[^_buffer.Length..].CopyTo(_buffer);
            _length = _buffer.Length;
            return;
        }

        var keep = Math.Min(_length, _buffer.Length - part.Length);
        _buffer.AsSpan(_length - keep, keep).CopyTo(_buffer);
        part.CopyTo(_buffer.AsSpan(keep));
        _length = keep + part.Length;
    }
}
