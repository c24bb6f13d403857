using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Budgets;

public sealed class CostAndCurveTests
{
    private static ModelEntry Model(double input, double output, double? cacheRead = null) => new()
    {
        Id = "p/m",
        Provider = new ProviderEntry { Name = "p", Api = "openai", Locality = "cloud", Credentials = [], Client = new StubChatProvider("p") },
        UpstreamModel = "m",
        UpstreamModelJson = "\"m\""u8.ToArray(),
        InputPerMTok = input,
        OutputPerMTok = output,
        CacheReadPerMTok = cacheRead,
    };

    [Fact]
    public void Usd_InputAndOutputTokens_PricedPerMillion()
    {
        Assert.Equal(0.0105, CostCalculator.Usd(Model(3, 15), 1000, 500), 10);
    }

    [Fact]
    public void Usd_CachedTokensWithCacheReadPrice_PricedAtCacheRate()
    {
        // 1000 prompt tokens of which 800 were cached: 200 x $3 + 800 x $0.3, per million.
        Assert.Equal(0.00084, CostCalculator.Usd(Model(3, 15, cacheRead: 0.3), 1000, 0, cachedInputTokens: 800), 10);
    }

    [Fact]
    public void Usd_CachedTokensWithoutCacheReadPrice_PricedAsInput()
    {
        Assert.Equal(0.003, CostCalculator.Usd(Model(3, 15), 1000, 0, cachedInputTokens: 800), 10);
    }

    [Fact]
    public void EstimateOutputTokens_Stream_CountsContentEvents()
    {
        Assert.Equal(10, CostCalculator.EstimateOutputTokens(stream: true, answerBytes: 5000, answerEvents: 12));
        Assert.Equal(200, CostCalculator.EstimateOutputTokens(stream: false, answerBytes: 1000, answerEvents: 0));
    }

    [Theory]
    [InlineData(0.0, "normal")]
    [InlineData(0.79, "normal")]
    [InlineData(0.8, "prefer-cheaper")]
    [InlineData(0.9, "max-tier 1")]
    [InlineData(0.95, "max-tier 0")]
    [InlineData(1.0, "local-only")]
    [InlineData(3.0, "local-only")]
    public void LevelFor_DefaultCurve_FollowsSpec(double usage, string expected)
    {
        var plan = BudgetPlan.From(new global::Majordomo.Config.MajordomoConfig());

        Assert.Equal(expected, plan.LevelFor(usage).Name);
    }

    [Fact]
    public void LevelFor_DefaultCurveLastStep_LeavesLocalAndFreeModels()
    {
        var last = BudgetPlan.DefaultCurve[^1].Level;

        Assert.True(last.LocalOnly);
        Assert.Equal(0, last.MaxTier);
    }

    [Fact]
    public void LevelFor_ConfiguredCurve_NamesStepsFromModeAndMaxTier()
    {
        var config = TestConfig.LoadValid("""
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:1/v1" } }, "models": { "p/m": { "provider": "p" } },
              "budgets": { "degradation": [ { "atUsage": 0.5, "maxTier": 1 }, { "atUsage": 0.7, "mode": "local-only" } ] } }
            """);
        var plan = BudgetPlan.From(config);

        Assert.Equal("normal", plan.LevelFor(0.4).Name);
        Assert.Equal(1, plan.LevelFor(0.6).MaxTier);
        Assert.Equal("max-tier 1", plan.LevelFor(0.6).Name);
        Assert.True(plan.LevelFor(0.7).LocalOnly);
    }

    [Fact]
    public void Projection_HalfUsedHalfwayThroughPeriod_LastsToReset()
    {
        var period = new BudgetPeriod(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), "m");

        Assert.Null(UsageReports.Projection(150, 300, period, period.Start.AddDays(15)));
        Assert.Equal(period.Start.AddDays(20), UsageReports.Projection(150, 300, period, period.Start.AddDays(10)));
        Assert.Null(UsageReports.Projection(0, 300, period, period.Start.AddDays(10)));
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("30m", 30)]
    [InlineData("2", 120)]
    [InlineData(null, 24 * 60)]
    public void TryParseSince_Durations_Parsed(string? text, int minutes)
    {
        Assert.True(StatsReports.TryParseSince(text, out var span));
        Assert.Equal(TimeSpan.FromMinutes(minutes), span);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5h")]
    [InlineData("5x")]
    public void TryParseSince_Garbage_Refused(string text)
    {
        Assert.False(StatsReports.TryParseSince(text, out _));
    }
}
