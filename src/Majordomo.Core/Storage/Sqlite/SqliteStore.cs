using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Majordomo.Storage.Sqlite;

/// <summary>
/// The embedded store (SPEC §5): one SQLite file in WAL mode, versioned migrations applied at start.
/// Connections are opened per unit of work; Microsoft.Data.Sqlite pools them. Each kind of state has
/// its own class here implementing its interface in <c>Storage/</c>; <see cref="CreateSet"/> builds them all.
/// </summary>
internal sealed class SqliteStore : IStore
{
    private readonly string _connectionString;
    private readonly string _createString;

    public SqliteStore(string path)
    {
        Path = path;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();

        // Only the migration creates the file. Any other connection made with Create after the file was
        // deleted would make a new, empty one at the path: writes would fail on missing tables and the
        // probe would call the store reachable again. Without Create they fail as what they are.
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _createString = builder.ToString();
    }

    public string Path { get; }

    public string Kind => "sqlite";

    /// <summary>The errors that mean "the store failed" (not a bug): wrapped in <see cref="StoreException"/> at the seam.</summary>
    internal static bool IsFailure(Exception ex) => ex is SqliteException or IOException or InvalidOperationException;

    internal static StoreException Fail(Exception ex) => new(ex.Message, ex);

    /// <summary>Runs <paramref name="work"/> in one transaction on a fresh connection; store failures come out as <see cref="StoreException"/>.</summary>
    internal void InTransaction<TState>(TState state, Action<SqliteConnection, SqliteTransaction, TState> work)
    {
        try
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction();
            work(connection, tx, state);
            tx.Commit();
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
    }

    /// <summary>Runs one statement with one parameter (a purge, a cleanup); returns the rows changed.</summary>
    internal static int Execute(SqliteConnection connection, string sql, string name, object value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs one query (with at most one parameter) and maps each row it returns.</summary>
    internal static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, string? name = null, object? value = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var rows = command.ExecuteReader();
        var list = new List<T>();
        while (rows.Read())
        {
            list.Add(map(rows));
        }

        return list;
    }

    /// <summary>Closes pooled connections so the files can be deleted (a temporary store).</summary>
    public static void ReleaseFiles() => SqliteConnection.ClearAllPools();

    /// <summary>The stores of every kind of state, over this one file.</summary>
    public StoreSet CreateSet()
    {
        var budgets = new SqliteBudgetStore(this);
        return new StoreSet(this, new SqliteRequestLogStore(this), budgets, budgets, new SqliteSessionPinStore(this), new SqliteLoopSessionStore(this), new SqliteHealthLogStore(this),
            new UnsharedLiveState());
    }

    public ValueTask<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return ValueTask.FromResult(Migrate());
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
    }

    public ValueTask<StoreProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        // An open connection keeps writing into a deleted file's inode without an error: every row
        // from then on is lost at the next restart. Only the path tells.
        if (!File.Exists(Path))
        {
            return ValueTask.FromResult(new StoreProbe(false, $"the database file '{Path}' was deleted or moved while in use; rows written now are lost (restore it, or restart to create a new one)"));
        }

        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            command.ExecuteScalar();
            return ValueTask.FromResult(new StoreProbe(true, null));
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            return ValueTask.FromResult(new StoreProbe(false, ex.Message));
        }
    }

    public ValueTask<StoreSchema> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        var known = Migrations.Select(m => m.Version);
        if (!File.Exists(Path))
        {
            return ValueTask.FromResult(StoreSchema.From([], known));
        }

        try
        {
            using var connection = Open();
            return ValueTask.FromResult(StoreSchema.From(Applied(connection), known));
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
    }

    private static HashSet<int> Applied(SqliteConnection connection)
    {
        var applied = new HashSet<int>();
        if (!TableExists(connection, "schema_migrations"))
        {
            return applied;
        }

        using var query = connection.CreateCommand();
        query.CommandText = "SELECT version FROM schema_migrations;";
        using var rows = query.ExecuteReader();
        while (rows.Read())
        {
            applied.Add(rows.GetInt32(0));
        }

        return applied;
    }

    private static bool TableExists(SqliteConnection connection, string name)
    {
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n;";
        query.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Migrations in order; a migration is never edited once shipped, only followed by a new one.
    /// Each version is applied once if absent (not "everything above the max"), so areas developed in
    /// parallel can reserve numbers: 2 sessions (routing), 3 health log and live resilience state,
    /// 4 loop guard, 5 budgets/usage/alerts.
    /// </summary>
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
        (2, "sessions", """
            -- One row per session that was ever pinned with /use; pin is NULL once cleared (/use default).
            CREATE TABLE sessions (
                session_id TEXT PRIMARY KEY,
                pin TEXT,
                updated_at TEXT NOT NULL
            );
            """),
        (3, "health log and live resilience state", """
            -- One row per active health check and per change of a model's health seen in real traffic.
            CREATE TABLE health_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ts TEXT NOT NULL,
                ts_unix_ms INTEGER NOT NULL,
                provider TEXT NOT NULL,
                model TEXT,
                source TEXT NOT NULL,          -- active | passive
                ok INTEGER NOT NULL,           -- this check or request succeeded
                healthy INTEGER NOT NULL,      -- the model's state after it
                latency_ms REAL,
                error TEXT
            );
            CREATE INDEX ix_health_log_ts ON health_log(ts_unix_ms);
            -- Cooldowns in force, so a restart does not hammer a key that is rate limited or unpaid.
            CREATE TABLE cooldowns (
                provider TEXT NOT NULL,
                credential TEXT NOT NULL,      -- credential id, never the key
                model TEXT NOT NULL,           -- '*' = every model of the provider
                reason TEXT NOT NULL,
                strikes INTEGER NOT NULL,
                until_unix_ms INTEGER NOT NULL,
                PRIMARY KEY (provider, credential, model)
            );
            """),
        (4, "loop guard", """
            -- The loop guard's verdict for the request (X-Router-Loop), e.g. 'warning;repeat=6'; NULL when none.
            ALTER TABLE requests ADD COLUMN loop TEXT;
            -- Sessions currently in a tool loop: the last level reported and the detector/count behind it.
            CREATE TABLE loop_sessions (
                session TEXT PRIMARY KEY,
                level TEXT NOT NULL,
                detector TEXT NOT NULL,
                count INTEGER NOT NULL,
                updated_unix_ms INTEGER NOT NULL
            );
            """),
        (5, "budgets, usage counters, alerts", """
            ALTER TABLE requests ADD COLUMN cost_usd REAL;
            ALTER TABLE requests ADD COLUMN cost_estimated INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE requests ADD COLUMN quota_units REAL NOT NULL DEFAULT 0;
            -- The gateway API key's configured name, never the key.
            ALTER TABLE requests ADD COLUMN api_key TEXT;
            ALTER TABLE requests ADD COLUMN degradation TEXT;
            -- One row per counted scope and period ('quota:premium' / 'm2026-11-01'); 'used' includes
            -- reservations in flight, so a crash can over-count an unanswered request but never lose one.
            CREATE TABLE budget_counters (
                scope TEXT NOT NULL,
                period TEXT NOT NULL,
                used REAL NOT NULL,
                updated_unix_ms INTEGER NOT NULL,
                PRIMARY KEY (scope, period)
            );
            -- One row per threshold crossed per period: the primary key makes each fire once.
            CREATE TABLE budget_alerts (
                scope TEXT NOT NULL,
                period TEXT NOT NULL,
                threshold REAL NOT NULL,
                budget TEXT NOT NULL,
                used REAL NOT NULL,
                limit_value REAL NOT NULL,
                ts TEXT NOT NULL,
                webhook TEXT,
                PRIMARY KEY (scope, period, threshold)
            );
            """),
        (6, "classification", """
            -- Tier 2's answer for a classified request (SPEC §1.3); null when no classification ran.
            ALTER TABLE requests ADD COLUMN complexity TEXT;
            ALTER TABLE requests ADD COLUMN task_type TEXT;
            ALTER TABLE requests ADD COLUMN sensitive INTEGER;
            ALTER TABLE requests ADD COLUMN classifier_source TEXT;
            """),
        (7, "replay fields", """
            -- What majordomo simulate needs to route a row again without its text (issue 17); the prompt
            -- facts are null when nothing read the prompt (a request naming a model). body only with
            -- storage.logPrompts, secrets redacted.
            ALTER TABLE requests ADD COLUMN channel TEXT;
            ALTER TABLE requests ADD COLUMN prompt_tokens INTEGER;
            ALTER TABLE requests ADD COLUMN max_output_tokens INTEGER;
            ALTER TABLE requests ADD COLUMN has_media INTEGER;
            ALTER TABLE requests ADD COLUMN has_tools INTEGER;
            ALTER TABLE requests ADD COLUMN cache TEXT;
            ALTER TABLE requests ADD COLUMN body TEXT;
            """),
        (8, "cooldown stamps", """
            -- The stamp a cooldown was set with (ticks, never below one the instance knew of): a clear removes
            -- the row only if it names it or a newer one, and an older cooldown never replaces a newer row.
            ALTER TABLE cooldowns ADD COLUMN set_at INTEGER NOT NULL DEFAULT 0;
            """),
    ];

    /// <summary>
    /// Set on every connection (the request writer's own too): WAL with synchronous NORMAL loses no committed
    /// row to a process crash. The busy timeout comes first: <c>synchronous</c> reads the schema, and on a
    /// connection with no timeout yet a moment's lock by another (a connection closing and checkpointing the
    /// WAL) failed it at once — the request writer's connection then failed to open.
    /// </summary>
    internal const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public SqliteConnection Open() => Open(_connectionString);

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas;
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

        using var connection = Open(_createString);
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

        var applied = Applied(connection);
        var current = applied.Count == 0 ? 0 : applied.Max();
        var latest = Migrations.Max(m => m.Version);
        if (current > latest)
        {
            throw new InvalidOperationException($"the store '{Path}' has schema version {current}, newer than this build knows ({latest}); upgrade Majordomo");
        }

        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version))
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

    /// <summary>A connection of its own with the inserts prepared once, for a caller that writes batch after batch.</summary>
    public SqliteRequestWriter OpenRequestWriter() => new(Path);
}
