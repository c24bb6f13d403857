using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.Budgets;

public sealed class BudgetLedgerTests : IDisposable
{
    private const string Json = """
        { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:1/v1", "locality": "cloud" } },
          "models": { "p/premium": { "provider": "p", "quota": "premium", "multiplier": 1 },
                      "p/half": { "provider": "p", "quota": "premium", "multiplier": 0.5 },
                      "p/free": { "provider": "p" },
                      "p/paid": { "provider": "p", "maxOutputTokens": 500, "cost": { "inputPerMTok": 1000, "outputPerMTok": 1000 } } },
          "budgets": { "quotas": { "premium": { "monthly": 4, "daily": 3 } }, "usd": { "monthly": 1 },
                       "alerts": { "thresholds": [0.5, 0.75] } } }
        """;

    private readonly TempDirectory _dir = new();
    private readonly global::Majordomo.Catalog.Catalog _catalog = TestConfig.BuildCatalog(Json);
    private readonly BudgetPlan _plan;
    private readonly Clock _clock = new(new DateTimeOffset(2026, 5, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteStore _store;
    private readonly List<BudgetAlert> _alerts = [];

    public BudgetLedgerTests()
    {
        _plan = BudgetPlan.From(_catalog.Config);
        _store = new SqliteStore(_dir.File("m.db"));
        _store.Migrate();
    }

    public void Dispose() => _dir.Dispose();

    private BudgetLedger NewLedger(out SqliteBudgetStore store)
    {
        store = new SqliteBudgetStore(_store);
        return new BudgetLedger(() => _plan, store, store, _clock, NullLogger<BudgetLedger>.Instance, new Sink(_alerts));
    }

    private static ChatRequest Request() => new() { Body = """{"messages":[{"role":"user","content":"hi"}]}"""u8.ToArray(), Protocol = "openai" };

    private static readonly Usage Reported = new(10, 10, 0, true);

    private void Answer(BudgetLedger ledger, string model)
    {
        var ticket = ledger.Open(_plan, Request());
        Assert.Null(ticket.TryReserve(_catalog.Models[model]));
        ticket.Complete(_catalog.Models[model], Reported, 0, 0);
    }

    [Fact]
    public void TryReserve_PoolFull_RefusesUntilAReservationIsReleased()
    {
        var ledger = NewLedger(out var store);
        using var _ = store;
        var held = new List<BudgetTicket>();
        for (var i = 0; i < 3; i++)
        {
            var t = ledger.Open(_plan, Request());
            Assert.Null(t.TryReserve(_catalog.Models["p/premium"]));
            held.Add(t);
        }

        var refused = ledger.Open(_plan, Request()).TryReserve(_catalog.Models["p/premium"]);
        held[0].Complete(null, Usage.None, 0, 0); // failed: released
        var admitted = ledger.Open(_plan, Request()).TryReserve(_catalog.Models["p/premium"]);

        Assert.NotNull(refused);
        // Held is not spent: "would be exceeded", worth retrying once requests in flight settle.
        Assert.Contains("quota pool 'premium' (daily) would be exceeded: this request may cost up to 1 and 0 of 3 is used this day, 3 more is held by requests in flight", refused.Value.Reason, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow() + BudgetLedger.InFlightRetry, refused.Value.Until);
        Assert.Null(admitted);
    }

    [Fact]
    public void TryReserve_FractionalMultiplier_FillsThePoolExactly()
    {
        var ledger = NewLedger(out var store);
        using var _ = store;
        for (var i = 0; i < 6; i++)
        {
            Answer(ledger, "p/half");
        }

        Assert.NotNull(ledger.Open(_plan, Request()).TryReserve(_catalog.Models["p/half"])); // 3 of 3 daily
        Assert.NotNull(new QuotaGate(ledger, _plan).Check(_catalog.Models["p/premium"], new GateContext(_clock.GetUtcNow(), null, null)));
    }

    [Fact]
    public void Counters_NewLedgerOnSameStore_ResumeWhereTheyWere()
    {
        var first = NewLedger(out var store1);
        Answer(first, "p/premium");
        Answer(first, "p/premium");
        store1.Dispose();

        var second = NewLedger(out var store2);
        using var _ = store2;
        var monthly = second.Plan.ByPool["premium"].Single(l => l.PeriodKind == PeriodKind.Month);

        Assert.Equal(2, second.Snapshot(monthly, _clock.GetUtcNow()).Used);
    }

    [Fact]
    public void Reservation_NeverSettled_StaysCountedAfterRestart()
    {
        // A process killed mid-request: the reservation was written before the attempt, so it is not lost.
        var first = NewLedger(out var store1);
        Assert.Null(first.Open(_plan, Request()).TryReserve(_catalog.Models["p/premium"]));
        store1.Dispose();

        var second = NewLedger(out var store2);
        using var _ = store2;
        var monthly = second.Plan.ByPool["premium"].Single(l => l.PeriodKind == PeriodKind.Month);

        Assert.Equal(1, second.Snapshot(monthly, _clock.GetUtcNow()).Used);
    }

    [Fact]
    public void Alerts_EachThresholdOncePerPeriod_AgainNextPeriod()
    {
        var ledger = NewLedger(out var store);
        using var _ = store;
        Answer(ledger, "p/premium");
        Answer(ledger, "p/premium"); // monthly 2/4 = 50 %
        Answer(ledger, "p/premium"); // monthly 75 %, daily 100 %

        var monthly = _alerts.Where(a => a.Scope == "quota:premium:month").Select(a => a.Threshold).ToArray();
        Assert.Equal([0.5, 0.75], monthly);
        var daily = _alerts.Where(a => a.Scope == "quota:premium:day").Select(a => a.Threshold).ToArray();
        Assert.Equal([0.5, 0.75], daily);

        _clock.Now = new DateTimeOffset(2026, 6, 1, 0, 0, 1, TimeSpan.Zero);
        Answer(ledger, "p/premium");
        Answer(ledger, "p/premium");

        Assert.Equal(3, _alerts.Count(a => a.Scope == "quota:premium:month"));
        Assert.Equal(3, StoreSync.Wait(store.RecentAsync(100, CancellationToken.None)).Count(a => a.Scope == "quota:premium:month"));
        Assert.Equal("normal", ledger.Current(_plan, _clock.GetUtcNow(), null).Name);
    }

    [Fact]
    public void Current_PoolAt75Percent_UsesMonthlyFractionNotDaily()
    {
        var ledger = NewLedger(out var store);
        using var _ = store;
        Answer(ledger, "p/premium");
        Answer(ledger, "p/premium");
        Answer(ledger, "p/premium"); // daily 3/3 = 100 %, monthly 3/4 = 75 %

        Assert.Equal("normal", ledger.Current(_plan, _clock.GetUtcNow(), null).Name);
        Assert.NotNull(ledger.Open(_plan, Request()).TryReserve(_catalog.Models["p/half"])); // the daily cap still gates
    }

    [Fact]
    public void UsdBudget_Spent_GateExcludesPaidCloudModel()
    {
        var ledger = NewLedger(out var store);
        using var _ = store;
        var gate = new UsdBudgetGate(ledger, _plan);
        var context = new GateContext(_clock.GetUtcNow(), null, null);

        Assert.Null(gate.Check(_catalog.Models["p/paid"], context));
        var ticket = ledger.Open(_plan, Request());
        Assert.Null(ticket.TryReserve(_catalog.Models["p/paid"]));
        var cost = ticket.Complete(_catalog.Models["p/paid"], new Usage(600, 500, 0, true), 0, 0);

        Assert.Equal(1.1, cost.Usd, 9);
        Assert.False(cost.Estimated);
        var refused = gate.Check(_catalog.Models["p/paid"], context);
        Assert.NotNull(refused);
        Assert.Contains("USD budget (monthly) is used up ($1.1 of $1 this month)", refused.Value.Reason, StringComparison.Ordinal);
        Assert.Null(gate.Check(_catalog.Models["p/premium"], context));
    }

    [Theory]
    [InlineData("local-only")]
    [InlineData("reject")]
    public void FirstRead_StoreDown_PaidWorkRefusedAsOutage_NoThrow_AdmittedOnceTheStoreIsBack(string onOutage)
    {
        var mode = OutageModeWords.For(onOutage, sharedStore: true);
        using var inner = new SqliteBudgetStore(_store);
        var store = new DownStore(inner) { Down = true };
        var ledger = new BudgetLedger(() => _plan, store, inner, _clock, NullLogger<BudgetLedger>.Instance, new Sink(_alerts), outage: mode);

        // Before: the counter's first read threw StoreException through the request (a 500).
        var ticket = ledger.Open(_plan, Request());
        var refused = ticket.TryReserve(_catalog.Models["p/premium"]);

        Assert.True(refused is { } r && BudgetLedger.IsOutage(r), refused?.Reason);
        // local-only: a free model still answers; reject: the request is refused whatever comes next.
        Assert.Equal(mode == OutageMode.Reject, ticket.TryReserve(_catalog.Models["p/free"]) is { } again && BudgetLedger.IsOutage(again));

        // Back: the counter is read again (at most once a second) and admission is exact again.
        store.Down = false;
        _clock.Now += TimeSpan.FromSeconds(1);
        Answer(ledger, "p/premium");
        Assert.Equal(1, ledger.Snapshot(_plan.ByPool["premium"][0], _clock.Now).Used);
    }

    [Fact]
    public void FirstRead_StoreDown_FailOpen_CountsLocally()
    {
        using var inner = new SqliteBudgetStore(_store);
        var store = new DownStore(inner) { Down = true };
        var ledger = new BudgetLedger(() => _plan, store, inner, _clock, NullLogger<BudgetLedger>.Instance, new Sink(_alerts), outage: OutageMode.FailOpen);

        Answer(ledger, "p/premium");

        Assert.Equal(1, ledger.Snapshot(_plan.ByPool["premium"][0], _clock.Now).Used);
        Assert.True(ledger.PendingStoreWrites > 0);
    }

    /// <summary>A budget store whose every call fails while <see cref="Down"/> (a database that went away).</summary>
    private sealed class DownStore(IBudgetStore inner) : IBudgetStore
    {
        public bool Down { get; set; }

        public ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken) =>
            Down ? throw new StoreException("connection refused (test)") : inner.TryReserveAsync(reservations, now, cancellationToken);

        public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken) =>
            Down ? throw new StoreException("connection refused (test)") : inner.ReleaseAsync(holds, now, cancellationToken);

        public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken) =>
            Down ? throw new StoreException("connection refused (test)") : inner.SettleAsync(adjustments, now, cancellationToken);

        public ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken) =>
            Down ? throw new StoreException("connection refused (test)") : inner.ReadAsync(scope, period, cancellationToken);
    }

    private sealed class Sink(List<BudgetAlert> into) : IBudgetAlertSink
    {
        public void Enqueue(BudgetAlert alert) => into.Add(alert);
    }

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
