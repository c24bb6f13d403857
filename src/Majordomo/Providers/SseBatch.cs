using System.Buffers;
using System.IO.Pipelines;

namespace Majordomo.Providers;

/// <summary>
/// The events one read from an upstream made available, stored back to back in one reusable buffer:
/// no allocation per event, and the caller can forward them all and flush once.
/// </summary>
public sealed class SseBatch
{
    private byte[] _data = new byte[4096];
    private int _length;
    private readonly List<(int Start, int Length, string? Type)> _events = new(8);

    public int Count => _events.Count;

    public ReadOnlySpan<byte> Data(int index)
    {
        var (start, length, _) = _events[index];
        return _data.AsSpan(start, length);
    }

    public string? EventType(int index) => _events[index].Type;

    public void Clear()
    {
        _length = 0;
        _events.Clear();
    }

    /// <summary>Adds one complete event (used by adapters that produce events themselves).</summary>
    public void Add(ReadOnlySpan<byte> data, string? eventType = null)
    {
        var start = _length;
        Append(data);
        _events.Add((start, data.Length, eventType));
    }

    internal int Length => _length;

    internal void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + bytes.Length));
        }

        bytes.CopyTo(_data.AsSpan(_length));
        _length += bytes.Length;
    }

    internal void Append(in ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            Append(segment.Span);
        }
    }

    internal void Commit(int start, string? eventType) => _events.Add((start, _length - start, eventType));

    internal void Truncate(int length) => _length = length;
}

/// <summary>
/// Reads server-sent events (the subset LLM APIs use: <c>data:</c>, <c>event:</c>, comments; lines end
/// in LF or CRLF) a socket read at a time. Each call returns every complete event the read made
/// available, so a proxy flushes once per arrival instead of once per event (each upstream chunk
/// still reaches the client as soon as it arrives; nothing waits for more).
/// </summary>
public sealed class SseBatchReader(Stream stream, int maxEventBytes)
{
    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 2048, leaveOpen: true));

    /// <summary>Fills <paramref name="batch"/> with at least one event; false at the end of the stream.</summary>
    public async ValueTask<bool> ReadAsync(SseBatch batch, CancellationToken cancellationToken)
    {
        batch.Clear();
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = Parse(buffer, batch);
            _reader.AdvanceTo(consumed, buffer.End);
            if (batch.Count > 0)
            {
                return true;
            }

            if (buffer.Slice(consumed).Length > maxEventBytes)
            {
                throw new UpstreamBodyTooLargeException(maxEventBytes);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                // An event without its closing blank line is incomplete and is dropped (as the SSE spec says).
                return false;
            }
        }
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Complete() => _reader.Complete();

    // Returns the position after the last complete event.
    private static SequencePosition Parse(in ReadOnlySequence<byte> buffer, SseBatch batch) =>
        buffer.IsSingleSegment ? buffer.GetPosition(ParseSpan(buffer.FirstSpan, batch)) : ParseSequence(buffer, batch);

    // The common case (the read is one segment): plain span scanning.
    private static int ParseSpan(ReadOnlySpan<byte> buffer, SseBatch batch)
    {
        var consumed = 0;
        var position = 0;
        var eventStart = batch.Length;
        var hasData = false;
        string? eventType = null;
        int newline;
        while ((newline = buffer[position..].IndexOf((byte)'\n')) >= 0)
        {
            var line = buffer.Slice(position, newline);
            position += newline + 1;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (hasData)
                {
                    batch.Commit(eventStart, eventType);
                }

                consumed = position;
                eventStart = batch.Length;
                hasData = false;
                eventType = null;
            }
            else if (line[0] == (byte)':')
            {
                // comment
            }
            else if (Field(line, "data"u8, out var value))
            {
                if (hasData)
                {
                    batch.Append("\n"u8);
                }

                batch.Append(value);
                hasData = true;
            }
            else if (Field(line, "event"u8, out value))
            {
                eventType = System.Text.Encoding.UTF8.GetString(value);
            }
        }

        batch.Truncate(eventStart);
        return consumed;
    }

    private static bool Field(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!line.StartsWith(name))
        {
            return false;
        }

        var rest = line[name.Length..];
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != (byte)':')
        {
            return false;
        }

        value = rest.Length > 1 && rest[1] == (byte)' ' ? rest[2..] : rest[1..];
        return true;
    }

    private static SequencePosition ParseSequence(in ReadOnlySequence<byte> buffer, SseBatch batch)
    {
        var reader = new SequenceReader<byte>(buffer);
        var consumed = buffer.Start;
        var eventStart = batch.Length;
        var hasData = false;
        string? eventType = null;
        while (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            if (!line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
            {
                line = line.Slice(0, line.Length - 1);
            }

            if (line.IsEmpty)
            {
                if (hasData)
                {
                    batch.Commit(eventStart, eventType);
                }

                // A blank line ends the event (one without data is dispatched as nothing).
                consumed = reader.Position;
                eventStart = batch.Length;
                hasData = false;
                eventType = null;
                continue;
            }

            var first = line.FirstSpan[0];
            if (first == (byte)':')
            {
                continue; // comment, e.g. ": OPENROUTER PROCESSING" keep-alives
            }

            if (StartsWith(line, "data"u8, out var value))
            {
                if (hasData)
                {
                    batch.Append("\n"u8);
                }

                batch.Append(value);
                hasData = true;
            }
            else if (StartsWith(line, "event"u8, out value))
            {
                eventType = System.Text.EncodingExtensions.GetString(System.Text.Encoding.UTF8, value);
            }
        }

        // Drop the partial event: it is parsed again, whole, after the next read.
        batch.Truncate(eventStart);
        return consumed;
    }

    // "name:value", "name: value" or a bare "name" (empty value).
    private static bool StartsWith(in ReadOnlySequence<byte> line, ReadOnlySpan<byte> name, out ReadOnlySequence<byte> value)
    {
        value = default;
        var span = line.FirstSpan;
        if (span.Length < name.Length || !span[..name.Length].SequenceEqual(name))
        {
            if (line.IsSingleSegment || line.Length < name.Length)
            {
                return false;
            }

            Span<byte> head = stackalloc byte[name.Length];
            line.Slice(0, name.Length).CopyTo(head);
            if (!head.SequenceEqual(name))
            {
                return false;
            }
        }

        var rest = line.Slice(name.Length);
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest.FirstSpan[0] != (byte)':')
        {
            return false;
        }

        rest = rest.Slice(1);
        if (!rest.IsEmpty && rest.FirstSpan[0] == (byte)' ')
        {
            rest = rest.Slice(1);
        }

        value = rest;
        return true;
    }
}
