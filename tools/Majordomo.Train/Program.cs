using System.Globalization;
using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>
/// Trains and measures the built-in classifier (docs/CLASSIFIER.md). Run from the repository root:
/// <code>
/// dotnet run -c Release --project tools/Majordomo.Train -- train     # corpus/train → Classification/classifier-weights.bin
/// dotnet run -c Release --project tools/Majordomo.Train -- eval      # train/dev/test table: length baseline, cue tables, shipped model
/// dotnet run -c Release --project tools/Majordomo.Train -- eval --weights /tmp/w.bin   # the same table for another weights file
/// dotnet run -c Release --project tools/Majordomo.Train -- tune      # the hyper-parameter grid, scored on dev only
/// dotnet run -c Release --project tools/Majordomo.Train -- dump dev [--weights FILE] [--corpus DIR]  # per prompt: label, cue scorer, model, known agent
/// dotnet run -c Release --project tools/Majordomo.Train -- why FILE  # each task score split into dense and hashed parts
/// dotnet run -c Release --project tools/Majordomo.Train -- files [--weights FILE]  # per dev file; original files, probes, all dev
/// dotnet run -c Release --project tools/Majordomo.Train -- experiment calibration [--train DIR] [--dev DIR]...  # threshold calibrations held out
/// dotnet run -c Release --project tools/Majordomo.Train -- experiment sensitive-head  # a learned sensitive head OR the rules, on held-out probes
/// </code>
/// Deterministic: a fixed seed shuffles the examples, one thread, the same arithmetic every run.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["scan", var file])
        {
            Scan.Print(file);
            return 0;
        }

        if (args is ["dump", var dumpSplit, ..])
        {
            // One line per prompt of corpus/<split>: label, cue scorer's task, model's task, known agent (for analysis).
            var model = Option(args, "--weights") is { } weights ? WeightsFile.Load(weights)
                : LearnedModel.Shipped ?? throw new InvalidOperationException("this build carries no weights");
            foreach (var p in Corpus.Load(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "corpus"), dumpSplit))
            {
                var cues = HeuristicClassifier.ClassifyWithCues(p.View);
                var got = model.Apply(p.View, cues);
                Console.WriteLine($"{p.TaskType}\t{p.Complexity}\t{cues.TaskType}\t{cues.Complexity}\t{got.TaskType}\t{got.Complexity}\t{p.View.Agent ?? "-"}\t{p.View.LastUserText.Length}\t{p.Preview}");
            }

            return 0;
        }

        if (args is ["experiment", "groupcv", ..])
        {
            return GroupValidation.Run(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "corpus"), args);
        }

        if (args is ["experiment", "calibration", ..])
        {
            var here = Path.Combine(RepositoryRoot(), "corpus");
            var devs = args.Select((a, i) => (a, i)).Where(x => x.a == "--dev" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
            return CalibrationExperiment.Run(Option(args, "--train") ?? here, devs.Count > 0 ? devs : [here]);
        }

        if (args is ["experiment", "sensitive-head", ..])
        {
            return SensitiveHeadExperiment.Run(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "corpus"), args);
        }

        if (args is ["experiment", var experiment, ..])
        {
            return Experiments.Run(experiment, Path.Combine(RepositoryRoot(), "corpus"), args.Contains("--cv"));
        }

        if (args is ["files", ..])
        {
            // Per dev file, then the original files, the probes and all dev together (CLASSIFIER.md's per-file table).
            var model = Option(args, "--weights") is { } weights ? WeightsFile.Load(weights)
                : LearnedModel.Shipped ?? throw new InvalidOperationException("this build carries no weights");
            Report.Files(Corpus.LoadFiles(Option(args, "--corpus") ?? Path.Combine(RepositoryRoot(), "corpus"), "dev"), model);
            return 0;
        }

        if (args is ["why", var whyFile])
        {
            Why.Print(whyFile);
            return 0;
        }

        if (args.Length == 0 || args[0] is not ("train" or "eval" or "tune"))
        {
            Console.Error.WriteLine("usage: Majordomo.Train train|eval|tune|files|dump SPLIT|why FILE|scan FILE [--corpus DIR] [--out FILE] [--features All-Quadgrams (train)] [--weights FILE (eval)] [--splits train,dev (default; add test only for the one final measurement)]");
            return 2;
        }

        var root = RepositoryRoot();
        var corpus = Option(args, "--corpus") ?? Path.Combine(root, "corpus");
        var output = Option(args, "--out") ?? Path.Combine(root, "src", "Majordomo.Core", "Classification", "classifier-weights.bin");
        var options = TrainingOptions.Default;
        if (Option(args, "--features") is { } names)
        {
            options = options with { Features = FeatureNames.Parse(names) };
        }

        switch (args[0])
        {
            case "train":
                {
                    var train = Corpus.Load(corpus, "train");
                    if (args.Contains("--with-devsets"))
                    {
                        train.AddRange(Corpus.Load(Path.Combine(root, "tests", "Majordomo.Tests"), "Data", "classifier-devset-*.jsonl"));
                    }

                    Console.WriteLine($"training on {train.Count} prompts of {corpus}/train ({options})");
                    var model = Trainer.Fit(train, options);
                    var devFiles = Corpus.LoadFiles(corpus, "dev");
                    var dev = devFiles.SelectMany(f => f.Prompts).ToList();
                    Calibration.Calibrate(model, devFiles);
                    using (var stream = File.Create(output))
                    {
                        model.Write(stream);
                    }

                    Console.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes)");
                    Report.Print(train, "train", model);
                    Report.Print(dev, "dev", model);
                    return 0;
                }

            case "eval":
                {
                    var model = Option(args, "--weights") is { } weights ? WeightsFile.Load(weights)
                        : LearnedModel.Shipped ?? throw new InvalidOperationException("this build carries no weights");
                    foreach (var split in (Option(args, "--splits") ?? "train,dev").Split(','))
                    {
                        Report.Print(Corpus.Load(corpus, split), split, model);
                    }

                    return 0;
                }

            default:
                Tuning.Run(Corpus.Load(corpus, "train"), Corpus.Load(corpus, "dev"));
                return 0;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Majordomo.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Which detector flagged (or missed) each line of a labelled file whose <c>sensitive</c> label disagrees.</summary>
internal static class Scan
{
    public static void Print(string file)
    {
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (ClassifierEvaluation.ParseLine(line, number, out _) is not { Sensitive: { } want } example)
            {
                continue;
            }

            string[] texts = [example.View.UserText, example.View.SystemText, example.View.ToolResultText];
            var triggers = texts.Select(t => SensitiveScanner.ScanTriggers(t)).FirstOrDefault(k => k != SensitiveKind.None);
            var digits = texts.Select(t => SensitiveScanner.ScanDigits(t)).FirstOrDefault(k => k != SensitiveKind.None);
            var phrases = texts.Any(t => SecretPhrases.Contains(t));
            var shaped = texts.Any(t => SecretPhrases.PasswordShaped(t));
            var got = triggers != SensitiveKind.None || digits != SensitiveKind.None || phrases || shaped;
            if (got != want)
            {
                Console.WriteLine($"{number}: want {want} triggers={triggers} digits={digits} phrases={phrases} shaped={shaped}: {example.Preview}");
            }
        }
    }
}

/// <summary>For each line of a labelled file: the dense features' and the hashed features' share of each task score (diagnosis).</summary>
internal static class Why
{
    public static void Print(string file)
    {
        var model = LearnedModel.Shipped!;
        var outputs = LearnedFeatures.Outputs;
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (ClassifierEvaluation.ParseLine(line, number, out _) is not { } example)
            {
                continue;
            }

            var indices = new List<int>();
            var values = new List<float>();
            var sink = new FeatureSink(indices, values);
            var cues = HeuristicClassifier.ClassifyWithCues(example.View);
            LearnedFeatures.Extract(example.View, cues, model.Features, model.Dimension, ref sink);
            Console.WriteLine($"{number}: want {example.TaskType}; cues {cues.TaskType}; agent {example.View.Agent}; user text {example.View.LastUserText.Length} chars, messages {example.View.MessageCount}, users {example.View.UserMessages}");
            var hashed = new float[outputs];
            for (var i = 0; i < indices.Count; i++)
            {
                var row = model.Weights.Slice(indices[i] * outputs, outputs).ToArray();
                if (indices[i] >= LearnedFeatures.DenseCount)
                {
                    for (var k = 0; k < outputs; k++)
                    {
                        hashed[k] += values[i] * row[k];
                    }

                    continue;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dense {indices[i],3} x{values[i],6:F2}: ") +
                    string.Join(" ", Enumerable.Range(0, LearnedFeatures.Tasks.Length).Select(k => string.Create(CultureInfo.InvariantCulture, $"{LearnedFeatures.Tasks[k][..4]}{values[i] * row[k],6:F2}"))));
            }

            Console.WriteLine("  hashed        : " + string.Join(" ", Enumerable.Range(0, LearnedFeatures.Tasks.Length).Select(k => string.Create(CultureInfo.InvariantCulture, $"{LearnedFeatures.Tasks[k][..4]}{hashed[k],6:F2}"))));
        }
    }
}

/// <summary>
/// Reads corpus/&lt;split&gt;/*.jsonl (files in name order, the blind probes left out: <see cref="CorpusFiles"/>) through the
/// same parser as <c>route --eval</c>.
/// </summary>
internal static class Corpus
{
    public static List<LabelledPrompt> Load(string corpus, string split, string pattern = "*.jsonl") =>
        [.. LoadFiles(corpus, split, pattern).SelectMany(f => f.Prompts)];

    /// <summary>The same prompts, file by file (name without directory): per-file figures and the calibration's groups.</summary>
    public static List<(string File, List<LabelledPrompt> Prompts)> LoadFiles(string corpus, string split, string pattern = "*.jsonl")
    {
        var result = new List<(string File, List<LabelledPrompt> Prompts)>();
        var dir = Path.Combine(corpus, split);
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"warning: no {dir}");
            return result;
        }

        var files = CorpusFiles.Readable(corpus, split, pattern);
        var all = Directory.GetFiles(dir, pattern).Length;
        if (all > files.Count)
        {
            Console.Error.WriteLine($"{split}: {all - files.Count} blind probe(s) of {Path.Combine(corpus, "blind-probes.txt")} not read");
        }

        result.AddRange(files.Select(file => (Path.GetFileName(file), LoadFile(file))));
        return result;
    }

    /// <summary>One labelled file, whatever a blind list says (the caller decided it may be read).</summary>
    public static List<LabelledPrompt> LoadFile(string file)
    {
        var list = new List<LabelledPrompt>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (ClassifierEvaluation.ParseLine(line, number, out var problem) is { } example)
            {
                list.Add(example);
            }
            else
            {
                Console.Error.WriteLine($"warning: {file}:{number}: skipped: {problem}");
            }
        }

        return list;
    }
}

/// <summary>The figures CLASSIFIER.md shows for one split: length baseline, cue tables, trained model.</summary>
internal static class Report
{
    public static void Print(List<LabelledPrompt> examples, string split, LearnedModel model)
    {
        Console.WriteLine($"{split} ({examples.Count} prompts)  taskType | cx exact | cx within one | sensitive recall | precision");
        Row("  length baseline", ClassifierEvaluation.Evaluate(examples, LengthBaselineClassifier.Classify));
        Row("  cue tables (old)", ClassifierEvaluation.Evaluate(examples, HeuristicClassifier.ClassifyWithCues));
        Row("  trained", ClassifierEvaluation.Evaluate(examples, v => model.Apply(v, HeuristicClassifier.ClassifyWithCues(v))));
    }

    /// <summary>taskType / complexity exact / within one (%) of every dev file, the original files, the probes and all dev, as table rows.</summary>
    public static void Files(List<(string File, List<LabelledPrompt> Prompts)> dev, LearnedModel model)
    {
        var groups = dev.Select(f => ($"`{Path.GetFileNameWithoutExtension(f.File)}`", f.Prompts))
            .Append(("**original dev files**", dev.Where(f => !Calibration.IsProbe(f.File)).SelectMany(f => f.Prompts).ToList()))
            .Append(("**probes**", dev.Where(f => Calibration.IsProbe(f.File)).SelectMany(f => f.Prompts).ToList()))
            .Append(("**dev**", dev.SelectMany(f => f.Prompts).ToList()));
        foreach (var (name, prompts) in groups)
        {
            var r = ClassifierEvaluation.Evaluate(prompts, v => model.Apply(v, HeuristicClassifier.ClassifyWithCues(v)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} ({prompts.Count:N0}) | {P(r.TaskTypeAccuracy)[..^2]} / {P(r.ComplexityExact)[..^2]} / {P(r.ComplexityWithinOne)[..^2]} |"));
        }
    }

    public static void Row(string name, EvaluationReport r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {P(r.TaskTypeAccuracy)} | {P(r.ComplexityExact)} | {P(r.ComplexityWithinOne)} | {P(r.SensitiveRecall)} | {P(r.SensitivePrecision)}"));

    private static string P(double? value) => value is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "n/a";
}

/// <summary>Hyper-parameters; <see cref="Default"/> is what the shipped weights were trained with (chosen on dev by <c>tune</c>).</summary>
/// <param name="Bags">Models averaged into the shipped one (a linear model: the average of the weights is the average of the scores, so inference costs the same).</param>
/// <param name="Bootstrap">Each bagged model sees a bootstrap sample (drawn with replacement) rather than every example.</param>
/// <param name="Balance">Task-loss weight of an example: (mean task count / its task's count)^Balance; 0 weighs every example alike.</param>
internal sealed record TrainingOptions(int Bits, FeatureSet Features, int Epochs, float LearningRate, float L2, int Seed,
    int Bags = 1, bool Bootstrap = false, float Balance = 0)
{
    public static TrainingOptions Default { get; } = new(Bits: 16, Features: FeatureSet.All & ~FeatureSet.Quadgrams, Epochs: 60, LearningRate: 0.3f, L2: 1e-4f, Seed: 7, Balance: 1f);

    public int Dimension => 1 << Bits;

    public bool WithCues => (Features & FeatureSet.Cues) != 0;
}

/// <summary>A feature set named by flags, each after a '-' left out: "All-Quadgrams-Ask" (to measure one block's worth).</summary>
internal static class FeatureNames
{
    public static FeatureSet Parse(string names)
    {
        var parts = names.Split('-');
        var set = Enum.Parse<FeatureSet>(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            set &= ~Enum.Parse<FeatureSet>(part);
        }

        return set;
    }
}

internal static class Tuning
{
    public static void Run(List<LabelledPrompt> train, List<LabelledPrompt> dev)
    {
        Console.WriteLine($"train {train.Count}, dev {dev.Count}; scored on dev");
        foreach (var cues in new[] { true, false })
        {
            foreach (var epochs in new[] { 30, 60 })
            {
                foreach (var lr in new[] { 0.1f, 0.3f })
                {
                    foreach (var l2 in new[] { 1e-4f, 1e-3f })
                    {
                        var options = TrainingOptions.Default with { Features = cues ? FeatureSet.All : FeatureSet.All & ~FeatureSet.Cues, Epochs = epochs, LearningRate = lr, L2 = l2 };
                        var model = Trainer.Fit(train, options);
                        Report.Row(options.ToString().Replace("TrainingOptions ", "", StringComparison.Ordinal),
                            ClassifierEvaluation.Evaluate(dev, v => model.Apply(v, HeuristicClassifier.ClassifyWithCues(v))));
                    }
                }
            }
        }
    }
}

/// <summary>
/// Averaged stochastic gradient descent on two losses sharing one feature vector: softmax cross-entropy
/// over the task columns, and one logistic loss per complexity threshold (level &gt; simple, &gt; medium,
/// &gt; complex: an ordinal model, so "complex" for "reasoning" costs less than "simple"). L2 decay on
/// the rows a step touches. The average of the weights over all steps is returned (steadier than the last).
/// </summary>
internal static class Trainer
{
    public sealed record Example(int[] Indices, float[] Values, int Task, int Level);

    public static LearnedModel Fit(List<LabelledPrompt> prompts, TrainingOptions options) =>
        Fit(prompts.Select(p => Vectorize(p, options)).ToArray(), options);

    public static LearnedModel Fit(Example[] examples, TrainingOptions options)
    {
        var weights = new float[options.Dimension * LearnedFeatures.Outputs];
        for (var bag = 0; bag < options.Bags; bag++)
        {
            var seed = options.Seed + bag;
            var sample = examples;
            if (options.Bootstrap)
            {
                var draw = new Random(seed * 7919);
                sample = new Example[examples.Length];
                for (var i = 0; i < sample.Length; i++)
                {
                    sample[i] = examples[draw.Next(examples.Length)];
                }
            }

            var w = FitOne(sample, options, seed);
            for (var i = 0; i < w.Length; i++)
            {
                weights[i] += w[i] / options.Bags;
            }
        }

        return new LearnedModel(weights, options.Dimension, options.Features);
    }

    private static float[] FitOne(Example[] examples, TrainingOptions options, int seed)
    {
        var outputs = LearnedFeatures.Outputs;
        var tasks = LearnedFeatures.Tasks.Length;
        var taskWeight = TaskWeights(examples, options.Balance);
        var w = new float[options.Dimension * outputs];
        var sum = new double[w.Length]; // Σ step·Δ, for the average
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var random = new Random(seed);
        var z = new float[outputs];
        var g = new float[outputs];
        long step = 1;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var e = examples[i];
                Array.Clear(z);
                for (var f = 0; f < e.Indices.Length; f++)
                {
                    var row = e.Indices[f] * outputs;
                    for (var k = 0; k < outputs; k++)
                    {
                        z[k] += e.Values[f] * w[row + k];
                    }
                }

                Gradient(z, g, e.Task, e.Level, tasks);
                if (e.Task >= 0)
                {
                    for (var k = 0; k < tasks; k++)
                    {
                        g[k] *= taskWeight[e.Task];
                    }
                }

                for (var f = 0; f < e.Indices.Length; f++)
                {
                    var row = e.Indices[f] * outputs;
                    for (var k = 0; k < outputs; k++)
                    {
                        if (g[k] == 0)
                        {
                            continue;
                        }

                        var delta = options.LearningRate * ((g[k] * e.Values[f]) + (options.L2 * w[row + k]));
                        w[row + k] -= delta;
                        sum[row + k] += step * (double)delta;
                    }
                }

                step++;
            }
        }

        var averaged = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            averaged[i] = (float)(w[i] + (sum[i] / step));
        }

        return averaged;
    }

    private static float[] TaskWeights(Example[] examples, float balance)
    {
        var counts = new int[LearnedFeatures.Tasks.Length];
        foreach (var e in examples.Where(e => e.Task >= 0))
        {
            counts[e.Task]++;
        }

        var mean = counts.Where(c => c > 0).DefaultIfEmpty(1).Average();
        return counts.Select(c => balance == 0 || c == 0 ? 1f : (float)Math.Pow(mean / c, balance)).ToArray();
    }

    private static void Gradient(float[] z, float[] g, int task, int level, int tasks)
    {
        Array.Clear(g);
        if (task >= 0)
        {
            var max = z[0];
            for (var k = 1; k < tasks; k++)
            {
                max = Math.Max(max, z[k]);
            }

            var total = 0.0;
            for (var k = 0; k < tasks; k++)
            {
                total += Math.Exp(z[k] - max);
            }

            for (var k = 0; k < tasks; k++)
            {
                g[k] = (float)(Math.Exp(z[k] - max) / total) - (k == task ? 1 : 0);
            }
        }

        if (level >= 0)
        {
            for (var t = 0; t < 3; t++)
            {
                var p = 1.0 / (1.0 + Math.Exp(-z[tasks + t]));
                g[tasks + t] = (float)p - (level > t ? 1 : 0);
            }
        }
    }

    public static Example Vectorize(LabelledPrompt prompt, TrainingOptions options)
    {
        var indices = new List<int>();
        var values = new List<float>();
        var sink = new FeatureSink(indices, values);
        LearnedFeatures.Extract(prompt.View, HeuristicClassifier.ClassifyWithCues(prompt.View), options.Features, options.Dimension, ref sink);
        return new Example([.. indices], [.. values], Array.IndexOf(LearnedFeatures.Tasks, prompt.TaskType), ClassifierEvaluation.Level(prompt.Complexity));
    }
}
