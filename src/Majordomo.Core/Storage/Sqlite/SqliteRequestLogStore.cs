using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Majordomo.Storage.Sqlite;

/// <summary>The request log in SQLite; appenders are <see cref="SqliteRequestWriter"/>s.</summary>
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
            yield return RequestSummaryReader.Read(rows);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<RequestLogRecord> ReplayAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = Guard(store.Open);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {RequestLogRecordReader.Columns}
            FROM requests WHERE ts_unix_ms >= $since AND ts_unix_ms < $until ORDER BY ts_unix_ms, rowid;
            """;
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        using var rows = Guard(command.ExecuteReader);
        while (Guard(rows.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Guard(() => RequestLogRecordReader.Read(rows, DateTimeOffset.Parse(rows.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public ValueTask<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = store.Open();
            return ValueTask.FromResult<long>(SqliteStore.Execute(connection, "DELETE FROM requests WHERE ts_unix_ms < $before;", "$before", before.ToUnixTimeMilliseconds()));
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    public ValueTask<IReadOnlyList<RequestLogRecord>> RecentAsync(RecentQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return ValueTask.FromResult(Recent(query, cancellationToken));
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex) || ex is JsonException or FormatException)
        {
            throw SqliteStore.Fail(ex);
        }
    }

    private IReadOnlyList<RequestLogRecord> Recent(RecentQuery query, CancellationToken cancellationToken)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        // ix_requests_ts serves both the order and the window; a tenant's rows are filtered along that index.
        command.CommandText = $"""
            SELECT {RequestLogRecordReader.Columns}
            FROM requests
            WHERE ts_unix_ms >= $since {(query.KeyName is null ? "" : "AND api_key = $key")}
            ORDER BY ts_unix_ms DESC, rowid DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$since", query.Since?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("$limit", query.Limit);
        if (query.KeyName is { } key)
        {
            command.Parameters.AddWithValue("$key", key);
        }

        var result = new List<RequestLogRecord>(Math.Min(query.Limit, 256));
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(RequestLogRecordReader.Read(rows, DateTimeOffset.Parse(rows.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return result;
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
