using BenchmarkDotNet.Attributes;
using Majordomo.Bench.Servers;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Bench.Relay;

/// <summary>
/// One OpenAI stream event's inspection (the relay's per-event work when each read brings one event): a search
/// per key, as the relay did before (<see cref="PerKeySearches"/>, the baseline), against the one-pass key scan
/// (<see cref="OneScan"/>), on the mock's exact chunks.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ChunkScanBenchmarks
{
    private byte[] _data = [];

    public enum ChunkKind
    {
        First,
        Middle,
        Last,
        UsageOnly,
    }

    [Params(ChunkKind.First, ChunkKind.Middle, ChunkKind.Last, ChunkKind.UsageOnly)]
    public ChunkKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var frames = MockPayloads.FramesWithUsage;
        var frame = Kind switch
        {
            ChunkKind.First => frames.First,
            ChunkKind.Middle => frames.Middle,
            ChunkKind.Last => frames.Last,
            _ => MockPayloads.BuildUsageFrame(20),
        };

        // The event's data: the frame without "data: " and the blank line.
        _data = frame[6..^2].ToArray();
    }

    [Benchmark(Baseline = true)]
    public long PerKeySearches() => Searches.Inspect(_data);

    [Benchmark]
    public long OneScan()
    {
        var data = _data.AsSpan();
        if (data.SequenceEqual(OpenAIWire.DoneData))
        {
            return -1;
        }

        var facts = OpenAIChunkScan.Scan(data);
        if (facts.NamesError && OpenAIWire.IsErrorPayload(data))
        {
            return -2;
        }

        var usage = facts.UsageObject && OpenAIWire.TryReadUsage(data, out var u) ? u.OutputTokens : 0;
        return facts.TextBytes + (facts.Finish ? 1 : 0) + usage;
    }

    /// <summary>The per-event checks of the relay before the scan (its protected helpers need a relay to call them).</summary>
    private sealed class Searches : StreamRelay
    {
        public static long Inspect(ReadOnlySpan<byte> data)
        {
            if (data.SequenceEqual(OpenAIWire.DoneData))
            {
                return -1;
            }

            var trimmed = data.TrimStart(" \t\r\n"u8);
            var mayBeError = !(trimmed.StartsWith("{\"id\""u8) || trimmed.StartsWith("{\"choices\""u8)) && trimmed.IndexOf("\"error\""u8) >= 0;
            if (mayBeError && OpenAIWire.IsErrorPayload(data))
            {
                return -2;
            }

            var usage = OpenAIWire.TryReadUsage(data, out var u) ? u.OutputTokens : 0;
            var finish = OpenAIWire.HasFinishReason(data);
            return StringBytes(data, "\"content\""u8) + StringBytes(data, "\"arguments\""u8) + (finish ? 1 : 0) + usage;
        }

        public override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress) => throw new NotSupportedException();
    }
}
