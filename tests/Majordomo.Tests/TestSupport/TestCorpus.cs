using Majordomo.Train;

namespace Majordomo.Tests.TestSupport;

/// <summary>
/// The corpus files a test may read: corpus/train and corpus/dev, less the blind probes named in
/// <c>corpus/blind-probes.txt</c> (<see cref="CorpusFiles"/>, the trainer's rule). The held-out corpus/test is never listed.
/// </summary>
internal static class TestCorpus
{
    public static IReadOnlyList<string> TrainAndDev() => TrainAndDev(TestConfig.RepoRoot());

    public static IReadOnlyList<string> TrainAndDev(string root) =>
    [
        .. new[] { "train", "dev" }
            .SelectMany(split => CorpusFiles.Readable(Path.Combine(root, "corpus"), split))
            .Order(StringComparer.Ordinal),
    ];
}
