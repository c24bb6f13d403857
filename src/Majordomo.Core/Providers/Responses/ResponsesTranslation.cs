using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.Responses;

/// <summary>
/// Responses ⇄ hub. Requests and answers of a Responses client go through the hub to chat and Anthropic
/// upstreams; errors share OpenAI's shape and pass as they are. The other way (a chat or Messages client
/// answered by an <c>openai-responses</c> upstream) is not translated yet: such a request is refused with
/// <c>untranslatable_request</c> (docs/CONFIG.md says to give those clients a chat upstream).
/// </summary>
internal sealed class ResponsesTranslation : HubTranslation
{
    private const string OneWay = "an 'openai-responses' upstream answers Responses clients (POST /v1/responses) only; route chat and Messages clients to an 'openai' or 'anthropic' upstream.";

    public override byte[] RequestToHub(ReadOnlyMemory<byte> body, string upstreamModel, bool reasoning) => ResponsesRequestTranslation.ToChat(body, upstreamModel, reasoning);

    public override byte[] RequestFromHub(ReadOnlyMemory<byte> hubBody, string upstreamModel, int? maxOutputTokens, bool reasoning) => throw new TranslationException(OneWay);

    public override byte[] AnswerToHub(byte[] body, long created) => throw new TranslationException(OneWay);

    public override byte[] AnswerFromHub(byte[] hubBody) => ResponsesAnswerTranslation.FromChat(hubBody);

    public override byte[] ErrorToHub(int status, byte[] body) => body;

    public override byte[] ErrorFromHub(int status, byte[] hubBody) => hubBody;

    public override IStreamTranslator StreamToHub(long created) => throw new TranslationException(OneWay);

    public override IStreamTranslator StreamFromHub() => new HubToResponsesStream(0);
}
