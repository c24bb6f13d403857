using Majordomo.Catalog;

namespace Majordomo.Routing;

/// <summary>How a request reached its chain; the value of <c>X-Router-Tier</c>.</summary>
internal static class RouteTier
{
    public const string Rule = "rule";
    public const string Classified = "classified";
    public const string Fallback = "fallback";
    public const string Alias = "alias";
    public const string Route = "route";
    public const string Direct = "direct";
    public const string Self = "self";
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
