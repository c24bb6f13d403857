using Majordomo.Config;

namespace Majordomo.Classification;

/// <summary>
/// Tier 2's answer for one request (SPEC §1.3). <see cref="Scores"/> are the feature scores that
/// drove it (for explain output); <see cref="Source"/> is <c>heuristic</c>, <c>model</c> or
/// <c>heuristic-fallback</c> (the model-backed classifier failed or timed out).
/// </summary>
internal sealed record Classification(
    string Complexity,
    string TaskType,
    int EstimatedTokens,
    bool Sensitive,
    IReadOnlyDictionary<string, double> Scores,
    string Source = ClassifierModes.Heuristic)
{
    /// <summary>The <c>X-Router-Classification</c> value: <c>complexity/taskType</c>.</summary>
    public string HeaderValue => Complexity + "/" + TaskType;
}
