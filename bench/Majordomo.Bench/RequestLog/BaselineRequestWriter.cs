using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Majordomo.Bench.RequestLog;

/// <summary>
/// The request-log appender as it was before the seventh session (one single-row prepared insert, each
/// value bound through SQLitePCLRaw), kept only as the `requestlog` bench's baseline: the same run
/// measures it and the store's appender alternately.
/// </summary>
internal sealed class BaselineRequestWriter : IRequestLogAppender
{
    private const int SqliteDone = 101;
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _insert;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _jsonWriter;

    // Strings are encoded here and bound as spans (SQLite copies them): the string overload of
    // sqlite3_bind_text allocates an array per value, ~20 per row.
    private byte[] _utf8 = new byte[256];

    public BaselineRequestWriter(SqliteConnection connection)
    {
        _connection = connection;
        _jsonWriter = new Utf8JsonWriter(_json);
        const string sql = """
            INSERT OR IGNORE INTO requests (id, ts, ts_unix_ms, ingress, requested_model, route, tier, rule, answered_by, status, error_code,
                stream, duration_ms, first_byte_ms, input_tokens, output_tokens, usage_reported, source, session, kind, attempt_count, attempts,
                cost_usd, cost_estimated, quota_units, api_key, degradation, loop, complexity, task_type, sensitive, classifier_source,
                channel, prompt_tokens, max_output_tokens, has_media, has_tools, cache, body)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39);
            """;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _insert));
    }

    public ValueTask AppendAsync(IReadOnlyList<RequestLogRecord> batch, CancellationToken cancellationToken)
    {
        try
        {
            Write(batch);
            return ValueTask.CompletedTask;
        }
        catch (Exception ex) when (SqliteStore.IsFailure(ex))
        {
            throw SqliteStore.Fail(ex);
        }
    }

    public void Write(IReadOnlyList<RequestLogRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        using var tx = _connection.BeginTransaction();
        foreach (var r in batch)
        {
            // Every parameter is NULL after sqlite3_clear_bindings, so a null value is not bound at all
            // (each bind is a call into SQLite taking its mutex); cleared first, so no value of a row that
            // failed half-way can outlive it.
            Check(raw.sqlite3_clear_bindings(_insert));
            Text(1, r.Id);
            Timestamp(2, r.Timestamp);
            Check(raw.sqlite3_bind_int64(_insert, 3, r.Timestamp.ToUnixTimeMilliseconds()));
            Text(4, r.Ingress);
            Text(5, r.RequestedModel);
            Text(6, r.Route);
            Text(7, r.Tier);
            Text(8, r.Rule);
            Text(9, r.AnsweredBy);
            Check(raw.sqlite3_bind_int64(_insert, 10, r.Status));
            Text(11, r.ErrorCode);
            Check(raw.sqlite3_bind_int64(_insert, 12, r.Stream ? 1 : 0));
            Check(raw.sqlite3_bind_double(_insert, 13, r.DurationMs));
            Double(14, r.FirstByteMs);
            Check(raw.sqlite3_bind_int64(_insert, 15, r.InputTokens));
            Check(raw.sqlite3_bind_int64(_insert, 16, r.OutputTokens));
            Check(raw.sqlite3_bind_int64(_insert, 17, r.UsageReported ? 1 : 0));
            Text(18, r.Source);
            Text(19, r.Session);
            Text(20, r.Kind);
            Check(raw.sqlite3_bind_int64(_insert, 21, r.Attempts.Count));
            AttemptsJson.Write(_json, _jsonWriter, r.Attempts);
            Check(raw.sqlite3_bind_text(_insert, 22, _json.WrittenSpan));
            Double(23, r.CostUsd);
            Check(raw.sqlite3_bind_int64(_insert, 24, r.CostEstimated ? 1 : 0));
            Check(raw.sqlite3_bind_double(_insert, 25, r.QuotaUnits));
            Text(26, r.ApiKey);
            Text(27, r.Degradation);
            Text(28, r.Loop);
            Text(29, r.Complexity);
            Text(30, r.TaskType);
            Int(31, r.Sensitive is { } sensitive ? (sensitive ? 1 : 0) : null);
            Text(32, r.ClassifierSource);
            Text(33, r.Channel);
            Int(34, r.PromptTokens);
            Int(35, r.MaxOutputTokens);
            Int(36, r.HasMedia is { } media ? (media ? 1 : 0) : null);
            Int(37, r.HasTools is { } tools ? (tools ? 1 : 0) : null);
            Text(38, r.Cache);
            Text(39, r.Body);
            var step = raw.sqlite3_step(_insert);
            raw.sqlite3_reset(_insert);
            if (step != SqliteDone)
            {
                throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string() ?? "insert failed", step);
            }
        }

        tx.Commit();
    }

    private void Int(int index, int? value)
    {
        if (value is { } v)
        {
            Check(raw.sqlite3_bind_int64(_insert, index, v));
        }
    }

    private void Double(int index, double? value)
    {
        if (value is { } v)
        {
            Check(raw.sqlite3_bind_double(_insert, index, v));
        }
    }

    private void Text(int index, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0)
        {
            // An empty span would bind a null pointer, which SQLite stores as NULL; "" must stay "".
            Check(raw.sqlite3_bind_text(_insert, index, value));
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_insert, index, _utf8.AsSpan(0, length)));
    }

    // The ISO 8601 round-trip form ("O"), as DateTimeOffset.ToString("O") writes it, straight to UTF-8.
    private void Timestamp(int index, DateTimeOffset value)
    {
        Span<byte> utf8 = stackalloc byte[64];
        if (!value.TryFormat(utf8, out var length, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("timestamp does not fit its buffer");
        }

        Check(raw.sqlite3_bind_text(_insert, index, utf8[..length]));
    }

    private void Check(int rc)
    {
        if (rc != 0)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string() ?? $"sqlite error {rc}", rc);
        }
    }

    public void Dispose()
    {
        _jsonWriter.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }
}
