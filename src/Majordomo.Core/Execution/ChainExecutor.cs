using System.Runtime.CompilerServices;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Health;
using Majordomo.Providers;
using Majordomo.Routing;
using Majordomo.Telemetry;

namespace Majordomo.Execution;

/// <summary>
/// Runs a <see cref="RoutePlan"/>: ordered entries, each tried with its provider's credentials in turn,
/// with retries and jittered exponential backoff on retryable failures (SPEC §1.6). The walk over
/// entries, credentials and retries is <see cref="ChainWalk"/>; one upstream call is
/// <see cref="AttemptRunner"/>'s; every attempt is recorded in one place, <see cref="AttemptRecorder"/>.
/// Nothing is sent to the client until an attempt has produced its first byte; after that the answer is
/// committed and a failure ends the stream with an error event instead of falling back.
/// </summary>
internal sealed partial class ChainExecutor
{
    /// <summary>Upstream error bodies are read up to this size for classification and pass-through.</summary>
    public const int MaxErrorBodyBytes = AttemptRunner.MaxErrorBodyBytes;

    /// <summary>A non-streamed answer larger than this is refused (and the next entry tried).</summary>
    public const int MaxAnswerBytes = AttemptRunner.MaxAnswerBytes;

    /// <summary>Longest Retry-After the executor waits for in place before moving on to the next entry.</summary>
    public static readonly TimeSpan MaxInPlaceWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(10);

    /// <summary>How often one request re-checks after waiting for the soonest cooling entry.</summary>
    private const int MaxWaitPasses = 3;

    private static readonly Credential?[] NoCredential = [null];

    private readonly TimeProvider _time;
    private readonly Jitter _jitter;
    private readonly ILogger<ChainExecutor> _logger;
    private readonly Cooldowns _cooldowns;
    private readonly RateLimits _rateLimits;
    private readonly HealthTracker _health;
    private readonly BudgetLedger? _budgets;
    private readonly AttemptRunner _runner;
    private readonly MajordomoTracing? _tracing;

    public ChainExecutor(
        TimeProvider time,
        Jitter jitter,
        ILogger<ChainExecutor> logger,
        Cooldowns cooldowns,
        RateLimits rateLimits,
        HealthTracker health,
        BudgetLedger? budgets = null,
        MajordomoTracing? tracing = null)
    {
        _tracing = tracing;
        _time = time;
        _jitter = jitter;
        _logger = logger;
        _cooldowns = cooldowns;
        _rateLimits = rateLimits;
        _health = health;
        _budgets = budgets;
        _runner = new AttemptRunner(logger);
    }

    /// <summary>
    /// Runs <paramref name="plan"/> under <paramref name="settings"/>, the settings of the snapshot the
    /// request started on: a reload while it runs changes nothing for it.
    /// </summary>
    public ValueTask<ExecutionOutcome> ExecuteAsync(ExecutionSettings settings, RoutePlan plan, ChatRequest request, IClientSink sink, CancellationToken clientAborted) =>
        // Without any budget in the config there is nothing to hold or settle: no ticket, no reservation step per entry, only
        // the answer's cost (priced by the walk), which is all a ticket of an empty plan gave.
        _budgets is null || settings.Budgets.IsEmpty
            ? WalkAsync(settings, plan, request, sink, clientAborted, null)
            : ExecuteWithTicketAsync(settings, plan, request, sink, clientAborted);

    /// <summary>
    /// Budgets (SPEC §1.7): the request is admitted against its key's request budget, each entry reserves its quota
    /// units / estimated USD before it is tried, and the real amount is settled (or everything released) once the chain
    /// is done, however it ended. A layer of its own, so that the ticket's awaits are not in the walk's state-machine box.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // each caller awaits it once
    private async ValueTask<ExecutionOutcome> ExecuteWithTicketAsync(ExecutionSettings settings, RoutePlan plan, ChatRequest request, IClientSink sink, CancellationToken clientAborted)
    {
        var ticket = await _budgets!.OpenAsync(settings.Budgets, request).ConfigureAwait(false);
        if (ticket.Refusal is { } refusal)
        {
            return new ExecutionOutcome { Status = ExecutionStatus.Exhausted, Attempts = [], Refusals = [new RefusedEntry(null, refusal)] };
        }

        ExecutionOutcome? outcome = null;
        try
        {
            outcome = await WalkAsync(settings, plan, request, sink, clientAborted, ticket).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            var cost = await ticket.CompleteAsync(AnsweredModel(plan, outcome), outcome?.Usage ?? Usage.None, outcome?.AnswerBytes ?? 0, outcome?.AnswerEvents ?? 0).ConfigureAwait(false);
            outcome?.Cost = cost;
        }
    }

    // Every request waits here (its attempts' upstream calls): the pooling builder reuses the state-machine box, and what the
    // box holds across awaits is paid by every request whose box the pool cannot give (most, at 32 requests in flight on a
    // core), so the rare steps' awaits (a reservation's answer, 56 B) are in methods of their own. The walk runs here rather
    // than in a method of its own: one state machine less to suspend and resume per request.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ExecutionOutcome> WalkAsync(ExecutionSettings settings, RoutePlan plan, ChatRequest request, IClientSink sink, CancellationToken clientAborted, BudgetTicket? ticket)
    {
        ExecutionOutcome? outcome = null;
        var resilience = settings.Resilience;
        using var deadline = resilience.Deadline is { } d ? new CancellationTokenSource(d, _time) : null;
        using var chainCts = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadline.Token);
        var chainToken = chainCts?.Token ?? clientAborted;
        var protocol = Protocols.Get(request.Protocol);
        var recorder = new AttemptRecorder(settings.Redactor, _tracing);
        var walk = new ChainWalk(this, settings, plan, request, ticket, recorder, clientAborted, deadline);
        while (outcome is null)
        {
            switch (walk.Next(out var wait))
            {
                case Step.Attempt:
                    AttemptResult result;
                    using (var attempt = new AttemptScope(plan, walk.Entry, walk.Credential, recorder, _time, chainToken, clientAborted))
                    {
                        result = await _runner.RunAsync(attempt, protocol, request, sink, resilience.Rules).ConfigureAwait(false);
                    }

                    outcome = walk.Observe(result);
                    break;
                case Step.Reserve:
                    await ReserveAsync(walk, ticket!).ConfigureAwait(false);
                    break;
                case Step.Wait:
                    try
                    {
                        await Task.Delay(wait, _time, chainToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        outcome = walk.Stop();
                    }

                    break;
                default:
                    outcome = walk.Exhausted();
                    break;
            }
        }

        if (ticket is null && _budgets is not null)
        {
            outcome.Cost = AnsweredModel(plan, outcome) is { } answeredBy
                ? BudgetTicket.CostOf(request, answeredBy, outcome.Usage, outcome.AnswerBytes, outcome.AnswerEvents)
                : RequestCost.Zero;
        }

        return outcome;
    }

    // A Task, as the wait's delay: the two share one awaiter field in the walk's box.
    private static async Task ReserveAsync(ChainWalk walk, BudgetTicket ticket) =>
        walk.Reserved(await ticket.TryReserveAsync(walk.Entry.Model).ConfigureAwait(false));

    private static ModelEntry? AnsweredModel(RoutePlan plan, ExecutionOutcome? outcome)
    {
        if (outcome?.AnsweredBy is not { } id)
        {
            return null;
        }

        var entries = plan.Attempts;
        for (var i = 0; i < entries.Count; i++)
        {
            // Indexed: a foreach over the list's interface boxed its enumerator on every request.
            if (entries[i].Model.Id == id)
            {
                return entries[i].Model;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = LogEvents.ChainExhausted, Level = LogLevel.Warning, Message = "Every entry failed for '{Route}' ({Attempts} attempts, {ElapsedMs:F0} ms)")]
    private static partial void LogExhausted(ILogger logger, string route, int attempts, double elapsedMs);

    [LoggerMessage(EventId = LogEvents.CooldownStarted, Level = LogLevel.Information, Message = "'{Model}' on credential '{Credential}' cools down for {Seconds:F0} s after a {Class} failure")]
    private static partial void LogCooldown(ILogger logger, string model, string credential, string @class, double seconds);
}
