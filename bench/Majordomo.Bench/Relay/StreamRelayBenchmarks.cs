using BenchmarkDotNet.Attributes;
using Majordomo.Bench.Servers;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Bench.Relay;

/// <summary>
/// What the gateway's own stream work costs per request (issue 16): the benchmark's streamed answer (20
/// content chunks with <c>"usage":null</c>, the usage-only chunk the router asked for, <c>[DONE]</c>; the
/// mock's exact bytes) read by <see cref="SseBatchReader"/> and relayed by <see cref="OpenAIStreamRelay"/>
/// to a writer that discards, as the upstream delivers it in reads of <see cref="EventsPerRead"/> events.
/// <see cref="PerEventReplica"/> is the relay as it was before (a replica kept here as the reference):
/// each event's data copied into the batch, then per event the <c>[DONE]</c>, error, usage and finish
/// checks and two delivered-text searches. No sockets, no Kestrel: only the inspection the hop does not do.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StreamRelayBenchmarks
{
    private byte[][] _reads = [];
    private readonly SseBatch _batch = new();
    private readonly OpenAIStreamRelay _relay = new();
    private readonly ReplicaRelay _replica = new();
    private readonly PlainPrefixReplica _plainPrefix = new();
    private readonly NullWriter _writer = new();
    private readonly SegmentStream _stream = new();
    private byte[] _copy = new byte[4096];

    /// <summary>1: every event in its own read (a slow upstream); 22: the whole answer in one read (saturation).</summary>
    [Params(1, 22)]
    public int EventsPerRead { get; set; }

    public static int Run(string[] args) => args switch
    {
        ["--cpu-pairs", ..] => CpuPairs(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10),
        ["chunks", ..] => InProcessBenchmarks.Run<ChunkScanBenchmarks>(args[1..]),
        _ => InProcessBenchmarks.Run<StreamRelayBenchmarks>(args),
    };

    /// <summary>
    /// On a shared machine wall time says little: the replica and the relay alternate in blocks, each block
    /// timed by this process's CPU time (user + system), and the medians per request are printed.
    /// </summary>
    private static int CpuPairs(int pairs)
    {
        const int perBlock = 20_000;
        foreach (var eventsPerRead in (int[])[1, 22])
        {
            var bench = new StreamRelayBenchmarks { EventsPerRead = eventsPerRead };
            bench.Setup();
            var relay = new List<double>();
            var replica = new List<double>();
            var readOnly = new List<double>();
            var plainPrefix = new List<double>();
            for (var i = 0; i < pairs + 1; i++)
            {
                var a = Block(bench.PerEventReplica);
                var b = Block(bench.Relay);
                var c = Block(bench.ReadOnly);
                var d = Block(bench.PlainPrefix);
                if (i > 0)
                {
                    // the first round warms the JIT up
                    replica.Add(a);
                    relay.Add(b);
                    readOnly.Add(c);
                    plainPrefix.Add(d);
                }
            }

            Console.WriteLine(FormattableString.Invariant(
                $"events per read {eventsPerRead,2}: per-event replica {Median(replica)}, plain-prefix replica {Median(plainPrefix)}, relay {Median(relay)}, reader alone {Median(readOnly)} CPU-µs/request; relay / plain-prefix per round: {Median(relay.Zip(plainPrefix, (r, p) => r / p).ToList())}; {pairs} rounds of {perBlock:N0} requests"));
        }

        return 0;

        static string Median(List<double> values)
        {
            values.Sort();
            return FormattableString.Invariant($"{values[values.Count / 2]:F2} ({values[0]:F2}–{values[^1]:F2})");
        }

        static double Block(Func<long> run)
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            process.Refresh();
            var before = process.TotalProcessorTime;
            for (var n = 0; n < perBlock; n++)
            {
                run();
            }

            process.Refresh();
            return (process.TotalProcessorTime - before).TotalMicroseconds / perBlock;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var frames = MockPayloads.FramesWithUsage;
        var events = new List<ReadOnlyMemory<byte>> { frames.First };
        for (var i = 0; i < 18; i++)
        {
            events.Add(frames.Middle);
        }

        events.Add(frames.Last);
        events.Add(MockPayloads.BuildUsageFrame(20));
        events.Add(MockPayloads.Done);
        _reads = events.Chunk(EventsPerRead).Select(group => group.SelectMany(e => e.ToArray()).ToArray()).ToArray();
    }

    [Benchmark]
    public long Relay() => Run(_relay);

    /// <summary>The relay before the one-pass key scan (the eighth session's start).</summary>
    [Benchmark(Baseline = true)]
    public long PlainPrefix() => Run(_plainPrefix);

    [Benchmark]
    public long PerEventReplica() => Run(_replica, copyEvents: true);

    /// <summary>The floor: the same reads through the reader, each batch written as it came, nothing inspected.</summary>
    [Benchmark]
    public long ReadOnly()
    {
        _stream.Reset(_reads);
        var reader = new SseBatchReader(_stream, 1 << 20);
        long events = 0;
        while (reader.ReadAsync(_batch, CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            events += _batch.Count;
            _writer.WriteRaw(_batch.Raw.Span);
        }

        reader.Complete();
        return events;
    }

    private long Run(StreamRelay relay, bool copyEvents = false)
    {
        _stream.Reset(_reads);
        var reader = new SseBatchReader(_stream, 1 << 20);
        var progress = new StreamProgress { ClientWantsUsage = false };
        while (!progress.Ended && reader.ReadAsync(_batch, CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            if (copyEvents)
            {
                CopyEvents();
            }

            relay.Relay(_batch, _writer, ref progress);
        }

        reader.Complete();
        progress.ChunkShape?.Release(); // as the gateway does at the end of a stream
        return progress.TextBytes + progress.Usage.OutputTokens;
    }

    // The copy the batch made of every event before events became views of the read buffer.
    private void CopyEvents()
    {
        var used = 0;
        for (var i = 0; i < _batch.Count; i++)
        {
            var data = _batch.Data(i);
            if (used + data.Length > _copy.Length)
            {
                Array.Resize(ref _copy, Math.Max(_copy.Length * 2, used + data.Length));
            }

            data.CopyTo(_copy.AsSpan(used));
            used += data.Length;
        }
    }

    private sealed class NullWriter : IEventWriter
    {
        public void WriteEvent(string? eventType, ReadOnlySpan<byte> data)
        {
        }

        public void WriteRaw(ReadOnlySpan<byte> events)
        {
        }
    }

    /// <summary>The OpenAI relay before issue 16: every event inspected on its own.</summary>
    private sealed class ReplicaRelay : StreamRelay
    {
        public override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress)
        {
            var drop = false;
            string? error = null;
            var count = CountAnswer(batch, ref progress);
            for (var i = 0; i < count; i++)
            {
                var data = batch.Data(i);
                if (data.SequenceEqual(OpenAIWire.DoneData))
                {
                    progress.Ended = true;
                    count = i + 1;
                    break;
                }

                if (data.IndexOf("\"error\""u8) >= 0 && OpenAIWire.IsErrorPayload(data))
                {
                    error = ErrorReason(data);
                    count = i;
                    break;
                }

                if (OpenAIWire.TryReadUsage(data, out var u))
                {
                    progress.Usage = u;
                    drop |= !progress.ClientWantsUsage && OpenAIWire.IsUsageOnlyChunk(data);
                }

                progress.Finished = progress.Finished || OpenAIWire.HasFinishReason(data);
                progress.TextBytes += StringBytes(data, "\"content\""u8) + StringBytes(data, "\"arguments\""u8);
            }

            if (!drop && count == batch.Count && !batch.Raw.IsEmpty)
            {
                writer.WriteRaw(batch.Raw.Span);
                return error;
            }

            for (var i = 0; i < count; i++)
            {
                var data = batch.Data(i);
                if (!(drop && OpenAIWire.IsUsageOnlyChunk(data) && OpenAIWire.TryReadUsage(data, out _)))
                {
                    writer.WriteEvent(batch.EventType(i), data);
                }
            }

            return error;
        }
    }

    /// <summary>
    /// The OpenAI relay at the start of wave 2's eighth session (a search of the read per marker over its plain
    /// prefix, then per event a search per key): the baseline of the one-pass scan.
    /// </summary>
    private sealed class PlainPrefixReplica : StreamRelay
    {
        public override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress)
        {
            var count = CountAnswer(batch, ref progress);
            var raw = batch.Raw.Span;
            // A read of one event gains nothing from searching the read first: it is inspected as an event.
            var plain = raw.IsEmpty || count == 1 ? 0 : PlainEvents(batch, raw);
            if (plain > 0)
            {
                var prefix = raw[..batch.End(plain - 1)];
                progress.Finished = progress.Finished || AnyFinishReason(prefix);
                progress.TextBytes += TextBytes(prefix);
            }

            var drop = false;
            string? error = null;
            for (var i = plain; i < count; i++)
            {
                var data = batch.Data(i);
                if (data.SequenceEqual(OpenAIWire.DoneData))
                {
                    progress.Ended = true;
                    count = i + 1;
                    break;
                }

                if (IsErrorEvent(data))
                {
                    // Not forwarded (its text may echo the request's key): the stream ends with the router's error.
                    error = ErrorReason(data);
                    count = i;
                    break;
                }

                if (OpenAIWire.TryReadUsage(data, out var u))
                {
                    progress.Usage = u;

                    // The router asked for usage on the client's behalf; do not show a chunk it did not ask for.
                    drop |= !progress.ClientWantsUsage && OpenAIWire.IsUsageOnlyChunk(data);
                }

                progress.Finished = progress.Finished || OpenAIWire.HasFinishReason(data);
                progress.TextBytes += TextBytes(data);
            }

            if (!drop && count == batch.Count && !raw.IsEmpty)
            {
                writer.WriteRaw(raw);
                return error;
            }

            // Rare: the plain prefix as it came, then event by event, leaving out the usage-only chunks.
            var from = 0;
            if (plain > 0)
            {
                writer.WriteRaw(raw[..batch.End(plain - 1)]);
                from = plain;
            }

            for (var i = from; i < count; i++)
            {
                var data = batch.Data(i);
                if (!(drop && OpenAIWire.IsUsageOnlyChunk(data) && OpenAIWire.TryReadUsage(data, out _)))
                {
                    writer.WriteEvent(batch.EventType(i), data);
                }
            }

            return error;
        }

        /// <summary>
        /// How many events at the start of the batch are plain content chunks: those wholly before the first usage
        /// object in the read's bytes (one search over the whole read), and before the first event that may be an
        /// error (a chunk beginning <c>{"id"</c> cannot: no search) or is <c>[DONE]</c> (an event's whole data, compared).
        /// </summary>
        private static int PlainEvents(SseBatch batch, ReadOnlySpan<byte> raw)
        {
            var usage = FirstUsageObject(raw);
            var special = usage >= 0 ? usage : raw.Length;
            var plain = 0;
            while (plain < batch.Count && batch.End(plain) <= special && !IsSpecial(batch.Data(plain)))
            {
                plain++;
            }

            return plain;

            static bool IsSpecial(ReadOnlySpan<byte> data) => data.SequenceEqual(OpenAIWire.DoneData) || MayBeErrorPayload(data);
        }

        /// <summary>Bytes of answer text (content and tool-call arguments) in one event or a run of whole events.</summary>
        private static long TextBytes(ReadOnlySpan<byte> json) => StringBytes(json, "\"content\""u8) + StringBytes(json, "\"arguments\""u8);

        /// <summary>
        /// An OpenAI stream event that is an error (<c>{"error":…}</c>) rather than a chunk. A chunk that begins
        /// <c>{"id"</c> costs no search at all; only events that may be one are parsed.
        /// </summary>
        private static bool IsErrorEvent(ReadOnlySpan<byte> data) =>
            MayBeErrorPayload(data) && OpenAIWire.IsErrorPayload(data);

        private static bool AnyFinishReason(ReadOnlySpan<byte> json)
        {
            var name = "\"finish_reason\""u8;
            int at;
            while ((at = json.IndexOf(name)) >= 0)
            {
                json = json[(at + name.Length)..];
                var rest = json.TrimStart(" \t\r\n:"u8);
                if (rest.Length > 0 && rest[0] == (byte)'"')
                {
                    return true;
                }
            }

            return false;
        }

        private static int FirstUsageObject(ReadOnlySpan<byte> json)
        {
            var name = "\"usage\""u8;
            var offset = 0;
            int at;
            while ((at = json[offset..].IndexOf(name)) >= 0)
            {
                var start = offset + at;
                offset = start + name.Length;
                var rest = json[offset..].TrimStart(" \t\r\n"u8);
                if (rest.Length > 0 && rest[0] == (byte)':')
                {
                    rest = rest[1..].TrimStart(" \t\r\n"u8);
                    if (rest.Length > 0 && rest[0] == (byte)'{')
                    {
                        return start;
                    }
                }
            }

            return -1;
        }

        private static bool MayBeErrorPayload(ReadOnlySpan<byte> json)
        {
            var trimmed = json.TrimStart(" \t\r\n"u8);
            return !(trimmed.StartsWith("{\"id\""u8) || trimmed.StartsWith("{\"choices\""u8)) && trimmed.IndexOf("\"error\""u8) >= 0;
        }
    }

    /// <summary>A stream that hands out one prepared segment per read, like a socket delivering the upstream's writes.</summary>
    private sealed class SegmentStream : Stream
    {
        private byte[][] _segments = [];
        private int _next;
        private int _offset;

        public void Reset(byte[][] segments)
        {
            _segments = segments;
            _next = 0;
            _offset = 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_next == _segments.Length || buffer.IsEmpty)
            {
                // The end, or the reader's zero-byte wait for data (which a socket completes without consuming).
                return 0;
            }

            // A segment larger than the reader's buffer (it starts at 4 KiB) is handed out in parts, as a socket would.
            var segment = _segments[_next].AsSpan(_offset);
            var length = Math.Min(segment.Length, buffer.Length);
            segment[..length].CopyTo(buffer);
            _offset += length;
            if (_offset == _segments[_next].Length)
            {
                _next++;
                _offset = 0;
            }

            return length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
