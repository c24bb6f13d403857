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

    [Theory]
    [InlineData("p/paid", true, 0L, 0L)]
    [InlineData("p/paid", false, 0L, 0L)]
    [InlineData("p/paid", false, 4_000L, 20L)]
    [InlineData("p/premium", true, 0L, 0L)]
    [InlineData("p/free", false, 900L, 3L)]
    public void CostOf_IsWhatATicketOfAPlanWithoutBudgetsSettles(string model, bool reported, long answerBytes, long answerEvents)
    {
        // The executor opens no ticket when the config has no budget and prices the answer with CostOf instead.
        var withoutBudgets = Json[..Json.LastIndexOf(',', Json.IndexOf("\"budgets\"", StringComparison.Ordinal))] + " }";
        var empty = BudgetPlan.From(TestConfig.BuildCatalog(withoutBudgets).Config);
        Assert.True(empty.IsEmpty);
        var ledger = NewLedger(out _);
        var entry = _catalog.Models[model];
        var usage = reported ? Reported : new Usage(0, answerEvents > 0 ? 0 : 7, 0, false);
        var request = new ChatRequest { Body = """{"messages":[{"role":"user","content":"hi there, a longer prompt"}],"stream":true}"""u8.ToArray(), Protocol = "openai", Stream = true };

        var settled = ledger.Open(empty, request).Complete(entry, usage, answerBytes, answerEvents);

        Assert.Equal(settled, BudgetTicket.CostOf(request, entry, usage, answerBytes, answerEvents));
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

    [Fact]
    public async Task TryReserveAsync_FirstReadOfACounterSlow_HoldsNoThread_OthersAdmittedMeanwhile_StoredAmountDecides()
    {
        using var inner = new SqliteBudgetStore(_store);
        var now = _clock.GetUtcNow();
        var daily = _plan.ByPool["premium"].Single(l => l.PeriodKind == PeriodKind.Day);
        // Another instance has used 2 of the pool's 3 daily units: one more fits, two do not.
        await inner.TryReserveAsync([new CounterReservation(daily.CounterScope, daily.Current(now).Key, 2)], now, CancellationToken.None);
        var store = new GatedStore(inner) { GatedScope = daily.CounterScope };
        var ledger = new BudgetLedger(() => _plan, store, store, _clock, NullLogger<BudgetLedger>.Instance, new Sink(_alerts));
        try
        {
            // Two requests need the daily counter, whose first read waits on the store. Each call returns at once.
            var pending = new[]
            {
                await ReturnsAsync(() => ledger.Open(_plan, Request()).TryReserveAsync(_catalog.Models["p/premium"]).AsTask()),
                await ReturnsAsync(() => ledger.Open(_plan, Request()).TryReserveAsync(_catalog.Models["p/premium"]).AsTask()),
            };
            Assert.All(pending, p => Assert.False(p.IsCompleted));

            // Meanwhile: a request on other counters is admitted, the gates and the degradation level answer from memory.
            Assert.Null(await Task.Run(() => ledger.Open(_plan, Request()).TryReserveAsync(_catalog.Models["p/paid"]).AsTask()).WaitAsync(Deadline));
            var context = new GateContext(now, null, null);
            Assert.Null(await Task.Run(() => new QuotaGate(ledger, _plan).Check(_catalog.Models["p/premium"], context)).WaitAsync(Deadline));
            Assert.Equal("normal", (await Task.Run(() => ledger.Current(_plan, now, null)).WaitAsync(Deadline)).Name);
            Assert.Equal(1, store.GatedCalls); // load once: the second request awaits the first one's read
            Assert.All(pending, p => Assert.False(p.IsCompleted));

            store.Open();
            var answers = await Task.WhenAll(pending).WaitAsync(Deadline);

            // The stored amount decides: one more unit fits, the other request is refused (no overspend).
            Assert.Single(answers, a => a is null);
            Assert.Contains("2 of 3 is used this day, 1 more is held by requests in flight", answers.Single(a => a is not null)!.Value.Reason, StringComparison.Ordinal);
            Assert.Equal(3, await inner.ReadAsync(daily.CounterScope, daily.Current(now).Key, CancellationToken.None));
        }
        finally
        {
            store.Open();
        }
    }

    [Fact]
    public async Task CompleteAsync_AlertStoreSlow_HoldsNoThread_AlertFiredOnceWhenStored()
    {
        using var inner = new SqliteBudgetStore(_store);
        var store = new GatedStore(inner) { GateAlerts = true };
        var ledger = new BudgetLedger(() => _plan, store, store, _clock, NullLogger<BudgetLedger>.Instance, new Sink(_alerts));
        try
        {
            Answer(ledger, "p/premium"); // monthly 1/4, daily 1/3: no threshold yet
            var ticket = await ledger.OpenAsync(_plan, Request());
            Assert.Null(await ticket.TryReserveAsync(_catalog.Models["p/premium"]));

            // Monthly 2/4 and daily 2/3 cross 50 %: storing those alerts waits on the store, with no thread.
            var completing = await ReturnsAsync(() => ticket.CompleteAsync(_catalog.Models["p/premium"], Reported, 0, 0).AsTask());
            Assert.False(completing.IsCompleted);
            Assert.Null(await Task.Run(() => ledger.Open(_plan, Request()).TryReserveAsync(_catalog.Models["p/paid"]).AsTask()).WaitAsync(Deadline));
            Assert.Empty(_alerts);

            store.Open();
            await completing.WaitAsync(Deadline);
            Assert.Equal([0.5, 0.5], _alerts.Select(a => a.Threshold));
            Assert.Equal(2, (await inner.RecentAsync(10, CancellationToken.None)).Count);
        }
        finally
        {
            store.Open();
        }
    }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starts <paramref name="call"/> on another thread and gives back its task once the call has returned, not completed:
    /// a call that waits on the store with its thread misses the deadline (the test fails instead of hanging).
    /// </summary>
    private static async Task<Task<T>> ReturnsAsync<T>(Func<Task<T>> call) => (await Task.Run(() => new[] { call() }).WaitAsync(Deadline))[0];

    /// <summary>
    /// A store whose reads of <see cref="GatedScope"/>'s counter (and, with <see cref="GateAlerts"/>, alert writes)
    /// wait until <see cref="Open"/>: a shared database slow to answer, or a row another instance holds locked.
    /// </summary>
    private sealed class GatedStore(SqliteBudgetStore inner) : IBudgetStore, IAlertStore
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _gatedCalls;

        public string? GatedScope { get; init; }

        public bool GateAlerts { get; init; }

        public int GatedCalls => Volatile.Read(ref _gatedCalls);

        public void Open() => _gate.TrySetResult();

        public async ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken)
        {
            if (scope == GatedScope)
            {
                Interlocked.Increment(ref _gatedCalls);
                await _gate.Task;
            }

            return await inner.ReadAsync(scope, period, cancellationToken);
        }

        public async ValueTask<bool> TryAddAsync(BudgetAlert alert, CancellationToken cancellationToken)
        {
            if (GateAlerts)
            {
                Interlocked.Increment(ref _gatedCalls);
                await _gate.Task;
            }

            return await inner.TryAddAsync(alert, cancellationToken);
        }

        public ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.TryReserveAsync(reservations, now, cancellationToken);

        public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken) => inner.ReleaseAsync(holds, now, cancellationToken);

        public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken) => inner.SettleAsync(adjustments, now, cancellationToken);

        public ValueTask<IReadOnlyCollection<double>> FiredThresholdsAsync(string scope, string period, CancellationToken cancellationToken) =>
            inner.FiredThresholdsAsync(scope, period, cancellationToken);

        public ValueTask MarkWebhookAsync(BudgetAlert alert, string status, CancellationToken cancellationToken) => inner.MarkWebhookAsync(alert, status, cancellationToken);

        public ValueTask<IReadOnlyList<BudgetAlert>> RecentAsync(int max, CancellationToken cancellationToken) => inner.RecentAsync(max, cancellationToken);
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
