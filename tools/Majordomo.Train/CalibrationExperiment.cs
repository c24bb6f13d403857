using System.Globalization;

namespace Majordomo.Train;

/// <summary>
/// <c>experiment calibration</c>: each calibration recipe judged on dev prompts it was not chosen on (docs/CLASSIFIER.md,
/// "Complexity calibration held out"). The model is trained once on <c>--train DIR</c>'s train split (default: the
/// repository's corpus); for each <c>--dev DIR</c> (default the same; a snapshot's own blind list applies) every recipe is
/// scored four ways: in sample (chosen and scored on all dev), on train, by halves (chosen on the even-numbered complexity
/// prompts of every dev file, scored on the odd ones, and the reverse) and file out (chosen with one dev file left out,
/// scored on it, each file in turn). Raw model plus offsets, before the weights file's half-precision rounding.
/// <code>
/// dotnet run -c Release --project tools/Majordomo.Train -- experiment calibration [--train DIR] [--dev DIR]...
/// </code>
/// Snapshots for <c>--train</c>/<c>--dev</c>: <c>git archive COMMIT corpus/train corpus/dev corpus/blind-probes.txt | tar -x -C DIR</c>
/// (DIR/corpus is the directory to pass).
/// </summary>
internal static class CalibrationExperiment
{
    /// <summary>The recipes compared; the first is no calibration at all.</summary>
    public static readonly CalibrationRecipe[] Recipes =
    [
        new("none (the model's own thresholds)", CalibrationGroups.Pooled, 0f),
        new("pooled, ±3", CalibrationGroups.Pooled, 3f),
        new("each file, ±3", CalibrationGroups.PerFile, 3f),
        new("each file, weight min(size, 100), ±3", CalibrationGroups.PerFile, 3f, Cap: 100),
        new("each original file, probes as one, ±3", CalibrationGroups.ProbesAsOne, 3f),
        new("originals and probes, ±3 (eighteenth session)", CalibrationGroups.OriginalsVsProbes, 3f),
        new("originals and probes, ±3, search to convergence", CalibrationGroups.OriginalsVsProbes, 3f, Rounds: 20),
        new("originals and probes, ±1", CalibrationGroups.OriginalsVsProbes, 1f),
        new("originals and probes, ±0.5", CalibrationGroups.OriginalsVsProbes, 0.5f),
        new("originals only, ±3", CalibrationGroups.OriginalsOnly, 3f),
        new("originals only, ±1", CalibrationGroups.OriginalsOnly, 1f),
        new("originals only, ±0.5", CalibrationGroups.OriginalsOnly, 0.5f),
    ];

    public static int Run(string trainCorpus, IReadOnlyList<string> devCorpora)
    {
        var train = Corpus.LoadFiles(trainCorpus, "train");
        Console.WriteLine($"training on {train.Sum(f => f.Prompts.Count)} prompts of {trainCorpus}/train ({TrainingOptions.Default})");
        var model = Trainer.Fit(train.SelectMany(f => f.Prompts).ToList(), TrainingOptions.Default);
        var trainRows = Calibration.Rows(model, train);
        foreach (var devCorpus in devCorpora)
        {
            var dev = Corpus.LoadFiles(devCorpus, "dev");
            var files = dev.Select(f => f.File).ToList();
            var rows = Calibration.Rows(model, dev);
            Console.WriteLine($"dev {devCorpus}: {files.Count} files, {rows.Count} prompts with a complexity label ({rows.Count(r => !Calibration.IsProbe(files[r.File]))} in original files)");
            Console.WriteLine("recipe | offsets on all dev | train | in sample: originals, probes, dev | halves: originals, probes, dev | file out: originals, probes, dev   (exact / within one, %)");
            foreach (var recipe in Recipes)
            {
                var offsets = Calibration.Choose(recipe, rows, files);
                var inSample = rows.Select(r => (r, Calibration.Level(r, offsets))).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{recipe} | {offsets[0]:F1} {offsets[1]:F1} {offsets[2]:F1} | {Figures(trainRows.Select(r => (r, Calibration.Level(r, offsets))))} | {Split(inSample, files)} | {Split(Halves(recipe, rows, files), files)} | {Split(FileOut(recipe, rows, files), files)}"));
            }

            Console.WriteLine("file out, each original file (exact / within one, %), then held-out prompts won / lost on exact against the default (" + Calibration.Default + "), file out and halves, originals and probes: recipe | " +
                string.Join(" | ", files.Where(f => !Calibration.IsProbe(f)).Select(Path.GetFileNameWithoutExtension)) + " | won / lost");
            var baseline = (FileOut(Calibration.Default, rows, files), Halves(Calibration.Default, rows, files));
            foreach (var recipe in Recipes)
            {
                var held = FileOut(recipe, rows, files);
                var cells = files.Select((f, i) => (f, i)).Where(x => !Calibration.IsProbe(x.f)).Select(x => Figures(held.Where(h => h.Row.File == x.i)));
                Console.WriteLine($"{recipe} | {string.Join(" | ", cells)} | {WonLost(held, baseline.Item1, files)}; {WonLost(Halves(recipe, rows, files), baseline.Item2, files)}");
            }
        }

        return 0;
    }

    /// <summary>Offsets chosen on the even-numbered rows of every file score the odd ones, and the reverse.</summary>
    private static List<(Calibration.Row Row, int Got)> Halves(CalibrationRecipe recipe, List<Calibration.Row> rows, List<string> files)
    {
        var held = new List<(Calibration.Row, int)>();
        for (var half = 0; half < 2; half++)
        {
            var offsets = Calibration.Choose(recipe, rows.Where(r => r.Position % 2 == half), files);
            held.AddRange(rows.Where(r => r.Position % 2 != half).Select(r => (r, Calibration.Level(r, offsets))));
        }

        return held;
    }

    /// <summary>Each file scored with the offsets chosen on every other file.</summary>
    private static List<(Calibration.Row Row, int Got)> FileOut(CalibrationRecipe recipe, List<Calibration.Row> rows, List<string> files)
    {
        var held = new List<(Calibration.Row, int)>();
        for (var f = 0; f < files.Count; f++)
        {
            var offsets = Calibration.Choose(recipe, rows.Where(r => r.File != f), files);
            held.AddRange(rows.Where(r => r.File == f).Select(r => (r, Calibration.Level(r, offsets))));
        }

        return held;
    }

    /// <summary>Held-out prompts answered exactly by one list and not the other (same rows, any order), originals and probes apart.</summary>
    private static string WonLost(List<(Calibration.Row Row, int Got)> held, List<(Calibration.Row Row, int Got)> baseline, List<string> files)
    {
        var before = baseline.ToDictionary(h => h.Row, h => h.Got);
        var counts = new int[4];
        foreach (var (row, got) in held)
        {
            var probe = Calibration.IsProbe(files[row.File]) ? 2 : 0;
            var now = got == row.Level;
            if (now != (before[row] == row.Level))
            {
                counts[probe + (now ? 0 : 1)]++;
            }
        }

        return $"{counts[0]} / {counts[1]} originals, {counts[2]} / {counts[3]} probes";
    }

    /// <summary>The original files, the probes and all dev.</summary>
    private static string Split(List<(Calibration.Row Row, int Got)> held, List<string> files) => string.Join(", ",
        Figures(held.Where(h => !Calibration.IsProbe(files[h.Row.File]))),
        Figures(held.Where(h => Calibration.IsProbe(files[h.Row.File]))),
        Figures(held));

    private static string Figures(IEnumerable<(Calibration.Row Row, int Got)> held)
    {
        int n = 0, exact = 0, within = 0;
        foreach (var (row, got) in held)
        {
            n++;
            exact += got == row.Level ? 1 : 0;
            within += Math.Abs(got - row.Level) <= 1 ? 1 : 0;
        }

        return n == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{exact * 100.0 / n:F1} / {within * 100.0 / n:F1}");
    }
}
