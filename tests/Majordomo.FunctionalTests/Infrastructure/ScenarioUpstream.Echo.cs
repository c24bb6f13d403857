using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>
/// Upstreams that echo the request's headers (key included) in their errors, as real ones do
/// ("Incorrect API key provided: …", a 400 that dumps what it got): the redaction tests' adversary.
/// </summary>
public sealed partial class ScenarioUpstream
{
    /// <summary>The headers the upstream received, as "name: value; …" text and as an object.</summary>
    private static (string Text, Dictionary<string, string> Headers) Echo(HttpContext context)
    {
        // Key-bearing headers first, as in "Incorrect API key provided: …": the quote survives clipping.
        var headers = HeadersOf(context);
        var ordered = headers.OrderBy(h => h.Key is "authorization" or "x-api-key" ? 0 : 1).Select(h => h.Key + ": " + h.Value);
        return (string.Join("; ", ordered), headers);
    }

    /// <summary>Answers with <paramref name="status"/> and an error body, in the protocol called, quoting every request header.</summary>
    private static async Task EchoErrorAsync(HttpContext context, int status, bool anthropic, CancellationToken ct)
    {
        var (text, headers) = Echo(context);
        var message = "Request rejected. Headers received: " + text;
        object body = anthropic
            ? new { type = "error", error = new { type = "invalid_request_error", message }, request_headers = headers }
            : new { error = new { message, type = "invalid_request_error", code = "echo" }, request_headers = headers };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";

        // The default encoder escapes '+' and '/' variants: a key may reach the gateway escaped.
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), ct);
    }

    /// <summary>Streams two chunks, then an error event quoting every request header, and ends the response.</summary>
    private static async Task EchoMidStreamAsync(HttpContext context, string model, bool anthropic, CancellationToken ct)
    {
        var (text, headers) = Echo(context);
        var message = "Stream aborted. Headers received: " + text;
        await StartStreamAsync(context, ct);
        if (anthropic)
        {
            await AnthropicStartAsync(context, model, ct);
            await AnthropicEventAsync(context, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""", ct);
            await AnthropicEventAsync(context, "content_block_delta", TextDelta(0, "partial "), ct);
            await AnthropicEventAsync(context, "error", JsonSerializer.Serialize(new { type = "error", error = new { type = "api_error", message }, request_headers = headers }), ct);
            return;
        }

        await WriteEventAsync(context, Chunk(model, "partial ", null), ct);
        await WriteEventAsync(context, Chunk(model, "answer ", null), ct);
        await WriteEventAsync(context, JsonSerializer.Serialize(new { error = new { message, type = "server_error" }, request_headers = headers }), ct);
    }
}
