using System.Globalization;
using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>How dev prompts are grouped when the complexity thresholds are chosen; every group counts equally.</summary>
internal enum CalibrationGroups
{
    /// <summary>One group: every dev prompt counts alike (the calibration up to the thirteenth session).</summary>
    Pooled,

    /// <summary>Each dev file a group.</summary>
    PerFile,

    /// <summary>Each original dev file a group and the sensitive probes together one more.</summary>
    ProbesAsOne,

    /// <summary>Two groups: the original files together, the probes together (the fourteenth to eighteenth sessions' default).</summary>
    OriginalsVsProbes,

    /// <summary>The original files alone, pooled; the probes are left out.</summary>
    OriginalsOnly,
}

/// <summary>
/// One way of choosing the three offsets: how dev files are grouped, the search's range (0: no calibration, the model's
/// own thresholds), a cap on a group's weight (0: every group weighs 1; else a group weighs min(its size, cap)), and the
/// rounds of the coordinate search.
/// </summary>
internal sealed record CalibrationRecipe(string Name, CalibrationGroups Groups, float Range, int Cap = 0, int Rounds = 2)
{
    public override string ToString() => Name;
}

/// <summary>
/// Chooses on dev where each complexity threshold sits: an offset on its bias in steps of 0.1, rounds of one threshold at
/// a time, maximising exact plus within-one accuracy averaged over groups of dev files (the training split's level mix need
/// not be the traffic's). Dev is mostly sensitive probes, whose prompts are short and mostly labelled <c>simple</c>: pooled,
/// they outvote the original files (more each session a probe is added) and the first threshold ran to the search's edge
/// (docs/CLASSIFIER.md). Task columns are left as trained. Which recipe is the default was chosen held out (CLASSIFIER.md,
/// "Complexity calibration held out"): offsets chosen on one half of each dev file and scored on the other, and chosen
/// with one dev file left out and scored on it.
/// </summary>
internal static class Calibration
{
    public static readonly CalibrationRecipe Default = new("originals and probes, ±3", CalibrationGroups.OriginalsVsProbes, 3f);

    private const int Thresholds = 3;

    /// <summary>A dev prompt with a complexity label: its raw threshold scores, its level, its file's index and its place in the file.</summary>
    public sealed record Row(float[] Thresholds, int Level, int File, int Position);

    /// <summary>The sensitive probes among the dev files (docs/LABELLING.md names them <c>sensitive-lookalikes-N</c>).</summary>
    public static bool IsProbe(string file) => file.StartsWith("sensitive-lookalikes-", StringComparison.Ordinal);

    public static void Calibrate(LearnedModel model, List<(string File, List<LabelledPrompt> Prompts)> dev)
    {
        var rows = Rows(model, dev);
        if (rows.Count == 0)
        {
            return;
        }

        var offsets = Choose(Default, rows, dev.Select(f => f.File).ToList());
        for (var k = 0; k < Thresholds; k++)
        {
            model.Shift(LearnedFeatures.Tasks.Length + k, offsets[k]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"complexity thresholds shifted on dev by {offsets[0]:F1}, {offsets[1]:F1}, {offsets[2]:F1} ({Default})"));
    }

    /// <summary>The raw threshold scores of every prompt with a complexity label, file by file.</summary>
    public static List<Row> Rows(LearnedModel model, IReadOnlyList<(string File, List<LabelledPrompt> Prompts)> files)
    {
        var tasks = LearnedFeatures.Tasks.Length;
        var rows = new List<Row>();
        for (var f = 0; f < files.Count; f++)
        {
            var position = 0;
            foreach (var d in files[f].Prompts.Where(d => d.Complexity is not null))
            {
                var outputs = new float[LearnedFeatures.Outputs];
                model.Score(d.View, HeuristicClassifier.ClassifyWithCues(d.View), outputs);
                rows.Add(new Row(outputs[tasks..], ClassifierEvaluation.Level(d.Complexity), f, position++));
            }
        }

        return rows;
    }

    /// <summary>The offsets <paramref name="recipe"/> chooses on <paramref name="rows"/>; <paramref name="files"/> names the rows' file indexes.</summary>
    public static float[] Choose(CalibrationRecipe recipe, IEnumerable<Row> rows, IReadOnlyList<string> files)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = new List<Row>();
        var group = new List<int>();
        foreach (var row in rows)
        {
            if (Key(recipe.Groups, files[row.File]) is not { } key)
            {
                continue;
            }

            if (!index.TryGetValue(key, out var g))
            {
                g = index[key] = index.Count;
            }

            chosen.Add(row);
            group.Add(g);
        }

        var size = new int[index.Count];
        foreach (var g in group)
        {
            size[g]++;
        }

        var weight = size.Select(n => recipe.Cap > 0 ? Math.Min(n, recipe.Cap) : 1.0).ToArray();
        return recipe.Range <= 0 || chosen.Count == 0 ? new float[Thresholds] : Search(chosen, [.. group], (weight, size), recipe.Range, recipe.Rounds);
    }

    /// <summary>Complexity = how many thresholds are positive (the ordinal reading of <c>LearnedModel.Predict</c>).</summary>
    public static int Level(Row row, float[] offsets)
    {
        var got = 0;
        for (var k = 0; k < Thresholds; k++)
        {
            got += row.Thresholds[k] + offsets[k] > 0 ? 1 : 0;
        }

        return got;
    }

    /// <summary>A file's group under a grouping, or null when the grouping leaves it out.</summary>
    private static string? Key(CalibrationGroups grouping, string file) => grouping switch
    {
        CalibrationGroups.Pooled => "all",
        CalibrationGroups.PerFile => file,
        CalibrationGroups.ProbesAsOne => IsProbe(file) ? "probes" : file,
        CalibrationGroups.OriginalsOnly => IsProbe(file) ? null : "originals",
        _ => IsProbe(file) ? "probes" : "originals",
    };

    /// <summary>
    /// Rounds of one threshold at a time over −range…range in steps of 0.1; a tie keeps the offset nearer 0. Stops early
    /// when a round changes nothing.
    /// </summary>
    private static float[] Search(List<Row> rows, int[] group, (double[] Weight, int[] Size) groups, float range, int rounds)
    {
        var offsets = new float[Thresholds];
        var steps = (int)Math.Round(range * 10);
        for (var round = 0; round < rounds; round++)
        {
            var before = (float[])offsets.Clone();
            for (var k = 0; k < Thresholds; k++)
            {
                var best = (Score: -1.0, Offset: 0f);
                for (var step = -steps; step <= steps; step++)
                {
                    offsets[k] = step / 10f;
                    var score = Objective(rows, group, groups, offsets);
                    if (score > best.Score || (score == best.Score && Math.Abs(offsets[k]) < Math.Abs(best.Offset)))
                    {
                        best = (score, offsets[k]);
                    }
                }

                offsets[k] = best.Offset;
            }

            if (offsets.SequenceEqual(before))
            {
                break;
            }
        }

        return offsets;
    }

    /// <summary>
    /// Σ over groups of (exact + within one) × the group's weight / its size: every group weighs its weight, whatever its
    /// size (points summed per group first, so equal points give equal scores and ties stay ties).
    /// </summary>
    private static double Objective(List<Row> rows, int[] group, (double[] Weight, int[] Size) groups, float[] offsets)
    {
        var points = new int[groups.Size.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            var got = Level(rows[i], offsets);
            points[group[i]] += (got == rows[i].Level ? 1 : 0) + (Math.Abs(got - rows[i].Level) <= 1 ? 1 : 0);
        }

        var score = 0.0;
        for (var g = 0; g < points.Length; g++)
        {
            score += points[g] * groups.Weight[g] / groups.Size[g];
        }

        return score;
    }
}
