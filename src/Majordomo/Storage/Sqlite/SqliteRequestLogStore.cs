using System.Runtime.CompilerServices;

namespace Majordomo.Storage.Sqlite;

/// <summary>The request log in SQLite; appenders are <see cref="SqliteStore.RequestWriter"/>s.</summary>
internal sealed class SqliteRequestLogStore(SqliteStore store) : IRequestLogStore
{
    public IRequestLogAppender OpenAppender()
    {
        try
        {
            return store.OpenRequestWriter();
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    public async IAsyncEnumerable<RequestSummary> SummariesAsync(DateTimeOffset since, DateTimeOffset until, string? apiKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Streamed row by row (a long window can hold millions of rows); an iterator cannot yield
        // inside a try/catch, so each step that touches SQLite translates its own errors.
        using var connection = Guard(store.Open);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT answered_by, status, duration_ms, first_byte_ms, cost_usd, cost_estimated, quota_units, input_tokens, output_tokens,
                   tier, route, degradation, attempt_count, json_extract(attempts, '$[0].model')
            FROM requests WHERE ts_unix_ms >= $since AND ts_unix_ms < $until AND ($key IS NULL OR api_key = $key);
            """;
        command.Parameters.AddWithValue("$key", (object?)apiKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        using var rows = Guard(command.ExecuteReader);
        while (Guard(rows.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new RequestSummary(
                rows.IsDBNull(0) ? null : rows.GetString(0),
                rows.GetInt32(1),
                rows.GetDouble(2),
                rows.IsDBNull(3) ? null : rows.GetDouble(3),
                rows.IsDBNull(4) ? null : rows.GetDouble(4),
                rows.GetInt64(5) != 0,
                rows.GetDouble(6),
                rows.GetInt64(7),
                rows.GetInt64(8),
                rows.IsDBNull(9) ? null : rows.GetString(9),
                rows.IsDBNull(10) ? null : rows.GetString(10),
                rows.IsDBNull(11) ? null : rows.GetString(11),
                rows.GetInt32(12),
                rows.IsDBNull(13) ? null : rows.GetString(13));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }
}
