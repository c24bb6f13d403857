namespace Majordomo.Tests.TestSupport;

/// <summary>
/// The corpus files a test may read: corpus/train and corpus/dev, less the blind probes named in
/// <c>corpus/blind-probes.txt</c> (docs/LABELLING.md, Splits). The held-out corpus/test is never listed.
/// </summary>
internal static class TestCorpus
{
    public static IReadOnlyList<string> TrainAndDev() => TrainAndDev(TestConfig.RepoRoot());

    public static IReadOnlyList<string> TrainAndDev(string root)
    {
        var blind = BlindProbes(root);
        return
        [
            .. new[] { "train", "dev" }
                .SelectMany(split => Directory.GetFiles(Path.Combine(root, "corpus", split), "*.jsonl"))
                .Where(file => !blind.Contains(Path.GetFileName(file)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The file names in <c>corpus/blind-probes.txt</c> (one a line; '#' starts a comment).</summary>
    public static IReadOnlySet<string> BlindProbes(string root) =>
        File.ReadLines(Path.Combine(root, "corpus", "blind-probes.txt"))
            .Select(line => line.Split('#')[0].Trim())
            .Where(name => name.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
