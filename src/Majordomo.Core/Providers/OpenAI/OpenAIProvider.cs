using System.Net.Http.Headers;
using Majordomo.Config;
using Majordomo.Providers.Http;

namespace Majordomo.Providers.OpenAI;

/// <summary>
/// An OpenAI-compatible upstream (OpenAI, Copilot-style gateways, OpenRouter, Ollama, vLLM, llama.cpp):
/// <c>{baseUrl}/chat/completions</c> with a bearer key. The HTTP plumbing is <see cref="HttpChatProvider"/>'s.
/// </summary>
internal sealed class OpenAIProvider(ProviderConfig config) : HttpChatProvider(config, new Uri(config.BaseUrl!.TrimEnd('/') + "/chat/completions"))
{
    protected override byte[] Body(UpstreamCall call) => OpenAIWire.RewriteBody(call.Request, call.UpstreamModelJson.Span, forceIncludeUsage: true);

    protected override void AddProtocolHeaders(HttpRequestHeaders headers, UpstreamCall call) => AddBearer(headers, call.Credential);
}
