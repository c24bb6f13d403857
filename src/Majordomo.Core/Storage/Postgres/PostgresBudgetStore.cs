using Npgsql;
using NpgsqlTypes;

namespace Majordomo.Storage.Postgres;

/// <summary>
/// Budget counters and alerts in PostgreSQL. A reservation is one round trip to
/// <c>majordomo_reserve</c> (migration 1): conditional upserts under row locks, all counters or none,
/// so instances sharing the database can never hold more than a limit between them. Releases and
/// settlements are one statement each, netted per counter.
/// </summary>
internal sealed class PostgresBudgetStore(PostgresStore store) : IBudgetStore, IAlertStore
{
    /// <summary>The SQLSTATE <c>majordomo_reserve</c> raises when a counter has no room.</summary>
    private const string NoRoom = "MJ001";

    public async ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reservations.Count == 0)
        {
            return true;
        }

        var scopes = new string[reservations.Count];
        var periods = new string[reservations.Count];
        var amounts = new double[reservations.Count];
        var limits = new double?[reservations.Count];
        for (var i = 0; i < reservations.Count; i++)
        {
            (scopes[i], periods[i], amounts[i], limits[i]) = (reservations[i].Scope, reservations[i].Period, reservations[i].Amount, reservations[i].Limit);
        }

        // Awaited: a burst of reservations waiting on the counter's row lock (or for a pooled connection) holds
        // no thread. Waited on synchronously, they held every thread of the pool, and the gateway's other work
        // (upstream connects, streams) stalled until connects timed out.
        await using var command = store.DataSource.CreateCommand("SELECT majordomo_reserve($1, $2, $3, $4, $5);");
        command.Parameters.Add(new NpgsqlParameter { Value = scopes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = periods, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = amounts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = limits, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == NoRoom)
        {
            return false;
        }
        catch (Exception ex) when (PostgresStore.IsFailure(ex))
        {
            throw PostgresStore.Fail(ex);
        }
    }

    public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken) =>
        AddAsync(holds, -1, now, cancellationToken);

    public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken) =>
        AddAsync(adjustments, 1, now, cancellationToken);

    private ValueTask AddAsync(IReadOnlyList<CounterDelta> deltas, int sign, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var scopes = new string[deltas.Count];
        var periods = new string[deltas.Count];
        var amounts = new double[deltas.Count];
        for (var i = 0; i < deltas.Count; i++)
        {
            (scopes[i], periods[i], amounts[i]) = (deltas[i].Scope, deltas[i].Period, sign * deltas[i].Amount);
        }

        // Summed per counter first: one upsert may not touch a row twice. Rows in key order, as the reservation takes them.
        return store.ExecuteAsync(PostgresStore.Batch(PostgresStore.Command("""
            INSERT INTO budget_counters AS c (scope, period, used, updated_at)
            SELECT u.scope, u.period, sum(u.amount), $4 FROM unnest($1::text[], $2::text[], $3::double precision[]) AS u(scope, period, amount)
            GROUP BY u.scope, u.period ORDER BY u.scope, u.period
            ON CONFLICT (scope, period) DO UPDATE SET used = c.used + excluded.used, updated_at = excluded.updated_at;
            """, scopes, periods, amounts, now.UtcDateTime)), cancellationToken);
    }

    public async ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken)
    {
        var command = store.DataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = period });
        return await store.ScalarAsync<double>(command, cancellationToken).ConfigureAwait(false);
    }

    private const string ReadSql = "SELECT used FROM budget_counters WHERE scope = $1 AND period = $2;";

    // Read and written by the ledger on the request path: awaited (see PostgresStore.ExecuteAsync).
    public async ValueTask<IReadOnlyCollection<double>> FiredThresholdsAsync(string scope, string period, CancellationToken cancellationToken) =>
        await store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command("SELECT threshold FROM budget_alerts WHERE scope = $1 AND period = $2;", scope, period)),
            static r => r.GetDouble(0), cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> TryAddAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        // RETURNING tells whether this instance stored it: across a fleet, one instance fires each threshold.
        var rows = await store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command("""
                INSERT INTO budget_alerts (scope, period, threshold, budget, used, limit_value, ts) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (scope, period, threshold) DO NOTHING RETURNING 1;
                """, alert.Scope, alert.Period, alert.Threshold, alert.Budget, alert.Used, alert.Limit, alert.At.UtcDateTime)),
            static r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    public ValueTask MarkWebhookAsync(BudgetAlert alert, string status, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            PostgresStore.Batch(PostgresStore.Command(
                "UPDATE budget_alerts SET webhook = $1 WHERE scope = $2 AND period = $3 AND threshold = $4;", status, alert.Scope, alert.Period, alert.Threshold)),
            cancellationToken);

    public async ValueTask<IReadOnlyList<BudgetAlert>> RecentAsync(int max, CancellationToken cancellationToken) =>
        await store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command(
                "SELECT scope, period, threshold, budget, used, limit_value, ts, webhook FROM budget_alerts ORDER BY ts DESC LIMIT $1;", max)),
            static r => new BudgetAlert(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5),
                r.GetFieldValue<DateTimeOffset>(6), null)
            {
                WebhookStatus = r.IsDBNull(7) ? null : r.GetString(7),
            },
            cancellationToken).ConfigureAwait(false);
}
