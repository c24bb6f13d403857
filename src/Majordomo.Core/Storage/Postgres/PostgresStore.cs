using System.Net.Sockets;
using Npgsql;

namespace Majordomo.Storage.Postgres;

/// <summary>
/// The shared store of a fleet (SPEC §5, <c>storage.postgres</c>): one PostgreSQL database, reached
/// through one pooled <see cref="NpgsqlDataSource"/>; every call is asynchronous. Migrations are
/// applied at start in one transaction under an advisory lock, so instances starting together
/// apply them once. Each kind of state has its own class here; <see cref="CreateSet"/> builds them all.
/// </summary>
internal sealed class PostgresStore : IStore, IDisposable
{
    /// <summary>The advisory lock key that serialises migrations ("MAJORDOMO" in ASCII, truncated).</summary>
    private const long MigrationLock = 0x4D414A4F52444F4D;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    /// <summary>Builds the data source; a connection string Npgsql refuses is a <see cref="StoreException"/> (no connection is made yet).</summary>
    public PostgresStore(string connectionString, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the string (it may hold a password).
            throw new StoreException("storage.postgres is not a valid connection string: " + ex.Message, ex);
        }

        var settings = builder.ConnectionStringBuilder;

        // A database that does not answer must not hold a request for Npgsql's default 15/30 s.
        if (!settings.ContainsKey("Timeout"))
        {
            settings.Timeout = 5;
        }

        if (!settings.ContainsKey("Command Timeout"))
        {
            settings.CommandTimeout = 10;
        }

        // Npgsql's default of 100 per instance lets a few instances exhaust the server's max_connections
        // (100 by default); one statement per round trip needs far fewer.
        if (!settings.ContainsKey("Maximum Pool Size"))
        {
            settings.MaxPoolSize = 25;
        }

        // The same few statements run all day: let Npgsql prepare them on the server.
        if (!settings.ContainsKey("Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 32;
        }

        settings.ApplicationName ??= "majordomo";
        _dataSource = builder.Build();
    }

    public string Kind => "postgres";

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>The errors that mean "the database failed" (not a bug): wrapped in <see cref="StoreException"/> at the seam.</summary>
    internal static bool IsFailure(Exception ex) => ex is NpgsqlException or TimeoutException or IOException or SocketException;

    internal static StoreException Fail(Exception ex) => new(ex.Message, ex);

    /// <summary>The stores of every kind of state, over this one database.</summary>
    public StoreSet CreateSet()
    {
        var budgets = new PostgresBudgetStore(this);
        var health = new PostgresHealthLogStore(this);
        return new StoreSet(this, new PostgresRequestLogStore(this), budgets, budgets, new PostgresSessionPinStore(this), new PostgresLoopSessionStore(this),
            health, new PostgresLiveStateStore(this, health, _time));
    }

    // Every call is awaited on Npgsql's async API, with the caller's token: no thread waits during a round trip
    // or for a free connection of the pool. A call waited on with a thread (Npgsql's synchronous API, or a
    // synchronous wait on its async I/O) holds a pool thread for the round trip's length, and a burst of them
    // waiting on one row lock held every thread while the gateway's other work (upstream connects) stalled
    // until it timed out. Callers on the request path await (budgets, /use, the request log's and alerts' reads);
    // the writers await on their own loops, or wait on a thread of their own (the request log and loop state).

    /// <summary>Runs a batch of statements in one round trip (an implicit transaction); store failures come out as <see cref="StoreException"/>.</summary>
    internal async ValueTask ExecuteAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            batch.Connection = connection;
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
        finally
        {
            await batch.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A single value (or none) of a query, awaited as <see cref="ExecuteAsync"/> is.</summary>
    internal async ValueTask<T?> ScalarAsync<T>(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is T t ? t : default;
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
        finally
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query and reads every row with <paramref name="read"/>, awaited as <see cref="ExecuteAsync"/> is; store failures come out as <see cref="StoreException"/>.</summary>
    internal async ValueTask<IReadOnlyList<T>> QueryAsync<T>(NpgsqlBatch batch, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            batch.Connection = connection;
            await using var rows = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var list = new List<T>();

            // The query is the batch's last statement; the ones before it (a purge) return no rows.
            do
            {
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(read(rows));
                }
            }
            while (await rows.NextResultAsync(cancellationToken).ConfigureAwait(false));

            return list;
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
        finally
        {
            await batch.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs one step of an iterator (which cannot yield inside a try/catch); store failures come out as <see cref="StoreException"/>.</summary>
    internal static async Task<T> GuardAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
    }

    /// <summary>
    /// A batch command with positional parameters (<c>$1</c>, <c>$2</c> …) in the order given. A lone
    /// array argument must be cast to <see cref="object"/>, or C# passes it as the parameter list itself.
    /// </summary>
    internal static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>A batch of one or more commands.</summary>
    internal static NpgsqlBatch Batch(params NpgsqlBatchCommand[] commands)
    {
        var batch = new NpgsqlBatch();
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    public async ValueTask<StoreProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1;");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return new StoreProbe(true, null);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            return new StoreProbe(false, ex.Message);
        }
    }

    public async ValueTask<StoreSchema> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var applied = await AppliedAsync(connection, null, cancellationToken).ConfigureAwait(false);
            return StoreSchema.From(applied, Migrations.Select(m => m.Version));
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
    }

    public async ValueTask<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Held until the transaction ends: a second instance starting now waits here, then finds
            // every migration applied. DDL is transactional in PostgreSQL, so a failure leaves nothing half-done.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, tx))
            {
                lockCommand.Parameters.Add(new NpgsqlParameter { Value = MigrationLock });
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());", connection, tx))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var applied = await AppliedAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            var latest = Migrations.Max(m => m.Version);
            if (applied.Count > 0 && applied.Max() > latest)
            {
                throw new StoreException($"the PostgreSQL database has schema version {applied.Max()}, newer than this build knows ({latest}); upgrade Majordomo");
            }

            foreach (var (version, name, sql) in Migrations)
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var apply = new NpgsqlCommand(sql, connection, tx);
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2);", connection, tx);
                record.Parameters.Add(new NpgsqlParameter { Value = version });
                record.Parameters.Add(new NpgsqlParameter { Value = name });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return latest;
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw Fail(ex);
        }
    }

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection, tx))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return applied;
            }
        }

        await using var query = new NpgsqlCommand("SELECT version FROM schema_migrations;", connection, tx);
        await using var rows = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(rows.GetInt32(0));
        }

        return applied;
    }

    /// <summary>
    /// Migrations in order; a migration is never edited once shipped, only followed by a new one.
    /// Version 1 is the schema of SQLite's versions 1–6 in PostgreSQL's types (timestamps as
    /// <c>timestamptz</c>, attempts as <c>jsonb</c>) plus the reservation function.
    /// </summary>
    internal static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "request log, sessions, health log, cooldowns, loop guard, budgets", """
            CREATE TABLE requests (
                id text PRIMARY KEY,
                -- Write order, for rows of one timestamp (GET /v1/requests newest first).
                seq bigint GENERATED ALWAYS AS IDENTITY,
                ts timestamptz NOT NULL,
                ingress text NOT NULL,
                requested_model text,
                route text,
                tier text,
                rule text,
                answered_by text,
                status integer NOT NULL,
                error_code text,
                stream boolean NOT NULL,
                duration_ms double precision NOT NULL,
                first_byte_ms double precision,
                input_tokens bigint NOT NULL,
                output_tokens bigint NOT NULL,
                usage_reported boolean NOT NULL,
                source text,
                session text,
                kind text,
                attempt_count integer NOT NULL,
                -- One object per upstream call: model, provider, credential (id), status, outcome, reason, duration_ms.
                attempts jsonb NOT NULL,
                loop text,
                cost_usd double precision,
                cost_estimated boolean NOT NULL DEFAULT false,
                quota_units double precision NOT NULL DEFAULT 0,
                -- The gateway API key's configured name, never the key.
                api_key text,
                degradation text,
                complexity text,
                task_type text,
                sensitive boolean,
                classifier_source text
            );
            CREATE INDEX ix_requests_ts ON requests (ts);

            -- One row per session that was ever pinned with /use; pin is NULL once cleared.
            CREATE TABLE sessions (
                session_id text PRIMARY KEY,
                pin text,
                updated_at timestamptz NOT NULL
            );

            CREATE TABLE health_log (
                id bigserial PRIMARY KEY,
                ts timestamptz NOT NULL,
                provider text NOT NULL,
                model text,
                source text NOT NULL,
                ok boolean NOT NULL,
                healthy boolean NOT NULL,
                latency_ms double precision,
                error text
            );
            CREATE INDEX ix_health_log_ts ON health_log (ts);

            CREATE TABLE cooldowns (
                provider text NOT NULL,
                credential text NOT NULL,
                model text NOT NULL,
                reason text NOT NULL,
                strikes integer NOT NULL,
                until timestamptz NOT NULL,
                PRIMARY KEY (provider, credential, model)
            );

            CREATE TABLE loop_sessions (
                session text PRIMARY KEY,
                level text NOT NULL,
                detector text NOT NULL,
                count integer NOT NULL,
                updated_at timestamptz NOT NULL
            );

            -- 'used' includes reservations in flight, so a crash can over-count an unanswered request but never lose one.
            CREATE TABLE budget_counters (
                scope text NOT NULL,
                period text NOT NULL,
                used double precision NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (scope, period)
            );

            CREATE TABLE budget_alerts (
                scope text NOT NULL,
                period text NOT NULL,
                threshold double precision NOT NULL,
                budget text NOT NULL,
                used double precision NOT NULL,
                limit_value double precision NOT NULL,
                ts timestamptz NOT NULL,
                webhook text,
                PRIMARY KEY (scope, period, threshold)
            );
            CREATE INDEX ix_budget_alerts_ts ON budget_alerts (ts);

            -- Holds every amount or none, in one round trip: each counter is added to with a conditional
            -- upsert that only passes while used + amount stays within the limit (row locks make it exact
            -- across instances); one that does not fit raises MJ001, which rolls back the ones before it.
            -- Counters are taken in (scope, period) order so two reservations never deadlock.
            CREATE FUNCTION majordomo_reserve(p_scopes text[], p_periods text[], p_amounts double precision[], p_limits double precision[], p_now timestamptz)
            RETURNS void LANGUAGE plpgsql AS $fn$
            DECLARE
                i integer;
            BEGIN
                FOR i IN SELECT u.ord FROM unnest(p_scopes, p_periods) WITH ORDINALITY AS u(scope, period, ord) ORDER BY u.scope, u.period, u.ord LOOP
                    INSERT INTO budget_counters AS c (scope, period, used, updated_at)
                    SELECT p_scopes[i], p_periods[i], p_amounts[i], p_now
                    WHERE p_limits[i] IS NULL OR p_amounts[i] <= p_limits[i] + 1e-9
                    ON CONFLICT (scope, period) DO UPDATE SET used = c.used + excluded.used, updated_at = excluded.updated_at
                    WHERE p_limits[i] IS NULL OR c.used + excluded.used <= p_limits[i] + 1e-9;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'counter %/% has no room for %', p_scopes[i], p_periods[i], p_amounts[i] USING ERRCODE = 'MJ001';
                    END IF;
                END LOOP;
            END
            $fn$;
            """),
        (2, "replay fields", """
            -- What majordomo simulate needs to route a row again without its text (issue 17); the prompt
            -- facts are null when nothing read the prompt (a request naming a model). body only with
            -- storage.logPrompts, secrets redacted.
            ALTER TABLE requests ADD COLUMN channel text;
            ALTER TABLE requests ADD COLUMN prompt_tokens integer;
            ALTER TABLE requests ADD COLUMN max_output_tokens integer;
            ALTER TABLE requests ADD COLUMN has_media boolean;
            ALTER TABLE requests ADD COLUMN has_tools boolean;
            ALTER TABLE requests ADD COLUMN cache text;
            ALTER TABLE requests ADD COLUMN body text;
            """),
        (3, "cooldown stamps", """
            -- The stamp a cooldown was set with (ticks, never below one the instance knew of): a clear removes
            -- the row only if it names it or a newer one, and an older cooldown never replaces a newer row.
            ALTER TABLE cooldowns ADD COLUMN set_at bigint NOT NULL DEFAULT 0;
            """),
    ];

    public void Dispose() => _dataSource.Dispose();
}
