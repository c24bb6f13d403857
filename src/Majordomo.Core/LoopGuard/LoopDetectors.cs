using System.Buffers;
using System.Collections.Frozen;
using Majordomo.Chat;
using Majordomo.Config;

namespace Majordomo.LoopGuard;

/// <summary>
/// A loop detector (STYLE #7: policies by name). It looks at the last <c>historySize</c> tool calls
/// of a conversation and says how many calls the loop it recognises has lasted at the tail: 0 when
/// the conversation is not stuck in its pattern. Counts are in calls, so one set of thresholds fits
/// every detector.
/// </summary>
internal interface ILoopDetector
{
    /// <summary>The name in config (<c>loopDetection.detectors.NAME</c>).</summary>
    string Name { get; }

    /// <summary>The short name in the <c>X-Router-Loop</c> header and the request log.</summary>
    string Label { get; }

    int Count(ReadOnlySpan<ToolCall> window);
}

/// <summary>The registered detectors, resolved by name once per config snapshot.</summary>
internal static class LoopDetectors
{
    /// <summary>In reporting order: when two detectors count the same, the more specific one names the loop.</summary>
    public static readonly ILoopDetector[] All = [new PollNoProgressDetector(), new PingPongDetector(), new GenericRepeatDetector()];

    public static readonly FrozenDictionary<string, ILoopDetector> ByName = All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
}

/// <summary>
/// <c>pollNoProgress</c>: the same call answered with the same result, back to back (a job status that
/// never changes, a test run that fails the same way). A changing result is progress.
/// </summary>
internal sealed class PollNoProgressDetector : ILoopDetector
{
    public string Name => LoopDetectorNames.PollNoProgress;

    public string Label => "poll";

    public int Count(ReadOnlySpan<ToolCall> window)
    {
        if (window.Length < 2)
        {
            return 0;
        }

        var last = window[^1];
        var run = 1;
        for (var i = window.Length - 2; i >= 0 && Same(window[i], last); i--)
        {
            run++;
        }

        return run < 2 ? 0 : run;
    }

    internal static bool Same(in ToolCall a, in ToolCall b) => a.Call == b.Call && a.Result == b.Result && a.HasResult == b.HasResult;
}

/// <summary>
/// <c>pingPong</c>: A, B, A, B … where every A and every B repeats the call and the result of the one
/// two steps before (reading a file, writing the same content, reading it again …).
/// </summary>
internal sealed class PingPongDetector : ILoopDetector
{
    public string Name => LoopDetectorNames.PingPong;

    public string Label => "pingpong";

    public int Count(ReadOnlySpan<ToolCall> window)
    {
        var i = window.Length - 1;
        var run = 0;
        while (i >= 2 && window[i].Call != window[i - 1].Call && PollNoProgressDetector.Same(window[i], window[i - 2]))
        {
            run++;
            i--;
        }

        // run calls each repeating the one two back, plus the first A and B they repeat.
        return run < 2 ? 0 : run + 2;
    }
}

/// <summary>
/// <c>genericRepeat</c>: the same calls again and again with nothing new — the count is the calls since
/// the last one that was new in the window (a call not made before, or a result not seen before for
/// that call), that one included. Catches repetition in any order (A, B, C, A, B, C …) that the
/// specific detectors miss; a new call or a new result is progress and resets it.
/// </summary>
internal sealed class GenericRepeatDetector : ILoopDetector
{
    public string Name => LoopDetectorNames.GenericRepeat;

    public string Label => "repeat";

    public int Count(ReadOnlySpan<ToolCall> window)
    {
        // Two open-addressing sets of 64-bit hashes (calls; call+result pairs), sized to twice the window.
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)window.Length * 2);
        ulong[]? rented = null;
        var table = size <= 256 ? stackalloc ulong[512] : (rented = ArrayPool<ulong>.Shared.Rent(size * 2));
        try
        {
            var calls = table[..size];
            var pairs = table.Slice(size, size);
            calls.Clear();
            pairs.Clear();
            var lastNew = 0;
            for (var i = 0; i < window.Length; i++)
            {
                var call = window[i];
                var pair = StableHash.Combine(call.Call, call.HasResult ? call.Result : 0x9E3779B97F4A7C15UL);
                var newCall = Add(calls, call.Call);
                var newPair = Add(pairs, pair);
                if (newCall || newPair)
                {
                    lastNew = i;
                }
            }

            var count = window.Length - lastNew; // 0 or 1 for a window too short to repeat anything
            return count < 2 ? 0 : count;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    private static bool Add(Span<ulong> set, ulong key)
    {
        key = key == 0 ? 1 : key;
        var mask = set.Length - 1;
        for (var i = (int)(key & (uint)mask); ; i = (i + 1) & mask)
        {
            if (set[i] == key)
            {
                return false;
            }

            if (set[i] == 0)
            {
                set[i] = key;
                return true;
            }
        }
    }
}
