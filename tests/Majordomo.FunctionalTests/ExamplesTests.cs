using Majordomo.Config;

namespace Majordomo.FunctionalTests;

/// <summary>Every shipped example config is valid as shipped (with no environment set).</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "examples"), "*.json"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_LoadsWithoutErrors(string name)
    {
        var result = ConfigLoader.LoadFile(Path.Combine(RepoRoot(), "examples", name), _ => null);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Majordomo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
    }
}
