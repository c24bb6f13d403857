using Majordomo.Storage;
using Majordomo.Storage.Postgres;

namespace Majordomo.Tests.Storage;

public class PostgresLiveStateStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_CooldownAndItsClear_CarryTheStamp()
    {
        var set = new StoredCooldown("cloud", "k1", "cloud/premium", "rate_limited", 2, Now, 638_000_000_000_000_123);
        var clear = set with { Until = DateTimeOffset.MinValue };

        Assert.Equal(new CooldownChange(set), PostgresLiveStateStore.Decode("b", PostgresLiveStateStore.Encode("a", new CooldownChange(set))));
        Assert.Equal(new CooldownChange(clear), PostgresLiveStateStore.Decode("b", PostgresLiveStateStore.Encode("a", new CooldownChange(clear))));
    }

    [Fact]
    public void Decode_OlderBuildWithoutAStamp_ClearNamesNothing_CooldownIsTheOldest()
    {
        const string cleared = """{"i":"a","k":"c","p":"cloud","c":"k1","m":"cloud/premium","r":"rate_limited","s":0,"u":0}""";
        var set = $$"""{"i":"a","k":"c","p":"cloud","c":"k1","m":"cloud/premium","r":"rate_limited","s":1,"u":{{Now.UtcTicks}}}""";

        Assert.Equal(StoredCooldown.Unnamed, Assert.IsType<CooldownChange>(PostgresLiveStateStore.Decode("b", cleared)).Cooldown.SetAt);
        Assert.Equal(0, Assert.IsType<CooldownChange>(PostgresLiveStateStore.Decode("b", set)).Cooldown.SetAt);
    }
}
