using Majordomo.Storage;
using Majordomo.Storage.Postgres;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Storage;

/// <summary>What the PostgreSQL store adds to the contract: several instances on one database, and a database that is not there.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MigrateAsync_FourInstancesStartingTogether_AllSucceedOnOneSchema()
    {
        var connectionString = await server.CreateDatabaseAsync("migrate_race");
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresStore(connectionString)).ToArray();
        try
        {
            var latest = PostgresStore.Migrations.Max(m => m.Version);
            Assert.Equal(new StoreSchema(0, latest, PostgresStore.Migrations.Length), await stores[0].ReadSchemaAsync(CancellationToken.None));

            var versions = await Task.WhenAll(stores.Select(s => s.MigrateAsync(CancellationToken.None).AsTask()));

            Assert.All(versions, v => Assert.Equal(latest, v));
            var schema = await stores[3].ReadSchemaAsync(CancellationToken.None);
            Assert.True(schema.IsCurrent, schema.ToString());
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public async Task TryReserveAsync_200AtOnceFromTwoInstances_HoldsExactlyTheLimit()
    {
        var (a, b) = await TwoInstancesAsync("reserve_race");
        using var disposeA = a;
        using var disposeB = b;

        // Each reservation names the limited pool and an unlimited USD counter: both are held, or neither.
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).Budgets.TryReserveAsync(
                [new CounterReservation("usd:month", "m2026-05-01", 0.5), new CounterReservation("quota:premium:month", "m2026-05-01", 1, Limit: 50)],
                Now, CancellationToken.None).AsTask())));

        Assert.Equal(50, results.Count(ok => ok));
        Assert.Equal(50, await a.Budgets.ReadAsync("quota:premium:month", "m2026-05-01", CancellationToken.None));
        Assert.Equal(25, await b.Budgets.ReadAsync("usd:month", "m2026-05-01", CancellationToken.None), 9);
    }

    [Fact]
    public async Task ReleaseAndSettle_RepeatedCounterInOneBatch_AddsEachAmount()
    {
        using var stores = new PostgresStore(await server.CreateDatabaseAsync("settle_repeat")).CreateSet();
        await stores.Store.MigrateAsync(CancellationToken.None);

        await stores.Budgets.SettleAsync([new CounterDelta("a", "p", 2), new CounterDelta("a", "p", 3)], Now, CancellationToken.None);
        await stores.Budgets.ReleaseAsync([new CounterDelta("a", "p", 1), new CounterDelta("a", "p", 1)], Now, CancellationToken.None);

        Assert.Equal(3, await stores.Budgets.ReadAsync("a", "p", CancellationToken.None));
    }

    [Fact]
    public async Task SessionPins_SetOnOneInstance_WatcherOnAnotherSeesSetAndClearWithinASecond()
    {
        var (a, b) = await TwoInstancesAsync("pins_watch");
        using var disposeA = a;
        using var disposeB = b;
        await a.Sessions.SetAsync("before", "cheap", Now, CancellationToken.None);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = b.Sessions.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(new KeyValuePair<string, string?>("before", "cheap"), watch.Current); // every stored row first

        await a.Sessions.SetAsync("s1", "fast", Now, CancellationToken.None);
        var set = await NextWithinASecondAsync(watch);
        await a.Sessions.SetAsync("s1", null, Now, CancellationToken.None);
        var cleared = await NextWithinASecondAsync(watch);

        Assert.Equal(new KeyValuePair<string, string?>("s1", "fast"), set);
        Assert.Equal(new KeyValuePair<string, string?>("s1", null), cleared);
    }

    [Fact]
    public async Task LiveState_PublishedByOneInstance_WatcherOnAnotherGetsEachChange_NotItsOwn()
    {
        var (a, b) = await TwoInstancesAsync("live_watch");
        using var disposeA = a;
        using var disposeB = b;
        var stored = new StoredCooldown("cloud", "k1", "cloud/premium", "rate_limited", 2, Now.AddYears(10), Now.UtcTicks);
        await a.Health.WriteAsync([], [stored], CancellationToken.None);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = b.Live.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(new CooldownChange(stored), watch.Current); // the cooldowns in force first

        // B's own change is not echoed back to B; A's arrive in order.
        await b.Live.PublishAsync([new RateLimitChange("own", null, Now)], CancellationToken.None);
        LiveChange[] changes =
        [
            new CooldownChange(stored with { Until = DateTimeOffset.MinValue }),
            new HealthChange("cloud", "cloud/premium", false, Now, "HTTP 500"),
            new RateLimitChange(null, "cloud/premium", Now.AddMinutes(1)),
        ];
        await a.Live.PublishAsync(changes, CancellationToken.None);

        foreach (var expected in changes)
        {
            var next = watch.MoveNextAsync().AsTask();
            Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(1))));
            Assert.True(await next);
            Assert.Equal(expected, watch.Current);
        }
    }

    /// <summary>Two instances' stores on one new, migrated database.</summary>
    private async Task<(StoreSet A, StoreSet B)> TwoInstancesAsync(string hint)
    {
        var connectionString = await server.CreateDatabaseAsync(hint);
        var a = new PostgresStore(connectionString).CreateSet();
        await a.Store.MigrateAsync(CancellationToken.None);
        return (a, new PostgresStore(connectionString).CreateSet());
    }

    private static async Task<KeyValuePair<string, string?>> NextWithinASecondAsync(IAsyncEnumerator<KeyValuePair<string, string?>> watch)
    {
        var next = watch.MoveNextAsync().AsTask();
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(1))));
        Assert.True(await next);
        return watch.Current;
    }

    [Fact]
    public async Task Store_NoServerOnThePort_ProbeReportsIt_CallsThrowStoreException()
    {
        // A port nobody listens on: connection refused at once.
        using var stores = new PostgresStore($"Host=127.0.0.1;Port={PostgresServer.FreePort()};Username=majordomo;Password=hunter2secret;Database=x;Timeout=2").CreateSet();

        var probe = await stores.Store.ProbeAsync(CancellationToken.None);
        var migrate = await Assert.ThrowsAsync<StoreException>(() => stores.Store.MigrateAsync(CancellationToken.None).AsTask());
        var reserve = await Assert.ThrowsAsync<StoreException>(() => stores.Budgets.TryReserveAsync([new CounterReservation("a", "p", 1, 5)], Now, CancellationToken.None).AsTask());

        Assert.False(probe.Reachable);
        Assert.False(string.IsNullOrEmpty(probe.Error));
        Assert.DoesNotContain("hunter2secret", probe.Error + migrate.Message + reserve.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownKeyword_StoreExceptionWithoutThePassword()
    {
        var ex = Assert.Throws<StoreException>(() => new PostgresStore("Host=db;Password=hunter2secret;Colour=blue"));

        Assert.Contains("storage.postgres", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", ex.Message, StringComparison.Ordinal);
    }
}
