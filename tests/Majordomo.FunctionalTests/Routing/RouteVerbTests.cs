using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Routing;

/// <summary><c>majordomo route</c> as a user runs it: the explain object, as JSON or text, never calling a model.</summary>
public sealed class RouteVerbTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("majordomo-route-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string WriteConfig()
    {
        var path = Path.Combine(_directory, "majordomo.json");

        // Nothing listens on port 9: a model call would fail, and the verb must not make one.
        File.WriteAllText(path, SmartConfigs.Build(SmartConfigs.Rules).Replace("{UPSTREAM}", "http://127.0.0.1:9/v1", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public async Task Route_Json_PrintsTheSpecObject()
    {
        var config = WriteConfig();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--config", config, "--json", "Hello there");

        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        using var doc = JsonDocument.Parse(process.Stdout);
        var e = doc.RootElement;
        Assert.Equal("classified", e.GetProperty("tier").GetString());
        Assert.Equal("loc/coder", e.GetProperty("selected").GetString());
        Assert.Equal(SmartConfigs.NormalChain, RoutingHttp.Ranked(e));
        Assert.Contains("quality 30 below floor", RoutingHttp.ExcludedReason(e, "loc/weak"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_SourceAndModel_TextOutput()
    {
        var config = WriteConfig();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--config", config, "--source", "heartbeat", "ping");

        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        Assert.Contains("tier:           rule", process.Stdout, StringComparison.Ordinal);
        Assert.Contains("rule:           hb", process.Stdout, StringComparison.Ordinal);
        Assert.Contains("selected:       loc/small", process.Stdout, StringComparison.Ordinal);

        await using var named = GatewayProcess.Start(_directory, null, "route", "--config", config, "--model", "fixed", "ping");
        Assert.Equal(0, await named.WaitForExitAsync(Timeout));
        Assert.Contains("tier:           route", named.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. lan/box", named.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_UnknownModel_Exit2WithTheValidNames()
    {
        var config = WriteConfig();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--config", config, "--model", "sonet", "hi");

        Assert.Equal(2, await process.WaitForExitAsync(Timeout));
        Assert.Contains("'sonet' does not exist", process.Stdout, StringComparison.Ordinal);
        Assert.Contains("cloud/big", process.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_NoPrompt_IsAUsageError()
    {
        var config = WriteConfig();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--config", config);

        Assert.Equal(2, await process.WaitForExitAsync(Timeout));
        Assert.Contains("prompt", process.Stderr, StringComparison.OrdinalIgnoreCase);
    }
}
