using Majordomo.Execution;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Majordomo.Tests.Storage;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static RequestLogRecord Record(string id, int attempts = 0) => new()
    {
        Id = id,
        Timestamp = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero),
        Ingress = "openai",
        RequestedModel = "default",
        Route = "default",
        Tier = "route",
        Rule = "bulk",
        AnsweredBy = "p/m",
        Status = 200,
        Stream = true,
        DurationMs = 123.5,
        FirstByteMs = 45.25,
        InputTokens = 100,
        OutputTokens = 20,
        UsageReported = true,
        Source = "user",
        Session = "s-1",
        Kind = "run",
        Attempts = Enumerable.Range(1, attempts)
            .Select(i => new AttemptRecord("p/m" + i, "p", "main", i == attempts ? 200 : 503, i == attempts ? "ok" : "failed", i == attempts ? null : "transient", i * 10.0))
            .ToArray(),
    };

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Migrate_NewFile_CreatesTablesInWalMode()
    {
        var store = new SqliteStore(_dir.File("sub/dir/majordomo.db"));

        var version = store.Migrate();

        Assert.Equal(SqliteStore.Migrations.Max(m => m.Version), version);
        Assert.True(File.Exists(_dir.File("sub/dir/majordomo.db")));
        using var connection = store.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('requests', 'schema_migrations');"));
        Assert.Equal((long)SqliteStore.Migrations.Length, Scalar(connection, "SELECT COUNT(*) FROM schema_migrations;"));
    }

    [Fact]
    public void Migrate_Twice_IsIdempotent()
    {
        var store = new SqliteStore(_dir.File("m.db"));
        store.Migrate();
        store.WriteRequests([Record("r1")]);

        var version = new SqliteStore(_dir.File("m.db")).Migrate();

        Assert.Equal(SqliteStore.Migrations.Max(m => m.Version), version);
        using var connection = store.Open();
        Assert.Equal((long)SqliteStore.Migrations.Length, Scalar(connection, "SELECT COUNT(*) FROM schema_migrations;"));
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM requests;"));
    }

    [Fact]
    public async Task FileDeletedAfterMigration_WritesFailAndTheFileIsNotRecreated()
    {
        var path = _dir.File("gone.db");
        var store = new SqliteStore(path);
        store.Migrate();
        SqliteStore.ReleaseFiles();

        File.Delete(path);

        Assert.ThrowsAny<SqliteException>(() => store.WriteRequests([Record("lost")]));
        Assert.False(File.Exists(path));
        Assert.False((await store.ProbeAsync(CancellationToken.None)).Reachable);
    }

    [Fact]
    public void Migrate_NewerSchemaVersion_Refused()
    {
        var store = new SqliteStore(_dir.File("new.db"));
        store.Migrate();
        using (var connection = store.Open())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES (99, 'future', '2099-01-01');";
            insert.ExecuteNonQuery();
        }

        var ex = Assert.Throws<InvalidOperationException>(() => store.Migrate());

        Assert.Contains($"schema version 99, newer than this build knows ({SqliteStore.Migrations.Max(m => m.Version)})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRequests_RecordWithAttempts_WritesRowAndOrderedAttempts()
    {
        var store = new SqliteStore(_dir.File("w.db"));
        store.Migrate();

        store.WriteRequests([Record("req-1", attempts: 3)]);

        using var connection = store.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT ts, ts_unix_ms, ingress, requested_model, route, tier, rule, answered_by, status, error_code, stream, duration_ms, first_byte_ms, input_tokens, output_tokens, usage_reported, source, session, kind, attempt_count FROM requests WHERE id = 'req-1';";
        using (var row = query.ExecuteReader())
        {
            Assert.True(row.Read());
            Assert.Equal("2025-03-04T05:06:07.8900000+00:00", row.GetString(0));
            Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero).ToUnixTimeMilliseconds(), row.GetInt64(1));
            Assert.Equal(["openai", "default", "default", "route", "bulk", "p/m"], Enumerable.Range(2, 6).Select(row.GetString));
            Assert.Equal(200, row.GetInt32(8));
            Assert.True(row.IsDBNull(9));
            Assert.Equal(1, row.GetInt32(10));
            Assert.Equal(123.5, row.GetDouble(11));
            Assert.Equal(45.25, row.GetDouble(12));
            Assert.Equal((100L, 20L, 1L), (row.GetInt64(13), row.GetInt64(14), row.GetInt64(15)));
            Assert.Equal(["user", "s-1", "run"], Enumerable.Range(16, 3).Select(row.GetString));
            Assert.Equal(3, row.GetInt32(19));
            Assert.False(row.Read());
        }

        query.CommandText = """
            SELECT a.key + 1, json_extract(a.value, '$.model'), json_extract(a.value, '$.provider'), json_extract(a.value, '$.credential'),
                   json_extract(a.value, '$.status'), json_extract(a.value, '$.outcome'), json_extract(a.value, '$.reason'), json_extract(a.value, '$.duration_ms')
            FROM requests r, json_each(r.attempts) a WHERE r.id = 'req-1' ORDER BY a.key;
            """;
        using var attempts = query.ExecuteReader();
        var seen = new List<string>();
        while (attempts.Read())
        {
            seen.Add($"{attempts.GetInt32(0)}|{attempts.GetString(1)}|{attempts.GetString(2)}|{attempts.GetString(3)}|{attempts.GetInt32(4)}|{attempts.GetString(5)}|{(attempts.IsDBNull(6) ? "null" : attempts.GetString(6))}|{attempts.GetDouble(7)}");
        }

        Assert.Equal(
        [
            "1|p/m1|p|main|503|failed|transient|10",
            "2|p/m2|p|main|503|failed|transient|20",
            "3|p/m3|p|main|200|ok|null|30",
        ], seen);
    }

    [Fact]
    public void WriteRequests_RecordWithNulls_WritesNullColumns()
    {
        var store = new SqliteStore(_dir.File("n.db"));
        store.Migrate();
        var record = new RequestLogRecord
        {
            Id = "bare",
            Timestamp = DateTimeOffset.UnixEpoch,
            Ingress = "openai",
            Status = 404,
            ErrorCode = "model_not_found",
            Attempts = [new AttemptRecord("p/m", "p", null, null, "error", null, 0)],
        };

        store.WriteRequests([record]);

        using var connection = store.Open();
        Assert.Equal(9L, Scalar(connection, "SELECT (requested_model IS NULL) + (route IS NULL) + (tier IS NULL) + (rule IS NULL) + (answered_by IS NULL) + (first_byte_ms IS NULL) + (source IS NULL) + (session IS NULL) + (kind IS NULL) + (error_code IS NULL) FROM requests WHERE id = 'bare';"));
        Assert.Equal("model_not_found", Scalar(connection, "SELECT error_code FROM requests WHERE id = 'bare';"));
        Assert.Equal(2L, Scalar(connection, "SELECT (json_extract(a.value, '$.credential') IS NULL) + (json_extract(a.value, '$.status') IS NULL) FROM requests r, json_each(r.attempts) a WHERE r.id = 'bare';"));
    }

    [Fact]
    public void WriteRequests_DuplicateId_IsIgnoredNotThrown()
    {
        var store = new SqliteStore(_dir.File("d.db"));
        store.Migrate();

        store.WriteRequests([Record("same", 1), Record("same", 2)]);
        store.WriteRequests([Record("same", 1)]);

        using var connection = store.Open();
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM requests;"));
        Assert.Equal(1L, Scalar(connection, "SELECT attempt_count FROM requests;"));
    }

    [Fact]
    public void WriteRequests_EmptyBatch_DoesNothing()
    {
        var store = new SqliteStore(_dir.File("e.db"));
        store.Migrate();

        store.WriteRequests([]);

        using var connection = store.Open();
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM requests;"));
    }

    [Fact]
    public void Open_Connection_HasForeignKeysOn()
    {
        var store = new SqliteStore(_dir.File("fk.db"));
        store.Migrate();
        using var connection = store.Open();

        Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys;"));
    }

    [Fact]
    public void OpenRequestWriter_ManyBatches_ReusesOnePreparedInsert()
    {
        var store = new SqliteStore(_dir.File("many.db"));
        store.Migrate();

        using (var writer = store.OpenRequestWriter())
        {
            for (var b = 0; b < 5; b++)
            {
                writer.Write(Enumerable.Range(0, 20).Select(i => Record($"b{b}-{i}", attempts: 2)).ToList());
            }
        }

        using var connection = store.Open();
        Assert.Equal(100L, Scalar(connection, "SELECT COUNT(*) FROM requests;"));
        Assert.Equal(200L, Scalar(connection, "SELECT COUNT(*) FROM requests r, json_each(r.attempts);"));
    }
}
