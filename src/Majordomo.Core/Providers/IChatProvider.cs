using Majordomo.Chat;

namespace Majordomo.Providers;

/// <summary>One credential of a provider. <see cref="ToString"/> never shows the key.</summary>
internal sealed class Credential(string id, string? apiKey)
{
    public string Id { get; } = id;

    internal string? ApiKey { get; } = apiKey;

    /// <summary>The <c>Authorization</c> value for a bearer key, made once: sent as is, not parsed and formatted per call.</summary>
    internal string? Bearer { get; } = apiKey is { Length: > 0 } ? "Bearer " + apiKey : null;

    public override string ToString() => Id;
}

/// <summary>What one attempt sends: the client's request, the upstream model name and the credential.</summary>
internal sealed record UpstreamCall(ChatRequest Request, string UpstreamModel, ReadOnlyMemory<byte> UpstreamModelJson, Credential? Credential)
{
    /// <summary>The model's <c>maxOutputTokens</c>: the <c>max_tokens</c> sent to an upstream that requires one when the client gave none.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>The model lists the <c>reasoning</c> capability: translation maps <c>thinking</c> ⇄ <c>reasoning_effort</c>.</summary>
    public bool Reasoning { get; init; }
}

/// <summary>
/// An upstream answer whose headers have arrived. The executor reads either the body (non-stream, and
/// error bodies) or the events (stream); disposing it releases the connection.
/// </summary>
internal abstract class UpstreamResponse : IDisposable
{
    /// <summary>The largest non-streamed answer the gateway takes (refused before the commit when declared, cut when found later).</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    private byte[]? _whole;
    private int _served;

    public abstract int StatusCode { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The upstream's <c>Retry-After</c>, if it sent one.</summary>
    public abstract TimeSpan? RetryAfter { get; }

    public abstract string? ContentType { get; }

    /// <summary>The body's declared length, when the upstream sent one.</summary>
    public virtual long? ContentLength => null;

    /// <summary>Reads the whole body; throws <see cref="UpstreamBodyTooLargeException"/> past <paramref name="maxBytes"/>.</summary>
    public abstract Task<byte[]> ReadBodyAsync(int maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the next part of the body into <paramref name="buffer"/> (0 at its end), so a big answer can be
    /// forwarded as it arrives. This default serves the body read whole: for answers built in memory anyway
    /// (translated, simulated); an HTTP answer reads its socket instead.
    /// </summary>
    public virtual async ValueTask<int> ReadBodyPartAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        _whole ??= await ReadBodyAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        var part = Math.Min(buffer.Length, _whole.Length - _served);
        _whole.AsMemory(_served, part).CopyTo(buffer);
        _served += part;
        return part;
    }

    /// <summary>
    /// Reads the next events of a streamed answer into <paramref name="batch"/> (every event one read
    /// made available, at least one); false when the stream has ended.
    /// </summary>
    public abstract ValueTask<bool> ReadEventsAsync(SseBatch batch, CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

internal sealed class UpstreamBodyTooLargeException(int limit) : Exception($"the upstream answer is larger than {limit} bytes")
{
    public int Limit { get; } = limit;
}

/// <summary>
/// The provider seam, shaped like M.E.AI's <c>IChatClient</c> but wire-level: one call per attempt.
/// Adapters translate protocols when they must and forward bytes when they can.
/// </summary>
internal interface IChatProvider : IDisposable
{
    /// <summary>Sends one attempt and returns once the response headers have arrived (awaited once: a <c>ValueTask</c>, so an
    /// implementation may reuse its state machine).</summary>
    ValueTask<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken);
}
