using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Majordomo.Classification;

/// <summary>
/// The feature scores behind one heuristic decision, shown by explain. A fixed set of names over one
/// array of values: one small allocation per request instead of a dictionary with its buckets.
/// </summary>
internal sealed class FeatureScores : IReadOnlyDictionary<string, double>
{
    public const int Code = 0;
    public const int Math = 1;
    public const int Reasoning = 2;
    public const int Summarization = 3;
    public const int Extraction = 4;
    public const int Creative = 5;
    public const int Research = 6;
    public const int Translation = 7;
    public const int Conversation = 8;
    public const int Hardness = 9;
    public const int Steps = 10;
    public const int Length = 11;
    public const int Agentic = 12;
    public const int Media = 13;
    public const int NonEnglish = 14;
    public const int OutputFormat = 15;
    public const int CodeSyntax = 16;
    public const int MathSyntax = 17;
    public const int Sensitive = 18;
    public const int Depth = 19;

    private static readonly string[] Names =
    [
        "code", "math", "reasoning", "summarization", "extraction", "creative", "research", "translation", "conversation",
        "hardness", "steps", "length", "agentic", "media", "nonEnglish", "outputFormat", "codeSyntax", "mathSyntax", "sensitive", "depth",
    ];

    private readonly double[] _values = new double[Names.Length];

    public double this[int feature]
    {
        get => _values[feature];
        set => _values[feature] = value;
    }

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => Names;

    public IEnumerable<double> Values => _values;

    /// <summary>The scores, indexed by the feature constants above.</summary>
    public ReadOnlySpan<double> Span => _values;

    public int Count => Names.Length;

    public bool ContainsKey(string key) => Array.IndexOf(Names, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var index = Array.IndexOf(Names, key);
        value = index >= 0 ? _values[index] : 0;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            yield return new KeyValuePair<string, double>(Names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
