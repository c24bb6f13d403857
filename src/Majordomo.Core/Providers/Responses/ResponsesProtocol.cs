using System.Net.Http.Headers;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.Http;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Responses;

/// <summary>
/// OpenAI Responses: <c>POST /v1/responses</c> as an ingress, and <c>"api": "openai-responses"</c> upstreams
/// (<c>{baseUrl}/responses</c>, bearer key) that get a Responses client's bytes untouched but for
/// <c>model</c> and the router's metadata keys. Errors use OpenAI's shape, so the hub's error bodies pass as they are.
/// </summary>
internal sealed class ResponsesProtocol() : WireProtocol(Id, new ResponsesStreamRelay())
{
    public const string Id = ProviderApis.OpenAIResponses;

    public override HubTranslation Translation { get; } = new ResponsesTranslation();

    public override ChatRequest Parse(ReadOnlyMemory<byte> body, bool toolHistory = false) => OpenAIRequestReader.Parse(body, OpenAIRequestReader.Dialect.Responses, toolHistory);

    public override OpenAIWire.CompletionShape InspectAnswer(ReadOnlySpan<byte> body, out Usage usage) => ResponsesWire.InspectResponse(body, out usage);

    public override bool IsErrorAnswer(ReadOnlySpan<byte> body) => ResponsesWire.InspectResponse(body, out _) == OpenAIWire.CompletionShape.Error;

    public override bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data) => ResponsesWire.IsErrorEvent(eventType, data);

    public override byte[] Error(string message, string type, string? code) => ResponseTranslation.OpenAIError(message, type, code);

    public override IChatProvider CreateAdapter(ProviderConfig config) => new ResponsesProvider(config);
}

/// <summary>An OpenAI Responses upstream: <c>{baseUrl}/responses</c> with a bearer key, the client's bytes spliced.</summary>
internal sealed class ResponsesProvider(ProviderConfig config) : HttpChatProvider(config, new Uri(config.BaseUrl!.TrimEnd('/') + "/responses"))
{
    // Responses streams always end with usage (response.completed): nothing to force.
    protected override byte[] Body(UpstreamCall call) => OpenAIWire.RewriteBody(call.Request, call.UpstreamModelJson.Span, forceIncludeUsage: false);

    protected override void AddProtocolHeaders(HttpRequestHeaders headers, UpstreamCall call) => AddBearer(headers, call.Credential);
}

/// <summary>
/// Responses streams: named events inspected by type (<c>response.completed</c> / <c>response.incomplete</c>
/// carry usage and end the answer; <c>error</c> and <c>response.failed</c> are errors, not forwarded) and
/// forwarded as the upstream's own bytes when the whole batch goes out.
/// </summary>
internal sealed class ResponsesStreamRelay : PerEventRelay
{
    protected override Verdict Inspect(string? eventType, ReadOnlySpan<byte> data, ref StreamProgress progress)
    {
        switch (ResponsesWire.EventKind(eventType, data))
        {
            case ResponsesWire.Kind.Error:
                return Verdict.Error;
            case ResponsesWire.Kind.Delta:
                progress.TextBytes += StringBytes(data, "\"delta\""u8);
                return Verdict.Answer;
            case ResponsesWire.Kind.End:
                if (ResponsesWire.TryReadUsage(data, out var usage))
                {
                    progress.Usage = usage;
                }

                progress.Finished = true;
                progress.Ended = true;
                return Verdict.End;
            default:
                return Verdict.Answer;
        }
    }
}
