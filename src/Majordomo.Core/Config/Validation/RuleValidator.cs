namespace Majordomo.Config.Validation;

/// <summary><c>rules</c> (Tier 1): ids, actions, targets, patterns and token bounds.</summary>
internal static class RuleValidator
{
    public static void Validate(ValidationContext c)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (c.Config.Rules?.Count ?? 0); i++)
        {
            var rule = c.Config.Rules![i];
            var path = ConfigPath.Index("rules", i);
            if (rule is null)
            {
                c.Error(path, "must be an object");
                continue;
            }

            c.Unknown(rule, path);
            c.Unknown(rule.When, path + ".when");
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                c.Error(path + ".id", "is required");
            }
            else if (!ids.Add(rule.Id))
            {
                c.Error(path + ".id", $"duplicate rule id '{rule.Id}'");
            }

            var known = c.OneOf(rule.Action, RuleActions.All, path + ".action", "action");
            if (known && rule.Action is RuleActions.Route or RuleActions.Queue)
            {
                if (string.IsNullOrEmpty(rule.Target))
                {
                    c.Error(path + ".target", $"is required for action '{rule.Action}'");
                }
                else if (!c.IsTarget(rule.Target))
                {
                    c.Error(path + ".target", $"unknown target '{rule.Target}'{ValidationContext.Suggest(rule.Target, c.TargetNames)}");
                }
            }
            else if (known && rule.Action == RuleActions.RouteSelf && c.Config.SelfModel is null)
            {
                c.Error(path + ".action", "route_self needs a top-level selfModel");
            }

            c.Range(rule.MaxWaitMs, 0, 600_000, path + ".maxWaitMs");
            c.Regex(rule.When?.Pattern, path + ".when.pattern");

            if (rule.When is { MinTokens: { } min, MaxTokens: { } max } && min > max)
            {
                c.Error(path + ".when", $"minTokens ({min}) is greater than maxTokens ({max})");
            }
        }
    }
}
