using System.Net.Http.Headers;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Anthropic;

/// <summary>Anthropic Messages: <c>/v1/messages</c>, its adapter, probe, error types and translation to and from the hub.</summary>
internal sealed class AnthropicProtocol() : WireProtocol(Id, new AnthropicStreamRelay())
{
    public const string Id = ProviderApis.Anthropic;

    public override HubTranslation Translation { get; } = new AnthropicTranslation();

    /// <summary>
    /// Anthropic names the class in <c>{"type":"error","error":{"type":"…"}}</c> (also as a stream
    /// <c>error</c> event); OpenRouter relays those bodies unchanged.
    /// </summary>
    public override IReadOnlyList<(string Marker, FailureClass Class)> ErrorTypes { get; } =
    [
        ("\"overloaded_error\"", FailureClass.Transient),
        ("\"rate_limit_error\"", FailureClass.RateLimited),
        ("\"authentication_error\"", FailureClass.Credential),
        ("\"permission_error\"", FailureClass.Credential),
        ("\"billing_error\"", FailureClass.Billing),
        ("\"not_found_error\"", FailureClass.ModelUnavailable),
        ("\"request_too_large\"", FailureClass.ContextTooLong),
        ("\"timeout_error\"", FailureClass.Timeout),
        ("\"api_error\"", FailureClass.Transient),
    ];

    public override ChatRequest Parse(ReadOnlyMemory<byte> body, bool toolHistory = false) => OpenAIRequestReader.Parse(body, OpenAIRequestReader.Dialect.Anthropic, toolHistory);

    public override OpenAIWire.CompletionShape InspectAnswer(ReadOnlySpan<byte> body, out Usage usage) => AnthropicWire.InspectMessage(body, out usage);

    public override bool IsErrorAnswer(ReadOnlySpan<byte> body) => AnthropicWire.InspectMessage(body, out _) == OpenAIWire.CompletionShape.Error;

    public override bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data) => AnthropicWire.IsErrorEvent(eventType, data);

    public override byte[] Error(string message, string type, string? code) => ResponseTranslation.AnthropicError(message, type, code);

    public override IChatProvider CreateAdapter(ProviderConfig config) => new AnthropicProvider(config);

    /// <summary>Anthropic's SDKs take the host; a base URL that already ends in <c>/v1</c> gets <c>/models</c>.</summary>
    public override string HealthPath(Uri root) => root.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal) ? "/models" : "/v1/models";

    public override void AddProbeHeaders(HttpRequestHeaders headers, string? key)
    {
        headers.TryAddWithoutValidation("anthropic-version", AnthropicWire.Version);
        if (key is not null)
        {
            headers.TryAddWithoutValidation("x-api-key", key);
        }
    }

    private sealed class AnthropicTranslation : HubTranslation
    {
        public override byte[] RequestToHub(ReadOnlyMemory<byte> body, string upstreamModel, bool reasoning) => RequestTranslation.AnthropicToOpenAI(body, upstreamModel, reasoning);

        public override byte[] RequestFromHub(ReadOnlyMemory<byte> hubBody, string upstreamModel, int? maxOutputTokens, bool reasoning) =>
            RequestTranslation.OpenAIToAnthropic(hubBody, upstreamModel, maxOutputTokens, reasoning);

        public override byte[] AnswerToHub(byte[] body, long created) => ResponseTranslation.MessageToCompletion(body, created);

        public override byte[] AnswerFromHub(byte[] hubBody) => ResponseTranslation.CompletionToMessage(hubBody);

        public override byte[] ErrorToHub(int status, byte[] body) => ResponseTranslation.AnthropicErrorToOpenAI(body);

        public override byte[] ErrorFromHub(int status, byte[] hubBody) => ResponseTranslation.OpenAIErrorToAnthropic(status, hubBody);

        public override IStreamTranslator StreamToHub(long created) => new AnthropicToOpenAIStream(created);

        public override IStreamTranslator StreamFromHub() => new OpenAIToAnthropicStream();
    }
}

/// <summary>
/// Anthropic streams: events are inspected by name (<c>message_start</c> input usage, <c>message_delta</c>
/// output usage and <c>stop_reason</c>, <c>message_stop</c> end) and forwarded — the upstream's own bytes
/// when the whole batch goes out. An upstream <c>error</c> event is not forwarded: the events before it
/// are, and its text is returned so the stream ends with one error event of the router's.
/// </summary>
internal sealed class AnthropicStreamRelay : PerEventRelay
{
    protected override Verdict Inspect(string? eventType, ReadOnlySpan<byte> data, ref StreamProgress progress)
    {
        if (AnthropicWire.IsErrorEvent(eventType, data))
        {
            return Verdict.Error;
        }

        AnthropicWire.Inspect(eventType, data, ref progress.Usage, ref progress.Finished, ref progress.Ended);
        if ((eventType ?? AnthropicWire.TypeOf(data)) == AnthropicWire.ContentBlockDelta)
        {
            progress.TextBytes += StringBytes(data, "\"text\""u8) + StringBytes(data, "\"partial_json\""u8) + StringBytes(data, "\"thinking\""u8);
        }

        return progress.Ended ? Verdict.End : Verdict.Answer;
    }
}
