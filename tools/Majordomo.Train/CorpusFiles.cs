namespace Majordomo.Train;

/// <summary>
/// The corpus files a tool or test may read: <c>corpus/&lt;split&gt;/*.jsonl</c> in name order, less, in dev, the blind
/// probes named in <c>corpus/blind-probes.txt</c> (docs/LABELLING.md, Splits). Shared by the trainer and the unit tests
/// (linked into both), so the list means the same wherever a corpus is enumerated.
/// </summary>
internal static class CorpusFiles
{
    public static IReadOnlyList<string> Readable(string corpus, string split, string pattern = "*.jsonl")
    {
        var dir = Path.Combine(corpus, split);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var blind = split == "dev" ? BlindProbes(corpus) : new HashSet<string>();
        return
        [
            .. Directory.GetFiles(dir, pattern)
                .Where(file => !blind.Contains(Path.GetFileName(file)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// The file names in <c>blind-probes.txt</c> of <paramref name="corpus"/> (one a line; '#' starts a comment); none when a
    /// corpus directory has no list (a copy made for one measurement).
    /// </summary>
    public static IReadOnlySet<string> BlindProbes(string corpus)
    {
        var list = Path.Combine(corpus, "blind-probes.txt");
        return File.Exists(list)
            ? File.ReadLines(list)
                .Select(line => line.Split('#')[0].Trim())
                .Where(name => name.Length > 0)
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
    }
}
