using Majordomo.Cli;
using Majordomo.Config;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Cli;

public sealed class MajordomoCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await MajordomoCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Check_ValidConfig_ExitsZeroAndSaysOk()
    {
        var path = _dir.Write("ok.json", """
            { "providers": { "p": { "api": "simulated" } },
              "models": { "p/m": { "provider": "p" } },
              "routes": { "default": { "chain": [ "p/m" ] } }, "defaultRoute": "default" }
            """);

        var (exit, stdout, stderr) = await Run("check", "--config", path);

        Assert.Equal(MajordomoCli.Ok, exit);
        Assert.Equal($"OK: {path}: 1 providers, 1 models, 0 aliases, 0 chains, 1 routes, default route 'default'{Environment.NewLine}", stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task CheckHelp_DescribesItsOwnDemoOption()
    {
        var (exit, stdout, _) = await Run("check", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Check the built-in demo catalog", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Serve the built-in", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShortConfigOption_Works()
    {
        var path = _dir.Write("ok.json", TestConfig.Minimal);

        var (exit, stdout, _) = await Run("check", "-c", path);

        Assert.Equal(0, exit);
        Assert.StartsWith("OK: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RiskyChain_PrintsWarningsAndStillSucceeds()
    {
        var path = _dir.Write("warn.json", """
            { "providers": { "p": { "api": "simulated" } },
              "models": { "p/paid": { "provider": "p", "multiplier": 1 } },
              "routes": { "r": { "chain": [ "p/paid" ] } } }
            """);

        var (exit, stdout, _) = await Run("check", "--config", path);

        Assert.Equal(0, exit);
        Assert.Contains("warning: routes.r: the chain ends at 'p/paid', which is not free", stdout, StringComparison.Ordinal);
        Assert.Contains("(1 warnings)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidConfig_ExitsTwoWithEveryErrorOnStderr()
    {
        var path = _dir.Write("bad.json", """
            { "providers": { "p": { "api": "openai", "baseUrl": "nope" } },
              "models": { "p/m": { "provider": "q" } },
              "chains": { "free": [ "p/m", "qwen/coder" ] } }
            """);

        var (exit, stdout, stderr) = await Run("check", "--config", path);

        Assert.Equal(MajordomoCli.UsageError, exit);
        Assert.Empty(stdout);
        var lines = stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"majordomo: invalid config ({path}), 3 problem(s):",
            "  providers.p.baseUrl: 'nope' is not an http(s) URL without a query string",
            "  models[\"p/m\"].provider: unknown provider 'q' (did you mean 'p'?)",
            "  chains.free[1]: unknown model 'qwen/coder'",
        ], lines);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsTwo()
    {
        var path = _dir.File("absent.json");

        var (exit, _, stderr) = await Run("check", "--config", path);

        Assert.Equal(2, exit);
        Assert.Contains($"config: file '{path}' does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Demo_ExitsZero()
    {
        var (exit, stdout, stderr) = await Run("check", "--demo");

        Assert.Equal(0, exit);
        Assert.StartsWith("OK: built-in demo catalog (simulated providers): ", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Init_NewPath_WritesAStarterConfigThatLoads()
    {
        var path = _dir.File("majordomo.json");

        var (exit, stdout, _) = await Run("init", "--path", path);

        Assert.Equal(0, exit);
        Assert.Contains($"Wrote {path}.", stdout, StringComparison.Ordinal);
        Assert.Equal(TestConfig.StarterText(), File.ReadAllText(path));
        var loaded = ConfigLoader.LoadFile(path, TestConfig.Env(("OPENAI_API_KEY", "sk-test")));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
    }

    [Fact]
    public async Task Init_ThenCheckWithSecretsUnset_Passes()
    {
        var path = _dir.File("majordomo.json");
        Assert.Equal(0, (await Run("init", "--path", path)).Exit);

        var loaded = ConfigLoader.LoadFile(path, TestConfig.NoEnv);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));

        // `check` reads the real environment: this holds when OPENAI_API_KEY is not set in it.
        var (exit, stdout, stderr) = await Run("check", "--config", path);
        Assert.True(exit == 0, stderr);
        Assert.Contains($"OK: {path}: 2 providers, 3 models, 2 aliases, 1 chains, 1 routes, default route 'default'", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_ExistingFile_RefusesWithoutForce()
    {
        var path = _dir.Write("majordomo.json", "{ \"mine\": true }");

        var (exit, stdout, stderr) = await Run("init", "--path", path);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains($"'{path}' already exists; pass --force to overwrite it", stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"mine\": true }", File.ReadAllText(path));
    }

    [Fact]
    public async Task Init_ExistingFileWithForce_Overwrites()
    {
        var path = _dir.Write("majordomo.json", new string('x', 100_000));

        var (exit, _, _) = await Run("init", "--path", path, "--force");

        Assert.Equal(0, exit);
        Assert.Equal(TestConfig.StarterText(), File.ReadAllText(path));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("check", "--no-such-option")]
    [InlineData("check", "--config")]
    [InlineData("init", "--force", "extra-argument")]
    public async Task RunAsync_UnknownVerbOrBadOption_ExitsTwo(params string[] args)
    {
        var (exit, _, stderr) = await Run(args);

        Assert.Equal(MajordomoCli.UsageError, exit);
        Assert.Contains("majordomo: ", stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'majordomo --help' for usage.", stderr, StringComparison.Ordinal);
    }
}
