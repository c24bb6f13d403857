using Majordomo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Majordomo.Budgets;

/// <summary>
/// Budget counters and alert rows in the store (migration 5). Increments are written synchronously
/// through one connection and prepared statements: a WAL commit with <c>synchronous=NORMAL</c> is an
/// append without fsync (tens of µs), and it survives a killed process. Reads happen only when a
/// period is first touched, never per request.
/// </summary>
public sealed class BudgetStore(SqliteStore store) : IDisposable
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _add;

    /// <summary>Adds amounts to counters in one transaction (negative amounts release reservations).</summary>
    public void Add(ReadOnlySpan<CounterDelta> deltas, DateTimeOffset now)
    {
        if (deltas.IsEmpty)
        {
            return;
        }

        lock (_lock)
        {
            var connection = Connection();
            using var tx = connection.BeginTransaction();
            _add!.Transaction = tx;
            foreach (var d in deltas)
            {
                _add.Parameters[0].Value = d.Scope;
                _add.Parameters[1].Value = d.Period;
                _add.Parameters[2].Value = d.Amount;
                _add.Parameters[3].Value = now.ToUnixTimeMilliseconds();
                _add.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public double Read(string scope, string period)
    {
        lock (_lock)
        {
            using var command = Connection().CreateCommand();
            command.CommandText = "SELECT used FROM budget_counters WHERE scope = $s AND period = $p;";
            command.Parameters.AddWithValue("$s", scope);
            command.Parameters.AddWithValue("$p", period);
            return command.ExecuteScalar() is double used ? used : 0;
        }
    }

    /// <summary>Thresholds already fired for a scope and period.</summary>
    public HashSet<double> FiredThresholds(string scope, string period)
    {
        lock (_lock)
        {
            using var command = Connection().CreateCommand();
            command.CommandText = "SELECT threshold FROM budget_alerts WHERE scope = $s AND period = $p;";
            command.Parameters.AddWithValue("$s", scope);
            command.Parameters.AddWithValue("$p", period);
            using var rows = command.ExecuteReader();
            var set = new HashSet<double>();
            while (rows.Read())
            {
                set.Add(rows.GetDouble(0));
            }

            return set;
        }
    }

    /// <summary>Stores an alert; false when this threshold already fired in this period (another instance, or before a restart).</summary>
    public bool TryAddAlert(BudgetAlert alert)
    {
        lock (_lock)
        {
            using var command = Connection().CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO budget_alerts (scope, period, threshold, budget, used, limit_value, ts, webhook)
                VALUES ($s, $p, $t, $b, $u, $l, $ts, NULL);
                """;
            command.Parameters.AddWithValue("$s", alert.Scope);
            command.Parameters.AddWithValue("$p", alert.Period);
            command.Parameters.AddWithValue("$t", alert.Threshold);
            command.Parameters.AddWithValue("$b", alert.Budget);
            command.Parameters.AddWithValue("$u", alert.Used);
            command.Parameters.AddWithValue("$l", alert.Limit);
            command.Parameters.AddWithValue("$ts", alert.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            return command.ExecuteNonQuery() == 1;
        }
    }

    public void MarkWebhook(BudgetAlert alert, string status)
    {
        lock (_lock)
        {
            using var command = Connection().CreateCommand();
            command.CommandText = "UPDATE budget_alerts SET webhook = $w WHERE scope = $s AND period = $p AND threshold = $t;";
            command.Parameters.AddWithValue("$w", status);
            command.Parameters.AddWithValue("$s", alert.Scope);
            command.Parameters.AddWithValue("$p", alert.Period);
            command.Parameters.AddWithValue("$t", alert.Threshold);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Every stored alert, newest first (for <c>usage</c> and tests).</summary>
    public IReadOnlyList<BudgetAlert> Alerts(int max = 100)
    {
        lock (_lock)
        {
            using var command = Connection().CreateCommand();
            command.CommandText = "SELECT scope, period, threshold, budget, used, limit_value, ts, webhook FROM budget_alerts ORDER BY ts DESC LIMIT $m;";
            command.Parameters.AddWithValue("$m", max);
            using var rows = command.ExecuteReader();
            var list = new List<BudgetAlert>();
            while (rows.Read())
            {
                list.Add(new BudgetAlert(rows.GetString(0), rows.GetString(1), rows.GetDouble(2), rows.GetString(3), rows.GetDouble(4), rows.GetDouble(5),
                    DateTimeOffset.Parse(rows.GetString(6), System.Globalization.CultureInfo.InvariantCulture), null)
                {
                    WebhookStatus = rows.IsDBNull(7) ? null : rows.GetString(7),
                });
            }

            return list;
        }
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        _connection = store.Open();
        _add = _connection.CreateCommand();
        _add.CommandText = """
            INSERT INTO budget_counters (scope, period, used, updated_unix_ms) VALUES ($s, $p, $a, $t)
            ON CONFLICT (scope, period) DO UPDATE SET used = used + excluded.used, updated_unix_ms = excluded.updated_unix_ms;
            """;
        _add.Parameters.Add("$s", SqliteType.Text);
        _add.Parameters.Add("$p", SqliteType.Text);
        _add.Parameters.Add("$a", SqliteType.Real);
        _add.Parameters.Add("$t", SqliteType.Integer);
        _add.Prepare();
        return _connection;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _add?.Dispose();
            _connection?.Dispose();
            _connection = null;
        }
    }
}

/// <summary>An amount added to a counter (negative releases a reservation).</summary>
public readonly record struct CounterDelta(string Scope, string Period, double Amount);

/// <summary>A threshold crossed: stored once per scope, period and threshold, then posted to the webhook.</summary>
public sealed record BudgetAlert(string Scope, string Period, double Threshold, string Budget, double Used, double Limit, DateTimeOffset At, DateTimeOffset? ResetsAt)
{
    public string? WebhookStatus { get; init; }
}
