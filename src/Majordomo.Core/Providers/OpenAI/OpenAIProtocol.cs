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
/// OpenAI streams. Each event's bytes are scanned once for every key the relay needs (<see cref="OpenAIChunkScan"/>:
/// the delivered text, a finish reason, a usage object, the word <c>"error"</c>) instead of a search per key; only
/// an event that names an error is parsed, and only a usage object is read. The read goes out as the upstream's
/// own bytes; only when the usage-only chunk the router asked for on the client's behalf is among them, or an
/// error event ends the read, are the events around it written without it. The benchmarked hot path: nothing
/// is allocated per event (one <see cref="ChunkShape"/> per stream: its chunks after the first plain one are
/// scanned from their text value on).
/// </summary>
internal sealed class OpenAIStreamRelay : StreamRelay
{
    public override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress)
    {
        var count = CountAnswer(batch, ref progress);
        var drop = false;
        string? error = null;
        for (var i = 0; i < count; i++)
        {
            var data = batch.Data(i);
            if (data.SequenceEqual(OpenAIWire.DoneData))
            {
                progress.Ended = true;
                count = i + 1;
                break;
            }

            var facts = OpenAIChunkScan.Scan(data, ref progress.ChunkShape);
            if (facts.NamesError && OpenAIWire.IsErrorPayload(data))
            {
                // Not forwarded (its text may echo the request's key): the stream ends with the router's error.
                error = ErrorReason(data);
                count = i;
                break;
            }

            if (facts.UsageObject && OpenAIWire.TryReadUsage(data, out var u))
            {
                progress.Usage = u;

                // The router asked for usage on the client's behalf; do not show a chunk it did not ask for.
                drop |= !progress.ClientWantsUsage && OpenAIWire.IsUsageOnlyChunk(data);
            }

            progress.Finished |= facts.Finish;
            progress.TextBytes += facts.TextBytes;
        }

        var raw = batch.Raw.Span;
        if (!drop && count == batch.Count && !raw.IsEmpty)
        {
            writer.WriteRaw(raw);
            return error;
        }

        WriteKept(batch, writer, count, drop);
        return error;
    }

    /// <summary>
    /// Rare: the first <paramref name="count"/> events but the usage-only chunks when <paramref name="drop"/> —
    /// runs of the upstream's own bytes between them, or event by event when the batch was produced, not read.
    /// </summary>
    private static void WriteKept(SseBatch batch, IEventWriter writer, int count, bool drop)
    {
        var raw = batch.Raw.Span;
        var from = 0;
        for (var i = 0; i < count; i++)
        {
            var data = batch.Data(i);
            var left = drop && OpenAIWire.IsUsageOnlyChunk(data) && OpenAIWire.TryReadUsage(data, out _);
            if (raw.IsEmpty)
            {
                if (!left)
                {
                    writer.WriteEvent(batch.EventType(i), data);
                }
            }
            else if (left)
            {
                var end = i == 0 ? 0 : batch.End(i - 1);
                if (end > from)
                {
                    writer.WriteRaw(raw[from..end]);
                }

                from = batch.End(i);
            }
        }

        if (!raw.IsEmpty && count > 0 && batch.End(count - 1) > from)
        {
            writer.WriteRaw(raw[from..batch.End(count - 1)]);
        }
    }
}
