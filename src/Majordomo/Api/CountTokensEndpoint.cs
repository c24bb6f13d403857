using System.Buffers;
using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Gateway;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Api;

/// <summary>
/// <c>POST /v1/messages/count_tokens</c> (Anthropic's token counter, which Claude Code and the SDKs
/// call): answers <c>{"input_tokens": N}</c> from the router's own estimate, without an upstream call —
/// the model that will answer is not known until the request is routed, and no tokenizer restores here.
/// </summary>
internal sealed class CountTokensEndpoint(SnapshotHolder snapshots)
{
    public async Task HandleAsync(HttpContext context)
    {
        var snapshot = snapshots.Current;
        var catalog = snapshot.Catalog;
        if (!GatewayAuth.IsAuthorized(context, snapshot.Keys))
        {
            await AnthropicErrors.WriteAsync(context, 401, "Missing or invalid gateway API key. Send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.", "invalid_api_key").ConfigureAwait(false);
            return;
        }

        var (buffer, length, failure) = await ChatCompletionsEndpoint.ReadBodyAsync(context.Request, catalog.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        if (failure is not null)
        {
            var tooLarge = failure == ChatCompletionsEndpoint.BodyFailure.TooLarge;
            await AnthropicErrors.WriteAsync(context, tooLarge ? 413 : 400, tooLarge
                ? $"The request body is larger than the limit of {catalog.MaxRequestBytes} bytes (server.maxRequestBytes)."
                : "The request body could not be read.", tooLarge ? "request_too_large" : "invalid_body").ConfigureAwait(false);
            return;
        }

        try
        {
            var body = buffer.AsMemory(0, length);
            if (!IsObjectWithMessages(body.Span))
            {
                await AnthropicErrors.WriteAsync(context, 400, "The request body must be a JSON object with 'messages'.", "invalid_request").ConfigureAwait(false);
                return;
            }

            var tokens = PromptView.Parse(body.Span, AnthropicWire.Protocol).EstimatedPromptTokens;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"input_tokens\":" + tokens.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer!);
        }
    }

    private static bool IsObjectWithMessages(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var hasMessages = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var messages = reader.ValueTextEquals("messages"u8);
                reader.Read();
                hasMessages |= messages && reader.TokenType == JsonTokenType.StartArray;
                reader.Skip();
            }

            return hasMessages && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
