using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Gateway;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Api;

/// <summary>
/// <c>POST /v1/messages/count_tokens</c> (Anthropic's token counter, which Claude Code and the SDKs
/// call): answers <c>{"input_tokens": N}</c> with the router's own count (o200k, the one behind context
/// fit and budgets), without an upstream call — the model that will answer is not known until the
/// request is routed.
/// </summary>
internal sealed class CountTokensEndpoint(SnapshotHolder snapshots)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (await Admission.AdmitAsync(context, snapshots.Current, Ingress.Anthropic).ConfigureAwait(false) is not { } admitted)
        {
            return;
        }

        using var body = admitted.Body;
        if (!IsObjectWithMessages(body.Memory.Span))
        {
            await AnthropicErrors.WriteAsync(context, 400, "The request body must be a JSON object with 'messages'.", "invalid_request").ConfigureAwait(false);
            return;
        }

        using var prompt = PromptView.Parse(body.Memory.Span, AnthropicProtocol.Id);
        var tokens = prompt.EstimatedPromptTokens;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"input_tokens\":" + tokens.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", context.RequestAborted).ConfigureAwait(false);
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
