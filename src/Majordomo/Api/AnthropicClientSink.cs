using System.Text.Json;
using Majordomo.Execution;
using Majordomo.Providers.Anthropic;
using Majordomo.Storage;

namespace Majordomo.Api;

/// <summary>Error answers in Anthropic's shape, the type derived from the status as Anthropic does.</summary>
internal static class AnthropicErrors
{
    public static Task WriteAsync(HttpContext context, int status, string message, string? code, IReadOnlyList<AttemptRecord>? attempts = null,
        IReadOnlyList<ExcludedSummary>? candidates = null, DateTimeOffset? availableAt = null)
    {
        var requestId = context.Response.Headers["X-Request-Id"].ToString();
        return JsonAnswers.WriteAsync(context, status, Serialize(AnthropicWire.ErrorTypeFor(status), message, code, attempts, requestId, candidates, availableAt));
    }

    public static byte[] Serialize(string type, string message, string? code, IReadOnlyList<AttemptRecord>? attempts, string? requestId,
        IReadOnlyList<ExcludedSummary>? candidates = null, DateTimeOffset? availableAt = null)
    {
        var error = new AnthropicError(type, message)
        {
            Code = code,
            Candidates = candidates,
            AvailableAt = availableAt,
            Attempts = attempts?.Select(a => new AttemptSummary(a.Model, a.Provider, a.Credential, a.Status, a.Outcome, a.Reason, Math.Round(a.DurationMs, 1))).ToArray(),
        };
        var envelope = new AnthropicErrorEnvelope("error", error) { RequestId = string.IsNullOrEmpty(requestId) ? null : requestId };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, ApiJson.Relaxed.AnthropicErrorEnvelope);
    }
}

/// <summary>
/// Writes answers to an Anthropic-protocol client. Events and bodies are written exactly as the OpenAI
/// sink writes them (named events pass through with their <c>event:</c> line); only the end of a failed
/// stream differs: an <c>event: error</c>, which Anthropic's own API sends and its SDKs raise as an error.
/// </summary>
internal sealed class AnthropicClientSink(HttpContext context, string requestId, TimeProvider time) : IClientSink
{
    private readonly OpenAIClientSink _writer = new(context, time);

    public ValueTask StartStreamAsync(AnswerInfo info, CancellationToken cancellationToken) => _writer.StartStreamAsync(info, cancellationToken);

    public void WriteEvent(string? eventType, ReadOnlySpan<byte> data) => _writer.WriteEvent(eventType, data);

    public void WriteRaw(ReadOnlySpan<byte> events) => _writer.WriteRaw(events);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask WriteBodyAsync(AnswerInfo info, ReadOnlyMemory<byte> body, string? contentType, CancellationToken cancellationToken) =>
        _writer.WriteBodyAsync(info, body, contentType, cancellationToken);

    public ValueTask StartBodyAsync(AnswerInfo info, string? contentType, CancellationToken cancellationToken) =>
        _writer.StartBodyAsync(info, contentType, cancellationToken);

    public ValueTask WriteBodyPartAsync(ReadOnlyMemory<byte> part, CancellationToken cancellationToken) => _writer.WriteBodyPartAsync(part, cancellationToken);

    public ValueTask EndBodyAsync(bool complete, CancellationToken cancellationToken) => _writer.EndBodyAsync(complete, cancellationToken);

    public async ValueTask WriteStreamErrorAsync(string message, string code, CancellationToken cancellationToken)
    {
        // Overloaded mid-stream is what Anthropic itself reports this way; anything else is an api_error.
        var type = code == "upstream_error" && message.Contains("overloaded", StringComparison.OrdinalIgnoreCase) ? "overloaded_error" : "api_error";
        _writer.WriteEvent(AnthropicWire.Error, AnthropicErrors.Serialize(type, message, code, null, requestId));
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);

        // No abort: unlike OpenAI's, Anthropic's protocol has an error event its clients act on, and a
        // cleanly ended body lets them read it (an abort can surface as a bare transport error instead).
    }
}
