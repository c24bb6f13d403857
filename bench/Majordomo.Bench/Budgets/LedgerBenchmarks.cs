using BenchmarkDotNet.Attributes;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Config;
using Majordomo.Providers;
using Majordomo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Bench.Budgets;

/// <summary>
/// The budget ledger's steps on the request path, counters already read (every request after a period's first):
/// the endpoint's degradation look on a route without budgets — <see cref="Unbudgeted_Current"/>, the synchronous call
/// it made before the nineteenth session, against <see cref="Unbudgeted_CurrentAsync"/>, the awaited one it makes now —
/// and with a quota pool and a USD budget, the look and a whole admission (open, reserve, settle) on an in-memory store.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LedgerBenchmarks
{
    private readonly DateTimeOffset _now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private BudgetLedger _ledger = null!;
    private BudgetPlan _plan = null!;
    private ModelEntry _premium = null!;
    private ChatRequest _request = null!;

    public static int Run(string[] args) => InProcessBenchmarks.Run<LedgerBenchmarks>(args);

    [GlobalSetup]
    public void Setup()
    {
        const string json = """
            { "providers": { "up": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", "locality": "cloud" } },
              "models": { "m/premium": { "provider": "up", "quota": "premium", "multiplier": 1, "cost": { "inputPerMTok": 1, "outputPerMTok": 1 } } },
              "routes": { "mx": { "chain": ["m/premium"] } }, "defaultRoute": "mx",
              "budgets": { "quotas": { "premium": { "monthly": 1000000000 } }, "usd": { "monthly": 1000000000 } } }
            """;
        var config = ConfigLoader.Load(json, _ => null).Config!;
        _premium = CatalogBuilder.Build(config, new ProviderFactory(TimeProvider.System)).Models["m/premium"];
        _plan = BudgetPlan.From(config);
        var store = new MemoryBudgetStore();
        _ledger = new BudgetLedger(() => _plan, store, store, TimeProvider.System, NullLogger<BudgetLedger>.Instance);
        _request = new ChatRequest { Body = """{"messages":[{"role":"user","content":"hi"}]}"""u8.ToArray(), Protocol = "openai" };
        Admission(); // the counters' reads
    }

    [Benchmark(Baseline = true)]
    public object Unbudgeted_Current() => _ledger.Current(BudgetPlan.Empty, _now, null);

    [Benchmark]
    public object Unbudgeted_CurrentAsync() => Completed(_ledger.CurrentAsync(BudgetPlan.Empty, _now, null));

    [Benchmark]
    public object Budgeted_Current() => _ledger.Current(_plan, _now, null);

    [Benchmark]
    public object Budgeted_CurrentAsync() => Completed(_ledger.CurrentAsync(_plan, _now, null));

    [Benchmark]
    public object Budgeted_Admission() => Admission();

    private RequestCost Admission()
    {
        var ticket = _ledger.Open(_plan, _request);
        ticket.TryReserve(_premium);
        return ticket.Complete(_premium, new Usage(10, 10, 0, true), 0, 0);
    }

    // What `await` does on a completed ValueTask (the request path's case once the counters are read).
    private static T Completed<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
