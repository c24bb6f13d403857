using System.Text;
using Majordomo.Chat;

namespace Majordomo.Routing;

/// <summary>
/// Resolves what a request asked for (SPEC §1.1): an allowed profile override, else a <c>model</c> naming
/// anything but the default or a smart route, else the session pin (user traffic only), else
/// <c>kinds[X-Router-Kind]</c>, else the named default/smart route or <c>defaultRoute</c>. A smart
/// route resolves to <see cref="RouteResolution.Smart"/>: the pipeline (<see cref="RouteDecider"/>) decides.
/// An unknown name is always a 404 listing the valid names: a typo is never routed silently.
/// </summary>
internal static class RouteResolver
{
    public const string ModelNotFound = "model_not_found";

    public static RouteResolution Resolve(Catalog.Catalog catalog, ChatRequest request, string? pin = null)
    {
        var metadata = request.Metadata;
        if (metadata.Profile is { } profile && catalog.AllowProfileOverride)
        {
            return ResolveName(catalog, profile, request.Model);
        }

        // A model naming anything but the default or a smart route is honoured as asked (precedence 2).
        var model = request.Model;
        if (model is not null && !IsDefaultOrSmart(catalog, model))
        {
            return ResolveName(catalog, model, model);
        }

        if (pin is not null)
        {
            return ResolveName(catalog, pin, model);
        }

        if (metadata.Kind is { } kind && catalog.Kinds.TryGetValue(kind, out var kindRoute))
        {
            return ResolveName(catalog, kindRoute, model);
        }

        if (model is not null)
        {
            return ResolveName(catalog, model, model);
        }

        if (catalog.DefaultRoute is { } defaultRoute)
        {
            return ResolveName(catalog, defaultRoute, null);
        }

        return new RouteResolution(null, ModelNotFound,
            "The request names no model and no defaultRoute is configured. Valid models: " + NameList(catalog) + ".");
    }

    /// <summary>
    /// True when a session pin may decide this request (precedence 3 of SPEC §1.1): no honoured
    /// profile override, a model that is absent, the default route or a smart route, and user traffic
    /// (source <c>user</c> or none): background work never inherits a pin.
    /// </summary>
    public static bool PinApplies(Catalog.Catalog catalog, ChatRequest request)
    {
        var metadata = request.Metadata;
        if (metadata.Source is { } source && !source.Equals("user", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (metadata.Profile is not null && catalog.AllowProfileOverride)
        {
            return false;
        }

        return request.Model is null || IsDefaultOrSmart(catalog, request.Model);
    }

    private static bool IsDefaultOrSmart(Catalog.Catalog catalog, string model) =>
        model == catalog.DefaultRoute || (catalog.Routes.TryGetValue(model, out var named) && named.Smart);

    /// <summary>Resolves a route, alias, model id or chain name; a smart route yields <see cref="RouteResolution.Smart"/>.</summary>
    public static RouteResolution ResolveName(Catalog.Catalog catalog, string name, string? requested)
    {
        if (catalog.Routes.TryGetValue(name, out var route))
        {
            return route.Smart
                ? new RouteResolution(null, null, null, route)
                : Plan(new RoutePlan(requested, route.Name, RouteTier.Route, null, null, route.Chain));
        }

        if (catalog.Aliases.TryGetValue(name, out var aliased))
        {
            return Plan(new RoutePlan(requested, name, RouteTier.Alias, null, null, aliased.Chain));
        }

        if (catalog.Models.TryGetValue(name, out var model))
        {
            return Plan(new RoutePlan(requested, null, RouteTier.Direct, null, null, model.Chain));
        }

        if (catalog.Chains.TryGetValue(name, out var chain))
        {
            return Plan(new RoutePlan(requested, name, RouteTier.Route, null, null, chain));
        }

        return new RouteResolution(null, ModelNotFound, $"The model '{Printable(name)}' does not exist. Valid models: {NameList(catalog)}.");
    }

    private static RouteResolution Plan(RoutePlan plan)
    {
        if (plan.Attempts.Count == 0)
        {
            return new RouteResolution(null, "no_model_available", $"'{plan.RouteName ?? plan.Requested}' has no enabled model to try.");
        }

        return new RouteResolution(plan, null, null);
    }

    public static string NameList(Catalog.Catalog catalog) => string.Join(", ", catalog.Names);

    // The requested name is echoed in the error; keep it short and printable.
    public static string Printable(string name)
    {
        var sb = new StringBuilder(Math.Min(name.Length, 100));
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 100)))
        {
            sb.Append(char.IsControl(c) ? '?' : c);
        }

        return name.Length > 100 ? sb.Append('…').ToString() : sb.ToString();
    }
}
