using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Classification;

/// <summary>The corpus files tests read leave out the held-out split and every blind probe the list names.</summary>
public sealed class TestCorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TrainAndDev_LeavesOutTestAndTheListedBlindProbes()
    {
        foreach (var split in new[] { "train", "dev", "test" })
        {
            Directory.CreateDirectory(Path.Combine(_dir.Path, "corpus", split));
        }

        _dir.Write("corpus/train/a.jsonl", "");
        _dir.Write("corpus/dev/b.jsonl", "");
        _dir.Write("corpus/dev/probe-16.jsonl", "");
        _dir.Write("corpus/test/c.jsonl", "");
        _dir.Write("corpus/blind-probes.txt", "# blind\nprobe-16.jsonl  # written today\n\n");

        var files = TestCorpus.TrainAndDev(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["a.jsonl", "b.jsonl"], files);
    }

    [Fact]
    public void TheRepositoryList_NamesDevFilesOnly()
    {
        var blind = TestCorpus.BlindProbes(TestConfig.RepoRoot());

        Assert.NotEmpty(blind);
        Assert.All(blind, name => Assert.EndsWith(".jsonl", name, StringComparison.Ordinal));
        Assert.DoesNotContain(TestCorpus.TrainAndDev(), file => blind.Contains(Path.GetFileName(file)));
    }
}
