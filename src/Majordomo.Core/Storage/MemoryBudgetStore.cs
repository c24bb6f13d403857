namespace Majordomo.Storage;

/// <summary>
/// Budget counters and alerts in memory only, for work that must not touch a real store:
/// <c>majordomo simulate</c> fills pools on a simulated clock. Not shared, not durable; thread-safe.
/// </summary>
internal sealed class MemoryBudgetStore : IBudgetStore, IAlertStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Scope, string Period), double> _counters = [];
    private readonly Dictionary<(string Scope, string Period), HashSet<double>> _fired = [];
    private readonly List<BudgetAlert> _alerts = [];

    /// <summary>Every alert fired, oldest first.</summary>
    public IReadOnlyList<BudgetAlert> Alerts
    {
        get
        {
            lock (_lock)
            {
                return [.. _alerts];
            }
        }
    }

    public ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var r in reservations)
            {
                if (r.Limit is { } limit && Get(r.Scope, r.Period) + r.Amount > limit + 1e-9)
                {
                    return ValueTask.FromResult(false);
                }
            }

            foreach (var r in reservations)
            {
                Add(r.Scope, r.Period, r.Amount);
            }
        }

        return ValueTask.FromResult(true);
    }

    public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken) => Apply(holds, -1);

    public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken) => Apply(adjustments, 1);

    public ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(Get(scope, period));
        }
    }

    public ValueTask<IReadOnlyCollection<double>> FiredThresholdsAsync(string scope, string period, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyCollection<double> fired = _fired.TryGetValue((scope, period), out var set) ? [.. set] : [];
            return ValueTask.FromResult(fired);
        }
    }

    public ValueTask<bool> TryAddAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (alert.Scope, alert.Period);
            if (!_fired.TryGetValue(key, out var set))
            {
                _fired[key] = set = [];
            }

            if (!set.Add(alert.Threshold))
            {
                return ValueTask.FromResult(false);
            }

            _alerts.Add(alert);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask MarkWebhookAsync(BudgetAlert alert, string status, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<IReadOnlyList<BudgetAlert>> RecentAsync(int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<BudgetAlert> recent = [.. Enumerable.Reverse(_alerts).Take(max)];
            return ValueTask.FromResult(recent);
        }
    }

    private ValueTask Apply(IReadOnlyList<CounterDelta> deltas, int sign)
    {
        lock (_lock)
        {
            foreach (var d in deltas)
            {
                Add(d.Scope, d.Period, sign * d.Amount);
            }
        }

        return ValueTask.CompletedTask;
    }

    private double Get(string scope, string period) => _counters.TryGetValue((scope, period), out var used) ? used : 0;

    private void Add(string scope, string period, double amount) => _counters[(scope, period)] = Get(scope, period) + amount;
}
