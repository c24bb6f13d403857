using Majordomo.Gateway;

namespace Majordomo.Api;

/// <summary>Gateway API keys (<c>server.apiKeys</c>): <c>Authorization: Bearer …</c> or <c>x-api-key: …</c> on <c>/v1/*</c>.</summary>
internal static class GatewayAuth
{
    /// <summary>Also names the key that matched (its configured <c>name</c>, for budgets and logs; never the key).</summary>
    public static bool IsAuthorized(HttpContext context, GatewayKeys keys, out string? keyName)
    {
        keyName = null;
        if (keys.Open)
        {
            return true;
        }

        return Presented(context.Request.Headers) is { } presented && keys.Match(presented, out keyName);
    }

    /// <summary>The key the client presented, or null.</summary>
    public static string? Presented(IHeaderDictionary headers)
    {
        var auth = headers.Authorization;
        if (auth.Count > 0 && auth[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value[7..].Trim();
        }

        var apiKey = headers["x-api-key"];
        return apiKey.Count > 0 ? apiKey[0]?.Trim() : null;
    }
}
