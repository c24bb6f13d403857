namespace Majordomo.Catalog;

/// <summary>
/// Checks of chains that are legal but risky with money; reported by <c>majordomo check</c>. The
/// escalation check mirrors the executor's run-time <c>resilience.neverEscalate</c>: an entry above
/// the lowest tier of the entries before it is flagged (at run time it would not be tried).
/// </summary>
internal static class ChainPolicy
{
    public static IEnumerable<string> Warnings(Catalog catalog)
    {
        var neverEscalate = catalog.Config.Resilience?.NeverEscalate ?? true;
        foreach (var route in catalog.Routes.Values.Where(r => !r.Smart).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            // A route naming a chain is reported once, under chains.<name>.
            if (!catalog.Chains.Values.Any(c => ReferenceEquals(c, route.Chain)))
            {
                foreach (var warning in Check("routes." + route.Name, route.Chain, neverEscalate))
                {
                    yield return warning;
                }
            }
        }

        foreach (var (name, chain) in catalog.Chains.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var warning in Check("chains." + name, chain, neverEscalate))
            {
                yield return warning;
            }
        }

        foreach (var model in catalog.Models.Values.Where(m => m.Chain.Count > 1).OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            foreach (var warning in Check(Config.ConfigPath.Key("models", model.Id) + ".fallbacks", model.Chain, neverEscalate))
            {
                yield return warning;
            }
        }
    }

    private static IEnumerable<string> Check(string path, IReadOnlyList<ChainEntry> chain, bool neverEscalate)
    {
        if (chain.Count > 0 && !chain[^1].Model.IsFree)
        {
            yield return $"{path}: the chain ends at '{chain[^1].Model.Id}', which is not free (multiplier 0, cost 0); when it fails there is no free model to fall back to";
        }

        var lowest = 0;
        for (var i = 1; i < chain.Count; i++)
        {
            if (chain[i - 1].Model.Tier < chain[lowest].Model.Tier)
            {
                lowest = i - 1;
            }

            if (chain[i].Model.Tier > chain[lowest].Model.Tier)
            {
                var consequence = neverEscalate ? " (resilience.neverEscalate: it is never tried after that entry)" : "";
                yield return $"{path}: entry {i} '{chain[i].Model.Id}' (tier {chain[i].Model.Tier}) escalates above '{chain[lowest].Model.Id}' (tier {chain[lowest].Model.Tier}){consequence}";
            }
        }
    }
}
