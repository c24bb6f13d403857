namespace Majordomo.Config.Validation;

/// <summary><c>loopDetection</c>, globally and per route.</summary>
internal static class LoopDetectionValidator
{
    public static void Validate(ValidationContext c)
    {
        if (c.Config.LoopDetection is { } l)
        {
            Section(c, l, null, "loopDetection");
        }
    }

    public static void Section(ValidationContext c, LoopDetectionConfig l, LoopDetectionConfig? global, string path)
    {
        c.Unknown(l, path);
        if (l.Detectors?.Unknown is { } unknownDetectors)
        {
            foreach (var key in unknownDetectors.Keys)
            {
                c.Error(ConfigPath.Key(path + ".detectors", key), $"unknown detector; known detectors: {LoopDetectorNames.All.List}");
            }
        }

        c.Range(l.HistorySize, 2, 1000, path + ".historySize");
        var warning = l.WarningThreshold ?? global?.WarningThreshold ?? 5;
        var critical = l.CriticalThreshold ?? global?.CriticalThreshold ?? 10;
        var breaker = l.CircuitBreakerThreshold ?? global?.CircuitBreakerThreshold ?? 15;
        var history = l.HistorySize ?? global?.HistorySize ?? 20;
        if (!(warning > 0 && warning < critical && critical < breaker))
        {
            c.Error(path, $"thresholds must satisfy 0 < warningThreshold < criticalThreshold < circuitBreakerThreshold (got {warning} / {critical} / {breaker})");
        }
        else if (history is >= 2 and <= 1000 && history < breaker)
        {
            // Counts are calls within the last historySize calls: a smaller window could never reach the breaker.
            c.Error(path + ".historySize", $"must be at least circuitBreakerThreshold ({breaker}), or the breaker can never trip (got {history})");
        }
    }
}
