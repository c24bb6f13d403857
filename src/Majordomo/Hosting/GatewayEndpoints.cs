using Majordomo.Api;

namespace Majordomo.Hosting;

/// <summary>
/// One row per endpoint. The route table, the 405 for a known path with the wrong method, the
/// not-configured 503 and the lists in <c>GET /</c> and the 404 all read this list, so adding an
/// endpoint is one line here.
/// </summary>
/// <param name="Ingress">The error shape for this path (405, 503, refusals).</param>
/// <param name="NeedsConfig">Answered with 503 <c>not_configured</c> while no config is loaded.</param>
internal sealed record GatewayEndpoint(string Method, string Path, Ingress Ingress, RequestDelegate Handler, bool NeedsConfig = false);

internal static class GatewayEndpoints
{
    public static IReadOnlyList<GatewayEndpoint> All(IServiceProvider services)
    {
        var chat = services.GetRequiredService<ChatCompletionsEndpoint>();
        var countTokens = new CountTokensEndpoint(services.GetRequiredService<Gateway.SnapshotHolder>());
        var explain = services.GetRequiredService<ExplainEndpoint>();
        var info = services.GetRequiredService<InfoEndpoints>();
        var usage = services.GetRequiredService<UsageEndpoints>();
        var metrics = services.GetRequiredService<Monitoring.MetricsEndpoint>();
        var dashboard = services.GetRequiredService<Dashboard.DashboardPage>();
        var requestLog = services.GetRequiredService<RequestLogEndpoint>();
        return
        [
            .. Ingress.All.Select(ingress => new GatewayEndpoint("POST", ingress.Path, ingress, context => chat.HandleAsync(context, ingress), NeedsConfig: true)),
            new("POST", "/v1/messages/count_tokens", Ingress.Anthropic, countTokens.HandleAsync, NeedsConfig: true),
            new("POST", "/v1/route", Ingress.OpenAI, explain.HandleAsync, NeedsConfig: true),
            new("GET", "/v1/models", Ingress.OpenAI, info.ModelsAsync),
            new("GET", "/v1/requests", Ingress.OpenAI, requestLog.HandleAsync),
            new("GET", "/health", Ingress.OpenAI, info.HealthAsync),

            // Load balancers probe with HEAD: the same status and headers, and Kestrel sends no body for HEAD.
            new("HEAD", "/health", Ingress.OpenAI, info.HealthAsync),
            new("GET", "/usage", Ingress.OpenAI, usage.UsageAsync),
            new("GET", "/stats", Ingress.OpenAI, usage.StatsAsync),
            new("GET", "/metrics", Ingress.OpenAI, metrics.HandleAsync),
            new("GET", "/dashboard", Ingress.OpenAI, dashboard.HandleAsync),
        ];
    }

    public static GatewayEndpoint? ForPath(IReadOnlyList<GatewayEndpoint> endpoints, PathString path)
    {
        foreach (var endpoint in endpoints)
        {
            if (path.Equals(endpoint.Path))
            {
                return endpoint;
            }
        }

        return null;
    }

    /// <summary>
    /// The endpoint list: JSON (<c>{"name", "version", "endpoints": ["POST /v1/chat/completions", …]}</c>)
    /// for <c>Accept: application/json</c>, else one line of text. Whatever serves <c>GET /</c> (the
    /// dashboard) keeps answering JSON clients with this.
    /// </summary>
    public static async Task WriteIndexAsync(HttpContext context, IReadOnlyList<GatewayEndpoint> endpoints)
    {
        if (WantsJson(context.Request))
        {
            context.Response.ContentType = "application/json";
            await using var writer = new System.Text.Json.Utf8JsonWriter(context.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteString("name", "majordomo");
            writer.WriteString("version", InfoEndpoints.Version);
            writer.WriteStartArray("endpoints");
            foreach (var endpoint in endpoints)
            {
                writer.WriteStringValue(endpoint.Method + " " + endpoint.Path);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Majordomo " + InfoEndpoints.Version + " is running. Endpoints: " + List(endpoints, ", ") + ".\n", context.RequestAborted).ConfigureAwait(false);
    }

    public static bool WantsJson(HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept)
        {
            if (accept is not null && accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"POST /v1/chat/completions, …, GET /usage{last}GET /stats".</summary>
    public static string List(IReadOnlyList<GatewayEndpoint> endpoints, string last)
    {
        var names = endpoints.Select(e => e.Method + " " + e.Path).ToArray();
        return names.Length < 2 ? string.Concat(names) : string.Join(", ", names[..^1]) + last + names[^1];
    }
}
