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
                attempt_count INTEGER NOT NULL
            );
            CREATE INDEX ix_requests_ts ON requests(ts_unix_ms);
            CREATE TABLE attempts (
                request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                model TEXT NOT NULL,
                provider TEXT NOT NULL,
                credential TEXT,
                status INTEGER,
                outcome TEXT NOT NULL,
                reason TEXT,
                duration_ms REAL NOT NULL,
                PRIMARY KEY (request_id, seq)
            );
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

    /// <summary>Writes a batch of request-log rows (and their attempts) in one transaction.</summary>
    public void WriteRequests(IReadOnlyList<RequestLogRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var request = connection.CreateCommand();
        request.Transaction = tx;
        request.CommandText = """
            INSERT OR IGNORE INTO requests (id, ts, ts_unix_ms, ingress, requested_model, route, tier, rule, answered_by, status, error_code,
                stream, duration_ms, first_byte_ms, input_tokens, output_tokens, usage_reported, source, session, kind, attempt_count)
            VALUES ($id, $ts, $tsms, $ingress, $requested, $route, $tier, $rule, $answered, $status, $error,
                $stream, $duration, $ttfb, $in, $out, $reported, $source, $session, $kind, $count);
            """;
        var p = request.Parameters;
        var pId = p.Add("$id", SqliteType.Text);
        var pTs = p.Add("$ts", SqliteType.Text);
        var pTsMs = p.Add("$tsms", SqliteType.Integer);
        var pIngress = p.Add("$ingress", SqliteType.Text);
        var pRequested = p.Add("$requested", SqliteType.Text);
        var pRoute = p.Add("$route", SqliteType.Text);
        var pTier = p.Add("$tier", SqliteType.Text);
        var pRule = p.Add("$rule", SqliteType.Text);
        var pAnswered = p.Add("$answered", SqliteType.Text);
        var pStatus = p.Add("$status", SqliteType.Integer);
        var pError = p.Add("$error", SqliteType.Text);
        var pStream = p.Add("$stream", SqliteType.Integer);
        var pDuration = p.Add("$duration", SqliteType.Real);
        var pTtfb = p.Add("$ttfb", SqliteType.Real);
        var pIn = p.Add("$in", SqliteType.Integer);
        var pOut = p.Add("$out", SqliteType.Integer);
        var pReported = p.Add("$reported", SqliteType.Integer);
        var pSource = p.Add("$source", SqliteType.Text);
        var pSession = p.Add("$session", SqliteType.Text);
        var pKind = p.Add("$kind", SqliteType.Text);
        var pCount = p.Add("$count", SqliteType.Integer);

        using var attempt = connection.CreateCommand();
        attempt.Transaction = tx;
        attempt.CommandText = """
            INSERT OR IGNORE INTO attempts (request_id, seq, model, provider, credential, status, outcome, reason, duration_ms)
            VALUES ($rid, $seq, $model, $provider, $credential, $status, $outcome, $reason, $duration);
            """;
        var a = attempt.Parameters;
        var aRid = a.Add("$rid", SqliteType.Text);
        var aSeq = a.Add("$seq", SqliteType.Integer);
        var aModel = a.Add("$model", SqliteType.Text);
        var aProvider = a.Add("$provider", SqliteType.Text);
        var aCredential = a.Add("$credential", SqliteType.Text);
        var aStatus = a.Add("$status", SqliteType.Integer);
        var aOutcome = a.Add("$outcome", SqliteType.Text);
        var aReason = a.Add("$reason", SqliteType.Text);
        var aDuration = a.Add("$duration", SqliteType.Real);

        foreach (var r in batch)
        {
            pId.Value = r.Id;
            pTs.Value = r.Timestamp.ToString("O");
            pTsMs.Value = r.Timestamp.ToUnixTimeMilliseconds();
            pIngress.Value = r.Ingress;
            pRequested.Value = (object?)r.RequestedModel ?? DBNull.Value;
            pRoute.Value = (object?)r.Route ?? DBNull.Value;
            pTier.Value = (object?)r.Tier ?? DBNull.Value;
            pRule.Value = (object?)r.Rule ?? DBNull.Value;
            pAnswered.Value = (object?)r.AnsweredBy ?? DBNull.Value;
            pStatus.Value = r.Status;
            pError.Value = (object?)r.ErrorCode ?? DBNull.Value;
            pStream.Value = r.Stream ? 1 : 0;
            pDuration.Value = r.DurationMs;
            pTtfb.Value = (object?)r.FirstByteMs ?? DBNull.Value;
            pIn.Value = r.InputTokens;
            pOut.Value = r.OutputTokens;
            pReported.Value = r.UsageReported ? 1 : 0;
            pSource.Value = (object?)r.Source ?? DBNull.Value;
            pSession.Value = (object?)r.Session ?? DBNull.Value;
            pKind.Value = (object?)r.Kind ?? DBNull.Value;
            pCount.Value = r.Attempts.Count;
            request.ExecuteNonQuery();

            for (var i = 0; i < r.Attempts.Count; i++)
            {
                var at = r.Attempts[i];
                aRid.Value = r.Id;
                aSeq.Value = i + 1;
                aModel.Value = at.Model;
                aProvider.Value = at.Provider;
                aCredential.Value = (object?)at.Credential ?? DBNull.Value;
                aStatus.Value = (object?)at.Status ?? DBNull.Value;
                aOutcome.Value = at.Outcome;
                aReason.Value = (object?)at.Reason ?? DBNull.Value;
                aDuration.Value = at.DurationMs;
                attempt.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }
}
