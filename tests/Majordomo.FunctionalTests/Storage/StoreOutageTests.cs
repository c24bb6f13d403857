using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Majordomo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Majordomo.FunctionalTests.Storage;

/// <summary>
/// Issue 11 findings 3 and 6 through the real gateway: a store that refuses writes (switched on and
/// off by the test, as a full disk would) loses no budget increment, and <c>/health</c> says
/// <c>degraded</c> with the problem while it lasts, with the error log rate-limited.
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private const string Quota = """{ "quotas": { "premium": { "monthly": 100 } } }""";
    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task QuotaIncrements_StoreWritesFailThenRecover_NoneLostAndRightAfterRestart()
    {
        var flaky = new Switch();
        var directory = Path.Combine(Path.GetTempPath(), "majordomo-ft-" + Guid.NewGuid().ToString("N")[..10]);
        await using (var gateway = await TestGateway.StartAsync(BudgetTests.Config(Quota), _upstream, directory: directory,
            services: s => s.AddSingleton<IBudgetStore>(sp => new FailingBudgetStore(sp.GetRequiredService<StoreSet>().Budgets, flaky))))
        {
            gateway.DeleteDirectoryOnDispose = false;
            await AnswerAsync(gateway, 2);
            flaky.Failing = true;
            await AnswerAsync(gateway, 5);

            var degraded = await HealthAsync(gateway);
            Assert.Equal("degraded", degraded.GetProperty("status").GetString());
            Assert.Contains(degraded.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("budget counters", StringComparison.Ordinal));
            Assert.Equal(7, Used(await BudgetHttp.GetJsonAsync(gateway.Http, "/usage")));

            flaky.Failing = false;
            await AnswerAsync(gateway, 1);
            await WaitUntilAsync(async () => (await HealthAsync(gateway)).GetProperty("status").GetString() == "ok");
            await gateway.StopAsync();
        }

        // A restart reads the counters from the store alone: every increment must be there.
        await using var restarted = await TestGateway.StartAsync(BudgetTests.Config(Quota), _upstream, directory: directory);
        Assert.Equal(8, Used(await BudgetHttp.GetJsonAsync(restarted.Http, "/usage")));
    }

    [Fact]
    public async Task Health_RequestLogWritesFail_Degraded200HoldsRowsLogsOncePerInterval_WritesThemOnReturn()
    {
        var flaky = new Switch();
        var logs = new LogCapture();
        await using var gateway = await TestGateway.StartAsync(BudgetTests.Config("{}"), _upstream, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton<IRequestLogStore>(sp => new FailingRequestLog(sp.GetRequiredService<StoreSet>().Requests, flaky));
        });
        flaky.Failing = true;
        for (var i = 0; i < 6; i++)
        {
            await AnswerAsync(gateway, 1);
            await Task.Delay(40); // separate batches (the test flush interval is 20 ms)
        }

        // Held rows are retried once a second; the problem line states the count as of the last try.
        await WaitUntilAsync(async () => (await HealthAsync(gateway)).GetProperty("store").GetProperty("held").GetInt64() == 6 &&
                                         (await HealthAsync(gateway)).GetProperty("problems")[0].GetString()!.Contains("6 rows held", StringComparison.Ordinal));
        using var response = await gateway.Http.GetAsync("/health");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var problem = Assert.Single(health.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.Contains("request log writes failing", problem, StringComparison.Ordinal);
        Assert.Contains("disk full (test)", problem, StringComparison.Ordinal);
        Assert.Single(logs.Lines, l => l.EventId == LogEventsStoreWritesFailing);

        Assert.Contains("6 rows held in memory", problem, StringComparison.Ordinal);

        // Back: the held rows are written first (without waiting for new traffic), and the recovery line says so.
        flaky.Failing = false;
        await WaitUntilAsync(async () => (await HealthAsync(gateway)).GetProperty("status").GetString() == "ok");
        var store = (await HealthAsync(gateway)).GetProperty("store");
        Assert.Equal((0L, 0L, 6L), (store.GetProperty("held").GetInt64(), store.GetProperty("dropped").GetInt64(), store.GetProperty("written").GetInt64()));
        Assert.Contains(logs.Lines, l => l.Message.Contains("caught up: 6 row(s) held in memory written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_DatabaseFileDeleted_Degraded200NamingTheFile()
    {
        await using var gateway = await TestGateway.StartAsync(BudgetTests.Config(Quota), _upstream);
        await AnswerAsync(gateway, 1);
        Assert.Equal("ok", (await HealthAsync(gateway)).GetProperty("status").GetString());

        File.Delete(gateway.StorePath);

        // The probe is cached for a second, so a write that fails on the missing file can make the status degraded
        // while the cached probe still says reachable; wait for the first fresh probe (under load it may come late).
        await WaitUntilAsync(async () => !(await HealthAsync(gateway)).GetProperty("store").GetProperty("reachable").GetBoolean());
        using var response = await gateway.Http.GetAsync("/health");
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("store").GetProperty("reachable").GetBoolean());
        var problem = health.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).First(p => p.StartsWith("store: not usable", StringComparison.Ordinal));
        Assert.Contains("was deleted or moved", problem, StringComparison.Ordinal);
        Assert.Contains(gateway.StorePath, problem, StringComparison.Ordinal);
    }

    private const int LogEventsStoreWritesFailing = 502;

    private static async Task AnswerAsync(TestGateway gateway, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.Http.SendAsync(BudgetHttp.Chat("cloud/premium"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static double Used(JsonElement usage) => BudgetHttp.Budget(usage, "quota:premium", "month").GetProperty("used").GetDouble();

    private static async Task<JsonElement> HealthAsync(TestGateway gateway)
    {
        using var response = await gateway.Http.GetAsync("/health");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(100);
        }
    }

    private sealed class Switch
    {
        public volatile bool Failing;

        public void ThrowIfFailing()
        {
            if (Failing)
            {
                throw new StoreException("disk full (test)");
            }
        }
    }

    /// <summary>The real SQLite budget store, with writes refused while the switch is on (reads still work, as on a full disk).</summary>
    private sealed class FailingBudgetStore(IBudgetStore inner, Switch flaky) : IBudgetStore
    {
        public ValueTask<bool> TryReserveAsync(IReadOnlyList<CounterReservation> reservations, DateTimeOffset now, CancellationToken cancellationToken)
        {
            flaky.ThrowIfFailing();
            return inner.TryReserveAsync(reservations, now, cancellationToken);
        }

        public ValueTask ReleaseAsync(IReadOnlyList<CounterDelta> holds, DateTimeOffset now, CancellationToken cancellationToken)
        {
            flaky.ThrowIfFailing();
            return inner.ReleaseAsync(holds, now, cancellationToken);
        }

        public ValueTask SettleAsync(IReadOnlyList<CounterDelta> adjustments, DateTimeOffset now, CancellationToken cancellationToken)
        {
            flaky.ThrowIfFailing();
            return inner.SettleAsync(adjustments, now, cancellationToken);
        }

        public ValueTask<double> ReadAsync(string scope, string period, CancellationToken cancellationToken) => inner.ReadAsync(scope, period, cancellationToken);
    }

    private sealed class FailingRequestLog(IRequestLogStore inner, Switch flaky) : IRequestLogStore
    {
        public IRequestLogAppender OpenAppender() => new Appender(inner.OpenAppender(), flaky);

        public IAsyncEnumerable<RequestSummary> SummariesAsync(DateTimeOffset since, DateTimeOffset until, string? apiKey, CancellationToken cancellationToken) =>
            inner.SummariesAsync(since, until, apiKey, cancellationToken);

        public ValueTask<IReadOnlyList<RequestLogRecord>> RecentAsync(RecentQuery query, CancellationToken cancellationToken) =>
            inner.RecentAsync(query, cancellationToken);

        public IAsyncEnumerable<RequestLogRecord> ReplayAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.ReplayAsync(since, until, cancellationToken);

        public ValueTask<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => inner.PruneAsync(before, cancellationToken);

        private sealed class Appender(IRequestLogAppender inner, Switch flaky) : IRequestLogAppender
        {
            public ValueTask AppendAsync(IReadOnlyList<RequestLogRecord> batch, CancellationToken cancellationToken)
            {
                flaky.ThrowIfFailing();
                return inner.AppendAsync(batch, cancellationToken);
            }

            public void Dispose() => inner.Dispose();
        }
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(int EventId, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((eventId.Id, formatter(state, exception)));
        }
    }
}
