using System.Text.Json;
using Majordomo.Engine;
using Majordomo.Gateway;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;

namespace Majordomo.Api;

/// <summary>
/// <c>POST /v1/route</c>: the <c>route</c> verb over HTTP (SPEC §4). Takes a body in any ingress's shape
/// (Chat Completions, Messages, or Responses when it has <c>input</c> and no <c>messages</c>) plus the usual <c>X-Router-*</c> headers, and answers how it would be routed,
/// without calling any model, executing a command or waiting in a queue.
/// </summary>
internal sealed class ExplainEndpoint(SnapshotHolder snapshots, RouteDecider router, RequestIds ids)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = ids.New();
        var snapshot = snapshots.Current;
        if (await Admission.AdmitAsync(context, snapshot, Ingress.OpenAI).ConfigureAwait(false) is not { } admitted)
        {
            return;
        }

        using var body = admitted.Body;
        Chat.ChatRequest request;
        try
        {
            request = OpenAIRequestReader.Parse(body.Memory, DialectOf(body.Memory.Span));
        }
        catch (RequestValidationException ex)
        {
            await Errors.WriteAsync(context, 400, ex.Message, "invalid_request_error", "invalid_request", ex.Param).ConfigureAwait(false);
            return;
        }

        using var made = request;

        request.Metadata = ChatCompletionsEndpoint.MetadataOf(context.Request.Headers, request);
        request.ApiKeyName = admitted.KeyName;
        var explanation = await RouteExplainer.ExplainAsync(router, snapshot.Routing, request, admitted.KeyName, context.RequestAborted).ConfigureAwait(false);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(explanation, RouteExplanationJson.Relaxed.RouteExplanation);
        await JsonAnswers.WriteAsync(context, 200, bytes).ConfigureAwait(false);
    }

    /// <summary>
    /// Chat Completions and Messages bodies share the OpenAI dialect's pass; a Responses body (Codex's) names
    /// its turns <c>input</c>. One skim of the top level tells them apart; a malformed body is left to the parse.
    /// </summary>
    private static OpenAIRequestReader.Dialect DialectOf(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 128 });
        var (input, messages) = (false, false);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return OpenAIRequestReader.Dialect.OpenAI;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                input |= reader.ValueTextEquals("input"u8);
                messages |= reader.ValueTextEquals("messages"u8);
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return OpenAIRequestReader.Dialect.OpenAI;
        }

        return input && !messages ? OpenAIRequestReader.Dialect.Responses : OpenAIRequestReader.Dialect.OpenAI;
    }
}
