namespace Majordomo.Storage.Postgres;

/// <summary>Looping sessions in the <c>loop_sessions</c> table; every call is one round trip.</summary>
internal sealed class PostgresLoopSessionStore(PostgresStore store) : ILoopSessionStore
{
    public ValueTask<IReadOnlyList<StoredLoopSession>> LoadAsync(DateTimeOffset notBefore, int max, CancellationToken cancellationToken) =>
        store.QueryAsync(
            PostgresStore.Batch(
                PostgresStore.Command("DELETE FROM loop_sessions WHERE updated_at < $1;", notBefore.UtcDateTime),
                PostgresStore.Command("SELECT session, level, detector, count, updated_at FROM loop_sessions ORDER BY updated_at DESC LIMIT $1;", max)),
            static r => new StoredLoopSession(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken);

    public ValueTask ApplyAsync(IReadOnlyList<StoredLoopSession> upserts, IReadOnlyList<string> deletes, CancellationToken cancellationToken)
    {
        if (upserts.Count == 0 && deletes.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var sessions = new string[upserts.Count];
        var levels = new string[upserts.Count];
        var detectors = new string[upserts.Count];
        var counts = new int[upserts.Count];
        var updated = new DateTime[upserts.Count];
        for (var i = 0; i < upserts.Count; i++)
        {
            var s = upserts[i];
            (sessions[i], levels[i], detectors[i], counts[i], updated[i]) = (s.Session, s.Level, s.Detector, s.Count, s.UpdatedAt.UtcDateTime);
        }

        // One implicit transaction: upserts (the last of a session wins — one upsert may not touch a row twice), then deletes.
        return store.ExecuteAsync(
            PostgresStore.Batch(
                PostgresStore.Command("""
                    INSERT INTO loop_sessions (session, level, detector, count, updated_at)
                    SELECT DISTINCT ON (u.session) u.session, u.level, u.detector, u.count, u.updated_at
                    FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::timestamptz[]) WITH ORDINALITY AS u(session, level, detector, count, updated_at, ord)
                    ORDER BY u.session, u.ord DESC
                    ON CONFLICT (session) DO UPDATE SET level = excluded.level, detector = excluded.detector, count = excluded.count, updated_at = excluded.updated_at;
                    """, sessions, levels, detectors, counts, updated),
                PostgresStore.Command("DELETE FROM loop_sessions WHERE session = ANY($1::text[]);", (object)deletes.ToArray())),
            cancellationToken);
    }
}
