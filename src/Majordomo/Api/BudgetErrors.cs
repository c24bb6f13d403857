using System.Globalization;
using Majordomo.Engine;
using Majordomo.Execution;
using Majordomo.Routing;

namespace Majordomo.Api;

internal static class BudgetHeaders
{
    /// <summary>The degradation level in force for the request (<c>normal</c>, <c>prefer-cheaper</c>, <c>max-tier 1</c>, …).</summary>
    public const string Degradation = "X-Router-Degradation";
}

/// <summary>The answer when budgets left no model to try: 429 naming each budget and when it resets.</summary>
internal static class BudgetErrors
{
    public const string Code = OutcomeMessages.BudgetCode;

    /// <summary>Refused because the shared budget counters could not be checked (<c>storage.onOutage</c>).</summary>
    public const string OutageCode = "storage_unavailable";

    public static async Task<(int Status, string Code)> WriteRefusedAsync(HttpContext context, Ingress ingress, RoutePlan plan, IReadOnlyList<RefusedEntry> refusals)
    {
        RouterHeaders.Write(context.Response, plan, null, 0);
        DateTimeOffset? soonest = null;
        foreach (var r in refusals)
        {
            if (r.Reason.Until is { } until && (soonest is null || until < soonest))
            {
                soonest = until;
            }
        }

        if (soonest is { } s)
        {
            var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var seconds = Math.Max(1, (long)Math.Ceiling((s - now).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var message = OutcomeMessages.BudgetRefusal(plan, refusals);
        // The store could not check the counters (storage.onOutage): not a budget used up, a service problem.
        if (refusals.Any(r => Budgets.BudgetLedger.IsOutage(r.Reason)))
        {
            await ingress.WriteErrorAsync(context, 503, message, "server_error", OutageCode).ConfigureAwait(false);
            return (503, OutageCode);
        }

        await ingress.WriteErrorAsync(context, 429, message, "rate_limit_error", Code).ConfigureAwait(false);
        return (429, Code);
    }
}
