namespace Majordomo.Storage.Postgres;

/// <summary>Session pins in the <c>sessions</c> table; a cleared pin keeps its row with a NULL pin.</summary>
internal sealed class PostgresSessionPinStore(PostgresStore store) : ISessionPinStore
{
    public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken) =>
        store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command("SELECT session_id, pin FROM sessions WHERE pin IS NOT NULL;")),
            static r => new KeyValuePair<string, string>(r.GetString(0), r.GetString(1)), cancellationToken);

    public ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            PostgresStore.Batch(PostgresStore.Command("""
                INSERT INTO sessions (session_id, pin, updated_at) VALUES ($1, $2::text, $3)
                ON CONFLICT (session_id) DO UPDATE SET pin = excluded.pin, updated_at = excluded.updated_at;
                """, session, pin, now.UtcDateTime)),
            cancellationToken);
}
