using Majordomo.Tests.TestSupport;
using Majordomo.Train;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The corpus files tests and the trainer read (<see cref="CorpusFiles"/>) leave out the held-out split and every blind probe
/// the list names.
/// </summary>
public sealed class TestCorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TrainAndDev_LeavesOutTestAndTheListedBlindProbes()
    {
        WriteCorpus();
        _dir.Write("corpus/blind-probes.txt", "# blind\nprobe-16.jsonl  # written today\n\n");

        var files = TestCorpus.TrainAndDev(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["a.jsonl", "b.jsonl"], files);
    }

    [Fact]
    public void Readable_DevLessTheListedProbes_InNameOrder()
    {
        WriteCorpus();
        _dir.Write("corpus/dev/a.jsonl", "");
        _dir.Write("corpus/blind-probes.txt", "probe-16.jsonl\n");

        var dev = CorpusFiles.Readable(Path.Combine(_dir.Path, "corpus"), "dev").Select(Path.GetFileName);

        Assert.Equal(["a.jsonl", "b.jsonl"], dev);
    }

    [Fact]
    public void Readable_NoList_ReadsEveryFile()
    {
        WriteCorpus();

        var dev = CorpusFiles.Readable(Path.Combine(_dir.Path, "corpus"), "dev").Select(Path.GetFileName);

        Assert.Equal(["b.jsonl", "probe-16.jsonl"], dev);
    }

    // The list may be empty between probes; a name it holds must be a dev file, or a misspelt name would leave the probe readable.
    [Fact]
    public void TheRepositoryList_NamesDevFilesOnly()
    {
        var corpus = Path.Combine(TestConfig.RepoRoot(), "corpus");
        Assert.True(File.Exists(Path.Combine(corpus, "blind-probes.txt")));
        var blind = CorpusFiles.BlindProbes(corpus);

        Assert.All(blind, name => Assert.True(File.Exists(Path.Combine(corpus, "dev", name)), $"{name} is not a file of corpus/dev"));
        Assert.DoesNotContain(TestCorpus.TrainAndDev(), file => blind.Contains(Path.GetFileName(file)));
    }

    private void WriteCorpus()
    {
        foreach (var split in new[] { "train", "dev", "test" })
        {
            Directory.CreateDirectory(Path.Combine(_dir.Path, "corpus", split));
        }

        _dir.Write("corpus/train/a.jsonl", "");
        _dir.Write("corpus/dev/b.jsonl", "");
        _dir.Write("corpus/dev/probe-16.jsonl", "");
        _dir.Write("corpus/test/c.jsonl", "");
    }
}
