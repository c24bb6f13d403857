using System.Globalization;

namespace Majordomo.Storage.Sqlite;

/// <summary>Session pins in the <c>sessions</c> table (migration 2); a cleared pin keeps its row with a NULL pin.</summary>
internal sealed class SqliteSessionPinStore(SqliteStore store) : ISessionPinStore
{
    public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = store.Open();
            var list = SqliteStore.Query(connection, "SELECT session_id, pin FROM sessions WHERE pin IS NOT NULL;", static rows => KeyValuePair.Create(rows.GetString(0), rows.GetString(1)));
            return ValueTask.FromResult<IReadOnlyList<KeyValuePair<string, string>>>(list);
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    public ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = store.Open();
            using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO sessions(session_id, pin, updated_at) VALUES ($s, $p, $t)
                ON CONFLICT(session_id) DO UPDATE SET pin = excluded.pin, updated_at = excluded.updated_at;
                """;
            upsert.Parameters.AddWithValue("$s", session);
            upsert.Parameters.AddWithValue("$p", (object?)pin ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$t", now.ToString("O", CultureInfo.InvariantCulture));
            upsert.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    // One gateway per SQLite file: nobody else changes its pins.
    public IAsyncEnumerable<KeyValuePair<string, string?>> WatchAsync(CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<KeyValuePair<string, string?>>();
}
