using System.Globalization;
using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>
/// Does a learned sensitive head, OR-ed with the rules, catch secrets of themes the rules were never read against
/// (docs/CLASSIFIER.md, "A learned sensitive head")? Fitted on corpus/train; the threshold is the lowest keeping the rules
/// OR the head at ≥ 99 % precision on dev less the held-out probes; the held-out probes are then scored with the rules the
/// build carries (for this session: main's rules before anyone read them).
/// <code>
/// dotnet run -c Release --project tools/Majordomo.Train -- experiment sensitive-head [--shapes] [--held-out a.jsonl,b.jsonl]
/// </code>
/// </summary>
internal static class SensitiveHeadExperiment
{
    private const double DevPrecision = 0.99;

    private static readonly string[] DefaultHeldOut = ["sensitive-lookalikes-47.jsonl", "sensitive-lookalikes-48.jsonl", "sensitive-lookalikes-49.jsonl"];

    // The newest train files and the probes whose errors they were written from (their commit messages).
    private static readonly (string Train, string Probe)[] LeftOut =
    [
        ("sensitive-categories-97.jsonl", "sensitive-lookalikes-43.jsonl"),
        ("sensitive-categories-99.jsonl", "sensitive-lookalikes-45.jsonl"),
        ("sensitive-categories-101.jsonl", "sensitive-lookalikes-46.jsonl"),
    ];

    private static readonly double[] Probabilities = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998];

    private sealed record Set(string Name, SensitiveHead.Example[] Examples);

    public static int Run(string corpus, string[] args)
    {
        var heldOut = args.SkipWhile(a => a != "--held-out").Skip(1).FirstOrDefault()?.Split(',') ?? DefaultHeldOut;
        var o = TrainingOptions.Default;
        var shapes = args.Contains("--shapes");
        SensitiveHead.Example Vector(LabelledPrompt p) => SensitiveHead.Vectorize(p, o.Features, o.Dimension, shapes);
        var train = Corpus.LoadFiles(corpus, "train").Where(f => f.Prompts.Count > 0)
            .Select(f => new Set(f.File, [.. f.Prompts.Where(p => p.Sensitive is not null).Select(Vector)])).ToList();
        var dev = Corpus.LoadFiles(corpus, "dev").Where(f => !heldOut.Contains(f.File))
            .Select(f => new Set(f.File, [.. f.Prompts.Where(p => p.Sensitive is not null).Select(Vector)])).ToList();
        var probes = heldOut.Select(name => new Set(name, [.. Corpus.LoadFile(Path.Combine(corpus, "dev", name))
            .Where(p => p.Sensitive is not null).Select(Vector)])).ToList();
        Console.WriteLine($"train {train.Sum(s => s.Examples.Length)} prompts ({train.Count} files), dev {dev.Sum(s => s.Examples.Length)} ({dev.Count} files, less {string.Join(", ", heldOut)}); {o}");
        foreach (var p in probes)
        {
            Console.WriteLine($"  held out {p.Name}: {p.Examples.Length} prompts, {p.Examples.Count(e => e.Sensitive)} secrets; rules miss {p.Examples.Count(e => e.Sensitive && !e.Rules)}, false alarms {p.Examples.Count(e => !e.Sensitive && e.Rules)}");
        }

        var words = shapes ? "the model's features and shapes" : "the model's features";
        foreach (var (label, withRules, positive) in new[] { ($"{words}, no rules row, positives x1", false, 1f), ($"{words}, no rules row, positives x3", false, 3f), ($"{words} and the rules row, positives x1", true, 1f) })
        {
            SensitiveHead.Example[] Of(IEnumerable<Set> sets) => [.. sets.SelectMany(s => s.Examples).Select(e => withRules ? e : e.WithoutRules())];
            var w = SensitiveHead.Fit(Of(train), o.Dimension, o, positive);
            Console.WriteLine();
            Console.WriteLine($"## {label}");
            Curve(w, Of(dev), probes.Select(p => new Set(p.Name, Of([p]))).ToList());
        }

        // Is the head short of data? Dev holds more secrets than train: fit on train and every other dev file, choose the
        // threshold on the dev files left, measure on the held-out probes as above.
        var fitHalf = dev.Where((_, i) => i % 2 == 0).ToList();
        var more = SensitiveHead.Fit([.. train.Concat(fitHalf).SelectMany(s => s.Examples).Select(e => e.WithoutRules())], o.Dimension, o, 1f);
        Console.WriteLine();
        Console.WriteLine($"## more data: {words}, no rules row, positives x1, fitted on train and {fitHalf.Count} dev files, threshold on the other {dev.Count - fitHalf.Count}");
        Curve(more, [.. dev.Where((_, i) => i % 2 == 1).SelectMany(s => s.Examples).Select(e => e.WithoutRules())],
            probes.Select(p => new Set(p.Name, [.. p.Examples.Select(e => e.WithoutRules())])).ToList());

        Console.WriteLine();
        Console.WriteLine($"## leave-out: {words}, no rules row, fitted without the newest train files, scored on the probes they were written from (head alone)");
        foreach (var (leftTrain, probe) in LeftOut)
        {
            var fit = SensitiveHead.Fit([.. train.Where(s => s.Name != leftTrain).SelectMany(s => s.Examples).Select(e => e.WithoutRules())], o.Dimension, o, 1f);
            var full = SensitiveHead.Fit([.. train.SelectMany(s => s.Examples).Select(e => e.WithoutRules())], o.Dimension, o, 1f);
            var rest = dev.Where(s => s.Name != probe).SelectMany(s => s.Examples).Select(e => e.WithoutRules()).ToArray();
            var target = dev.Single(s => s.Name == probe).Examples.Select(e => e.WithoutRules()).ToArray();
            foreach (var (name, weights) in new[] { ($"without {leftTrain}", fit), ("with it", full) })
            {
                var t = Threshold(weights, rest);
                var caught = target.Count(e => e.Sensitive && SensitiveHead.Score(weights, e) >= t);
                var alarms = target.Count(e => !e.Sensitive && SensitiveHead.Score(weights, e) >= t);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {probe} {name,-40} p ≥ {Probability(t):F5}: head alone catches {caught} of {target.Count(e => e.Sensitive)} secrets, flags {alarms} of {target.Count(e => !e.Sensitive)} look-alikes"));
            }
        }

        return 0;
    }

    /// <summary>Dev figures of rules OR head at several thresholds and at the chosen one, and what the held-out probes gain at each.</summary>
    private static void Curve(float[] w, SensitiveHead.Example[] dev, List<Set> probes)
    {
        var chosen = Threshold(w, dev);
        Console.WriteLine($"dev rules alone: {Figures(dev, _ => false)}");
        Console.WriteLine("threshold (p) | dev rules OR head: recall, precision, alarms added | dev head alone: recall | held out: misses caught / alarms added, each probe; total");
        foreach (var (z, mark) in Probabilities.Select(p => ((float)Math.Log(p / (1 - p)), "")).Append((chosen, " ← chosen")).OrderBy(x => x.Item1))
        {
            var head = (SensitiveHead.Example e) => SensitiveHead.Score(w, e) >= z;
            var perProbe = probes.Select(p => (Caught: p.Examples.Count(e => e.Sensitive && !e.Rules && head(e)), Added: p.Examples.Count(e => !e.Sensitive && !e.Rules && head(e)))).ToList();
            var held = string.Join("  ", perProbe.Select(p => $"{p.Caught}/{p.Added}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Probability(z),8:F5}{mark,-10} | {Figures(dev, head)}, +{dev.Count(e => !e.Sensitive && !e.Rules && head(e))} | {Ratio(dev.Count(e => e.Sensitive && head(e)), dev.Count(e => e.Sensitive))} | {held}; {perProbe.Sum(p => p.Caught)}/{perProbe.Sum(p => p.Added)}"));
        }
    }

    /// <summary>The lowest head threshold (a logit) at which the rules OR the head keep ≥ 99 % precision on <paramref name="dev"/>.</summary>
    private static float Threshold(float[] w, SensitiveHead.Example[] dev)
    {
        var tp = dev.Count(e => e.Sensitive && e.Rules);
        var fp = dev.Count(e => !e.Sensitive && e.Rules);
        var best = float.PositiveInfinity;
        foreach (var group in dev.Where(e => !e.Rules).GroupBy(e => SensitiveHead.Score(w, e)).OrderByDescending(g => g.Key))
        {
            tp += group.Count(e => e.Sensitive);
            fp += group.Count(e => !e.Sensitive);
            if (tp >= DevPrecision * (tp + fp))
            {
                best = group.Key;
            }
        }

        return best;
    }

    private static string Figures(SensitiveHead.Example[] set, Func<SensitiveHead.Example, bool> head)
    {
        var tp = set.Count(e => e.Sensitive && (e.Rules || head(e)));
        var fp = set.Count(e => !e.Sensitive && (e.Rules || head(e)));
        return $"{Ratio(tp, set.Count(e => e.Sensitive))}, {Ratio(tp, tp + fp)}";
    }

    private static string Ratio(int n, int of) => string.Create(CultureInfo.InvariantCulture, $"{(of == 0 ? 0 : 100.0 * n / of):F2} % ({n}/{of})");

    private static double Probability(float z) => 1 / (1 + Math.Exp(-z));
}
