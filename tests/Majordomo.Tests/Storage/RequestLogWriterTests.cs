using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.Storage;

public sealed class RequestLogWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqliteStore NewStore(string name)
    {
        var store = new SqliteStore(_dir.File(name));
        store.Migrate();
        return store;
    }

    private static long Count(SqliteStore store, string table)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task StopAsync_AfterEnqueueWhileRunning_FlushesEveryRow()
    {
        var store = NewStore("run.db");
        using var writer = new RequestLogWriter(new SqliteRequestLogStore(store), TimeProvider.System, NullLogger<RequestLogWriter>.Instance, TimeSpan.FromMilliseconds(20));
        await writer.StartAsync(CancellationToken.None);

        const int n = 1234;
        for (var i = 0; i < n; i++)
        {
            Assert.True(writer.TryEnqueue(SqliteStoreTests.Record("r" + i, attempts: i % 3)));
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(n, Count(store, "requests"));
        Assert.Equal(Enumerable.Range(0, n).Sum(i => i % 3), Count(store, "requests r, json_each(r.attempts)"));
        Assert.Equal(n, writer.Written);
        Assert.Equal(0, writer.Dropped);
    }

    [Fact]
    public async Task StopAsync_LoopNeverRan_StillFlushesTheQueue()
    {
        var store = NewStore("idle.db");
        using var writer = new RequestLogWriter(new SqliteRequestLogStore(store), TimeProvider.System, NullLogger<RequestLogWriter>.Instance, TimeSpan.FromHours(1));
        await EnqueueAndStopAsync(writer, rows: 10);

        Assert.Equal(10, Count(store, "requests"));
    }

    [Fact]
    public async Task StopAsync_DatabaseLockedForAMomentByAnotherConnection_StillFlushesTheQueue()
    {
        // A connection holds the file's lock briefly, as the last pooled connection does while its close
        // checkpoints the WAL (the test suite's pool clears close them at any moment): the writer's own
        // connection must wait for it, not fail its first statement and leave the rows unwritten.
        var store = NewStore("locked.db");
        SqliteConnection.ClearAllPools();
        var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false }.ToString());
        holder.Open();
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;";
            command.ExecuteNonQuery();
        }

        using var writer = new RequestLogWriter(new SqliteRequestLogStore(store), TimeProvider.System, NullLogger<RequestLogWriter>.Instance, TimeSpan.FromHours(1));
        for (var i = 0; i < 10; i++)
        {
            writer.TryEnqueue(SqliteStoreTests.Record("r" + i));
        }

        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            holder.Dispose();
        });
        await writer.StopAsync(CancellationToken.None);
        await release;

        Assert.Equal(0, writer.Held);
        Assert.Equal(10, Count(store, "requests"));
    }

    [Fact]
    public async Task StopAsync_WhileWaitingForABatch_FlushesWithoutWaitingTheInterval()
    {
        var store = NewStore("wait.db");
        using var writer = new RequestLogWriter(new SqliteRequestLogStore(store), TimeProvider.System, NullLogger<RequestLogWriter>.Instance, TimeSpan.FromHours(1));
        await writer.StartAsync(CancellationToken.None);
        writer.TryEnqueue(SqliteStoreTests.Record("only"));

        var stop = writer.StopAsync(CancellationToken.None);

        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))));
        await stop;
        Assert.Equal(1, Count(store, "requests"));
    }

    [Fact]
    public async Task ExecuteAsync_Running_WritesInTheBackgroundBeforeShutdown()
    {
        var store = NewStore("bg.db");
        using var writer = new RequestLogWriter(new SqliteRequestLogStore(store), TimeProvider.System, NullLogger<RequestLogWriter>.Instance, TimeSpan.FromMilliseconds(1));
        await writer.StartAsync(CancellationToken.None);

        writer.TryEnqueue(SqliteStoreTests.Record("bg"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (writer.Written < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(1, writer.Written);
        Assert.Equal(1, Count(store, "requests"));
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void TryEnqueue_QueueFull_DropsAndCounts()
    {
        var store = NewStore("full.db");
        using var writer = new RequestLogWriter(new SqliteRequestLogStore(store), TimeProvider.System, NullLogger<RequestLogWriter>.Instance);
        var record = SqliteStoreTests.Record("x");

        for (var i = 0; i < RequestLogWriter.Capacity; i++)
        {
            Assert.True(writer.TryEnqueue(record));
        }

        Assert.False(writer.TryEnqueue(record));
        Assert.False(writer.TryEnqueue(record));
        Assert.Equal(2, writer.Dropped);
    }

    [Fact]
    public async Task StopAsync_StoreRefusedTheBatchAMomentAgo_TriesTheHeldRowsOnceMore()
    {
        // The last batch failed just before shutdown: the once-a-second pace must not leave its rows unwritten.
        var store = NewStore("retry.db");
        var flaky = new RefusingStore(new SqliteRequestLogStore(store), refusals: 1);
        using var writer = new RequestLogWriter(flaky, TimeProvider.System, NullLogger<RequestLogWriter>.Instance, TimeSpan.FromHours(1));
        await EnqueueAndStopAsync(writer, rows: 10);

        Assert.Equal(10, Count(store, "requests"));
        Assert.Equal(0, writer.Held);
        Assert.Equal(0, writer.Dropped);
    }

    [Fact]
    public async Task StopAsync_StoreStillRefusing_CountsTheHeldRowsAsDroppedAndLogsAnError()
    {
        var store = NewStore("down.db");
        var logs = new ErrorLines();
        using var writer = new RequestLogWriter(new RefusingStore(new SqliteRequestLogStore(store), refusals: int.MaxValue), TimeProvider.System, logs, TimeSpan.FromHours(1));
        await EnqueueAndStopAsync(writer, rows: 7);

        Assert.Equal(0, Count(store, "requests"));
        Assert.Equal(7, writer.Dropped);
        Assert.Equal(0, writer.Held);
        Assert.Contains(logs.Lines, line => line.Contains("7 rows held through a store outage", StringComparison.Ordinal) && line.Contains("lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_StoreRefusesABatchWithMoreQueuedBehindIt_EveryRowCountedAndTheStoreNeverUsedAgain()
    {
        // More than a batch queued and the store refusing: the rows behind the refused batch must not stay
        // queued for a writer thread that may wake after the host's stop (its stop timeout ran out).
        var store = NewStore("behind.db");
        var logs = new ErrorLines();
        var refusing = new RefusingStore(new SqliteRequestLogStore(store), refusals: int.MaxValue);
        using var writer = new RequestLogWriter(refusing, TimeProvider.System, logs, TimeSpan.FromHours(1));
        await writer.StartAsync(CancellationToken.None);
        var rows = RequestLogWriter.MaxBatch + 100;
        await EnqueueAndStopAsync(writer, rows);
        var opened = refusing.Opened;

        writer.WriteQueued(); // the writer thread's pass, late
        writer.TryEnqueue(SqliteStoreTests.Record("after"));

        Assert.Equal(opened, refusing.Opened);
        Assert.Equal(rows + 1, writer.Dropped);
        Assert.Equal(0, writer.Held);
        Assert.Contains(logs.Lines, line => line.Contains($"{rows} rows", StringComparison.Ordinal) && line.Contains("lost", StringComparison.Ordinal));
    }

    private static async Task EnqueueAndStopAsync(RequestLogWriter writer, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            writer.TryEnqueue(SqliteStoreTests.Record("r" + i));
        }

        await writer.StopAsync(CancellationToken.None);
    }

    /// <summary>A request-log store whose appenders refuse the first <c>refusals</c> batches, as a store in an outage does.</summary>
    private sealed class RefusingStore(IRequestLogStore inner, int refusals) : IRequestLogStore
    {
        private int _refused;

        private bool Refuse() => _refused++ < refusals;

        public int Opened { get; private set; }

        public IRequestLogAppender OpenAppender()
        {
            Opened++;
            return new Appender(inner.OpenAppender(), this);
        }

        public IAsyncEnumerable<RequestSummary> SummariesAsync(DateTimeOffset since, DateTimeOffset until, string? apiKey, CancellationToken cancellationToken) =>
            inner.SummariesAsync(since, until, apiKey, cancellationToken);

        public ValueTask<IReadOnlyList<RequestLogRecord>> RecentAsync(RecentQuery query, CancellationToken cancellationToken) => inner.RecentAsync(query, cancellationToken);

        public IAsyncEnumerable<RequestLogRecord> ReplayAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.ReplayAsync(since, until, cancellationToken);

        public ValueTask<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.PruneAsync(before, cancellationToken);

        private sealed class Appender(IRequestLogAppender inner, RefusingStore owner) : IRequestLogAppender
        {
            public ValueTask AppendAsync(IReadOnlyList<RequestLogRecord> batch, CancellationToken cancellationToken) =>
                owner.Refuse() ? throw new StoreException("disk I/O error") : inner.AppendAsync(batch, cancellationToken);

            public void Dispose() => inner.Dispose();
        }
    }

    /// <summary>The writer's error lines.</summary>
    private sealed class ErrorLines : ILogger<RequestLogWriter>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
