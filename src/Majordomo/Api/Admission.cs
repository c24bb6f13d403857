using Majordomo.Gateway;

namespace Majordomo.Api;

/// <summary>
/// What every endpoint does first: check the gateway key, then (for endpoints with a body) read it
/// under <c>server.maxRequestBytes</c>. A refusal is answered here, in the ingress's error shape.
/// </summary>
internal static class Admission
{
    public const string MissingKeyMessage = "Missing or invalid gateway API key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.";

    // ValueTask: these complete synchronously for nearly every request (a small body is already buffered), so no task is made.

    /// <summary>True when the key is good (or none is configured); otherwise the 401 has been written.</summary>
    public static async ValueTask<(bool Authorized, string? KeyName)> AuthorizeAsync(HttpContext context, GatewaySnapshot snapshot, Ingress ingress)
    {
        if (GatewayAuth.IsAuthorized(context, snapshot.Keys, out var keyName))
        {
            return (true, keyName);
        }

        await ingress.WriteErrorAsync(context, 401, MissingKeyMessage, "authentication_error", "invalid_api_key").ConfigureAwait(false);
        return (false, null);
    }

    /// <summary>The key check and the body, or null when a 401, 413 or 400 has been written.</summary>
    public static async ValueTask<Admitted?> AdmitAsync(HttpContext context, GatewaySnapshot snapshot, Ingress ingress)
    {
        var (authorized, keyName) = await AuthorizeAsync(context, snapshot, ingress).ConfigureAwait(false);
        if (!authorized)
        {
            return null;
        }

        var (buffer, length, failure) = await RequestBody.ReadAsync(context.Request, snapshot.Catalog.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (failure is null)
        {
            return new Admitted(keyName, new RequestBody(buffer!, length));
        }

        var tooLarge = failure == RequestBody.BodyFailure.TooLarge;
        var message = tooLarge
            ? $"The request body is larger than the limit of {snapshot.Catalog.MaxRequestBytes} bytes (server.maxRequestBytes)."
            : "The request body could not be read.";
        await ingress.WriteErrorAsync(context, tooLarge ? 413 : 400, message, "invalid_request_error", tooLarge ? "request_too_large" : "invalid_body").ConfigureAwait(false);
        return null;
    }
}

/// <summary>An admitted request: the matching key's name (null when no keys are configured) and its body.</summary>
internal readonly record struct Admitted(string? KeyName, RequestBody Body);
