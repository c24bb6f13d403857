using System.Net;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using static Majordomo.FunctionalTests.Routing.RoutingHttp;

namespace Majordomo.FunctionalTests.Routing;

/// <summary>SPEC §1.3: every routed request's classification (and its source) is in its request-log row.</summary>
public sealed class ClassificationLogTests : IAsyncLifetime
{
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await RoutingHttp.StartAsync(SmartConfigs.Build(), _upstream, new ScriptedGate(), new SettableDegradation());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task ClassifiedRequests_StoreComplexityTaskTypeSensitiveAndSource_NamedModelsStoreNone()
    {
        using (var coding = await ChatAsync(_gateway, Body("Write a Python function that parses ISO 8601 dates and add unit tests for leap years.")))
        using (var secret = await ChatAsync(_gateway, Body("why is postgres://admin:Hunter2Secret@db.internal:5432/app so slow?")))
        using (var named = await ChatAsync(_gateway, Body("hello", model: "loc/coder")))
        {
            Assert.Equal(HttpStatusCode.OK, coding.StatusCode);
            Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        }

        await _gateway.StopAsync();
        var rows = BudgetTests.Query(_gateway.StorePath, "SELECT tier, complexity, task_type, sensitive, classifier_source FROM requests ORDER BY ts_unix_ms, rowid");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["classified", "medium", "coding", 0L, "heuristic"], rows[0][..5]);
        Assert.Equal("classified", rows[1][0]);
        Assert.Equal(1L, rows[1][3]);
        Assert.Equal("heuristic", rows[1][4]);
        Assert.Equal([null, null, null], rows[2][1..4]);
    }
}
