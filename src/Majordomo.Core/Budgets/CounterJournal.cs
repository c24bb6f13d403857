using Majordomo.Storage;

namespace Majordomo.Budgets;

/// <summary>
/// Writes the ledger's counter amounts to the store and never loses one (SPEC §5): when a write
/// fails, the amounts stay pending in memory (netted per counter), a timer retries them, and they
/// are written once the store is back; <c>/health</c> reports the area meanwhile. While amounts are
/// pending, new ones queue behind them instead of trying the failing store on the request path
/// (amounts only add up, so their order does not matter). Every store call on the request path is
/// awaited: a reservation waiting on a shared database's row lock holds no thread. Thread-safe.
/// </summary>
internal sealed class CounterJournal : IDisposable
{
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(1);
    private const string Area = "budget counters";
    private const double Epsilon = 1e-12;

    private readonly IBudgetStore _store;
    private readonly TimeProvider _time;
    private readonly StoreHealth _health;
    private readonly TimeSpan _retryInterval;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Scope, string Period), double> _pending = [];
    private int _pendingCount;
    private ITimer? _retry;
    private int _flushing;

    public CounterJournal(IBudgetStore store, TimeProvider time, StoreHealth health, TimeSpan? retryInterval = null)
    {
        _store = store;
        _time = time;
        _health = health;
        _retryInterval = retryInterval ?? DefaultRetryInterval;
    }

    /// <summary>Counters with an amount not yet in the store.</summary>
    public int Pending => Volatile.Read(ref _pendingCount);

    public ValueTask ReserveAsync(IReadOnlyList<CounterDelta> amounts) => WriteAsync(Operation.Reserve, amounts);

    /// <summary>
    /// Holds amounts that must fit their limits in the store too: <see cref="StoreCheck.Refused"/> when
    /// the store refuses (a PostgreSQL store shared by a fleet: other instances hold the room). While the
    /// store fails, or amounts are pending, the store cannot check: with <paramref name="keepUnchecked"/>
    /// the amounts are kept pending and the local decision stands (<see cref="StoreCheck.Held"/>), else
    /// nothing is kept and the answer is <see cref="StoreCheck.Unchecked"/> (<c>storage.onOutage</c>).
    /// </summary>
    public async ValueTask<StoreCheck> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, bool keepUnchecked = true)
    {
        if (reservations.Count == 0)
        {
            return StoreCheck.Held;
        }

        if (!keepUnchecked && Pending > 0)
        {
            return StoreCheck.Unchecked;
        }

        var deltas = new CounterDelta[reservations.Count];
        for (var i = 0; i < deltas.Length; i++)
        {
            deltas[i] = new CounterDelta(reservations[i].Scope, reservations[i].Period, reservations[i].Amount);
        }

        if (QueueBehindPending(Operation.Reserve, deltas))
        {
            return StoreCheck.Held;
        }

        try
        {
            var stored = await _store.TryReserveAsync(reservations, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            _health.Succeeded(Area);
            return stored ? StoreCheck.Held : StoreCheck.Refused;
        }
        catch (StoreException ex)
        {
            if (!keepUnchecked)
            {
                _health.Failed(Area, ex, Consequence(Pending));
                return StoreCheck.Unchecked;
            }

            KeepPending(Operation.Reserve, deltas, ex);
            return StoreCheck.Held;
        }
    }

    /// <summary>A counter's amount in the store (a refused reservation explains itself with it).</summary>
    public async ValueTask<double?> ReadAsync(string scope, string period)
    {
        try
        {
            return await _store.ReadAsync(scope, period, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreException)
        {
            return null;
        }
    }

    public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> amounts) => WriteAsync(Operation.Release, amounts);

    public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments) => WriteAsync(Operation.Settle, adjustments);

    private async ValueTask WriteAsync(Operation operation, IReadOnlyList<CounterDelta> deltas)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        if (QueueBehindPending(operation, deltas))
        {
            return;
        }

        try
        {
            var now = _time.GetUtcNow();
            await (operation switch
            {
                Operation.Reserve => Reserve(deltas, now),
                Operation.Release => _store.ReleaseAsync(deltas, now, CancellationToken.None),
                _ => _store.SettleAsync(deltas, now, CancellationToken.None),
            }).ConfigureAwait(false);
            _health.Succeeded(Area);
        }
        catch (StoreException ex)
        {
            KeepPending(operation, deltas, ex);
        }
    }

    /// <summary>While amounts are pending, new ones join them rather than try the failing store: true when queued.</summary>
    private bool QueueBehindPending(Operation operation, IReadOnlyList<CounterDelta> deltas)
    {
        if (Pending == 0)
        {
            return false;
        }

        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return false;
            }

            AddPending(operation, deltas);
            return true;
        }
    }

    private void KeepPending(Operation operation, IReadOnlyList<CounterDelta> deltas, StoreException ex)
    {
        // The in-memory counters still hold, so enforcement goes on; the amounts wait here.
        int pending;
        lock (_lock)
        {
            AddPending(operation, deltas);
            pending = _pending.Count;
            _retry ??= _time.CreateTimer(_ => _ = FlushAsync().AsTask(), null, _retryInterval, _retryInterval);
        }

        _health.Failed(Area, ex, Consequence(pending));
    }

    private async ValueTask Reserve(IReadOnlyList<CounterDelta> deltas, DateTimeOffset now)
    {
        // Admission was decided in memory (one gateway owns its counters): the store only counts.
        var reservations = new CounterReservation[deltas.Count];
        for (var i = 0; i < reservations.Length; i++)
        {
            reservations[i] = new CounterReservation(deltas[i].Scope, deltas[i].Period, deltas[i].Amount);
        }

        await _store.TryReserveAsync(reservations, now, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Writes the pending amounts; true when nothing is pending any more (false too while another flush runs).</summary>
    public async ValueTask<bool> FlushAsync()
    {
        // One flush at a time: two that overlapped (a slow store, the timer firing again) would write one batch twice.
        if (Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return false;
        }

        try
        {
            return await FlushOnceAsync().ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
        }
    }

    private async ValueTask<bool> FlushOnceAsync()
    {
        CounterDelta[] batch;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return true;
            }

            batch = _pending.Select(p => new CounterDelta(p.Key.Scope, p.Key.Period, p.Value)).ToArray();
        }

        try
        {
            // Net amounts per counter: a plain adjustment, whatever mix of reserve/release/settle they came from.
            await _store.SettleAsync(batch, _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            _health.Failed(Area, ex, Consequence(Pending));
            return false;
        }

        lock (_lock)
        {
            // Amounts added while this batch was written stay pending for the next round.
            foreach (var written in batch)
            {
                var key = (written.Scope, written.Period);
                var left = _pending[key] - written.Amount;
                if (Math.Abs(left) < Epsilon)
                {
                    _pending.Remove(key);
                }
                else
                {
                    _pending[key] = left;
                }
            }

            Volatile.Write(ref _pendingCount, _pending.Count);
            if (_pending.Count > 0)
            {
                return false;
            }

            _retry?.Dispose();
            _retry = null;
        }

        _health.Succeeded(Area, $"{batch.Length} counter amount(s) pending in memory written");
        return true;
    }

    // Caller holds _lock.
    private void AddPending(Operation operation, IReadOnlyList<CounterDelta> deltas)
    {
        var sign = operation == Operation.Release ? -1 : 1;
        foreach (var d in deltas)
        {
            var key = (d.Scope, d.Period);
            _pending[key] = _pending.GetValueOrDefault(key) + sign * d.Amount;
        }

        Volatile.Write(ref _pendingCount, _pending.Count);
    }

    private static string Consequence(int pending) =>
        $"{pending} counter amount(s) pending in memory, retried until stored (lost only if the process dies first)";

    /// <summary>The store answered a read (a counter first read during an outage may be read again).</summary>
    public void ReadSucceeded() => _health.Succeeded(Area);

    /// <summary>A counter's first read failed: reported like a failed write.</summary>
    public void ReadFailed(StoreException ex) => _health.Failed(Area, ex, Consequence(Pending) + "; counters not read yet count from this instance's traffic");

    /// <summary>A last attempt to store what is pending (shutdown).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _retry?.Dispose();
            _retry = null;
        }

        // Shutdown: nothing else is waiting for the pool's threads.
        StoreSync.Wait(FlushAsync());
    }

    private enum Operation
    {
        Reserve,
        Release,
        Settle,
    }
}

/// <summary>What the store said to a reservation.</summary>
internal enum StoreCheck
{
    /// <summary>Held in the store, or kept pending for it while the local decision stands.</summary>
    Held,

    /// <summary>The store has no room (other instances of a fleet hold it).</summary>
    Refused,

    /// <summary>The store cannot be asked now (unreachable, or amounts are still pending).</summary>
    Unchecked,
}
