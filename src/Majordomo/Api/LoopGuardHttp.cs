using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Majordomo.LoopGuard;

namespace Majordomo.Api;

/// <summary>
/// The loop guard at an ingress: the <c>X-Router-Loop</c> header, and the breaker's refusal (429
/// <c>loop_detected</c>) in the ingress protocol's error shape. Any ingress calls
/// <see cref="ToolLoopGuard.Evaluate"/>, then <see cref="Apply"/> here, then
/// <see cref="LoopInjection.Inject"/> for warning and critical verdicts before routing.
/// </summary>
internal static class LoopGuardHttp
{
    public const string Header = "X-Router-Loop";
    public const string Code = "loop_detected";

    /// <summary>Sets the header; true when the request must be refused (the caller then writes <see cref="RefuseAsync"/>).</summary>
    public static bool Apply(HttpContext context, LoopVerdict verdict)
    {
        if (verdict.Header is { } header)
        {
            context.Response.Headers[Header] = header;
        }

        return verdict.Level == LoopLevel.Breaker;
    }

    public static string RefusalMessage(LoopVerdict verdict)
    {
        var tool = verdict.ToolName is { } name ? $" ('{name}')" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Loop detected: the conversation repeated the same tool call{tool} {verdict.Count} times with no new results ({verdict.Detector}). The request was refused without calling a model (loopDetection.circuitBreakerThreshold = {verdict.BreakerThreshold}). Change approach, or send a new user message to start over.");
    }

    /// <summary>429 <c>loop_detected</c>; <c>x-should-retry: false</c> tells the OpenAI and Anthropic SDKs a retry cannot help.</summary>
    public static Task RefuseAsync(HttpContext context, LoopVerdict verdict, string protocol)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.Headers["x-should-retry"] = "false";
        var message = RefusalMessage(verdict);
        if (protocol != Classification.PromptView.AnthropicProtocol)
        {
            return Errors.WriteAsync(context, 429, message, Errors.TypeFor(429), Code);
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "error");
            writer.WriteStartObject("error");
            writer.WriteString("type", "rate_limit_error");
            writer.WriteString("message", message);
            writer.WriteString("code", Code);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        response.StatusCode = 429;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
    }
}
