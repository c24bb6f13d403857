using System.Text.Json;
using Majordomo.Storage;

namespace Majordomo.Api;

/// <summary>Error answers in the OpenAI shape <c>{"error":{"message","type","code"}}</c>, always with a clear message.</summary>
internal static class Errors
{
    public static Task WriteAsync(HttpContext context, int status, string message, string type, string? code, string? param = null, IReadOnlyList<AttemptRecord>? attempts = null,
        IReadOnlyList<ExcludedSummary>? candidates = null, DateTimeOffset? availableAt = null)
    {
        var error = new OpenAIError(message, type, code, param)
        {
            Attempts = attempts?.Select(a => new AttemptSummary(a.Model, a.Provider, a.Credential, a.Status, a.Outcome, a.Reason, Math.Round(a.DurationMs, 1))).ToArray(),
            Candidates = candidates,
            AvailableAt = availableAt,
        };
        return JsonAnswers.WriteAsync(context, status, JsonSerializer.SerializeToUtf8Bytes(new OpenAIErrorEnvelope(error), ApiJson.Relaxed.OpenAIErrorEnvelope));
    }

    public static string TypeFor(int status) => status switch
    {
        400 or 404 or 405 or 413 or 415 or 422 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        429 => "rate_limit_error",
        _ => "server_error",
    };

    /// <summary>An SSE error event that ends a stream the client must not mistake for complete.</summary>
    public static byte[] StreamErrorEvent(string message, string code)
    {
        var error = new OpenAIError(message, "server_error", code);
        var json = JsonSerializer.SerializeToUtf8Bytes(new OpenAIErrorEnvelope(error), ApiJson.Relaxed.OpenAIErrorEnvelope);
        var bytes = new byte[6 + json.Length + 2];
        "data: "u8.CopyTo(bytes);
        json.CopyTo(bytes, 6);
        bytes[^2] = (byte)'\n';
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
