using System.Net;
using System.Net.Http.Headers;
using Majordomo.Config;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// An Anthropic Messages upstream (<c>"api": "anthropic"</c>). It speaks only its own protocol: the
/// request's bytes are forwarded with <c>model</c> replaced and the router's metadata keys taken out;
/// an OpenAI-protocol request reaches it through <see cref="ProtocolBridge"/>, already translated.
/// Auth is <c>x-api-key</c>, and <c>anthropic-version</c> is always sent (a configured header wins).
/// </summary>
internal sealed class AnthropicProvider : IChatProvider
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _messagesUri;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly bool _configuredVersion;

    public AnthropicProvider(ProviderConfig config)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(config.ConnectTimeoutMs ?? 10_000),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
            EnableMultipleHttp2Connections = true,
            MaxConnectionsPerServer = int.MaxValue,
        };

        // Timeouts are per attempt and owned by the executor.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _messagesUri = MessagesUri(config.BaseUrl!);
        _headers = config.Headers?.ToArray() ?? [];
        _configuredVersion = _headers.Any(h => h.Key.Equals("anthropic-version", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Anthropic's SDKs take the host (<c>https://api.anthropic.com</c>) and add <c>/v1/messages</c>; OpenAI
    /// habits put <c>/v1</c> in the base URL. Both work: a base URL ending in <c>/v1</c> gets <c>/messages</c>.
    /// </summary>
    internal static Uri MessagesUri(string baseUrl)
    {
        var trimmed = baseUrl.TrimEnd('/');
        return new Uri(trimmed.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? trimmed + "/messages" : trimmed + "/v1/messages");
    }

    public async Task<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken)
    {
        var body = OpenAIWire.RewriteBody(call.Request, call.UpstreamModelJson.Span, forceIncludeUsage: false);
        using var message = new HttpRequestMessage(HttpMethod.Post, _messagesUri)
        {
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = JsonContentType;
        if (call.Credential?.ApiKey is { Length: > 0 } key)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", key);
        }

        if (!_configuredVersion)
        {
            message.Headers.TryAddWithoutValidation("anthropic-version", AnthropicWire.Version);
        }

        // The client's beta flags (prompt caching, long context, …) matter to the same protocol only.
        if (call.Request.AnthropicBeta is { Length: > 0 } beta)
        {
            message.Headers.TryAddWithoutValidation("anthropic-beta", beta);
        }

        if (call.Request.Stream)
        {
            message.Headers.Accept.ParseAdd("text/event-stream");
        }

        foreach (var (name, value) in _headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return new OpenAIProvider.HttpUpstreamResponse(response);
    }

    public void Dispose() => _http.Dispose();
}
