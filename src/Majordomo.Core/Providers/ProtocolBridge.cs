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
internal sealed class ProtocolBridge(IChatProvider inner, WireProtocol upstream, TimeProvider time) : IChatProvider
{
    /// <summary>A non-streamed answer of the other protocol larger than this is refused (the next entry is tried).</summary>
    public const int MaxTranslatedBytes = 16 * 1024 * 1024;

    public WireProtocol Upstream { get; } = upstream;

    internal IChatProvider Inner => inner;

    public ValueTask<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken) =>
        call.Request.Protocol == Upstream.Name
            ? inner.SendAsync(call, cancellationToken)
            : TranslateAsync(call, cancellationToken);

    private async ValueTask<UpstreamResponse> TranslateAsync(UpstreamCall call, CancellationToken cancellationToken)
    {
        var ingress = Protocols.Get(call.Request.Protocol);
        ChatRequest translated;
        try
        {
            // Ingress → hub → upstream: one step when either side is the hub.
            var body = ingress.Translation is { } from ? from.RequestToHub(call.Request.Body, call.UpstreamModel, call.Reasoning) : call.Request.Body;
            if (Upstream.Translation is { } to)
            {
                body = to.RequestFromHub(body, call.UpstreamModel, call.MaxOutputTokens, call.Reasoning);
            }

            translated = Upstream.Parse(body);
        }
        catch (Exception ex) when (ex is TranslationException or RequestValidationException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            var reason = ex is TranslationException or RequestValidationException ? ex.Message : "the request has a shape the translation does not understand";
            var message = $"This request cannot be sent to the {Upstream.Name}-protocol upstream: {reason}";
            return new FixedResponse(400, ingress.Error(message, "invalid_request_error", "untranslatable_request"));
        }

        translated.Metadata = call.Request.Metadata;
        var response = await inner.SendAsync(call with { Request = translated }, cancellationToken).ConfigureAwait(false);
        return new TranslatedResponse(response, Upstream.Translation, ingress.Translation, Upstream, time);
    }

    public void Dispose() => inner.Dispose();

    /// <summary>An upstream answer presented in the ingress protocol (translations null where a side is the hub).</summary>
    private sealed class TranslatedResponse(UpstreamResponse inner, HubTranslation? upstream, HubTranslation? ingress, WireProtocol upstreamProtocol, TimeProvider time) : UpstreamResponse
    {
        private readonly SseBatch _upstream = new();
        private IStreamTranslator? _translator;
        private bool _ended;

        public override int StatusCode => inner.StatusCode;

        public override TimeSpan? RetryAfter => inner.RetryAfter;

        public override string? ContentType => inner.IsSuccess ? "application/json" : inner.ContentType;

        public override async Task<byte[]> ReadBodyAsync(int maxBytes, CancellationToken cancellationToken)
        {
            // Translation holds the whole answer (and a JSON document of it): capped well below what passes through.
            var body = await inner.ReadBodyAsync(Math.Min(maxBytes, MaxTranslatedBytes), cancellationToken).ConfigureAwait(false);
            if (!inner.IsSuccess)
            {
                return Error(inner.StatusCode, body);
            }

            if (upstreamProtocol.IsErrorAnswer(body))
            {
                return Error(200, body);
            }

            var hub = upstream is null ? body : upstream.AnswerToHub(body, time.GetUtcNow().ToUnixTimeSeconds());
            return ingress is null ? hub : ingress.AnswerFromHub(hub);
        }

        private byte[] Error(int status, byte[] body)
        {
            var hub = upstream is null ? body : upstream.ErrorToHub(status, body);
            return ingress is null ? hub : ingress.ErrorFromHub(status, hub);
        }

        public override async ValueTask<bool> ReadEventsAsync(SseBatch batch, CancellationToken cancellationToken)
        {
            _translator ??= StreamTranslator();
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

        private IStreamTranslator StreamTranslator()
        {
            var toHub = upstream?.StreamToHub(time.GetUtcNow().ToUnixTimeSeconds());
            var fromHub = ingress?.StreamFromHub();
            return toHub is null ? fromHub! : fromHub is null ? toHub : new ChainedTranslator(toHub, fromHub);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();

                // The stream is over: the batches' event arrays go back to the pool (SseBatch.Release).
                _upstream.Release();
                (_translator as ChainedTranslator)?.Release();
            }
        }
    }

    /// <summary>Two translation steps (upstream → hub → ingress) when neither side is the hub.</summary>
    private sealed class ChainedTranslator(IStreamTranslator first, IStreamTranslator second) : IStreamTranslator
    {
        private readonly SseBatch _middle = new();

        public void Translate(string? eventType, ReadOnlySpan<byte> data, SseBatch output)
        {
            _middle.Clear();
            first.Translate(eventType, data, _middle);
            Forward(output);
        }

        public void Complete(SseBatch output)
        {
            _middle.Clear();
            first.Complete(_middle);
            Forward(output);
            second.Complete(output);
        }

        public void Release() => _middle.Release();

        private void Forward(SseBatch output)
        {
            for (var i = 0; i < _middle.Count; i++)
            {
                second.Translate(_middle.EventType(i), _middle.Data(i), output);
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
