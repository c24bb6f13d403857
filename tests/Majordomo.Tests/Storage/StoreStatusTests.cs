using Majordomo.Storage;
using Majordomo.Storage.Postgres;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.Storage;

/// <summary><c>/health</c>'s store probe on a real PostgreSQL server: awaited, shared by the callers that arrive together, cached for a second.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreStatusTests(PostgresServer server)
{
    [Fact]
    public async Task ProbeAsync_ManyCallersAtOnce_AskTheStoreOnce_ThenCachedForASecond()
    {
        var clock = new ManualClock();
        using var stores = new PostgresStore(await server.CreateDatabaseAsync("probe_burst")).CreateSet();
        await stores.Store.MigrateAsync(CancellationToken.None);
        var counting = new CountingStore(stores.Store);
        using var writer = new RequestLogWriter(stores.Requests, clock, NullLogger<RequestLogWriter>.Instance);
        var status = new StoreStatus(counting, writer, new StoreHealth(clock, NullLogger.Instance), clock);

        var first = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => status.ProbeAsync(CancellationToken.None).AsTask())));

        Assert.All(first, probe => Assert.Equal(new StoreProbe(true, null), probe));
        Assert.Equal(1, counting.Probes);

        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.True((await status.ProbeAsync(CancellationToken.None)).Reachable);
        Assert.Equal(1, counting.Probes);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await status.ProbeAsync(CancellationToken.None)).Reachable);
        Assert.Equal(2, counting.Probes);
    }

    [Fact]
    public async Task ProbeAsync_DatabaseMissing_ReportsItUnreachableWithTheServersReason()
    {
        var clock = new ManualClock();
        using var stores = new PostgresStore(server.ConnectionString("no_such_database")).CreateSet();
        using var writer = new RequestLogWriter(stores.Requests, clock, NullLogger<RequestLogWriter>.Instance);
        var status = new StoreStatus(stores.Store, writer, new StoreHealth(clock, NullLogger.Instance), clock);

        var probe = await status.ProbeAsync(CancellationToken.None);

        Assert.False(probe.Reachable);
        Assert.Contains("no_such_database", probe.Error, StringComparison.Ordinal);
        Assert.Equal($"store: not usable: {probe.Error}", Assert.Single(status.Problems(probe.Reachable, probe.Error)));
    }

    /// <summary>The real store, counting the probes that reach it.</summary>
    private sealed class CountingStore(IStore inner) : IStore
    {
        private int _probes;

        public int Probes => Volatile.Read(ref _probes);

        public string Kind => inner.Kind;

        public ValueTask<int> MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

        public ValueTask<StoreSchema> ReadSchemaAsync(CancellationToken cancellationToken) => inner.ReadSchemaAsync(cancellationToken);

        public ValueTask<StoreProbe> ProbeAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _probes);
            return inner.ProbeAsync(cancellationToken);
        }
    }
}
