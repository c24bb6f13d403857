using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Majordomo.Storage.Sqlite;

/// <summary>The health log and the persisted cooldowns (migration 3).</summary>
internal sealed class SqliteHealthLogStore(SqliteStore store) : IHealthLogStore
{
    public ValueTask WriteAsync(IReadOnlyList<HealthEvent> events, IReadOnlyList<StoredCooldown> cooldowns, CancellationToken cancellationToken)
    {
        if (events.Count == 0 && cooldowns.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        store.InTransaction((events, cooldowns), static (connection, tx, state) =>
        {
            InsertEvents(connection, tx, state.events);
            foreach (var c in state.cooldowns)
            {
                ApplyCooldown(connection, tx, c);
            }
        });
        return ValueTask.CompletedTask;
    }

    private static void InsertEvents(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<HealthEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO health_log (ts, ts_unix_ms, provider, model, source, ok, healthy, latency_ms, error) VALUES ($ts, $ms, $p, $m, $s, $ok, $h, $l, $e);";
        var ts = insert.Parameters.Add("$ts", SqliteType.Text);
        var ms = insert.Parameters.Add("$ms", SqliteType.Integer);
        var p = insert.Parameters.Add("$p", SqliteType.Text);
        var m = insert.Parameters.Add("$m", SqliteType.Text);
        var s = insert.Parameters.Add("$s", SqliteType.Text);
        var ok = insert.Parameters.Add("$ok", SqliteType.Integer);
        var h = insert.Parameters.Add("$h", SqliteType.Integer);
        var l = insert.Parameters.Add("$l", SqliteType.Real);
        var e = insert.Parameters.Add("$e", SqliteType.Text);
        foreach (var ev in events)
        {
            ts.Value = ev.Timestamp.ToString("O", CultureInfo.InvariantCulture);
            ms.Value = ev.Timestamp.ToUnixTimeMilliseconds();
            p.Value = ev.Provider;
            m.Value = (object?)ev.Model ?? DBNull.Value;
            s.Value = ev.Source;
            ok.Value = ev.Ok ? 1 : 0;
            h.Value = ev.Healthy ? 1 : 0;
            l.Value = ev.LatencyMs is { } latency ? latency : DBNull.Value;
            e.Value = (object?)ev.Error ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static void ApplyCooldown(SqliteConnection connection, SqliteTransaction tx, StoredCooldown c)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = c.Until == DateTimeOffset.MinValue
            ? "DELETE FROM cooldowns WHERE provider = $p AND credential = $c AND model = $m AND set_at <= $t;"
            : "INSERT INTO cooldowns (provider, credential, model, reason, strikes, until_unix_ms, set_at) VALUES ($p, $c, $m, $r, $s, $u, $t) " +
              "ON CONFLICT (provider, credential, model) DO UPDATE SET reason = excluded.reason, strikes = excluded.strikes, until_unix_ms = excluded.until_unix_ms, " +
              "set_at = excluded.set_at WHERE cooldowns.set_at <= excluded.set_at;";
        command.Parameters.AddWithValue("$p", c.Provider);
        command.Parameters.AddWithValue("$c", c.Credential);
        command.Parameters.AddWithValue("$m", c.Model);
        command.Parameters.AddWithValue("$t", c.SetAt);
        if (c.Until != DateTimeOffset.MinValue)
        {
            command.Parameters.AddWithValue("$r", c.Reason);
            command.Parameters.AddWithValue("$s", c.Strikes);
            command.Parameters.AddWithValue("$u", c.Until.ToUnixTimeMilliseconds());
        }

        command.ExecuteNonQuery();
    }

    public ValueTask<IReadOnlyList<StoredCooldown>> LoadCooldownsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = store.Open();
            SqliteStore.Execute(connection, "DELETE FROM cooldowns WHERE until_unix_ms <= $now;", "$now", now.ToUnixTimeMilliseconds());
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT provider, credential, model, reason, strikes, until_unix_ms, set_at FROM cooldowns;";
            using var rows = query.ExecuteReader();
            var list = new List<StoredCooldown>();
            while (rows.Read())
            {
                list.Add(new StoredCooldown(rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.GetString(3), rows.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(5)), rows.GetInt64(6)));
            }

            return ValueTask.FromResult<IReadOnlyList<StoredCooldown>>(list);
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    public ValueTask<IReadOnlyList<HealthEvent>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = store.Open();
            var list = SqliteStore.Query(
                connection,
                "SELECT ts_unix_ms, provider, model, source, ok, healthy, latency_ms, error FROM health_log ORDER BY id DESC LIMIT $n;",
                static rows => new HealthEvent(DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(0)), rows.GetString(1), rows.IsDBNull(2) ? null : rows.GetString(2),
                    rows.GetString(3), rows.GetInt64(4) == 1, rows.GetInt64(5) == 1, rows.IsDBNull(6) ? null : rows.GetDouble(6), rows.IsDBNull(7) ? null : rows.GetString(7)),
                "$n",
                limit);
            return ValueTask.FromResult<IReadOnlyList<HealthEvent>>(list);
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }
}
