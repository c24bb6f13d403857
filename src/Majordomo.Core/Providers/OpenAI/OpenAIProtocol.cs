using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.OpenAI;

/// <summary>OpenAI Chat Completions: <c>/v1/chat/completions</c>, and the hub shape every translation goes through.</summary>
internal sealed class OpenAIProtocol() : WireProtocol(Id, new OpenAIStreamRelay())
{
    public const string Id = ProviderApis.OpenAI;

    public override ChatRequest Parse(ReadOnlyMemory<byte> body) => OpenAIRequestReader.Parse(body);

    public override OpenAIWire.CompletionShape InspectAnswer(ReadOnlySpan<byte> body, out Usage usage) => OpenAIWire.InspectCompletion(body, out usage);

    public override bool IsErrorAnswer(ReadOnlySpan<byte> body) => OpenAIWire.IsErrorPayload(body);

    public override bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data) => OpenAIWire.IsErrorPayload(data);

    public override byte[] Error(string message, string type, string? code) => ResponseTranslation.OpenAIError(message, type, code);

    public override IChatProvider CreateAdapter(ProviderConfig config) => new OpenAIProvider(config);
}

/// <summary>
/// OpenAI streams: every event is inspected (usage, finish, <c>[DONE]</c>), then what one upstream read
/// delivered is forwarded as the upstream's own bytes. Only when the usage-only chunk the router asked for
/// on the client's behalf is among them are the events re-framed one by one without it. The benchmarked
/// hot path: nothing is allocated here.
/// </summary>
internal sealed class OpenAIStreamRelay : StreamRelay
{
    public override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress)
    {
        var drop = false;
        string? error = null;
        var count = CountAnswer(batch, ref progress);
        for (var i = 0; i < count; i++)
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
            progress.TextBytes += StringBytes(data, "\"content\""u8) + StringBytes(data, "\"arguments\""u8);
        }

        if (!drop && count == batch.Count && !batch.Raw.IsEmpty)
        {
            writer.WriteRaw(batch.Raw.Span);
            return error;
        }

        // Rare: re-frame event by event, leaving out the usage-only chunks.
        for (var i = 0; i < count; i++)
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
    /// An OpenAI stream event that is an error (<c>{"error":…}</c>) rather than a chunk. The vectorised
    /// search keeps the per-chunk cost to one scan; only events naming "error" are parsed.
    /// </summary>
    private static bool IsErrorEvent(ReadOnlySpan<byte> data) =>
        data.IndexOf("\"error\""u8) >= 0 && OpenAIWire.IsErrorPayload(data);
}
