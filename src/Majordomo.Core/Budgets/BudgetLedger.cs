using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Storage;

namespace Majordomo.Budgets;

/// <summary>
/// The live state of every budget and quota pool (SPEC §1.7): counters per scope and period held in
/// memory, reservations in flight, the degradation level, and threshold alerts. Every increment is also
/// written to the store before the answer it pays for is sent (reserve up-front, settle after), so counters
/// survive restarts and killed processes. The store is read once per counter and period, awaited, outside
/// the lock (<see cref="ReadCountersAsync"/>); the lock guards memory only, so no thread ever waits on the
/// store while holding it, and a slow first read holds up only the requests that need that counter.
/// </summary>
internal sealed partial class BudgetLedger : IDegradationSource, IDisposable
{
    private const double Epsilon = 1e-9;

    private readonly Func<BudgetPlan> _plan;
    private readonly IBudgetStore _store;
    private readonly IAlertStore _alertStore;
    private readonly CounterJournal _journal;
    private readonly TimeProvider _time;
    private readonly IBudgetAlertSink? _alerts;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Scope, string Period), Counter> _counters = [];
    private readonly OutageMode _outage;

    /// <param name="plan">The plan in force, for reports (<c>/usage</c>, <c>/health</c>); the request path passes its snapshot's plan instead.</param>
    /// <param name="outage">What admission does while a shared store cannot check its counters (<c>storage.onOutage</c>; a store of one instance always counts locally).</param>
    public BudgetLedger(Func<BudgetPlan> plan, IBudgetStore store, IAlertStore alertStore, TimeProvider time, ILogger<BudgetLedger> logger, IBudgetAlertSink? alerts = null,
        StoreHealth? storeHealth = null, OutageMode outage = OutageMode.FailOpen)
    {
        _outage = outage;
        _plan = plan;
        _store = store;
        _journal = new CounterJournal(store, time, storeHealth ?? new StoreHealth(time, logger));
        _alertStore = alertStore;
        _time = time;
        _logger = logger;
        _alerts = alerts;
    }

    public TimeProvider Time => _time;

    /// <summary>The plan in force now, for reports; a request uses the plan of the snapshot it started on.</summary>
    public BudgetPlan Plan => _plan();

    /// <summary>Opens the accounting of one request; refuses it when the API key's request budget is used up.</summary>
    public async ValueTask<BudgetTicket> OpenAsync(BudgetPlan plan, ChatRequest request)
    {
        var ticket = new BudgetTicket(this, plan, request, _time.GetUtcNow());
        if (request.ApiKeyName is { } key && plan.RequestsByKey.TryGetValue(key, out var limits))
        {
            ticket.Refusal = await ticket.HoldRequestAsync(limits).ConfigureAwait(false);
        }

        return ticket;
    }

    /// <summary><see cref="OpenAsync"/>, waited for: for a store whose calls complete at once (<c>majordomo simulate</c>).</summary>
    public BudgetTicket Open(BudgetPlan plan, ChatRequest request) => StoreSync.Wait(OpenAsync(plan, request));

    /// <summary>
    /// Whether <paramref name="model"/> may be used now, given pools and USD budgets (the gates'
    /// answer). A pool gates when one more answer would pass its limit; a USD budget when it is spent.
    /// </summary>
    public Unavailability? Check(BudgetPlan plan, ModelEntry model, string? apiKey, DateTimeOffset now, bool quota, bool usd)
    {
        if (plan.IsEmpty)
        {
            return null;
        }

        StartReads(plan.Limits, now, apiKey);
        lock (_lock)
        {
            if (quota && model.Quota is { } pool && model.Multiplier > 0 && plan.ByPool.TryGetValue(pool, out var pools))
            {
                foreach (var limit in pools)
                {
                    var c = CounterOf(limit, now, out var period);
                    if (c.Used + c.Reserved + model.Multiplier > limit.Limit + Epsilon)
                    {
                        return Refusal(limit, c, period, model.Multiplier, now);
                    }
                }
            }

            if (usd && IsCloudPaid(model))
            {
                foreach (var limit in UsdLimits(plan, apiKey))
                {
                    var c = CounterOf(limit, now, out var period);
                    if (c.Used + c.Reserved >= limit.Limit - Epsilon)
                    {
                        return Refusal(limit, c, period, 0, now);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The degradation level for a request: the strictest over every monthly budget it draws on.</summary>
    public DegradationLevel Current(BudgetPlan plan, DateTimeOffset now, string? apiKeyName)
    {
        if (plan.IsEmpty)
        {
            return DegradationLevel.Normal;
        }

        StartReads(plan.Limits, now, apiKeyName);
        return LevelOf(plan, now, apiKeyName);
    }

    private DegradationLevel LevelOf(BudgetPlan plan, DateTimeOffset now, string? apiKeyName)
    {
        var usage = UsageOf(plan, now, apiKeyName, out _);
        var level = plan.LevelFor(usage);
        return ReferenceEquals(level, DegradationLevel.Normal) ? level : level with { Usage = Math.Round(usage, 4) };
    }

    /// <summary><see cref="Current"/> once the counters the request draws on are read from the store (awaited: the request path's first step).</summary>
    public ValueTask<DegradationLevel> CurrentAsync(BudgetPlan plan, DateTimeOffset now, string? apiKeyName)
    {
        // No state machine unless a read is in flight: a route without budgets pays one property read.
        if (plan.IsEmpty)
        {
            return new(DegradationLevel.Normal);
        }

        return StartReads(plan.Limits, now, apiKeyName) is { } reading ? CurrentAfterAsync(reading, plan, now, apiKeyName) : new(LevelOf(plan, now, apiKeyName));
    }

    private async ValueTask<DegradationLevel> CurrentAfterAsync(Task reading, BudgetPlan plan, DateTimeOffset now, string? apiKeyName)
    {
        await reading.ConfigureAwait(false);
        return LevelOf(plan, now, apiKeyName);
    }

    /// <summary>The highest usage fraction among the limits that drive the curve, and which limit it is.</summary>
    internal double CurveUsage(BudgetPlan plan, DateTimeOffset now, string? apiKeyName, out BudgetLimit? drivenBy)
    {
        StartReads(plan.Limits, now, apiKeyName);
        return UsageOf(plan, now, apiKeyName, out drivenBy);
    }

    private double UsageOf(BudgetPlan plan, DateTimeOffset now, string? apiKeyName, out BudgetLimit? drivenBy)
    {
        drivenBy = null;
        double max = 0;
        lock (_lock)
        {
            foreach (var limit in plan.Limits)
            {
                if (!limit.DrivesCurve || (limit.ApiKey is not null && limit.ApiKey != apiKeyName))
                {
                    continue;
                }

                var c = CounterOf(limit, now, out _);
                var fraction = (c.Used + c.Reserved) / limit.Limit;
                if (fraction > max)
                {
                    max = fraction;
                    drivenBy = limit;
                }
            }
        }

        return max;
    }

    /// <summary>Used and reserved amounts of a limit in the period containing <paramref name="now"/>.</summary>
    public (double Used, double Reserved, BudgetPeriod Period) Snapshot(BudgetLimit limit, DateTimeOffset now)
    {
        StartReads([limit], now, null);
        lock (_lock)
        {
            var c = CounterOf(limit, now, out var period);
            return (c.Used, c.Reserved, period);
        }
    }

    internal static bool IsCloudPaid(ModelEntry model) =>
        CostCalculator.ChargesUsd(model) && !string.Equals(model.Provider.Locality, "local", StringComparison.Ordinal);

    private static IEnumerable<BudgetLimit> UsdLimits(BudgetPlan plan, string? apiKey)
    {
        foreach (var limit in plan.GlobalUsd)
        {
            yield return limit;
        }

        if (apiKey is not null && plan.UsdByKey.TryGetValue(apiKey, out var keyed))
        {
            foreach (var limit in keyed)
            {
                yield return limit;
            }
        }
    }

    /// <summary>
    /// Why <paramref name="amount"/> more does not fit <paramref name="limit"/>. A reservation is not
    /// spending: "used up" only when the spend itself reached the limit; otherwise "would be exceeded",
    /// with the reset as the retry time when the spend leaves no room for the amount, none when the
    /// amount is larger than the whole limit, and a short wait when requests in flight hold the room.
    /// </summary>
    private static Unavailability Refusal(BudgetLimit limit, Counter c, BudgetPeriod period, double amount, DateTimeOffset now)
    {
        var resets = $"it resets at {period.End.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        if (c.Used >= limit.Limit - Epsilon)
        {
            return new($"{limit.Describe()} is used up ({limit.Amount(c.Used)} of {limit.Amount(limit.Limit)} this {limit.PeriodName}); {resets}", period.End);
        }

        var ask = amount > 0 ? $"this request may cost up to {limit.Amount(amount)}" : "requests in flight hold the rest";
        var used = $"{limit.Amount(c.Used)} of {limit.Amount(limit.Limit)} is used this {limit.PeriodName}";
        if (amount > limit.Limit + Epsilon)
        {
            var hint = limit.Kind == BudgetKind.Usd ? " (a lower max_tokens lowers what a request reserves)" : "";
            return new($"{limit.Describe()} would be exceeded: {ask}, more than the whole limit of {limit.Amount(limit.Limit)} this {limit.PeriodName}{hint}", null);
        }

        if (c.Used + amount > limit.Limit + Epsilon)
        {
            return new($"{limit.Describe()} would be exceeded: {ask} and {used}; {resets}", period.End);
        }

        return new($"{limit.Describe()} would be exceeded: {ask} and {used}, {limit.Amount(c.Reserved)} more is held by requests in flight", now + InFlightRetry);
    }

    /// <summary>When room held by requests in flight is worth asking for again: they settle (or release) as they end.</summary>
    internal static readonly TimeSpan InFlightRetry = TimeSpan.FromSeconds(5);

    // Caller holds _lock. Never reads the store: a counter not read yet counts this instance's traffic
    // (Unread) until a read started by ReadCountersAsync or StartReads completes.
    private Counter CounterOf(BudgetLimit limit, DateTimeOffset now, out BudgetPeriod period)
    {
        period = limit.Current(now);
        var key = (limit.CounterScope, period.Key);
        if (!_counters.TryGetValue(key, out var counter))
        {
            counter = new Counter(key.Item1, period.Key) { Fired = [] };
            _counters[key] = counter;
        }

        return counter;
    }

    // ---- the store's reads: once per counter and period, awaited, never under the lock ----

    /// <summary>
    /// Reads from the store each counter of <paramref name="limits"/> (the global ones and
    /// <paramref name="apiKeyName"/>'s) not read yet in the period containing <paramref name="now"/>. Load once:
    /// the first caller starts a counter's read and every caller awaits that same read. Completes at once,
    /// without allocating, when every counter is read (the request path's usual case) or a failed read is not
    /// due again yet. Null <paramref name="apiKeyName"/>: every key's limits (reports).
    /// </summary>
    public ValueTask ReadCountersAsync(IReadOnlyList<BudgetLimit> limits, DateTimeOffset now, string? apiKeyName = null) =>
        StartReads(limits, now, apiKeyName) is { } reading ? new ValueTask(reading) : ValueTask.CompletedTask;

    /// <summary>
    /// Starts the reads <see cref="ReadCountersAsync"/> awaits and returns them (null: none in flight). The synchronous
    /// readers (gates, reports) start them and go on with memory: a store that answers at once (SQLite, in memory) is
    /// read before they look; a shared database's answer lands a round trip later.
    /// </summary>
    private Task? StartReads(IReadOnlyList<BudgetLimit> limits, DateTimeOffset now, string? apiKeyName)
    {
        Task? one = null;
        List<Task>? more = null;
        List<(Counter, TaskCompletionSource)>? started = null;
        lock (_lock)
        {
            for (var i = 0; i < limits.Count; i++)
            {
                var limit = limits[i];
                if (apiKeyName is not null && limit.ApiKey is not null && limit.ApiKey != apiKeyName)
                {
                    continue;
                }

                var counter = CounterOf(limit, now, out _);
                if (ClaimRead(counter, now) is { } claimed)
                {
                    (started ??= []).Add((counter, claimed));
                }

                if (counter.Reading?.Task is { } reading)
                {
                    if (one is null)
                    {
                        one = reading;
                    }
                    else
                    {
                        (more ??= [one]).Add(reading);
                    }
                }
            }
        }

        foreach (var (counter, reading) in started ?? [])
        {
            _ = ReadStoredAsync(counter, reading);
        }

        return more is null ? one : Task.WhenAll(more);
    }

    /// <summary>
    /// Whether this caller reads <paramref name="counter"/> now (its completion source, else null): never read in
    /// its period, or its read failed and is due again (at most once a second, once no amount is pending, so the
    /// store then holds everything this instance counted; until then admission treats it as unchecked,
    /// <c>storage.onOutage</c>). One read at a time per counter. Caller holds _lock.
    /// </summary>
    private TaskCompletionSource? ClaimRead(Counter counter, DateTimeOffset now)
    {
        if (!counter.Unread || counter.Reading is not null)
        {
            return null;
        }

        if (counter.ReadTried is { } tried && (_journal.Pending != 0 || now - tried < TimeSpan.FromSeconds(1)))
        {
            return null;
        }

        counter.ReadTried = now;
        counter.ReadFrom = counter.Changes;
        counter.Reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return counter.Reading;
    }

    /// <summary>
    /// Reads one counter and its fired thresholds (awaited, outside the lock), then takes the amount under the lock.
    /// A store that cannot answer leaves the counter unread (counting this instance's traffic from zero). A first read
    /// is exact: nothing is held on the counter before it completes (every hold awaits it). A re-read after a failure
    /// may see amounts settled or released meanwhile or not; it is taken when nothing changed during the read, or when
    /// nothing is pending (the store holds what this instance counted, as a re-read under the lock assumed — a
    /// write still in flight may be off by its amount); otherwise the counter is read again later.
    /// </summary>
    private async Task ReadStoredAsync(Counter counter, TaskCompletionSource reading)
    {
        try
        {
            var stored = await TryReadStoredAsync(counter).ConfigureAwait(false);
            lock (_lock)
            {
                if (stored is { } s && (counter.Changes == counter.ReadFrom || _journal.Pending == 0))
                {
                    counter.Fired.UnionWith(s.Fired);

                    // The store's amount includes this instance's reservations in flight, which memory holds apart.
                    counter.Used = s.Used - counter.Reserved;
                    counter.Unread = false;
                }

                counter.Reading = null;
            }

            reading.SetResult();
        }
        catch (Exception ex)
        {
            // Not a store failure (those are answered above): a bug, which the waiting requests report (never left waiting).
            lock (_lock)
            {
                counter.Reading = null;
            }

            reading.SetException(ex);
        }
    }

    private async ValueTask<(double Used, IReadOnlyCollection<double> Fired)?> TryReadStoredAsync(Counter counter)
    {
        try
        {
            var used = await _store.ReadAsync(counter.Scope, counter.Period, CancellationToken.None).ConfigureAwait(false);
            var fired = await _alertStore.FiredThresholdsAsync(counter.Scope, counter.Period, CancellationToken.None).ConfigureAwait(false);
            _journal.ReadSucceeded();
            return (used, fired);
        }
        catch (StoreException ex)
        {
            _journal.ReadFailed(ex);
            return null;
        }
    }

    // ---- reservation (called by BudgetTicket) ----

    /// <summary>
    /// Holds <paramref name="amount"/> on each limit, or none (the holds, else the refusal). <see cref="Admission.Fit"/>: the
    /// amount must fit beside what is used and held (quota units, request counts, and USD, whose amount is an
    /// upper bound of the cost). <see cref="Admission.Always"/>: count only (local models' USD).
    /// </summary>
    /// <param name="paidWork">A paid model's quota units or USD (not a key's request count): what <c>storage.onOutage</c> refuses while the store cannot check.</param>
    internal async ValueTask<(Hold[]? Holds, Unavailability? Refusal)> TryHoldAsync(BudgetLimit[] limits, double amount, DateTimeOffset now, Admission admission, bool paidWork = false)
    {
        var keepUnchecked = !paidWork || _outage == OutageMode.FailOpen;

        // A counter read for the first time in its period (or again after a failed read) is awaited here, so
        // admission checks the stored amount; other requests meanwhile run on, and no thread waits.
        await ReadCountersAsync(limits, now).ConfigureAwait(false);
        var holds = HoldInMemory(limits, amount, now, admission, keepUnchecked, out var refusal);
        if (holds is null)
        {
            return (null, refusal);
        }

        // Written before the attempt is sent: a unit reserved is counted even if the process dies now
        // (while the store fails, it is kept pending and written once the store is back).
        if (admission != Admission.Fit)
        {
            await _journal.ReserveAsync(Deltas(holds)).ConfigureAwait(false);
            return (holds, null);
        }

        // The store checks the limits too: for one gateway it agrees with memory; for a fleet on one
        // PostgreSQL it is the exact check, since other instances' holds are not in this memory.
        var check = await _journal.TryReserveAsync(Reservations(holds), keepUnchecked).ConfigureAwait(false);
        if (check == StoreCheck.Held)
        {
            return (holds, null);
        }

        if (check == StoreCheck.Unchecked)
        {
            TakeBack(holds, amount);
            return (null, OutageRefusal(now));
        }

        return (null, await RefusedByStoreAsync(holds, amount, now).ConfigureAwait(false));
    }

    /// <summary>The holds in memory, or null and why not: a limit without room, or (unless <paramref name="keepUnchecked"/>) a counter not read yet.</summary>
    private Hold[]? HoldInMemory(BudgetLimit[] limits, double amount, DateTimeOffset now, Admission admission, bool keepUnchecked, out Unavailability? refusal)
    {
        refusal = null;
        var holds = new Hold[limits.Length];
        var unread = false;
        lock (_lock)
        {
            for (var i = 0; i < limits.Length; i++)
            {
                var limit = limits[i];
                var c = CounterOf(limit, now, out var period);
                if (admission == Admission.Fit && c.Used + c.Reserved + amount > limit.Limit + Epsilon)
                {
                    refusal = Refusal(limit, c, period, amount, now);
                    return null;
                }

                holds[i] = new Hold(limit, c, amount);
                unread |= c.Unread;
            }

            if (unread && !keepUnchecked)
            {
                refusal = OutageRefusal(now);
                return null;
            }

            foreach (var hold in holds)
            {
                hold.Counter.Reserved += amount;
            }
        }

        return holds;
    }

    /// <summary>The reason a paid model is refused while the shared counters cannot be checked (<c>storage.onOutage: local-only</c>).</summary>
    public const string LocalOnlyOutage = "shared budget counters cannot be checked (the database is unreachable; storage.onOutage: local-only uses only free and local models meanwhile)";

    /// <summary>The same under <c>storage.onOutage: reject</c>: the request is refused (503).</summary>
    public const string RejectOutage = "shared budget counters cannot be checked (the database is unreachable; storage.onOutage: reject refuses paid work meanwhile)";

    /// <summary>True for a refusal because the store could not check (answered 503, not 429).</summary>
    public static bool IsOutage(Unavailability refusal) => refusal.Reason is LocalOnlyOutage or RejectOutage;

    private Unavailability OutageRefusal(DateTimeOffset now) =>
        new(_outage == OutageMode.Reject ? RejectOutage : LocalOnlyOutage, now + InFlightRetry);

    private void TakeBack(Hold[] holds, double amount)
    {
        lock (_lock)
        {
            foreach (var hold in holds)
            {
                hold.Counter.Reserved -= amount;
            }
        }
    }

    /// <summary>Takes back holds the store refused and says why, from the store's amounts (others' use included).</summary>
    private async ValueTask<Unavailability> RefusedByStoreAsync(Hold[] holds, double amount, DateTimeOffset now)
    {
        TakeBack(holds, amount);

        // Only a refusal reads: one round trip per limit of a request that is not served anyway.
        Unavailability? first = null;
        foreach (var hold in holds)
        {
            var stored = await _journal.ReadAsync(hold.Counter.Scope, hold.Counter.Period).ConfigureAwait(false) ?? hold.Counter.Used + hold.Counter.Reserved;
            var shared = new Counter(hold.Counter.Scope, hold.Counter.Period) { Used = stored, Fired = [] };
            var refusal = Refusal(hold.Limit, shared, hold.Limit.Current(now), amount, now);
            first ??= refusal;
            if (stored + amount > hold.Limit.Limit + Epsilon)
            {
                return refusal;
            }
        }

        return first!.Value;
    }

    private static CounterReservation[] Reservations(Hold[] holds)
    {
        var reservations = new CounterReservation[holds.Length];
        for (var i = 0; i < holds.Length; i++)
        {
            reservations[i] = new CounterReservation(holds[i].Counter.Scope, holds[i].Counter.Period, holds[i].Amount, holds[i].Limit.Limit);
        }

        return reservations;
    }

    /// <summary>Releases held amounts (the request was not answered).</summary>
    internal ValueTask ReleaseAsync(Hold[] holds)
    {
        lock (_lock)
        {
            foreach (var hold in holds)
            {
                hold.Counter.Reserved -= hold.Amount;
            }
        }

        return _journal.ReleaseAsync(Deltas(holds));
    }

    /// <summary>Turns held amounts into used ones, adjusted to <paramref name="actual"/>; fires the alerts it crosses.</summary>
    internal async ValueTask SettleAsync(Hold[] holds, double actual, DateTimeOffset now, IReadOnlyList<double> thresholds)
    {
        List<BudgetAlert>? fired = null;
        lock (_lock)
        {
            foreach (var hold in holds)
            {
                var c = hold.Counter;
                c.Reserved -= hold.Amount;
                c.Used += actual;
                foreach (var threshold in thresholds)
                {
                    if (c.Used + Epsilon >= threshold * hold.Limit.Limit && c.Fired.Add(threshold))
                    {
                        var period = hold.Limit.Current(now);
                        (fired ??= []).Add(new BudgetAlert(c.Scope, c.Period, threshold, hold.Limit.Describe(), c.Used, hold.Limit.Limit, now,
                            period.Key == c.Period ? period.End : null));
                    }
                }
            }
        }

        var delta = actual - (holds.Length > 0 ? holds[0].Amount : 0);
        if (Math.Abs(delta) > Epsilon)
        {
            var deltas = new CounterDelta[holds.Length];
            for (var i = 0; i < holds.Length; i++)
            {
                deltas[i] = new CounterDelta(holds[i].Counter.Scope, holds[i].Counter.Period, delta);
            }

            await _journal.SettleAsync(deltas).ConfigureAwait(false);
        }

        // After the lock, awaited: storing an alert is a round trip a shared database may make wait.
        foreach (var alert in fired ?? [])
        {
            await RaiseAlertAsync(alert).ConfigureAwait(false);
        }
    }

    private static ArraySegment<CounterDelta> Deltas(Hold[] holds)
    {
        var deltas = new CounterDelta[holds.Length];
        var n = 0;
        foreach (var hold in holds)
        {
            if (hold.Amount != 0)
            {
                deltas[n++] = new CounterDelta(hold.Counter.Scope, hold.Counter.Period, hold.Amount);
            }
        }

        return new ArraySegment<CounterDelta>(deltas, 0, n);
    }

    /// <summary>Counters with an amount not yet in the store (the store failed; retried until written).</summary>
    public int PendingStoreWrites => _journal.Pending;

    /// <summary>Stores what is still pending (shutdown).</summary>
    public void Dispose() => _journal.Dispose();

    private async ValueTask RaiseAlertAsync(BudgetAlert alert)
    {
        bool stored;
        try
        {
            stored = await _alertStore.TryAddAsync(alert, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            LogStoreFailed(_logger, ex.Message);
            stored = true;
        }

        if (!stored)
        {
            return; // already fired in this period (before a restart, or by another instance)
        }

        LogAlert(_logger, alert.Budget, alert.Threshold * 100, alert.Used, alert.Limit, alert.Period);
        _alerts?.Enqueue(alert);
    }

    internal sealed class Counter(string scope, string period)
    {
        private double _used;
        private double _reserved;

        public string Scope { get; } = scope;
        public string Period { get; } = period;

        public double Used
        {
            get => _used;
            set => (_used, Changes) = (value, Changes + 1);
        }

        public double Reserved
        {
            get => _reserved;
            set => (_reserved, Changes) = (value, Changes + 1);
        }

        public required HashSet<double> Fired { get; init; }

        /// <summary>The store's amount is not in memory yet (not read in this period, or its read failed): the counter counts this instance's traffic only.</summary>
        public bool Unread { get; set; } = true;

        /// <summary>When the store was last asked for this counter; null: never.</summary>
        public DateTimeOffset? ReadTried { get; set; }

        /// <summary>The read in flight, which every caller that needs the counter awaits (load once).</summary>
        public TaskCompletionSource? Reading { get; set; }

        /// <summary>How many times <see cref="Used"/> or <see cref="Reserved"/> changed: a read that ends at the count it started at saw the counter as memory holds it.</summary>
        public int Changes { get; private set; }

        /// <summary><see cref="Changes"/> when the read in flight started.</summary>
        public int ReadFrom { get; set; }
    }

    internal enum Admission
    {
        Fit,
        Always,
    }

    internal readonly record struct Hold(BudgetLimit Limit, Counter Counter, double Amount);

    [LoggerMessage(EventId = LogEvents.BudgetAlert, Level = LogLevel.Warning, Message = "Budget alert: {Budget} reached {Percent:F0} % ({Used:0.####} of {Limit:0.####}, period {Period})")]
    private static partial void LogAlert(ILogger logger, string budget, double percent, double used, double limit, string period);

    [LoggerMessage(EventId = LogEvents.BudgetStoreWriteFailed, Level = LogLevel.Error, Message = "Budget counters could not be written to the store (enforcement continues in memory): {Error}")]
    private static partial void LogStoreFailed(ILogger logger, string error);
}

/// <summary><c>storage.onOutage</c>: what admission does while a shared store cannot check its counters.</summary>
internal enum OutageMode
{
    /// <summary>Every instance goes on with its own counts (a fleet may then over-admit).</summary>
    FailOpen,

    /// <summary>Paid models are refused; free and local models answer.</summary>
    LocalOnly,

    /// <summary>A request that would use a paid model is refused with 503.</summary>
    Reject,
}

internal static class OutageModeWords
{
    /// <summary>
    /// The mode for a store: <c>storage.onOutage</c> (default <c>local-only</c>) for a store other instances
    /// share; a store of one instance always counts locally (its memory is exact, the store only keeps it).
    /// </summary>
    public static OutageMode For(string? word, bool sharedStore) => !sharedStore ? OutageMode.FailOpen : word switch
    {
        Config.OutageModes.FailOpen => OutageMode.FailOpen,
        Config.OutageModes.Reject => OutageMode.Reject,
        _ => OutageMode.LocalOnly,
    };
}

/// <summary>Where alerts go after they are stored and logged (the webhook dispatcher).</summary>
internal interface IBudgetAlertSink
{
    void Enqueue(BudgetAlert alert);
}
