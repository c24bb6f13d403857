namespace Majordomo.Classification;

/// <summary>Complexity levels of SPEC §1.3, lower case on the wire.</summary>
public static class Complexity
{
    public const string Simple = "simple";
    public const string Medium = "medium";
    public const string Complex = "complex";
    public const string Reasoning = "reasoning";

    public static readonly IReadOnlyList<string> All = [Simple, Medium, Complex, Reasoning];
}

/// <summary>
/// Tier 2's answer for one request (SPEC §1.3). <see cref="Scores"/> are the feature scores that
/// drove it (for explain output); <see cref="Source"/> is <c>heuristic</c>, <c>model</c> or
/// <c>heuristic-fallback</c> (the model-backed classifier failed or timed out).
/// </summary>
public sealed record Classification(
    string Complexity,
    string TaskType,
    int EstimatedTokens,
    bool Sensitive,
    IReadOnlyDictionary<string, double> Scores,
    string Source = "heuristic")
{
    /// <summary>The <c>X-Router-Classification</c> value: <c>complexity/taskType</c>.</summary>
    public string HeaderValue => Complexity + "/" + TaskType;
}
