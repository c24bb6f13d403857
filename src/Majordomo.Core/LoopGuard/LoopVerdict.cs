using System.Globalization;
using System.Text.Json;

namespace Majordomo.LoopGuard;

internal enum LoopLevel
{
    None,
    Warning,
    Critical,
    Breaker,
}

/// <summary>
/// What the loop guard decided for one request: the level, the detector that decided and its count,
/// and what an injection into this body needs (positions found by the same pass, the tool's name).
/// </summary>
internal sealed record LoopVerdict
{
    public static readonly LoopVerdict None = new() { Level = LoopLevel.None };

    public required LoopLevel Level { get; init; }

    /// <summary>The deciding detector's config name (<c>genericRepeat</c>, <c>pollNoProgress</c>, <c>pingPong</c>).</summary>
    public string? Detector { get; init; }

    /// <summary>Its short name in the header (<c>repeat</c>, <c>poll</c>, <c>pingpong</c>).</summary>
    public string? Label { get; init; }

    /// <summary>How many calls the loop has lasted.</summary>
    public int Count { get; init; }

    public string? Session { get; init; }

    /// <summary>The last repeated tool's name as the model called it, when it is a plain string.</summary>
    public string? ToolName { get; init; }

    public int CriticalThreshold { get; init; }

    public int BreakerThreshold { get; init; }

    internal int MessagesEnd { get; init; } = -1;

    internal int MessageCount { get; init; }

    internal int ObjectStart { get; init; } = -1;

    internal int SystemStart { get; init; } = -1;

    internal int SystemLength { get; init; }

    internal JsonTokenType SystemKind { get; init; }

    /// <summary>
    /// The <c>X-Router-Loop</c> header and request-log value: <c>LEVEL;DETECTOR=COUNT</c>, e.g.
    /// <c>warning;repeat=6</c>, <c>critical;poll=11</c>, <c>breaker;pingpong=15</c>. Null below the warning threshold.
    /// </summary>
    public string? Header => Level == LoopLevel.None ? null
        : string.Create(CultureInfo.InvariantCulture, $"{LevelName(Level)};{Label}={Count}");

    public static string LevelName(LoopLevel level) => level switch
    {
        LoopLevel.Warning => "warning",
        LoopLevel.Critical => "critical",
        LoopLevel.Breaker => "breaker",
        _ => "none",
    };
}
