using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Storage;

namespace Majordomo.Budgets;

/// <summary>
/// The accounting of one request (SPEC §1.7 admission): the API key's request budget is held when it
/// is opened; before each chain entry is tried, <see cref="TryReserveAsync"/> holds that model's quota units
/// and estimated USD (or says which budget is used up); <see cref="CompleteAsync"/> settles the real amount
/// when the request was answered and releases everything otherwise. The executor awaits them (a shared
/// store's round trips hold no thread); the synchronous forms serve callers on an in-memory or SQLite
/// store, whose calls complete at once (<c>majordomo simulate</c>). Not thread-safe: one per request.
/// </summary>
internal sealed class BudgetTicket
{
    /// <summary>Output tokens assumed for a USD reservation when the request sets no max_tokens.</summary>
    public const int DefaultReservedOutputTokens = 1024;

    private readonly BudgetLedger _ledger;
    private readonly BudgetPlan _plan;
    private readonly ChatRequest _request;
    private readonly DateTimeOffset _opened;
    private BudgetLedger.Hold[]? _requestHolds;
    private BudgetLedger.Hold[]? _quotaHolds;
    private BudgetLedger.Hold[]? _usdHolds;
    private ModelEntry? _reserved;
    private Unavailability? _rejected;
    private bool _completed;

    internal BudgetTicket(BudgetLedger ledger, BudgetPlan plan, ChatRequest request, DateTimeOffset opened)
    {
        _ledger = ledger;
        _plan = plan;
        _request = request;
        _opened = opened;
    }

    /// <summary>Set when the request may not be served at all (its API key's request budget is used up).</summary>
    public Unavailability? Refusal { get; internal set; }

    /// <summary>The cost settled by <see cref="Complete"/>.</summary>
    public RequestCost Cost { get; private set; } = RequestCost.Zero;

    internal async ValueTask<Unavailability?> HoldRequestAsync(BudgetLimit[] limits)
    {
        (_requestHolds, var refusal) = await _ledger.TryHoldAsync(limits, 1, _opened, BudgetLedger.Admission.Fit).ConfigureAwait(false);
        return refusal;
    }

    /// <summary><see cref="TryReserveAsync"/>, waited for: for a store whose calls complete at once.</summary>
    public Unavailability? TryReserve(ModelEntry model) => StoreSync.Wait(TryReserveAsync(model));

    /// <summary>
    /// Holds what an answer from <paramref name="model"/> would consume, releasing what an earlier
    /// entry held. Null when it may be tried; else the budget that stops it and when that resets.
    /// </summary>
    public async ValueTask<Unavailability?> TryReserveAsync(ModelEntry model)
    {
        await ReleaseModelAsync().ConfigureAwait(false);

        // storage.onOutage: reject — once paid work was refused for an outage, so is the rest of the chain.
        if (_rejected is { } rejected)
        {
            return rejected;
        }

        if (_plan.IsEmpty)
        {
            _reserved = model;
            return null;
        }

        var now = _ledger.Time.GetUtcNow();
        if (model.Quota is { } pool && model.Multiplier > 0 && _plan.ByPool.TryGetValue(pool, out var pools))
        {
            (_quotaHolds, var refusal) = await _ledger.TryHoldAsync(pools, model.Multiplier, now, BudgetLedger.Admission.Fit, paidWork: true).ConfigureAwait(false);
            if (refusal is { } r)
            {
                return Refused(r);
            }
        }

        if (CostCalculator.ChargesUsd(model))
        {
            var limits = UsdLimits();
            if (limits.Length > 0)
            {
                var prompt = Prompt();
                var input = ReservedInputTokens(_request.Body.Length, prompt.EstimatedPromptTokens, model);
                var bound = CostCalculator.Usd(model, input, ReservedOutputTokens(prompt.MaxOutputTokens, model, input));

                // Only cloud models are refused by a USD budget; local ones still count their cost. The bound
                // must fit beside what is spent and held, so concurrent requests can never overspend together.
                var paid = BudgetLedger.IsCloudPaid(model);
                (_usdHolds, var refusal) = await _ledger.TryHoldAsync(limits, bound, now, paid ? BudgetLedger.Admission.Fit : BudgetLedger.Admission.Always, paidWork: paid).ConfigureAwait(false);
                if (refusal is { } r)
                {
                    await ReleaseModelAsync().ConfigureAwait(false);
                    return Refused(r);
                }
            }
        }

        _reserved = model;
        return null;
    }

    private Unavailability Refused(Unavailability refusal)
    {
        if (ReferenceEquals(refusal.Reason, BudgetLedger.RejectOutage))
        {
            _rejected = refusal;
        }

        return refusal;
    }

    /// <summary>
    /// Settles the request: when <paramref name="answeredBy"/> is set (the upstream answered, even if
    /// the stream broke later or the client left), the held amounts become used ones, adjusted to the
    /// real cost; otherwise everything is released. Safe to call more than once.
    /// </summary>
    public async ValueTask<RequestCost> CompleteAsync(ModelEntry? answeredBy, Usage usage, long answerBytes, long answerEvents)
    {
        if (_completed)
        {
            return Cost;
        }

        _completed = true;
        if (answeredBy is null)
        {
            await ReleaseModelAsync().ConfigureAwait(false);
            if (_requestHolds is { } r)
            {
                await _ledger.ReleaseAsync(r).ConfigureAwait(false);
            }

            return Cost;
        }

        Cost = CostOf(_request, answeredBy, usage, answerBytes, answerEvents);
        var usd = Cost.Usd;
        var now = _ledger.Time.GetUtcNow();
        if (!ReferenceEquals(answeredBy, _reserved))
        {
            // Answered by a model that was not reserved (cannot happen through the executor): count it anyway.
            await ReleaseModelAsync().ConfigureAwait(false);
            if (await TryReserveAsync(answeredBy).ConfigureAwait(false) is not null)
            {
                await ReleaseModelAsync().ConfigureAwait(false);
            }
        }

        if (_quotaHolds is { } q)
        {
            await _ledger.SettleAsync(q, q[0].Amount, now, _plan.Thresholds).ConfigureAwait(false);
        }

        if (_usdHolds is { } u)
        {
            await _ledger.SettleAsync(u, usd, now, _plan.Thresholds).ConfigureAwait(false);
        }

        if (_requestHolds is { } req)
        {
            await _ledger.SettleAsync(req, 1, now, _plan.Thresholds).ConfigureAwait(false);
        }

        _quotaHolds = _usdHolds = _requestHolds = null;
        return Cost;
    }

    /// <summary>
    /// What an answer from <paramref name="answeredBy"/> cost: the upstream's usage when it reported it, else the
    /// prompt's estimate and the output delivered (a stream cut short) or estimated from the answer's size.
    /// </summary>
    public static RequestCost CostOf(ChatRequest request, ModelEntry answeredBy, in Usage usage, long answerBytes, long answerEvents)
    {
        var input = usage.InputTokens;
        var output = usage.OutputTokens;
        var estimated = !usage.Reported;
        if (estimated)
        {
            input = request.Prompt.EstimatedPromptTokens;
            // A stream cut short says how much text it delivered (output counted from it); else estimate.
            output = output > 0 ? output : CostCalculator.EstimateOutputTokens(request.Stream, answerBytes, answerEvents);
        }

        var usd = CostCalculator.Usd(answeredBy, input, output, estimated ? 0 : usage.CachedInputTokens);
        var units = answeredBy.Quota is not null ? answeredBy.Multiplier : 0;
        return new RequestCost(usd, estimated, input, output, units);
    }

    /// <summary><see cref="CompleteAsync"/>, waited for: for a store whose calls complete at once.</summary>
    public RequestCost Complete(ModelEntry? answeredBy, in Usage usage, long answerBytes, long answerEvents) =>
        StoreSync.Wait(CompleteAsync(answeredBy, usage, answerBytes, answerEvents));

    private async ValueTask ReleaseModelAsync()
    {
        var (q, u) = (_quotaHolds, _usdHolds);
        _quotaHolds = _usdHolds = null;
        _reserved = null;
        if (q is not null)
        {
            await _ledger.ReleaseAsync(q).ConfigureAwait(false);
        }

        if (u is not null)
        {
            await _ledger.ReleaseAsync(u).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An upper bound of the prompt's tokens: the larger of the tokenizer's count and the body's UTF-8
    /// bytes / 3 (a token is rarely under 3 bytes — English averages ~4 — and the whole body, tools and
    /// framing included, counts; the count alone extrapolates past its first 1,000 characters). A prompt
    /// cannot pass the model's context window, which caps the bound (an image's base64 is not its tokens).
    /// </summary>
    internal static long ReservedInputTokens(int bodyBytes, int countedTokens, ModelEntry model)
    {
        var bound = Math.Max((bodyBytes + 2L) / 3, countedTokens);
        return model.ContextWindow is { } window ? Math.Min(bound, window) : bound;
    }

    /// <summary>
    /// The most output the answer may have: <c>max_tokens</c>, else the model's <c>maxOutputTokens</c>,
    /// else <see cref="DefaultReservedOutputTokens"/>; never more than the model's output cap or what its
    /// context window leaves after the prompt.
    /// </summary>
    internal static long ReservedOutputTokens(int? maxTokens, ModelEntry model, long inputTokens)
    {
        long output = maxTokens ?? model.MaxOutputTokens ?? DefaultReservedOutputTokens;
        if (model.MaxOutputTokens is { } cap)
        {
            output = Math.Min(output, cap);
        }

        if (model.ContextWindow is { } window)
        {
            output = Math.Min(output, Math.Max(1, window - inputTokens));
        }

        return output;
    }

    private BudgetLimit[] UsdLimits()
    {
        var key = _request.ApiKeyName;
        if (key is null || !_plan.UsdByKey.TryGetValue(key, out var keyed))
        {
            return _plan.GlobalUsd;
        }

        return _plan.GlobalUsd.Length == 0 ? keyed : [.. _plan.GlobalUsd, .. keyed];
    }

    private PromptView Prompt() => _request.Prompt;
}
