using System.Globalization;
using System.Text;
using System.Text.Json;
using Majordomo.Cli;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Simulation;

/// <summary><c>majordomo simulate</c> end to end: a JSONL file and the store's request log, text and JSON.</summary>
public sealed class SimulateCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => Tests.Cli.MajordomoCliTests.Run(args);

    private string ExampleConfig(int monthly, string? storePath = null)
    {
        var text = File.ReadAllText(Path.Combine(TestConfig.RepoRoot(), "examples", "openclaw-copilot-quota.json"))
            .Replace("\"monthly\": 300", $"\"monthly\": {monthly}", StringComparison.Ordinal);
        if (storePath is not null)
        {
            text = text.Replace("\"sqlite\": \"majordomo.db\"", $"\"sqlite\": {JsonSerializer.Serialize(storePath)}", StringComparison.Ordinal);
        }

        return _dir.Write($"config-{monthly}.json", text);
    }

    [Fact]
    public async Task Log_SyntheticMonth_JsonReport_PoolRunsOutOnADifferentDayUnderAStricterConfig()
    {
        var log = new StringBuilder();
        for (var day = 1; day <= 30; day++)
        {
            for (var i = 0; i < 10; i++)
            {
                log.Append(CultureInfo.InvariantCulture, $$$"""{"time": "2026-11-{{{day:00}}}T09:{{{i:00}}}:00Z", "body": {"model": "sonnet", "messages": [{"role": "user", "content": "refactor the parser"}]}}""").Append('\n');
            }

            log.Append(CultureInfo.InvariantCulture, $$$"""{"time": "2026-11-{{{day:00}}}T10:00:00Z", "body": {"messages": [{"role": "user", "content": "HEARTBEAT"}]}, "headers": {"X-Router-Source": "heartbeat"}}""").Append('\n');
        }

        var file = _dir.Write("month.jsonl", log.ToString());

        var shipped = await Run("simulate", "--config", ExampleConfig(300), "--log", file, "--json");
        var strict = await Run("simulate", "--config", ExampleConfig(100), "--log", file, "--json");

        Assert.Equal((MajordomoCli.Ok, ""), (shipped.Exit, shipped.Err));
        Assert.Equal(MajordomoCli.Ok, strict.Exit);
        using var a = JsonDocument.Parse(shipped.Out);
        using var b = JsonDocument.Parse(strict.Out);
        Assert.Equal(330, a.RootElement.GetProperty("requests").GetInt32());
        Assert.Equal("2026-11-30T09:09:00.0000000+00:00", a.RootElement.GetProperty("pools")[0].GetProperty("exhausted_at").GetString());
        Assert.Equal("2026-11-10T09:09:00.0000000+00:00", b.RootElement.GetProperty("pools")[0].GetProperty("exhausted_at").GetString());
        Assert.Equal(300, a.RootElement.GetProperty("quota_units").GetDouble());
        Assert.Equal(100, b.RootElement.GetProperty("quota_units").GetDouble());
        var heartbeat = a.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "copilot/gpt-5-mini");
        Assert.Equal(30, heartbeat.GetProperty("requests").GetInt32());
        Assert.Equal(30, a.RootElement.GetProperty("days").GetArrayLength());
        Assert.Equal(1, a.RootElement.GetProperty("levels").GetProperty("local-only").GetInt32());
    }

    [Fact]
    public async Task FromStore_ReplaysTheLoggedRows_TextReport()
    {
        var store = Path.Combine(_dir.Path, "majordomo.db");
        var start = DateTimeOffset.UtcNow.AddDays(-20).Date;
        var rows = SimulatorTests.Month().Take(120)
            .Select(r => r with { Timestamp = new DateTimeOffset(start, TimeSpan.Zero) + (r.Timestamp - new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)) })
            .ToList();
        var sqlite = new SqliteStore(store);
        sqlite.Migrate();
        sqlite.WriteRequests(rows);
        SqliteStore.ReleaseFiles();

        var (exit, stdout, stderr) = await Run("simulate", "--config", ExampleConfig(300, store), "--from-store", "--since", "30d");

        Assert.Equal(MajordomoCli.Ok, exit);
        Assert.Equal("", stderr);
        Assert.StartsWith("Replayed 120 requests from ", stdout, StringComparison.Ordinal);
        Assert.Contains("Against what happened: 0 of 120 requests answered by another model", stdout, StringComparison.Ordinal);
        Assert.Contains("Pool 'premium'", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("simulate", "--from-store", "--log", "x.jsonl")]
    [InlineData("simulate", "--log", "/nonexistent/x.jsonl")]
    [InlineData("simulate", "--from-store", "--since", "soon")]
    public async Task BadUsage_ExitsTwoWithAMessage(params string[] args)
    {
        var (exit, _, stderr) = await Run([.. args, "--config", ExampleConfig(300)]);

        Assert.Equal(MajordomoCli.UsageError, exit);
        Assert.StartsWith("majordomo: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_BadLine_ExitsTwoNamingTheLine()
    {
        var file = _dir.Write("bad.jsonl", "{\"time\": \"2026-11-01T00:00:00Z\", \"body\": {\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}}\nnot json\n");

        var (exit, _, stderr) = await Run("simulate", "--config", ExampleConfig(300), "--log", file);

        Assert.Equal(MajordomoCli.UsageError, exit);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
    }
}
