using System.Runtime.CompilerServices;
using Npgsql;

namespace Majordomo.Storage.Postgres;

/// <summary>
/// Session pins in the <c>sessions</c> table; a cleared pin keeps its row with a NULL pin. Every change
/// is announced with <c>NOTIFY majordomo_pins</c> (payload: the session id) in the same transaction,
/// so the other instances of a fleet learn it within one round trip.
/// </summary>
internal sealed class PostgresSessionPinStore(PostgresStore store) : ISessionPinStore
{
    private const string Channel = "majordomo_pins";

    public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> LoadAsync(CancellationToken cancellationToken) =>
        store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command("SELECT session_id, pin FROM sessions WHERE pin IS NOT NULL;")),
            static r => new KeyValuePair<string, string>(r.GetString(0), r.GetString(1)), cancellationToken);

    public ValueTask SetAsync(string session, string? pin, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            PostgresStore.Batch(
                PostgresStore.Command("""
                    INSERT INTO sessions (session_id, pin, updated_at) VALUES ($1, $2::text, $3)
                    ON CONFLICT (session_id) DO UPDATE SET pin = excluded.pin, updated_at = excluded.updated_at;
                    """, session, pin, now.UtcDateTime),
                PostgresStore.Command($"SELECT pg_notify('{Channel}', $1);", session)),
            cancellationToken);

    public async IAsyncEnumerable<KeyValuePair<string, string?>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One connection of its own, held while watching; errors surface as StoreException to the watcher, which retries.
        await using var listener = await PostgresListener.StartAsync(store, Channel, cancellationToken).ConfigureAwait(false);
        var connection = listener.Connection;

        // Listening first, then every row: a change made in between is seen twice, never missed.
        foreach (var row in await PostgresStore.GuardAsync(() => AllAsync(connection, cancellationToken)).ConfigureAwait(false))
        {
            yield return row;
        }

        await foreach (var session in listener.PayloadsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new(session, await PostgresStore.GuardAsync(() => PinAsync(connection, session, cancellationToken)).ConfigureAwait(false));
        }
    }

    private static async Task<List<KeyValuePair<string, string?>>> AllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT session_id, pin FROM sessions;", connection);
        await using var rows = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<KeyValuePair<string, string?>>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new(rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1)));
        }

        return list;
    }

    private static async Task<string?> PinAsync(NpgsqlConnection connection, string session, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT pin FROM sessions WHERE session_id = $1;", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = session });
        return await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
