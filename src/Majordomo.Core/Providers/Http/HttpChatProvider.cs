using System.Net;
using System.Net.Http.Headers;
using Majordomo.Config;

namespace Majordomo.Providers.Http;

/// <summary>
/// What every HTTP upstream shares: one pooled <see cref="SocketsHttpHandler"/> per provider, the POST of
/// the spliced body, <c>Accept</c> for streams, the configured headers last (so they win), and an answer
/// read as it arrives. A protocol's adapter supplies only its URL, its body and its own headers.
/// </summary>
internal abstract class HttpChatProvider : IChatProvider
{
    // The handler is called through an invoker, not an HttpClient: HttpClient links a token source to every
    // cancellable call (for its own Timeout and CancelPendingRequests, neither used here: the executor owns
    // the timeouts) and adds an async layer; that was ~0.5 KB and a few registrations per call.
    private readonly HttpMessageInvoker _http;
    private readonly Uri _uri;
    private readonly KeyValuePair<string, string>[] _headers;

    protected HttpChatProvider(ProviderConfig config, Uri uri)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(config.ConnectTimeoutMs ?? 10_000),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            // No Accept-Encoding upstream: bodies are parsed for usage and forwarded, so identity is cheapest.
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
            EnableMultipleHttp2Connections = true,
            MaxConnectionsPerServer = int.MaxValue,
        };

        // Timeouts are per attempt and owned by the executor (first token, total, deadline).
        _http = new HttpMessageInvoker(handler, disposeHandler: true);
        _uri = uri;
        _headers = config.Headers?.ToArray() ?? [];
    }

    // Every upstream call waits here: the pooling builder reuses the state machine instead of a new box per call.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(Body(call)),
        };
        // Constant values stored as they are: a parsed header object is formatted to text again on every send.
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        AddProtocolHeaders(message.Headers, call);
        if (call.Request.Stream)
        {
            // A constant, valid value: stored as is rather than parsed into a header object per call.
            message.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        }

        foreach (var (name, value) in _headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        // SocketsHttpHandler answers once the headers are in; the body is read as it arrives (ResponseHeadersRead).
        var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new HttpUpstreamResponse(response);
    }

    /// <summary>The upstream body: the request's bytes with <c>model</c> spliced in (never re-serialised).</summary>
    protected abstract byte[] Body(UpstreamCall call);

    /// <summary>Auth and protocol headers (the credential's key, versions, betas).</summary>
    protected abstract void AddProtocolHeaders(HttpRequestHeaders headers, UpstreamCall call);

    /// <summary>The credential's key as a bearer token, its header value made once per credential.</summary>
    protected static void AddBearer(HttpRequestHeaders headers, Credential? credential)
    {
        if (credential?.Bearer is { } bearer)
        {
            headers.TryAddWithoutValidation("Authorization", bearer);
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
        }
    }
}
