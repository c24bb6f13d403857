using System.Globalization;
using System.Text;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Config;

namespace Majordomo.Routing;

/// <summary>
/// Decides where a request goes (SPEC §1.1–§1.5) — a <see cref="RoutePlan"/>, a route error or a command
/// reply: built-in commands, then resolution with the session pin (<see cref="RouteResolver"/>), then for a
/// smart route Tier 1 rules, Tier 2 classification, candidate selection and the Tier 3 fallback.
/// Requests naming a model, alias or plain route never parse the prompt or classify it.
/// </summary>
internal sealed partial class RouteDecider(
    IDegradationSource degradation,
    LatencyTracker latency,
    SessionPins pins,
    TimeProvider time,
    ILogger<RouteDecider> logger)
{
    /// <summary>Status recorded (never sent) when the client disconnects before the decision is made.</summary>
    public const int ClientClosed = 499;

    /// <summary>The classification source of a replayed row's stored classification.</summary>
    public const string RecordedSource = "recorded";

    private static readonly IReadOnlyDictionary<string, double> NoScores = System.Collections.Frozen.FrozenDictionary<string, double>.Empty;

    private readonly ModelClassifier _modelClassifier = new(time, logger);

    public LatencyTracker Latency => latency;

    /// <summary>Decides a request. <paramref name="apiKeyName"/> is the gateway key's name (budgets, gates).</summary>
    public ValueTask<RouteDecision> DecideAsync(RoutingSnapshot snapshot, ChatRequest request, string? apiKeyName, CancellationToken cancellationToken) =>
        DecideAsync(snapshot, request, apiKeyName, null, cancellationToken);

    /// <summary>
    /// Decides a request; with a <paramref name="trace"/> it explains instead: no command is executed,
    /// no queue waits, no model is asked to classify, and the trace collects what explain output shows.
    /// </summary>
    public ValueTask<RouteDecision> DecideAsync(RoutingSnapshot snapshot, ChatRequest request, string? apiKeyName, DecisionTrace? trace, CancellationToken cancellationToken)
    {
        var catalog = snapshot.Catalog;
        PromptView? view = null;

        if (trace is null && snapshot.CommandsEnabled && Commands.MayBeCommand(request.Body.Span))
        {
            view = Parse(request);
            if (Commands.Parse(view.LastUserChars) is { } command)
            {
                return RunCommandAsync(snapshot, request, command, apiKeyName, cancellationToken);
            }
        }

        string? pin = null;
        if (!pins.IsEmpty && RouteResolver.PinApplies(catalog, request))
        {
            pin = PinFor(catalog, request.SessionKey);
        }

        var resolution = RouteResolver.Resolve(catalog, request, pin);
        if (resolution.Smart is { } smart)
        {
            return SmartAsync(snapshot, smart, request, view, apiKeyName, trace, cancellationToken);
        }

        if (resolution.Plan is { } plan)
        {
            if (trace is not null)
            {
                view ??= Parse(request);
                trace.Classification = HeuristicClassifier.Classify(view);
                trace.Degradation = degradation.Current(snapshot.Budgets, time.GetUtcNow(), apiKeyName);
            }

            return new ValueTask<RouteDecision>(RouteDecision.For(plan));
        }

        var status = resolution.ErrorCode == RouteResolver.ModelNotFound ? 404 : 503;
        return new ValueTask<RouteDecision>(RouteDecision.For(new RouteError(status, resolution.ErrorCode!, resolution.ErrorMessage!) { Param = "model" }));
    }

    private static PromptView Parse(ChatRequest request) => request.Prompt;

    /// <summary>A stored pin that no longer names anything (the config changed) is ignored, not an error.</summary>
    private string? PinFor(Catalog.Catalog catalog, string session) =>
        pins.Get(session) is { } pin && RouteResolver.ResolveName(catalog, pin, null).ErrorCode is null ? pin : null;

    private async ValueTask<RouteDecision> SmartAsync(
        RoutingSnapshot snapshot, RouteEntry route, ChatRequest request, PromptView? view, string? apiKeyName,
        DecisionTrace? trace, CancellationToken cancellationToken)
    {
        string? matchedRule = null;
        foreach (var rule in snapshot.Rules)
        {
            if (!rule.MatchesMetadata(request))
            {
                continue;
            }

            if (rule.NeedsPrompt)
            {
                view ??= Parse(request);
                if (!rule.MatchesPrompt(view, out var timedOut))
                {
                    if (timedOut)
                    {
                        LogPatternTimeout(logger, rule.Id);
                        trace?.Notes.Add($"rule '{rule.Id}': pattern timed out and did not match");
                    }

                    continue;
                }
            }

            matchedRule = rule.Id;
            switch (rule.Action)
            {
                case RuleAction.Route when !rule.Target.IsSmart:
                    return TargetDecision(snapshot, rule, rule.Target, request, route, view, apiKeyName, trace);
                case RuleAction.RouteSelf:
                    Explained(snapshot, trace, ref view, request, apiKeyName);
                    return RouteDecision.For(new RoutePlan(request.Model, route.Name, RouteTier.Self, rule.Id, null, [snapshot.SelfModel!]));
                case RuleAction.Reject:
                    Explained(snapshot, trace, ref view, request, apiKeyName);
                    return RouteDecision.For(new RouteError(403, "rejected_by_rule", rule.Message ?? $"This request was rejected by the router's rule '{rule.Id}'.")
                    {
                        Headers = new RoutePlan(request.Model, route.Name, RouteTier.Rule, rule.Id, null, []),
                    });
                case RuleAction.Queue when !rule.Target.IsSmart:
                    return await QueueAsync(snapshot, rule, request, route, view, apiKeyName, trace, cancellationToken).ConfigureAwait(false);
            }

            // classify, or a route/queue whose target is itself a smart route: Tier 2 decides.
            break;
        }

        view ??= Parse(request);
        var classification = await ClassifyAsync(snapshot, view, trace, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var level = degradation.Current(snapshot.Budgets, now, apiKeyName);
        if (trace is not null)
        {
            trace.Classification = classification;
            trace.Degradation = level;
        }

        var required = (int)Math.Min(int.MaxValue, (long)view.EstimatedPromptTokens + (view.MaxOutputTokens ?? 0));
        var input = new SelectionInput(classification, required, level, route.Escalation, new GateContext(now, apiKeyName, request.Metadata.Source));
        var ranked = Selection.Rank(snapshot, in input, snapshot.Gates, latency, trace?.Excluded, out var soonest);
        var header = classification.HeaderValue;
        if (ranked.Count > 0)
        {
            // The fallback model ends the chain when it is not in it already: one more safe place to land.
            if (snapshot.Selection.Fallback is { } fallback && !Contains(ranked, fallback.Model) &&
                Selection.FallbackUnavailable(snapshot, in input, snapshot.Gates, out _) is null)
            {
                ranked.Add(fallback);
            }

            return RouteDecision.For(new RoutePlan(request.Model, route.Name, RouteTier.Classified, matchedRule, header, ranked) { Classified = classification });
        }

        var why = Selection.FallbackUnavailable(snapshot, in input, snapshot.Gates, out var fallbackUntil);
        if (why is null)
        {
            return RouteDecision.For(new RoutePlan(request.Model, route.Name, RouteTier.Fallback, matchedRule, header, [snapshot.Selection.Fallback!]) { Classified = classification });
        }

        // Nothing at all: the 503 lists every candidate and why (rank again, collecting reasons, only now).
        var excluded = trace?.Excluded ?? [];
        if (trace is null)
        {
            Selection.Rank(snapshot, in input, snapshot.Gates, latency, excluded, out _);
        }

        if (fallbackUntil is { } fu && (soonest is null || fu < soonest))
        {
            soonest = fu;
        }

        var message = new StringBuilder(256)
            .Append("No model can take this request on route '").Append(route.Name).Append("' (")
            .Append(classification.Complexity).Append('/').Append(classification.TaskType)
            .Append(classification.Sensitive ? ", sensitive" : "").Append("); ").Append(why).Append('.');
        if (soonest is { } s)
        {
            message.Append(" The soonest a model becomes available is ").Append(s.ToString("O", CultureInfo.InvariantCulture)).Append('.');
        }

        return RouteDecision.For(new RouteError(503, "no_model_available", message.ToString())
        {
            Headers = new RoutePlan(request.Model, route.Name, RouteTier.Fallback, matchedRule, header, []) { Classified = classification },
            Candidates = excluded,
            AvailableAt = soonest,
            RetryAfterSeconds = soonest is { } r ? Seconds(r - now) : null,
        });
    }

    private RouteDecision TargetDecision(RoutingSnapshot snapshot, CompiledRule rule, RouteResolution target, ChatRequest request, RouteEntry route, PromptView? view, string? apiKeyName, DecisionTrace? trace)
    {
        Explained(snapshot, trace, ref view, request, apiKeyName);
        if (target.Plan is not { } plan)
        {
            return RouteDecision.For(new RouteError(503, target.ErrorCode ?? "no_model_available", target.ErrorMessage ?? $"Rule '{rule.Id}' routes to '{rule.TargetName}', which has no enabled model.")
            {
                Headers = new RoutePlan(request.Model, route.Name, RouteTier.Rule, rule.Id, null, []),
            });
        }

        return RouteDecision.For(plan with { Requested = request.Model, Tier = RouteTier.Rule, Rule = rule.Id });
    }

    /// <summary>
    /// <c>queue</c>: route to the target as soon as one of its models is let through by every gate,
    /// waiting (on the injected clock) until the soonest time a gate names, for at most <c>maxWaitMs</c>;
    /// past that, 429 with <c>Retry-After</c>. Explain never waits; it says what would happen.
    /// </summary>
    private async ValueTask<RouteDecision> QueueAsync(RoutingSnapshot snapshot, CompiledRule rule, ChatRequest request, RouteEntry route, PromptView? view, string? apiKeyName, DecisionTrace? trace, CancellationToken cancellationToken)
    {
        if (rule.Target.Plan is not { } plan)
        {
            return TargetDecision(snapshot, rule, rule.Target, request, route, view, apiKeyName, trace);
        }

        var deadline = time.GetUtcNow().AddMilliseconds(rule.MaxWaitMs);
        while (true)
        {
            var now = time.GetUtcNow();
            var context = new GateContext(now, apiKeyName, request.Metadata.Source);
            DateTimeOffset? soonest = null;
            var free = false;
            foreach (var entry in plan.Attempts)
            {
                if (!entry.Model.Enabled)
                {
                    continue;
                }

                if (Selection.CheckGates(snapshot.Gates, entry.Model, in context) is not { } unavailable)
                {
                    free = true;
                    break;
                }

                if (unavailable.Until is { } until && (soonest is null || until < soonest))
                {
                    soonest = until;
                }
            }

            if (free || trace is not null)
            {
                if (!free)
                {
                    trace!.Notes.Add($"rule '{rule.Id}' would queue: no model of '{rule.TargetName}' is free now" +
                        (soonest is { } at ? $" (soonest {at.ToString("O", CultureInfo.InvariantCulture)}, waits up to {rule.MaxWaitMs} ms)" : ""));
                }

                return TargetDecision(snapshot, rule, rule.Target, request, route, view, apiKeyName, trace);
            }

            if (soonest is not { } next || next > deadline)
            {
                var retryAfter = soonest is { } s ? Seconds(s - now) : Math.Max(1, (int)Math.Ceiling(rule.MaxWaitMs / 1000.0));
                return RouteDecision.For(new RouteError(429, "queue_timeout",
                    $"Rule '{rule.Id}' queued this request for '{rule.TargetName}', but no model of it is free within {rule.MaxWaitMs} ms (maxWaitMs). Retry after {retryAfter} s.")
                {
                    Headers = new RoutePlan(request.Model, route.Name, RouteTier.Rule, rule.Id, null, []),
                    RetryAfterSeconds = retryAfter,
                });
            }

            var wait = next - now;
            try
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The client left while queued: nothing to answer, and not a routing failure.
                return RouteDecision.For(new RouteError(ClientClosed, "client_closed", "The client disconnected while the request was queued.")
                {
                    Headers = new RoutePlan(request.Model, route.Name, RouteTier.Rule, rule.Id, null, []),
                });
            }
        }
    }

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));

    private static bool Contains(List<ChainEntry> ranked, ModelEntry model)
    {
        foreach (var entry in ranked)
        {
            if (ReferenceEquals(entry.Model, model))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Explain output shows a classification even when a rule decided without one.</summary>
    private void Explained(RoutingSnapshot snapshot, DecisionTrace? trace, ref PromptView? view, ChatRequest request, string? apiKeyName)
    {
        if (trace is null)
        {
            return;
        }

        view ??= Parse(request);
        trace.Classification ??= HeuristicClassifier.Classify(view);
        trace.Degradation = degradation.Current(snapshot.Budgets, time.GetUtcNow(), apiKeyName);
    }

    /// <summary>
    /// Tier 2: the heuristic, or with <c>classifier.mode: "model"</c> the classifier model through its
    /// provider (falling back to the heuristic's answer, recorded as <c>heuristic-fallback</c>). Explain
    /// never calls a model: it shows the heuristic's answer and says so.
    /// </summary>
    private async ValueTask<Classification.Classification> ClassifyAsync(RoutingSnapshot snapshot, PromptView view, DecisionTrace? trace, CancellationToken cancellationToken)
    {
        if (view.Recorded is { Complexity: { } complexity, TaskType: { } taskType } recorded)
        {
            // A replayed row without its text: the classification it got then is the best there is.
            return new Classification.Classification(complexity, taskType, recorded.Tokens, recorded.Sensitive, NoScores, RecordedSource);
        }

        if (snapshot.ClassifierMode != "model" || snapshot.ClassifierModel is not { } model)
        {
            return HeuristicClassifier.Classify(view);
        }

        if (trace is not null)
        {
            trace.Notes.Add($"classifier.mode is 'model': a request would ask '{model.Id}'; explain shows the heuristic's answer without calling it");
            return HeuristicClassifier.Classify(view);
        }

        var entry = model.Chain.Count > 0 ? model.Chain[0] : null;
        var credentials = entry?.Credentials is { Count: > 0 } own ? own : model.Provider.Credentials;
        var target = new ClassifierTarget(model.Provider.Client, model.UpstreamModel, model.UpstreamModelJson,
            credentials.Count > 0 ? credentials[0] : null, Localities.IsLocal(model.Provider.Locality), TimeSpan.FromMilliseconds(snapshot.ClassifierTimeoutMs));
        return await _modelClassifier.ClassifyAsync(view, target, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RouteDecision> RunCommandAsync(RoutingSnapshot snapshot, ChatRequest request, Commands.Command command, string? apiKeyName, CancellationToken cancellationToken)
    {
        var catalog = snapshot.Catalog;
        var session = request.SessionKey;
        if (command.Name == Commands.Status)
        {
            return RouteDecision.For(new CommandReply(Commands.StatusText(catalog, request.SessionId, request, pins.Get(session), degradation.Current(snapshot.Budgets, time.GetUtcNow(), apiKeyName)), CommandReply.RouterModel, command.Name));
        }

        var target = command.Argument;
        if (target.Length == 0)
        {
            return RouteDecision.For(new RouteError(400, "invalid_command", "Usage: /use <route, alias or model> to pin this session, or /use default to clear the pin. Valid names: " + RouteResolver.NameList(catalog) + "."));
        }

        if (target == "default")
        {
            if (!await SetPinAsync(session, null, cancellationToken).ConfigureAwait(false))
            {
                return PinClientClosed;
            }

            LogPin(logger, session, "(cleared)");
            var back = catalog.DefaultRoute is { } dr ? $"'{dr}'" : "the model each request names";
            return RouteDecision.For(new CommandReply($"Pin cleared: this session is routed by {back} again.", CommandReply.RouterModel, command.Name));
        }

        if (!IsPinnable(catalog, target))
        {
            return RouteDecision.For(new RouteError(400, "unknown_use_target",
                $"/use: there is no route, alias or model named '{RouteResolver.Printable(target)}'. Valid names: {RouteResolver.NameList(catalog)}, or 'default' to clear the pin.")
            { Param = "messages" });
        }

        if (!await SetPinAsync(session, target, cancellationToken).ConfigureAwait(false))
        {
            return PinClientClosed;
        }

        LogPin(logger, session, target);
        return RouteDecision.For(new CommandReply(Commands.PinnedText(catalog, target), CommandReply.RouterModel, command.Name));
    }

    private static RouteDecision PinClientClosed => RouteDecision.For(new RouteError(ClientClosed, "client_closed", "The client disconnected while the pin was being stored."));

    /// <summary>Awaits the pin's store write (a database round trip on PostgreSQL); false when the client hung up meanwhile.</summary>
    private async ValueTask<bool> SetPinAsync(string session, string? target, CancellationToken cancellationToken)
    {
        try
        {
            await pins.SetAsync(session, target, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool IsPinnable(Catalog.Catalog catalog, string name) =>
        catalog.Routes.ContainsKey(name) || catalog.Aliases.ContainsKey(name) || catalog.Models.ContainsKey(name);

    [LoggerMessage(EventId = LogEvents.RulePatternTimeout, Level = LogLevel.Warning, Message = "Rule '{Rule}': pattern match timed out; the rule did not match")]
    private static partial void LogPatternTimeout(ILogger logger, string rule);

    [LoggerMessage(EventId = LogEvents.SessionPinned, Level = LogLevel.Information, Message = "Session {Session} pinned to {Target}")]
    private static partial void LogPin(ILogger logger, string session, string target);
}
