using System.Collections.Frozen;
using Majordomo.Config;

namespace Majordomo.LoopGuard;

/// <summary>
/// <c>loopDetection</c> resolved: the global section with SPEC defaults, and per route the route's own
/// section layered key by key over the global one (a route sets only what differs).
/// </summary>
internal sealed record LoopSettings(bool Enabled, int HistorySize, int Warning, int Critical, int Breaker, ILoopDetector[] Detectors)
{
    public const int DefaultHistorySize = 20;
    public const int DefaultWarning = 5;
    public const int DefaultCritical = 10;
    public const int DefaultBreaker = 15;

    public static readonly LoopSettings Disabled = new(false, DefaultHistorySize, DefaultWarning, DefaultCritical, DefaultBreaker, []);

    public static LoopSettings From(LoopDetectionConfig? global, LoopDetectionConfig? route = null)
    {
        var detectors = new List<ILoopDetector>(LoopDetectors.All.Length);
        foreach (var detector in LoopDetectors.All)
        {
            if ((DetectorEnabled(route?.Detectors, detector.Name) ?? DetectorEnabled(global?.Detectors, detector.Name)) != false)
            {
                detectors.Add(detector);
            }
        }

        return new LoopSettings(
            route?.Enabled ?? global?.Enabled ?? true,
            route?.HistorySize ?? global?.HistorySize ?? DefaultHistorySize,
            route?.WarningThreshold ?? global?.WarningThreshold ?? DefaultWarning,
            route?.CriticalThreshold ?? global?.CriticalThreshold ?? DefaultCritical,
            route?.CircuitBreakerThreshold ?? global?.CircuitBreakerThreshold ?? DefaultBreaker,
            [.. detectors]);
    }

    /// <summary>The config switch for a detector by its registered name (config keys and names are the same words).</summary>
    public static bool? DetectorEnabled(LoopDetectorsConfig? config, string name) => name switch
    {
        LoopDetectorNames.GenericRepeat => config?.GenericRepeat,
        LoopDetectorNames.PollNoProgress => config?.PollNoProgress,
        LoopDetectorNames.PingPong => config?.PingPong,
        _ => throw new InvalidOperationException($"detector '{name}' has no config switch"),
    };
}

/// <summary>Settings of one catalog snapshot: global, and for each route that has its own section. Built once per reload.</summary>
internal sealed class LoopSettingsSet(Catalog.Catalog catalog)
{
    public Catalog.Catalog Catalog { get; } = catalog;

    internal LoopSettings Global { get; } = LoopSettings.From(catalog.Config.LoopDetection);

    internal FrozenDictionary<string, LoopSettings> Routes { get; } =
        (catalog.Config.Routes ?? [])
            .Where(r => r.Value?.LoopDetection is not null)
            .ToFrozenDictionary(r => r.Key, r => LoopSettings.From(catalog.Config.LoopDetection, r.Value.LoopDetection), StringComparer.Ordinal);

    internal LoopSettings For(string? route) => route is not null && Routes.TryGetValue(route, out var s) ? s : Global;
}
