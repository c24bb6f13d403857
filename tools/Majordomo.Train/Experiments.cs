using System.Globalization;
using System.Text.Json;
using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>
/// The measurements behind the shipped training options (docs/CLASSIFIER.md, "Generalisation"), scored on
/// corpus/dev or by k-fold cross-validation over train+dev; never on test.
/// <code>
/// dotnet run -c Release --project tools/Majordomo.Train -- experiment curve|capacity|ablate|bags|balance|calibration|errors [--cv]
/// </code>
/// Complexity here is the raw model's (no threshold calibration), so variants compare on equal terms.
/// </summary>
internal static class Experiments
{
    private const int Folds = 5;

    public static int Run(string name, string corpus, bool crossValidate)
    {
        var train = Corpus.Load(corpus, "train");
        var dev = Corpus.Load(corpus, "dev");
        var o = TrainingOptions.Default;
        Console.WriteLine($"train {train.Count}, dev {dev.Count}; {(crossValidate ? $"{Folds}-fold cross-validation over train+dev" : "scored on dev")}; default {o}");
        switch (name)
        {
            case "curve":
                foreach (var fraction in new[] { 0.25, 0.5, 0.75, 1.0 })
                {
                    // Two subsamples a fraction (the whole set once): the spread says how much is noise.
                    foreach (var seed in fraction < 1 ? new[] { 1, 2 } : [1])
                    {
                        var shuffled = train.ToArray();
                        new Random(seed).Shuffle(shuffled);
                        var part = shuffled.Take((int)(shuffled.Length * fraction)).ToList();
                        Score($"{fraction:P0} of train ({part.Count}), subsample {seed}", Trainer.Fit(part, o), dev);
                    }
                }

                return 0;

            case "errors":
                Errors(CorpusFiles.Readable(corpus, "dev"), Trainer.Fit(train, o));
                return 0;

            default:
                var variants = Variants(name, o);
                if (variants.Count == 0)
                {
                    Console.Error.WriteLine("experiments: curve, capacity, ablate, bags, balance, calibration, errors");
                    return 2;
                }

                foreach (var (label, options) in variants)
                {
                    if (crossValidate)
                    {
                        CrossValidate(label, train.Concat(dev).ToList(), options);
                    }
                    else
                    {
                        Score(label, Trainer.Fit(train, options), dev);
                    }
                }

                return 0;
        }
    }

    private static List<(string Label, TrainingOptions Options)> Variants(string name, TrainingOptions o) => name switch
    {
        "capacity" =>
        [
            ("default", o),
            ("L2 3e-3", o with { L2 = 3e-3f }),
            ("L2 1e-2", o with { L2 = 1e-2f }),
            ("L2 3e-4", o with { L2 = 3e-4f }),
            ("epochs 10", o with { Epochs = 10 }),
            ("epochs 20", o with { Epochs = 20 }),
            ("epochs 120", o with { Epochs = 120 }),
            ("bits 14", o with { Bits = 14 }),
            ("bits 15", o with { Bits = 15 }),
            ("bits 17", o with { Bits = 17 }),
            ("lr 0.1", o with { LearningRate = 0.1f }),
        ],
        "ablate" =>
        [
            ("all", o),
            .. new[] { FeatureSet.Cues, FeatureSet.Words, FeatureSet.Pairs, FeatureSet.Zones, FeatureSet.FirstWord, FeatureSet.Trigrams, FeatureSet.System, FeatureSet.Tools, FeatureSet.Results }
                .Select(f => ($"without {f}", o with { Features = o.Features & ~f })),
        ],
        "bags" =>
        [
            ("1 model", o),
            ("5 seeds averaged", o with { Bags = 5 }),
            ("5 bootstrap bags", o with { Bags = 5, Bootstrap = true }),
            ("10 bootstrap bags", o with { Bags = 10, Bootstrap = true }),
        ],
        "balance" =>
        [
            ("no class weights", o),
            ("balance 0.5", o with { Balance = 0.5f }),
            ("balance 1", o with { Balance = 1f }),
        ],
        "candidates" =>
        [
            ("default", o),
            ("L2 3e-4", o with { L2 = 3e-4f }),
            ("epochs 120", o with { Epochs = 120 }),
            ("balance 0.5", o with { Balance = 0.5f }),
            ("balance 0.5, L2 3e-4", o with { Balance = 0.5f, L2 = 3e-4f }),
            ("balance 0.5, epochs 120", o with { Balance = 0.5f, Epochs = 120 }),
            ("balance 1, L2 3e-4", o with { Balance = 1f, L2 = 3e-4f }),
        ],
        "grams" =>
        [
            ("before (L2 1e-3, no class weights)", o with { L2 = 1e-3f, Balance = 0 }),
            ("chosen", o),
            ("with quadgrams", o with { Features = o.Features | FeatureSet.Quadgrams }),
            ("quadgrams instead of trigrams", o with { Features = (o.Features | FeatureSet.Quadgrams) & ~FeatureSet.Trigrams }),
            ("with quadgrams, bits 17", o with { Features = o.Features | FeatureSet.Quadgrams, Bits = 17 }),
        ],
        "l2" =>
        [
            ("L2 1e-4", o with { L2 = 1e-4f }),
            ("L2 3e-5", o with { L2 = 3e-5f }),
            ("balance 1, L2 1e-4", o with { Balance = 1f, L2 = 1e-4f }),
            ("balance 1, L2 1e-4, epochs 30", o with { Balance = 1f, L2 = 1e-4f, Epochs = 30 }),
        ],
        _ => [],
    };

    private static void Score(string label, LearnedModel model, List<LabelledPrompt> examples) =>
        Report.Row(label, ClassifierEvaluation.Evaluate(examples, v => model.Apply(v, HeuristicClassifier.ClassifyWithCues(v))));

    /// <summary>Folds by a fixed shuffle of train+dev (seed 11); the mean and the spread of the folds' taskType accuracy.</summary>
    private static void CrossValidate(string label, List<LabelledPrompt> all, TrainingOptions options)
    {
        var examples = all.Select(p => Trainer.Vectorize(p, options)).ToArray();
        var order = Enumerable.Range(0, all.Count).ToArray();
        new Random(11).Shuffle(order);
        var task = new List<double>();
        var within = new List<double>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = order.Where((_, i) => i % Folds == fold).ToHashSet();
            var model = Trainer.Fit(order.Where(i => !held.Contains(i)).Select(i => examples[i]).ToArray(), options);
            var report = ClassifierEvaluation.Evaluate(held.Order().Select(i => all[i]).ToList(), v => model.Apply(v, HeuristicClassifier.ClassifyWithCues(v)));
            task.Add(report.TaskTypeAccuracy ?? 0);
            within.Add(report.ComplexityWithinOne ?? 0);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-30} taskType {task.Average() * 100:F1} % (folds {string.Join(" ", task.Select(t => (t * 100).ToString("F1", CultureInfo.InvariantCulture)))}) | within one {within.Average() * 100:F1} %"));
    }

    /// <summary>Dev accuracy by labelled task, by what the model said, by known agent and by language (the file's <c>lang</c> field).</summary>
    private static void Errors(IReadOnlyList<string> files, LearnedModel model)
    {
        var rows = new List<(string Want, string Got, string Agent, string Lang, bool Multi)>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line) || ClassifierEvaluation.ParseLine(line, number, out _) is not { TaskType: { } want } p)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var lang = json.RootElement.TryGetProperty("lang", out var l) ? l.GetString() ?? "?" : "?";
                var got = model.Apply(p.View, HeuristicClassifier.ClassifyWithCues(p.View)).TaskType;
                rows.Add((want, got, p.View.Agent ?? "-", lang, p.View.UserMessages > 1 || p.View.ToolResults > 0));
            }
        }

        Group("labelled task", rows, r => r.Want);
        Group("model said (precision)", rows, r => r.Got);
        Group("known agent", rows, r => r.Agent);
        Group("language", rows, r => r.Lang);
        Group("multi-turn or tool results", rows, r => r.Multi ? "yes" : "no");
        Console.WriteLine("confusions (want -> got, count ≥ 2):");
        foreach (var g in rows.Where(r => r.Want != r.Got).GroupBy(r => $"{r.Want} -> {r.Got}").Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {g.Key,-30} {g.Count()}");
        }
    }

    private static void Group(string title, List<(string Want, string Got, string Agent, string Lang, bool Multi)> rows, Func<(string Want, string Got, string Agent, string Lang, bool Multi), string> key)
    {
        Console.WriteLine(title + ":");
        foreach (var g in rows.GroupBy(key).OrderBy(g => g.Count(r => r.Want == r.Got) / (double)g.Count()))
        {
            var right = g.Count(r => r.Want == r.Got);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Key,-16} {right * 100.0 / g.Count(),5:F1} % ({right}/{g.Count()})"));
        }
    }
}
