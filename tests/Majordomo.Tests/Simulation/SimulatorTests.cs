using System.Text.Json;
using Majordomo.Config;
using Majordomo.Simulation;
using Majordomo.Storage;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Simulation;

/// <summary>
/// <c>majordomo simulate</c> on the seed scenario (examples/openclaw-copilot-quota.json): a synthetic
/// month of recorded traffic — 10 requests a day for <c>sonnet</c>, a heartbeat and a request on
/// <c>default</c> — replayed from request-log rows under the shipped config and a stricter one.
/// </summary>
public sealed class SimulatorTests
{
    private const int Days = 30;
    private const long InputTokens = 1200, OutputTokens = 300;

    [Fact]
    public async Task SeedMonth_ShippedConfig_PoolRunsOutOnTheLastDay_NumbersEqualADirectComputation()
    {
        var report = await SimulateAsync(Config(monthly: 300));

        Assert.Equal(Days * 12, report.Requests);
        Assert.Equal(0, report.UnansweredRequests);
        var sonnet = Model(report, "copilot/claude-sonnet-4.6");
        Assert.Equal(300, sonnet.Requests);
        Assert.Equal(300, sonnet.QuotaUnits, 6);
        // USD: only sonnet is priced here ($3 in / $15 out per million tokens).
        Assert.Equal(300 * ((InputTokens * 3.0) + (OutputTokens * 15.0)) / 1e6, report.CostUsd, 9);
        Assert.Equal(Days, Model(report, "copilot/gpt-5-mini").Requests);
        Assert.Equal(Days, Model(report, "copilot/gpt-4.1").Requests);

        var pool = Assert.Single(report.Pools);
        Assert.Equal(300, pool.Used, 6);
        Assert.Equal(At(30, 9, 9), pool.ExhaustedAt);

        // The curve, as the day's strictest level: 80 % is reached after day 24's tenth premium request.
        Assert.Equal([("normal", 23), ("prefer-cheaper", 3), ("max-tier 1", 2), ("max-tier 0", 1), ("local-only", 1)],
            report.Levels.Select(l => (l.Level, l.Days)).ToArray());
        Assert.All(report.Days, d => Assert.Equal(10, d.QuotaUnits, 6));

        // The same config as the one that served the rows: nothing moves.
        Assert.Equal(0, report.Changed.RequestsMoved);
        Assert.Equal(Days * 12, report.Changed.Compared);
    }

    [Fact]
    public async Task SeedMonth_StricterPool_RunsOutOnTheFifteenth_AndTheRestMovesToTheFreeModel()
    {
        var shipped = await SimulateAsync(Config(monthly: 300));
        var strict = await SimulateAsync(Config(monthly: 150));

        var pool = Assert.Single(strict.Pools);
        Assert.Equal(At(15, 9, 9), pool.ExhaustedAt);
        Assert.NotEqual(Assert.Single(shipped.Pools).ExhaustedAt, pool.ExhaustedAt);
        Assert.Equal(150, pool.Used, 6);

        // Days 16–30: sonnet's fallbacks are haiku (0.33 units, no room either) then gpt-4.1 (free).
        Assert.Equal(150, Model(strict, "copilot/claude-sonnet-4.6").Requests);
        Assert.Equal(Days + 150, Model(strict, "copilot/gpt-4.1").Requests);
        Assert.Equal(150, strict.Changed.RequestsMoved);
        Assert.Equal(150 * ((InputTokens * 3.0) + (OutputTokens * 15.0)) / 1e6, strict.CostUsd, 9);
        Assert.Equal(300 * ((InputTokens * 3.0) + (OutputTokens * 15.0)) / 1e6, strict.Changed.ActualCostUsd, 9);
        Assert.Equal(0, strict.Days.Where(d => d.Date.Day > 15).Sum(d => d.QuotaUnits), 6);
    }

    [Fact]
    public async Task SameInput_SameReport()
    {
        var a = await SimulateAsync(Config(monthly: 150));
        var b = await SimulateAsync(Config(monthly: 150));

        Assert.Equal(Json(a), Json(b));
    }

    [Fact]
    public async Task Failures_SkipTheModelThatFailedThen()
    {
        var rows = Month().ToList();
        rows[0] = rows[0] with { Attempts = [new AttemptRecord("copilot/claude-sonnet-4.6", "copilot", "main", 503, "server_error", "overloaded", 10), rows[0].Attempts[0]] };

        var plain = await SimulateAsync(Config(monthly: 300), rows, new SimulationOptions());
        var failures = await SimulateAsync(Config(monthly: 300), rows, new SimulationOptions(ReplayFailures: true));

        Assert.Equal(300, Model(plain, "copilot/claude-sonnet-4.6").Requests);
        Assert.Equal(299, Model(failures, "copilot/claude-sonnet-4.6").Requests);
        Assert.Equal(1, Model(failures, "copilot/claude-haiku-4.5").Requests);
    }

    [Fact]
    public void JsonlLine_ReadsBodyHeadersUsageAndAnswer()
    {
        var replay = ReplaySources.FromLine("""
            {"time": "2026-11-03T10:00:00Z", "body": {"model": "auto", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}]},
             "headers": {"x-router-source": "heartbeat"}, "usage": {"input_tokens": 12, "output_tokens": 4}, "answered_by": "copilot/gpt-5-mini"}
            """);

        Assert.Equal(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero), replay.Time);
        Assert.Equal("auto", replay.Request.Model);
        Assert.Equal("heartbeat", replay.Request.Metadata.Source);
        Assert.Equal(50, replay.Request.Prompt.MaxOutputTokens);
        Assert.Equal((12, 4), (replay.InputTokens, replay.OutputTokens));
        Assert.True(replay.HasActual);
        Assert.Equal("copilot/gpt-5-mini", replay.ActualModel);
    }

    [Theory]
    [InlineData("""{"body": {"messages": []}}""", "'time'")]
    [InlineData("""{"time": "2026-11-03T10:00:00Z"}""", "'body'")]
    [InlineData("""{"time": "2026-11-03T10:00:00Z", "body": {"messages": 3}}""", "messages")]
    public async Task JsonlBadLine_NamesTheLine(string line, string expected)
    {
        var input = new StringReader("\n" + line + "\n");

        var ex = await Assert.ThrowsAsync<ReplayInputException>(async () =>
        {
            await foreach (var _ in ReplaySources.FromJsonlAsync(input, CancellationToken.None))
            {
            }
        });

        Assert.StartsWith("line 2: ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    internal static MajordomoConfig Config(int monthly)
    {
        var text = File.ReadAllText(Path.Combine(TestConfig.RepoRoot(), "examples", "openclaw-copilot-quota.json"))
            .Replace("\"monthly\": 300", $"\"monthly\": {monthly}", StringComparison.Ordinal)
            .Replace("\"upstreamModel\": \"claude-sonnet-4.6\",", "\"upstreamModel\": \"claude-sonnet-4.6\", \"cost\": { \"inputPerMTok\": 3, \"outputPerMTok\": 15 },", StringComparison.Ordinal);
        Assert.Contains("\"inputPerMTok\": 3", text);
        var result = ConfigLoader.Load(text, TestConfig.NoEnv);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config!;
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The month as the gateway on the shipped config logged it.</summary>
    internal static IEnumerable<RequestLogRecord> Month()
    {
        for (var day = 1; day <= Days; day++)
        {
            for (var i = 0; i < 10; i++)
            {
                yield return Row(At(day, 9, i), "sonnet", null, null, "alias", "copilot/claude-sonnet-4.6", 1, ((InputTokens * 3.0) + (OutputTokens * 15.0)) / 1e6);
            }

            yield return Row(At(day, 10, 0), "auto", "heartbeat", "heartbeat", "rule", "copilot/gpt-5-mini", 0, 0);
            yield return Row(At(day, 11, 0), "default", null, null, "route", "copilot/gpt-4.1", 0, 0);
        }
    }

    private static RequestLogRecord Row(DateTimeOffset at, string requested, string? source, string? rule, string tier, string answeredBy, double units, double usd) => new()
    {
        Id = "r" + at.ToUnixTimeSeconds(),
        Timestamp = at,
        Ingress = "openai",
        RequestedModel = requested,
        Tier = tier,
        Rule = rule,
        AnsweredBy = answeredBy,
        Status = 200,
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
        UsageReported = true,
        Source = source,
        Session = "s1",
        Attempts = [new AttemptRecord(answeredBy, "copilot", "main", 200, "ok", null, 5)],
        CostUsd = usd,
        QuotaUnits = units,
    };

    private static Task<SimulationReport> SimulateAsync(MajordomoConfig config) => SimulateAsync(config, Month().ToList(), new SimulationOptions());

    private static async Task<SimulationReport> SimulateAsync(MajordomoConfig config, IReadOnlyList<RequestLogRecord> rows, SimulationOptions options)
    {
        using var simulator = new Simulator(config, options);
        return await simulator.RunAsync(rows.Select(ReplaySources.FromRow).ToAsyncEnumerable(), CancellationToken.None);
    }

    private static ModelShare Model(SimulationReport report, string model) => report.Models.Single(m => m.Model == model);

    private static string Json(SimulationReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            report.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
