using Majordomo.Gateway;

namespace Majordomo.Api;

/// <summary>Who is calling a read endpoint.</summary>
internal enum CallerKind
{
    /// <summary>Keys are configured and none (or a wrong one) was presented.</summary>
    None,

    /// <summary>A gateway key without <c>"admin": true</c>: sees its own key's data only.</summary>
    Tenant,

    /// <summary>A gateway key with <c>"admin": true</c>: sees every tenant.</summary>
    Admin,

    /// <summary>No keys are configured: everything is open, as before keys.</summary>
    Open,
}

/// <summary>
/// The one answer to "who is calling" for read endpoints (<c>/health</c>, <c>/usage</c>, <c>/stats</c>,
/// the request log, the dashboard's data): resolve it once with <see cref="Resolve"/> (or
/// <see cref="RequireAsync"/>, which answers the 401), then filter rows with <see cref="Sees"/> or
/// pass <see cref="Tenant"/> down to a query. Never carries the key itself.
/// </summary>
internal readonly record struct Caller(CallerKind Kind, string? KeyName)
{
    /// <summary>False only for <see cref="CallerKind.None"/>.</summary>
    public bool Authenticated => Kind != CallerKind.None;

    /// <summary>An admin key, or no keys configured.</summary>
    public bool SeesAllTenants => Kind is CallerKind.Admin or CallerKind.Open;

    /// <summary>The key name to restrict data to, or null when the caller sees every tenant (or nothing: check <see cref="Authenticated"/>).</summary>
    public string? Tenant => Kind == CallerKind.Tenant ? KeyName : null;

    /// <summary>Whether a row or budget of gateway key <paramref name="keyName"/> (null: no key, or shared) is visible.</summary>
    public bool Sees(string? keyName) => SeesAllTenants || (Kind == CallerKind.Tenant && string.Equals(keyName, KeyName, StringComparison.Ordinal));

    /// <summary>Reads the presented key (<c>Authorization: Bearer</c> or <c>x-api-key</c>); never writes a response.</summary>
    public static Caller Resolve(HttpContext context, GatewaySnapshot snapshot)
    {
        var keys = snapshot.Keys;
        if (keys.Open)
        {
            return new Caller(CallerKind.Open, null);
        }

        return GatewayAuth.Presented(context.Request.Headers) is { } presented && keys.Match(presented, out var name, out var admin)
            ? new Caller(admin ? CallerKind.Admin : CallerKind.Tenant, name)
            : new Caller(CallerKind.None, null);
    }

    /// <summary>The caller, or null after a 401 in <paramref name="ingress"/>'s error shape when no valid key was presented.</summary>
    public static async Task<Caller?> RequireAsync(HttpContext context, GatewaySnapshot snapshot, Ingress ingress)
    {
        var caller = Resolve(context, snapshot);
        if (caller.Authenticated)
        {
            return caller;
        }

        await ingress.WriteErrorAsync(context, 401, Admission.MissingKeyMessage, "authentication_error", "invalid_api_key").ConfigureAwait(false);
        return null;
    }
}
