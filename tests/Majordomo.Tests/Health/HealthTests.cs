using Majordomo.Catalog;
using Majordomo.Health;
using Majordomo.Storage;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.Health;

public class HealthTests
{
    private const string Json = """
        {
          "providers": {
            "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" },
            "sim": { "api": "simulated" }
          },
          "models": { "p/a": { "provider": "p" }, "p/b": { "provider": "p" }, "p/off": { "provider": "p", "enabled": false }, "sim/s": { "provider": "sim" } },
          "health": { "intervalSeconds": 10, "timeoutMs": 500, "unhealthyAfter": 2 }
        }
        """;

    private readonly ManualClock _clock = new();
    private readonly HealthTracker _tracker = new();
    private readonly Majordomo.Catalog.Catalog _catalog = TestConfig.BuildCatalog(Json);

    private ModelEntry A => _catalog.Models["p/a"];

    [Fact]
    public void RecordFailure_UnhealthyAfterConsecutiveFailures_OneSuccessRecovers()
    {
        _tracker.RecordFailure(A, "boom", _clock.GetUtcNow(), HealthTracker.PassiveSource, 3);
        _tracker.RecordFailure(A, "boom", _clock.GetUtcNow(), HealthTracker.PassiveSource, 3);
        Assert.True(_tracker.Describe(A).Healthy);

        _tracker.RecordFailure(A, "boom", _clock.GetUtcNow(), HealthTracker.PassiveSource, 3);
        Assert.False(_tracker.Describe(A).Healthy);
        Assert.Equal(1, _tracker.UnhealthyCount);

        _tracker.RecordSuccess(A, 12.5, _clock.GetUtcNow(), HealthTracker.PassiveSource);
        var state = _tracker.Describe(A);
        Assert.True(state.Healthy);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(12.5, state.LatencyMs);
        Assert.Equal(0, _tracker.UnhealthyCount);
    }

    [Fact]
    public void RecordFailure_SuccessInBetween_ResetsTheCount()
    {
        _tracker.RecordFailure(A, "x", _clock.GetUtcNow(), HealthTracker.PassiveSource, 2);
        _tracker.RecordSuccess(A, 1, _clock.GetUtcNow(), HealthTracker.PassiveSource);
        _tracker.RecordFailure(A, "x", _clock.GetUtcNow(), HealthTracker.PassiveSource, 2);

        Assert.True(_tracker.Describe(A).Healthy);
    }

    [Fact]
    public void Log_PassiveOnlyOnChanges_ActiveEveryCheck()
    {
        _tracker.RecordFailure(A, "x", _clock.GetUtcNow(), HealthTracker.PassiveSource, 2);
        _tracker.RecordFailure(A, "x", _clock.GetUtcNow(), HealthTracker.PassiveSource, 2);
        _tracker.RecordSuccess(A, 1, _clock.GetUtcNow(), HealthTracker.PassiveSource);
        _tracker.RecordSuccess(A, 1, _clock.GetUtcNow(), HealthTracker.PassiveSource);
        _tracker.RecordSuccess(A, 1, _clock.GetUtcNow(), HealthTracker.ActiveSource);

        var rows = Drain();

        Assert.Equal([(false, "passive"), (true, "passive"), (true, "active")], rows.Select(r => (r.Healthy, r.Source)));
    }

    [Fact]
    public void Gate_UnhealthyModel_SkippedForOneIntervalThenProbed()
    {
        var gate = new HealthGate(_tracker, _catalog.Health);
        var now = _clock.GetUtcNow();
        _tracker.RecordFailure(A, "x", now, HealthTracker.PassiveSource, 2);
        Assert.Null(gate.Check(A, new GateContext(now, null, null)));
        _tracker.RecordFailure(A, "x", now, HealthTracker.PassiveSource, 2);

        var blocked = gate.Check(A, new GateContext(now, null, null));
        Assert.NotNull(blocked);
        Assert.Equal(now + TimeSpan.FromSeconds(10), blocked.Value.Until);
        Assert.Null(gate.Check(_catalog.Models["p/b"], new GateContext(now, null, null)));

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(gate.Check(A, new GateContext(_clock.GetUtcNow(), null, null)));
    }

    [Fact]
    public async Task CheckOnce_ProbesEachProviderOnce_AppliesToItsEnabledModels()
    {
        var probe = new FakeProbe(_ => new ProbeResult(false, 3, "connection refused"));
        var checker = NewChecker(probe);

        await checker.CheckOnceAsync(CancellationToken.None);
        await checker.CheckOnceAsync(CancellationToken.None);

        Assert.Equal(["p", "p"], probe.Calls);
        Assert.False(_tracker.Describe(A).Healthy);
        Assert.False(_tracker.Describe(_catalog.Models["p/b"]).Healthy);
        Assert.True(_tracker.Describe(_catalog.Models["p/off"]).Healthy);
        Assert.True(_tracker.Describe(_catalog.Models["sim/s"]).Healthy);
        Assert.Equal(TimeSpan.FromMilliseconds(500), probe.LastTimeout);

        probe.Answer = _ => new ProbeResult(true, 7, null);
        await checker.CheckOnceAsync(CancellationToken.None);
        Assert.True(_tracker.Describe(A).Healthy);
        Assert.Equal(7, _tracker.Describe(A).LatencyMs);
    }

    [Fact]
    public async Task ExecuteAsync_EveryInterval_ChecksOnTheInjectedClock()
    {
        var probe = new FakeProbe(_ => new ProbeResult(true, 1, null));
        var checker = NewChecker(probe);
        await checker.StartAsync(CancellationToken.None);
        try
        {
            Assert.Empty(probe.Calls);
            for (var round = 1; round <= 3; round++)
            {
                await WaitForTimerAsync();
                _clock.Advance(TimeSpan.FromSeconds(10));
                await probe.WaitForCallsAsync(round);
            }

            Assert.Equal(3, probe.Calls.Count);
        }
        finally
        {
            await checker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void HealthUrl_PerProtocol()
    {
        Assert.Equal("http://127.0.0.1:9/v1/models", HttpHealthProbe.HealthUrl(_catalog.Providers["p"])!.ToString());
        Assert.Null(HttpHealthProbe.HealthUrl(_catalog.Providers["sim"]));
        var anthropic = new ProviderEntry { Name = "an", Api = "anthropic", Locality = "cloud", Credentials = [], Client = new StubChatProvider("an"), BaseUrl = "https://api.anthropic.com" };
        Assert.Equal("https://api.anthropic.com/v1/models", HttpHealthProbe.HealthUrl(anthropic)!.ToString());
    }

    [Fact]
    public void HealthUrl_ConfiguredHealthPath_AppendedToBaseUrlOrUsedAsGiven()
    {
        var path = new ProviderEntry { Name = "o", Api = "openai", Locality = "local", Credentials = [], Client = new StubChatProvider("o"), BaseUrl = "http://127.0.0.1:11434/v1", HealthPath = "/health" };
        var absolute = new ProviderEntry { Name = "o", Api = "openai", Locality = "local", Credentials = [], Client = new StubChatProvider("o"), BaseUrl = "http://127.0.0.1:11434/v1", HealthPath = "http://127.0.0.1:11434/api/tags" };

        Assert.Equal("http://127.0.0.1:11434/v1/health", HttpHealthProbe.HealthUrl(path)!.ToString());
        Assert.Equal("http://127.0.0.1:11434/api/tags", HttpHealthProbe.HealthUrl(absolute)!.ToString());
    }

    [Fact]
    public async Task HttpHealthProbe_NothingListening_FailsWithConnectionError()
    {
        using var probe = new HttpHealthProbe();
        var result = await probe.ProbeAsync(_catalog.Providers["p"], TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith("connection error", result.Error, StringComparison.Ordinal);
    }

    private HealthChecker NewChecker(IHealthProbe probe) =>
        new(new FixedCatalog(_catalog), _tracker, probe, _clock, NullLogger<HealthChecker>.Instance);

    private async Task WaitForTimerAsync()
    {
        // The checker's loop arms its delay asynchronously; wait until it has (no sleeping on time).
        var bound = System.Diagnostics.Stopwatch.StartNew();
        while (_clock.PendingTimers == 0 && bound.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Yield();
        }

        Assert.True(_clock.PendingTimers > 0, "the checker never armed its interval timer");
    }

    private List<HealthEvent> Drain()
    {
        var list = new List<HealthEvent>();
        while (_tracker.Log.TryRead(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    private sealed class FakeProbe(Func<ProviderEntry, ProbeResult> answer) : IHealthProbe
    {
        private readonly Lock _lock = new();
        private readonly List<TaskCompletionSource> _waiters = [];

        public Func<ProviderEntry, ProbeResult> Answer { get; set; } = answer;

        public List<string> Calls { get; } = [];

        public TimeSpan LastTimeout { get; private set; }

        public Task<ProbeResult> ProbeAsync(ProviderEntry provider, TimeSpan timeout, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                Calls.Add(provider.Name);
                LastTimeout = timeout;
                foreach (var w in _waiters)
                {
                    w.TrySetResult();
                }
            }

            return Task.FromResult(Answer(provider));
        }

        public async Task WaitForCallsAsync(int count)
        {
            while (true)
            {
                TaskCompletionSource waiter;
                lock (_lock)
                {
                    if (Calls.Count >= count)
                    {
                        return;
                    }

                    waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _waiters.Add(waiter);
                }

                await waiter.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
    }
}

/// <summary>A catalog source that never changes (the checker's view of a gateway without reloads).</summary>
internal sealed class FixedCatalog(global::Majordomo.Catalog.Catalog catalog) : ICatalogSource
{
    public global::Majordomo.Catalog.Catalog Current => catalog;
}
