using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Majordomo.Storage.Sqlite;

/// <summary>
/// Inserts request-log rows for the background writer: at saturation the log shares the CPU with the
/// request path, so each row costs as little as SQLite allows. One connection of its own, opened without
/// SQLite's per-call mutex (only the writer's thread uses it); multi-row inserts prepared once (up to
/// <see cref="RowsPerStatement"/> rows a statement: one step, reset and cursor setup per chunk, not per
/// row); values bound by index over raw handles, every one for every row (NULL too, so no clearing pass), except that a
/// NULL, integer or real a parameter already holds from the statement's last use is not bound again (SQLite keeps
/// bindings across a reset; about half of a row's 39 values are NULL or repeat, e.g. a named model's route, rule and
/// classifier columns, the status); text encoded into one pinned buffer and bound without a copy (SQLITE_STATIC: it
/// stays put until the chunk is stepped), a string a column repeats from the row before bound from the same bytes.
/// Not for concurrent use.
/// </summary>
internal sealed class SqliteRequestWriter : IRequestLogAppender
{
    /// <summary>The most rows one insert statement carries (39 values each; SQLite allows 32,766 a statement).</summary>
    public const int RowsPerStatement = 32;

    private const string ColumnList = """
        id, ts, ts_unix_ms, ingress, requested_model, route, tier, rule, answered_by, status, error_code,
        stream, duration_ms, first_byte_ms, input_tokens, output_tokens, usage_reported, source, session, kind, attempt_count, attempts,
        cost_usd, cost_estimated, quota_units, api_key, degradation, loop, complexity, task_type, sensitive, classifier_source,
        channel, prompt_tokens, max_output_tokens, has_media, has_tools, cache, body
        """;

    private static readonly int Columns = ColumnList.Split(',').Length;

    // Room for a chunk's text in the usual case (~400 bytes a row); a value that does not fit is copied by SQLite instead.
    private const int TextCapacity = 64 * 1024;

    private readonly sqlite3 _db;
    private readonly Statement _begin;
    private readonly Statement _commit;
    private readonly Statement _rollback;

    // One statement per power-of-two row count, prepared on first use: a batch is written as full chunks
    // and at most log2(RowsPerStatement) smaller ones.
    private readonly Statement?[] _inserts = new Statement?[BitOperations.Log2(RowsPerStatement) + 1];
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly Utf8JsonWriter _jsonWriter;
    private readonly byte[] _text = GC.AllocateUninitializedArray<byte>(TextCapacity, pinned: true);
    private readonly IntPtr _textAddress;
    private int _textUsed;

    // Per column, the last text encoded into the pinned buffer in this chunk: a row repeating the same string
    // binds those bytes again instead of encoding it anew.
    private readonly PinnedText[] _lastText = new PinnedText[Columns + 1];

    public SqliteRequestWriter(string path)
    {
        // SqliteNative calls the library by name: the handles it is given must come from that same library.
        if (raw.GetNativeLibraryName() is var name && name != SqliteNative.Library)
        {
            throw new InvalidOperationException($"the request log's writer needs SQLitePCLRaw's '{SqliteNative.Library}' provider, not '{name}'");
        }

        var flags = raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX | raw.SQLITE_OPEN_PRIVATECACHE
            | (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? raw.SQLITE_OPEN_URI : 0);
        var rc = raw.sqlite3_open_v2(path, out _db, flags, null);
        try
        {
            Check(rc);
            Check(raw.sqlite3_exec(_db, SqliteStore.ConnectionPragmas));
            _begin = Prepare("BEGIN;");
            _commit = Prepare("COMMIT;");
            _rollback = Prepare("ROLLBACK;");
        }
        catch
        {
            _db.Dispose();
            throw;
        }

        _jsonWriter = new Utf8JsonWriter(_json);
        _textAddress = Marshal.UnsafeAddrOfPinnedArrayElement(_text, 0);
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

    /// <summary>Writes <paramref name="batch"/> in one transaction, in order; a row whose id is already stored (or earlier in the batch) is ignored.</summary>
    public void Write(IReadOnlyList<RequestLogRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        Run(_begin);
        try
        {
            for (var start = 0; start < batch.Count;)
            {
                var rows = 1 << BitOperations.Log2((uint)Math.Min(RowsPerStatement, batch.Count - start));
                Insert(batch, start, rows);
                start += rows;
            }

            Run(_commit);
        }
        catch
        {
            if (raw.sqlite3_get_autocommit(_db) == 0)
            {
                // Best effort: the appender is not reused after a failure, and closing it rolls back too.
                SqliteNative.Step(_rollback.Raw);
                SqliteNative.Reset(_rollback.Raw);
            }

            throw;
        }
    }

    private void Insert(IReadOnlyList<RequestLogRecord> batch, int start, int rows)
    {
        var statement = _inserts[BitOperations.Log2((uint)rows)] ??= Prepare(InsertSql(rows));

        // Every parameter of every row is bound, a null value as NULL, so no value of an earlier chunk (or of one
        // that failed half-way) can outlive it; no sqlite3_clear_bindings pass over all of them first (each bind
        // releases the value it replaces anyway). A NULL, integer or real the parameter is known to hold already is
        // the value it would be bound to, so that call is skipped (Statement).
        _textUsed = 0;
        Array.Clear(_lastText);
        for (var k = 0; k < rows; k++)
        {
            Bind(statement, k * Columns, batch[start + k]);
        }

        Run(statement);
    }

    private void Bind(Statement s, int at, RequestLogRecord r)
    {
        Text(s, at, 1, r.Id);
        Timestamp(s, at + 2, r.Timestamp);
        Int64(s, at + 3, r.Timestamp.ToUnixTimeMilliseconds());
        Text(s, at, 4, r.Ingress);
        Text(s, at, 5, r.RequestedModel);
        Text(s, at, 6, r.Route);
        Text(s, at, 7, r.Tier);
        Text(s, at, 8, r.Rule);
        Text(s, at, 9, r.AnsweredBy);
        Int64(s, at + 10, r.Status);
        Text(s, at, 11, r.ErrorCode);
        Int64(s, at + 12, r.Stream ? 1 : 0);
        Double(s, at + 13, r.DurationMs);
        Double(s, at + 14, r.FirstByteMs);
        Int64(s, at + 15, r.InputTokens);
        Int64(s, at + 16, r.OutputTokens);
        Int64(s, at + 17, r.UsageReported ? 1 : 0);
        Text(s, at, 18, r.Source);
        Text(s, at, 19, r.Session);
        Text(s, at, 20, r.Kind);
        Int64(s, at + 21, r.Attempts.Count);
        AttemptsJson.Write(_json, _jsonWriter, r.Attempts);
        Utf8(s, at + 22, _json.WrittenSpan);
        Double(s, at + 23, r.CostUsd);
        Int64(s, at + 24, r.CostEstimated ? 1 : 0);
        Double(s, at + 25, r.QuotaUnits);
        Text(s, at, 26, r.ApiKey);
        Text(s, at, 27, r.Degradation);
        Text(s, at, 28, r.Loop);
        Text(s, at, 29, r.Complexity);
        Text(s, at, 30, r.TaskType);
        Int64(s, at + 31, r.Sensitive is { } sensitive ? (sensitive ? 1 : 0) : null);
        Text(s, at, 32, r.ClassifierSource);
        Text(s, at, 33, r.Channel);
        Int64(s, at + 34, r.PromptTokens);
        Int64(s, at + 35, r.MaxOutputTokens);
        Int64(s, at + 36, r.HasMedia is { } media ? (media ? 1 : 0) : null);
        Int64(s, at + 37, r.HasTools is { } tools ? (tools ? 1 : 0) : null);
        Text(s, at, 38, r.Cache);
        Text(s, at, 39, r.Body);
    }

    private void Int64(Statement s, int index, long? value)
    {
        if (value is not { } v)
        {
            Null(s, index);
        }
        else if (!s.Holds(index, Statement.Integer, v))
        {
            s.Forget(index);
            Check(SqliteNative.BindInt64(s.Raw, index, v));
            s.Remember(index, Statement.Integer, v);
        }
    }

    private void Double(Statement s, int index, double? value)
    {
        if (value is not { } v)
        {
            Null(s, index);
        }
        else if (!s.Holds(index, Statement.Real, BitConverter.DoubleToInt64Bits(v)))
        {
            s.Forget(index);
            Check(SqliteNative.BindDouble(s.Raw, index, v));
            s.Remember(index, Statement.Real, BitConverter.DoubleToInt64Bits(v));
        }
    }

    private void Null(Statement s, int index)
    {
        if (!s.Holds(index, Statement.NullValue, 0))
        {
            s.Forget(index);
            Check(SqliteNative.BindNull(s.Raw, index));
            s.Remember(index, Statement.NullValue, 0);
        }
    }

    private void Text(Statement s, int at, int column, string? value)
    {
        var index = at + column;
        if (value is null)
        {
            Null(s, index);
            return;
        }

        // Text is bound every time (its bytes move within the pinned buffer from chunk to chunk).
        s.Forget(index);
        ref var last = ref _lastText[column];
        if (ReferenceEquals(value, last.Value))
        {
            // The same string as this column had in an earlier row of the chunk (a route, tier or model name from the
            // config, a constant): its bytes are still in the pinned buffer.
            Check(SqliteNative.BindText(s.Raw, index, _textAddress + last.Offset, last.Length, SqliteNative.Static));
            return;
        }

        if (Encoding.UTF8.GetMaxByteCount(value.Length) <= TextCapacity - _textUsed)
        {
            // An empty string binds a zero-length text at a real address: "" stays "", not NULL.
            var offset = _textUsed;
            BindPinned(s, index, Encoding.UTF8.GetBytes(value, _text.AsSpan(_textUsed)));
            last = new PinnedText(value, offset, _textUsed - offset);
            return;
        }

        last = default;

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(value));
        try
        {
            Check(raw.sqlite3_bind_text(s.Handle, index, rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented))));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Utf8(Statement s, int index, ReadOnlySpan<byte> value)
    {
        s.Forget(index);
        if (value.Length <= TextCapacity - _textUsed)
        {
            value.CopyTo(_text.AsSpan(_textUsed));
            BindPinned(s, index, value.Length);
            return;
        }

        // SQLite copies it at once (SQLITE_TRANSIENT).
        Check(raw.sqlite3_bind_text(s.Handle, index, value));
    }

    // The ISO 8601 round-trip form ("O"), as DateTimeOffset.ToString("O") writes it, straight to UTF-8.
    private void Timestamp(Statement s, int index, DateTimeOffset value)
    {
        Span<byte> utf8 = stackalloc byte[64];
        if (!value.TryFormat(utf8, out var length, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("timestamp does not fit its buffer");
        }

        Utf8(s, index, utf8[..length]);
    }

    /// <summary>Binds the <paramref name="length"/> bytes just written at the pinned buffer's free space; they stay there until the chunk is stepped.</summary>
    private void BindPinned(Statement s, int index, int length)
    {
        Check(SqliteNative.BindText(s.Raw, index, _textAddress + _textUsed, length, SqliteNative.Static));
        _textUsed += length;
    }

    private void Run(Statement s)
    {
        var step = SqliteNative.Step(s.Raw);
        SqliteNative.Reset(s.Raw);
        if (step != SqliteNative.Done)
        {
            throw Error(step);
        }
    }

    private Statement Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var handle));
        return new Statement(handle, raw.sqlite3_bind_parameter_count(handle));
    }

    private static string InsertSql(int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", Columns)) + ")";
        return $"INSERT OR IGNORE INTO requests ({ColumnList}) VALUES {string.Join(",\n", Enumerable.Repeat(row, rows))};";
    }

    private void Check(int rc)
    {
        if (rc != SqliteNative.Ok)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_db).utf8_to_string() ?? $"sqlite error {rc}", rc);

    public void Dispose()
    {
        _jsonWriter.Dispose();
        foreach (var insert in _inserts)
        {
            insert?.Handle.Dispose();
        }

        _begin.Handle.Dispose();
        _commit.Handle.Dispose();
        _rollback.Handle.Dispose();
        _db.Dispose();
    }

    private readonly record struct PinnedText(string? Value, int Offset, int Length);

    /// <summary>
    /// A prepared statement: SQLitePCLRaw's handle (it owns it), its raw pointer for the per-value calls, and what each
    /// parameter holds when that is a NULL, an integer or a real (SQLite keeps a binding until it is replaced, across
    /// resets; every parameter starts as NULL). A parameter is forgotten before any bind, so one that failed, or text,
    /// is bound again next time.
    /// </summary>
    private sealed class Statement(sqlite3_stmt handle, int parameters)
    {
        public const byte Unknown = 0;
        public const byte NullValue = 1;
        public const byte Integer = 2;
        public const byte Real = 3;

        // Indexed by SQLite's 1-based parameter number.
        private readonly byte[] _kinds = NewKinds(parameters);
        private readonly long[] _values = new long[parameters + 1];

        public sqlite3_stmt Handle { get; } = handle;

        public IntPtr Raw { get; } = handle.DangerousGetHandle();

        public bool Holds(int index, byte kind, long value) => _kinds[index] == kind && _values[index] == value;

        public void Forget(int index) => _kinds[index] = Unknown;

        public void Remember(int index, byte kind, long value)
        {
            _kinds[index] = kind;
            _values[index] = value;
        }

        private static byte[] NewKinds(int parameters)
        {
            var kinds = new byte[parameters + 1];
            Array.Fill(kinds, NullValue);
            return kinds;
        }
    }
}
