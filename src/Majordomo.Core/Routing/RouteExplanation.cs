using System.Text.Json;
using System.Text.Json.Serialization;
using Majordomo.Chat;

namespace Majordomo.Routing;

/// <summary>
/// The explain object of SPEC §4 (<c>POST /v1/route</c>, <c>majordomo route --json</c>): how a request
/// would be routed, never calling a model. <see cref="Candidates"/> is the ranked attempt chain
/// followed by the excluded models with their reasons.
/// </summary>
internal sealed record RouteExplanation(
    string? Requested,
    string? Route,
    string? Tier,
    string? Rule,
    ClassificationReport? Classification,
    string Degradation,
    string? Selected,
    IReadOnlyList<CandidateReport> Candidates)
{
    /// <summary>When the request would be refused (unknown model, rejected by a rule, nothing available): why.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExplainError? Error { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }
}

internal sealed record ClassificationReport(
    string Complexity,
    string TaskType,
    int EstimatedTokens,
    bool Sensitive,
    IReadOnlyDictionary<string, double> Scores,
    string Source);

/// <summary>One candidate: <see cref="Rank"/> (1-based) in the attempt chain, or null with the reason in <see cref="Excluded"/>.
/// <see cref="Score"/> is the model's quality, the value compared with the floor.</summary>
internal sealed record CandidateReport(string Model, int? Rank, double Score, string? Excluded)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Until { get; init; }
}

internal sealed record ExplainError(int Status, string Code, string Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RouteExplanation))]
internal sealed partial class RouteExplanationJson : JsonSerializerContext
{
    /// <summary>Model ids and reasons quote names; the relaxed encoder keeps them readable (never embedded in HTML).</summary>
    public static RouteExplanationJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>Builds a <see cref="RouteExplanation"/> from a decision made in explain mode.</summary>
internal static class RouteExplainer
{
    public static async ValueTask<RouteExplanation> ExplainAsync(RouteDecider router, RoutingSnapshot snapshot, ChatRequest request, string? apiKeyName, CancellationToken cancellationToken)
    {
        var trace = new DecisionTrace();
        var decision = await router.DecideAsync(snapshot, request, apiKeyName, trace, cancellationToken).ConfigureAwait(false);
        var candidates = new List<CandidateReport>();
        var plan = decision.Plan ?? decision.Error?.Headers;
        if (decision.Plan is { } p)
        {
            var rank = 1;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in p.Attempts)
            {
                // A chain may list a model twice (credentials, retries); the report lists it once, at its first place.
                if (seen.Add(entry.Model.Id))
                {
                    candidates.Add(new CandidateReport(entry.Model.Id, rank++, entry.Model.Quality, null));
                }
            }
        }

        foreach (var x in trace.Excluded)
        {
            // The fallback model can end the chain although selection left it out; it is listed once, ranked.
            if (decision.Plan?.Attempts.Any(a => ReferenceEquals(a.Model, x.Model)) == true)
            {
                continue;
            }

            candidates.Add(new CandidateReport(x.Model.Id, null, x.Model.Quality, x.Reason) { Until = x.Until });
        }

        var c = trace.Classification;
        return new RouteExplanation(
            request.Model,
            plan?.RouteName,
            plan?.Tier,
            plan?.Rule,
            c is null ? null : new ClassificationReport(c.Complexity, c.TaskType, c.EstimatedTokens, c.Sensitive, c.Scores, c.Source),
            trace.Degradation.Name,
            decision.Plan?.Attempts.Count > 0 ? decision.Plan.Attempts[0].Model.Id : null,
            candidates)
        {
            Error = decision.Error is { } e ? new ExplainError(e.Status, e.Code, e.Message) : null,
            Notes = trace.Notes.Count > 0 ? trace.Notes : null,
        };
    }

    /// <summary>A short human-readable rendering for the <c>route</c> verb without <c>--json</c>.</summary>
    public static string ToText(RouteExplanation e)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("requested:      ").AppendLine(e.Requested ?? "(none)");
        sb.Append("route:          ").AppendLine(e.Route ?? "-");
        sb.Append("tier:           ").AppendLine(e.Tier ?? "-");
        sb.Append("rule:           ").AppendLine(e.Rule ?? "none");
        if (e.Classification is { } c)
        {
            sb.Append("classification: ").Append(c.Complexity).Append('/').Append(c.TaskType)
                .Append(", ~").Append(c.EstimatedTokens).Append(" tokens").Append(c.Sensitive ? ", SENSITIVE" : "")
                .Append(" (").Append(c.Source).AppendLine(")");
            if (c.Scores.Count > 0)
            {
                sb.Append("scores:         ").AppendLine(string.Join(", ", c.Scores.OrderByDescending(kv => Math.Abs(kv.Value)).Select(kv => $"{kv.Key}={kv.Value:0.##}")));
            }
        }

        sb.Append("degradation:    ").AppendLine(e.Degradation);
        sb.Append("selected:       ").AppendLine(e.Selected ?? "(none)");
        if (e.Error is { } error)
        {
            sb.Append("error:          ").Append(error.Status).Append(' ').Append(error.Code).Append(": ").AppendLine(error.Message);
        }

        foreach (var note in e.Notes ?? [])
        {
            sb.Append("note:           ").AppendLine(note);
        }

        sb.AppendLine("candidates:");
        foreach (var candidate in e.Candidates)
        {
            sb.Append(candidate.Rank is { } r ? $"  {r,3}. " : "    - ").Append(candidate.Model).Append(" (quality ").Append(candidate.Score).Append(')');
            if (candidate.Excluded is { } why)
            {
                sb.Append(": excluded: ").Append(why);
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
