using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers;

/// <summary>
/// Wraps an adapter that speaks one protocol so that it can answer requests of the other (STYLE #3's
/// decorator). A request in the adapter's own protocol goes straight through: same protocol, no round
/// trip, no extra work per chunk (STYLE #4). A request in the other protocol is translated once, parsed
/// again like an ingress body (so the adapter splices <c>model</c> exactly as for its own clients),
/// and the answer — body, stream events and error bodies — is translated back into the ingress
/// protocol. The executor and the client sink therefore only ever see the ingress protocol.
/// </summary>
internal sealed class ProtocolBridge(IChatProvider inner, string upstreamProtocol, TimeProvider time) : IChatProvider
{
    public string UpstreamProtocol { get; } = upstreamProtocol;

    internal IChatProvider Inner => inner;

    public Task<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken) =>
        call.Request.Protocol == UpstreamProtocol
            ? inner.SendAsync(call, cancellationToken)
            : TranslateAsync(call, cancellationToken);

    private async Task<UpstreamResponse> TranslateAsync(UpstreamCall call, CancellationToken cancellationToken)
    {
        var ingress = call.Request.Protocol;
        ChatRequest translated;
        try
        {
            if (UpstreamProtocol == AnthropicWire.Protocol)
            {
                var body = RequestTranslation.OpenAIToAnthropic(call.Request.Body, call.UpstreamModel, call.MaxOutputTokens);
                translated = AnthropicRequestReader.Parse(body);
            }
            else
            {
                var body = RequestTranslation.AnthropicToOpenAI(call.Request.Body, call.UpstreamModel);
                translated = OpenAIRequestReader.Parse(body);
            }
        }
        catch (Exception ex) when (ex is TranslationException or RequestValidationException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            var reason = ex is TranslationException or RequestValidationException ? ex.Message : "the request has a shape the translation does not understand";
            var message = $"This request cannot be sent to the {UpstreamProtocol}-protocol upstream: {reason}";
            var error = ingress == AnthropicWire.Protocol
                ? ResponseTranslation.AnthropicError(message, "invalid_request_error", "untranslatable_request")
                : ResponseTranslation.OpenAIError(message, "invalid_request_error", "untranslatable_request");
            return new FixedResponse(400, error);
        }

        translated.Metadata = call.Request.Metadata;
        var response = await inner.SendAsync(call with { Request = translated }, cancellationToken).ConfigureAwait(false);
        return new TranslatedResponse(response, UpstreamProtocol, time);
    }

    public void Dispose() => inner.Dispose();

    /// <summary>An upstream answer presented in the ingress protocol.</summary>
    private sealed class TranslatedResponse(UpstreamResponse inner, string upstreamProtocol, TimeProvider time) : UpstreamResponse
    {
        private readonly SseBatch _upstream = new();
        private IStreamTranslator? _translator;
        private bool _ended;

        public override int StatusCode => inner.StatusCode;

        public override TimeSpan? RetryAfter => inner.RetryAfter;

        public override string? ContentType => inner.IsSuccess ? "application/json" : inner.ContentType;

        private bool FromAnthropic => upstreamProtocol == AnthropicWire.Protocol;

        public override async Task<byte[]> ReadBodyAsync(int maxBytes, CancellationToken cancellationToken)
        {
            var body = await inner.ReadBodyAsync(maxBytes, cancellationToken).ConfigureAwait(false);
            if (!inner.IsSuccess)
            {
                return FromAnthropic ? ResponseTranslation.AnthropicErrorToOpenAI(body) : ResponseTranslation.OpenAIErrorToAnthropic(inner.StatusCode, body);
            }

            if (FromAnthropic)
            {
                return AnthropicWire.InspectMessage(body, out _) == OpenAIWire.CompletionShape.Error
                    ? ResponseTranslation.AnthropicErrorToOpenAI(body)
                    : ResponseTranslation.MessageToCompletion(body, time.GetUtcNow().ToUnixTimeSeconds());
            }

            return OpenAIWire.IsErrorPayload(body) ? ResponseTranslation.OpenAIErrorToAnthropic(200, body) : ResponseTranslation.CompletionToMessage(body);
        }

        public override async ValueTask<bool> ReadEventsAsync(SseBatch batch, CancellationToken cancellationToken)
        {
            _translator ??= FromAnthropic ? new AnthropicToOpenAIStream(time.GetUtcNow().ToUnixTimeSeconds()) : new OpenAIToAnthropicStream();
            batch.Clear();
            while (!_ended)
            {
                if (!await inner.ReadEventsAsync(_upstream, cancellationToken).ConfigureAwait(false))
                {
                    _ended = true;
                    _translator.Complete(batch);
                    return batch.Count > 0;
                }

                for (var i = 0; i < _upstream.Count; i++)
                {
                    _translator.Translate(_upstream.EventType(i), _upstream.Data(i), batch);
                }

                // Events with no counterpart (pings, thinking) produce nothing: read on.
                if (batch.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }

    /// <summary>An answer made up locally (a request that cannot be translated).</summary>
    private sealed class FixedResponse(int status, byte[] body) : UpstreamResponse
    {
        public override int StatusCode => status;

        public override TimeSpan? RetryAfter => null;

        public override string? ContentType => "application/json";

        public override Task<byte[]> ReadBodyAsync(int maxBytes, CancellationToken cancellationToken) => Task.FromResult(body);

        public override ValueTask<bool> ReadEventsAsync(SseBatch batch, CancellationToken cancellationToken)
        {
            batch.Clear();
            batch.Add(body);
            return ValueTask.FromResult(true);
        }
    }
}
