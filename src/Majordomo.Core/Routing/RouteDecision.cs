using Majordomo.Budgets;

namespace Majordomo.Routing;

/// <summary>
/// What the router decided for one request: a plan to execute, an error to answer, or a reply the
/// router gives itself (<c>/use</c>, <c>/status</c>). Exactly one is set. Protocol-neutral: each
/// ingress renders errors and replies in its own wire format.
/// </summary>
internal readonly record struct RouteDecision(RoutePlan? Plan, RouteError? Error, CommandReply? Reply)
{
    public static RouteDecision For(RoutePlan plan) => new(plan, null, null);

    public static RouteDecision For(RouteError error) => new(null, error, null);

    public static RouteDecision For(CommandReply reply) => new(null, null, reply);
}

/// <summary>A reply written by the router itself, without calling a model.</summary>
internal sealed record CommandReply(string Text, string Model, string Command)
{
    /// <summary>The model name the router answers as.</summary>
    public const string RouterModel = "majordomo";
}

/// <summary>
/// A routing failure for the client. <see cref="Headers"/> carries tier/rule/classification for the
/// <c>X-Router-*</c> headers when the decision got that far. A 503 from selection lists every
/// candidate with why it was excluded and <see cref="AvailableAt"/>, the soonest one is back.
/// </summary>
internal sealed record RouteError(int Status, string Code, string Message)
{
    public string? Param { get; init; }

    public RoutePlan? Headers { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public IReadOnlyList<ExcludedCandidate>? Candidates { get; init; }

    public DateTimeOffset? AvailableAt { get; init; }
}

/// <summary>
/// Collects what explain output shows (SPEC §4 <c>POST /v1/route</c>): classification, rule,
/// degradation and every excluded candidate with its reason. Only explain requests allocate one.
/// </summary>
internal sealed class DecisionTrace
{
    public Classification.Classification? Classification { get; set; }

    public DegradationLevel Degradation { get; set; } = DegradationLevel.Normal;

    public List<ExcludedCandidate> Excluded { get; } = [];

    /// <summary>Notes for a human: a queue that would wait, a pattern that timed out, a classifier fallback.</summary>
    public List<string> Notes { get; } = [];
}
