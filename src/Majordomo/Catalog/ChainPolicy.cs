namespace Majordomo.Catalog;

/// <summary>Checks of chains that are legal but risky with money; reported by <c>majordomo check</c>.</summary>
public static class ChainPolicy
{
    public static IEnumerable<string> Warnings(Catalog catalog)
    {
        foreach (var route in catalog.Routes.Values.Where(r => !r.Smart))
        {
            if (route.Chain.Count > 0 && !route.Chain[^1].Model.IsFree)
            {
                yield return $"routes.{route.Name}: the chain ends at '{route.Chain[^1].Model.Id}', which is not free (multiplier 0, cost 0); when it fails there is no free model to fall back to";
            }

            for (var i = 1; i < route.Chain.Count; i++)
            {
                if (route.Chain[i].Model.Tier > route.Chain[i - 1].Model.Tier)
                {
                    yield return $"routes.{route.Name}: entry {i} '{route.Chain[i].Model.Id}' (tier {route.Chain[i].Model.Tier}) escalates above '{route.Chain[i - 1].Model.Id}' (tier {route.Chain[i - 1].Model.Tier})";
                }
            }
        }
    }
}
