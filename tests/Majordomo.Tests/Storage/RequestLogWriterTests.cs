using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Data.Sqlite;
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
        for (var i = 0; i < 10; i++)
        {
            writer.TryEnqueue(SqliteStoreTests.Record("r" + i));
        }

        await writer.StopAsync(CancellationToken.None);

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
}
