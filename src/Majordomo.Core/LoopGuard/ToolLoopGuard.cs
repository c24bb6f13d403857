using System.Buffers;
using Majordomo.Chat;

namespace Majordomo.LoopGuard;

/// <summary>
/// The loop guard (SPEC §1.8), run by each ingress after parsing and before routing: takes the tool
/// calls of the conversation since its last user turn from the request's one reading
/// (<see cref="PromptView.Tools"/>, shared with routing, budgets and the classifier) when the whole prompt is read
/// anyway, else from a reading of its own (the tail of a long conversation, or the tools alone: <see cref="Read"/>),
/// asks every enabled detector how long the loop
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
        var route = RouteFor(loop.Catalog, metadata, request.Model);
        var settings = loop.For(route);
        if (!settings.Enabled || settings.Detectors.Length == 0)
        {
            return LoopVerdict.None;
        }

        var body = request.Body.Span;

        // The ingress parse noted the calls in its own pass (none when the body cannot hold one); else a body that
        // cannot hold a tool call is not read here: a request naming a model then never parses its prompt.
        var reading = request.ToolsCollected ? new Reading(request.Tools, request.MessageCount, false)
            : ToolHistory.MayHoldCalls(body) ? Read(loop.Catalog, route, settings.HistorySize, request)
            : default;
        var (best, decider) = Longest(settings, reading.History, body);
        if (reading.IsTail && best >= settings.Warning)
        {
            // A loop is reported from the whole reading, which the verdict's positions come from anyway.
            reading = Whole(request.Prompt);
            (best, decider) = Longest(settings, reading.History, body);
        }

        var level = Level(settings, best);
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
        var history = reading.History!; // a loop was counted from a reading of the whole conversation
        var last = history.Calls[^1];
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
            MessageCount = reading.MessageCount,
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
    /// The conversation's tool history, read the cheapest way that reads nothing twice: the request's one reading
    /// (<see cref="ChatRequest.Prompt"/>) when the whole prompt is read anyway, so routing reuses it; else, for a
    /// long conversation, only its tail; else the guard's own reading of the tools alone (no text noted).
    /// </summary>
    private Reading Read(Catalog.Catalog catalog, string? route, int historySize, ChatRequest request)
    {
        if (WholeReadingComes(catalog, route, request))
        {
            return Whole(request.Prompt);
        }

        if (request.Body.Length > TailWorthBytes(historySize) && TailHistory(request, historySize) is { } tail)
        {
            return new Reading(tail, 0, true);
        }

        return Whole(PromptView.ParseToolsOnly(request.Body.Span, request.Protocol));
    }

    private static Reading Whole(PromptView view) => new(view.Tools, view.MessageCount, false);

    /// <summary>
    /// What the guard has to go on: the tool history of the whole conversation (with the message count and the positions
    /// an injected message needs), or only its tail's history (<paramref name="IsTail"/>).
    /// </summary>
    private readonly record struct Reading(ToolHistory? History, int MessageCount, bool IsTail);

    private static LoopLevel Level(LoopSettings settings, int count) =>
        count >= settings.Breaker ? LoopLevel.Breaker
        : count >= settings.Critical ? LoopLevel.Critical
        : count >= settings.Warning ? LoopLevel.Warning
        : LoopLevel.None;

    /// <summary>
    /// The enabled detector that counts the longest loop over the last <c>historySize</c> calls, and its count; calls the
    /// ingress noted by position are hashed from <paramref name="body"/> now, those of the window only.
    /// </summary>
    private static (int Count, ILoopDetector? Detector) Longest(LoopSettings settings, ToolHistory? history, ReadOnlySpan<byte> body)
    {
        var window = history is null || history.Count < 2 ? [] : history.Window(body, settings.HistorySize);
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

        return (best, decider);
    }

    /// <summary>
    /// Whether the whole prompt is read for this request anyway, so reading only its tail would be a second
    /// reading, not a shorter one: it has been read already, its route is smart (routing classifies the whole
    /// prompt), or a session's loop state may need clearing and the request names no session (its id is derived
    /// from the conversation's first messages). A pin or a metadata-only rule may still spare routing the reading;
    /// the verdict is the same either way, only the cost differs.
    /// </summary>
    internal bool WholeReadingComes(Catalog.Catalog catalog, string? route, ChatRequest request) =>
        request.PromptRead
        || (route is not null && catalog.Routes.TryGetValue(route, out var entry) && entry.Smart)
        || (request.Metadata.Session is null && !state.IsEmpty);

    /// <summary>
    /// The body size from which reading the tail is cheaper than reading the whole conversation: finding the tail
    /// from the end costs about as much per message as the forward reading (each string is searched for twice), so
    /// a conversation not much longer than the tail's 2 x <c>historySize</c> + 2 messages (taken at ~400 bytes each)
    /// is read whole (PERFORMANCE.md, "Loop guard cost").
    /// </summary>
    internal static int TailWorthBytes(int historySize) => ((2 * historySize) + 2) * 2 * 400;

    /// <summary>
    /// The tool history of the conversation's tail: the last messages that hold <paramref name="historySize"/>
    /// calls (or a user turn, before which nothing counts), read by the same reading as the whole prompt, so
    /// the window a detector sees is the same. A message holds at least one call or result, so twice
    /// <c>historySize</c> messages usually suffice; when they do not, four times as many, and so on. Null
    /// when the body's shape is not found from the end (the whole prompt is read instead).
    /// </summary>
    internal static ToolHistory? TailHistory(ChatRequest request, int historySize)
    {
        var body = request.Body.Span;
        var name = request.Protocol == Providers.Responses.ResponsesProtocol.Id ? "input"u8 : "messages"u8;
        for (var elements = (2 * historySize) + 2; ; elements *= 4)
        {
            if (!ConversationTail.TryFind(body, name, elements, out var first, out var end, out var whole))
            {
                return null;
            }

            var history = ReadTail(body[first..(end + 1)], name, request.Protocol);
            if (whole || history.Restarted || history.Count >= historySize)
            {
                return history;
            }
        }
    }

    // The tail as a body of its own ({"messages":[…]}), read like a whole prompt for its tool history alone.
    private static ToolHistory ReadTail(ReadOnlySpan<byte> elementsAndClose, ReadOnlySpan<byte> name, string protocol)
    {
        var length = 4 + name.Length + elementsAndClose.Length + 1;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan();
            buffer[0] = (byte)'{';
            buffer[1] = (byte)'"';
            name.CopyTo(buffer[2..]);
            var at = 2 + name.Length;
            "\":["u8.CopyTo(buffer[at..]);
            at += 3;
            elementsAndClose.CopyTo(buffer[at..]);
            at += elementsAndClose.Length;
            buffer[at++] = (byte)'}';
            return PromptView.ParseToolsOnly(buffer[..at], protocol).Tools;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
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
