using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Majordomo.Execution;
using Microsoft.Data.Sqlite;

namespace Majordomo.Storage.Sqlite;

/// <summary>
/// The embedded store (SPEC §5): one SQLite file in WAL mode, versioned migrations applied at start.
/// Connections are opened per unit of work; Microsoft.Data.Sqlite pools them.
/// </summary>
public sealed class SqliteStore
{
    private readonly string _connectionString;

    public SqliteStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Migrations in order; a migration is never edited once shipped, only followed by a new one.</summary>
    internal static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "request log", """
            CREATE TABLE requests (
                id TEXT PRIMARY KEY,
                ts TEXT NOT NULL,
                ts_unix_ms INTEGER NOT NULL,
                ingress TEXT NOT NULL,
                requested_model TEXT,
                route TEXT,
                tier TEXT,
                rule TEXT,
                answered_by TEXT,
                status INTEGER NOT NULL,
                error_code TEXT,
                stream INTEGER NOT NULL,
                duration_ms REAL NOT NULL,
                first_byte_ms REAL,
                input_tokens INTEGER NOT NULL,
                output_tokens INTEGER NOT NULL,
                usage_reported INTEGER NOT NULL,
                source TEXT,
                session TEXT,
                kind TEXT,
                attempt_count INTEGER NOT NULL,
                -- JSON array, one object per upstream call: model, provider, credential (id), status,
                -- outcome, reason, duration_ms. Query with json_each(attempts).
                attempts TEXT NOT NULL
            );
            CREATE INDEX ix_requests_ts ON requests(ts_unix_ms);
            """),
    ];

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Creates the file if needed, switches it to WAL, applies missing migrations. Returns the schema version.</summary>
    public int Migrate()
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        var current = 0;
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
            current = Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var latest = Migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException($"the store '{Path}' has schema version {current}, newer than this build knows ({latest}); upgrade Majordomo");
        }

        foreach (var (version, name, sql) in Migrations)
        {
            if (version <= current)
            {
                continue;
            }

            using var tx = connection.BeginTransaction();
            using (var apply = connection.CreateCommand())
            {
                apply.Transaction = tx;
                apply.CommandText = sql;
                apply.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES ($v, $n, $t);";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
                record.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return latest;
    }

    /// <summary>Writes a batch of request-log rows in one transaction (opens a writer for the call).</summary>
    public void WriteRequests(IReadOnlyList<RequestLogRecord> batch)
    {
        using var writer = OpenRequestWriter();
        writer.Write(batch);
    }

    /// <summary>A connection with the insert prepared once, for a caller that writes batch after batch.</summary>
    public RequestWriter OpenRequestWriter() => new(Open());

    public sealed class RequestWriter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _p;
        private readonly ArrayBufferWriter<byte> _json = new(1024);

        internal RequestWriter(SqliteConnection connection)
        {
            _connection = connection;
            _insert = connection.CreateCommand();
            _insert.CommandText = """
                INSERT OR IGNORE INTO requests (id, ts, ts_unix_ms, ingress, requested_model, route, tier, rule, answered_by, status, error_code,
                    stream, duration_ms, first_byte_ms, input_tokens, output_tokens, usage_reported, source, session, kind, attempt_count, attempts)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20, $p21);
                """;
            _p = new SqliteParameter[22];
            for (var i = 0; i < _p.Length; i++)
            {
                _p[i] = _insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
            }

            _insert.Prepare();
        }

        public void Write(IReadOnlyList<RequestLogRecord> batch)
        {
            if (batch.Count == 0)
            {
                return;
            }

            using var tx = _connection.BeginTransaction();
            _insert.Transaction = tx;
            foreach (var r in batch)
            {
                _p[0].Value = r.Id;
                _p[1].Value = r.Timestamp.ToString("O", CultureInfo.InvariantCulture);
                _p[2].Value = r.Timestamp.ToUnixTimeMilliseconds();
                _p[3].Value = r.Ingress;
                _p[4].Value = (object?)r.RequestedModel ?? DBNull.Value;
                _p[5].Value = (object?)r.Route ?? DBNull.Value;
                _p[6].Value = (object?)r.Tier ?? DBNull.Value;
                _p[7].Value = (object?)r.Rule ?? DBNull.Value;
                _p[8].Value = (object?)r.AnsweredBy ?? DBNull.Value;
                _p[9].Value = r.Status;
                _p[10].Value = (object?)r.ErrorCode ?? DBNull.Value;
                _p[11].Value = r.Stream ? 1 : 0;
                _p[12].Value = r.DurationMs;
                _p[13].Value = (object?)r.FirstByteMs ?? DBNull.Value;
                _p[14].Value = r.InputTokens;
                _p[15].Value = r.OutputTokens;
                _p[16].Value = r.UsageReported ? 1 : 0;
                _p[17].Value = (object?)r.Source ?? DBNull.Value;
                _p[18].Value = (object?)r.Session ?? DBNull.Value;
                _p[19].Value = (object?)r.Kind ?? DBNull.Value;
                _p[20].Value = r.Attempts.Count;
                _p[21].Value = AttemptsJson(r.Attempts);
                _insert.ExecuteNonQuery();
            }

            tx.Commit();
            _insert.Transaction = null;
        }

        private string AttemptsJson(IReadOnlyList<AttemptRecord> attempts)
        {
            _json.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(_json))
            {
                w.WriteStartArray();
                foreach (var a in attempts)
                {
                    w.WriteStartObject();
                    w.WriteString("model", a.Model);
                    w.WriteString("provider", a.Provider);
                    w.WriteString("credential", a.Credential);
                    if (a.Status is { } status)
                    {
                        w.WriteNumber("status", status);
                    }
                    else
                    {
                        w.WriteNull("status");
                    }

                    w.WriteString("outcome", a.Outcome);
                    w.WriteString("reason", a.Reason);
                    w.WriteNumber("duration_ms", Math.Round(a.DurationMs, 3));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            return Encoding.UTF8.GetString(_json.WrittenSpan);
        }

        public void Dispose()
        {
            _insert.Dispose();
            _connection.Dispose();
        }
    }
}
