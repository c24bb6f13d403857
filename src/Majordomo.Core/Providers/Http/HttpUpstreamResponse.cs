namespace Majordomo.Providers.Http;

/// <summary>An HTTP answer read as it arrives; shared by the HTTP adapters of every protocol.</summary>
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

    public override string? ContentType
    {
        get
        {
            // The usual values are passed on as the upstream wrote them (the parse and re-format below returns the
            // same text for them, at a header object and ~40 ns per answer); any other value is normalised as before.
            var headers = response.Content.Headers;
            if (headers.NonValidated.TryGetValues("Content-Type", out var raw) && raw.Count == 1 &&
                raw.ToString() is var usual && usual is "application/json" or "application/json; charset=utf-8")
            {
                return usual;
            }

            return headers.ContentType?.ToString();
        }
    }

    public override long? ContentLength => response.Content.Headers.ContentLength;

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

            var buffer = PooledBuffers.Rent(16 * 1024);
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
                        var bigger = PooledBuffers.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, used).CopyTo(bigger);
                        PooledBuffers.Return(buffer);
                        buffer = bigger;
                    }
                }

                return buffer.AsSpan(0, used).ToArray();
            }
            finally
            {
                PooledBuffers.Return(buffer);
            }
        }
    }

    // No async wrapper per read: SocketsHttpHandler's content hands its stream over synchronously (it exists
    // once the headers are in), so opening it needs no task either.
    public override ValueTask<int> ReadBodyPartAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Body(cancellationToken).ReadAsync(buffer, cancellationToken);

    public override ValueTask<bool> ReadEventsAsync(SseBatch batch, CancellationToken cancellationToken) =>
        (_events ??= new SseBatchReader(Body(cancellationToken), MaxEventBytes)).ReadAsync(batch, cancellationToken);

    private Stream Body(CancellationToken cancellationToken) => _stream ??= response.Content.ReadAsStream(cancellationToken);

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
