using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Majordomo.Storage.Sqlite;

/// <summary>
/// Budget counters and alert rows (migration 5). Increments are written synchronously through one
/// connection and a prepared statement: a WAL commit with <c>synchronous=NORMAL</c> is an append
/// without fsync (tens of µs), and it survives a killed process.
/// </summary>
internal sealed class SqliteBudgetStore(SqliteStore store) : IBudgetStore, IAlertStore, IDisposable
{
    private const double Epsilon = 1e-9;

    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _add;
    private SqliteCommand? _read;

    public ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reservations.Count == 0)
        {
            return ValueTask.FromResult(true);
        }

        lock (_lock)
        {
            try
            {
                var connection = Connection();
                using var tx = connection.BeginTransaction();
                foreach (var r in reservations)
                {
                    if (r.Limit is { } limit && ReadLocked(tx, r.Scope, r.Period) + r.Amount > limit + Epsilon)
                    {
                        tx.Rollback();
                        return ValueTask.FromResult(false);
                    }
                }

                foreach (var r in reservations)
                {
                    AddLocked(tx, r.Scope, r.Period, r.Amount, now);
                }

                tx.Commit();
                return ValueTask.FromResult(true);
            }
            catch (Exception ex) when (SqliteStore.IsFailure(ex))
            {
                throw Reset(ex);
            }
        }
    }

    public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken) =>
        Add(holds, -1, now);

    public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken) =>
        Add(adjustments, 1, now);

    private ValueTask Add(IReadOnlyList<CounterDelta> deltas, int sign, DateTimeOffset now)
    {
        if (deltas.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        lock (_lock)
        {
            try
            {
                using var tx = Connection().BeginTransaction();
                foreach (var d in deltas)
                {
                    AddLocked(tx, d.Scope, d.Period, sign * d.Amount, now);
                }

                tx.Commit();
            }
            catch (Exception ex) when (SqliteStore.IsFailure(ex))
            {
                throw Reset(ex);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            try
            {
                Connection();
                return ValueTask.FromResult(ReadLocked(null, scope, period));
            }
            catch (Exception ex) when (SqliteStore.IsFailure(ex))
            {
                throw Reset(ex);
            }
        }
    }

    public ValueTask<IReadOnlyCollection<double>> FiredThresholdsAsync(string scope, string period, CancellationToken cancellationToken) =>
        Query<IReadOnlyCollection<double>>(command =>
        {
            command.CommandText = "SELECT threshold FROM budget_alerts WHERE scope = $s AND period = $p;";
            command.Parameters.AddWithValue("$s", scope);
            command.Parameters.AddWithValue("$p", period);
            using var rows = command.ExecuteReader();
            var set = new List<double>();
            while (rows.Read())
            {
                set.Add(rows.GetDouble(0));
            }

            return set;
        });

    public ValueTask<bool> TryAddAsync(BudgetAlert alert, CancellationToken cancellationToken) =>
        Query(command =>
        {
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
            command.Parameters.AddWithValue("$ts", alert.At.ToString("O", CultureInfo.InvariantCulture));
            return command.ExecuteNonQuery() == 1;
        });

    public async ValueTask MarkWebhookAsync(BudgetAlert alert, string status, CancellationToken cancellationToken) =>
        await Query(command =>
        {
            command.CommandText = "UPDATE budget_alerts SET webhook = $w WHERE scope = $s AND period = $p AND threshold = $t;";
            command.Parameters.AddWithValue("$w", status);
            command.Parameters.AddWithValue("$s", alert.Scope);
            command.Parameters.AddWithValue("$p", alert.Period);
            command.Parameters.AddWithValue("$t", alert.Threshold);
            return command.ExecuteNonQuery();
        }).ConfigureAwait(false);

    public ValueTask<IReadOnlyList<BudgetAlert>> RecentAsync(int max, CancellationToken cancellationToken) =>
        Query<IReadOnlyList<BudgetAlert>>(command =>
        {
            command.CommandText = "SELECT scope, period, threshold, budget, used, limit_value, ts, webhook FROM budget_alerts ORDER BY ts DESC LIMIT $m;";
            command.Parameters.AddWithValue("$m", max);
            using var rows = command.ExecuteReader();
            var list = new List<BudgetAlert>();
            while (rows.Read())
            {
                list.Add(new BudgetAlert(rows.GetString(0), rows.GetString(1), rows.GetDouble(2), rows.GetString(3), rows.GetDouble(4), rows.GetDouble(5),
                    DateTimeOffset.Parse(rows.GetString(6), CultureInfo.InvariantCulture), null)
                {
                    WebhookStatus = rows.IsDBNull(7) ? null : rows.GetString(7),
                });
            }

            return list;
        });

    // Alerts are rare (a threshold crossed, a webhook delivered): a closure per call is fine here.
    private ValueTask<T> Query<T>(Func<SqliteCommand, T> run)
    {
        lock (_lock)
        {
            try
            {
                using var command = Connection().CreateCommand();
                return ValueTask.FromResult(run(command));
            }
            catch (Exception ex) when (SqliteStore.IsFailure(ex))
            {
                throw Reset(ex);
            }
        }
    }

    // Caller holds _lock.
    private void AddLocked(SqliteTransaction tx, string scope, string period, double amount, DateTimeOffset now)
    {
        _add!.Transaction = tx;
        _add.Parameters[0].Value = scope;
        _add.Parameters[1].Value = period;
        _add.Parameters[2].Value = amount;
        _add.Parameters[3].Value = now.ToUnixTimeMilliseconds();
        _add.ExecuteNonQuery();
    }

    // Caller holds _lock.
    private double ReadLocked(SqliteTransaction? tx, string scope, string period)
    {
        _read!.Transaction = tx;
        _read.Parameters[0].Value = scope;
        _read.Parameters[1].Value = period;
        return _read.ExecuteScalar() is double used ? used : 0;
    }

    // Caller holds _lock. A connection that failed is dropped, so the next call opens a fresh one
    // (the file may have been replaced, or the disk freed).
    private StoreException Reset(Exception ex)
    {
        DisposeConnection();
        return SqliteStore.Fail(ex);
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = store.Open();
        try
        {
            _add = connection.CreateCommand();
            _add.CommandText = """
                INSERT INTO budget_counters (scope, period, used, updated_unix_ms) VALUES ($s, $p, $a, $t)
                ON CONFLICT (scope, period) DO UPDATE SET used = used + excluded.used, updated_unix_ms = excluded.updated_unix_ms;
                """;
            _add.Parameters.Add("$s", SqliteType.Text);
            _add.Parameters.Add("$p", SqliteType.Text);
            _add.Parameters.Add("$a", SqliteType.Real);
            _add.Parameters.Add("$t", SqliteType.Integer);
            _add.Prepare();
            _read = connection.CreateCommand();
            _read.CommandText = "SELECT used FROM budget_counters WHERE scope = $s AND period = $p;";
            _read.Parameters.Add("$s", SqliteType.Text);
            _read.Parameters.Add("$p", SqliteType.Text);
            _read.Prepare();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return connection;
    }

    private void DisposeConnection()
    {
        _add?.Dispose();
        _read?.Dispose();
        _connection?.Dispose();
        _add = null;
        _read = null;
        _connection = null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            DisposeConnection();
        }
    }
}
