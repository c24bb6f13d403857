using System.Reflection;

namespace Majordomo.Dashboard;

/// <summary>
/// <c>GET /dashboard</c> (and <c>GET /</c> for a browser): one self-contained page embedded in the
/// executable (<c>dashboard.html</c>: markup, styles and script, nothing fetched from elsewhere). The
/// page holds no data and needs no key; it reads <c>/health</c>, <c>/usage</c>, <c>/stats</c> and
/// <c>/v1/requests</c> with the key the user gives it, so it sees exactly what that key may see.
/// </summary>
internal sealed class DashboardPage
{
    public const string ResourceName = "Majordomo.dashboard.html";

    // Inline script and styles only, data from this origin only, no framing: a page showing spend and
    // traffic must not be embeddable, nor able to send what it reads anywhere else.
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private readonly byte[] _html = Load();

    /// <summary>True when the client asked for HTML (a browser); API clients keep the JSON answer of <c>GET /</c>.</summary>
    public static bool WantsPage(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public Task HandleAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        context.Response.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentLength = _html.Length;
        return context.Response.Body.WriteAsync(_html, context.RequestAborted).AsTask();
    }

    private static byte[] Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
