using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

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
            SELECT id, ts, ingress, requested_model, route, tier, rule, answered_by, status, error_code, stream, duration_ms, first_byte_ms,
                   input_tokens, output_tokens, usage_reported, source, session, kind, attempts, loop, cost_usd, cost_estimated, quota_units,
                   api_key, degradation, complexity, task_type, sensitive, classifier_source
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
            result.Add(Row(rows));
        }

        return result;
    }

    private static RequestLogRecord Row(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Timestamp = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Ingress = r.GetString(2),
        RequestedModel = Text(r, 3),
        Route = Text(r, 4),
        Tier = Text(r, 5),
        Rule = Text(r, 6),
        AnsweredBy = Text(r, 7),
        Status = r.GetInt32(8),
        ErrorCode = Text(r, 9),
        Stream = r.GetInt64(10) != 0,
        DurationMs = r.GetDouble(11),
        FirstByteMs = r.IsDBNull(12) ? null : r.GetDouble(12),
        InputTokens = r.GetInt64(13),
        OutputTokens = r.GetInt64(14),
        UsageReported = r.GetInt64(15) != 0,
        Source = Text(r, 16),
        Session = Text(r, 17),
        Kind = Text(r, 18),
        Attempts = Attempts(r.GetString(19)),
        Loop = Text(r, 20),
        CostUsd = r.IsDBNull(21) ? null : r.GetDouble(21),
        CostEstimated = r.GetInt64(22) != 0,
        QuotaUnits = r.GetDouble(23),
        ApiKey = Text(r, 24),
        Degradation = Text(r, 25),
        Complexity = Text(r, 26),
        TaskType = Text(r, 27),
        Sensitive = r.IsDBNull(28) ? null : r.GetInt64(28) != 0,
        ClassifierSource = Text(r, 29),
    };

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The <c>attempts</c> column as <see cref="SqliteStore.RequestWriter"/> writes it.</summary>
    private static AttemptRecord[] Attempts(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attempts = new AttemptRecord[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var a in document.RootElement.EnumerateArray())
        {
            var status = a.GetProperty("status");
            attempts[i++] = new AttemptRecord(
                a.GetProperty("model").GetString()!,
                a.GetProperty("provider").GetString()!,
                a.GetProperty("credential").GetString(),
                status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
                a.GetProperty("outcome").GetString()!,
                a.GetProperty("reason").GetString(),
                a.GetProperty("duration_ms").GetDouble());
        }

        return attempts;
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
