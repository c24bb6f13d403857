using System.Globalization;
using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>
/// File-out cross-validation over train+dev for several training recipes at once (docs/CLASSIFIER.md, "Which change costs
/// generalisation"). Every file of the current train and dev is one group, and a stable hash of its name puts it in one of
/// five folds, so a fold holds out whole files (a file's prompts share an author, a style and often a template of asks: a
/// shuffle of prompts would leave each held-out prompt's siblings in training). A recipe is a corpus snapshot (its train
/// files with their labels, and its version of each current dev file where it has one) and training options; for each fold
/// it is trained on its files outside the fold and scored, with the current labels, on the held-out current files. So
/// recipes are compared on the same held-out prompts and the same labels. Complexity is the raw model's (no calibration).
/// <code>
/// dotnet run -c Release --project tools/Majordomo.Train -- experiment groupcv --config NAME=CORPUS[=features:All-Ask,l2:3e-4,seed:8,epochs:30,balance:0.5] ...
/// </code>
/// </summary>
internal static class GroupValidation
{
    private const int Folds = 5;

    private static readonly string[] LengthBins = ["last user < 200 chars", "200-2,499 chars", ">= 2,500 chars"];

    /// <summary>A training recipe: a name, the corpus directory its train (and older dev) files come from, its options.</summary>
    public sealed record Recipe(string Name, string Corpus, TrainingOptions Options);

    /// <summary>One held-out prompt: where it comes from and, per recipe, the task and complexity answered.</summary>
    private sealed record Held(string Split, string File, LabelledPrompt Prompt, string?[] Task, string?[] Complexity);

    public static int Run(string corpus, string[] args)
    {
        var recipes = Recipes(args);
        if (recipes.Count == 0)
        {
            Console.Error.WriteLine("groupcv: --config NAME=CORPUS[=features:All-Ask,l2:3e-4,seed:8,epochs:30,balance:0.5] (one or more)");
            return 2;
        }

        var held = Corpus.LoadFiles(corpus, "train").SelectMany(f => f.Prompts.Select(p => new Held("train", f.File, p, new string?[recipes.Count], new string?[recipes.Count])))
            .Concat(Corpus.LoadFiles(corpus, "dev").SelectMany(f => f.Prompts.Select(p => new Held("dev", f.File, p, new string?[recipes.Count], new string?[recipes.Count]))))
            .ToList();
        var devNames = held.Where(h => h.Split == "dev").Select(h => h.File).Distinct().ToList();
        Console.WriteLine($"{held.Count} held-out prompts in {held.Select(h => h.File).Distinct().Count()} files, {Folds} folds by file");
        for (var r = 0; r < recipes.Count; r++)
        {
            Answer(recipes[r], r, TrainingPool(recipes[r], corpus, devNames), held);
        }

        Print(recipes, held);
        return 0;
    }

    /// <summary>The fold of a file: a stable hash of its name (FNV-1a), the same in every run and for every recipe.</summary>
    public static int Fold(string file)
    {
        var hash = 2166136261u;
        foreach (var c in file)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Folds);
    }

    private static List<Recipe> Recipes(string[] args)
    {
        var recipes = new List<Recipe>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--config")
            {
                var parts = args[i + 1].Split('=');
                recipes.Add(new Recipe(parts[0], parts[1], parts.Length > 2 ? Options(parts[2]) : TrainingOptions.Default));
            }
        }

        return recipes;
    }

    private static TrainingOptions Options(string text)
    {
        var o = TrainingOptions.Default;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split(':')[0], pair.Split(':')[1]);
            o = key switch
            {
                "features" => o with { Features = FeatureNames.Parse(value) },
                "l2" => o with { L2 = float.Parse(value, CultureInfo.InvariantCulture) },
                "seed" => o with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "epochs" => o with { Epochs = int.Parse(value, CultureInfo.InvariantCulture) },
                "balance" => o with { Balance = float.Parse(value, CultureInfo.InvariantCulture) },
                "lr" => o with { LearningRate = float.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"groupcv: unknown option '{key}'"),
            };
        }

        return o;
    }

    /// <summary>
    /// The recipe's train files, and each current dev file in the recipe's version where its corpus has one (older labels),
    /// else the current one: dev files written after a snapshot are in every recipe's pool, so recipes differ only by what
    /// they changed. Blind lists of old snapshots are ignored: the current list decides what is read.
    /// </summary>
    private static List<(string File, Trainer.Example Example)> TrainingPool(Recipe recipe, string corpus, List<string> devNames)
    {
        var files = Corpus.LoadFiles(recipe.Corpus, "train").Concat(devNames.Select(name =>
        {
            var old = Path.Combine(recipe.Corpus, "dev", name);
            return (File: name, Prompts: Corpus.LoadFile(File.Exists(old) ? old : Path.Combine(corpus, "dev", name)));
        }));
        return [.. files.SelectMany(f => f.Prompts.Select(p => (f.File, Trainer.Vectorize(p, recipe.Options))))];
    }

    /// <summary>Trains the recipe once per fold (two folds at a time: each fit is one thread and deterministic) and records its answers.</summary>
    private static void Answer(Recipe recipe, int r, List<(string File, Trainer.Example Example)> pool, List<Held> held)
    {
        Console.WriteLine($"{recipe.Name}: {pool.Count} training prompts ({recipe.Corpus}; {recipe.Options})");
        Parallel.For(0, Folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var model = Trainer.Fit(pool.Where(e => Fold(e.File) != fold).Select(e => e.Example).ToArray(), recipe.Options);
            foreach (var h in held.Where(h => Fold(h.File) == fold))
            {
                var got = model.Apply(h.Prompt.View, HeuristicClassifier.ClassifyWithCues(h.Prompt.View));
                h.Task[r] = got.TaskType;
                h.Complexity[r] = got.Complexity;
            }
        });
    }

    private static void Print(List<Recipe> recipes, List<Held> held)
    {
        var names = string.Join(" | ", recipes.Select(r => r.Name));
        Console.WriteLine($"| group (prompts) | {names} |  (taskType / complexity exact / within one, %)");
        Console.WriteLine("|---|" + string.Concat(recipes.Select(_ => "---|")));
        var originals = held.Where(h => h.Split == "dev" && !Calibration.IsProbe(h.File)).ToList();
        Row("all held out", held, recipes.Count);
        Row("train files", held.Where(h => h.Split == "train").ToList(), recipes.Count);
        Row("dev files", held.Where(h => h.Split == "dev").ToList(), recipes.Count);
        Row("original dev files", originals, recipes.Count);
        Row("probes", held.Where(h => Calibration.IsProbe(h.File)).ToList(), recipes.Count);
        Row("train, not sensitive files", held.Where(h => h.Split == "train" && !h.File.StartsWith("sensitive", StringComparison.Ordinal)).ToList(), recipes.Count);
        foreach (var bin in LengthBins)
        {
            Row(bin, held.Where(h => LengthBins[LengthBin(h)] == bin).ToList(), recipes.Count);
        }

        foreach (var task in LearnedFeatures.Tasks)
        {
            Row($"labelled {task}", held.Where(h => h.Prompt.TaskType == task).ToList(), recipes.Count);
            Row($"  of them original dev", originals.Where(h => h.Prompt.TaskType == task).ToList(), recipes.Count);
        }

        foreach (var file in held.GroupBy(h => (h.Split, h.File)))
        {
            Row($"{file.Key.Split}/{Path.GetFileNameWithoutExtension(file.Key.File)} (fold {Fold(file.Key.File)})", [.. file], recipes.Count);
        }

        Paired(recipes, held);
    }

    private static int LengthBin(Held h) => h.Prompt.View.LastUserText.Length switch
    {
        < 200 => 0,
        < 2500 => 1,
        _ => 2,
    };

    private static void Row(string label, List<Held> rows, int recipes)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var cells = Enumerable.Range(0, recipes).Select(r =>
        {
            var task = Share(rows, h => h.Prompt.TaskType is { } want ? want == h.Task[r] : null);
            var exact = Share(rows, h => Levels(h, r) is var (want, got) && want >= 0 ? want == got : null);
            var within = Share(rows, h => Levels(h, r) is var (want, got) && want >= 0 ? Math.Abs(want - got) <= 1 : null);
            return $"{task} / {exact} / {within}";
        });
        Console.WriteLine($"| {label} ({rows.Count:N0}) | {string.Join(" | ", cells)} |");
    }

    private static (int Want, int Got) Levels(Held h, int r) =>
        (ClassifierEvaluation.Level(h.Prompt.Complexity), ClassifierEvaluation.Level(h.Complexity[r]));

    private static string Share(List<Held> rows, Func<Held, bool?> right)
    {
        var scored = rows.Select(right).Where(b => b.HasValue).ToList();
        return scored.Count == 0 ? "n/a" : (scored.Count(b => b == true) * 100.0 / scored.Count).ToString("F1", CultureInfo.InvariantCulture);
    }

    /// <summary>For each recipe after the first, taskType prompts won and lost against the one before it (all held out, and the original dev files).</summary>
    private static void Paired(List<Recipe> recipes, List<Held> held)
    {
        for (var r = 1; r < recipes.Count; r++)
        {
            foreach (var (label, rows) in new[] { ("all", held), ("original dev", held.Where(h => h.Split == "dev" && !Calibration.IsProbe(h.File)).ToList()) })
            {
                var won = rows.Count(h => h.Task[r] == h.Prompt.TaskType && h.Task[r - 1] != h.Prompt.TaskType);
                var lost = rows.Count(h => h.Task[r] != h.Prompt.TaskType && h.Task[r - 1] == h.Prompt.TaskType);
                Console.WriteLine($"{recipes[r - 1].Name} -> {recipes[r].Name}, {label}: taskType won {won}, lost {lost}");
            }
        }
    }
}
