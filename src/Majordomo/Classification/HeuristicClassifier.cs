namespace Majordomo.Classification;

/// <summary>The default Tier 2 classifier (SPEC §1.3): deterministic and allocation-light.</summary>
public static class HeuristicClassifier
{
    // Placeholder until the feature scorer lands: the length baseline, labelled as the heuristic.
    public static Classification Classify(PromptView prompt) => LengthBaselineClassifier.Classify(prompt) with { Source = "heuristic" };
}
