using System.Security.Cryptography;
using System.Text;

namespace Majordomo.Api;

/// <summary>Gateway API keys (<c>server.apiKeys</c>): <c>Authorization: Bearer …</c> or <c>x-api-key: …</c> on <c>/v1/*</c>.</summary>
internal static class GatewayAuth
{
    /// <summary>Also names the key that matched (its configured <c>name</c>, for budgets and logs; never the key).</summary>
    public static bool IsAuthorized(HttpContext context, Catalog.Catalog catalog, out string? keyName)
    {
        keyName = null;
        var keys = catalog.Config.Server?.ApiKeys;
        if (keys is null || keys.Count == 0)
        {
            return true;
        }

        var presented = Presented(context.Request.Headers);
        if (presented is null)
        {
            return false;
        }

        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var ok = false;
        foreach (var key in keys)
        {
            // Compare against every key in constant time so timing says nothing about which one matched.
            var match = CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key.Key ?? ""));
            ok |= match;
            keyName = match ? key.Name : keyName;
        }

        return ok;
    }

    private static string? Presented(IHeaderDictionary headers)
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
