using Majordomo.Catalog;
using Majordomo.Execution;
using Majordomo.Providers;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Execution;

public class CooldownsTests
{
    private const string Json = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1",
                                "credentials": [ { "id": "k1", "apiKey": "sk-one-1234567" }, { "id": "k2", "apiKey": "sk-two-1234567" } ] } },
          "models": { "p/a": { "provider": "p" }, "p/b": { "provider": "p" } }
        }
        """;

    private static readonly ResilienceSettings Settings = ResilienceSettings.Default;
    private readonly ManualClock _clock = new();
    private readonly Cooldowns _cooldowns = new();
    private readonly Majordomo.Catalog.Catalog _catalog = TestConfig.BuildCatalog(Json);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private ModelEntry A => _catalog.Models["p/a"];

    private ModelEntry B => _catalog.Models["p/b"];

    [Fact]
    public void Record_RepeatedFailures_LadderDoublesUpToTheCap()
    {
        var durations = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            durations.Add(_cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings).TotalSeconds);
        }

        Assert.Equal([30, 60, 120, 240, 300, 300], durations);
    }

    [Fact]
    public void Record_RetryAfterLongerThanTheLadder_IsTheMinimum()
    {
        var duration = _cooldowns.Record("p", "k1", "p/a", FailureClass.RateLimited, TimeSpan.FromSeconds(90), Now, Settings);

        Assert.Equal(TimeSpan.FromSeconds(90), duration);
        Assert.Equal(Now + TimeSpan.FromSeconds(90), _cooldowns.CoolingUntil("p", "k1", "p/a", Now, out var reason));
        Assert.Equal(FailureClass.RateLimited, reason);
    }

    [Fact]
    public void Record_Billing_UsesTheBillingWindowForEveryModelOfTheKey()
    {
        var duration = _cooldowns.Record("p", "k1", "p/a", FailureClass.Billing, null, Now, Settings);

        Assert.Equal(TimeSpan.FromSeconds(600), duration);
        Assert.NotNull(_cooldowns.CoolingUntil("p", "k1", "p/b", Now, out var reason));
        Assert.Equal(FailureClass.Billing, reason);
        Assert.Null(_cooldowns.CoolingUntil("p", "k2", "p/a", Now, out _));
    }

    [Fact]
    public void Record_CallerFaultOrContext_NoCooldown()
    {
        Assert.Equal(TimeSpan.Zero, _cooldowns.Record("p", "k1", "p/a", FailureClass.CallerFault, null, Now, Settings));
        Assert.Equal(TimeSpan.Zero, _cooldowns.Record("p", "k1", "p/a", FailureClass.ContextTooLong, null, Now, Settings));
        Assert.True(_cooldowns.IsEmpty);
    }

    [Fact]
    public void Gate_RateLimitedModel_DoesNotBlockItsSibling()
    {
        var gate = new CooldownGate(_cooldowns);
        _cooldowns.Record("p", "k1", "p/a", FailureClass.RateLimited, null, Now, Settings);
        _cooldowns.Record("p", "k2", "p/a", FailureClass.RateLimited, TimeSpan.FromSeconds(45), Now, Settings);

        var a = gate.Check(A, new GateContext(Now, null, null));
        var b = gate.Check(B, new GateContext(Now, null, null));

        Assert.NotNull(a);
        Assert.Equal(Now + TimeSpan.FromSeconds(30), a.Value.Until); // the soonest credential
        Assert.Same(CooldownGate.RateLimitedReason, a.Value.Reason);
        Assert.Null(b);
    }

    [Fact]
    public void Gate_OneCredentialStillFree_ModelAvailable()
    {
        var gate = new CooldownGate(_cooldowns);
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Credential, null, Now, Settings);

        Assert.Null(gate.Check(A, new GateContext(Now, null, null)));
    }

    [Fact]
    public void CoolingUntil_AfterExpiry_Available()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
    }

    [Fact]
    public void Clear_AfterSuccess_RemovesCooldownAndResetsLadder()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
        _cooldowns.Clear("p", "k1", "p/a", _cooldowns.Stamp);

        Assert.Null(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
        Assert.Equal(TimeSpan.FromSeconds(30), _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings));
    }

    [Fact]
    public void Clear_CooldownSetWhileTheCallWasInFlight_Kept()
    {
        // A call is sent; a sibling request's 429 cools the key; then the call sent before answers.
        var sent = _cooldowns.Stamp;
        _cooldowns.Record("p", "k1", "p/a", FailureClass.RateLimited, TimeSpan.FromSeconds(30), Now, Settings);
        _cooldowns.Clear("p", "k1", "p/a", sent);

        Assert.Equal(Now + TimeSpan.FromSeconds(30), _cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));

        // A call sent after the cooldown was known (the probe) clears it.
        _cooldowns.Clear("p", "k1", "p/a", _cooldowns.Stamp);
        Assert.Null(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
    }

    [Fact]
    public void Clear_CooldownFromAnotherInstanceWhileTheCallWasInFlight_Kept()
    {
        var sent = _cooldowns.Stamp;
        _cooldowns.Restore(new CooldownInfo("p", "k1", "p/a", FailureClassifier.Name(FailureClass.RateLimited), 1, Now + TimeSpan.FromSeconds(30)));
        _cooldowns.Clear("p", "k1", "p/a", sent);

        Assert.NotNull(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
        Assert.False(_cooldowns.Changes.TryRead(out _)); // nothing cleared, so nothing for the store or the fleet
    }

    [Fact]
    public void Clear_OtherKeysServerSideCooldownSetWhileInFlight_Kept()
    {
        var credentials = A.Provider.Credentials;
        _cooldowns.Record("p", "k2", "p/a", FailureClass.Transient, null, Now, Settings);
        var sent = _cooldowns.Stamp;
        _cooldowns.Record("p", "k2", "p/b", FailureClass.Transient, null, Now, Settings);
        _cooldowns.Clear("p", "k1", "p/a", sent, credentials);
        _cooldowns.Clear("p", "k1", "p/b", sent, credentials);

        Assert.Null(_cooldowns.CoolingUntil("p", "k2", "p/a", Now, out _));
        Assert.NotNull(_cooldowns.CoolingUntil("p", "k2", "p/b", Now, out _));
    }

    [Fact]
    public void Forget_LateClearOfAnOlderCooldown_NewerOneSetHereSinceStays()
    {
        // Another instance's cooldown arrives, is cleared there, and meanwhile this instance sets its own.
        var theirs = Now.UtcTicks - TimeSpan.FromSeconds(5).Ticks;
        Assert.True(_cooldowns.Restore(new CooldownInfo("p", "k1", "p/a", FailureClassifier.Name(FailureClass.RateLimited), 1, Now + TimeSpan.FromSeconds(3), theirs)));
        var duration = _cooldowns.Record("p", "k1", "p/a", FailureClass.RateLimited, TimeSpan.FromSeconds(30), Now, Settings);
        _cooldowns.Forget("p", "k1", "p/a", theirs);

        Assert.Equal(Now + duration, _cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));

        // The clear of that one (named by the stamp it went out with) does remove it.
        var ours = ReadChanges()[^1].SetAt;
        _cooldowns.Forget("p", "k1", "p/a", ours);
        Assert.Null(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
    }

    [Fact]
    public void Forget_OtherInstanceClockAhead_CooldownSetHereAfterLearningItsOneStillNewer()
    {
        // The other clock runs an hour ahead: stamps follow what this instance saw, not only its own clock.
        var theirs = Now.UtcTicks + TimeSpan.FromHours(1).Ticks;
        _cooldowns.Restore(new CooldownInfo("p", "k1", "p/a", FailureClassifier.Name(FailureClass.RateLimited), 1, Now + TimeSpan.FromSeconds(3), theirs));
        _cooldowns.Record("p", "k1", "p/a", FailureClass.RateLimited, TimeSpan.FromSeconds(30), Now, Settings);
        _cooldowns.Forget("p", "k1", "p/a", theirs);

        Assert.NotNull(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
        Assert.True(ReadChanges()[^1].SetAt > theirs);
    }

    [Fact]
    public void Forget_NamedCooldownOrAnOlderOne_Removed_UnnamedRemovesAny()
    {
        _cooldowns.Restore(new CooldownInfo("p", "k1", "p/a", FailureClassifier.Name(FailureClass.RateLimited), 1, Now + TimeSpan.FromSeconds(30), 100));
        _cooldowns.Forget("p", "k1", "p/a", 100);
        _cooldowns.Restore(new CooldownInfo("p", "k1", "p/b", FailureClassifier.Name(FailureClass.RateLimited), 1, Now + TimeSpan.FromSeconds(30), 100));
        _cooldowns.Forget("p", "k1", "p/b", 200); // it never arrived here; an older one is cleared with it
        _cooldowns.Record("p", "k2", "p/a", FailureClass.RateLimited, null, Now, Settings);
        _cooldowns.Forget("p", "k2", "p/a", Majordomo.Storage.StoredCooldown.Unnamed);

        Assert.Empty(_cooldowns.Active(Now));
    }

    [Fact]
    public void Restore_ArrivingAfterAClearThatNamedIt_NotApplied()
    {
        // Cleared on another instance, then its notification arrives (again, or late): it stays cleared.
        var set = new CooldownInfo("p", "k1", "p/a", FailureClassifier.Name(FailureClass.RateLimited), 1, Now + TimeSpan.FromSeconds(30), 500);
        _cooldowns.Restore(set);
        _cooldowns.Forget("p", "k1", "p/a", 500);
        Assert.False(_cooldowns.Restore(set));
        Assert.False(_cooldowns.Restore(set with { SetAt = 400 }));

        // Cleared here by a success: the same notification seen a second time does not bring it back either.
        var other = set with { Model = "p/b" };
        _cooldowns.Restore(other);
        _cooldowns.Clear("p", "k1", "p/b", _cooldowns.Stamp);
        Assert.False(_cooldowns.Restore(other));

        Assert.Empty(_cooldowns.Active(Now));

        // A newer one than the clear named is applied.
        Assert.True(_cooldowns.Restore(set with { SetAt = 600 }));
        Assert.NotNull(_cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
    }

    [Fact]
    public void Restore_OlderThanTheCooldownInForce_NotApplied()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.RateLimited, TimeSpan.FromSeconds(30), Now, Settings);
        var ours = ReadChanges()[^1].SetAt;

        Assert.False(_cooldowns.Restore(new CooldownInfo("p", "k1", "p/a", "transient", 1, Now + TimeSpan.FromSeconds(5), ours - 1)));
        Assert.Equal(Now + TimeSpan.FromSeconds(30), _cooldowns.CoolingUntil("p", "k1", "p/a", Now, out _));
    }

    [Fact]
    public void Clear_ChangeForTheFleet_NamesTheClearedCooldown()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
        _cooldowns.Clear("p", "k1", "p/a", _cooldowns.Stamp);

        var changes = ReadChanges();
        Assert.Equal(2, changes.Count);
        Assert.Equal(DateTimeOffset.MinValue, changes[1].Until);
        Assert.Equal(changes[0].SetAt, changes[1].SetAt);
        Assert.True(changes[0].SetAt >= Now.UtcTicks);
    }

    private List<CooldownInfo> ReadChanges()
    {
        var changes = new List<CooldownInfo>();
        while (_cooldowns.Changes.TryRead(out var c))
        {
            changes.Add(c);
        }

        return changes;
    }

    [Fact]
    public void Record_LongAfterTheLastCooldown_LadderStartsAgain()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(TimeSpan.FromSeconds(30), _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings));
    }

    [Fact]
    public void TryClaimProbe_NearExpiry_ExactlyOneWinner()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);

        Assert.False(_cooldowns.TryClaimProbe("p", "k1", "p/a", Now)); // 30 s left: too early
        _clock.Advance(TimeSpan.FromSeconds(26));
        Assert.True(_cooldowns.TryClaimProbe("p", "k1", "p/a", Now));
        Assert.False(_cooldowns.TryClaimProbe("p", "k1", "p/a", Now));
    }

    [Fact]
    public void Active_ListsCooldownsSoonestFirst_AndChangesAreQueuedForTheStore()
    {
        _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, TimeSpan.FromSeconds(100), Now, Settings);
        _cooldowns.Record("p", "k2", "p/b", FailureClass.RateLimited, null, Now, Settings);
        _cooldowns.Clear("p", "k2", "p/b", _cooldowns.Stamp);

        var active = _cooldowns.Active(Now);

        Assert.Equal(["p/a"], active.Select(c => c.Model));
        Assert.Equal("transient", active[0].Reason);
        var changes = new List<CooldownInfo>();
        while (_cooldowns.Changes.TryRead(out var c))
        {
            changes.Add(c);
        }

        Assert.Equal(3, changes.Count);
        Assert.Equal(DateTimeOffset.MinValue, changes[^1].Until);
    }

    [Fact]
    public async Task Record_ConcurrentFailures_StrikesCountedExactly()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                _cooldowns.Record("p", "k1", "p/a", FailureClass.Transient, null, Now, Settings);
            }
        })));

        Assert.Equal(800, _cooldowns.Active(Now).Single().Strikes);
    }
}
