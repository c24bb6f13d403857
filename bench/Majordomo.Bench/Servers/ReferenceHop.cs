using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Majordomo.Bench.Servers;

/// <summary>
/// The reference hop of SPEC §6: the cheapest honest proxy on the same stack as the gateway.
/// Kestrel in, one pooled <see cref="HttpClient"/> out; the request body is streamed through,
/// headers are copied except the hop-by-hop ones, the response is read with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> and every read from upstream is written
/// and flushed straight away (YARP's <c>StreamCopier</c> without the telemetry). No routing, no
/// parsing. Every path is forwarded to <c>{upstream}{path}{query}</c>.
/// </summary>
internal sealed class ReferenceHop
{
    private const int CopyBufferSize = 16 * 1024;

    // One client for the process, as the brief asks: pooled keep-alive connections to the upstream.
    private static readonly HttpClient Client = new(
        new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = int.MaxValue,
        },
        disposeHandler: true)
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    private readonly string _upstreamBase;

    public ReferenceHop(Uri upstream)
    {
        _upstreamBase = upstream.GetLeftPart(UriPartial.Authority);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var cancellationToken = context.RequestAborted;

        using var upstreamRequest = new HttpRequestMessage(
            ToHttpMethod(request.Method),
            new Uri(_upstreamBase + request.Path.Value + request.QueryString.Value, UriKind.Absolute));
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            upstreamRequest.Content = new StreamContent(request.Body, CopyBufferSize);
        }

        foreach (var header in request.Headers)
        {
            if (HopByHopHeaders.Contains(header.Key))
            {
                continue;
            }

            if (!AddHeader(upstreamRequest.Headers, header.Key, header.Value) && upstreamRequest.Content is not null)
            {
                AddHeader(upstreamRequest.Content.Headers, header.Key, header.Value);
            }
        }

        HttpResponseMessage upstreamResponse;
        try
        {
            upstreamResponse = await Client.SendAsync(upstreamRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (HttpRequestException)
        {
            response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (upstreamResponse)
        {
            response.StatusCode = (int)upstreamResponse.StatusCode;
            CopyResponseHeaders(upstreamResponse.Headers, response.Headers);
            CopyResponseHeaders(upstreamResponse.Content.Headers, response.Headers);

            try
            {
                await using var upstreamBody = await upstreamResponse.Content.ReadAsStreamAsync(cancellationToken);
                var writer = response.BodyWriter;
                while (true)
                {
                    var memory = writer.GetMemory(CopyBufferSize);
                    var read = await upstreamBody.ReadAsync(memory, cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    writer.Advance(read);
                    var flush = await writer.FlushAsync(cancellationToken);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Client went away; disposing the response aborts the upstream call.
            }
            catch (IOException) when (response.HasStarted)
            {
                // Upstream broke mid-body: abort so the client sees a truncated response, not a clean end.
                context.Abort();
            }
        }
    }

    private static HttpMethod ToHttpMethod(string method) =>
        HttpMethods.IsPost(method) ? HttpMethod.Post
        : HttpMethods.IsGet(method) ? HttpMethod.Get
        : new HttpMethod(method);

    private static bool AddHeader(HttpHeaders headers, string name, StringValues values) =>
        values.Count == 1
            ? headers.TryAddWithoutValidation(name, values.ToString())
            : headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);

    private static void CopyResponseHeaders(HttpHeaders source, IHeaderDictionary destination)
    {
        foreach (var header in source.NonValidated)
        {
            if (HopByHopHeaders.Contains(header.Key))
            {
                continue;
            }

            var values = header.Value;
            destination[header.Key] = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
        }
    }
}
