using Majordomo.Engine;
using Majordomo.LoopGuard;

namespace Majordomo.Api;

/// <summary>
/// The loop guard at an ingress: the <c>X-Router-Loop</c> header, and the breaker's refusal (400
/// <c>loop_detected</c>) in the ingress protocol's error shape. Any ingress calls
/// <see cref="ToolLoopGuard.Evaluate"/>, then <see cref="Apply"/> here, then
/// <see cref="LoopInjection.Inject"/> for warning and critical verdicts before routing.
/// </summary>
internal static class LoopGuardHttp
{
    public const string Header = "X-Router-Loop";
    public const string Code = OutcomeMessages.LoopCode;

    public const int Status = OutcomeMessages.LoopStatus;

    /// <summary>Sets the header; true when the request must be refused (the caller then writes <see cref="RefuseAsync"/>).</summary>
    public static bool Apply(HttpContext context, LoopVerdict verdict)
    {
        if (verdict.Header is { } header)
        {
            context.Response.Headers[Header] = header;
        }

        return verdict.Level == LoopLevel.Breaker;
    }

    /// <summary>
    /// 400 <c>loop_detected</c> in the ingress's error shape (SPEC §1.8): agents and SDKs retry a 429 as a
    /// rate limit, re-sending the looping request; a 400 is shown to the user. <c>x-should-retry: false</c>
    /// says the same to the OpenAI and Anthropic SDKs.
    /// </summary>
    public static Task RefuseAsync(HttpContext context, LoopVerdict verdict, Ingress ingress)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Headers["x-should-retry"] = "false";
        return ingress.WriteErrorAsync(context, Status, OutcomeMessages.LoopRefusal(verdict), Errors.TypeFor(Status), Code);
    }
}
