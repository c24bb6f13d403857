using Majordomo.Chat;

namespace Majordomo.LoopGuard;

/// <summary>
/// The loop guard (SPEC §1.8), run by each ingress after parsing and before routing: takes the tool
/// calls of the conversation since its last user turn from the request's one reading
/// (<see cref="PromptView.Tools"/>, shared with routing, budgets and the classifier), asks every enabled detector how long the loop
/// at its tail has lasted, and maps the longest to a level — warning and critical (the ingress
/// injects <see cref="LoopInjection.Message"/>), breaker (the ingress refuses with 400
/// <c>loop_detected</c> and calls no model). The conversation carries the history; the per-session
/// level is kept in <see cref="LoopStateStore"/> and cleared when the conversation makes progress.
/// </summary>
internal sealed partial class ToolLoopGuard(LoopStateStore state, TimeProvider time, ILogger<ToolLoopGuard> logger)
{
    /// <summary>
    /// Evaluates one request under <paramref name="loop"/> (the settings of the snapshot the request
    /// started on). The request's metadata gives the session (else it is derived from the request's
    /// <see cref="ChatRequest.Prompt"/>, shared with routing) and, with its model, the route whose
    /// settings apply. Never throws for any body.
    /// </summary>
    public LoopVerdict Evaluate(LoopSettingsSet loop, ChatRequest request)
    {
        var metadata = request.Metadata;
        var settings = loop.For(RouteFor(loop.Catalog, metadata, request.Model));
        if (!settings.Enabled || settings.Detectors.Length == 0)
        {
            return LoopVerdict.None;
        }

        var body = request.Body.Span;

        // A body that cannot hold a tool call is not read here: a request naming a model then never parses its prompt.
        var prompt = ToolHistory.MayHoldCalls(body) ? request.Prompt : null;
        ReadOnlySpan<ToolCall> calls = prompt is null ? [] : prompt.Tools.Calls;
        var window = calls.Length > settings.HistorySize ? calls[^settings.HistorySize..] : calls;
        var best = 0;
        ILoopDetector? decider = null;
        if (window.Length >= 2)
        {
            foreach (var detector in settings.Detectors)
            {
                var count = detector.Count(window);
                if (count > best)
                {
                    best = count;
                    decider = detector;
                }
            }
        }

        var level = best >= settings.Breaker ? LoopLevel.Breaker
            : best >= settings.Critical ? LoopLevel.Critical
            : best >= settings.Warning ? LoopLevel.Warning
            : LoopLevel.None;

        if (level == LoopLevel.None)
        {
            // Progress (or no loop): forget the session's state — the id is only worked out when there is one to forget.
            if (!state.IsEmpty)
            {
                var session = request.SessionKey;
                if (state.Clear(session))
                {
                    LogCleared(logger, session);
                }
            }

            return LoopVerdict.None;
        }

        var sessionId = request.SessionId;
        var sessionKey = request.SessionKey;
        var history = prompt!.Tools; // a loop was counted, so the prompt was read
        var last = window[^1];
        var verdict = new LoopVerdict
        {
            Level = level,
            Detector = decider!.Name,
            Label = decider.Label,
            Count = best,
            Session = sessionId,
            ToolName = last.NameLength > 0 && last.NameStart + last.NameLength <= body.Length
                ? LoopInjection.DecodeName(body.Slice(last.NameStart, last.NameLength)) : null,
            CriticalThreshold = settings.Critical,
            BreakerThreshold = settings.Breaker,
            MessagesEnd = history.MessagesEnd,
            MessageCount = prompt.MessageCount,
            ObjectStart = history.ObjectStart,
            SystemStart = history.SystemStart,
            SystemLength = history.SystemLength,
            SystemKind = history.SystemKind,
        };

        var previous = state.Set(sessionKey, new LoopSessionState(level, decider.Name, best, time.GetUtcNow()));
        if (level > previous)
        {
            LogEntered(logger, sessionKey, LoopVerdict.LevelName(level), decider.Name, best);
        }

        return verdict;
    }

    /// <summary>
    /// The route whose <c>loopDetection</c> applies, known before routing: an allowed profile override,
    /// a <c>model</c> naming a route, the <c>kinds</c> route, or <c>defaultRoute</c> for a request naming
    /// no model. Aliases and model ids use the global settings.
    /// </summary>
    internal static string? RouteFor(Catalog.Catalog catalog, RequestMetadata metadata, string? model)
    {
        if (metadata.Profile is { } profile && catalog.AllowProfileOverride)
        {
            return catalog.Routes.ContainsKey(profile) ? profile : null;
        }

        if (model is not null && catalog.Routes.TryGetValue(model, out var route) && !(route.Smart || model == catalog.DefaultRoute))
        {
            return model;
        }

        if (metadata.Kind is { } kind && catalog.Kinds.TryGetValue(kind, out var kindRoute) && catalog.Routes.ContainsKey(kindRoute))
        {
            return kindRoute;
        }

        if (model is not null)
        {
            return catalog.Routes.ContainsKey(model) ? model : null;
        }

        return catalog.DefaultRoute;
    }

    [LoggerMessage(EventId = LogEvents.LoopLevelEntered, Level = LogLevel.Warning, Message = "Loop guard: session {Session} reached {Level} ({Detector}, {Count} calls)")]
    private static partial void LogEntered(ILogger logger, string session, string level, string detector, int count);

    [LoggerMessage(EventId = LogEvents.LoopCleared, Level = LogLevel.Information, Message = "Loop guard: session {Session} made progress; its loop state is cleared")]
    private static partial void LogCleared(ILogger logger, string session);
}
