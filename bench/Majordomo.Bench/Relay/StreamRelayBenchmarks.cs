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
    private readonly NullWriter _writer = new();
    private readonly SegmentStream _stream = new();
    private byte[] _copy = new byte[4096];

    /// <summary>1: every event in its own read (a slow upstream); 22: the whole answer in one read (saturation).</summary>
    [Params(1, 22)]
    public int EventsPerRead { get; set; }

    public static int Run(string[] args) =>
        args is ["--cpu-pairs", ..] ? CpuPairs(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10) : InProcessBenchmarks.Run<StreamRelayBenchmarks>(args);

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
            for (var i = 0; i < pairs + 1; i++)
            {
                var a = Block(bench.PerEventReplica);
                var b = Block(bench.Relay);
                var c = Block(bench.ReadOnly);
                if (i > 0)
                {
                    // the first round warms the JIT up
                    replica.Add(a);
                    relay.Add(b);
                    readOnly.Add(c);
                }
            }

            replica.Sort();
            relay.Sort();
            readOnly.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"events per read {eventsPerRead,2}: replica {replica[pairs / 2]:F2} CPU-µs/request ({replica[0]:F2}–{replica[^1]:F2}), relay {relay[pairs / 2]:F2} ({relay[0]:F2}–{relay[^1]:F2}), reader alone {readOnly[pairs / 2]:F2} ({readOnly[0]:F2}–{readOnly[^1]:F2}), {pairs} rounds of {perBlock:N0} requests"));
        }

        return 0;

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
    public long Relay() => Run(copyAndInspectPerEvent: false);

    [Benchmark(Baseline = true)]
    public long PerEventReplica() => Run(copyAndInspectPerEvent: true);

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

    private long Run(bool copyAndInspectPerEvent)
    {
        _stream.Reset(_reads);
        var reader = new SseBatchReader(_stream, 1 << 20);
        var progress = new StreamProgress { ClientWantsUsage = false };
        while (!progress.Ended && reader.ReadAsync(_batch, CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            if (copyAndInspectPerEvent)
            {
                CopyEvents();
                _replica.Relay(_batch, _writer, ref progress);
            }
            else
            {
                _relay.Relay(_batch, _writer, ref progress);
            }
        }

        reader.Complete();
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
