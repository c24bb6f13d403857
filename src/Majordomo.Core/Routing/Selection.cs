using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Config;

namespace Majordomo.Routing;

/// <summary>What selection needs to know about one request besides the snapshot.</summary>
internal readonly record struct SelectionInput(
    Classification.Classification Classification,
    int RequiredContext,
    DegradationLevel Degradation,
    bool EscalationAllowed,
    GateContext Gate);

/// <summary>A model selection left out, and why (explain output and 503 bodies).</summary>
internal sealed record ExcludedCandidate(ModelEntry Model, string Reason, DateTimeOffset? Until);

/// <summary>
/// Candidate selection (SPEC §1.4): hard filters over the snapshot's pre-ordered models, then recent
/// latency among models equal in every static key. The ranked list is the request's attempt chain.
/// Runs in one pass with no LINQ; reasons are only formatted when someone asks (explain, 503).
/// </summary>
internal static class Selection
{
    private enum Why
    {
        None,
        Disabled,
        Escalation,
        DegradationTier,
        DegradationLocal,
        Sensitive,
        Quality,
        Capability,
        Context,
        Gate,
    }

    /// <summary>
    /// Ranks the eligible models. <paramref name="excluded"/>, when given, receives every model left out
    /// with its reason. <paramref name="soonest"/> is the earliest time a model held back only by a
    /// runtime gate (health, cooldown, rate limit, budget) becomes available again.
    /// </summary>
    public static List<ChainEntry> Rank(
        RoutingSnapshot snapshot, in SelectionInput input, IModelGate[] gates, LatencyTracker latency,
        List<ExcludedCandidate>? excluded, out DateTimeOffset? soonest)
    {
        soonest = null;
        var policy = snapshot.Selection;
        var ordered = input.Degradation.PreferCheaper ? snapshot.ByCost : snapshot.ByLocality;
        var classification = input.Classification;
        var floor = Math.Max(0, policy.FloorFor(classification.Complexity) - policy.Tolerance);
        var capability = policy.CapabilityFor(classification.TaskType);
        var result = new List<ChainEntry>(Math.Min(ordered.Length, 16));

        // Group and latency of each ranked entry, for the tie-break insertion below.
        Span<int> groups = ordered.Length <= 128 ? stackalloc int[ordered.Length] : new int[ordered.Length];
        Span<double> latencies = ordered.Length <= 128 ? stackalloc double[ordered.Length] : new double[ordered.Length];

        foreach (var candidate in ordered)
        {
            var model = candidate.Model;
            var why = StaticCheck(model, policy, in input, floor, capability);
            Unavailability? gate = null;
            if (why == Why.None)
            {
                gate = CheckGates(gates, model, input.Gate);
                if (gate is not null)
                {
                    why = Why.Gate;
                }
            }

            if (why != Why.None)
            {
                if (gate?.Until is { } until && (soonest is null || until < soonest))
                {
                    soonest = until;
                }

                excluded?.Add(new ExcludedCandidate(model, Describe(why, model, policy, in input, floor, capability, gate), gate?.Until));
                continue;
            }

            // Insert after every ranked model of an earlier group, and after equals that are faster.
            var key = candidate.Tied ? latency.Key(model.Id) : 0;
            var at = result.Count;
            while (at > 0 && groups[at - 1] == candidate.Group && latencies[at - 1] > key)
            {
                at--;
            }

            for (var i = result.Count; i > at; i--)
            {
                groups[i] = groups[i - 1];
                latencies[i] = latencies[i - 1];
            }

            groups[at] = candidate.Group;
            latencies[at] = key;
            result.Insert(at, candidate.Entry);
        }

        return result;
    }

    /// <summary>
    /// Whether <see cref="SelectionPolicy.Fallback"/> may be tried for this request: enabled, let through
    /// by every gate, and still honouring privacy (sensitive → local) and a local-only degradation.
    /// Quality, capability and context are what made selection come up empty, so they do not apply.
    /// </summary>
    public static string? FallbackUnavailable(RoutingSnapshot snapshot, in SelectionInput input, IModelGate[] gates, out DateTimeOffset? until)
    {
        until = null;
        var policy = snapshot.Selection;
        if (policy.Fallback is not { } entry)
        {
            return "no selection.fallbackModel is configured";
        }

        var model = entry.Model;
        if (!model.Enabled)
        {
            return $"fallback '{model.Id}' is disabled";
        }

        if (input.Classification.Sensitive && policy.SensitiveLocalOnly && !IsLocal(model))
        {
            return $"fallback '{model.Id}' is {model.Provider.Locality} and the prompt is sensitive";
        }

        if (input.Degradation.LocalOnly && !IsLocal(model) && !model.IsFree)
        {
            return $"fallback '{model.Id}' is excluded by degradation level '{input.Degradation.Name}' (local/free models only)";
        }

        if (CheckGates(gates, model, input.Gate) is { } gate)
        {
            until = gate.Until;
            return $"fallback '{model.Id}': {gate.Reason}";
        }

        return null;
    }

    public static Unavailability? CheckGates(IModelGate[] gates, ModelEntry model, in GateContext context)
    {
        foreach (var gate in gates)
        {
            if (gate.Check(model, in context) is { } unavailable)
            {
                return unavailable;
            }
        }

        return null;
    }

    private static bool IsLocal(ModelEntry model) => Localities.IsLocal(model.Provider.Locality);

    private static Why StaticCheck(ModelEntry model, SelectionPolicy policy, in SelectionInput input, int floor, string? capability)
    {
        if (!model.Enabled)
        {
            return Why.Disabled;
        }

        if (!input.EscalationAllowed && policy.ExplicitEscalation && model.Tier > 0)
        {
            return Why.Escalation;
        }

        var degradation = input.Degradation;
        if (degradation.MaxTier is { } maxTier && model.Tier > maxTier)
        {
            return Why.DegradationTier;
        }

        if (degradation.LocalOnly && !IsLocal(model) && !model.IsFree)
        {
            return Why.DegradationLocal;
        }

        if (input.Classification.Sensitive && policy.SensitiveLocalOnly && !IsLocal(model))
        {
            return Why.Sensitive;
        }

        if (model.Quality < floor)
        {
            return Why.Quality;
        }

        if (capability is not null && !Has(model.Capabilities, capability))
        {
            return Why.Capability;
        }

        if (model.ContextWindow is { } window && window < input.RequiredContext)
        {
            return Why.Context;
        }

        return Why.None;
    }

    private static bool Has(IReadOnlyList<string> capabilities, string wanted)
    {
        for (var i = 0; i < capabilities.Count; i++)
        {
            if (string.Equals(capabilities[i], wanted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Why why, ModelEntry model, SelectionPolicy policy, in SelectionInput input, int floor, string? capability, Unavailability? gate) => why switch
    {
        Why.Disabled => "disabled",
        Why.Escalation => $"tier {model.Tier} above 0 and selection.escalation is explicit (only an alias, /use or an escalation route may pick it)",
        Why.DegradationTier => $"tier {model.Tier} above {input.Degradation.MaxTier} allowed by degradation level '{input.Degradation.Name}'",
        Why.DegradationLocal => $"degradation level '{input.Degradation.Name}' allows only local or free models",
        Why.Sensitive => $"sensitive prompt and the model is {model.Provider.Locality} (selection.sensitiveLocalOnly)",
        Why.Quality => $"quality {model.Quality} below floor {floor} for '{input.Classification.Complexity}' (floor {policy.FloorFor(input.Classification.Complexity)} minus tolerance {policy.Tolerance})",
        Why.Capability => $"lacks capability '{capability}' required for task type '{input.Classification.TaskType}'",
        Why.Context => $"context window {model.ContextWindow} smaller than the {input.RequiredContext} tokens needed (prompt + requested output)",
        Why.Gate => gate!.Value.Reason,
        _ => "eligible",
    };
}
