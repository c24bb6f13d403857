using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>
/// A binary "sensitive" column over the model's feature vector (docs/CLASSIFIER.md, "A learned sensitive head"): logistic
/// loss, averaged SGD with the trainer's learning rate, L2 and seed, one weight per feature row. The rules' own verdict
/// (the cue scorer's <c>sensitive</c> score) is left out by default, so the head learns from the words alone and can
/// disagree with the rules where it matters — where they miss.
/// </summary>
internal static class SensitiveHead
{
    /// <summary>The dense row that carries the rules' verdict (<see cref="LearnedFeatures"/>: 1 + the cue score's index).</summary>
    public const int RulesRow = 1 + FeatureScores.Sensitive;

    public sealed record Example(int[] Indices, float[] Values, bool Sensitive, bool Rules)
    {
        /// <summary>The same example without the rules' row.</summary>
        public Example WithoutRules()
        {
            var keep = Enumerable.Range(0, Indices.Length).Where(i => Indices[i] != RulesRow).ToArray();
            return this with { Indices = [.. keep.Select(i => Indices[i])], Values = [.. keep.Select(i => Values[i])] };
        }
    }

    /// <summary>The feature vector of a labelled prompt and the rules' answer; <paramref name="shapes"/> adds <see cref="Shapes"/>.</summary>
    public static Example Vectorize(LabelledPrompt prompt, FeatureSet features, int dimension, bool shapes = false)
    {
        var indices = new List<int>();
        var values = new List<float>();
        var sink = new FeatureSink(indices, values);
        var cues = HeuristicClassifier.ClassifyWithCues(prompt.View);
        LearnedFeatures.Extract(prompt.View, cues, features, dimension, ref sink);
        if (shapes)
        {
            var text = prompt.View.LastUserChars;
            Shapes(text.Length <= 4000 ? text : text[..3000], dimension, ref sink);
            Shapes(text.Length <= 4000 ? default : text[^1000..], dimension, ref sink);
            Shapes(prompt.View.ToolResultChars[..Math.Min(prompt.View.ToolResultChars.Length, 1000)], dimension, ref sink);
            sink.EndBlock();
        }

        return new Example([.. indices], [.. values], prompt.Sensitive == true, cues.Sensitive);
    }

    /// <summary>
    /// A token's shape (letters a/A, digits 0, other characters themselves, runs collapsed) with its length's log bin, alone and
    /// after the word before it ("is" + "Aa0a0"): a value's form generalises across themes where its words do not.
    /// </summary>
    private static void Shapes(ReadOnlySpan<char> text, int dimension, ref FeatureSink sink)
    {
        var mask = (uint)(dimension - LearnedFeatures.DenseCount);
        var previous = 0u;
        foreach (var range in text.SplitAny(" \t\n\r"))
        {
            var token = text[range].Trim(".,;:!?()\"'«»“”");
            if (token.IsEmpty)
            {
                continue;
            }

            uint shape = 2166136261, word = 2166136261;
            var last = '\0';
            foreach (var c in token)
            {
                var k = char.IsAsciiDigit(c) ? '0' : char.IsUpper(c) ? 'A' : char.IsLetter(c) ? 'a' : c;
                word = (word ^ (char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c))) * 16777619;
                if (k != last)
                {
                    shape = (shape ^ k) * 16777619;
                    last = k;
                }
            }

            shape = (shape ^ (uint)Math.Min(6, System.Numerics.BitOperations.Log2((uint)token.Length))) * 16777619;
            sink.Add(LearnedFeatures.DenseCount + (int)(((shape * 31) + 12) % mask), 1f);
            sink.Add(LearnedFeatures.DenseCount + (int)((((previous * 0x9E3779B1u) ^ shape) + 13) % mask), 1f);
            previous = word;
        }
    }

    /// <param name="positiveWeight">Loss weight of a sensitive example (recall first: a miss costs more than a false alarm).</param>
    public static float[] Fit(IReadOnlyList<Example> examples, int dimension, TrainingOptions options, float positiveWeight)
    {
        var w = new float[dimension];
        var sum = new double[dimension]; // Σ step·Δ, for the average (as the task model's trainer)
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        long step = 1;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var e = examples[i];
                var p = 1.0 / (1.0 + Math.Exp(-Score(w, e)));
                var g = (float)(p - (e.Sensitive ? 1 : 0)) * (e.Sensitive ? positiveWeight : 1f);
                for (var f = 0; f < e.Indices.Length; f++)
                {
                    var row = e.Indices[f];
                    var delta = options.LearningRate * ((g * e.Values[f]) + (options.L2 * w[row]));
                    w[row] -= delta;
                    sum[row] += step * (double)delta;
                }

                step++;
            }
        }

        return [.. w.Select((v, i) => (float)(v + (sum[i] / step)))];
    }

    /// <summary>The head's logit.</summary>
    public static float Score(float[] w, Example e)
    {
        var z = 0f;
        for (var f = 0; f < e.Indices.Length; f++)
        {
            z += e.Values[f] * w[e.Indices[f]];
        }

        return z;
    }
}
