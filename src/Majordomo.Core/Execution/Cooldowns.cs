using System.Collections.Concurrent;
using Majordomo.Catalog;
using Majordomo.Providers;
using Majordomo.Storage;

namespace Majordomo.Execution;

/// <summary>A cooldown's key: one model on one credential of one provider. <see cref="Cooldowns.AnyModel"/> covers every model.</summary>
internal readonly record struct CooldownKey(string Provider, string Credential, string Model);

/// <summary>
/// A cooldown as reported in <c>/health</c> and tests; <see cref="SetAt"/> is its stamp (<see cref="Cooldowns.Stamp"/>), the
/// name a fleet knows it by.
/// </summary>
internal sealed record CooldownInfo(string Provider, string Credential, string Model, string Reason, int Strikes, DateTimeOffset Until, long SetAt = 0);

/// <summary>
/// Cooldowns of (provider, credential, model) after failures (SPEC §1.6), in memory and thread-safe.
/// A rate limit or outage of one model cools only that model on that key, so its siblings stay
/// eligible; a credential or billing failure cools the key for every model of the provider
/// (<see cref="AnyModel"/>), because a bad or unpaid key is bad whatever it is used for.
/// The ladder doubles from <c>initialSeconds</c> up to <c>maxSeconds</c> with each failure in a row
/// (30, 60, 120, 240, 300 by default), billing failures wait <c>billingSeconds</c>, and
/// <c>Retry-After</c> is always a minimum. A success clears the cooldown and the ladder, unless the
/// cooldown was set after the successful call was sent (see <see cref="Stamp"/>). A clear from another
/// instance of a fleet names the cooldown it cleared and removes only that one or an older one
/// (<see cref="Forget"/>); a cooldown it names arriving after it is not applied (<see cref="Restore"/>).
/// </summary>
internal sealed class Cooldowns
{
    /// <summary>The model part of a key that cools a credential for every model.</summary>
    public const string AnyModel = "*";

    /// <summary>The credential part of a key for providers without credentials.</summary>
    public const string NoCredential = "";

    private readonly ConcurrentDictionary<CooldownKey, Slot> _slots = new();

    // Per key, the newest stamp a clear named (here or on another instance): a cooldown announced with that
    // stamp or an older one that arrives later (a notification seen twice, a late one) is not applied again.
    private readonly ConcurrentDictionary<CooldownKey, long> _clearedThrough = new();

    // The last stamp issued or seen: the clock's ticks when a cooldown is set here, but always above every
    // stamp before (one applied from another instance, or named by its clear). So stamps order cooldowns on
    // this instance (what a call in flight may clear) and across a fleet (what a clear names): a cooldown set
    // here after this instance learned of another's is newer than it whatever the two clocks say.
    private long _stamp;

    // Changes for the store (a cleared cooldown has Until = MinValue); dropped when the writer lags.
    private readonly System.Threading.Channels.Channel<CooldownInfo> _changes = System.Threading.Channels.Channel.CreateBounded<CooldownInfo>(
        new System.Threading.Channels.BoundedChannelOptions(10_000) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite, SingleReader = true });

    public System.Threading.Channels.ChannelReader<CooldownInfo> Changes => _changes.Reader;

    public bool IsEmpty => _slots.IsEmpty;

    /// <summary>
    /// Which cooldowns are known so far: a call notes it before it is sent, and its success clears only the
    /// cooldowns set before that (<see cref="Clear"/>). An answer to a call sent earlier says nothing about
    /// the key after a cooldown set meanwhile: a sibling request's 429, or one another instance of a fleet
    /// announces while the call is in flight.
    /// </summary>
    public long Stamp => Interlocked.Read(ref _stamp);

    /// <summary>A stamp above every one before and at least <paramref name="atLeast"/>.</summary>
    private long NextStamp(long atLeast)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _stamp);
            var next = Math.Max(current + 1, atLeast);
            if (Interlocked.CompareExchange(ref _stamp, next, current) == current)
            {
                return next;
            }
        }
    }

    /// <summary>True for the classes that put a key on cooldown (the request's own faults do not).</summary>
    public static bool CoolsDown(FailureClass failure) => failure is not (FailureClass.CallerFault or FailureClass.ContextTooLong);

    /// <summary>Until when the credential is cooling for the model (null when it is not), and why.</summary>
    public DateTimeOffset? CoolingUntil(string provider, string credential, string model, DateTimeOffset now, out FailureClass reason)
    {
        reason = default;
        if (_slots.IsEmpty)
        {
            return null;
        }

        var nowTicks = now.UtcTicks;
        long until = 0;
        if (_slots.TryGetValue(new CooldownKey(provider, credential, model), out var slot) && slot.UntilTicks > nowTicks)
        {
            until = slot.UntilTicks;
            reason = slot.Reason;
        }

        if (_slots.TryGetValue(new CooldownKey(provider, credential, AnyModel), out var any) && any.UntilTicks > nowTicks && any.UntilTicks > until)
        {
            until = any.UntilTicks;
            reason = any.Reason;
        }

        return until == 0 ? null : new DateTimeOffset(until, TimeSpan.Zero);
    }

    /// <summary>Puts the key on cooldown after a failure of <paramref name="failure"/>; returns how long.</summary>
    public TimeSpan Record(string provider, string credential, string model, FailureClass failure, TimeSpan? retryAfter, DateTimeOffset now, ResilienceSettings settings)
    {
        if (!CoolsDown(failure))
        {
            return TimeSpan.Zero;
        }

        var key = new CooldownKey(provider, credential, failure is FailureClass.Credential or FailureClass.Billing ? AnyModel : model);
        var slot = LockSlot(key);
        try
        {
            // A key that has been fine since well after its last cooldown starts the ladder again.
            if (slot.UntilTicks != 0 && now.UtcTicks > slot.UntilTicks + settings.CooldownMax.Ticks)
            {
                slot.Strikes = 0;
            }

            slot.Strikes++;
            slot.Stamp = slot.SetAt = NextStamp(now.UtcTicks);
            TimeSpan duration;
            if (failure == FailureClass.Billing)
            {
                duration = settings.CooldownBilling;
            }
            else
            {
                var ladder = settings.CooldownInitial.TotalSeconds * Math.Pow(2, Math.Min(slot.Strikes - 1, 20));
                duration = TimeSpan.FromSeconds(Math.Min(ladder, settings.CooldownMax.TotalSeconds));
            }

            if (retryAfter is { } ra && ra > duration)
            {
                duration = ra > MaxRetryAfter ? MaxRetryAfter : ra;
            }

            slot.Reason = failure;
            slot.ProbeClaimed = 0;
            Volatile.Write(ref slot.UntilTicks, (now + duration).UtcTicks);
            slot.DurationTicks = duration.Ticks;
            _changes.Writer.TryWrite(new CooldownInfo(key.Provider, key.Credential, key.Model, FailureClassifier.Name(failure), slot.Strikes, now + duration, slot.SetAt));
            return duration;
        }
        finally
        {
            Monitor.Exit(slot);
        }
    }

    /// <summary>
    /// The key's slot, locked. A slot a clear removed meanwhile is not used: the cooldown goes into a new
    /// one, never into a slot no longer in the table.
    /// </summary>
    private Slot LockSlot(CooldownKey key)
    {
        while (true)
        {
            var slot = _slots.GetOrAdd(key, static _ => new Slot());
            Monitor.Enter(slot);
            if (!slot.Removed)
            {
                return slot;
            }

            Monitor.Exit(slot);
        }
    }

    /// <summary>Longest cooldown a <c>Retry-After</c> can impose (a day): a bogus header must not bench a key for ever.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// A success proves the key works for the model: its cooldowns and ladder are cleared, and so are the
    /// other keys' cooldowns for the model that were about the model (server-side failures), not the key.
    /// Only cooldowns set before the call was sent (<paramref name="sentAt"/>, the <see cref="Stamp"/> then)
    /// are cleared.
    /// </summary>
    public void Clear(string provider, string credential, string model, long sentAt, IReadOnlyList<Providers.Credential>? others = null)
    {
        if (_slots.IsEmpty)
        {
            return;
        }

        Remove(new CooldownKey(provider, credential, model), sentAt, serverSideOnly: false);
        Remove(new CooldownKey(provider, credential, AnyModel), sentAt, serverSideOnly: false);
        for (var i = 0; i < (others?.Count ?? 0); i++)
        {
            if (others![i].Id != credential)
            {
                Remove(new CooldownKey(provider, others[i].Id, model), sentAt, serverSideOnly: true);
            }
        }
    }

    /// <summary>
    /// Near the end of a cooldown (the last fifth, at most 5 s) one request may probe the key before it
    /// expires; exactly one caller wins the claim, every other request keeps skipping it.
    /// </summary>
    public bool TryClaimProbe(string provider, string credential, string model, DateTimeOffset now)
    {
        if (!_slots.TryGetValue(new CooldownKey(provider, credential, model), out var slot))
        {
            return false;
        }

        var remaining = Volatile.Read(ref slot.UntilTicks) - now.UtcTicks;
        var window = Math.Min(slot.DurationTicks / 5, ProbeWindow.Ticks);
        if (remaining <= 0 || remaining > window)
        {
            return false;
        }

        return Interlocked.CompareExchange(ref slot.ProbeClaimed, 1, 0) == 0;
    }

    private void Remove(CooldownKey key, long sentAt, bool serverSideOnly)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return;
        }

        lock (slot)
        {
            if (slot.Removed || slot.Stamp > sentAt ||
                (serverSideOnly && slot.Reason is not (FailureClass.Transient or FailureClass.Timeout or FailureClass.Unknown or FailureClass.ModelUnavailable)))
            {
                return;
            }

            // Noted before the slot leaves the table: a Restore that finds it gone sees the note.
            NoteCleared(key, slot.SetAt);
            TakeOut(key, slot);
        }

        // The clear names the cooldown it removed: another instance keeps one set since (Forget).
        _changes.Writer.TryWrite(new CooldownInfo(key.Provider, key.Credential, key.Model, FailureClassifier.Name(slot.Reason), 0, DateTimeOffset.MinValue, slot.SetAt));
    }

    // Caller holds the slot's lock.
    private void TakeOut(CooldownKey key, Slot slot)
    {
        slot.Removed = true;
        _slots.TryRemove(KeyValuePair.Create(key, slot));
    }

    private void NoteCleared(CooldownKey key, long setAt) =>
        _clearedThrough.AddOrUpdate(key, static (_, s) => s, static (_, old, s) => Math.Max(old, s), setAt);

    public static readonly TimeSpan ProbeWindow = TimeSpan.FromSeconds(5);

    /// <summary>Active cooldowns, soonest first.</summary>
    public IReadOnlyList<CooldownInfo> Active(DateTimeOffset now)
    {
        var list = new List<CooldownInfo>();
        foreach (var (key, slot) in _slots)
        {
            var until = Volatile.Read(ref slot.UntilTicks);
            if (until > now.UtcTicks)
            {
                list.Add(new CooldownInfo(key.Provider, key.Credential, key.Model, FailureClassifier.Name(slot.Reason), slot.Strikes, new DateTimeOffset(until, TimeSpan.Zero)));
            }
        }

        list.Sort((a, b) => a.Until.CompareTo(b.Until));
        return list;
    }

    /// <summary>
    /// Restores a cooldown read back from the store at start, or set by another instance of a fleet
    /// (not queued for the store again: its owner wrote it). Not applied when a clear named it or a newer one
    /// (it arrived late, or a second time), nor when the key holds a cooldown as new or newer; false then.
    /// </summary>
    public bool Restore(CooldownInfo info)
    {
        var reason = ErrorRuleSet.ParseClass(info.Reason);
        var key = new CooldownKey(info.Provider, info.Credential, info.Model);
        var slot = LockSlot(key);
        try
        {
            var empty = slot.UntilTicks == 0;
            if ((_clearedThrough.TryGetValue(key, out var cleared) && info.SetAt <= cleared) || (!empty && slot.SetAt >= info.SetAt))
            {
                if (empty)
                {
                    TakeOut(key, slot);
                }

                return false;
            }

            // Its own stamp comes after every call already sent here (a success of theirs keeps it), and this
            // instance's next cooldowns come after it.
            slot.Stamp = NextStamp(info.SetAt);
            slot.SetAt = info.SetAt;
            slot.ProbeClaimed = 0;
            slot.Strikes = info.Strikes;
            slot.Reason = reason;
            slot.DurationTicks = TimeSpan.FromSeconds(30).Ticks;
            Volatile.Write(ref slot.UntilTicks, info.Until.UtcTicks);
            return true;
        }
        finally
        {
            Monitor.Exit(slot);
        }
    }

    /// <summary>
    /// Drops a cooldown another instance of a fleet cleared (not queued for the store again): the one its
    /// stamp <paramref name="setAt"/> names or an older one. A cooldown set since (here, or applied from
    /// elsewhere) stays. <see cref="StoredCooldown.Unnamed"/> (an older build's clear) drops whatever is there.
    /// </summary>
    public void Forget(string provider, string credential, string model, long setAt)
    {
        var key = new CooldownKey(provider, credential, model);
        if (setAt != StoredCooldown.Unnamed)
        {
            // What this instance sets from now on is newer than what the clear named.
            NextStamp(setAt);
            NoteCleared(key, setAt);
        }

        if (_slots.TryGetValue(key, out var slot))
        {
            lock (slot)
            {
                if (!slot.Removed && slot.SetAt <= setAt)
                {
                    TakeOut(key, slot);
                }
            }
        }
    }

    private sealed class Slot
    {
        public long UntilTicks;
        public long DurationTicks;
        public long Stamp;

        /// <summary>The stamp it was set with, here or on the instance that set it: its name across a fleet.</summary>
        public long SetAt;
        public int Strikes;
        public int ProbeClaimed;
        public FailureClass Reason;

        /// <summary>Taken out of the table (under the slot's lock): a cooldown set now goes into a new slot.</summary>
        public bool Removed;
    }
}

/// <summary>
/// The <c>cooldown</c> gate: a model is unavailable while every credential of its provider is cooling
/// for it; <see cref="Unavailability.Until"/> is when the first of them comes back.
/// </summary>
internal sealed class CooldownGate(Cooldowns cooldowns) : IModelGate
{
    public string Name => "cooldown";

    public Unavailability? Check(ModelEntry model, in GateContext context)
    {
        if (cooldowns.IsEmpty)
        {
            return null;
        }

        var provider = model.Provider;
        var credentials = provider.Credentials;
        DateTimeOffset? soonest = null;
        FailureClass reason = default;
        if (credentials.Count == 0)
        {
            soonest = cooldowns.CoolingUntil(provider.Name, Cooldowns.NoCredential, model.Id, context.Now, out reason);
        }
        else
        {
            for (var i = 0; i < credentials.Count; i++)
            {
                var until = cooldowns.CoolingUntil(provider.Name, credentials[i].Id, model.Id, context.Now, out var r);
                if (until is null)
                {
                    return null;
                }

                if (soonest is null || until < soonest)
                {
                    soonest = until;
                    reason = r;
                }
            }
        }

        return soonest is { } s ? new Unavailability(ReasonText(reason), s) : null;
    }

    public const string RateLimitedReason = "cooling down after a rate limit";

    /// <summary>Fixed strings per class: no allocation on the request path.</summary>
    private static string ReasonText(FailureClass reason) => reason switch
    {
        FailureClass.RateLimited => RateLimitedReason,
        FailureClass.Billing => "cooling down after a billing failure",
        FailureClass.Credential => "cooling down after a credential failure",
        FailureClass.Timeout => "cooling down after a timeout",
        FailureClass.ModelUnavailable => "cooling down: the upstream said the model is unavailable",
        _ => "cooling down after upstream failures",
    };
}
