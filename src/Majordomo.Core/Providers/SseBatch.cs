using System.Runtime.CompilerServices;

namespace Majordomo.Providers;

/// <summary>
/// The events one read from an upstream made available, stored back to back in one reusable buffer:
/// no allocation per event, and the caller can forward them all and flush once.
/// </summary>
internal sealed class SseBatch
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

    /// <summary>
    /// The upstream's bytes for exactly these events, framing included (empty when the events were
    /// produced rather than read). Valid until the next read.
    /// </summary>
    public ReadOnlyMemory<byte> Raw { get; private set; }

    public void Clear()
    {
        _length = 0;
        _events.Clear();
        Raw = default;
    }

    internal void SetRaw(ReadOnlyMemory<byte> raw) => Raw = raw;

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

    internal void Commit(int start, string? eventType) => _events.Add((start, _length - start, eventType));

    internal void Truncate(int length) => _length = length;
}

/// <summary>
/// Reads server-sent events (the subset LLM APIs use: <c>data:</c>, <c>event:</c>, comments; lines end
/// in LF or CRLF) a socket read at a time. Each call returns every complete event the read made
/// available, so a proxy flushes once per arrival instead of once per event (each upstream chunk
/// still reaches the client as soon as it arrives; nothing waits for more). One pooled buffer: the
/// unparsed tail is moved to its front before the next read, so parsing always sees one span.
/// </summary>
internal sealed class SseBatchReader(Stream stream, int maxEventBytes)
{
    private byte[] _buffer = PooledBuffers.Rent(16 * 1024);
    private int _start;
    private int _end;

    /// <summary>Fills <paramref name="batch"/> with at least one event; false at the end of the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // called once per upstream read
    public async ValueTask<bool> ReadAsync(SseBatch batch, CancellationToken cancellationToken)
    {
        batch.Clear();
        while (true)
        {
            var consumed = Parse(_buffer.AsSpan(_start, _end - _start), batch);
            if (batch.Count > 0)
            {
                batch.SetRaw(_buffer.AsMemory(_start, consumed));
                _start += consumed;
                return true;
            }

            _start += consumed;

            var pending = _end - _start;
            if (pending > maxEventBytes)
            {
                throw new UpstreamBodyTooLargeException(maxEventBytes);
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, pending).CopyTo(_buffer);
                _start = 0;
                _end = pending;
            }

            if (_end == _buffer.Length)
            {
                var bigger = PooledBuffers.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _end).CopyTo(bigger);
                PooledBuffers.Return(_buffer);
                _buffer = bigger;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // An event without its closing blank line is incomplete and is dropped (as the SSE spec says).
                return false;
            }

            _end += read;
        }
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Complete()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            PooledBuffers.Return(buffer);
        }

        _start = _end = 0;
    }

    // Returns how many bytes the complete events took.
    private static int Parse(ReadOnlySpan<byte> buffer, SseBatch batch)
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
                // A blank line ends the event (one without data is dispatched as nothing).
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
                // A comment, e.g. ": OPENROUTER PROCESSING" keep-alives.
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
                // Anthropic names every event; the known names are shared strings, not one allocation each.
                eventType = Anthropic.AnthropicWire.Intern(value) ?? System.Text.Encoding.UTF8.GetString(value);
            }
        }

        // Drop the partial event: it is parsed again, whole, after the next read.
        batch.Truncate(eventStart);
        return consumed;
    }

    // "name:value", "name: value" or a bare "name" (empty value).
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
}
