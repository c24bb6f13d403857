using System.Net.Http.Headers;
using Majordomo.Config;
using Majordomo.Providers.Http;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// An Anthropic Messages upstream (<c>"api": "anthropic"</c>). It speaks only its own protocol: the
/// request's bytes are forwarded with <c>model</c> replaced and the router's metadata keys taken out;
/// an OpenAI-protocol request reaches it through <see cref="ProtocolBridge"/>, already translated.
/// Auth is <c>x-api-key</c>, and <c>anthropic-version</c> is always sent (a configured header wins).
/// </summary>
internal sealed class AnthropicProvider(ProviderConfig config) : HttpChatProvider(config, MessagesUri(config.BaseUrl!))
{
    private readonly bool _configuredVersion = config.Headers?.Keys.Any(h => h.Equals("anthropic-version", StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>
    /// Anthropic's SDKs take the host (<c>https://api.anthropic.com</c>) and add <c>/v1/messages</c>; OpenAI
    /// habits put <c>/v1</c> in the base URL. Both work: a base URL ending in <c>/v1</c> gets <c>/messages</c>.
    /// </summary>
    internal static Uri MessagesUri(string baseUrl)
    {
        var trimmed = baseUrl.TrimEnd('/');
        return new Uri(trimmed.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? trimmed + "/messages" : trimmed + "/v1/messages");
    }

    protected override byte[] Body(UpstreamCall call) => OpenAIWire.RewriteBody(call.Request, call.UpstreamModelJson.Span, forceIncludeUsage: false);

    protected override void AddProtocolHeaders(HttpRequestHeaders headers, UpstreamCall call)
    {
        if (call.Credential?.ApiKey is { Length: > 0 } key)
        {
            headers.TryAddWithoutValidation("x-api-key", key);
        }

        if (!_configuredVersion)
        {
            headers.TryAddWithoutValidation("anthropic-version", AnthropicWire.Version);
        }

        // The client's beta flags (prompt caching, long context, …) matter to the same protocol only.
        if (call.Request.AnthropicBeta is { Length: > 0 } beta)
        {
            headers.TryAddWithoutValidation("anthropic-beta", beta);
        }
    }
}
