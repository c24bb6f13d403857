using System.Buffers;
using System.Text.Json;
using Majordomo.Gateway;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;

namespace Majordomo.Api;

/// <summary>
/// <c>POST /v1/route</c>: the <c>route</c> verb over HTTP (SPEC §4). Takes a chat body in either
/// protocol's shape plus the usual <c>X-Router-*</c> headers, and answers how it would be routed,
/// without calling any model, executing a command or waiting in a queue.
/// </summary>
internal sealed class ExplainEndpoint(SnapshotHolder snapshots, SmartRouter router, RequestIds ids)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = ids.New();
        var snapshot = snapshots.Current;
        var catalog = snapshot.Catalog;
        if (!GatewayAuth.IsAuthorized(context, snapshot.Keys))
        {
            await Errors.WriteAsync(context, 401, "Missing or invalid gateway API key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.", "authentication_error", "invalid_api_key").ConfigureAwait(false);
            return;
        }

        var (buffer, length, failure) = await ChatCompletionsEndpoint.ReadBodyAsync(context.Request, catalog.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (failure is not null)
        {
            var tooLarge = failure == ChatCompletionsEndpoint.BodyFailure.TooLarge;
            await Errors.WriteAsync(context, tooLarge ? 413 : 400,
                tooLarge ? $"The request body is larger than the limit of {catalog.MaxRequestBytes} bytes (server.maxRequestBytes)." : "The request body could not be read.",
                "invalid_request_error", tooLarge ? "request_too_large" : "invalid_body").ConfigureAwait(false);
            return;
        }

        try
        {
            Chat.ChatRequest request;
            try
            {
                request = OpenAIRequestReader.Parse(new ReadOnlyMemory<byte>(buffer, 0, length));
            }
            catch (RequestValidationException ex)
            {
                await Errors.WriteAsync(context, 400, ex.Message, "invalid_request_error", "invalid_request", ex.Param).ConfigureAwait(false);
                return;
            }

            request.Metadata = ChatCompletionsEndpoint.MetadataOf(context.Request.Headers, request);
            var explanation = await RouteExplainer.ExplainAsync(router, snapshot.Routing, request, null, context.RequestAborted).ConfigureAwait(false);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(explanation, RouteExplanationJson.Relaxed.RouteExplanation);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer!);
        }
    }
}
