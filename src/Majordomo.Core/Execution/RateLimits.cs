using System.Collections.Concurrent;
using Majordomo.Catalog;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>
/// Proactive request and token windows (<c>rateLimits: {rpm, tpm}</c>) per provider and per model,
/// in memory and thread-safe. Each window is a sliding-window counter (the previous minute weighted
/// by how much of it still overlaps, plus the current minute): exact enough to stay under a limit,
/// O(1) in memory whatever the limit. A request takes its slot before the call (estimated tokens)
/// and settles the reported usage after; a 429 from an upstream whose limits are declared marks the
/// window full until its <c>Retry-After</c>.
/// </summary>
internal sealed class RateLimits
{
    private static readonly long MinuteTicks = TimeSpan.FromMinutes(1).Ticks;

    private readonly ConcurrentDictionary<string, Window> _providers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> _models = new(StringComparer.Ordinal);

    private readonly System.Threading.Channels.Channel<RateLimitChange> _marks = System.Threading.Channels.Channel.CreateBounded<RateLimitChange>(
        new System.Threading.Channels.BoundedChannelOptions(1000) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite, SingleReader = true });

    public static bool Limited(ModelEntry model) =>
        model.Provider.Rpm is not null || model.Provider.Tpm is not null || model.Rpm is not null || model.Tpm is not null;

    /// <summary>When the model's windows have no room for another request of <paramref name="tokens"/>, until when.</summary>
    public DateTimeOffset? FullUntil(ModelEntry model, long tokens, DateTimeOffset now, out string? reason)
    {
        reason = null;
        if (!Limited(model))
        {
            return null;
        }

        var provider = model.Provider;
        var p = provider.Rpm is not null || provider.Tpm is not null ? Get(_providers, provider.Name).FullUntil(provider.Rpm, provider.Tpm, tokens, now, out reason) : null;
        string? modelReason = null;
        var m = model.Rpm is not null || model.Tpm is not null ? Get(_models, model.Id).FullUntil(model.Rpm, model.Tpm, tokens, now, out modelReason) : null;
        if (m is not null && (p is null || m > p))
        {
            reason = modelReason;
            return m;
        }

        return p;
    }

    /// <summary>Takes a slot in every window of the model; false (and nothing taken) when one is full.</summary>
    public bool TryAcquire(ModelEntry model, long tokens, DateTimeOffset now)
    {
        if (!Limited(model))
        {
            return true;
        }

        var provider = model.Provider;
        var pw = provider.Rpm is not null || provider.Tpm is not null ? Get(_providers, provider.Name) : null;
        var mw = model.Rpm is not null || model.Tpm is not null ? Get(_models, model.Id) : null;
        if (pw is not null && !pw.TryAcquire(provider.Rpm, provider.Tpm, tokens, now))
        {
            return false;
        }

        if (mw is not null && !mw.TryAcquire(model.Rpm, model.Tpm, tokens, now))
        {
            pw?.Release(tokens, now);
            return false;
        }

        return true;
    }

    /// <summary>Corrects the token count once the real usage is known.</summary>
    public void Settle(ModelEntry model, long estimated, long actual, DateTimeOffset now)
    {
        if (!Limited(model) || actual == estimated)
        {
            return;
        }

        if (model.Provider.Tpm is not null && _providers.TryGetValue(model.Provider.Name, out var pw))
        {
            pw.AddTokens(actual - estimated, now);
        }

        if (model.Tpm is not null && _models.TryGetValue(model.Id, out var mw))
        {
            mw.AddTokens(actual - estimated, now);
        }
    }

    /// <summary>An upstream said 429: its declared windows are full until <paramref name="until"/> (told to the rest of a fleet).</summary>
    public void MarkFull(ModelEntry model, DateTimeOffset until)
    {
        if (model.Provider.Rpm is not null || model.Provider.Tpm is not null)
        {
            Get(_providers, model.Provider.Name).MarkFull(until);
            _marks.Writer.TryWrite(new RateLimitChange(model.Provider.Name, null, until));
        }

        if (model.Rpm is not null || model.Tpm is not null)
        {
            Get(_models, model.Id).MarkFull(until);
            _marks.Writer.TryWrite(new RateLimitChange(null, model.Id, until));
        }
    }

    /// <summary>Windows marked full here, for the other instances of a fleet; dropped when the writer lags.</summary>
    public System.Threading.Channels.ChannelReader<RateLimitChange> Marks => _marks.Reader;

    /// <summary>A window another instance of a fleet marked full (not told again).</summary>
    public void Apply(RateLimitChange change)
    {
        if (change.Provider is { } provider)
        {
            Get(_providers, provider).MarkFull(change.Until);
        }

        if (change.Model is { } model)
        {
            Get(_models, model).MarkFull(change.Until);
        }
    }

    private static Window Get(ConcurrentDictionary<string, Window> windows, string name) =>
        windows.TryGetValue(name, out var w) ? w : windows.GetOrAdd(name, static _ => new Window());

    private sealed class Window
    {
        private readonly Lock _lock = new();
        private long _start;
        private double _prevRequests;
        private double _requests;
        private double _prevTokens;
        private double _tokens;
        private long _fullUntil;

        public DateTimeOffset? FullUntil(int? rpm, int? tpm, long tokens, DateTimeOffset now, out string? reason)
        {
            lock (_lock)
            {
                return Blocked(rpm, tpm, tokens, now.UtcTicks, out reason) is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
            }
        }

        public bool TryAcquire(int? rpm, int? tpm, long tokens, DateTimeOffset now)
        {
            lock (_lock)
            {
                if (Blocked(rpm, tpm, tokens, now.UtcTicks, out _) is not null)
                {
                    return false;
                }

                _requests++;
                _tokens += tokens;
                return true;
            }
        }

        public void Release(long tokens, DateTimeOffset now)
        {
            lock (_lock)
            {
                Roll(now.UtcTicks);
                _requests = Math.Max(0, _requests - 1);
                _tokens = Math.Max(0, _tokens - tokens);
            }
        }

        public void AddTokens(long delta, DateTimeOffset now)
        {
            lock (_lock)
            {
                Roll(now.UtcTicks);
                _tokens = Math.Max(0, _tokens + delta);
            }
        }

        public void MarkFull(DateTimeOffset until)
        {
            lock (_lock)
            {
                _fullUntil = Math.Max(_fullUntil, until.UtcTicks);
            }
        }

        // Caller holds the lock. Null when there is room; else the tick at which there will be.
        private long? Blocked(int? rpm, int? tpm, long tokens, long now, out string? reason)
        {
            reason = null;
            Roll(now);
            if (_fullUntil > now)
            {
                reason = "the upstream answered 429; its window is full";
                return _fullUntil;
            }

            var weight = 1 - ((now - _start) / (double)MinuteTicks);
            if (rpm is { } r && (_prevRequests * weight) + _requests + 1 > r)
            {
                reason = "rpm limit reached";
                return FreesAt(_prevRequests, _requests, 1, r);
            }

            // A single request larger than the whole tpm budget is let through an empty window rather than never.
            if (tpm is { } t && (_prevTokens * weight) + _tokens + tokens > t && (_prevTokens * weight) + _tokens > 0)
            {
                reason = "tpm limit reached";
                return FreesAt(_prevTokens, _tokens, Math.Min(tokens, t), t);
            }

            return null;
        }

        // When the weighted previous minute has decayed enough for `need` more under `limit`.
        private long FreesAt(double prev, double current, double need, double limit)
        {
            var room = limit - current - need;
            if (room < 0 || prev <= 0)
            {
                // The current minute alone is full: room comes when it becomes the (decaying) previous one.
                return _start + MinuteTicks + 1;
            }

            var fraction = 1 - (room / prev);
            return _start + (long)(MinuteTicks * Math.Clamp(fraction, 0, 1)) + 1;
        }

        private void Roll(long now)
        {
            if (_start == 0)
            {
                _start = now - (now % MinuteTicks);
                return;
            }

            var elapsed = now - _start;
            if (elapsed < MinuteTicks)
            {
                return;
            }

            var windows = elapsed / MinuteTicks;
            if (windows == 1)
            {
                _prevRequests = _requests;
                _prevTokens = _tokens;
            }
            else
            {
                _prevRequests = 0;
                _prevTokens = 0;
            }

            _requests = 0;
            _tokens = 0;
            _start += windows * MinuteTicks;
        }
    }
}

/// <summary>The <c>rateLimit</c> gate: unavailable while a declared window has no room; <c>Until</c> is when a slot frees.</summary>
internal sealed class RateLimitGate(RateLimits limits) : IModelGate
{
    public string Name => "rateLimit";

    public Unavailability? Check(ModelEntry model, in GateContext context) =>
        limits.FullUntil(model, 0, context.Now, out var reason) is { } until ? new Unavailability(reason ?? "rate limit reached", until) : null;
}
