using System.Globalization;

namespace Majordomo.Api;

/// <summary>
/// The <c>X-Router-*</c> headers every routed response carries (SPEC §4). <c>X-Request-Id</c> is not among
/// them: the endpoint sets it once, first thing, so every answer of a request (errors included) has it.
/// </summary>
internal static class RouterHeaders
{
    public const string None = "none";

    public static void Write(HttpResponse response, Routing.RoutePlan plan, string? model, int attempts)
    {
        var headers = response.Headers;
        if (model is not null)
        {
            headers["X-Router-Model"] = model;
        }

        headers["X-Router-Tier"] = plan.Tier;
        headers["X-Router-Rule"] = plan.Rule ?? None;
        headers["X-Router-Classification"] = plan.Classification ?? None;
        headers["X-Router-Attempts"] = attempts.ToString(CultureInfo.InvariantCulture);
        if (plan.RouteName is { } route)
        {
            headers["X-Router-Route"] = route;
        }
    }

    /// <summary>Headers of a reply the router wrote itself (<c>/use</c>, <c>/status</c>): no model was called.</summary>
    public static void WriteSelf(HttpResponse response)
    {
        var headers = response.Headers;
        headers["X-Router-Model"] = Routing.CommandReply.RouterModel;
        headers["X-Router-Tier"] = Routing.RouteTier.Self;
        headers["X-Router-Rule"] = None;
        headers["X-Router-Classification"] = None;
        headers["X-Router-Attempts"] = "0";
    }
}
