using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
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
            // No Accept-Encoding upstream: bodies are parsed for usage and forwarded, so identity is cheapest.
            AutomaticDecompression = DecompressionMethods.None,
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

    /// <summary>An HTTP answer read as it arrives; shared by the HTTP adapters of both protocols.</summary>
    internal sealed class HttpUpstreamResponse(HttpResponseMessage response) : UpstreamResponse
    {
        /// <summary>One SSE event larger than this (no blank line in sight) ends the stream as a failure.</summary>
        private const int MaxEventBytes = 16 * 1024 * 1024;

        private Stream? _stream;
        private SseBatchReader? _events;

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

        public override async Task<byte[]> ReadBodyAsync(int maxBytes, CancellationToken cancellationToken)
        {
            var declared = response.Content.Headers.ContentLength;
            if (declared > maxBytes)
            {
                throw new UpstreamBodyTooLargeException(maxBytes);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (declared is { } length)
                {
                    // The common case: one exact allocation, no scratch buffer.
                    var exact = new byte[length];
                    await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
                    return exact;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                var used = 0;
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer.AsMemory(used), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        used += read;
                        if (used > maxBytes)
                        {
                            throw new UpstreamBodyTooLargeException(maxBytes);
                        }

                        if (used == buffer.Length)
                        {
                            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            buffer.AsSpan(0, used).CopyTo(bigger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = bigger;
                        }
                    }

                    return buffer.AsSpan(0, used).ToArray();
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        // No async wrapper per read once the stream is open: one state machine per event is enough.
        public override ValueTask<bool> ReadEventsAsync(SseBatch batch, CancellationToken cancellationToken) =>
            _events is { } events ? events.ReadAsync(batch, cancellationToken) : OpenAndReadAsync(batch, cancellationToken);

        private async ValueTask<bool> OpenAndReadAsync(SseBatch batch, CancellationToken cancellationToken)
        {
            _stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            _events = new SseBatchReader(_stream, MaxEventBytes);
            return await _events.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _events?.Complete();
                _stream?.Dispose();
                response.Dispose();
            }
        }
    }
}
