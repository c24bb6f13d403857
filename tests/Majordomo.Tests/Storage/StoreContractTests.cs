using Majordomo.Storage;

namespace Majordomo.Tests.Storage;

/// <summary>
/// What every store behind the seam must do, written once against the interfaces in
/// <c>Storage/</c>. An implementation subclasses this with a factory (<see cref="SqliteStoreContractTests"/>;
/// the PostgreSQL store will do the same) and every test runs against it.
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly List<StoreSet> _opened = [];

    /// <summary>Opens (and migrates) the database called <paramref name="name"/>; the same name in one test reopens the same data.</summary>
    private protected abstract Task<StoreSet> CreateAsync(string name);

    private async Task<StoreSet> OpenAsync(string name = "db")
    {
        var set = await CreateAsync(name);
        _opened.Add(set);
        return set;
    }

    public virtual void Dispose()
    {
        foreach (var set in _opened)
        {
            set.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Retention_FakeClock_DeletesRowsOlderThanRetentionDays_AsTheClockMoves()
    {
        var stores = await OpenAsync();
        using (var appender = stores.Requests.OpenAppender())
        {
            await appender.AppendAsync(
                [
                    SqliteStoreTests.Record("ten-days") with { Timestamp = Now.AddDays(-10) },
                    SqliteStoreTests.Record("three-days") with { Timestamp = Now.AddDays(-3) },
                    SqliteStoreTests.Record("now") with { Timestamp = Now },
                ], CancellationToken.None);
        }

        var clock = new TestSupport.ManualClock(Now);
        var retention = new RequestLogRetention(stores.Requests, 7, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<RequestLogRetention>.Instance);

        Assert.Equal(1, await retention.PruneOnceAsync(CancellationToken.None));
        Assert.Equal(["now", "three-days"], await IdsAsync(stores));

        clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await retention.PruneOnceAsync(CancellationToken.None));
        Assert.Equal(["now"], await IdsAsync(stores));
    }

    private static async Task<string[]> IdsAsync(StoreSet stores) =>
        [.. (await stores.Requests.RecentAsync(new RecentQuery(10, null, null), CancellationToken.None)).Select(r => r.Id)];

    [Fact]
    public async Task Migrate_Twice_KeepsTheVersionSchemaCurrentProbeSucceeds()
    {
        var stores = await OpenAsync();

        var first = await stores.Store.MigrateAsync(CancellationToken.None);
        var second = await stores.Store.MigrateAsync(CancellationToken.None);
        var probe = await stores.Store.ProbeAsync(CancellationToken.None);

        var schema = await stores.Store.ReadSchemaAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.True(schema.IsCurrent, schema.ToString());
        Assert.Equal(first, schema.Version);
        Assert.True(probe.Reachable, probe.Error);
        Assert.False(string.IsNullOrEmpty(stores.Store.Kind));
    }

    [Fact]
    public async Task RequestLog_AppendThenSummaries_ReturnsRowsInTheWindowOnceEach()
    {
        var stores = await OpenAsync();
        var early = SqliteStoreTests.Record("early") with { Timestamp = Now.AddHours(-2) };
        var answered = SqliteStoreTests.Record("answered", attempts: 2) with { Timestamp = Now, CostUsd = 0.5, CostEstimated = true, QuotaUnits = 1 };
        var failed = SqliteStoreTests.Record("failed") with { Timestamp = Now.AddMinutes(1), AnsweredBy = null, Status = 503, Tier = null };

        using (var appender = stores.Requests.OpenAppender())
        {
            await appender.AppendAsync([early, answered], CancellationToken.None);
            await appender.AppendAsync([failed, answered], CancellationToken.None); // a repeated id is ignored
        }

        var rows = new List<RequestSummary>();
        await foreach (var row in stores.Requests.SummariesAsync(Now.AddHours(-1), Now.AddHours(1), null, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(2, rows.Count);
        var a = Assert.Single(rows, r => r.Status == 200);
        Assert.Equal(("p/m", 0.5, true, 1.0, 2, "p/m1"), (a.AnsweredBy, a.CostUsd!.Value, a.CostEstimated, a.QuotaUnits, a.AttemptCount, a.FirstAttemptModel));
        Assert.Equal((123.5, 45.25, 100L, 20L, "route", "default"), (a.DurationMs, a.FirstByteMs!.Value, a.InputTokens, a.OutputTokens, a.Tier, a.Route));
        var f = Assert.Single(rows, r => r.Status == 503);
        Assert.Equal((null, null, null, 0), (f.AnsweredBy, f.Tier, f.CostUsd, f.AttemptCount));
    }

    [Fact]
    public async Task RequestLog_SummariesOfOneKey_OnlyThatKeysRows()
    {
        var stores = await OpenAsync();
        using (var appender = stores.Requests.OpenAppender())
        {
            await appender.AppendAsync(
                [
                    SqliteStoreTests.Record("alice-1") with { Timestamp = Now, ApiKey = "alice" },
                    SqliteStoreTests.Record("carol-1") with { Timestamp = Now, ApiKey = "carol", Status = 429 },
                    SqliteStoreTests.Record("nokey-1") with { Timestamp = Now },
                ],
                CancellationToken.None);
        }

        var alice = new List<RequestSummary>();
        await foreach (var row in stores.Requests.SummariesAsync(Now.AddHours(-1), Now.AddHours(1), "alice", CancellationToken.None))
        {
            alice.Add(row);
        }

        var all = 0;
        await foreach (var row in stores.Requests.SummariesAsync(Now.AddHours(-1), Now.AddHours(1), null, CancellationToken.None))
        {
            all++;
        }

        Assert.Equal(200, Assert.Single(alice).Status);
        Assert.Equal(3, all);
    }

    [Fact]
    public async Task RequestLog_Recent_NewestFirstWholeRowsLimitedSinceAndPerKey()
    {
        var stores = await OpenAsync();
        var old = SqliteStoreTests.Record("old") with { Timestamp = Now.AddHours(-2), ApiKey = "alice" };
        var fellBack = SqliteStoreTests.Record("fell-back", attempts: 2) with
        {
            Timestamp = Now,
            ApiKey = "alice",
            CostUsd = 0.25,
            Degradation = "normal",
            Loop = "warning;repeat=6",
            Complexity = "complex",
            TaskType = "coding",
            Sensitive = false,
            ClassifierSource = "heuristic",
        };
        var bobs = SqliteStoreTests.Record("bobs") with { Timestamp = Now.AddMinutes(1), ApiKey = "bob", AnsweredBy = null, Status = 502, FirstByteMs = null };
        using (var appender = stores.Requests.OpenAppender())
        {
            await appender.AppendAsync([old, fellBack, bobs], CancellationToken.None);
        }

        var all = await stores.Requests.RecentAsync(new RecentQuery(10, null, null), CancellationToken.None);
        var limited = await stores.Requests.RecentAsync(new RecentQuery(2, null, null), CancellationToken.None);
        var recent = await stores.Requests.RecentAsync(new RecentQuery(10, Now.AddHours(-1), null), CancellationToken.None);
        var alice = await stores.Requests.RecentAsync(new RecentQuery(10, null, "alice"), CancellationToken.None);

        Assert.Equal(["bobs", "fell-back", "old"], all.Select(r => r.Id));
        Assert.Equal(["bobs", "fell-back"], limited.Select(r => r.Id));
        Assert.Equal(["bobs", "fell-back"], recent.Select(r => r.Id));
        Assert.Equal(["fell-back", "old"], alice.Select(r => r.Id));
        Assert.Equal(fellBack with { Attempts = [] }, alice[0] with { Attempts = [] });
        Assert.Equal(fellBack.Attempts, alice[0].Attempts);
        Assert.Equal((null, 502, null), (all[0].AnsweredBy, all[0].Status, all[0].FirstByteMs));
    }

    [Fact]
    public async Task RequestLog_Replay_OldestFirstInTheWindow_WithTheReplayFields()
    {
        var stores = await OpenAsync();
        var replayable = SqliteStoreTests.Record("replayable") with
        {
            Timestamp = Now.AddMinutes(-5),
            Channel = "telegram",
            PromptTokens = 1234,
            MaxOutputTokens = 256,
            HasMedia = true,
            HasTools = false,
            Cache = "miss",
            Body = """{"model":"auto","messages":[{"role":"user","content":"hi"}]}""",
            Rule = "images",
            Complexity = "simple",
            TaskType = "vision",
            Sensitive = false,
        };
        var unread = SqliteStoreTests.Record("unread") with { Timestamp = Now.AddMinutes(-10) };
        var outside = SqliteStoreTests.Record("outside") with { Timestamp = Now.AddDays(-40) };
        using (var appender = stores.Requests.OpenAppender())
        {
            await appender.AppendAsync([replayable, unread, outside], CancellationToken.None);
        }

        var rows = await stores.Requests.ReplayAsync(Now.AddDays(-30), Now, CancellationToken.None).ToListAsync();

        Assert.Equal(["unread", "replayable"], rows.Select(r => r.Id));
        Assert.Equal(replayable with { Attempts = [] }, rows[1] with { Attempts = [] });
        Assert.Equal((null, null, null, null, null, null), (rows[0].PromptTokens, rows[0].MaxOutputTokens, rows[0].HasMedia, rows[0].HasTools, rows[0].Cache, rows[0].Body));
    }

    [Fact]
    public async Task Budgets_ReserveReleaseSettle_AddUpAndSurviveAReopen()
    {
        var stores = await OpenAsync();
        var b = stores.Budgets;

        Assert.Equal(0, await b.ReadAsync("quota:premium:month", "m2026-05-01", CancellationToken.None));
        Assert.True(await b.TryReserveAsync([new("quota:premium:month", "m2026-05-01", 3), new("usd:month", "m2026-05-01", 0.25)], Now, CancellationToken.None));
        await b.ReleaseAsync([new CounterDelta("quota:premium:month", "m2026-05-01", 1)], Now, CancellationToken.None);
        await b.SettleAsync([new CounterDelta("usd:month", "m2026-05-01", -0.05)], Now, CancellationToken.None);

        var reopened = await OpenAsync();
        Assert.Equal(2, await reopened.Budgets.ReadAsync("quota:premium:month", "m2026-05-01", CancellationToken.None), 9);
        Assert.Equal(0.2, await reopened.Budgets.ReadAsync("usd:month", "m2026-05-01", CancellationToken.None), 9);
        Assert.Equal(0, await reopened.Budgets.ReadAsync("quota:premium:month", "m2026-06-01", CancellationToken.None));
    }

    [Fact]
    public async Task Budgets_ReservePastALimit_ChangesNoCounter()
    {
        var b = (await OpenAsync()).Budgets;
        Assert.True(await b.TryReserveAsync([new("a", "p", 4, Limit: 5)], Now, CancellationToken.None));

        // 'b' would fit, 'a' would not: neither is counted.
        var refused = await b.TryReserveAsync([new("b", "p", 1, Limit: 5), new("a", "p", 2, Limit: 5)], Now, CancellationToken.None);
        var exact = await b.TryReserveAsync([new("a", "p", 1, Limit: 5)], Now, CancellationToken.None);

        Assert.False(refused);
        Assert.True(exact);
        Assert.Equal(5, await b.ReadAsync("a", "p", CancellationToken.None));
        Assert.Equal(0, await b.ReadAsync("b", "p", CancellationToken.None));
    }

    [Fact]
    public async Task Alerts_EachThresholdOncePerPeriod_WebhookStatusKept_NewestFirst()
    {
        var alerts = (await OpenAsync()).Alerts;
        var half = new BudgetAlert("usd:month", "m2026-05-01", 0.5, "usd monthly", 5, 10, Now, null);
        var most = half with { Threshold = 0.75, Used = 7.5, At = Now.AddMinutes(5) };

        Assert.True(await alerts.TryAddAsync(half, CancellationToken.None));
        Assert.False(await alerts.TryAddAsync(half with { At = Now.AddMinutes(1) }, CancellationToken.None));
        Assert.True(await alerts.TryAddAsync(most, CancellationToken.None));
        Assert.True(await alerts.TryAddAsync(half with { Period = "m2026-06-01", At = Now.AddDays(30) }, CancellationToken.None));
        await alerts.MarkWebhookAsync(half, "delivered (1 tries)", CancellationToken.None);

        Assert.Equal([0.5, 0.75], (await alerts.FiredThresholdsAsync("usd:month", "m2026-05-01", CancellationToken.None)).Order());
        var recent = await alerts.RecentAsync(2, CancellationToken.None);
        Assert.Equal([("m2026-06-01", 0.5), ("m2026-05-01", 0.75)], recent.Select(a => (a.Period, a.Threshold)));
        var all = await alerts.RecentAsync(10, CancellationToken.None);
        Assert.Equal("delivered (1 tries)", all.Single(a => a.Period == "m2026-05-01" && a.Threshold == 0.5).WebhookStatus);
        Assert.Equal((7.5, 10.0, "usd monthly", Now.AddMinutes(5)), all.Select(a => (a.Used, a.Limit, a.Budget, a.At)).Single(x => x.Used == 7.5));
    }

    [Fact]
    public async Task SessionPins_SetClearLoad_ReturnsOnlyPinnedSessions()
    {
        var pins = (await OpenAsync()).Sessions;
        await pins.SetAsync("s1", "premium", Now, CancellationToken.None);
        await pins.SetAsync("s2", "cheap", Now, CancellationToken.None);
        await pins.SetAsync("s1", "fast", Now, CancellationToken.None);
        await pins.SetAsync("s2", null, Now, CancellationToken.None);

        var loaded = await (await OpenAsync()).Sessions.LoadAsync(CancellationToken.None);

        Assert.Equal([new KeyValuePair<string, string>("s1", "fast")], loaded);
    }

    [Fact]
    public async Task LoopSessions_ApplyThenLoad_PrunesOldKeepsNewestWithinMax()
    {
        var loops = (await OpenAsync()).Loops;
        await loops.ApplyAsync(
            [
                new StoredLoopSession("old", "warning", "repeat", 3, Now.AddDays(-2)),
                new StoredLoopSession("a", "warning", "repeat", 4, Now.AddMinutes(-2)),
                new StoredLoopSession("b", "critical", "pingpong", 6, Now.AddMinutes(-1)),
                new StoredLoopSession("c", "breaker", "repeat", 9, Now),
            ],
            [],
            CancellationToken.None);
        await loops.ApplyAsync([new StoredLoopSession("a", "critical", "repeat", 7, Now.AddSeconds(1))], ["c"], CancellationToken.None);

        var two = await loops.LoadAsync(Now.AddDays(-1), 2, CancellationToken.None);
        var all = await loops.LoadAsync(Now.AddDays(-3), 10, CancellationToken.None);

        Assert.Equal([("a", "critical", "repeat", 7, Now.AddSeconds(1)), ("b", "critical", "pingpong", 6, Now.AddMinutes(-1))],
            two.Select(s => (s.Session, s.Level, s.Detector, s.Count, s.UpdatedAt)));
        Assert.Equal(["a", "b"], all.Select(s => s.Session)); // 'old' was pruned by the first load
    }

    [Fact]
    public async Task HealthLog_EventsAndCooldowns_ReadBack_ExpiredAndClearedCooldownsGone()
    {
        var store = (await OpenAsync()).Health;

        await store.WriteAsync(
            [new HealthEvent(Now, "p", "p/a", "active", false, true, 12.5, "HTTP 503"), new HealthEvent(Now, "p", "p/a", "passive", false, false, null, "transient")],
            [
                new StoredCooldown("p", "k1", "p/a", "rate-limited", 2, Now + TimeSpan.FromSeconds(60)),
                new StoredCooldown("p", "k2", "*", "billing", 1, Now + TimeSpan.FromSeconds(600)),
                new StoredCooldown("p", "k3", "p/a", "transient", 1, Now + TimeSpan.FromSeconds(5)),
            ],
            CancellationToken.None);
        await store.WriteAsync([], [new StoredCooldown("p", "k2", "*", "billing", 0, DateTimeOffset.MinValue)], CancellationToken.None);

        var log = await store.RecentAsync(10, CancellationToken.None);
        Assert.Equal(["passive", "active"], log.Select(e => e.Source));
        Assert.Equal((12.5, "HTTP 503", true), (log[1].LatencyMs, log[1].Error, log[1].Healthy));

        var cooldowns = await store.LoadCooldownsAsync(Now + TimeSpan.FromSeconds(10), CancellationToken.None);
        var remaining = Assert.Single(cooldowns);
        Assert.Equal(("k1", "rate-limited", 2), (remaining.Credential, remaining.Reason, remaining.Strikes));
        Assert.Equal(Now + TimeSpan.FromSeconds(60), remaining.Until);
    }

    [Fact]
    public async Task HealthLog_ClearNamingAnOlderCooldown_NewerRowStays_OlderCooldownNeverReplacesANewerRow()
    {
        var store = (await OpenAsync()).Health;
        var older = new StoredCooldown("p", "k1", "p/a", "rate_limited", 1, Now + TimeSpan.FromSeconds(30), 100);
        var newer = older with { Strikes = 2, Until = Now + TimeSpan.FromSeconds(60), SetAt = 200 };

        // Another instance set a newer cooldown before this one's clear of the older arrived.
        await store.WriteAsync([], [older, newer], CancellationToken.None);
        await store.WriteAsync([], [older with { Until = DateTimeOffset.MinValue }], CancellationToken.None);
        var kept = Assert.Single(await store.LoadCooldownsAsync(Now, CancellationToken.None));
        Assert.Equal(newer, kept);

        // The older cooldown written late does not replace it; the clear naming it (or an unnamed one) removes it.
        await store.WriteAsync([], [older], CancellationToken.None);
        Assert.Equal(newer, Assert.Single(await store.LoadCooldownsAsync(Now, CancellationToken.None)));
        await store.WriteAsync([], [newer with { Until = DateTimeOffset.MinValue }, older with { Model = "p/b" }], CancellationToken.None);
        await store.WriteAsync([], [older with { Model = "p/b", Until = DateTimeOffset.MinValue, SetAt = StoredCooldown.Unnamed }], CancellationToken.None);
        Assert.Empty(await store.LoadCooldownsAsync(Now, CancellationToken.None));
    }
}
