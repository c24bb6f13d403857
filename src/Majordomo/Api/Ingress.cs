using Majordomo.Chat;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Routing;
using Majordomo.Storage;

namespace Majordomo.Api;

/// <summary>
/// What differs between the two ingress protocols; everything else (auth, limits, routing, execution,
/// the request log) is one code path. Add a protocol-specific answer (an error, a command's reply) here
/// rather than writing OpenAI shapes directly in the endpoint.
/// </summary>
internal abstract class Ingress
{
    public static readonly Ingress OpenAI = new OpenAIIngress();

    public static readonly Ingress Anthropic = new AnthropicIngress();

    public static readonly Ingress Responses = new ResponsesIngress();

    /// <summary>Every chat ingress, each served at its <see cref="Path"/> by <c>ChatCompletionsEndpoint</c> (routes are made from this list).</summary>
    public static readonly IReadOnlyList<Ingress> All = [OpenAI, Anthropic, Responses];

    /// <summary>The path a client of this protocol posts to.</summary>
    public abstract string Path { get; }

    /// <summary>The wire protocol this ingress speaks (its reader, answer shapes, relay), from the registry.</summary>
    public abstract WireProtocol Wire { get; }

    /// <summary>The protocol's name, as in <see cref="ChatRequest.Protocol"/>.</summary>
    public string Protocol => Wire.Name;

    /// <summary>Reads a client's body, noting its tool history in the same pass (the loop guard reads it next).</summary>
    public ChatRequest Parse(ReadOnlyMemory<byte> body) => Wire.Parse(body, toolHistory: true);

    /// <summary>Protocol headers that travel with the request (e.g. <c>anthropic-beta</c>).</summary>
    public virtual void ReadHeaders(IHeaderDictionary headers, ChatRequest request)
    {
    }

    /// <summary>
    /// An error in this protocol's shape: OpenAI's unless the protocol has its own. <paramref name="openAIType"/>
    /// is OpenAI's error type; the Anthropic shape derives its own type from the status.
    /// </summary>
    public virtual Task WriteErrorAsync(HttpContext context, int status, string message, string openAIType, string? code, string? param = null, IReadOnlyList<AttemptRecord>? attempts = null,
        IReadOnlyList<ExcludedSummary>? candidates = null, DateTimeOffset? availableAt = null) =>
        Errors.WriteAsync(context, status, message, openAIType, code, param, attempts, candidates, availableAt);

    /// <summary>The router's own answer to a command (<c>/use</c>, <c>/status</c>), streamed when the request asked for a stream.</summary>
    public abstract Task WriteCommandReplyAsync(HttpContext context, ChatRequest request, CommandReply reply, TimeProvider time);

    /// <summary>True when an upstream's error body is already in this protocol's shape (returned as is).</summary>
    public bool IsErrorPayload(ReadOnlySpan<byte> body) => Wire.IsErrorAnswer(body);

    internal abstract IClientSink CreateSink(HttpContext context, ChatRequest request, string requestId, TimeProvider time);

    private sealed class OpenAIIngress : Ingress
    {
        public override WireProtocol Wire => Protocols.OpenAI;

        public override string Path => "/v1/chat/completions";

        public override Task WriteCommandReplyAsync(HttpContext context, ChatRequest request, CommandReply reply, TimeProvider time) =>
            OpenAICommandReply.WriteAsync(context, request, reply, time);

        internal override IClientSink CreateSink(HttpContext context, ChatRequest request, string requestId, TimeProvider time) => new OpenAIClientSink(context, time);
    }

    private sealed class AnthropicIngress : Ingress
    {
        public override WireProtocol Wire => Protocols.Anthropic;

        public override string Path => "/v1/messages";

        public override void ReadHeaders(IHeaderDictionary headers, ChatRequest request)
        {
            var beta = headers["anthropic-beta"];
            if (beta.Count > 0 && beta.ToString() is { Length: > 0 and <= 1024 } value)
            {
                request.AnthropicBeta = value;
            }
        }

        public override Task WriteErrorAsync(HttpContext context, int status, string message, string openAIType, string? code, string? param = null, IReadOnlyList<AttemptRecord>? attempts = null,
            IReadOnlyList<ExcludedSummary>? candidates = null, DateTimeOffset? availableAt = null) =>
            AnthropicErrors.WriteAsync(context, status, message, code, attempts, candidates, availableAt);

        public override Task WriteCommandReplyAsync(HttpContext context, ChatRequest request, CommandReply reply, TimeProvider time) =>
            AnthropicCommandReply.WriteAsync(context, request, reply);

        internal override IClientSink CreateSink(HttpContext context, ChatRequest request, string requestId, TimeProvider time) => new AnthropicClientSink(context, requestId, time);
    }

    /// <summary><c>POST /v1/responses</c>: OpenAI's error shape; its own answers, command replies and stored responses.</summary>
    private sealed class ResponsesIngress : Ingress
    {
        public override WireProtocol Wire => Protocols.Responses;

        public override string Path => "/v1/responses";

        public override Task WriteCommandReplyAsync(HttpContext context, ChatRequest request, CommandReply reply, TimeProvider time) =>
            ResponsesCommandReply.WriteAsync(context, request, reply, time);

        internal override IClientSink CreateSink(HttpContext context, ChatRequest request, string requestId, TimeProvider time) =>
            new ResponsesClientSink(context, request, time, context.RequestServices.GetRequiredService<ResponseStore>());
    }
}
