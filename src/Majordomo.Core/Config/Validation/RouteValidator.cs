namespace Majordomo.Config.Validation;

/// <summary><c>routes</c> and the names that point at them (<c>defaultRoute</c>, <c>kinds</c>, <c>selfModel</c>).</summary>
internal static class RouteValidator
{
    public static void Validate(ValidationContext c)
    {
        foreach (var (name, route, path) in c.Objects(c.Routes, "routes"))
        {
            if (route.LoopDetection is not null)
            {
                LoopDetectionValidator.Section(c, route.LoopDetection, c.Config.LoopDetection, path + ".loopDetection");
            }

            if (c.Models.ContainsKey(name))
            {
                c.Error(path, $"'{name}' is also a model id; a route must have its own name");
            }

            var strategy = route.Strategy ?? (route.Chain is null ? null : RouteStrategies.Chain);
            switch (strategy)
            {
                case RouteStrategies.Smart:
                    if (route.Chain is not null)
                    {
                        c.Warn(path + ".chain", "a smart route ranks the catalog itself; its chain is ignored");
                    }

                    break;
                case RouteStrategies.Chain:
                    if (route.Chain is null)
                    {
                        c.Error(path + ".chain", "is required for a chain route");
                    }
                    else if (route.Chain.Name is { } chainName)
                    {
                        if (!c.Chains.ContainsKey(chainName) && c.ResolveModel(chainName) is null)
                        {
                            c.Error(path + ".chain", $"unknown chain '{chainName}'{ValidationContext.Suggest(chainName, c.Chains.Keys)}");
                        }
                    }
                    else if (route.Chain.Entries is null || route.Chain.Entries.Count == 0)
                    {
                        c.Error(path + ".chain", "a chain needs at least one entry");
                    }
                    else
                    {
                        ChainValidator.Entries(c, route.Chain.Entries, path + ".chain", []);
                    }

                    break;
                case null:
                    c.Error(path, "needs a \"chain\" or \"strategy\": \"smart\"");
                    break;
                default:
                    c.Error(path + ".strategy", $"unknown strategy '{strategy}' (expected {RouteStrategies.All.OneOf})");
                    break;
            }
        }
    }

    public static void References(ValidationContext c)
    {
        if (c.Config.DefaultRoute is { } dr && !c.IsTarget(dr))
        {
            c.Error("defaultRoute", $"unknown route '{dr}'{ValidationContext.Suggest(dr, c.TargetNames)}");
        }

        foreach (var (kind, target) in c.Config.Kinds ?? [])
        {
            if (string.IsNullOrEmpty(target) || !c.IsTarget(target))
            {
                c.Error(ConfigPath.Key("kinds", kind), $"unknown route '{target}'{ValidationContext.Suggest(target ?? "", c.TargetNames)}");
            }
        }

        if (c.Config.SelfModel is { } self && c.ResolveModel(self) is null)
        {
            c.Error("selfModel", $"unknown model '{self}'{ValidationContext.Suggest(self, c.Models.Keys)}");
        }
    }
}
