using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Budgets;

/// <summary>
/// A stream the client cuts just before the end is charged for what was delivered (SPEC §5; issue 11
/// finding 2): the usage reported so far, output counted from the delivered text, the prompt's
/// estimate when no input count arrived — on both ingresses, from both upstream protocols.
/// </summary>
public sealed class AbortedStreamCostTests : IAsyncLifetime
{
    private const int Chunks = 40; // "chunk0 " … "chunk39 ": ~330 bytes of text, ~80 tokens at 4 bytes a token

    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private const string Config = """
        {
          "providers": {
            "oa": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1 },
            "an": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1 }
          },
          "models": {
            "oa/paid": { "provider": "oa", "upstreamModel": "paid", "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } },
            "an/paid": { "provider": "an", "upstreamModel": "paid", "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } }
          },
          "defaultRoute": "oa/paid",
          "budgets": { "usd": { "daily": 1000 } }
        }
        """;

    [Theory]
    [InlineData("openai", "oa/paid")]
    [InlineData("openai", "an/paid")]
    [InlineData("anthropic", "oa/paid")]
    [InlineData("anthropic", "an/paid")]
    [InlineData("responses", "oa/paid")]
    [InlineData("responses", "an/paid")]
    public async Task StreamCutJustBeforeTheEnd_IsChargedForTheDeliveredText(string ingress, string model)
    {
        await using var gateway = await TestGateway.StartAsync(Config, _upstream);
        _upstream.Script("paid", new Scenario.HangAfterChunks(Chunks));

        var request = ingress switch
        {
            "openai" => BudgetHttp.Chat(model, stream: true),
            "responses" => Sse.Post("/v1/responses", JsonSerializer.Serialize(new { model, stream = true, input = "hello" }), stream: true),
            _ => Sse.Post("/v1/messages", JsonSerializer.Serialize(new { model, max_tokens = 500, stream = true, messages = new[] { new { role = "user", content = "hello" } } }), stream: true),
        };
        using (var response = await gateway.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await foreach (var data in Sse.ReadEventsAsync(response))
            {
                if (data.Contains($"chunk{Chunks - 1} ", StringComparison.Ordinal))
                {
                    break; // every word arrived; the end never will: hang up
                }
            }
        }

        await BudgetTests.WaitForRowsAsync(gateway.StorePath, 1);
        var row = BudgetTests.Query(gateway.StorePath, "SELECT status, cost_usd, input_tokens, output_tokens FROM requests")[0];
        Assert.Equal(499L, row[0]);
        var cost = (double)row[1]!;
        var input = (long)row[2]!;
        var output = (long)row[3]!;

        // ~330 bytes of delivered text: at least 70 output tokens, never the 0 or 1 reported before the end.
        Assert.InRange(output, 70, 100);
        Assert.True(input > 0, $"input tokens {input}");
        Assert.Equal((input * 1000 + output * 2000) / 1e6, cost, 6);

        var usage = await BudgetHttp.GetJsonAsync(gateway.Http, "/usage");
        Assert.Equal(cost, BudgetHttp.Budget(usage, "usd", "day").GetProperty("used").GetDouble(), 6);
    }
}
