using System.Data.Common;

namespace Majordomo.Storage;

/// <summary>The request log (SPEC §5): rows appended in batches by the background writer, read back for <c>/stats</c>.</summary>
internal interface IRequestLogStore
{
    /// <summary>
    /// Opens an appender for a writer that appends batch after batch (SQLite: one connection with the
    /// insert prepared once). Throws <see cref="StoreException"/> when the store cannot be opened.
    /// </summary>
    IRequestLogAppender OpenAppender();

    /// <summary>
    /// What the stats report needs of every row with <paramref name="since"/> ≤ timestamp &lt; <paramref name="until"/>;
    /// with <paramref name="apiKey"/>, only the rows of that gateway key name (a tenant's own <c>/stats</c>).
    /// </summary>
    IAsyncEnumerable<RequestSummary> SummariesAsync(DateTimeOffset since, DateTimeOffset until, string? apiKey, CancellationToken cancellationToken);

    /// <summary>
    /// The newest rows first (<c>GET /v1/requests</c>): at most <see cref="RecentQuery.Limit"/>, with
    /// timestamp ≥ <see cref="RecentQuery.Since"/> when given, only <see cref="RecentQuery.KeyName"/>'s
    /// rows when given. Rows come back whole, attempts included.
    /// </summary>
    ValueTask<IReadOnlyList<RequestLogRecord>> RecentAsync(RecentQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the rows with timestamp &lt; <paramref name="before"/> (<c>storage.retentionDays</c>); returns how many.</summary>
    ValueTask<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>Which recent rows to read: <paramref name="KeyName"/> null means every tenant's.</summary>
internal readonly record struct RecentQuery(int Limit, DateTimeOffset? Since, string? KeyName);

/// <summary>Appends request-log rows; disposing it releases what it holds (connection, prepared statement).</summary>
internal interface IRequestLogAppender : IDisposable
{
    /// <summary>Appends rows in one transaction; a row whose id is already stored is ignored. After a <see cref="StoreException"/> the appender is not reused.</summary>
    ValueTask AppendAsync(IReadOnlyList<RequestLogRecord> batch, CancellationToken cancellationToken);
}

/// <summary>The columns of one request-log row that <c>/stats</c> aggregates.</summary>
internal readonly record struct RequestSummary(
    string? AnsweredBy,
    int Status,
    double DurationMs,
    double? FirstByteMs,
    double? CostUsd,
    bool CostEstimated,
    double QuotaUnits,
    long InputTokens,
    long OutputTokens,
    string? Tier,
    string? Route,
    string? Degradation,
    int AttemptCount,
    string? FirstAttemptModel);

/// <summary>Reads a <see cref="RequestSummary"/> from a row whose columns are in its order (each store's stats query selects them so).</summary>
internal static class RequestSummaryReader
{
    public static RequestSummary Read(DbDataReader rows) => new(
        rows.IsDBNull(0) ? null : rows.GetString(0),
        rows.GetInt32(1),
        rows.GetDouble(2),
        rows.IsDBNull(3) ? null : rows.GetDouble(3),
        rows.IsDBNull(4) ? null : rows.GetDouble(4),
        rows.GetBoolean(5),
        rows.GetDouble(6),
        rows.GetInt64(7),
        rows.GetInt64(8),
        rows.IsDBNull(9) ? null : rows.GetString(9),
        rows.IsDBNull(10) ? null : rows.GetString(10),
        rows.IsDBNull(11) ? null : rows.GetString(11),
        rows.GetInt32(12),
        rows.IsDBNull(13) ? null : rows.GetString(13));
}
