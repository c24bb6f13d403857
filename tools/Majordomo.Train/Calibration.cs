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

    /// <summary>Two groups: the original files together, the probes together (what <c>train</c> uses).</summary>
    OriginalsVsProbes,

    /// <summary>The original files alone, pooled; the probes are left out.</summary>
    OriginalsOnly,
}

/// <summary>
/// Chooses on dev where each complexity threshold sits: an offset on its bias in steps of 0.1, two rounds of one threshold at
/// a time, maximising exact plus within-one accuracy averaged over groups of dev files (the training split's level mix need
/// not be the traffic's). Dev is mostly sensitive probes, whose prompts are short and mostly labelled <c>simple</c>: pooled,
/// they outvote the original files (more each session a probe is added) and the first threshold ran to the search's edge
/// (docs/CLASSIFIER.md), so by default the original files and the probes are two groups of equal weight: neither kind of
/// traffic sets the thresholds alone (the probes as one group among the six original files weigh so little that the search
/// lands where it lands with no probe at all). Task columns are left as trained.
/// </summary>
internal static class Calibration
{
    public const CalibrationGroups DefaultGroups = CalibrationGroups.OriginalsVsProbes;

    /// <summary>The search runs over −<see cref="DefaultRange"/>…+<see cref="DefaultRange"/>.</summary>
    public const float DefaultRange = 3f;

    private const int Thresholds = 3;

    /// <summary>The sensitive probes among the dev files (docs/LABELLING.md names them <c>sensitive-lookalikes-N</c>).</summary>
    public static bool IsProbe(string file) => file.StartsWith("sensitive-lookalikes-", StringComparison.Ordinal);

    public static void Calibrate(LearnedModel model, List<(string File, List<LabelledPrompt> Prompts)> dev)
    {
        var rows = Rows(model, dev, DefaultGroups, out var groups);
        if (rows.Count == 0)
        {
            return;
        }

        var offsets = Search(rows, groups, DefaultRange);
        for (var k = 0; k < Thresholds; k++)
        {
            model.Shift(LearnedFeatures.Tasks.Length + k, offsets[k]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"complexity thresholds shifted on dev by {offsets[0]:F1}, {offsets[1]:F1}, {offsets[2]:F1} ({DefaultGroups}, ±{DefaultRange:F0})"));
    }

    /// <summary>
    /// <c>experiment calibration</c>: each grouping and range, its offsets and the exact / within-one figures of every
    /// original dev file, the originals together, the probes together and all dev (raw model plus offsets, before the
    /// half-precision rounding of the weights file).
    /// </summary>
    public static void Compare(LearnedModel model, List<(string File, List<LabelledPrompt> Prompts)> dev)
    {
        var originals = dev.Where(f => !IsProbe(f.File)).ToList();
        var perFile = Rows(model, dev, CalibrationGroups.PerFile, out _);
        Console.WriteLine("grouping, range: offsets | " + string.Join(" | ", originals.Select(f => Path.GetFileNameWithoutExtension(f.File))) +
            " | originals | probes | dev   (complexity exact / within one, %)");
        foreach (var grouping in Enum.GetValues<CalibrationGroups>())
        {
            var rows = Rows(model, dev, grouping, out var groups);
            foreach (var range in new[] { 3f, 6f })
            {
                var offsets = Search(rows, groups, range);
                var cells = originals.Select(f => Figures(perFile.Where(r => dev[r.Group].File == f.File), offsets))
                    .Append(Figures(perFile.Where(r => !IsProbe(dev[r.Group].File)), offsets))
                    .Append(Figures(perFile.Where(r => IsProbe(dev[r.Group].File)), offsets))
                    .Append(Figures(perFile, offsets));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{grouping}, ±{range:F0}: {offsets[0]:F1} {offsets[1]:F1} {offsets[2]:F1} | {string.Join(" | ", cells)}"));
            }
        }
    }

    private static string Figures(IEnumerable<Row> rows, float[] offsets)
    {
        int n = 0, exact = 0, within = 0;
        foreach (var row in rows)
        {
            var got = Level(row, offsets);
            n++;
            exact += got == row.Level ? 1 : 0;
            within += Math.Abs(got - row.Level) <= 1 ? 1 : 0;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{exact * 100.0 / n:F1} / {within * 100.0 / n:F1}");
    }

    private sealed record Row(float[] Thresholds, int Level, int Group);

    /// <summary>The raw threshold scores of every dev prompt with a complexity label, and its group's index.</summary>
    private static List<Row> Rows(LearnedModel model, List<(string File, List<LabelledPrompt> Prompts)> dev, CalibrationGroups grouping, out int groups)
    {
        var tasks = LearnedFeatures.Tasks.Length;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Row>();
        for (var f = 0; f < dev.Count; f++)
        {
            var (file, prompts) = dev[f];
            var probe = IsProbe(file);
            if (grouping == CalibrationGroups.OriginalsOnly && probe)
            {
                continue;
            }

            var key = grouping switch
            {
                CalibrationGroups.Pooled or CalibrationGroups.OriginalsOnly => "all",
                CalibrationGroups.PerFile => file,
                CalibrationGroups.ProbesAsOne => probe ? "probes" : file,
                _ => probe ? "probes" : "originals",
            };
            if (!index.TryGetValue(key, out var group))
            {
                // PerFile's groups are the file indexes, so Compare can tell files apart from any grouping's rows.
                group = grouping == CalibrationGroups.PerFile ? f : index.Count;
                index[key] = group;
            }

            foreach (var d in prompts.Where(d => d.Complexity is not null))
            {
                var outputs = new float[LearnedFeatures.Outputs];
                model.Score(d.View, HeuristicClassifier.ClassifyWithCues(d.View), outputs);
                rows.Add(new Row(outputs[tasks..], ClassifierEvaluation.Level(d.Complexity), group));
            }
        }

        groups = grouping == CalibrationGroups.PerFile ? dev.Count : index.Count;
        return rows;
    }

    private static float[] Search(List<Row> rows, int groups, float range)
    {
        var size = new int[groups];
        foreach (var row in rows)
        {
            size[row.Group]++;
        }

        var offsets = new float[Thresholds];
        var steps = (int)Math.Round(range * 10);
        for (var round = 0; round < 2; round++)
        {
            for (var k = 0; k < Thresholds; k++)
            {
                var best = (Score: -1.0, Offset: 0f);
                for (var step = -steps; step <= steps; step++)
                {
                    offsets[k] = step / 10f;
                    var score = Objective(rows, size, offsets);
                    if (score > best.Score || (score == best.Score && Math.Abs(offsets[k]) < Math.Abs(best.Offset)))
                    {
                        best = (score, offsets[k]);
                    }
                }

                offsets[k] = best.Offset;
            }
        }

        return offsets;
    }

    /// <summary>Σ over groups of (exact + within one) / the group's size: every group weighs the same, whatever its size.</summary>
    private static double Objective(List<Row> rows, int[] size, float[] offsets)
    {
        var points = new int[size.Length];
        foreach (var row in rows)
        {
            var got = Level(row, offsets);
            points[row.Group] += (got == row.Level ? 1 : 0) + (Math.Abs(got - row.Level) <= 1 ? 1 : 0);
        }

        var score = 0.0;
        for (var g = 0; g < size.Length; g++)
        {
            score += size[g] == 0 ? 0 : points[g] / (double)size[g];
        }

        return score;
    }

    /// <summary>Complexity = how many thresholds are positive (the ordinal reading of <c>LearnedModel.Predict</c>).</summary>
    private static int Level(Row row, float[] offsets)
    {
        var got = 0;
        for (var k = 0; k < Thresholds; k++)
        {
            got += row.Thresholds[k] + offsets[k] > 0 ? 1 : 0;
        }

        return got;
    }
}
