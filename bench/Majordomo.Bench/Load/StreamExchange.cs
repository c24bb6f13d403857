using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Majordomo.Bench.Load;

/// <summary>How one request of a load run ended; <see cref="Error"/> is null when it succeeded in full.</summary>
internal readonly record struct ExchangeOutcome(string? Error, long FirstChunkTicks, long TotalTicks, int Chunks, int OutOfOrder);

/// <summary>
/// One request of the concurrent load modes (<c>paced</c>, <c>soak</c>) over a shared <see cref="HttpClient"/>.
/// A stream is read event by event: every numbered chunk (<c>#i;</c>, from <c>mock --paced</c>) must come
/// once and in order, an error event or a stream without <c>[DONE]</c> is an error, and the time to the first
/// chunk is kept. A non-stream answer must be a 200 with a body.
/// </summary>
internal static class StreamExchange
{
    private const int BufferSize = 8 * 1024;

    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Sends <paramref name="body"/>; for a stream, checks <paramref name="expectedChunks"/> numbered chunks (0: count content chunks only).</summary>
    public static async Task<ExchangeOutcome> RunAsync(
        HttpClient client, Uri url, byte[] body, string apiKey, bool stream, int expectedChunks, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new ExchangeOutcome($"HTTP {(int)response.StatusCode}", 0, Stopwatch.GetTimestamp() - start, 0, 0);
            }

            if (!stream)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var ticks = Stopwatch.GetTimestamp() - start;
                return new ExchangeOutcome(bytes.Length == 0 ? "empty body" : null, ticks, ticks, 0, 0);
            }

            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await ReadEventsAsync(content, start, expectedChunks, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ExchangeOutcome("cancelled at the end of the run", 0, Stopwatch.GetTimestamp() - start, 0, 0);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return new ExchangeOutcome(ex.GetType().Name + ": " + (ex.InnerException?.Message ?? ex.Message), 0, Stopwatch.GetTimestamp() - start, 0, 0);
        }
    }

    private static async Task<ExchangeOutcome> ReadEventsAsync(Stream content, long start, int expectedChunks, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var state = new EventState();
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    return state.Outcome("an event larger than the read buffer", start);
                }

                var read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var consumed = state.Scan(buffer.AsSpan(0, filled), start);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }

            var error = state.Error
                ?? (!state.Done ? "no [DONE]"
                : expectedChunks > 0 && state.Chunks != expectedChunks ? $"{state.Chunks} of {expectedChunks} chunks"
                : state.OutOfOrder > 0 ? "chunks out of order"
                : null);
            return state.Outcome(error, start);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>What the events of one stream showed so far.</summary>
    private sealed class EventState
    {
        public int Chunks;
        public int OutOfOrder;
        public bool Done;
        public string? Error;
        private long _firstChunk;

        public ExchangeOutcome Outcome(string? error, long start) =>
            new(error, _firstChunk == 0 ? 0 : _firstChunk - start, Stopwatch.GetTimestamp() - start, Chunks, OutOfOrder);

        /// <summary>Handles every complete event (ending in a blank line) in <paramref name="bytes"/>; returns the bytes used.</summary>
        public int Scan(ReadOnlySpan<byte> bytes, long start)
        {
            var used = 0;
            while (true)
            {
                var end = bytes[used..].IndexOf("\n\n"u8);
                if (end < 0)
                {
                    return used;
                }

                Event(bytes.Slice(used, end));
                used += end + 2;
            }
        }

        private void Event(ReadOnlySpan<byte> e)
        {
            if (!e.StartsWith("data: "u8))
            {
                return;
            }

            var data = e[6..];
            if (data.SequenceEqual("[DONE]"u8))
            {
                Done = true;
                return;
            }

            if (data.StartsWith("{\"error\""u8))
            {
                Error ??= "error event";
                return;
            }

            var at = data.IndexOf("\"content\":\""u8);
            if (at < 0)
            {
                return; // the usage chunk
            }

            if (_firstChunk == 0)
            {
                _firstChunk = Stopwatch.GetTimestamp();
            }

            var text = data[(at + 11)..];
            if (text.Length > 0 && text[0] == (byte)'#')
            {
                // A numbered chunk must be the next one.
                if (!Utf8Parser.TryParse(text[1..], out int number, out _) || number != Chunks)
                {
                    OutOfOrder++;
                }
            }

            Chunks++;
        }
    }
}
