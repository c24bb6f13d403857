using Majordomo.Config;
using Majordomo.Hosting;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Config;

public class ExampleConfigTests
{
    [Fact]
    public void Load_EmbeddedDemoCatalog_IsValidWithoutEnvironment()
    {
        var result = ConfigLoader.Load(DemoConfig.Text(), TestConfig.NoEnv);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.All(result.Config!.Providers!.Values, p => Assert.Equal("simulated", p.Api));
        Assert.Equal("default", result.Config.DefaultRoute);
    }

    [Fact]
    public void Load_ExamplesDemoJsonOnDisk_IsValidAndIsWhatIsEmbedded()
    {
        var path = Path.Combine(TestConfig.RepoRoot(), "examples", "demo.json");

        var result = ConfigLoader.LoadFile(path, TestConfig.NoEnv);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(File.ReadAllText(path), DemoConfig.Text());
    }

    [Fact]
    public void Load_EveryExampleConfigWithNoEnvironment_IsValid()
    {
        var examples = Directory.GetFiles(Path.Combine(TestConfig.RepoRoot(), "examples"), "*.json");
        Assert.NotEmpty(examples);

        foreach (var file in examples)
        {
            var result = ConfigLoader.LoadFile(file, TestConfig.NoEnv);
            Assert.True(result.IsValid, Path.GetFileName(file) + ":\n" + string.Join("\n", result.Errors));
        }
    }

    [Fact]
    public void Load_StarterConfigWithSecretsSet_IsValid()
    {
        var result = ConfigLoader.Load(TestConfig.StarterText(), TestConfig.Env(("OPENAI_API_KEY", "sk-test")));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("default", result.Config!.DefaultRoute);
    }

    [Fact]
    public void Load_StarterConfigWithNoEnvironment_IsValidAndWarnsAboutTheEmptyKey()
    {
        var result = ConfigLoader.Load(TestConfig.StarterText(), TestConfig.NoEnv);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("", result.Config!.Providers!["openai"].Credentials![0].ApiKey);
        Assert.Contains(result.Warnings, w => w.StartsWith("providers.openai.credentials[0].apiKey: is empty", StringComparison.Ordinal));
    }
}
