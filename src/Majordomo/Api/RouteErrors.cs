using System.Globalization;
using Majordomo.Routing;

namespace Majordomo.Api;

/// <summary>Writes a routing failure (<see cref="RouteError"/>) in the ingress's error shape (OpenAI by default), with the router headers it has.</summary>
internal static class RouteErrors
{
    public static Task WriteAsync(HttpContext context, RouteError error, Ingress? ingress = null)
    {
        var response = context.Response;
        if (error.Headers is { } plan)
        {
            RouterHeaders.Write(response, plan, null, 0);
        }

        if (error.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var type = error.Status == 404 || error.Status == 400 ? "invalid_request_error" : Errors.TypeFor(error.Status);
        return (ingress ?? Ingress.OpenAI).WriteErrorAsync(context, error.Status, error.Message, type, error.Code, error.Param, null, Summaries(error), error.AvailableAt);
    }

    private static ExcludedSummary[]? Summaries(RouteError error)
    {
        if (error.Candidates is not { } candidates)
        {
            return null;
        }

        var result = new ExcludedSummary[candidates.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ExcludedSummary(candidates[i].Model.Id, candidates[i].Reason, candidates[i].Until);
        }

        return result;
    }
}
