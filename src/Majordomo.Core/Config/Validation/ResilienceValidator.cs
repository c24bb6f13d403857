namespace Majordomo.Config.Validation;

/// <summary><c>resilience</c> (deadline, cooldowns, error rules) and <c>health</c>.</summary>
internal static class ResilienceValidator
{
    public static void Resilience(ValidationContext c)
    {
        if (!c.Present(c.Config.Resilience, "resilience", out var r))
        {
            return;
        }
        c.Range(r.DeadlineMs, 1, 3_600_000, "resilience.deadlineMs");
        c.Range(r.MaxCooldownWaitMs, 0, 60_000, "resilience.maxCooldownWaitMs");
        c.Unknown(r.Cooldown, "resilience.cooldown");
        c.Range(r.Cooldown?.InitialSeconds, 0, 86_400, "resilience.cooldown.initialSeconds");
        c.Range(r.Cooldown?.MaxSeconds, 0, 86_400, "resilience.cooldown.maxSeconds");
        c.Range(r.Cooldown?.BillingSeconds, 0, 86_400, "resilience.cooldown.billingSeconds");
        if (r.Cooldown is { InitialSeconds: { } initial, MaxSeconds: { } max } && max < initial)
        {
            c.Error("resilience.cooldown.maxSeconds", $"is {max}, below initialSeconds ({initial})");
        }
        for (var i = 0; i < (r.ErrorRules?.Count ?? 0); i++)
        {
            var rule = r.ErrorRules![i];
            var path = ConfigPath.Index("resilience.errorRules", i);
            c.Unknown(rule, path);
            if (rule.Status is null && rule.Pattern is null)
            {
                c.Error(path, "needs a status, a pattern or both");
            }

            c.Range(rule.Status, 100, 599, path + ".status");
            if (!FailureClassNames.All.Contains(rule.Class))
            {
                c.Error(path + ".class", $"unknown class '{rule.Class}' (expected one of {FailureClassNames.All.List})");
            }

            c.Regex(rule.Pattern, path + ".pattern");
        }
    }

    public static void Health(ValidationContext c)
    {
        if (!c.Present(c.Config.Health, "health", out var h))
        {
            return;
        }
        c.Range(h.IntervalSeconds, 1, 86_400, "health.intervalSeconds");
        c.Range(h.TimeoutMs, 1, 600_000, "health.timeoutMs");
        c.Range(h.UnhealthyAfter, 1, 100, "health.unhealthyAfter");
    }
}
