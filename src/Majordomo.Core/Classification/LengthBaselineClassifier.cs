using System.Collections.Frozen;
using Majordomo.Chat;

using Majordomo.Config;

namespace Majordomo.Classification;

/// <summary>
/// Classifies by prompt length alone. It is the yardstick the dev-set test prints next to the
/// heuristic classifier, so the value of every other feature is visible.
/// </summary>
internal static class LengthBaselineClassifier
{
    public static Classification Classify(PromptView prompt)
    {
        var tokens = prompt.EstimatedPromptTokens;
        var complexity = tokens switch
        {
            < 60 => Complexity.Simple,
            < 400 => Complexity.Medium,
            < 2000 => Complexity.Complex,
            _ => Complexity.Reasoning,
        };
        var scores = new Dictionary<string, double> { ["length"] = tokens }.ToFrozenDictionary();
        return new Classification(complexity, "conversation", tokens, false, scores, "length-baseline");
    }
}
