namespace Majordomo.Config.Validation;

/// <summary><c>classifier</c> (Tier 2) and <c>selection</c>.</summary>
internal static class SelectionValidator
{
    public static void Classifier(ValidationContext c)
    {
        if (!c.Present(c.Config.Classifier, "classifier", out var classifier))
        {
            return;
        }
        if (classifier.Mode is not null)
        {
            c.OneOf(classifier.Mode, ClassifierModes.All, "classifier.mode", "mode");
        }

        if (classifier.Mode == ClassifierModes.Model)
        {
            if (string.IsNullOrEmpty(classifier.Model))
            {
                c.Error("classifier.model", "is required when mode is 'model'");
            }
            else if (c.ResolveModel(classifier.Model) is null)
            {
                c.Error("classifier.model", $"unknown model '{classifier.Model}'{ValidationContext.Suggest(classifier.Model, c.Models.Keys)}");
            }
        }

        c.Range(classifier.TimeoutMs, 1, 600_000, "classifier.timeoutMs");
    }

    public static void Selection(ValidationContext c)
    {
        if (!c.Present(c.Config.Selection, "selection", out var s))
        {
            return;
        }
        c.Range(s.QualityTolerance, 0, 100, "selection.qualityTolerance");
        if (s.Escalation is not null)
        {
            c.OneOf(s.Escalation, Escalations.All, "selection.escalation", "value");
        }

        if (s.FallbackModel is { } fb && c.ResolveModel(fb) is null)
        {
            c.Error("selection.fallbackModel", $"unknown model '{fb}'{ValidationContext.Suggest(fb, c.Models.Keys)}");
        }

        foreach (var (level, floor) in s.QualityFloors ?? [])
        {
            if (!Complexity.Words.Contains(level))
            {
                c.Error(ConfigPath.Key("selection.qualityFloors", level), $"unknown complexity (expected {Complexity.Words.OneOf})");
            }

            c.Range(floor, 0, 100, ConfigPath.Key("selection.qualityFloors", level));
        }
    }
}
