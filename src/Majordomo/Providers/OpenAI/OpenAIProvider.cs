using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Majordomo.Config;

namespace Majordomo.Providers.OpenAI;

/// <summary>
/// An OpenAI-compatible upstream (OpenAI, Copilot-style gateways, OpenRouter, Ollama, vLLM, llama.cpp).
/// One pooled <see cref="SocketsHttpHandler"/> per provider; responses are read as they arrive.
/// </summary>
internal sealed class OpenAIProvider : IChatProvider
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _completionsUri;
    private readonly KeyValuePair<string, string>[] _headers;

    public OpenAIProvider(ProviderConfig config, ILogger<OpenAIProvider> logger)
    {
        _ = logger;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(config.ConnectTimeoutMs ?? 10_000),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            AllowAutoRedirect = false,
            EnableMultipleHttp2Connections = true,
            MaxConnectionsPerServer = int.MaxValue,
        };

        // Timeouts are per attempt and owned by the executor (first token, total, deadline).
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var baseUrl = config.BaseUrl!.TrimEnd('/');
        _completionsUri = new Uri(baseUrl + "/chat/completions");
        _headers = config.Headers?.ToArray() ?? [];
    }

    public async Task<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken)
    {
        var body = OpenAIWire.RewriteBody(call.Request, call.UpstreamModelJson.Span, forceIncludeUsage: true);
        using var message = new HttpRequestMessage(HttpMethod.Post, _completionsUri)
        {
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = JsonContentType;
        if (call.Credential?.ApiKey is { Length: > 0 } key)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
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
        return new HttpUpstreamResponse(response);
    }

    public void Dispose() => _http.Dispose();

    private sealed class HttpUpstreamResponse(HttpResponseMessage response) : UpstreamResponse
    {
        public override int StatusCode => (int)response.StatusCode;

        public override TimeSpan? RetryAfter
        {
            get
            {
                var header = response.Headers.RetryAfter;
                if (header?.Delta is { } delta)
                {
                    return delta;
                }

                return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
            }
        }

        public override string? ContentType => response.Content.Headers.ContentType?.ToString();

        public override string Protocol => "openai";

        public override async Task<byte[]> ReadBodyAsync(int maxBytes, CancellationToken cancellationToken)
        {
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                throw new UpstreamBodyTooLargeException(maxBytes);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream(response.Content.Headers.ContentLength is { } l ? (int)l : 4096);
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        throw new UpstreamBodyTooLargeException(maxBytes);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }

        public override async IAsyncEnumerable<SseEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var parser = SseParser.Create(stream, static (type, data) => data.ToArray());
                await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return new SseEvent(item.EventType == SseParser.EventTypeDefault ? null : item.EventType, item.Data);
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }
        }
    }
}
