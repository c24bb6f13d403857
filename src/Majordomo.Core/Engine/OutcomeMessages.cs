using System.Globalization;
using Majordomo.Execution;
using Majordomo.LoopGuard;
using Majordomo.Providers;
using Majordomo.Routing;

namespace Majordomo.Engine;

/// <summary>
/// What a refused or failed request is told, in words both faces use: the HTTP ingresses put them in
/// their error shapes, the library's <c>IChatClient</c> in a <see cref="MajordomoException"/>.
/// </summary>
internal static class OutcomeMessages
{
    public const string LoopCode = "loop_detected";

    /// <summary>A loop refusal is a 400: agents and SDKs retry a 429 as a rate limit, re-sending the looping request.</summary>
    public const int LoopStatus = 400;

    public const string BudgetCode = "budget_exceeded";

    public static string LoopRefusal(LoopVerdict verdict)
    {
        var tool = verdict.ToolName is { } name ? $" ('{name}')" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Majordomo stopped a tool loop: the conversation repeated the same tool call{tool} {verdict.Count} times with no new results ({verdict.Detector}). The request was refused without calling a model (loopDetection.circuitBreakerThreshold = {verdict.BreakerThreshold}). Change approach, or send a new user message to start over.");
    }

    /// <summary>The name a failure message gives the target of the request.</summary>
    public static string Target(RoutePlan plan) => plan.RouteName ?? plan.Requested ?? "the default route";

    /// <summary>Budgets left no model to try (429 <c>budget_exceeded</c>): each budget named.</summary>
    public static string BudgetRefusal(RoutePlan plan, IReadOnlyList<RefusedEntry> refusals) =>
        refusals.Count == 1 && refusals[0].Model is null
            ? $"Request refused: the {refusals[0].Reason.Reason}."
            : $"No model of '{Target(plan)}' may be used within its budgets: " +
              string.Join("; ", refusals.Select(r => $"{r.Model}: the {r.Reason.Reason}")) + ".";

    /// <summary>True when the chain stopped before any attempt because budgets refused every entry.</summary>
    public static bool IsBudgetRefusal(ExecutionOutcome outcome) =>
        outcome.Attempts.Count == 0 && outcome.Refusals is { Count: > 0 } && outcome.Status != ExecutionStatus.Cancelled;

    /// <summary>The status and code of an exhausted chain (not a budget refusal, not cancelled).</summary>
    public static (int Status, string Code) Exhausted(ExecutionOutcome outcome)
    {
        // Nothing was tried because every entry is cooling down, rate limited or otherwise unavailable.
        var nothingTried = outcome.Attempts.Count == 0 && outcome.Skipped is { Count: > 0 };
        return outcome.CommonFailure switch
        {
            FailureClass.RateLimited => (429, "rate_limited"),
            _ when nothingTried => (503, "no_model_available"),
            FailureClass.Timeout => (504, "upstream_timeout"),
            _ => (502, "upstream_failed"),
        };
    }

    /// <summary>Every attempt and every entry not tried, with why.</summary>
    public static string ExhaustedMessage(RoutePlan plan, ExecutionOutcome outcome)
    {
        var target = Target(plan);
        var summary = string.Join("; ", outcome.Attempts.Select(a => $"{a.Model}{(a.Credential is null ? "" : "[" + a.Credential + "]")}: {a.Reason ?? a.Outcome}"));
        var skippedSummary = outcome.Skipped is { Count: > 0 } skipped
            ? string.Join("; ", skipped.Select(s => s.Until is { } u ? $"{s.Model}: {s.Reason} until {u:yyyy-MM-ddTHH:mm:ssZ}" : $"{s.Model}: {s.Reason}"))
            : null;
        var soonest = outcome.AvailableAt is { } at ? $" The soonest becomes available at {at:yyyy-MM-ddTHH:mm:ssZ}." : "";
        return outcome.Attempts.Count == 0
            ? skippedSummary is null ? $"No model of '{target}' could be tried." : $"No model of '{target}' is available now: {skippedSummary}.{soonest}"
            : $"Every model of '{target}' failed ({outcome.Attempts.Count} attempts): {summary}" + (skippedSummary is null ? "" : $". Not tried: {skippedSummary}.{soonest}");
    }
}
