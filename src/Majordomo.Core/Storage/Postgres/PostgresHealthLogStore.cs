using Npgsql;

namespace Majordomo.Storage.Postgres;

/// <summary>The health log and the cooldowns in force; each call is one round trip in one implicit transaction.</summary>
internal sealed class PostgresHealthLogStore(PostgresStore store) : IHealthLogStore
{
    public ValueTask WriteAsync(IReadOnlyList<HealthEvent> events, IReadOnlyList<StoredCooldown> cooldowns, CancellationToken cancellationToken)
    {
        if (events.Count == 0 && cooldowns.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var batch = new NpgsqlBatch();
        foreach (var e in events)
        {
            batch.BatchCommands.Add(PostgresStore.Command(
                "INSERT INTO health_log (ts, provider, model, source, ok, healthy, latency_ms, error) VALUES ($1, $2, $3::text, $4, $5, $6, $7::double precision, $8::text);",
                e.Timestamp.UtcDateTime, e.Provider, e.Model, e.Source, e.Ok, e.Healthy, e.LatencyMs, e.Error));
        }

        // Cooldown changes are rare (a key rate limited, a model failing): a statement each, in order. A clear
        // removes only the cooldown it names or an older one; a cooldown never replaces a newer one (another
        // instance may have set one since).
        foreach (var c in cooldowns)
        {
            batch.BatchCommands.Add(c.Until == DateTimeOffset.MinValue
                ? PostgresStore.Command("DELETE FROM cooldowns WHERE provider = $1 AND credential = $2 AND model = $3 AND set_at <= $4;", c.Provider, c.Credential, c.Model, c.SetAt)
                : PostgresStore.Command("""
                    INSERT INTO cooldowns (provider, credential, model, reason, strikes, until, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (provider, credential, model) DO UPDATE SET reason = excluded.reason, strikes = excluded.strikes, until = excluded.until, set_at = excluded.set_at
                    WHERE cooldowns.set_at <= excluded.set_at;
                    """, c.Provider, c.Credential, c.Model, c.Reason, c.Strikes, c.Until.UtcDateTime, c.SetAt));
        }

        return store.ExecuteAsync(batch, cancellationToken);
    }

    public ValueTask<IReadOnlyList<StoredCooldown>> LoadCooldownsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        store.QueryAsync(
            PostgresStore.Batch(
                PostgresStore.Command("DELETE FROM cooldowns WHERE until <= $1;", now.UtcDateTime),
                PostgresStore.Command("SELECT provider, credential, model, reason, strikes, until, set_at FROM cooldowns;")),
            static r => new StoredCooldown(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetFieldValue<DateTimeOffset>(5), r.GetInt64(6)),
            cancellationToken);

    public ValueTask<IReadOnlyList<HealthEvent>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command(
                "SELECT ts, provider, model, source, ok, healthy, latency_ms, error FROM health_log ORDER BY id DESC LIMIT $1;", limit)),
            static r => new HealthEvent(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                r.GetBoolean(4), r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetString(7)),
            cancellationToken);
}
