namespace Majordomo.Providers.Responses;

/// <summary>
/// Responses ⇄ hub, both ways: a Responses client reaches chat and Anthropic upstreams, and chat and
/// Messages clients reach <c>openai-responses</c> upstreams. HTTP errors share OpenAI's shape and pass as
/// they are; a failed <c>response</c> object becomes a hub error.
/// </summary>
internal sealed class ResponsesTranslation : HubTranslation
{
    public override byte[] RequestToHub(ReadOnlyMemory<byte> body, string upstreamModel, bool reasoning) => ResponsesRequestTranslation.ToChat(body, upstreamModel, reasoning);

    public override byte[] RequestFromHub(ReadOnlyMemory<byte> hubBody, string upstreamModel, int? maxOutputTokens, bool reasoning) =>
        ResponsesFromChatRequest.FromChat(hubBody, upstreamModel, reasoning);

    public override byte[] AnswerToHub(byte[] body, long created) => ResponsesToChat.Answer(body, created);

    public override byte[] AnswerFromHub(byte[] hubBody) => ResponsesAnswerTranslation.FromChat(hubBody);

    public override byte[] ErrorToHub(int status, byte[] body) => ResponsesToChat.Error(body);

    public override byte[] ErrorFromHub(int status, byte[] hubBody) => hubBody;

    public override IStreamTranslator StreamToHub(long created) => new ResponsesToHubStream(created);

    public override IStreamTranslator StreamFromHub() => new HubToResponsesStream(0);
}
