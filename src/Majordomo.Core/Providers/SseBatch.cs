using System.Buffers;
using System.Runtime.CompilerServices;

namespace Majordomo.Providers;

/// <summary>
/// The events one read from an upstream made available. An event read from the upstream is a view of the
/// reader's own buffer (nothing copied); only events produced here (translation) or joined from several
/// <c>data:</c> lines are stored, back to back, in one reusable buffer. No allocation per event, and the
/// caller can forward them all and flush once.
/// </summary>
internal sealed class SseBatch
{
    // Only produced or joined events are stored here, so most streams never need it: allocated on first use.
    private byte[] _data = [];
    private int _length;
    private byte[] _source = [];

    // The events, from the shared pool (a stream's batch lives for one request; a read can bring dozens of
    // events, and a list grown per stream was ~600 bytes of garbage per streamed request). See Release.
    private Entry[] _events = [];
    private int _count;

    // Start/Length: the data in _source (InSource) or _data. End: where the event's framing ends in Raw.
    private readonly record struct Entry(int Start, int Length, string? Type, bool InSource, int End);

    public int Count => _count;

    /// <summary>Whether the batch holds an events array or a reference to a read buffer (tests: none while the reader waits).</summary>
    internal bool HoldsArrays => _events.Length > 0 || _source.Length > 0;

    /// <summary>The event's data (valid until the next read).</summary>
    public ReadOnlySpan<byte> Data(int index)
    {
        var e = At(index);
        return (e.InSource ? _source : _data).AsSpan(e.Start, e.Length);
    }

    public string? EventType(int index) => At(index).Type;

    /// <summary>
    /// Where event <paramref name="index"/>'s framing ends in <see cref="Raw"/>: <c>Raw[..End(i)]</c> is exactly
    /// the upstream's bytes of events 0…i. Only meaningful when <see cref="Raw"/> is not empty.
    /// </summary>
    public int End(int index) => At(index).End;

    /// <summary>
    /// The upstream's bytes for exactly these events, framing included (empty when the events were
    /// produced rather than read). Valid until the next read.
    /// </summary>
    public ReadOnlyMemory<byte> Raw { get; private set; }

    public void Clear()
    {
        _length = 0;
        _count = 0;
        Raw = default;
    }

    /// <summary>
    /// Gives the events' array back to the pool and lets go of the reader's buffer (the batch stays usable:
    /// the next event rents again). For the owner of a batch at the end of its stream, and for the reader
    /// while it waits for the upstream: a paced stream is idle ~99 % of its life, and a waiting batch kept
    /// its events array (~800 bytes) and a stale reference to the 4 KB buffer the reader had given back to
    /// the pool (an array the pool dropped stays alive while that reference does): ~1.5 KB per open stream.
    /// </summary>
    public void Release()
    {
        var events = _events;
        _events = [];
        _count = 0;
        _source = [];
        Raw = default;
        if (events.Length > 0)
        {
            ArrayPool<Entry>.Shared.Return(events, clearArray: true);
        }
    }

    private Entry At(int index) => (uint)index < (uint)_count ? _events[index] : throw new ArgumentOutOfRangeException(nameof(index));

    private void AddEntry(in Entry entry)
    {
        if (_count == _events.Length)
        {
            var bigger = ArrayPool<Entry>.Shared.Rent(Math.Max(32, _events.Length * 2));
            _events.AsSpan(0, _count).CopyTo(bigger);
            if (_events.Length > 0)
            {
                ArrayPool<Entry>.Shared.Return(_events, clearArray: true);
            }

            _events = bigger;
        }

        _events[_count++] = entry;
    }

    internal void SetRaw(ReadOnlyMemory<byte> raw) => Raw = raw;

    /// <summary>Adds one complete event (used by adapters that produce events themselves).</summary>
    public void Add(ReadOnlySpan<byte> data, string? eventType = null)
    {
        var start = _length;
        Append(data);
        AddEntry(new Entry(start, data.Length, eventType, false, 0));
    }

    internal int Length => _length;

    internal void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(Math.Max(_data.Length * 2, 1024), _length + bytes.Length));
        }

        bytes.CopyTo(_data.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>The buffer that events read in place (<see cref="AddRead"/>) point into.</summary>
    internal void SetSource(byte[] source) => _source = source;

    /// <summary>An event whose data is <c>source[start..start+length]</c>, left where it was read.</summary>
    internal void AddRead(int start, int length, string? eventType, int end) => AddEntry(new Entry(start, length, eventType, true, end));

    /// <summary>An event whose data was joined into this batch's own buffer from <paramref name="start"/> on.</summary>
    internal void Commit(int start, string? eventType, int end) => AddEntry(new Entry(start, _length - start, eventType, false, end));

    internal void Truncate(int length) => _length = length;
}

/// <summary>
/// Reads server-sent events (the subset LLM APIs use: <c>data:</c>, <c>event:</c>, comments; lines end
/// in LF or CRLF) a socket read at a time. Each call returns every complete event the read made
/// available, so a proxy flushes once per arrival instead of once per event (each upstream chunk
/// still reaches the client as soon as it arrives; nothing waits for more). One pooled buffer: the
/// unparsed tail is moved to its front before the next read, so parsing always sees one span.
/// </summary>
/// <remarks>
/// A paced stream is silent almost all its life, and thousands of them may be open at once, so the reader
/// holds no buffer while it waits: when nothing half-read is pending it returns the buffer to the pool and
/// waits with a zero-byte read (which the HTTP response streams complete when data arrives; a stream
/// without that support returns at once and the read below simply waits with the buffer). A zero-byte read
/// that completes at once (the data is already there, as under load) keeps the buffers. The buffer starts
/// small (events are a few hundred bytes) and grows on demand for an event bigger than it.
/// </remarks>
internal sealed class SseBatchReader(Stream stream, int maxEventBytes)
{
    /// <summary>The first buffer's size; it doubles whenever one event does not fit.</summary>
    internal const int InitialBufferBytes = 4 * 1024;

    private byte[] _buffer = [];
    private int _size = InitialBufferBytes;
    private int _start;
    private int _end;

    /// <summary>The size of the buffer held right now (0 while waiting for the upstream with nothing pending).</summary>
    internal int BufferLength => _buffer.Length;

    /// <summary>Fills <paramref name="batch"/> with at least one event; false at the end of the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // called once per upstream read
    public async ValueTask<bool> ReadAsync(SseBatch batch, CancellationToken cancellationToken)
    {
        batch.Clear();
        while (true)
        {
            if (_end > _start)
            {
                batch.SetSource(_buffer);
                var consumed = Parse(_buffer, _start, _end, batch);
                if (batch.Count > 0)
                {
                    batch.SetRaw(_buffer.AsMemory(_start, consumed));
                    _start += consumed;
                    return true;
                }

                _start += consumed;
            }

            var pending = _end - _start;
            if (pending > maxEventBytes)
            {
                throw new UpstreamBodyTooLargeException(maxEventBytes);
            }

            if (pending == 0)
            {
                // The previous batch's views die with this call.
                _start = _end = 0;
                var arrived = stream.ReadAsync(Memory<byte>.Empty, cancellationToken);
                if (!arrived.IsCompleted)
                {
                    // Wait for the upstream holding no buffer.
                    ReturnBuffer();
                    batch.Release();
                    await arrived.ConfigureAwait(false);
                    _buffer = PooledBuffers.Rent(_size);
                }
                else
                {
                    // Data (or the end) is already there: read it into the buffers held, not given back and rented
                    // again (each upstream read did that twice over, the events' array cleared each time).
                    arrived.GetAwaiter().GetResult();
                    if (_buffer.Length == 0)
                    {
                        _buffer = PooledBuffers.Rent(_size);
                    }
                }
            }
            else if (_start > 0)
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
                _size = bigger.Length;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // An event without its closing blank line is incomplete and is dropped (as the SSE spec says).
                ReturnBuffer();
                return false;
            }

            _end += read;
        }
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Complete() => ReturnBuffer();

    private void ReturnBuffer()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            PooledBuffers.Return(buffer);
        }

        _start = _end = 0;
    }

    // Returns how many bytes (from start) the complete events took. A single data line (the usual case)
    // stays in the buffer; a second one makes the event's data a joined copy in the batch.
    private static int Parse(byte[] source, int start, int end, SseBatch batch)
    {
        var buffer = source.AsSpan(start, end - start);
        var consumed = 0;
        var position = 0;
        var eventStart = batch.Length;
        var dataStart = -1; // in buffer, while the event has one data line
        var dataLength = 0;
        var joined = false;
        string? eventType = null;
        int newline;
        while ((newline = buffer[position..].IndexOf((byte)'\n')) >= 0)
        {
            var lineStart = position;
            var line = buffer.Slice(position, newline);
            position += newline + 1;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                // A blank line ends the event (one without data is dispatched as nothing).
                if (joined)
                {
                    batch.Commit(eventStart, eventType, position);
                }
                else if (dataStart >= 0)
                {
                    batch.AddRead(start + dataStart, dataLength, eventType, position);
                }

                consumed = position;
                eventStart = batch.Length;
                dataStart = -1;
                joined = false;
                eventType = null;
            }
            else if (line[0] == (byte)':')
            {
                // A comment, e.g. ": OPENROUTER PROCESSING" keep-alives.
            }
            else if (Field(line, "data"u8, out var value))
            {
                if (joined)
                {
                    batch.Append("\n"u8);
                    batch.Append(value);
                }
                else if (dataStart >= 0)
                {
                    // A second data line: the event's data becomes the lines joined with LF, copied.
                    batch.Append(buffer.Slice(dataStart, dataLength));
                    batch.Append("\n"u8);
                    batch.Append(value);
                    joined = true;
                }
                else
                {
                    dataStart = lineStart + line.Length - value.Length;
                    dataLength = value.Length;
                }
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
