using Majordomo.Config;
using Majordomo.LoopGuard;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.LoopGuard;

/// <summary>Validation and resolution of <c>loopDetection</c>, global and per route.</summary>
public sealed class LoopDetectionConfigTests
{
    private static string Cfg(string rest) =>
        """{ "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } }, "models": { "p/m": { "provider": "p" } }, """ + rest + "}";

    [Fact]
    public void Validate_HistorySmallerThanBreaker_IsAnError()
    {
        var result = TestConfig.Load(Cfg("\"loopDetection\": { \"historySize\": 10 }"));

        Assert.Equal("loopDetection.historySize: must be at least circuitBreakerThreshold (15), or the breaker can never trip (got 10)", Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_RouteThresholdsLayeredOverGlobal_AreCheckedAsTheyApply()
    {
        // The route's warning (12) is above the global critical (11): wrong only once layered.
        var result = TestConfig.Load(Cfg("""
            "loopDetection": { "criticalThreshold": 11 },
            "routes": { "r": { "chain": ["p/m"], "loopDetection": { "warningThreshold": 12 } } }
            """));

        Assert.Equal("routes.r.loopDetection: thresholds must satisfy 0 < warningThreshold < criticalThreshold < circuitBreakerThreshold (got 12 / 11 / 15)", Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_RouteUnknownKeyAndDetector_AreErrorsWithPaths()
    {
        var result = TestConfig.Load(Cfg("""
            "routes": { "r": { "chain": ["p/m"], "loopDetection": { "threshold": 3, "detectors": { "knownPollNoProgress": true } } } }
            """));

        Assert.Equal(
            ["routes.r.loopDetection.detectors.knownPollNoProgress: unknown detector; known detectors: genericRepeat, pollNoProgress, pingPong", "routes.r.loopDetection.threshold: unknown key"],
            result.Errors.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Validate_AppliedSection_NoLongerWarnsNotApplied()
    {
        var result = TestConfig.Load(Cfg("\"loopDetection\": { \"enabled\": true }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("loopDetection", StringComparison.Ordinal));
    }

    [Fact]
    public void From_NoSection_UsesSpecDefaultsWithEveryDetector()
    {
        var settings = LoopSettings.From(null);

        Assert.True(settings.Enabled);
        Assert.Equal((20, 5, 10, 15), (settings.HistorySize, settings.Warning, settings.Critical, settings.Breaker));
        Assert.Equal(["pollNoProgress", "pingPong", "genericRepeat"], settings.Detectors.Select(d => d.Name).ToArray());
    }

    [Fact]
    public void From_RouteSection_OverridesOnlyItsOwnKeys()
    {
        var global = new LoopDetectionConfig { WarningThreshold = 4, Detectors = new LoopDetectorsConfig { PingPong = false } };
        var route = new LoopDetectionConfig { CircuitBreakerThreshold = 18, HistorySize = 30, Detectors = new LoopDetectorsConfig { GenericRepeat = false } };

        var settings = LoopSettings.From(global, route);

        Assert.Equal((30, 4, 10, 18), (settings.HistorySize, settings.Warning, settings.Critical, settings.Breaker));
        Assert.Equal(["pollNoProgress"], settings.Detectors.Select(d => d.Name).ToArray());
    }

    [Fact]
    public void Registry_EveryDetectorConfigKey_HasOneRegisteredDetector()
    {
        var keys = typeof(LoopDetectorsConfig).GetProperties()
            .Where(p => p.PropertyType == typeof(bool?))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Order(StringComparer.Ordinal);

        Assert.Equal(keys, LoopDetectors.ByName.Keys.Order(StringComparer.Ordinal));
        Assert.All(LoopDetectors.All, d => Assert.Null(LoopSettings.DetectorEnabled(null, d.Name)));
    }
}
