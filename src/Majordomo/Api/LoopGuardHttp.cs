using System.Globalization;
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

    /// <summary>429 <c>loop_detected</c> in the ingress's error shape; <c>x-should-retry: false</c> tells the OpenAI and Anthropic SDKs a retry cannot help.</summary>
    public static Task RefuseAsync(HttpContext context, LoopVerdict verdict, Ingress ingress)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Headers["x-should-retry"] = "false";
        return ingress.WriteErrorAsync(context, 429, RefusalMessage(verdict), Errors.TypeFor(429), Code);
    }
}
