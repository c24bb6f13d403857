using Majordomo.Gateway;

namespace Majordomo.Api;

/// <summary>
/// <c>server.cors</c> (SPEC §4): on <c>/v1/*</c>, a browser's preflight <c>OPTIONS</c> is answered
/// (204) and answers to an allowed origin carry <c>Access-Control-Allow-*</c>, so browser-based
/// clients can call the gateway. Off by default: no header, and <c>OPTIONS</c> is a 405.
/// </summary>
internal static class Cors
{
    private const string AllowedHeaders = "authorization, content-type, x-api-key, anthropic-version, anthropic-beta, x-router-session, x-router-kind, x-router-source, x-router-profile";
    private const string ExposedHeaders = "x-request-id, x-router-model, x-router-tier, x-router-rule, x-router-classification, x-router-attempts, x-router-degradation, retry-after";

    /// <summary>True when the request was a preflight and has been answered.</summary>
    public static bool Apply(HttpContext context, CorsOrigins? cors)
    {
        var request = context.Request;
        if (cors is null || !request.Path.StartsWithSegments("/v1", StringComparison.Ordinal) || request.Headers.Origin is not [{ } origin] || !cors.Allows(origin))
        {
            return false;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = cors.Any ? "*" : origin;
        headers.Vary = "Origin";
        if (!HttpMethods.IsOptions(request.Method) || request.Headers.AccessControlRequestMethod.Count == 0)
        {
            headers.AccessControlExposeHeaders = ExposedHeaders;
            return false;
        }

        headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.Count > 0 ? request.Headers.AccessControlRequestHeaders.ToString() : AllowedHeaders;
        headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = 204;
        return true;
    }
}
