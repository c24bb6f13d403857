using System.Diagnostics;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Providers;
using Majordomo.Routing;

namespace Majordomo.Execution;

internal sealed partial class ChainExecutor
{
    /// <summary>What the walk asks its driver to do next.</summary>
    private enum Step
    {
        /// <summary>Call <see cref="ChainWalk.Entry"/> with <see cref="ChainWalk.Credential"/>, then <see cref="ChainWalk.Observe"/>.</summary>
        Attempt,

        /// <summary>Wait (a backoff, or for the soonest cooling entry), then ask again.</summary>
        Wait,

        /// <summary>Reserve <see cref="ChainWalk.Entry"/>'s budgets (awaited: a shared store's round trip), then <see cref="ChainWalk.Reserved"/>.</summary>
        Reserve,

        /// <summary>Nothing more to try: the chain is exhausted.</summary>
        Done,
    }

    /// <summary>
    /// The walk over a plan for one request — pass → entry → credential → retry — as an explicit state
    /// machine. <see cref="Next"/> makes the synchronous decisions (enabled, neverEscalate, context window,
    /// gates, cooldowns, rate limits) and stops where the driver must act: a budget reservation to await,
    /// an attempt to make or a wait. <see cref="Observe"/> takes an attempt's result, teaches the runtime state, and
    /// moves the walk on (retry, next credential, next entry) or ends the request.
    /// </summary>
    private sealed class ChainWalk(
        ChainExecutor owner, ExecutionSettings snapshot, RoutePlan plan, ChatRequest request, BudgetTicket? ticket,
        AttemptRecorder recorder, CancellationToken clientAborted, CancellationTokenSource? deadline)
    {
        private readonly ResilienceSettings _settings = snapshot.Resilience;
        private readonly int _unhealthyAfter = snapshot.Health.UnhealthyAfter;

        private enum Phase { PassStart, Entry, Reserve, Credential, Backoff, Acquire }

        // Rate-limit windows count tokens before the answer says how many: ~4 bytes of request per token.
        private readonly long _estimatedTokens = Math.Max(1, request.Body.Length / 4);
        private readonly long _started = Stopwatch.GetTimestamp();

        // Across passes.
        private Phase _phase = Phase.PassStart;
        private int _pass = -1;
        private int _failures; // bit mask of the failure classes seen
        private TimeSpan? _lastRetryAfter;

        // Per pass.
        private List<SkippedEntry>? _skipped;
        private List<RefusedEntry>? _refusals;
        private DateTimeOffset? _soonest;
        private bool _onlyRateLimits = true;
        private bool _tried;
        private int _ceiling;
        private int? _tooSmallWindow;

        // The clock read once per Next: its gates, cooldown and rate-limit checks are one synchronous step, and each read
        // was a system call's worth of work (a first attempt made three).
        private DateTimeOffset? _stepNow;

        private DateTimeOffset StepNow => _stepNow ??= owner._time.GetUtcNow();

        // Per entry, credential, retry.
        private int _index;
        private string? _probe;
        private IReadOnlyList<Credential?> _credentials = NoCredential;
        private int _credential;
        private int _usableCredentials;
        private long _cooldownStamp; // Cooldowns.Stamp before the credential's check: what its success may clear
        private int _retry;
        private FailureClass? _gaveUp;
        private TimeSpan? _gaveUpRetryAfter;

        public ChainEntry Entry => plan.Attempts[_index];

        public Credential? Credential => _credentials[_credential];

        private ModelEntry Model => Entry.Model;

        private string CredentialId => Credential?.Id ?? Cooldowns.NoCredential;

        /// <summary>Advances to the next attempt or wait; <paramref name="wait"/> is set for <see cref="Step.Wait"/>.</summary>
        public Step Next(out TimeSpan wait)
        {
            wait = default;
            _stepNow = null;
            while (true)
            {
                switch (_phase)
                {
                    case Phase.PassStart:
                        StartPass();
                        break;
                    case Phase.Entry when _index >= plan.Attempts.Count:
                        return EndPass(out wait);
                    case Phase.Entry:
                        EnterEntry();
                        break;
                    case Phase.Reserve:
                        return Step.Reserve;
                    case Phase.Credential when _credential >= _credentials.Count:
                        EndEntry();
                        break;
                    case Phase.Credential:
                        EnterCredential();
                        break;
                    case Phase.Backoff:
                        wait = owner._jitter.Backoff(Entry.BackoffMs, _retry, _lastRetryAfter, BackoffCap);
                        _phase = Phase.Acquire;
                        return Step.Wait;
                    default:
                        if (AcquireRateLimit())
                        {
                            _tried = true;
                            return Step.Attempt;
                        }

                        _gaveUp = null;
                        EndCredential(nextEntry: true);
                        break;
                }
            }
        }

        /// <summary>Takes the result of the attempt <see cref="Next"/> asked for; a non-null outcome ends the request.</summary>
        public ExecutionOutcome? Observe(AttemptResult result)
        {
            var model = Model;
            if (result.Outcome is { } outcome)
            {
                owner.Settle(model, CredentialId, outcome, _cooldownStamp, _estimatedTokens, _unhealthyAfter, _settings);
                return outcome;
            }

            if (clientAborted.IsCancellationRequested || deadline?.IsCancellationRequested == true)
            {
                // Not the provider's failure: no cooldown, no health strike.
                return Stop();
            }

            var failure = result.Failure!.Value;
            _failures |= 1 << (int)failure;
            _lastRetryAfter = result.RetryAfter;
            _gaveUp = failure;
            _gaveUpRetryAfter = result.RetryAfter;
            if (failure == FailureClass.RateLimited && result.RetryAfter is { } limitedFor)
            {
                owner._rateLimits.MarkFull(model, owner._time.GetUtcNow() + limitedFor);
            }

            switch (FailureClassifier.ActionFor(failure))
            {
                case FailureAction.FailFast:
                    return new ExecutionOutcome
                    {
                        Status = ExecutionStatus.CallerFault,
                        Attempts = recorder.Attempts,
                        UpstreamStatus = result.Status ?? 400,
                        UpstreamBody = result.Body,
                    };
                case FailureAction.NextEntry:
                    if (failure == FailureClass.ContextTooLong)
                    {
                        // After a context-too-long answer only a larger window can help.
                        _tooSmallWindow = model.ContextWindow ?? _tooSmallWindow;
                    }

                    EndCredential(nextEntry: true);
                    return null;
                case FailureAction.Rotate:
                    EndCredential(nextEntry: false);
                    return null;
                default:
                    Retry(failure, result.RetryAfter);
                    return null;
            }
        }

        /// <summary>A retryable failure: again after a backoff, or on to the next credential or entry. A long Retry-After is never waited out in place.</summary>
        private void Retry(FailureClass failure, TimeSpan? retryAfter)
        {
            var longWait = retryAfter is { } ra && ra > MaxInPlaceWait;
            if (failure == FailureClass.RateLimited)
            {
                // Limits are per key: the next credential, at once, when there is one.
                if (longWait || _credentials.Count > 1)
                {
                    EndCredential(nextEntry: false);
                    return;
                }
            }
            else if (longWait || _retry == Entry.Retries)
            {
                // A server-side failure is the same whatever key is used: next entry, not next key.
                EndCredential(nextEntry: true);
                return;
            }

            if (++_retry > Entry.Retries)
            {
                EndCredential(nextEntry: false);
            }
            else
            {
                _phase = Phase.Backoff;
            }
        }

        private void StartPass()
        {
            _pass++;
            _skipped?.Clear();
            _refusals?.Clear();
            _soonest = null;
            _onlyRateLimits = true;
            _tried = false;
            _ceiling = int.MaxValue;
            _tooSmallWindow = null;
            _index = 0;
            _phase = Phase.Entry;
        }

        /// <summary>Nothing could be tried: wait for the soonest entry when that is within the bound, else done.</summary>
        private Step EndPass(out TimeSpan wait)
        {
            wait = default;
            if (!_tried && _soonest is { } next && _pass < MaxWaitPasses)
            {
                var until = next - StepNow;
                if (until <= _settings.MaxCooldownWait)
                {
                    wait = until > TimeSpan.Zero ? until : TimeSpan.Zero;
                    _phase = Phase.PassStart;
                    return Step.Wait;
                }
            }

            return Step.Done;
        }

        /// <summary>Decides whether the entry at <see cref="_index"/> is tried; if not, notes why and moves past it.</summary>
        private void EnterEntry()
        {
            var entry = Entry;
            var model = entry.Model;
            if (!model.Enabled)
            {
                _index++;
                return;
            }

            // neverEscalate: an entry may replace the ones before it only at their tier or below.
            if (_settings.NeverEscalate && model.Tier > _ceiling)
            {
                SkipEntry($"not tried: tier {model.Tier} is above tier {_ceiling} of the entry it would replace (resilience.neverEscalate)", null, rateLimit: false);
                return;
            }

            _ceiling = Math.Min(_ceiling, model.Tier);
            if (_tooSmallWindow is { } small && model.ContextWindow is { } window && window <= small)
            {
                SkipEntry($"not tried: its context window ({window}) is not larger than the one that was too small ({small})", null, rateLimit: false);
                return;
            }

            var now = StepNow;
            string? probe = null;
            if (owner.Gated(snapshot.Gates, model, now, request, out var unavailable, out var gate) &&
                !(_index == 0 && gate is CooldownGate && owner.TryClaimProbe(entry, now, out probe)))
            {
                // The primary is probed near the end of its cooldown by exactly one request.
                SkipEntry(gate.Name + ": " + unavailable.Reason, unavailable.Until,
                    rateLimit: gate is RateLimitGate || ReferenceEquals(unavailable.Reason, CooldownGate.RateLimitedReason));
                return;
            }

            _probe = probe;
            if (ticket is not null)
            {
                // The driver reserves the entry's budgets (awaited, never waited on with a thread), then calls Reserved.
                _phase = Phase.Reserve;
                return;
            }

            StartCredentials();
        }

        /// <summary>The reservation <see cref="Step.Reserve"/> asked for: refused moves on to the next entry, held goes on to the credentials.</summary>
        public void Reserved(Unavailability? refused)
        {
            if (refused is { } r)
            {
                // A pool or budget with no room for this model: the next entry, without an upstream call.
                (_refusals ??= []).Add(new RefusedEntry(Model.Id, r));
                Note(r.Until, rateLimit: false);
                _index++;
                _phase = Phase.Entry;
                return;
            }

            StartCredentials();
        }

        private void StartCredentials()
        {
            var entry = Entry;
            _credentials = entry.Credentials.Count > 0 ? (IReadOnlyList<Credential?>)entry.Credentials : NoCredential;
            _credential = 0;
            _usableCredentials = 0;
            _phase = Phase.Credential;
        }

        /// <summary>A credential is never retried for this request after it failed, nor while it cools down.</summary>
        private void EnterCredential()
        {
            var model = Model;
            var credentialId = CredentialId;
            _cooldownStamp = owner._cooldowns.Stamp;
            if (credentialId != _probe && owner._cooldowns.CoolingUntil(model.Provider.Name, credentialId, model.Id, StepNow, out var coolingFor) is { } coolingUntil)
            {
                Note(coolingUntil, coolingFor == FailureClass.RateLimited);
                _credential++;
                return;
            }

            _usableCredentials++;
            _retry = 0;
            _gaveUp = null;
            _gaveUpRetryAfter = null;
            _phase = Phase.Acquire;
        }

        private bool AcquireRateLimit()
        {
            var model = Model;
            if (owner._rateLimits.TryAcquire(model, _estimatedTokens, StepNow))
            {
                return true;
            }

            var full = owner._rateLimits.FullUntil(model, _estimatedTokens, StepNow, out var why);
            Skip(model, "rateLimit: " + (why ?? "rate limit reached"), full, rateLimit: true);
            return false;
        }

        private void EndCredential(bool nextEntry)
        {
            if (_gaveUp is { } given)
            {
                // One strike per request and key, however many retries it took.
                owner.GiveUp(Model, CredentialId, given, _gaveUpRetryAfter, _unhealthyAfter, _settings);
            }

            if (nextEntry)
            {
                EndEntry();
                return;
            }

            _credential++;
            _phase = Phase.Credential;
        }

        private void EndEntry()
        {
            if (_usableCredentials == 0)
            {
                Skip(Model, "cooldown: every credential of its provider is cooling down for it", null, rateLimit: _onlyRateLimits);
            }

            _index++;
            _phase = Phase.Entry;
        }

        private void SkipEntry(string reason, DateTimeOffset? until, bool rateLimit)
        {
            Skip(Model, reason, until, rateLimit);
            _index++;
        }

        private void Skip(ModelEntry model, string reason, DateTimeOffset? until, bool rateLimit)
        {
            (_skipped ??= []).Add(new SkippedEntry(model.Id, reason, until));
            Note(until, rateLimit);
        }

        private void Note(DateTimeOffset? until, bool rateLimit)
        {
            _onlyRateLimits &= rateLimit;
            if (until is { } u && (_soonest is null || u < _soonest))
            {
                _soonest = u;
            }
        }

        /// <summary>The client went away or the chain's deadline passed.</summary>
        public ExecutionOutcome Stop() =>
            clientAborted.IsCancellationRequested
                ? new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = recorder.Attempts }
                : new ExecutionOutcome { Status = ExecutionStatus.Exhausted, Attempts = recorder.Attempts, CommonFailure = FailureClass.Timeout, RetryAfter = _lastRetryAfter };

        /// <summary>Every entry failed or was skipped.</summary>
        public ExecutionOutcome Exhausted()
        {
            LogExhausted(owner._logger, plan.RouteName ?? plan.Requested ?? "?", recorder.Count, Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
            var untilSoonest = _soonest is { } at ? at - owner._time.GetUtcNow() : (TimeSpan?)null;
            if (untilSoonest < TimeSpan.Zero)
            {
                untilSoonest = TimeSpan.Zero;
            }

            return new ExecutionOutcome
            {
                Status = ExecutionStatus.Exhausted,
                Attempts = recorder.Attempts,
                CommonFailure = recorder.Count == 0 ? (_skipped is { Count: > 0 } && _onlyRateLimits && _soonest is not null ? FailureClass.RateLimited : null) : Single(_failures),
                RetryAfter = _lastRetryAfter ?? untilSoonest,
                Skipped = _skipped,
                AvailableAt = _soonest,
                Refusals = _refusals,
            };
        }

        private static FailureClass? Single(int mask) =>
            mask != 0 && (mask & (mask - 1)) == 0 ? (FailureClass)System.Numerics.BitOperations.TrailingZeroCount(mask) : null;
    }
}
