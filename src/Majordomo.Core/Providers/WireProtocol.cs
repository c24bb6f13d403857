using System.Net.Http.Headers;
using System.Text;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers;

/// <summary>
/// Everything the gateway knows about one wire protocol, in one object registered once in
/// <see cref="Protocols"/>: its name, how a request in it is read, how an answer in it is inspected and
/// relayed to a client, its adapter and health probe as an upstream, the error types it names, and
/// its translation to and from the hub shape (OpenAI Chat Completions). What touches <c>HttpContext</c>
/// (error shapes, command replies, the client sink) is the ingress side in <c>Api/Ingress</c>.
/// </summary>
internal abstract class WireProtocol(string name, StreamRelay relay)
{
    /// <summary>The protocol's name: <c>ChatRequest.Protocol</c> and the config's <c>api</c> value.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Reads a client body in this protocol (one pass, see <see cref="OpenAIRequestReader"/>); with
    /// <paramref name="toolHistory"/> (an ingress, whose loop guard reads it) the same pass notes the tool history.
    /// </summary>
    public abstract ChatRequest Parse(ReadOnlyMemory<byte> body, bool toolHistory = false);

    /// <summary>What a complete answer in this protocol is (an answer, an error, not JSON) and its usage.</summary>
    public abstract OpenAIWire.CompletionShape InspectAnswer(ReadOnlySpan<byte> body, out Usage usage);

    /// <summary>True when a body in this protocol is an error (an upstream error kept as is for the client).</summary>
    public abstract bool IsErrorAnswer(ReadOnlySpan<byte> body);

    /// <summary>True when a stream event is an error (an upstream error event before the first byte is a failure).</summary>
    public abstract bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data);

    /// <summary>Inspects and forwards the events of a stream answered in this protocol.</summary>
    public StreamRelay Relay { get; } = relay;

    /// <summary>An error body in this protocol's shape.</summary>
    public abstract byte[] Error(string message, string type, string? code);

    /// <summary>
    /// Typed error names this protocol puts in its error bodies and the class each means, asked by
    /// <c>FailureClassifier</c> after the generic markers (context, billing) and before the loose ones.
    /// </summary>
    public virtual IReadOnlyList<(string Marker, FailureClass Class)> ErrorTypes => [];

    /// <summary>Translation to and from the hub shape; null for the hub itself.</summary>
    public virtual HubTranslation? Translation => null;

    /// <summary>The adapter of an upstream that speaks this protocol; null when it is an ingress only.</summary>
    public virtual IChatProvider? CreateAdapter(ProviderConfig config) => null;

    /// <summary>The path the health probe asks, relative to the provider's base URL.</summary>
    public virtual string HealthPath(Uri root) => "/models";

    /// <summary>Auth (and protocol) headers of a health probe made with <paramref name="key"/>.</summary>
    public virtual void AddProbeHeaders(HttpRequestHeaders headers, string? key)
    {
        if (key is not null)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    public override string ToString() => Name;
}

/// <summary>
/// One protocol's translation to and from the hub shape (OpenAI Chat Completions): requests, complete
/// answers, error bodies and stream events. A request from protocol A to an upstream of protocol B goes
/// A → hub → B (one step when either is the hub); the answer comes back the same way.
/// </summary>
internal abstract class HubTranslation
{
    /// <summary>
    /// A request in this protocol → a hub request for <paramref name="upstreamModel"/>; <paramref name="reasoning"/>
    /// (the model lists the <c>reasoning</c> capability) carries the protocol's thinking request over as <c>reasoning_effort</c>.
    /// </summary>
    public abstract byte[] RequestToHub(ReadOnlyMemory<byte> body, string upstreamModel, bool reasoning);

    /// <summary>
    /// A hub request → a request in this protocol (<paramref name="maxOutputTokens"/> when it must name one;
    /// <paramref name="reasoning"/>: <c>reasoning_effort</c> becomes this protocol's thinking request).
    /// </summary>
    public abstract byte[] RequestFromHub(ReadOnlyMemory<byte> hubBody, string upstreamModel, int? maxOutputTokens, bool reasoning);

    /// <summary>A complete answer in this protocol → a hub answer.</summary>
    public abstract byte[] AnswerToHub(byte[] body, long created);

    /// <summary>A hub answer → an answer in this protocol.</summary>
    public abstract byte[] AnswerFromHub(byte[] hubBody);

    /// <summary>An error body in this protocol → a hub error body, keeping the type and code.</summary>
    public abstract byte[] ErrorToHub(int status, byte[] body);

    /// <summary>A hub error body → an error body in this protocol, keeping the type and code.</summary>
    public abstract byte[] ErrorFromHub(int status, byte[] hubBody);

    /// <summary>Translates this protocol's stream events into hub events, one stream at a time.</summary>
    public abstract IStreamTranslator StreamToHub(long created);

    /// <summary>Translates hub stream events into this protocol's, one stream at a time.</summary>
    public abstract IStreamTranslator StreamFromHub();
}

/// <summary>Turns one protocol's stream events into another's, event by event, keeping what the answer so far needs.</summary>
internal interface IStreamTranslator
{
    /// <summary>Translates one upstream event into zero or more events added to <paramref name="output"/>.</summary>
    void Translate(string? eventType, ReadOnlySpan<byte> data, SseBatch output);

    /// <summary>The upstream stream ended: adds whatever closing events the answer so far calls for.</summary>
    void Complete(SseBatch output);
}

/// <summary>Where a relay writes events (the client sink implements it).</summary>
internal interface IEventWriter
{
    /// <summary>Buffers one event for the client.</summary>
    void WriteEvent(string? eventType, ReadOnlySpan<byte> data);

    /// <summary>Buffers complete events exactly as the upstream framed them (same protocol only).</summary>
    void WriteRaw(ReadOnlySpan<byte> events);
}

/// <summary>What a relay has learnt of one stream so far (a struct on the caller's frame: nothing allocated per stream).</summary>
internal struct StreamProgress
{
    public Usage Usage;

    /// <summary>The protocol's end marker arrived (<c>[DONE]</c>, <c>message_stop</c>).</summary>
    public bool Ended;

    /// <summary>A finish / stop reason arrived: the answer is complete even without the end marker.</summary>
    public bool Finished;

    /// <summary>The client asked for usage itself (else a usage-only chunk the router asked for is left out).</summary>
    public bool ClientWantsUsage;

    /// <summary>Size of the answer as received, for a cost estimate when no usage is reported.</summary>
    public long AnswerBytes;

    public long AnswerEvents;

    /// <summary>
    /// Bytes of answer text forwarded so far (content, tool arguments, thinking — as JSON string bytes):
    /// what a stream cut short is charged for when the upstream never said how many tokens it sent.
    /// </summary>
    public long TextBytes;

    /// <summary>The OpenAI relay's memory of the stream's last plain chunk: the next ones are scanned from their text on.</summary>
    public OpenAI.ChunkShape? ChunkShape;

    /// <summary>
    /// What a stream that did not end is charged for (SPEC §5): the usage reported so far where it says
    /// anything, output tokens at least those of the text delivered (about 4 bytes a token), and input
    /// marked unreported when no real count arrived (a translated <c>message_start</c> says 0), so that
    /// the prompt's estimate is used.
    /// </summary>
    public readonly Usage Delivered()
    {
        var output = Math.Max(Usage.OutputTokens, (TextBytes + 3) / 4);
        return new Usage(Usage.InputTokens, output, Usage.CachedInputTokens, Usage.Reported && Usage.InputTokens > 0);
    }
}

/// <summary>
/// Inspects each batch of a stream in one protocol (usage, finish, end, errors) and forwards it to the
/// client — the upstream's own bytes whenever the whole batch goes out. One stateless instance per protocol.
/// </summary>
internal abstract class StreamRelay
{
    /// <summary>
    /// Relays one batch. Returns null, or the text of an upstream error event, which is not forwarded
    /// (the events before it are): the caller ends the stream with an error of the router's.
    /// </summary>
    public abstract string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress);

    /// <summary>Error event text kept as the reason a stream ended (redacted, then clipped, where it is recorded).</summary>
    public const int MaxErrorEventBytes = 64 * 1024;

    /// <summary>Counts a batch as answer traffic in <paramref name="progress"/>; returns its event count.</summary>
    protected static int CountAnswer(SseBatch batch, ref StreamProgress progress)
    {
        progress.AnswerEvents += batch.Count;
        progress.AnswerBytes += batch.Raw.Length;
        return batch.Count;
    }

    /// <summary>
    /// Bytes of the JSON string value of each <paramref name="key"/> (given with its quotes) in
    /// <paramref name="json"/>, escapes counted as written. A vectorised search per key; nothing allocated.
    /// </summary>
    protected static long StringBytes(ReadOnlySpan<byte> json, ReadOnlySpan<byte> key)
    {
        long total = 0;
        int at;
        while ((at = json.IndexOf(key)) >= 0)
        {
            json = json[(at + key.Length)..].TrimStart(" \t"u8);
            if (json.IsEmpty || json[0] != (byte)':')
            {
                continue;
            }

            json = json[1..].TrimStart(" \t"u8);
            if (json.IsEmpty || json[0] != (byte)'"')
            {
                continue;
            }

            var length = StringLength(json[1..]);
            total += length;
            json = json[Math.Min(json.Length, length + 2)..];
        }

        return total;
    }

    /// <summary>Bytes up to the closing quote of a JSON string whose opening quote is just before <paramref name="s"/>.</summary>
    internal static int StringLength(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (true)
        {
            var q = s[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (q < 0)
            {
                return s.Length;
            }

            i += q;
            if (s[i] == (byte)'"')
            {
                return i;
            }

            i += 2; // an escape: skip the escaped byte
            if (i >= s.Length)
            {
                return s.Length;
            }
        }
    }

    /// <summary>The reason a stream ended on an upstream error event.</summary>
    protected static string ErrorReason(ReadOnlySpan<byte> data) =>
        "the upstream sent an error event: " + Encoding.UTF8.GetString(data.Length > MaxErrorEventBytes ? data[..MaxErrorEventBytes] : data);
}

/// <summary>
/// A relay for protocols whose events are told apart by name (Anthropic, Responses): each event is
/// inspected in turn; an error event is not forwarded (the events before it are) and an end event is
/// the last one forwarded. The whole batch goes out as the upstream's own bytes when nothing was held back.
/// </summary>
internal abstract class PerEventRelay : StreamRelay
{
    /// <summary>What an event is to the relay.</summary>
    protected enum Verdict
    {
        Answer,
        Error,
        End,
    }

    /// <summary>Reads one event into <paramref name="progress"/> (usage, finish, delivered text) and says what it is.</summary>
    protected abstract Verdict Inspect(string? eventType, ReadOnlySpan<byte> data, ref StreamProgress progress);

    public sealed override string? Relay(SseBatch batch, IEventWriter writer, ref StreamProgress progress)
    {
        var count = CountAnswer(batch, ref progress);
        string? error = null;
        for (var i = 0; i < count; i++)
        {
            var data = batch.Data(i);
            var verdict = Inspect(batch.EventType(i), data, ref progress);
            if (verdict == Verdict.Error)
            {
                error = ErrorReason(data);
                count = i;
                break;
            }

            if (verdict == Verdict.End)
            {
                count = i + 1;
                break;
            }
        }

        if (count == batch.Count && !batch.Raw.IsEmpty)
        {
            writer.WriteRaw(batch.Raw.Span);
            return error;
        }

        for (var i = 0; i < count; i++)
        {
            writer.WriteEvent(batch.EventType(i), batch.Data(i));
        }

        return error;
    }
}
