namespace Majordomo.Config.Validation;

/// <summary><c>budgets</c>: USD limits, quota pools, alerts and the degradation curve.</summary>
internal static class BudgetValidator
{
    public static void Validate(ValidationContext c)
    {
        if (!c.Present(c.Config.Budgets, "budgets", out var b))
        {
            return;
        }
        c.Unknown(b.Usd, "budgets.usd");
        c.NonNegative(b.Usd?.Daily, "budgets.usd.daily");
        c.NonNegative(b.Usd?.Monthly, "budgets.usd.monthly");
        c.TimeZone(b.Usd?.TimeZone, "budgets.usd.timeZone");
        foreach (var (name, pool, path) in c.Objects(b.Quotas, "budgets.quotas"))
        {
            if (pool.Monthly is null or <= 0)
            {
                c.Error(path + ".monthly", "is required and must be greater than 0");
            }

            c.NonNegative(pool.Daily, path + ".daily");
            c.Range(pool.ResetDayOfMonth, 1, 28, path + ".resetDayOfMonth");
            c.TimeZone(pool.TimeZone, path + ".timeZone");
        }

        c.Unknown(b.Alerts, "budgets.alerts");
        for (var i = 0; i < (b.Alerts?.Thresholds?.Count ?? 0); i++)
        {
            var t = b.Alerts!.Thresholds![i];
            if (t is <= 0 or > 1)
            {
                c.Error(ConfigPath.Index("budgets.alerts.thresholds", i), "must be a fraction in (0, 1]");
            }
        }

        if (b.Alerts?.Webhook is { } hook && !ValidationContext.IsHttpUrl(hook, out _))
        {
            c.Error("budgets.alerts.webhook", $"'{hook}' is not an http(s) URL");
        }

        double previous = -1;
        for (var i = 0; i < (b.Degradation?.Count ?? 0); i++)
        {
            var step = b.Degradation![i];
            var path = ConfigPath.Index("budgets.degradation", i);
            c.Unknown(step, path);
            if (step.AtUsage is not { } at || at < 0 || at > 10)
            {
                c.Error(path + ".atUsage", "is required and must be a usage fraction (0.8 = 80 %)");
                continue;
            }

            if (at <= previous)
            {
                c.Error(path + ".atUsage", "steps must be in increasing order of atUsage");
            }

            previous = at;
            if (step.Mode is null && step.MaxTier is null)
            {
                c.Error(path, "needs a mode or a maxTier");
            }

            if (step.Mode is not null)
            {
                c.OneOf(step.Mode, DegradationModes.All, path + ".mode", "mode");
            }

            c.Range(step.MaxTier, 0, 10, path + ".maxTier");
        }
    }
}
