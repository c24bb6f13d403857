namespace Majordomo.Config.Validation;

/// <summary><c>models</c> and <c>aliases</c>, and the header-safe names every catalog name must have.</summary>
internal static class ModelValidator
{
    public static void HeaderSafeNames(ValidationContext c)
    {
        Check("models", c.Config.Models?.Keys);
        Check("aliases", c.Config.Aliases?.Keys);
        Check("routes", c.Config.Routes?.Keys);
        Check("chains", c.Config.Chains?.Keys);

        void Check(string section, IEnumerable<string>? names)
        {
            foreach (var name in names ?? [])
            {
                if (name.Length == 0 || name.Length > 200 || name.Any(c => c is < (char)0x21 or > (char)0x7E))
                {
                    c.Error(ConfigPath.Key(section, name), "a name must be 1-200 printable ASCII characters without spaces (it is sent in X-Router-* headers)");
                }
            }
        }
    }

    public static void Validate(ValidationContext c)
    {
        if (c.Models.Count == 0)
        {
            c.Error("models", "at least one model is required");
            return;
        }

        foreach (var (id, m, path) in c.Objects(c.Models, "models"))
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                c.Error(path, "a model id must not be empty");
            }

            if (string.IsNullOrEmpty(m.Provider))
            {
                c.Error(path + ".provider", "is required");
            }
            else if (!c.Providers.ContainsKey(m.Provider))
            {
                c.Error(path + ".provider", $"unknown provider '{m.Provider}'{ValidationContext.Suggest(m.Provider, c.Providers.Keys)}");
            }

            if (m.UpstreamModel is { Length: 0 })
            {
                c.Error(path + ".upstreamModel", "is empty");
            }

            c.Range(m.Tier, 0, 10, path + ".tier");
            c.Range(m.Quality, 0, 100, path + ".quality");
            c.Range(m.ContextWindow, 1, 100_000_000, path + ".contextWindow");
            c.Range(m.MaxOutputTokens, 1, 100_000_000, path + ".maxOutputTokens");
            c.CallSettings(m.Retries, m.BackoffMs, m.TimeoutMs, m.FirstTokenTimeoutMs, path);
            c.RateLimits(m.RateLimits, path + ".rateLimits");
            c.NonNegative(m.Multiplier, path + ".multiplier");
            c.Unknown(m.Cost, path + ".cost");
            c.NonNegative(m.Cost?.InputPerMTok, path + ".cost.inputPerMTok");
            c.NonNegative(m.Cost?.OutputPerMTok, path + ".cost.outputPerMTok");
            c.NonNegative(m.Cost?.CacheReadPerMTok, path + ".cost.cacheReadPerMTok");
            c.NonNegative(m.Cost?.CacheWritePerMTok, path + ".cost.cacheWritePerMTok");
            if (m.Quota is not null && c.Config.Budgets?.Quotas is { } pools && !pools.ContainsKey(m.Quota))
            {
                c.Error(path + ".quota", $"unknown quota pool '{m.Quota}'{ValidationContext.Suggest(m.Quota, pools.Keys)}");
            }

            if (m.Fallbacks is not null)
            {
                ChainValidator.Entries(c, m.Fallbacks, path + ".fallbacks", [id]);
            }
        }
    }

    public static void Aliases(ValidationContext c)
    {
        foreach (var (name, target) in c.Aliases)
        {
            var path = ConfigPath.Key("aliases", name);
            if (c.Models.ContainsKey(name))
            {
                c.Error(path, $"'{name}' is also a model id; an alias must have its own name");
            }

            if (c.Routes.ContainsKey(name))
            {
                c.Error(path, $"'{name}' is also a route name; an alias must have its own name");
            }

            if (string.IsNullOrEmpty(target))
            {
                c.Error(path, "must name a model");
                continue;
            }

            // An alias may point at another alias; follow it and refuse cycles.
            var seen = new List<string> { name };
            var current = target;
            while (c.Aliases.TryGetValue(current, out var next))
            {
                if (seen.Contains(current))
                {
                    c.Error(path, $"alias cycle: {string.Join(" -> ", seen)} -> {current}");
                    current = "";
                    break;
                }

                seen.Add(current);
                current = next;
            }

            if (current.Length > 0 && !c.Models.ContainsKey(current))
            {
                c.Error(path, $"unknown model '{current}'{ValidationContext.Suggest(current, c.Models.Keys)}");
            }
        }
    }
}
