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
    public async Task Route_NoStore_SaysTheDegradationWasNotRead()
    {
        var config = WriteConfig();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--config", config, "Hello there");

        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        Assert.Contains("degradation:    normal (not read from the store: no store at '", process.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "majordomo.db")), "route created the store");
    }

    [Fact]
    public async Task Route_StoreWithAFullPool_ReadsTheDegradationFromIt()
    {
        var path = Path.Combine(_directory, "majordomo.json");
        var json = SmartConfigs.Build(SmartConfigs.Rules, extra: """ "budgets": { "quotas": { "premium": { "monthly": 10 } } }, """)
            .Replace("{UPSTREAM}", "http://127.0.0.1:9/v1", StringComparison.Ordinal);
        File.WriteAllText(path, json);
        var source = Majordomo.Hosting.ConfigSource.Resolve(path, demo: false);
        var limit = Majordomo.Budgets.BudgetPlan.From(source.Config!).Limits.Single();
        var now = DateTimeOffset.UtcNow;
        using (var stores = new Majordomo.Storage.Sqlite.SqliteStore(Path.Combine(_directory, "majordomo.db")).CreateSet())
        {
            await stores.Store.MigrateAsync(CancellationToken.None);
            await stores.Budgets.SettleAsync([new Majordomo.Storage.CounterDelta(limit.CounterScope, limit.Current(now).Key, 9.9)], now, CancellationToken.None);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var process = GatewayProcess.Start(_directory, null, "route", "--config", path, "Hello there");

        Assert.Equal(0, await process.WaitForExitAsync(Timeout));
        var line = process.Stdout.Split('\n').Single(l => l.StartsWith("degradation:", StringComparison.Ordinal));
        Assert.DoesNotContain("normal", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not read", line, StringComparison.Ordinal);
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
