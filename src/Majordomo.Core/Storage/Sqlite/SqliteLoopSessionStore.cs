using Microsoft.Data.Sqlite;

namespace Majordomo.Storage.Sqlite;

/// <summary>Looping sessions in the <c>loop_sessions</c> table (migration 4).</summary>
internal sealed class SqliteLoopSessionStore(SqliteStore store) : ILoopSessionStore
{
    public ValueTask<IReadOnlyList<StoredLoopSession>> LoadAsync(DateTimeOffset notBefore, int max, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = store.Open();
            SqliteStore.Execute(connection, "DELETE FROM loop_sessions WHERE updated_unix_ms < $cutoff;", "$cutoff", notBefore.ToUnixTimeMilliseconds());
            var list = SqliteStore.Query(
                connection,
                "SELECT session, level, detector, count, updated_unix_ms FROM loop_sessions ORDER BY updated_unix_ms DESC LIMIT $max;",
                static rows => new StoredLoopSession(rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.GetInt32(3), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(4))),
                "$max",
                max);
            return ValueTask.FromResult<IReadOnlyList<StoredLoopSession>>(list);
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    public ValueTask ApplyAsync(IReadOnlyList<StoredLoopSession> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0 && deletes.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        store.InTransaction((upserts, deletes), static (connection, tx, batch) =>
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = tx;
            upsert.CommandText = """
                INSERT INTO loop_sessions (session, level, detector, count, updated_unix_ms) VALUES ($s, $l, $d, $c, $u)
                ON CONFLICT(session) DO UPDATE SET level = excluded.level, detector = excluded.detector, count = excluded.count, updated_unix_ms = excluded.updated_unix_ms;
                """;
            var s = upsert.Parameters.Add("$s", SqliteType.Text);
            var l = upsert.Parameters.Add("$l", SqliteType.Text);
            var d = upsert.Parameters.Add("$d", SqliteType.Text);
            var c = upsert.Parameters.Add("$c", SqliteType.Integer);
            var u = upsert.Parameters.Add("$u", SqliteType.Integer);
            foreach (var state in batch.upserts)
            {
                s.Value = state.Session;
                l.Value = state.Level;
                d.Value = state.Detector;
                c.Value = state.Count;
                u.Value = state.UpdatedAt.ToUnixTimeMilliseconds();
                upsert.ExecuteNonQuery();
            }

            using var delete = connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = "DELETE FROM loop_sessions WHERE session = $s;";
            var ds = delete.Parameters.Add("$s", SqliteType.Text);
            foreach (var session in batch.deletes)
            {
                ds.Value = session;
                delete.ExecuteNonQuery();
            }
        });
        return ValueTask.CompletedTask;
    }
}
