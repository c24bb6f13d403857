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
        // A row's ts is taken when it is recorded, after its answer was written, so two quick requests can
        // share a millisecond or land in either order: each row is found by what it must hold, not by position.
        var rows = BudgetTests.Query(_gateway.StorePath, "SELECT tier, complexity, task_type, sensitive, classifier_source, requested_model FROM requests");
        var shown = string.Join(" | ", rows.Select(r => string.Join(",", r)));

        Assert.True(rows.Count == 3, shown);
        var namedRow = Assert.Single(rows, r => Equals(r[5], "loc/coder"));
        Assert.Equal([null, null, null], namedRow[1..4]);
        var classified = rows.Where(r => !ReferenceEquals(r, namedRow)).ToList();
        Assert.All(classified, r => Assert.Equal(["classified", "heuristic"], new[] { r[0], r[4] }));
        Assert.True(classified.Count(r => r[1..4].SequenceEqual(new object?[] { "medium", "coding", 0L })) == 1, shown);
        Assert.True(classified.Count(r => Equals(r[3], 1L)) == 1, shown);
    }
}
