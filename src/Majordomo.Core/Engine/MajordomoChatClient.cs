using System.Diagnostics;
using System.Runtime.CompilerServices;
using Majordomo.Budgets;
using Majordomo.Caching;
using Majordomo.Chat;
using Majordomo.Chat.Agents;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.LoopGuard;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;
using Microsoft.Extensions.AI;

namespace Majordomo.Engine;

/// <summary>
/// The engine as an <see cref="IChatClient"/> (SPEC §9): each call is written as a hub request
/// (<see cref="HubRequest"/>) and takes the gateway's path — parse, loop guard, <see cref="RouteDecider"/>,
/// <see cref="ChainExecutor"/>, <see cref="RequestAccounting"/> — with <see cref="ChatClientSink"/> in
/// place of an HTTP response. Refusals and failures throw <see cref="MajordomoException"/>.
/// </summary>
internal sealed class MajordomoChatClient(EngineRuntime runtime, RequestServices engine) : IChatClient
{
    /// <summary>The keys of the router's decision in <see cref="ChatResponse.AdditionalProperties"/>.</summary>
    internal const string RequestIdKey = "majordomo.requestId", RouteKey = "majordomo.route", TierKey = "majordomo.tier", RuleKey = "majordomo.rule",
        AttemptsKey = "majordomo.attempts", CostKey = "majordomo.costUsd", DegradationKey = "majordomo.degradation", LoopKey = "majordomo.loop",
        CacheVerdictKey = "majordomo.cache";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sink = new ChatClientSink(stream: false);
        var call = await RouteAsync(messages, options, sink, cancellationToken).ConfigureAwait(false);
        if (call.Reply is { } reply)
        {
            return Decorate(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply.Text)) { ModelId = reply.Model }, call);
        }

        (call, var outcome) = await ExecuteAsync(call, sink, cancellationToken).ConfigureAwait(false);
        var response = HubAnswer.ToResponse(sink.Body ?? throw new InvalidOperationException("the chain answered without a body"));
        response.ModelId = outcome.AnsweredBy;
        response.Usage = UsageOf(outcome) ?? response.Usage;
        return Decorate(response, call, outcome);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sink = new ChatClientSink(stream: true);
        var call = await RouteAsync(messages, options, sink, cancellationToken).ConfigureAwait(false);
        if (call.Reply is { } reply)
        {
            var self = new ChatResponseUpdate(ChatRole.Assistant, reply.Text) { ModelId = reply.Model, FinishReason = ChatFinishReason.Stop };
            self.AdditionalProperties = Decorate(new ChatResponse(), call).AdditionalProperties;
            yield return self;
            yield break;
        }

        var running = ExecuteAsync(call, sink, cancellationToken);
        await foreach (var update in sink.Updates.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }

        // The chain has ended (the sink completes when it does): usage and the decision come last.
        (call, var outcome) = await running.ConfigureAwait(false);
        var last = new ChatResponseUpdate(ChatRole.Assistant, (IList<AIContent>)[]) { ModelId = outcome.AnsweredBy };
        if (UsageOf(outcome) is { } usage)
        {
            last.Contents.Add(new UsageContent(usage));
        }

        last.AdditionalProperties = Decorate(new ChatResponse(), call, outcome).AdditionalProperties;
        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("majordomo")
        : null;

    public void Dispose()
    {
        // The container owns the engine; disposing one client reference stops nothing.
    }

    /// <summary>One routed call: what the gateway's endpoint holds between routing and accounting.</summary>
    private sealed record Call(string RequestId, ChatRequest Request, long Started, Activity? Span, DegradationLevel Level, LoopVerdict Loop, GatewaySnapshot Snapshot)
    {
        public RoutePlan? Plan { get; init; }

        public CommandReply? Reply { get; init; }

        /// <summary>The response cache's verdict (<c>hit</c>, <c>miss</c>, <c>bypass</c>); null while it is off.</summary>
        public string? Cache { get; init; }
    }

    /// <summary>Everything before the chain runs: parse, loop guard, route. Throws what the gateway would answer with an error.</summary>
    private async Task<Call> RouteAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, ChatClientSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await runtime.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var requestId = engine.Ids.New();
        var snapshot = engine.Snapshots.Current;
        var body = HubRequest.Write(messages, options, sink.IsStream);
        ChatRequest request;
        try
        {
            request = Protocols.OpenAI.Parse(body, toolHistory: true);
        }
        catch (RequestValidationException ex)
        {
            throw new MajordomoException(400, "invalid_request", ex.Message, requestId);
        }

        request.Metadata = WithAgentSource(request);
        var span = engine.Tracing.StartRequest(null, null);
        var level = await engine.Degradation.CurrentAsync(snapshot.Budgets, engine.Time.GetUtcNow(), null).ConfigureAwait(false);
        var loop = engine.LoopGuard.Evaluate(snapshot.Loop, request);
        var call = new Call(requestId, request, started, span, level, loop, snapshot);
        if (loop.Level == LoopLevel.Breaker)
        {
            engine.Accounting.Record(requestId, request, null, OutcomeMessages.LoopStatus, OutcomeMessages.LoopCode, null, started, span, level, loop: loop, routed: false);
            throw new MajordomoException(OutcomeMessages.LoopStatus, OutcomeMessages.LoopCode, OutcomeMessages.LoopRefusal(loop), requestId);
        }

        if (loop.Level != LoopLevel.None)
        {
            // The loop guard's system message, spliced in as for an HTTP client.
            var metadata = request.Metadata;
            request = Protocols.OpenAI.Parse(LoopInjection.Inject(body.AsSpan(), loop, request.Protocol));
            request.Metadata = metadata;
            call = call with { Request = request };
        }

        var decision = await engine.Router.DecideAsync(snapshot.Routing, request, null, cancellationToken).ConfigureAwait(false);
        if (decision.Reply is { } reply)
        {
            engine.Accounting.Record(requestId, request, null, 200, null, null, started, span, level, RouteTier.Self, loop);
            return call with { Reply = reply };
        }

        if (decision.Plan is not { } plan)
        {
            var error = decision.Error!;
            engine.Accounting.Record(requestId, request, error.Headers, error.Status, error.Code, null, started, span, level, loop: loop);
            cancellationToken.ThrowIfCancellationRequested();
            throw new MajordomoException(error.Status, error.Code, error.Message, requestId);
        }

        return call with { Plan = plan };
    }

    /// <summary>
    /// Runs the chain (or serves the response cache's hit, as the gateway does), accounts for it, and throws
    /// unless it answered. Returns the call as answered: a hit's plan has tier <c>cache</c>.
    /// </summary>
    private async Task<(Call Call, ExecutionOutcome Outcome)> ExecuteAsync(Call call, ChatClientSink sink, CancellationToken cancellationToken)
    {
        var plan = call.Plan!;
        ExecutionOutcome outcome;
        try
        {
            if (call.Snapshot.Cache is not { } settings)
            {
                outcome = await engine.Executor.ExecuteAsync(call.Snapshot.Execution, plan, call.Request, sink, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (call, outcome) = await CachedAsync(call, settings, sink, cancellationToken).ConfigureAwait(false);
                plan = call.Plan!;
            }
        }
        finally
        {
            sink.Complete();
        }

        var (status, code, message) = outcome.Status switch
        {
            ExecutionStatus.Answered => (200, null, null),
            ExecutionStatus.StreamFailed => (200, "stream_failed", sink.StreamError?.Message ?? "The answer's stream failed."),
            ExecutionStatus.Cancelled => (499, "client_closed", null),
            ExecutionStatus.CallerFault => (outcome.UpstreamStatus, "upstream_rejected", $"The upstream for '{outcome.Attempts[^1].Model}' rejected the request: {outcome.Attempts[^1].Reason}"),
            _ when OutcomeMessages.IsBudgetRefusal(outcome) => (429, OutcomeMessages.BudgetCode, OutcomeMessages.BudgetRefusal(plan, outcome.Refusals!)),
            _ => Failed(plan, outcome),
        };

        // A cache hit made no attempt: nothing to learn about the model's latency.
        if (outcome is { Status: ExecutionStatus.Answered, AnsweredBy: { } answeredBy, Attempts.Count: > 0 })
        {
            engine.Router.Latency.Record(answeredBy, outcome.FirstByteMs ?? outcome.Attempts[^1].DurationMs);
        }

        engine.Accounting.Record(call.RequestId, call.Request, plan, status, code, outcome, call.Started, call.Span, call.Level, loop: call.Loop, cache: call.Cache);
        cancellationToken.ThrowIfCancellationRequested();
        return message is null ? (call, outcome) : throw new MajordomoException(status, code!, message, call.RequestId);
    }

    /// <summary>The chain behind the response cache (SPEC §8): a hit is served from it, a miss runs and its whole answer is stored.</summary>
    private async Task<(Call Call, ExecutionOutcome Outcome)> CachedAsync(Call call, CacheSettings settings, ChatClientSink sink, CancellationToken cancellationToken)
    {
        var lookup = CacheLookup.Of(engine.Cache, settings, call.Plan!, call.Request, cacheControl: null);
        if (lookup.Hit is { } hit &&
            await CachedReplay.TryServeAsync(hit, call.Snapshot.Catalog, call.Plan!, Protocols.OpenAI, call.Request, sink, engine.Time.GetUtcNow().ToUnixTimeSeconds(), cancellationToken).ConfigureAwait(false) is { } served)
        {
            return (call with { Plan = served.Plan, Cache = CacheResults.Hit }, served.Outcome);
        }

        lookup = lookup.Unserved();
        var target = lookup.Capture(sink, settings, out var capture);
        var outcome = await engine.Executor.ExecuteAsync(call.Snapshot.Execution, call.Plan!, call.Request, target, cancellationToken).ConfigureAwait(false);
        engine.Cache.Store(settings, lookup, capture, outcome);
        return (call with { Cache = lookup.Result }, outcome);
    }

    private static (int, string?, string?) Failed(RoutePlan plan, ExecutionOutcome outcome)
    {
        var (status, code) = OutcomeMessages.Exhausted(outcome);
        return (status, code, OutcomeMessages.ExhaustedMessage(plan, outcome));
    }

    /// <summary>As over HTTP: when the request names no source, the one an agent's own prompt shows (SPEC §1.10).</summary>
    private static RequestMetadata WithAgentSource(ChatRequest request) =>
        request.Metadata.Source is null && AgentProfiles.MayBeHeartbeat(request.Body.Span) && request.Prompt.AgentSource is { } source
            ? request.Metadata with { Source = source }
            : request.Metadata;

    private static UsageDetails? UsageOf(ExecutionOutcome outcome) =>
        outcome.Usage.Reported
            ? new UsageDetails
            {
                InputTokenCount = outcome.Usage.InputTokens,
                OutputTokenCount = outcome.Usage.OutputTokens,
                TotalTokenCount = outcome.Usage.InputTokens + outcome.Usage.OutputTokens,
                CachedInputTokenCount = outcome.Usage.CachedInputTokens,
            }
            : null;

    /// <summary>The router's decision, as the gateway's <c>X-Router-*</c> headers say it.</summary>
    private static ChatResponse Decorate(ChatResponse response, Call call, ExecutionOutcome? outcome = null)
    {
        var properties = response.AdditionalProperties ??= [];
        properties[RequestIdKey] = call.RequestId;
        properties[TierKey] = call.Plan?.Tier ?? RouteTier.Self;
        properties[DegradationKey] = call.Level.Name;
        if (call.Plan?.RouteName is { } route)
        {
            properties[RouteKey] = route;
        }

        if (call.Plan?.Rule is { } rule)
        {
            properties[RuleKey] = rule;
        }

        if (call.Loop.Header is { } loop)
        {
            properties[LoopKey] = loop;
        }

        if (call.Cache is { } cached)
        {
            properties[CacheVerdictKey] = cached;
        }

        if (outcome is not null)
        {
            properties[AttemptsKey] = outcome.Attempts.Count;
            if (outcome.Cost?.Usd is { } usd)
            {
                properties[CostKey] = usd;
            }
        }

        return response;
    }
}
