using System.Collections.Frozen;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Routing;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Routing;

public class SelectionTests
{
    private const string Config = """
        {
          "providers": {
            "loc":   { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", "locality": "local" },
            "cloud": { "api": "openai", "baseUrl": "https://example.invalid/v1", "locality": "cloud" }
          },
          "models": {
            "loc/a":   { "provider": "loc", "quality": 50 },
            "loc/b":   { "provider": "loc", "quality": 50 },
            "loc/c":   { "provider": "loc", "quality": 50 },
            "cloud/x": { "provider": "cloud", "quality": 90, "tier": 1, "cost": { "inputPerMTok": 1, "outputPerMTok": 1 } }
          },
          "routes": { "auto": { "strategy": "smart" } },
          "selection": { "fallbackModel": "loc/a", "qualityFloors": { "simple": 10, "medium": 10, "complex": 10, "reasoning": 10 } }
        }
        """;

    private static readonly RoutingSnapshot Snapshot = RoutingSnapshot.Build(TestConfig.BuildCatalog(Config));

    private static SelectionInput Input(bool sensitive = false, DegradationLevel? level = null) => new(
        new Majordomo.Classification.Classification("simple", "conversation", 10, sensitive, FrozenDictionary<string, double>.Empty),
        10, level ?? DegradationLevel.Normal, false, new GateContext(DateTimeOffset.UnixEpoch, null, null));

    private static string[] Rank(LatencyTracker latency, in SelectionInput input, List<ExcludedCandidate>? excluded = null) =>
        Selection.Rank(Snapshot, in input, [], latency, excluded, out _).Select(e => e.Model.Id).ToArray();

    [Fact]
    public void Rank_EqualModels_FasterRecentLatencyFirst_UnmeasuredFirstOfAll()
    {
        var latency = new LatencyTracker();
        latency.Record("loc/a", 300);
        latency.Record("loc/b", 20);

        Assert.Equal(["loc/c", "loc/b", "loc/a", "cloud/x"], Rank(latency, Input()));
    }

    [Fact]
    public void Rank_Sensitive_KeepsOnlyLocalModels()
    {
        var excluded = new List<ExcludedCandidate>();

        var ranked = Rank(new LatencyTracker(), Input(sensitive: true), excluded);

        Assert.DoesNotContain("cloud/x", ranked);
        Assert.Contains("sensitive prompt and the model is cloud", Assert.Single(excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FallbackUnavailable_SensitiveAndCloudFallback_IsRefused()
    {
        var catalog = TestConfig.BuildCatalog(Config.Replace("\"fallbackModel\": \"loc/a\"", "\"fallbackModel\": \"cloud/x\"", StringComparison.Ordinal));
        var snapshot = RoutingSnapshot.Build(catalog);
        var input = Input(sensitive: true);

        Assert.Contains("sensitive", Selection.FallbackUnavailable(snapshot, in input, [], out _), StringComparison.Ordinal);
        var normal = Input();
        Assert.Null(Selection.FallbackUnavailable(snapshot, in normal, [], out _));
    }

    [Fact]
    public void LatencyTracker_MovingAverage_WeighsRecentSamples()
    {
        var latency = new LatencyTracker();
        latency.Record("m", 100);
        latency.Record("m", 200);
        latency.Record("m", double.NaN);
        latency.Record("m", -1);

        Assert.Equal(100 + (LatencyTracker.Alpha * 100), latency.Get("m")!.Value, 6);
        Assert.Null(latency.Get("other"));
    }
}
