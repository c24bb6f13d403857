using Majordomo.Catalog;

namespace Majordomo.Routing;

/// <summary>How a request reached its chain; the value of <c>X-Router-Tier</c>.</summary>
internal static class RouteTier
{
    /// <summary>A Tier 1 rule decided: its target, its queue, or its refusal.</summary>
    public const string Rule = "rule";

    /// <summary>Tier 2: classification and candidate selection ranked the chain.</summary>
    public const string Classified = "classified";

    /// <summary>Tier 3: no candidate fitted, the smart route's fallback model answered (or none did).</summary>
    public const string Fallback = "fallback";

    /// <summary><c>model</c> named an alias.</summary>
    public const string Alias = "alias";

    /// <summary>A plain route: named by <c>model</c>, the session pin, <c>kinds</c> or <c>defaultRoute</c>.</summary>
    public const string Route = "route";

    /// <summary><c>model</c> named a model id: its own one-entry chain.</summary>
    public const string Direct = "direct";

    /// <summary>The router answered itself: a command, or a rule's <c>route-self</c> model.</summary>
    public const string Self = "self";

    /// <summary>The exact response cache answered (SPEC §8): no upstream call.</summary>
    public const string Cache = "cache";
}

/// <summary>The routing decision for one request: the ordered attempts plus why they were chosen.</summary>
internal sealed record RoutePlan(
    string? Requested,
    string? RouteName,
    string Tier,
    string? Rule,
    string? Classification,
    IReadOnlyList<ChainEntry> Attempts)
{
    /// <summary>Tier 2's full answer when the request was classified (stored in the request log).</summary>
    public Classification.Classification? Classified { get; init; }
}

/// <summary>
/// The result of resolving a name: a plan, a smart route to run the pipeline for
/// (<see cref="Smart"/>, with no plan yet), or a client error.
/// </summary>
internal readonly record struct RouteResolution(RoutePlan? Plan, string? ErrorCode, string? ErrorMessage, RouteEntry? Smart = null)
{
    public bool IsSmart => Smart is not null;
}
