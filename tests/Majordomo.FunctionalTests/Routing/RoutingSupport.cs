using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Majordomo.FunctionalTests.Routing;

/// <summary>A model gate scripted by the test: blocks models until a time (or for good).</summary>
internal sealed class ScriptedGate : IModelGate
{
    private readonly ConcurrentDictionary<string, (string Reason, DateTimeOffset? Until)> _blocked = new(StringComparer.Ordinal);
    // Checks by model and request source: the gateway's start-up warm-up makes a decision of its own (no source),
    // so a test waiting for its request to reach the gate counts only checks carrying that request's source.
    private readonly ConcurrentDictionary<(string Model, string? Source), int> _checksBySource = new();

    public string Name => "scripted";

    public void Block(string model, string reason, DateTimeOffset? until = null) => _blocked[model] = (reason, until);

    public int Checks(string model, string source) => _checksBySource.TryGetValue((model, source), out var n) ? n : 0;

    public Unavailability? Check(ModelEntry model, in GateContext context)
    {
        _checksBySource.AddOrUpdate((model.Id, context.Source), 1, (_, n) => n + 1);
        if (_blocked.TryGetValue(model.Id, out var block) && (block.Until is null || context.Now < block.Until))
        {
            return new Unavailability(block.Reason, block.Until);
        }

        return null;
    }
}

/// <summary>A degradation source the test sets.</summary>
internal sealed class SettableDegradation : IDegradationSource
{
    public DegradationLevel Level { get; set; } = DegradationLevel.Normal;

    public DegradationLevel Current(BudgetPlan plan, DateTimeOffset now, string? apiKeyName) => Level;
}

/// <summary>Helpers shared by the routing tests: start a gateway with a gate and degradation, post chat and explain requests.</summary>
internal static class RoutingHttp
{
    public static Task<TestGateway> StartAsync(string config, ScenarioUpstream upstream, ScriptedGate gate, SettableDegradation degradation, string? directory = null) =>
        TestGateway.StartAsync(config, upstream, services: s =>
        {
            s.AddSingleton<IModelGate>(gate);
            s.AddSingleton<IDegradationSource>(degradation);
        }, directory: directory);

    public static string Body(string text, string? model = null, bool stream = false, string extra = "") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = model,
            ["stream"] = stream,
            ["messages"] = new[] { new { role = "user", content = text } },
        }).TrimEnd('}') + extra + "}";

    public static async Task<HttpResponseMessage> ChatAsync(TestGateway gateway, string body, params (string Name, string Value)[] headers)
    {
        var request = Sse.Post("/v1/chat/completions", body);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await gateway.Http.SendAsync(request);
    }

    public static async Task<JsonElement> ExplainAsync(TestGateway gateway, string body, params (string Name, string Value)[] headers)
    {
        var request = Sse.Post("/v1/route", body);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/v1/route answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string[] Ranked(JsonElement explanation) =>
        explanation.GetProperty("candidates").EnumerateArray()
            .Where(c => c.GetProperty("rank").ValueKind == JsonValueKind.Number)
            .Select(c => c.GetProperty("model").GetString()!).ToArray();

    public static string? ExcludedReason(JsonElement explanation, string model) =>
        explanation.GetProperty("candidates").EnumerateArray()
            .Where(c => c.GetProperty("model").GetString() == model)
            .Select(c => c.GetProperty("excluded").ValueKind == JsonValueKind.Null ? null : c.GetProperty("excluded").GetString())
            .Single();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Header(HttpResponseMessage response, string name) => Sse.Header(response, name);

    public static Task<HttpResponseMessage> PostJsonAsync(TestGateway gateway, string path, object body) => gateway.Http.PostAsJsonAsync(path, body);
}
