using System.Text;
using Majordomo.Chat;
using Majordomo.Providers;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Execution;

/// <summary>
/// What the executor reads from answers depends on the ingress protocol only: adapters present answers
/// in it (<see cref="ProtocolBridge"/>). OpenAI streams keep their own loop in <see cref="ChainExecutor"/>
/// (the benchmarked hot path); Anthropic events are inspected here.
/// </summary>
public sealed partial class ChainExecutor
{
    private static bool IsAnthropic(ChatRequest request) => request.Protocol == AnthropicWire.Protocol;

    private static OpenAIWire.CompletionShape InspectAnswer(ChatRequest request, ReadOnlySpan<byte> body, out Usage usage) =>
        IsAnthropic(request) ? AnthropicWire.InspectMessage(body, out usage) : OpenAIWire.InspectCompletion(body, out usage);

    private static bool IsErrorEvent(ChatRequest request, string? eventType, ReadOnlySpan<byte> data) =>
        IsAnthropic(request) ? AnthropicWire.IsErrorEvent(eventType, data) : OpenAIWire.IsErrorPayload(data);

    /// <summary>
    /// Inspects a batch of Anthropic events (usage, stop_reason, message_stop) and forwards them — the
    /// upstream's own bytes when the whole batch goes out. An upstream <c>error</c> event is not
    /// forwarded: the events before it are, and its text is returned so the stream ends with one error
    /// event of the router's, saying the answer is incomplete.
    /// </summary>
    private static string? ForwardAnthropicEvents(SseBatch batch, IClientSink sink, ref Usage usage, ref bool ended, ref bool finished)
    {
        var count = batch.Count;
        string? error = null;
        for (var i = 0; i < count; i++)
        {
            var type = batch.EventType(i);
            var data = batch.Data(i);
            if (AnthropicWire.IsErrorEvent(type, data))
            {
                error = UpstreamErrorEvent(data);
                count = i;
                break;
            }

            AnthropicWire.Inspect(type, data, ref usage, ref finished, ref ended);
            if (ended)
            {
                count = i + 1;
                break;
            }
        }

        if (count == batch.Count && !batch.Raw.IsEmpty)
        {
            sink.WriteRaw(batch.Raw.Span);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                sink.WriteEvent(batch.EventType(i), batch.Data(i));
            }
        }

        return error;
    }

    /// <summary>
    /// An OpenAI stream event that is an error (<c>{"error":…}</c>) rather than a chunk. The vectorised
    /// search keeps the per-chunk cost to one scan; only events naming "error" are parsed.
    /// </summary>
    private static bool IsOpenAIErrorEvent(ReadOnlySpan<byte> data) =>
        data.IndexOf("\"error\""u8) >= 0 && OpenAIWire.IsErrorPayload(data);

    /// <summary>The reason a stream ended on an upstream error event; redacted and clipped where it is recorded.</summary>
    private static string UpstreamErrorEvent(ReadOnlySpan<byte> data) =>
        "the upstream sent an error event: " + Encoding.UTF8.GetString(data.Length > MaxErrorBodyBytes ? data[..MaxErrorBodyBytes] : data);
}
