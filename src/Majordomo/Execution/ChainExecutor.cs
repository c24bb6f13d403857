using System.Diagnostics;
using System.Text;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Health;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>
/// Runs a <see cref="RoutePlan"/>: ordered entries, each tried with its provider's credentials in turn,
/// with retries and jittered exponential backoff on retryable failures (SPEC §1.6). Nothing is sent
/// to the client until an attempt has produced its first byte; after that the answer is committed
/// and a failure ends the stream with an error event instead of falling back (no spliced answers).
/// </summary>
public sealed partial class ChainExecutor(
    TimeProvider time,
    Jitter jitter,
    ILogger<ChainExecutor> logger,
    Cooldowns cooldowns,
    RateLimits rateLimits,
    HealthTracker health,
    BudgetLedger? budgets = null)
{
    /// <summary>Upstream error bodies are read up to this size for classification and pass-through.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>A non-streamed answer larger than this is refused (and the next entry tried).</summary>
    public const int MaxAnswerBytes = 64 * 1024 * 1024;

    /// <summary>Longest Retry-After the executor waits for in place before moving on to the next entry.</summary>
    public static readonly TimeSpan MaxInPlaceWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(10);

    /// <summary>How often one request re-checks after waiting for the soonest cooling entry.</summary>
    private const int MaxWaitPasses = 3;

    /// <summary>
    /// Runs <paramref name="plan"/> under <paramref name="settings"/>, the settings of the snapshot the
    /// request started on: a reload while it runs changes nothing for it.
    /// </summary>
    public async Task<ExecutionOutcome> ExecuteAsync(ExecutionSettings settings, RoutePlan plan, ChatRequest request, IClientSink sink, CancellationToken clientAborted)
    {
        // Budgets (SPEC §1.7): the request is admitted against its key's request budget, each entry
        // reserves its quota units / estimated USD before it is tried, and the real amount is settled
        // (or everything released) once the chain is done.
        var ticket = budgets?.Open(settings.Budgets, request);
        if (ticket?.Refusal is { } refusal)
        {
            return new ExecutionOutcome { Status = ExecutionStatus.Exhausted, Attempts = [], Refusals = [new RefusedEntry(null, refusal)] };
        }

        ExecutionOutcome? outcome = null;
        try
        {
            outcome = await RunChainAsync(settings, plan, request, sink, ticket, clientAborted).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            if (ticket is not null)
            {
                var cost = ticket.Complete(AnsweredModel(plan, outcome), outcome?.Usage ?? Usage.None, outcome?.AnswerBytes ?? 0, outcome?.AnswerEvents ?? 0);
                outcome?.Cost = cost;
            }
        }
    }

    private static ModelEntry? AnsweredModel(RoutePlan plan, ExecutionOutcome? outcome)
    {
        if (outcome?.AnsweredBy is not { } id)
        {
            return null;
        }

        foreach (var entry in plan.Attempts)
        {
            if (entry.Model.Id == id)
            {
                return entry.Model;
            }
        }

        return null;
    }

    private async Task<ExecutionOutcome> RunChainAsync(ExecutionSettings snapshot, RoutePlan plan, ChatRequest request, IClientSink sink, BudgetTicket? ticket, CancellationToken clientAborted)
    {
        List<RefusedEntry>? refusals = null;
        var attempts = new List<AttemptRecord>(4);
        var settings = snapshot.Resilience;
        using var deadline = settings.Deadline is { } d ? new CancellationTokenSource(d, time) : null;
        using var chainCts = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadline.Token);
        var chainToken = chainCts?.Token ?? clientAborted;
        var unhealthyAfter = snapshot.Health.UnhealthyAfter;

        // Rate-limit windows count tokens before the answer says how many: ~4 bytes of request per token.
        var estimatedTokens = Math.Max(1, request.Body.Length / 4);

        var failures = 0; // bit mask of the failure classes seen
        TimeSpan? lastRetryAfter = null;
        var started = Stopwatch.GetTimestamp();
        List<SkippedEntry>? skipped = null;
        DateTimeOffset? soonest = null;
        var onlyRateLimits = true;

        for (var pass = 0; ; pass++)
        {
            skipped?.Clear();
            refusals?.Clear();
            soonest = null;
            onlyRateLimits = true;
            var tried = false;
            var ceiling = int.MaxValue;
            int? tooSmallWindow = null;

            for (var index = 0; index < plan.Attempts.Count; index++)
            {
                var entry = plan.Attempts[index];
                var model = entry.Model;
                if (!model.Enabled)
                {
                    continue;
                }

                // neverEscalate: an entry may replace the ones before it only at their tier or below.
                if (settings.NeverEscalate && model.Tier > ceiling)
                {
                    Skip(model, $"not tried: tier {model.Tier} is above tier {ceiling} of the entry it would replace (resilience.neverEscalate)", null, rateLimit: false);
                    continue;
                }

                ceiling = Math.Min(ceiling, model.Tier);

                // After a context-too-long answer only a larger window can help.
                if (tooSmallWindow is { } small && model.ContextWindow is { } window && window <= small)
                {
                    Skip(model, $"not tried: its context window ({window}) is not larger than the one that was too small ({small})", null, rateLimit: false);
                    continue;
                }

                var now = time.GetUtcNow();
                string? probe = null;
                if (Gated(snapshot.Gates, model, now, request, out var unavailable, out var gate))
                {
                    // The primary is probed near the end of its cooldown by exactly one request.
                    if (!(index == 0 && gate is CooldownGate && TryClaimProbe(entry, now, out probe)))
                    {
                        Skip(model, gate.Name + ": " + unavailable.Reason, unavailable.Until,
                            rateLimit: gate is RateLimitGate || ReferenceEquals(unavailable.Reason, CooldownGate.RateLimitedReason));
                        continue;
                    }
                }

                if (ticket?.TryReserve(model) is { } refused)
                {
                    // A pool or budget with no room for this model: the next entry, without an upstream call.
                    (refusals ??= []).Add(new RefusedEntry(model.Id, refused));
                    Note(refused.Until, rateLimit: false);
                    continue;
                }

                var credentials = entry.Credentials.Count > 0 ? (IReadOnlyList<Credential?>)entry.Credentials : NoCredential;
                var nextEntry = false;
                var usableCredentials = 0;
                foreach (var credential in credentials)
                {
                    var credentialId = credential?.Id ?? Cooldowns.NoCredential;
                    if (credentialId != probe && cooldowns.CoolingUntil(model.Provider.Name, credentialId, model.Id, time.GetUtcNow(), out var coolingFor) is { } coolingUntil)
                    {
                        // Never retried for this request after it failed, nor while it cools down.
                        Note(coolingUntil, coolingFor == FailureClass.RateLimited);
                        continue;
                    }

                    usableCredentials++;
                    FailureClass? gaveUp = null;
                    TimeSpan? gaveUpRetryAfter = null;
                    for (var retry = 0; retry <= entry.Retries; retry++)
                    {
                        if (retry > 0)
                        {
                            var wait = jitter.Backoff(entry.BackoffMs, retry, lastRetryAfter, BackoffCap);
                            try
                            {
                                await Task.Delay(wait, time, chainToken).ConfigureAwait(false);
                            }
                            catch (OperationCanceledException)
                            {
                                return Stop(attempts, clientAborted, lastRetryAfter);
                            }
                        }

                        if (!rateLimits.TryAcquire(model, estimatedTokens, time.GetUtcNow()))
                        {
                            var full = rateLimits.FullUntil(model, estimatedTokens, time.GetUtcNow(), out var why);
                            Skip(model, "rateLimit: " + (why ?? "rate limit reached"), full, rateLimit: true);
                            gaveUp = null;
                            nextEntry = true;
                            break;
                        }

                        tried = true;
                        var result = await AttemptAsync(plan, entry, credential, request, sink, attempts, chainToken, clientAborted, settings.Rules, snapshot.Redactor).ConfigureAwait(false);
                        if (result.Outcome is { } outcome)
                        {
                            Settle(model, credentialId, outcome, estimatedTokens, unhealthyAfter, settings);
                            return outcome;
                        }

                        if (clientAborted.IsCancellationRequested || deadline?.IsCancellationRequested == true)
                        {
                            // Not the provider's failure: no cooldown, no health strike.
                            return Stop(attempts, clientAborted, lastRetryAfter);
                        }

                        var failure = result.Failure!.Value;
                        failures |= 1 << (int)failure;
                        lastRetryAfter = result.RetryAfter;
                        gaveUp = failure;
                        gaveUpRetryAfter = result.RetryAfter;
                        if (failure == FailureClass.RateLimited && result.RetryAfter is { } limitedFor)
                        {
                            rateLimits.MarkFull(model, time.GetUtcNow() + limitedFor);
                        }

                        var action = FailureClassifier.ActionFor(failure);
                        if (action == FailureAction.FailFast)
                        {
                            return new ExecutionOutcome
                            {
                                Status = ExecutionStatus.CallerFault,
                                Attempts = attempts,
                                UpstreamStatus = result.Status ?? 400,
                                UpstreamBody = result.Body,
                            };
                        }

                        if (action == FailureAction.NextEntry)
                        {
                            if (failure == FailureClass.ContextTooLong)
                            {
                                tooSmallWindow = model.ContextWindow ?? tooSmallWindow;
                            }

                            nextEntry = true;
                            break;
                        }

                        if (action == FailureAction.Rotate)
                        {
                            break;
                        }

                        // Retryable. A long Retry-After is never waited out in place.
                        var longWait = result.RetryAfter is { } ra && ra > MaxInPlaceWait;
                        if (failure == FailureClass.RateLimited)
                        {
                            // Limits are per key: the next credential, at once, when there is one.
                            if (longWait || credentials.Count > 1)
                            {
                                break;
                            }
                        }
                        else if (longWait || retry == entry.Retries)
                        {
                            // A server-side failure is the same whatever key is used: next entry, not next key.
                            nextEntry = true;
                            break;
                        }
                    }

                    if (gaveUp is { } given)
                    {
                        // One strike per request and key, however many retries it took.
                        GiveUp(model, credentialId, given, gaveUpRetryAfter, unhealthyAfter, settings);
                    }

                    if (nextEntry)
                    {
                        break;
                    }
                }

                if (usableCredentials == 0)
                {
                    Skip(model, "cooldown: every credential of its provider is cooling down for it", null, rateLimit: onlyRateLimits);
                }
            }

            // Nothing could be tried: wait for the soonest entry when that is within the bound.
            if (!tried && soonest is { } next && pass < MaxWaitPasses)
            {
                var wait = next - time.GetUtcNow();
                if (wait <= settings.MaxCooldownWait)
                {
                    try
                    {
                        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, chainToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return Stop(attempts, clientAborted, lastRetryAfter);
                    }

                    continue;
                }
            }

            break;
        }

        LogExhausted(logger, plan.RouteName ?? plan.Requested ?? "?", attempts.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var untilSoonest = soonest is { } at ? at - time.GetUtcNow() : (TimeSpan?)null;
        if (untilSoonest < TimeSpan.Zero)
        {
            untilSoonest = TimeSpan.Zero;
        }

        return new ExecutionOutcome
        {
            Status = ExecutionStatus.Exhausted,
            Attempts = attempts,
            CommonFailure = attempts.Count == 0 ? (skipped is { Count: > 0 } && onlyRateLimits && soonest is not null ? FailureClass.RateLimited : null) : Single(failures),
            RetryAfter = lastRetryAfter ?? untilSoonest,
            Skipped = skipped,
            AvailableAt = soonest,
            Refusals = refusals,
        };

        void Skip(ModelEntry model, string reason, DateTimeOffset? until, bool rateLimit)
        {
            (skipped ??= []).Add(new SkippedEntry(model.Id, reason, until));
            Note(until, rateLimit);
        }

        void Note(DateTimeOffset? until, bool rateLimit)
        {
            onlyRateLimits &= rateLimit;
            if (until is { } u && (soonest is null || u < soonest))
            {
                soonest = u;
            }
        }
    }

    /// <summary>Asks every registered gate; the first that refuses wins.</summary>
    private bool Gated(IModelGate[] gates, ModelEntry model, DateTimeOffset now, ChatRequest request, out Unavailability unavailable, out IModelGate gate)
    {
        var context = new GateContext(now, null, request.Metadata.Source);
        foreach (var g in gates)
        {
            // Budgets and quota pools are enforced by the ticket's atomic reservation below, which
            // answers with the budget's own error; their gates serve selection.
            if (budgets is not null && g.Name is "budget" or "quota")
            {
                continue;
            }

            if (g.Check(model, context) is { } u)
            {
                unavailable = u;
                gate = g;
                return true;
            }
        }

        unavailable = default;
        gate = null!;
        return false;
    }

    private bool TryClaimProbe(ChainEntry entry, DateTimeOffset now, out string? credentialId)
    {
        var credentials = entry.Credentials;
        if (credentials.Count == 0)
        {
            credentialId = Cooldowns.NoCredential;
            return cooldowns.TryClaimProbe(entry.Model.Provider.Name, credentialId, entry.Model.Id, now);
        }

        foreach (var credential in credentials)
        {
            if (cooldowns.TryClaimProbe(entry.Model.Provider.Name, credential.Id, entry.Model.Id, now))
            {
                credentialId = credential.Id;
                return true;
            }
        }

        credentialId = null;
        return false;
    }

    /// <summary>What a final outcome teaches the runtime state: success clears, a cut stream counts as a failure.</summary>
    private void Settle(ModelEntry model, string credentialId, ExecutionOutcome outcome, long estimatedTokens, int unhealthyAfter, ResilienceSettings settings)
    {
        var now = time.GetUtcNow();
        switch (outcome.Status)
        {
            case ExecutionStatus.Answered:
                cooldowns.Clear(model.Provider.Name, credentialId, model.Id, model.Provider.Credentials);
                health.RecordSuccess(model, outcome.FirstByteMs ?? outcome.Attempts[^1].DurationMs, now, HealthTracker.PassiveSource);
                if (outcome.Usage.Reported)
                {
                    rateLimits.Settle(model, estimatedTokens, outcome.Usage.InputTokens + outcome.Usage.OutputTokens, now);
                }

                break;
            case ExecutionStatus.StreamFailed:
                GiveUp(model, credentialId, FailureClass.Transient, null, unhealthyAfter, settings);
                break;
        }
    }

    private void GiveUp(ModelEntry model, string credentialId, FailureClass failure, TimeSpan? retryAfter, int unhealthyAfter, ResilienceSettings settings)
    {
        var now = time.GetUtcNow();
        var duration = cooldowns.Record(model.Provider.Name, credentialId, model.Id, failure, retryAfter, now, settings);
        if (duration > TimeSpan.Zero)
        {
            LogCooldown(logger, model.Id, credentialId, FailureClassifier.Name(failure), duration.TotalSeconds);
        }

        // Health is about the model answering at all: limits, keys and the request's own faults do not count.
        if (IsServerSide(failure))
        {
            // The model failed, not the key: every key of the provider cools for it, so later requests
            // do not walk the same broken model key by key.
            var credentials = model.Provider.Credentials;
            for (var i = 0; i < credentials.Count; i++)
            {
                if (credentials[i].Id != credentialId)
                {
                    cooldowns.Record(model.Provider.Name, credentials[i].Id, model.Id, failure, retryAfter, now, settings);
                }
            }

            health.RecordFailure(model, FailureClassifier.Name(failure), now, HealthTracker.PassiveSource, unhealthyAfter);
        }
    }

    private static bool IsServerSide(FailureClass failure) =>
        failure is FailureClass.Transient or FailureClass.Timeout or FailureClass.Unknown or FailureClass.ModelUnavailable;

    private static readonly Credential?[] NoCredential = [null];

    private static FailureClass? Single(int mask) =>
        mask != 0 && (mask & (mask - 1)) == 0 ? (FailureClass)System.Numerics.BitOperations.TrailingZeroCount(mask) : null;

    private static ExecutionOutcome Stop(List<AttemptRecord> attempts, CancellationToken clientAborted, TimeSpan? retryAfter) =>
        clientAborted.IsCancellationRequested
            ? new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = attempts }
            : new ExecutionOutcome { Status = ExecutionStatus.Exhausted, Attempts = attempts, CommonFailure = FailureClass.Timeout, RetryAfter = retryAfter };

    /// <summary>
    /// One attempt. Upstream text it keeps — error bodies for the client, error events, the reasons
    /// that reach the attempts list, the logs and the request log — passes through
    /// <paramref name="redactor"/> first, the one redaction choke point (<see cref="SecretRedactor"/>).
    /// </summary>
    private async Task<AttemptResult> AttemptAsync(
        RoutePlan plan, ChainEntry entry, Credential? credential, ChatRequest request, IClientSink sink,
        List<AttemptRecord> attempts, CancellationToken chainToken, CancellationToken clientAborted, ErrorRuleSet rules, SecretRedactor redactor)
    {
        var model = entry.Model;
        var start = Stopwatch.GetTimestamp();
        using var total = new CancellationTokenSource(TimeSpan.FromMilliseconds(entry.TimeoutMs), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(chainToken, total.Token);
        using var firstToken = entry.FirstTokenTimeoutMs is { } ftt ? new CancellationTokenSource(TimeSpan.FromMilliseconds(ftt), time) : null;
        using var beforeFirst = firstToken is null ? null : CancellationTokenSource.CreateLinkedTokenSource(linked.Token, firstToken.Token);
        var token = linked.Token;
        var firstTokenToken = beforeFirst?.Token ?? token;
        var committed = false;

        AttemptResult Fail(FailureClass failure, int? status, string reason, byte[]? body = null, TimeSpan? retryAfter = null)
        {
            attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, status, FailureClassifier.Name(failure), redactor.Redact(reason, credential), Elapsed(start)));
            return new AttemptResult(null, failure, status, body, retryAfter);
        }

        string TimeoutReason() => firstToken?.IsCancellationRequested == true && !committed
            ? $"no first token within {entry.FirstTokenTimeoutMs} ms"
            : total.IsCancellationRequested ? $"timed out after {entry.TimeoutMs} ms" : "chain deadline reached";

        UpstreamResponse? response = null;
        try
        {
            var call = new UpstreamCall(request, model.UpstreamModel, model.UpstreamModelJson, credential) { MaxOutputTokens = model.MaxOutputTokens };
            response = await model.Provider.Client.SendAsync(call, firstTokenToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                var errorBody = await ReadErrorBodyAsync(response, redactor, credential, firstTokenToken).ConfigureAwait(false);
                var text = Encoding.UTF8.GetString(errorBody);
                var failure = FailureClassifier.Classify(response.StatusCode, text, rules);
                return Fail(failure, response.StatusCode, Summarize(redactor, response.StatusCode, text, credential), errorBody, response.RetryAfter);
            }

            if (!request.Stream)
            {
                var body = await response.ReadBodyAsync(MaxAnswerBytes, token).ConfigureAwait(false);
                var shape = InspectAnswer(request, body, out var usage);
                if (shape == OpenAIWire.CompletionShape.Error)
                {
                    var text = Encoding.UTF8.GetString(body);
                    return Fail(FailureClassifier.ClassifyBody(response.StatusCode, text, rules), response.StatusCode, Summarize(redactor, response.StatusCode, text, credential));
                }

                if (shape == OpenAIWire.CompletionShape.NotJson)
                {
                    return Fail(FailureClass.Transient, response.StatusCode, "upstream answered with a body that is not a JSON object");
                }

                var info = new AnswerInfo(model, plan, attempts.Count + 1);
                committed = true;
                attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, response.StatusCode, "ok", null, Elapsed(start)));
                try
                {
                    await sink.WriteBodyAsync(info, body, response.ContentType, clientAborted).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    // The answer was complete; only the client went away while it was written.
                    return Final(new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = attempts, AnsweredBy = model.Id, Usage = usage, AnswerBytes = body.Length });
                }

                var answered = Answered(attempts, model, usage, Elapsed(start));
                answered.Outcome!.AnswerBytes = body.Length;
                return answered;
            }

            return await StreamAsync(plan, entry, credential, request, sink, attempts, response, start, firstToken, token, clientAborted, rules, redactor).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (clientAborted.IsCancellationRequested)
        {
            attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, null, "cancelled", "client disconnected", Elapsed(start)));
            return new AttemptResult(new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = attempts }, null, null, null, null);
        }
        catch (OperationCanceledException)
        {
            return Fail(FailureClass.Timeout, null, TimeoutReason());
        }
        catch (UpstreamBodyTooLargeException ex)
        {
            return Fail(FailureClass.Transient, response?.StatusCode, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return Fail(FailureClass.Transient, null, "connection error: " + Describe(ex));
        }
        catch (IOException ex)
        {
            return Fail(FailureClass.Transient, response?.StatusCode, "connection error: " + Describe(ex));
        }
        finally
        {
            response?.Dispose();
        }
    }

    private async Task<AttemptResult> StreamAsync(
        RoutePlan plan, ChainEntry entry, Credential? credential, ChatRequest request, IClientSink sink,
        List<AttemptRecord> attempts, UpstreamResponse response, long start,
        CancellationTokenSource? firstToken, CancellationToken token, CancellationToken clientAborted, ErrorRuleSet rules, SecretRedactor redactor)
    {
        var model = entry.Model;
        var usage = Usage.None;

        // The first-token timer cancels only the first read; it is disarmed once the first event is in.
        using var readCts = firstToken is null ? null : CancellationTokenSource.CreateLinkedTokenSource(token);
        var firstTokenTimer = firstToken?.Token.Register(static state => ((CancellationTokenSource)state!).Cancel(), readCts);
        var batch = new SseBatch();

        // Peek the first events before committing: until then, failing over is invisible to the client.
        bool hasFirst;
        try
        {
            hasFirst = await response.ReadEventsAsync(batch, readCts?.Token ?? token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return Failed(FailureClass.Transient, response.StatusCode, "connection error before the first chunk: " + Describe(ex));
        }
        catch (UpstreamBodyTooLargeException ex)
        {
            return Failed(FailureClass.Transient, response.StatusCode, ex.Message);
        }
        finally
        {
            firstTokenTimer?.Dispose();
        }

        if (!hasFirst)
        {
            return Failed(FailureClass.Transient, response.StatusCode, "upstream ended the stream without any event");
        }

        var first = batch.Data(0);
        if (IsErrorEvent(request, batch.EventType(0), first))
        {
            var text = Encoding.UTF8.GetString(first);
            return Failed(FailureClassifier.ClassifyBody(response.StatusCode, text, rules), response.StatusCode, Summarize(redactor, response.StatusCode, text, credential));
        }

        if (!first.SequenceEqual(OpenAIWire.DoneData) && !OpenAIWire.IsJsonObject(first))
        {
            return Failed(FailureClass.Transient, response.StatusCode, "upstream sent a stream event that is not JSON");
        }

        var firstByteMs = Elapsed(start);
        long answerBytes = 0, answerEvents = 0; // for a cost estimate when the upstream reports no usage
        await sink.StartStreamAsync(new AnswerInfo(model, plan, attempts.Count + 1), clientAborted).ConfigureAwait(false);
        var sawDone = false;
        var sawFinish = false;
        try
        {
            var anthropic = IsAnthropic(request);
            do
            {
                if (anthropic)
                {
                    // The adapter already presents the ingress protocol (ProtocolBridge): Anthropic events here.
                    if (ForwardAnthropicEvents(batch, sink, ref usage, ref sawDone, ref sawFinish) is { } upstreamError)
                    {
                        return await StreamFailedAsync(upstreamError, "upstream_error").ConfigureAwait(false);
                    }

                    await sink.FlushAsync(clientAborted).ConfigureAwait(false);
                    continue;
                }

                // Inspect every event (usage, finish, end); then forward what arrived together and flush once.
                // Same protocol: the upstream's own bytes go through unless an event has to be dropped.
                var drop = false;
                string? errorEvent = null;
                var count = batch.Count;
                answerEvents += count;
                answerBytes += batch.Raw.Length;
                for (var i = 0; i < count; i++)
                {
                    var data = batch.Data(i);
                    if (data.SequenceEqual(OpenAIWire.DoneData))
                    {
                        sawDone = true;
                        count = i + 1;
                        break;
                    }

                    if (IsOpenAIErrorEvent(data))
                    {
                        // Not forwarded (its text may echo the request's key): the stream ends with the router's error.
                        errorEvent = UpstreamErrorEvent(data);
                        count = i;
                        break;
                    }

                    if (OpenAIWire.TryReadUsage(data, out var u))
                    {
                        usage = u;

                        // The router asked for usage on the client's behalf; do not show a chunk it did not ask for.
                        drop |= !request.ClientWantsUsage && OpenAIWire.IsUsageOnlyChunk(data);
                    }

                    sawFinish = sawFinish || OpenAIWire.HasFinishReason(data);
                }

                if (!drop && count == batch.Count && !batch.Raw.IsEmpty)
                {
                    sink.WriteRaw(batch.Raw.Span);
                }
                else
                {
                    // Rare: re-frame event by event, leaving out the usage-only chunks.
                    for (var i = 0; i < count; i++)
                    {
                        var data = batch.Data(i);
                        if (!(drop && OpenAIWire.IsUsageOnlyChunk(data) && OpenAIWire.TryReadUsage(data, out _)))
                        {
                            sink.WriteEvent(batch.EventType(i), data);
                        }
                    }
                }

                if (errorEvent is not null)
                {
                    return await StreamFailedAsync(errorEvent, "upstream_error").ConfigureAwait(false);
                }

                await sink.FlushAsync(clientAborted).ConfigureAwait(false);
            }
            while (!sawDone && await response.ReadEventsAsync(batch, token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (clientAborted.IsCancellationRequested)
        {
            attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, response.StatusCode, "cancelled", "client disconnected mid-stream", Elapsed(start)));
            return Final(new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = attempts, AnsweredBy = model.Id, Usage = usage, FirstByteMs = firstByteMs, AnswerBytes = answerBytes, AnswerEvents = answerEvents });
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or UpstreamBodyTooLargeException)
        {
            var reason = ex switch
            {
                OperationCanceledException => $"upstream stream interrupted: timed out after {entry.TimeoutMs} ms",
                UpstreamBodyTooLargeException => "upstream stream interrupted: " + ex.Message,
                _ => "upstream stream interrupted: " + Describe(ex),
            };
            return await StreamFailedAsync(reason, "upstream_stream_interrupted").ConfigureAwait(false);
        }

        if (!sawDone && !sawFinish)
        {
            return await StreamFailedAsync("upstream ended the stream before the answer was complete", "upstream_stream_truncated").ConfigureAwait(false);
        }

        attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, response.StatusCode, "ok", null, Elapsed(start)));
        return Final(new ExecutionOutcome
        {
            Status = ExecutionStatus.Answered,
            Attempts = attempts,
            AnsweredBy = model.Id,
            Usage = usage,
            FirstByteMs = firstByteMs,
            AnswerBytes = answerBytes,
            AnswerEvents = answerEvents,
        });

        async Task<AttemptResult> StreamFailedAsync(string reason, string code)
        {
            reason = Clip(redactor.Redact(reason, credential));
            attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, response.StatusCode, "stream-failed", reason, Elapsed(start)));
            try
            {
                await sink.WriteStreamErrorAsync($"The answer from '{model.Id}' was cut off: {reason}. It is incomplete.", code, clientAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client is gone too; nothing more to tell it.
            }

            LogStreamFailed(logger, model.Id, reason);
            return Final(new ExecutionOutcome { Status = ExecutionStatus.StreamFailed, Attempts = attempts, AnsweredBy = model.Id, Usage = usage, FirstByteMs = firstByteMs, AnswerBytes = answerBytes, AnswerEvents = answerEvents });
        }

        AttemptResult Failed(FailureClass failure, int? status, string reason)
        {
            attempts.Add(new AttemptRecord(model.Id, model.Provider.Name, credential?.Id, status, FailureClassifier.Name(failure), redactor.Redact(reason, credential), Elapsed(start)));
            return new AttemptResult(null, failure, status, null, null);
        }
    }

    private static AttemptResult Answered(List<AttemptRecord> attempts, ModelEntry model, Usage usage, double firstByteMs) =>
        Final(new ExecutionOutcome { Status = ExecutionStatus.Answered, Attempts = attempts, AnsweredBy = model.Id, Usage = usage, FirstByteMs = firstByteMs });

    private static AttemptResult Final(ExecutionOutcome outcome) => new(outcome, null, null, null, null);

    private static async Task<byte[]> ReadErrorBodyAsync(UpstreamResponse response, SecretRedactor redactor, Credential? credential, CancellationToken token)
    {
        try
        {
            var body = await response.ReadBodyAsync(MaxErrorBodyBytes, token).ConfigureAwait(false);
            return redactor.RedactBody(body, credential);
        }
        catch (UpstreamBodyTooLargeException)
        {
            return Encoding.UTF8.GetBytes("(error body larger than 64 KiB)");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return [];
        }
    }

    private static double Elapsed(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }

    /// <summary>A short, single-line reason for logs and the attempts list; never the request or a key.</summary>
    private static string Summarize(SecretRedactor redactor, int status, string body, Credential? credential)
    {
        var text = Clip(redactor.Redact(body, credential));
        return string.IsNullOrWhiteSpace(text) ? $"HTTP {status}" : $"HTTP {status}: {text}";
    }

    /// <summary>At most 300 characters on one line; clipped after redaction, so no key is cut in half and kept.</summary>
    private static string Clip(string text) => (text.Length > 300 ? text[..300] + "…" : text).ReplaceLineEndings(" ");

    private readonly record struct AttemptResult(ExecutionOutcome? Outcome, FailureClass? Failure, int? Status, byte[]? Body, TimeSpan? RetryAfter);

    [LoggerMessage(EventId = LogEvents.ChainExhausted, Level = LogLevel.Warning, Message = "Every entry failed for '{Route}' ({Attempts} attempts, {ElapsedMs:F0} ms)")]
    private static partial void LogExhausted(ILogger logger, string route, int attempts, double elapsedMs);

    [LoggerMessage(EventId = LogEvents.StreamFailedAfterFirstByte, Level = LogLevel.Warning, Message = "Stream from '{Model}' failed after the first byte: {Reason}")]
    private static partial void LogStreamFailed(ILogger logger, string model, string reason);

    [LoggerMessage(EventId = LogEvents.CooldownStarted, Level = LogLevel.Information, Message = "'{Model}' on credential '{Credential}' cools down for {Seconds:F0} s after a {Class} failure")]
    private static partial void LogCooldown(ILogger logger, string model, string credential, string @class, double seconds);
}
