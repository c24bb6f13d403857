namespace Majordomo.Config.Validation;

/// <summary><c>chains</c> and the chain entries that models, chains and routes share.</summary>
internal static class ChainValidator
{
    public static void Validate(ValidationContext c)
    {
        foreach (var (name, entries) in c.Chains)
        {
            var path = ConfigPath.Key("chains", name);
            if (c.Models.ContainsKey(name) || c.Aliases.ContainsKey(name))
            {
                c.Error(path, $"'{name}' is also a model or alias name; a chain must have its own name");
            }

            if (entries is null || entries.Count == 0)
            {
                c.Error(path, "a chain needs at least one entry");
                continue;
            }

            Entries(c, entries, path, []);
            ChainCycle(c, name, [name], path);
        }
    }

    private static void ChainCycle(ValidationContext c, string chain, List<string> stack, string path)
    {
        if (!c.Chains.TryGetValue(chain, out var entries) || entries is null)
        {
            return;
        }

        foreach (var e in entries)
        {
            if (e?.Model is { } m && c.Chains.ContainsKey(m) && !c.Models.ContainsKey(m) && !c.Aliases.ContainsKey(m))
            {
                if (stack.Contains(m))
                {
                    c.Error(path, $"chain cycle: {string.Join(" -> ", stack)} -> {m}");
                    return;
                }

                stack.Add(m);
                ChainCycle(c, m, stack, path);
                stack.RemoveAt(stack.Count - 1);
            }
        }
    }

    public static void Entries(ValidationContext c, List<ChainEntryConfig> entries, string path, HashSet<string> self)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var epath = ConfigPath.Index(path, i);
            if (e is null || string.IsNullOrEmpty(e.Model))
            {
                c.Error(epath, "an entry must name a model");
                continue;
            }

            c.Unknown(e, epath);
            var model = c.ResolveModel(e.Model);
            if (model is null)
            {
                if (c.Chains.ContainsKey(e.Model) && self.Count == 0)
                {
                    continue; // a chain inside a chain is expanded in place
                }

                c.Error(epath, $"unknown model '{e.Model}'{ValidationContext.Suggest(e.Model, c.Models.Keys.Concat(c.Aliases.Keys))}");
                continue;
            }

            if (self.Contains(model))
            {
                c.Error(epath, $"'{e.Model}' falls back to itself");
            }

            if (e.Provider is not null && c.Models.TryGetValue(model, out var mc) && mc?.Provider != e.Provider)
            {
                c.Error(epath + ".provider", $"model '{model}' is served by provider '{mc?.Provider}', not '{e.Provider}' (chains are provider-scoped)");
            }

            if (e.Credentials is not null && c.Models.TryGetValue(model, out var mc2) && mc2?.Provider is { } prov && c.Providers.TryGetValue(prov, out var pc))
            {
                foreach (var cred in e.Credentials)
                {
                    if (pc?.Credentials?.Any(c => c.Id == cred) != true)
                    {
                        c.Error(epath + ".credentials", $"provider '{prov}' has no credential '{cred}'");
                    }
                }
            }

            c.CallSettings(e.Retries, e.BackoffMs, e.TimeoutMs, e.FirstTokenTimeoutMs, epath);
        }
    }
}
