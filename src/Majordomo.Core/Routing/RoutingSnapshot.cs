using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Config;

namespace Majordomo.Routing;

internal enum RuleAction
{
    Route,
    RouteSelf,
    Classify,
    Reject,
    Queue,
}

/// <summary>A Tier 1 rule compiled once per catalog snapshot (SPEC §1.2): conditions, action, resolved target.</summary>
internal sealed class CompiledRule
{
    /// <summary>Bounds one pattern match: a hostile prompt must not pin a core in backtracking.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A pattern reads at most this many characters at each end of the user's words: a rule's cue (a command,
    /// a phrase) is at the start or the end of what the user wrote, and a 20k-token paste must not cost a
    /// full regex scan per rule.
    /// </summary>
    public const int PatternWindow = 4096;

    private static readonly RuleWhenConfig Always = new();

    public required string Id { get; init; }
    public int Priority { get; init; }

    /// <summary>The conditions as configured (immutable; none: the rule always matches); the pattern is compiled into <see cref="Pattern"/>.</summary>
    public RuleWhenConfig When { get; init; } = Always;

    public Regex? Pattern { get; init; }
    public RuleAction Action { get; init; }
    public string? TargetName { get; init; }

    /// <summary>The resolved target of <c>route</c> / <c>queue</c>; null for other actions.</summary>
    public RouteResolution Target { get; init; }

    public int MaxWaitMs { get; init; }
    public string? Message { get; init; }

    /// <summary>True when matching needs the parsed prompt (text, media, tools or tokens).</summary>
    public bool NeedsPrompt => Pattern is not null || When.HasMedia is not null || When.HasTools is not null || When.MinTokens is not null || When.MaxTokens is not null;

    /// <summary>Conditions on request metadata only: checked before the prompt is parsed.</summary>
    public bool MatchesMetadata(ChatRequest request)
    {
        var m = request.Metadata;
        return Same(When.Source, m.Source) && Same(When.Channel, m.Channel) && Same(When.Kind, m.Kind) &&
               (When.Model is null || string.Equals(When.Model, request.Model, StringComparison.Ordinal));

        static bool Same(string? wanted, string? actual) =>
            wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Conditions on the prompt. A pattern that times out does not match (the caller logs it).</summary>
    public bool MatchesPrompt(PromptView view, out bool timedOut)
    {
        timedOut = false;
        if ((When.HasMedia is { } media && media != view.HasMedia) || (When.HasTools is { } tools && tools != view.HasTools))
        {
            return false;
        }

        if (When.MinTokens is not null || When.MaxTokens is not null)
        {
            var tokens = view.EstimatedPromptTokens;
            if ((When.MinTokens is { } min && tokens < min) || (When.MaxTokens is { } max && tokens > max))
            {
                return false;
            }
        }

        if (Pattern is null)
        {
            return true;
        }

        if (view.Recorded is { } recorded)
        {
            // A replayed row has no text: its pattern matched then if this rule (by id) is the one that matched.
            return string.Equals(recorded.Rule, Id, StringComparison.Ordinal);
        }

        try
        {
            return WindowMatch(Pattern, view.LastUserChars);
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
            return false;
        }
    }

    /// <summary>
    /// Matches the whole text when it is short, else its first and last <see cref="PatternWindow"/> characters:
    /// the last window scans from its start with the whole text visible, so <c>$</c> and look-behinds keep their
    /// meaning there; the first window is a slice, so a <c>$</c> may also match at its cut.
    /// </summary>
    internal static bool WindowMatch(Regex pattern, ReadOnlySpan<char> text) =>
        text.Length <= 2 * PatternWindow
            ? pattern.IsMatch(text)
            : pattern.IsMatch(text[..PatternWindow]) || pattern.IsMatch(text, text.Length - PatternWindow);
}

/// <summary>Selection settings of SPEC §1.4 with defaults applied.</summary>
internal sealed class SelectionPolicy
{
    public static readonly FrozenDictionary<string, int> DefaultFloors = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Complexity.Simple] = 0,
        [Complexity.Medium] = 40,
        [Complexity.Complex] = 65,
        [Complexity.Reasoning] = 80,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, string> DefaultTaskCapabilities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["coding"] = "code",
        ["math"] = "math",
        ["vision"] = "vision",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public required FrozenDictionary<string, int> Floors { get; init; }
    public required FrozenDictionary<string, string> TaskCapabilities { get; init; }

    /// <summary>Capabilities at least one model declares; a capability nobody declares is not enforced.</summary>
    public required FrozenSet<string> DeclaredCapabilities { get; init; }

    public int Tolerance { get; init; }
    public bool ExplicitEscalation { get; init; }
    public bool SensitiveLocalOnly { get; init; } = true;
    public ChainEntry? Fallback { get; init; }

    public int FloorFor(string complexity) => Floors.TryGetValue(complexity, out var floor) ? floor : 0;

    /// <summary>The capability a task type requires, when some model declares it; else null.</summary>
    public string? CapabilityFor(string taskType) =>
        TaskCapabilities.TryGetValue(taskType, out var capability) && DeclaredCapabilities.Contains(capability) ? capability : null;
}

/// <summary>
/// What smart routing reads for one catalog snapshot, built once per snapshot (never per request):
/// rules sorted by priority with compiled regexes, the selection policy, and the candidates in their
/// static order (locality, cost, quality), so a request only filters and breaks ties by latency.
/// </summary>
internal sealed class RoutingSnapshot
{
    public required Catalog.Catalog Catalog { get; init; }

    /// <summary>Every gate, bound to this snapshot's settings (health interval, budget plan).</summary>
    public IModelGate[] Gates { get; init; } = [];

    /// <summary>The budget plan of this snapshot (degradation level).</summary>
    public BudgetPlan Budgets { get; init; } = BudgetPlan.Empty;

    public required CompiledRule[] Rules { get; init; }
    public required SelectionPolicy Selection { get; init; }

    /// <summary>Every model (disabled ones too, so explain can say why) in locality, cost, quality order.</summary>
    public required Candidate[] ByLocality { get; init; }

    /// <summary>The same models in cost, locality, quality order (degradation <c>prefer-cheaper</c>).</summary>
    public required Candidate[] ByCost { get; init; }

    public ChainEntry? SelfModel { get; init; }
    public bool CommandsEnabled { get; init; } = true;
    public string ClassifierMode { get; init; } = ClassifierModes.Heuristic;
    public ModelEntry? ClassifierModel { get; init; }
    public int ClassifierTimeoutMs { get; init; } = 5000;

    /// <summary>One model as selection sees it: its chain entry and its position group for latency tie-breaks.</summary>
    public sealed record Candidate(ChainEntry Entry, int Group, bool Tied)
    {
        public ModelEntry Model => Entry.Model;
    }

    public static RoutingSnapshot Build(Catalog.Catalog catalog, IModelGate[]? gates = null, BudgetPlan? budgets = null)
    {
        var config = catalog.Config;
        var rules = new List<CompiledRule>();
        var list = config.Rules ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            if (r is null || r.Enabled == false)
            {
                continue;
            }

            rules.Add(Compile(catalog, r, i));
        }

        // Stable: equal priorities keep file order.
        var sorted = rules.Select((r, i) => (r, i)).OrderBy(x => x.r.Priority).ThenBy(x => x.i).Select(x => x.r).ToArray();

        var s = config.Selection;
        var floors = new Dictionary<string, int>(SelectionPolicy.DefaultFloors, StringComparer.Ordinal);
        foreach (var (level, floor) in s?.QualityFloors ?? [])
        {
            floors[level] = floor;
        }

        var capabilities = new Dictionary<string, string>(SelectionPolicy.DefaultTaskCapabilities, StringComparer.Ordinal);
        foreach (var (task, capability) in s?.TaskCapabilities ?? [])
        {
            capabilities[task] = capability;
        }

        var declared = catalog.Models.Values.SelectMany(m => m.Capabilities).ToFrozenSet(StringComparer.Ordinal);
        var policy = new SelectionPolicy
        {
            Floors = floors.ToFrozenDictionary(StringComparer.Ordinal),
            TaskCapabilities = capabilities.ToFrozenDictionary(StringComparer.Ordinal),
            DeclaredCapabilities = declared,
            Tolerance = s?.QualityTolerance ?? 0,
            ExplicitEscalation = s?.Escalation == Escalations.Explicit,
            SensitiveLocalOnly = s?.SensitiveLocalOnly ?? true,
            Fallback = s?.FallbackModel is { } fb ? ModelChainEntry(catalog, fb) : null,
        };

        var entries = catalog.Models.Values.Select(m => m.Chain[0]).ToArray();
        var byLocality = Order(entries, costFirst: false);
        var byCost = Order(entries, costFirst: true);

        var classifier = config.Classifier;
        return new RoutingSnapshot
        {
            Catalog = catalog,
            Gates = gates ?? [],
            Budgets = budgets ?? BudgetPlan.Empty,
            Rules = sorted,
            Selection = policy,
            ByLocality = byLocality,
            ByCost = byCost,
            SelfModel = config.SelfModel is { } self ? ModelChainEntry(catalog, self) : null,
            CommandsEnabled = config.Commands?.Enabled ?? true,
            ClassifierMode = classifier?.Mode ?? ClassifierModes.Heuristic,
            ClassifierModel = classifier?.Model is { } cm ? ModelFor(catalog, cm) : null,
            ClassifierTimeoutMs = classifier?.TimeoutMs ?? 5000,
        };
    }

    private static ModelEntry? ModelFor(Catalog.Catalog catalog, string name) =>
        catalog.Models.TryGetValue(name, out var m) || catalog.Aliases.TryGetValue(name, out m) ? m : null;

    /// <summary>A single-model entry with the model's own policy (not its fallbacks).</summary>
    private static ChainEntry? ModelChainEntry(Catalog.Catalog catalog, string name) => ModelFor(catalog, name)?.Chain[0];

    private static CompiledRule Compile(Catalog.Catalog catalog, RuleConfig r, int index)
    {
        var when = r.When;
        var action = r.Action switch
        {
            RuleActions.Route => RuleAction.Route,
            RuleActions.RouteSelf => RuleAction.RouteSelf,
            RuleActions.Reject => RuleAction.Reject,
            RuleActions.Queue => RuleAction.Queue,
            _ => RuleAction.Classify,
        };
        return new CompiledRule
        {
            Id = r.Id ?? "rules[" + index + "]",
            Priority = r.Priority ?? 100,
            When = when ?? new RuleWhenConfig(),

            // The validator has compiled every pattern already; a bad one never reaches a snapshot.
            Pattern = when?.Pattern is { } p ? new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, CompiledRule.MatchTimeout) : null,
            Action = action,
            TargetName = r.Target,
            Target = r.Target is { } t && action is RuleAction.Route or RuleAction.Queue ? RouteResolver.ResolveName(catalog, t, null) : default,
            MaxWaitMs = r.MaxWaitMs ?? 0,
            Message = r.Message,
        };
    }

    public static double PriceOf(ModelEntry m) => m.InputPerMTok + m.OutputPerMTok;

    private static Candidate[] Order(ChainEntry[] entries, bool costFirst)
    {
        var ordered = (costFirst
                ? entries.OrderBy(e => PriceOf(e.Model)).ThenBy(e => e.Model.Multiplier).ThenBy(e => CatalogBuilder.LocalityRank(e.Model.Provider.Locality))
                : entries.OrderBy(e => CatalogBuilder.LocalityRank(e.Model.Provider.Locality)).ThenBy(e => PriceOf(e.Model)).ThenBy(e => e.Model.Multiplier))
            .ThenByDescending(e => e.Model.Quality)
            .ThenBy(e => e.Model.Id, StringComparer.Ordinal)
            .ToArray();

        // Models equal in every static key form a group; only inside a group does recent latency decide.
        var groups = new int[ordered.Length];
        for (var i = 1; i < ordered.Length; i++)
        {
            groups[i] = SameKey(ordered[i - 1].Model, ordered[i].Model) ? groups[i - 1] : groups[i - 1] + 1;
        }

        var result = new Candidate[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var tied = (i > 0 && groups[i - 1] == groups[i]) || (i + 1 < ordered.Length && groups[i + 1] == groups[i]);
            result[i] = new Candidate(ordered[i], groups[i], tied);
        }

        return result;
    }

    private static bool SameKey(ModelEntry a, ModelEntry b) =>
        CatalogBuilder.LocalityRank(a.Provider.Locality) == CatalogBuilder.LocalityRank(b.Provider.Locality) &&
        PriceOf(a) == PriceOf(b) && a.Multiplier == b.Multiplier && a.Quality == b.Quality;
}
