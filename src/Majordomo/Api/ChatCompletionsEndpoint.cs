using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Majordomo.Budgets;
using Majordomo.Caching;
using Majordomo.Chat;
using Majordomo.Chat.Agents;
using Majordomo.Engine;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.LoopGuard;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;
using Microsoft.Extensions.Primitives;

namespace Majordomo.Api;

/// <summary>
/// <c>POST /v1/chat/completions</c> and <c>POST /v1/messages</c>: read and check the body, resolve the
/// route, run the chain, log it. One path for both protocols, so routing, commands, guards and
/// accounting apply alike; the <see cref="Ingress"/> supplies the parser, error shape and client sink.
/// </summary>
internal sealed class ChatCompletionsEndpoint(
    RequestServices engine,
    ResponseStore responses)
{
    /// <summary>The response cache's verdict on a routed request (SPEC §8): <c>hit</c>, <c>miss</c> or <c>bypass</c>; absent while the cache is off.</summary>
    public const string CacheHeader = "X-Router-Cache";

    /// <summary>A chat request of any ingress (<see cref="Ingress.All"/>: one route per ingress path).</summary>
    public Task HandleAsync(HttpContext context, Ingress ingress)
    {
        // The request's state machines come from the pool; only a request that waits gets a Task for Kestrel
        // (the wrapper of the pooled one, which it awaits once), instead of a state-machine box every time.
        var handling = HandleCoreAsync(context, ingress);
        if (!handling.IsCompletedSuccessfully)
        {
            return handling.AsTask();
        }

        handling.GetAwaiter().GetResult(); // consumed once: a box it may hold goes back to the pool
        return Task.CompletedTask;
    }

    /// <summary>
    /// The requests made from this body (a Responses continuation or a loop warning parses it again): each is disposed
    /// when the next replaces it or the body is done, returning its prompt's pooled texts.
    /// </summary>
    private sealed class RequestsMade : IDisposable
    {
        private ChatRequest? _current;

        public ChatRequest Add(ChatRequest request)
        {
            _current?.Dispose();
            _current = request;
            return request;
        }

        public void Dispose() => _current?.Dispose();
    }

    /// <summary>When the request started, its span (null while nothing listens) and the snapshot it runs on.</summary>
    private readonly record struct Started(long Timestamp, System.Diagnostics.Activity? Span, GatewaySnapshot Snapshot);

    // Awaited once, by HandleAsync: its state-machine box (the largest of a request's) comes from the pool. One method
    // from admission to the log row: each async layer was a state machine and a suspension per request.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask HandleCoreAsync(HttpContext context, Ingress ingress)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var requestId = engine.Ids.New();
        context.Response.Headers["X-Request-Id"] = requestId;
        // The one read of the snapshot: everything below gets its part, so a reload never changes this request.
        var snapshot = engine.Snapshots.Current;
        if (!Completed(Admission.AdmitAsync(context, snapshot, ingress), out var admission, out var waiting))
        {
            await waiting.ConfigureAwait(false);
            admission = ResultOf<Admitted?>(waiting);
        }

        if (admission is not { } admitted)
        {
            return;
        }

        using var admittedBody = admitted.Body;
        var keyName = admitted.KeyName;
        ReadOnlyMemory<byte> body = admittedBody.Memory;
        using var span = engine.Tracing.StartRequest(context.Request.Headers.TraceParent, context.Request.Headers.TraceState);
        var started = new Started(startedAt, span, snapshot);
        using var made = new RequestsMade();
        ChatRequest request;
        try
        {
            request = made.Add(ingress.Parse(body));
        }
        catch (RequestValidationException ex)
        {
            await ingress.WriteErrorAsync(context, 400, ex.Message, "invalid_request_error", "invalid_request", ex.Param).ConfigureAwait(false);
            return;
        }

        request.ApiKeyName = keyName;
        if (request.Responses?.PreviousResponseId is { } previous)
        {
            // Responses: the stored conversation goes in front of the input, so every upstream gets it whole.
            if (responses.Expand(request) is not { } full)
            {
                await ingress.WriteErrorAsync(context, 400, $"previous_response_id '{previous}' is not stored on this gateway (responses are kept in memory, per instance, for a bounded number of turns). Send the full conversation in 'input' instead.",
                    "invalid_request_error", "previous_response_not_found", "previous_response_id").ConfigureAwait(false);
                return;
            }

            body = full;
            request = made.Add(ingress.Parse(body));
            request.ApiKeyName = keyName;
        }

        request.Metadata = MetadataOf(context.Request.Headers, request);
        ingress.ReadHeaders(context.Request.Headers, request);
        if (!Completed(engine.Degradation.CurrentAsync(snapshot.Budgets, engine.Time.GetUtcNow(), keyName), out var level, out waiting))
        {
            await waiting.ConfigureAwait(false);
            level = ResultOf<DegradationLevel>(waiting);
        }

        context.Response.Headers[BudgetHeaders.Degradation] = level.Name;

        // Loop guard (SPEC §1.8): before routing, so a runaway agent loop never reaches a model.
        var loop = engine.LoopGuard.Evaluate(snapshot.Loop, request);
        if (LoopGuardHttp.Apply(context, loop))
        {
            await LoopGuardHttp.RefuseAsync(context, loop, ingress).ConfigureAwait(false);
            // Refused before routing: it counts for the loop guard, not in majordomo_requests_total.
            Log(requestId, request, null, LoopGuardHttp.Status, LoopGuardHttp.Code, null, started, level, loop: loop, routed: false);
            return;
        }

        if (loop.Level != LoopLevel.None)
        {
            // The system message is spliced into the client's bytes; the result is parsed like any body.
            var metadata = request.Metadata;
            request = made.Add(ingress.Parse(LoopInjection.Inject(body.Span, loop, request.Protocol)));
            request.Metadata = metadata;
            request.ApiKeyName = keyName;
            ingress.ReadHeaders(context.Request.Headers, request);
        }

        if (!Completed(engine.Router.DecideAsync(snapshot.Routing, request, keyName, context.RequestAborted), out var decision, out waiting))
        {
            await waiting.ConfigureAwait(false);
            decision = ResultOf<RouteDecision>(waiting);
        }

        if (decision.Reply is { } reply)
        {
            RouterHeaders.WriteSelf(context.Response);
            await ingress.WriteCommandReplyAsync(context, request, reply, engine.Time).ConfigureAwait(false);
            Log(requestId, request, null, 200, null, null, started, level, RouteTier.Self, loop);
            return;
        }

        if (decision.Plan is not { } plan)
        {
            var error = decision.Error!;
            if (error.Status != RouteDecider.ClientClosed)
            {
                await RouteErrors.WriteAsync(context, error, ingress).ConfigureAwait(false);
            }

            Log(requestId, request, error.Headers, error.Status, error.Code, null, started, level, loop: loop);
            return;
        }

        IClientSink sink = ingress.CreateSink(context, request, requestId, engine.Time);
        CacheUse? cache = null;
        if (snapshot.Cache is { } cacheSettings)
        {
            // Only with the cache on: one null check is all a request without it pays, and its state is in CacheUse
            // rather than in this method's box (which every request allocates when the pool has none to give).
            if (await UseCacheAsync(context, ingress, cacheSettings, plan, request, sink, requestId, started, level, loop).ConfigureAwait(false) is not { } use)
            {
                return;
            }

            cache = use;
            sink = use.Sink;
        }

        var outcome = await engine.Executor.ExecuteAsync(snapshot.Execution, plan, request, sink, context.RequestAborted).ConfigureAwait(false);
        if (cache is not null)
        {
            engine.Cache.Store(cache.Settings, cache.Lookup, cache.Capture, outcome);
        }

        int finalStatus;
        string? errorCode = null;
        switch (outcome.Status)
        {
            case ExecutionStatus.Answered:
                finalStatus = 200;
                break;
            case ExecutionStatus.StreamFailed:
                finalStatus = 200;
                errorCode = "stream_failed";
                break;
            case ExecutionStatus.Cancelled:
                finalStatus = 499;
                errorCode = "client_closed";
                break;
            case ExecutionStatus.CallerFault:
                finalStatus = outcome.UpstreamStatus;
                errorCode = "upstream_rejected";
                await WriteUpstreamErrorAsync(context, ingress, plan, outcome).ConfigureAwait(false);
                break;
            default:
                (finalStatus, errorCode) = await WriteExhaustedAsync(context, ingress, plan, outcome).ConfigureAwait(false);
                break;
        }

        if (outcome.Status == ExecutionStatus.Answered && outcome.AnsweredBy is { } answeredBy)
        {
            // Time to first byte for streams (what an agent waits on), whole answer otherwise.
            engine.Router.Latency.Record(answeredBy, outcome.FirstByteMs ?? outcome.Attempts[^1].DurationMs);
        }

        Log(requestId, request, plan, finalStatus, errorCode, outcome, started, level, loop: loop, cache: cache?.Lookup.Result);
    }

    /// <summary>
    /// A step that usually completes at once (admission, the degradation look, the routing decision): its result taken as it is, or,
    /// when it waits, the step as a <see cref="Task"/> to await. The endpoint's box, which every request allocates when the pool has
    /// none, then holds one <see cref="Task"/> and the awaiter its error writes already use, instead of each step's awaiter by value.
    /// </summary>
    private static bool Completed<T>(ValueTask<T> step, out T result, out Task pending)
    {
        if (step.IsCompletedSuccessfully)
        {
            result = step.Result;
            pending = Task.CompletedTask;
            return true;
        }

        result = default!;
        pending = step.AsTask();
        return false;
    }

    private static T ResultOf<T>(Task completed) => ((Task<T>)completed).Result;

    /// <summary>The response cache's part of a request: what the lookup found and the sink that captures the answer to store.</summary>
    private sealed record CacheUse(CacheSettings Settings, CacheLookup Lookup, IClientSink Sink, CapturingSink? Capture);

    /// <summary>
    /// Looks the request up in the response cache and serves a hit (then logs it and gives null: the request is done);
    /// otherwise sets <c>X-Router-Cache</c> and gives the sink that captures the answer for storing.
    /// </summary>
    private async ValueTask<CacheUse?> UseCacheAsync(HttpContext context, Ingress ingress, CacheSettings settings, RoutePlan plan, ChatRequest request, IClientSink sink,
        string requestId, Started started, DegradationLevel level, LoopVerdict loop)
    {
        var found = CacheLookup.Of(engine.Cache, settings, plan, request, context.Request.Headers.CacheControl.ToString());
        if (found.Hit is { } hit)
        {
            // Set before anything is written; a hit that cannot be served writes nothing and becomes a miss below.
            context.Response.Headers[CacheHeader] = CacheResults.Hit;
            if (await CachedReplay.TryServeAsync(hit, started.Snapshot.Catalog, plan, ingress.Wire, request, sink, engine.Time.GetUtcNow().ToUnixTimeSeconds(), context.RequestAborted).ConfigureAwait(false) is { } served)
            {
                var answered = served.Outcome.Status == ExecutionStatus.Answered;
                Log(requestId, request, served.Plan, answered ? 200 : 499, answered ? null : "client_closed", served.Outcome, started, level, loop: loop, cache: CacheResults.Hit);
                return null;
            }
        }

        var lookup = found.Unserved();
        context.Response.Headers[CacheHeader] = lookup.Result;
        var capturing = lookup.Capture(sink, settings, out var capture);
        return new CacheUse(settings, lookup, capturing, capture);
    }

    private static async Task WriteUpstreamErrorAsync(HttpContext context, Ingress ingress, RoutePlan plan, ExecutionOutcome outcome)
    {
        var last = outcome.Attempts[^1];
        RouterHeaders.Write(context.Response, plan, last.Model, outcome.Attempts.Count);
        var body = outcome.UpstreamBody ?? [];
        if (ingress.IsErrorPayload(body))
        {
            // The upstream's own error, exactly as it said it: the client's request was at fault.
            await JsonAnswers.WriteAsync(context, outcome.UpstreamStatus, body).ConfigureAwait(false);
            return;
        }

        await ingress.WriteErrorAsync(context, outcome.UpstreamStatus, $"The upstream for '{last.Model}' rejected the request: {last.Reason}",
            Errors.TypeFor(outcome.UpstreamStatus), "upstream_rejected").ConfigureAwait(false);
    }

    private static async Task<(int Status, string Code)> WriteExhaustedAsync(HttpContext context, Ingress ingress, RoutePlan plan, ExecutionOutcome outcome)
    {
        if (OutcomeMessages.IsBudgetRefusal(outcome))
        {
            return await BudgetErrors.WriteRefusedAsync(context, ingress, plan, outcome.Refusals!).ConfigureAwait(false);
        }

        if (outcome.Status == ExecutionStatus.Cancelled)
        {
            return (499, "client_closed");
        }

        var (status, code) = OutcomeMessages.Exhausted(outcome);

        RouterHeaders.Write(context.Response, plan, null, outcome.Attempts.Count);
        if (status is 429 or 503 && outcome.RetryAfter is { } ra)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(ra.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var message = OutcomeMessages.ExhaustedMessage(plan, outcome);
        var candidates = outcome.Skipped is { Count: > 0 } notTried ? notTried.Select(s => new ExcludedSummary(s.Model, s.Reason, s.Until)).ToArray() : null;
        await ingress.WriteErrorAsync(context, status, message, Errors.TypeFor(status), code, null, outcome.Attempts, candidates, outcome.AvailableAt).ConfigureAwait(false);
        return (status, code);
    }

    private void Log(string requestId, ChatRequest request, RoutePlan? plan, int status, string? errorCode, ExecutionOutcome? outcome, Started started, DegradationLevel level, string? tier = null, LoopVerdict? loop = null, bool routed = true, string? cache = null) =>
        engine.Accounting.Record(requestId, request, plan, status, errorCode, outcome, started.Timestamp, started.Span, level, tier, loop, routed, started.Snapshot, cache);

    /// <summary>
    /// The request's routing metadata: headers over the body's <c>metadata</c>, then, when neither names a
    /// source, the one an agent's own prompt shows (OpenClaw's heartbeat run: SPEC §1.10).
    /// </summary>
    internal static RequestMetadata MetadataOf(IHeaderDictionary headers, ChatRequest request)
    {
        var metadata = MetadataFromHeaders(headers, request.Metadata);
        return metadata.Source is null && AgentProfiles.MayBeHeartbeat(request.Body.Span) &&
               request.Prompt.AgentSource is { } source
            ? metadata with { Source = source }
            : metadata;
    }

    internal static RequestMetadata MetadataFromHeaders(IHeaderDictionary headers, RequestMetadata body)
    {
        // One pass over the headers, copied out in one call as HeaderLimit does, instead of five lookups by name (each
        // a case-insensitive search of Kestrel's known and unknown headers): most requests carry none of them.
        string? source = null, channel = null, session = null, kind = null, profile = null;
        var count = headers.Count;
        var pairs = ArrayPool<KeyValuePair<string, StringValues>>.Shared.Rent(count);
        var copied = pairs.AsSpan(0, count);
        try
        {
            headers.CopyTo(pairs, 0);
            foreach (var (name, value) in copied)
            {
                if (name.Length <= RouterPrefix.Length || !name.StartsWith(RouterPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var field = name.AsSpan(RouterPrefix.Length);
                if (field.Equals("Source", StringComparison.OrdinalIgnoreCase))
                {
                    source = Usable(value);
                }
                else if (field.Equals("Channel", StringComparison.OrdinalIgnoreCase))
                {
                    channel = Usable(value);
                }
                else if (field.Equals("Session", StringComparison.OrdinalIgnoreCase))
                {
                    session = Usable(value);
                }
                else if (field.Equals("Kind", StringComparison.OrdinalIgnoreCase))
                {
                    kind = Usable(value);
                }
                else if (field.Equals("Profile", StringComparison.OrdinalIgnoreCase))
                {
                    profile = Usable(value);
                }
            }
        }
        finally
        {
            // Cleared: header values must not outlive the request in a shared pool.
            copied.Clear();
            ArrayPool<KeyValuePair<string, StringValues>>.Shared.Return(pairs);
        }

        // Most requests carry none of them: the body's metadata is then the answer as it is (no copy).
        return source is null && channel is null && session is null && kind is null && profile is null
            ? body
            : new(source ?? body.Source, channel ?? body.Channel, session ?? body.Session, kind ?? body.Kind, profile ?? body.Profile);
    }

    private const string RouterPrefix = "X-Router-";

    // The first value, trimmed; none when blank or longer than 256 characters.
    private static string? Usable(StringValues value)
    {
        if (value.Count == 0)
        {
            return null;
        }

        var s = value[0];
        return string.IsNullOrWhiteSpace(s) || s.Length > 256 ? null : s.Trim();
    }
}
