using Majordomo.Catalog;
using Majordomo.Execution;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Execution;

public class RateLimitsTests
{
    private const string Json = """
        {
          "providers": {
            "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", "rateLimits": { "rpm": 3, "tpm": 1000 } },
            "q": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" }
          },
          "models": {
            "p/a": { "provider": "p" }, "p/b": { "provider": "p" },
            "q/x": { "provider": "q", "rateLimits": { "rpm": 2 } }, "q/y": { "provider": "q" }
          }
        }
        """;

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RateLimits _limits = new();
    private readonly Majordomo.Catalog.Catalog _catalog = TestConfig.BuildCatalog(Json);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private ModelEntry M(string id) => _catalog.Models[id];

    [Fact]
    public void TryAcquire_ProviderRpm_SharedByItsModelsUntilTheWindowSlides()
    {
        Assert.True(_limits.TryAcquire(M("p/a"), 10, Now));
        Assert.True(_limits.TryAcquire(M("p/b"), 10, Now));
        Assert.True(_limits.TryAcquire(M("p/a"), 10, Now));

        Assert.False(_limits.TryAcquire(M("p/b"), 10, Now));
        var until = _limits.FullUntil(M("p/a"), 10, Now, out var reason);
        Assert.Equal("rpm limit reached", reason);
        Assert.NotNull(until);
        Assert.True(until > Now && until <= Now + TimeSpan.FromMinutes(2), $"until {until}");

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(_limits.TryAcquire(M("p/a"), 10, Now));
    }

    [Fact]
    public void FullUntil_IsWhenTheWeightedPreviousMinuteLeavesRoom()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(_limits.TryAcquire(M("p/a"), 1, Now));
        }

        // Next minute: the previous minute's 3 requests weigh 3 × (1 − elapsed); one slot frees once that is ≤ 2.
        _clock.Advance(TimeSpan.FromMinutes(1));
        var until = _limits.FullUntil(M("p/a"), 1, Now, out _);
        Assert.NotNull(until);
        Assert.InRange((until.Value - Now).TotalSeconds, 19, 21);
        _clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Null(_limits.FullUntil(M("p/a"), 1, Now, out _));
    }

    [Fact]
    public void TryAcquire_Tpm_CountsEstimatedThenSettledTokens()
    {
        Assert.True(_limits.TryAcquire(M("p/a"), 600, Now));
        Assert.False(_limits.TryAcquire(M("p/a"), 600, Now));

        _limits.Settle(M("p/a"), 600, 100, Now);
        Assert.True(_limits.TryAcquire(M("p/a"), 600, Now));
    }

    [Fact]
    public void TryAcquire_RequestLargerThanTheWholeTpm_AllowedIntoAnEmptyWindow()
    {
        Assert.True(_limits.TryAcquire(M("p/a"), 5000, Now));
    }

    [Fact]
    public void MarkFull_After429_BlocksUntilRetryAfter()
    {
        _limits.MarkFull(M("p/a"), Now + TimeSpan.FromSeconds(20));

        Assert.Equal(Now + TimeSpan.FromSeconds(20), _limits.FullUntil(M("p/b"), 1, Now, out _));
        Assert.False(_limits.TryAcquire(M("p/a"), 1, Now));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(_limits.TryAcquire(M("p/a"), 1, Now));
    }

    [Fact]
    public void ModelRpm_LimitsOnlyThatModel_AndUndeclaredModelsAreNeverLimited()
    {
        Assert.True(_limits.TryAcquire(M("q/x"), 1, Now));
        Assert.True(_limits.TryAcquire(M("q/x"), 1, Now));
        Assert.False(_limits.TryAcquire(M("q/x"), 1, Now));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(_limits.TryAcquire(M("q/y"), 1, Now));
        }

        _limits.MarkFull(M("q/y"), Now + TimeSpan.FromHours(1));
        Assert.True(_limits.TryAcquire(M("q/y"), 1, Now));
    }

    [Fact]
    public void Gate_ReportsWhenASlotFrees()
    {
        var gate = new RateLimitGate(_limits);
        Assert.Null(gate.Check(M("q/x"), new GateContext(Now, null, null)));
        _limits.TryAcquire(M("q/x"), 1, Now);
        _limits.TryAcquire(M("q/x"), 1, Now);

        var blocked = gate.Check(M("q/x"), new GateContext(Now, null, null));

        Assert.NotNull(blocked);
        Assert.Equal("rpm limit reached", blocked.Value.Reason);
        Assert.True(blocked.Value.Until > Now);
    }
}
