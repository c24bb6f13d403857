using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Majordomo.Storage.Postgres;

/// <summary>
/// The request log in PostgreSQL. Each batch from the background writer goes in with one binary
/// <c>COPY</c> into a temporary table and one <c>INSERT … ON CONFLICT DO NOTHING</c> (COPY alone
/// cannot skip an id already stored), in one transaction on the appender's own connection.
/// </summary>
internal sealed class PostgresRequestLogStore(PostgresStore store) : IRequestLogStore
{
    public IRequestLogAppender OpenAppender()
    {
        try
        {
            // The writer thread is the only caller: waiting on the open here holds up no request.
            return new Appender(store.DataSource.OpenConnection());
        }
        catch (Exception ex) when (PostgresStore.IsFailure(ex))
        {
            throw PostgresStore.Fail(ex);
        }
    }

    public async IAsyncEnumerable<RequestSummary> SummariesAsync(DateTimeOffset since, DateTimeOffset until, string? apiKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Streamed row by row (a long window can hold millions of rows); an iterator cannot yield
        // inside a try/catch, so each step that touches the database translates its own errors.
        await using var connection = await PostgresStore.GuardAsync(() => store.DataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT answered_by, status, duration_ms, first_byte_ms, cost_usd, cost_estimated, quota_units, input_tokens, output_tokens,
                   tier, route, degradation, attempt_count, attempts -> 0 ->> 'model'
            FROM requests WHERE ts >= $1 AND ts < $2 AND ($3::text IS NULL OR api_key = $3);
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = since.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = until.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)apiKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var rows = await PostgresStore.GuardAsync(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await PostgresStore.GuardAsync(() => rows.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return RequestSummaryReader.Read(rows);
        }
    }

    public async ValueTask<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var counts = await store.QueryAsync(
            PostgresStore.Batch(PostgresStore.Command("WITH gone AS (DELETE FROM requests WHERE ts < $1 RETURNING 1) SELECT count(*) FROM gone;", before.UtcDateTime)),
            static r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    public async ValueTask<IReadOnlyList<RequestLogRecord>> RecentAsync(RecentQuery query, CancellationToken cancellationToken)
    {
        // ix_requests_ts serves both the order and the window; seq orders rows of one timestamp as they were written.
        var batch = PostgresStore.Batch(PostgresStore.Command($"""
            SELECT {RequestLogRecordReader.Columns}
            FROM requests
            WHERE ($1::timestamptz IS NULL OR ts >= $1) AND ($2::text IS NULL OR api_key = $2)
            ORDER BY ts DESC, seq DESC LIMIT $3;
            """, query.Since?.UtcDateTime, query.KeyName, query.Limit));
        try
        {
            return await store.QueryAsync(batch, static r => RequestLogRecordReader.Read(r, r.GetFieldValue<DateTimeOffset>(1)), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw PostgresStore.Fail(ex);
        }
    }

    /// <summary>One connection kept across batches, with its temporary staging table.</summary>
    private sealed class Appender(NpgsqlConnection connection) : IRequestLogAppender
    {
        private const string Columns = """
            id, ts, ingress, requested_model, route, tier, rule, answered_by, status, error_code, stream, duration_ms, first_byte_ms,
            input_tokens, output_tokens, usage_reported, source, session, kind, attempt_count, attempts, loop, cost_usd, cost_estimated,
            quota_units, api_key, degradation, complexity, task_type, sensitive, classifier_source
            """;

        private readonly ArrayBufferWriter<byte> _json = new(1024);
        private bool _staged;

        public async ValueTask AppendAsync(IReadOnlyList<RequestLogRecord> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                if (!_staged)
                {
                    await using var create = new NpgsqlCommand(
                        $"CREATE TEMP TABLE IF NOT EXISTS requests_in ON COMMIT DELETE ROWS AS SELECT {Columns} FROM requests WITH NO DATA;", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    _staged = true;
                }

                await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var import = await connection.BeginBinaryImportAsync($"COPY requests_in ({Columns}) FROM STDIN (FORMAT BINARY);", cancellationToken).ConfigureAwait(false))
                {
                    foreach (var r in batch)
                    {
                        await WriteRowAsync(import, r, cancellationToken).ConfigureAwait(false);
                    }

                    await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var insert = new NpgsqlCommand($"INSERT INTO requests ({Columns}) SELECT {Columns} FROM requests_in ON CONFLICT (id) DO NOTHING;", connection, tx))
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (PostgresStore.IsFailure(ex))
            {
                throw PostgresStore.Fail(ex);
            }
        }

        private async Task WriteRowAsync(NpgsqlBinaryImporter import, RequestLogRecord r, CancellationToken cancellationToken)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.Ingress, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.RequestedModel, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Route, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Tier, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Rule, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.AnsweredBy, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.Status, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.ErrorCode, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.Stream, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.DurationMs, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await NullableAsync(import, r.FirstByteMs, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.InputTokens, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.OutputTokens, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.UsageReported, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Source, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Session, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Kind, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.Attempts.Count, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(Json(r.Attempts), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Loop, cancellationToken).ConfigureAwait(false);
            await NullableAsync(import, r.CostUsd, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.CostEstimated, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(r.QuotaUnits, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.ApiKey, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Degradation, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.Complexity, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.TaskType, cancellationToken).ConfigureAwait(false);
            await NullableAsync(import, r.Sensitive, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            await TextAsync(import, r.ClassifierSource, cancellationToken).ConfigureAwait(false);
        }

        private static Task TextAsync(NpgsqlBinaryImporter import, string? value, CancellationToken cancellationToken) =>
            value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

        private static Task NullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
            where T : struct =>
            value is { } v ? import.WriteAsync(v, type, cancellationToken) : import.WriteNullAsync(cancellationToken);

        private string Json(IReadOnlyList<AttemptRecord> attempts)
        {
            AttemptsJson.Write(_json, attempts);
            return Encoding.UTF8.GetString(_json.WrittenSpan);
        }

        public void Dispose() => connection.Dispose();
    }
}
