using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.OpenAI;

/// <summary>OpenAI Chat Completions: <c>/v1/chat/completions</c>, and the hub shape every translation goes through.</summary>
internal sealed class OpenAIProtocol() : WireProtocol(Id, new OpenAIStreamRelay())
{
    public const string Id = ProviderApis.OpenAI;

    public override ChatRequest Parse(ReadOnlyMemory<byte> body, bool toolHistory = false) => OpenAIRequestReader.Parse(body, OpenAIRequestReader.Dialect.OpenAI, toolHistory);

    public override OpenAIWire.CompletionShape InspectAnswer(ReadOnlySpan<byte> body, out Usage usage) => OpenAIWire.InspectCompletion(body, out usage);

    public override bool IsErrorAnswer(ReadOnlySpan<byte> body) => OpenAIWire.IsErrorPayload(body);

    public override bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data) => OpenAIWire.IsErrorPayload(data);

    public override byte[] Error(string message, string type, string? code) => ResponseTranslation.OpenAIError(message, type, code);

    public override IChatProvider CreateAdapter(ProviderConfig config) => new OpenAIProvider(config);
}

/// <summary>
/// OpenAI streams. What one upstream read delivered is searched once per marker, over all its bytes at
/// once rather than event by event: content chunks need only the finish reason and the delivered text.
/// From the first event that may be special on (an error object, a usage object, <c>[DONE]</c>), events
/// are inspected one by one. The read goes out as the upstream's own bytes; only when the usage-only chunk
/// the router asked for on the client's behalf is among them are the events after the plain prefix
/// re-framed one by one without it. The benchmarked hot path: nothing is allocated here.
/// </summary>
internal sealed class OpenAIStreamRelay : StreamRelay
{
    public override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress)
    {
        var count = CountAnswer(batch, ref progress);
        var raw = batch.Raw.Span;
        // A read of one event gains nothing from searching the read first: it is inspected as an event.
        var plain = raw.IsEmpty || count == 1 ? 0 : PlainEvents(batch, raw);
        if (plain > 0)
        {
            var prefix = raw[..batch.End(plain - 1)];
            progress.Finished = progress.Finished || OpenAIWire.AnyFinishReason(prefix);
            progress.TextBytes += TextBytes(prefix);
        }

        var drop = false;
        string? error = null;
        for (var i = plain; i < count; i++)
        {
            var data = batch.Data(i);
            if (data.SequenceEqual(OpenAIWire.DoneData))
            {
                progress.Ended = true;
                count = i + 1;
                break;
            }

            if (IsErrorEvent(data))
            {
                // Not forwarded (its text may echo the request's key): the stream ends with the router's error.
                error = ErrorReason(data);
                count = i;
                break;
            }

            if (OpenAIWire.TryReadUsage(data, out var u))
            {
                progress.Usage = u;

                // The router asked for usage on the client's behalf; do not show a chunk it did not ask for.
                drop |= !progress.ClientWantsUsage && OpenAIWire.IsUsageOnlyChunk(data);
            }

            progress.Finished = progress.Finished || OpenAIWire.HasFinishReason(data);
            progress.TextBytes += TextBytes(data);
        }

        if (!drop && count == batch.Count && !raw.IsEmpty)
        {
            writer.WriteRaw(raw);
            return error;
        }

        // Rare: the plain prefix as it came, then event by event, leaving out the usage-only chunks.
        var from = 0;
        if (plain > 0)
        {
            writer.WriteRaw(raw[..batch.End(plain - 1)]);
            from = plain;
        }

        for (var i = from; i < count; i++)
        {
            var data = batch.Data(i);
            if (!(drop && OpenAIWire.IsUsageOnlyChunk(data) && OpenAIWire.TryReadUsage(data, out _)))
            {
                writer.WriteEvent(batch.EventType(i), data);
            }
        }

        return error;
    }

    /// <summary>
    /// How many events at the start of the batch are plain content chunks: those wholly before the first usage
    /// object in the read's bytes (one search over the whole read), and before the first event that may be an
    /// error (a chunk beginning <c>{"id"</c> cannot: no search) or is <c>[DONE]</c> (an event's whole data, compared).
    /// </summary>
    private static int PlainEvents(SseBatch batch, ReadOnlySpan<byte> raw)
    {
        var usage = OpenAIWire.FirstUsageObject(raw);
        var special = usage >= 0 ? usage : raw.Length;
        var plain = 0;
        while (plain < batch.Count && batch.End(plain) <= special && !IsSpecial(batch.Data(plain)))
        {
            plain++;
        }

        return plain;

        static bool IsSpecial(ReadOnlySpan<byte> data) => data.SequenceEqual(OpenAIWire.DoneData) || OpenAIWire.MayBeErrorPayload(data);
    }

    /// <summary>Bytes of answer text (content and tool-call arguments) in one event or a run of whole events.</summary>
    private static long TextBytes(ReadOnlySpan<byte> json) => StringBytes(json, "\"content\""u8) + StringBytes(json, "\"arguments\""u8);

    /// <summary>
    /// An OpenAI stream event that is an error (<c>{"error":…}</c>) rather than a chunk. A chunk that begins
    /// <c>{"id"</c> costs no search at all; only events that may be one are parsed.
    /// </summary>
    private static bool IsErrorEvent(ReadOnlySpan<byte> data) =>
        OpenAIWire.MayBeErrorPayload(data) && OpenAIWire.IsErrorPayload(data);
}
