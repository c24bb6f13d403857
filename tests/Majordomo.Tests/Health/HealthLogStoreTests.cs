using Majordomo.Health;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Health;

public class HealthLogStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void Write_HealthEventsAndCooldowns_ReadBack_ExpiredAndClearedCooldownsGone()
    {
        var sqlite = new SqliteStore(_dir.File("m.db"));
        sqlite.Migrate();
        var store = new HealthLogStore(sqlite);
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        store.Write(
            [new HealthEvent(now, "p", "p/a", "active", false, true, 12.5, "HTTP 503"), new HealthEvent(now, "p", "p/a", "passive", false, false, null, "transient")],
            [
                new StoredCooldown("p", "k1", "p/a", "rate-limited", 2, now + TimeSpan.FromSeconds(60)),
                new StoredCooldown("p", "k2", "*", "billing", 1, now + TimeSpan.FromSeconds(600)),
                new StoredCooldown("p", "k3", "p/a", "transient", 1, now + TimeSpan.FromSeconds(5)),
            ]);
        store.Write([], [new StoredCooldown("p", "k2", "*", "billing", 0, DateTimeOffset.MinValue)]);

        var log = store.Recent(10);
        Assert.Equal(["passive", "active"], log.Select(e => e.Source));
        Assert.Equal(12.5, log[1].LatencyMs);
        Assert.Equal("HTTP 503", log[1].Error);

        var cooldowns = store.LoadCooldowns(now + TimeSpan.FromSeconds(10));
        var remaining = Assert.Single(cooldowns);
        Assert.Equal(("k1", "rate-limited", 2), (remaining.Credential, remaining.Reason, remaining.Strikes));
        Assert.Equal(now + TimeSpan.FromSeconds(60), remaining.Until);
    }
}
