namespace Majordomo.Config;

/// <summary>A closed set of words a config key accepts, in the order error messages list them.</summary>
internal sealed class Vocabulary
{
    private readonly HashSet<string> _set;

    public Vocabulary(params string[] words)
    {
        Words = words;
        _set = new HashSet<string>(words, StringComparer.Ordinal);
        List = string.Join(", ", words);
        OneOf = words.Length < 2 ? List : string.Join(", ", words[..^1]) + " or " + words[^1];
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary><c>a, b, c</c>.</summary>
    public string List { get; }

    /// <summary><c>a, b or c</c>.</summary>
    public string OneOf { get; }

    public bool Contains(string? word) => word is not null && _set.Contains(word);
}
