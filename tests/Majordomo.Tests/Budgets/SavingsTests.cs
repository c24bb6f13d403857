using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Config;
using Majordomo.Providers;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Budgets;

/// <summary>Savings in <c>stats</c>: what the answered traffic would have cost on the route's most capable model (or a given one).</summary>
public sealed class SavingsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Config = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", "locality": "cloud" } },
          "models": {
            "p/cheap":   { "provider": "p", "quality": 40, "cost": { "inputPerMTok": 0.1, "outputPerMTok": 0.4 } },
            "p/premium": { "provider": "p", "quality": 90, "cost": { "inputPerMTok": 3, "outputPerMTok": 15 }, "quota": "q", "multiplier": 1 },
            "p/mid":     { "provider": "p", "quality": 70, "cost": { "inputPerMTok": 1, "outputPerMTok": 4 } }
          },
          "aliases": { "best": "p/premium" },
          "routes": { "default": { "chain": ["p/cheap", "p/mid"] }, "auto": { "strategy": "smart" } },
          "budgets": { "quotas": { "q": { "monthly": 100 } } }
        }
        """;

    [Fact]
    public async Task Savings_AgainstEachRoutesMostCapableModel_AndAGivenBaseline()
    {
        using var providers = new ProviderFactory(TimeProvider.System);
        var loaded = ConfigLoader.Load(Config, TestConfig.NoEnv);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        var catalog = CatalogBuilder.Build(loaded.Config!, providers);
        var store = new SqliteStore(_dir.File("s.db"));
        store.Migrate();
        var rows = new List<RequestLogRecord>();
        for (var i = 0; i < 10; i++)
        {
            rows.Add(Row("d" + i, "default", "p/cheap", 0.1, 0.4));
            rows.Add(Row("a" + i, "auto", "p/cheap", 0.1, 0.4));
        }

        rows.Add(Row("failed", "default", null, 0, 0) with { Status = 502 });
        store.WriteRequests(rows);
        using var set = store.CreateSet();

        var routes = await StatsReports.BuildAsync(set.Requests, Now.AddDays(-1), Now.AddDays(1), null, CancellationToken.None, SavingsBaseline.Create(catalog, null));
        var best = await StatsReports.BuildAsync(set.Requests, Now.AddDays(-1), Now.AddDays(1), null, CancellationToken.None, SavingsBaseline.Create(catalog, "best"));

        // 1,000 tokens in and 500 out each. default's most capable is p/mid; auto (smart) may use every model: p/premium.
        const double Cheap = ((1000 * 0.1) + (500 * 0.4)) / 1e6, Mid = ((1000 * 1.0) + (500 * 4.0)) / 1e6, Premium = ((1000 * 3.0) + (500 * 15.0)) / 1e6;
        var s = routes.Savings!;
        Assert.Equal("most capable model of each route", s.Baseline);
        Assert.Equal(20, s.Requests);
        Assert.Equal(20 * Cheap, s.CostUsd, 9);
        Assert.Equal((10 * Mid) + (10 * Premium), s.BaselineCostUsd, 9);
        Assert.Equal(s.BaselineCostUsd - s.CostUsd, s.SavedUsd, 9);
        Assert.Equal(Math.Round((s.SavedUsd * 100) / s.BaselineCostUsd, 1), s.SavedPercent);
        Assert.Equal((10, 0), (s.BaselineQuotaUnits, s.QuotaUnits));

        Assert.Equal("p/premium", best.Savings!.Baseline);
        Assert.Equal(20 * Premium, best.Savings.BaselineCostUsd, 9);
        Assert.Equal(20, best.Savings.BaselineQuotaUnits);
        Assert.Contains("Savings against p/premium: $", StatsReports.Render(best), StringComparison.Ordinal);
        Assert.Null(SavingsBaseline.Create(catalog, "nope"));
        SqliteStore.ReleaseFiles();
    }

    private static RequestLogRecord Row(string id, string route, string? answeredBy, double inPrice, double outPrice) => new()
    {
        Id = id,
        Timestamp = Now,
        Ingress = "openai",
        Route = route,
        Tier = "route",
        AnsweredBy = answeredBy,
        Status = 200,
        InputTokens = 1000,
        OutputTokens = 500,
        UsageReported = true,
        Attempts = answeredBy is null ? [] : [new AttemptRecord(answeredBy, "p", null, 200, "ok", null, 1)],
        CostUsd = answeredBy is null ? null : ((1000 * inPrice) + (500 * outPrice)) / 1e6,
    };
}
