using System.Text.Json;
using Majordomo.Engine;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Majordomo.FunctionalTests.Library;

/// <summary>
/// Majordomo as a library (SPEC §9), with no Kestrel of its own: a service provider built as a console
/// application builds it (<c>AddMajordomo</c>, <c>GetRequiredService&lt;IChatClient&gt;</c>), routing
/// to the loopback scenario upstream. Decision, fallback, streaming, tools, budget refusal, loop guard
/// and the request log, through <see cref="IChatClient"/> alone.
/// </summary>
public sealed class ChatClientTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("majordomo-lib-").FullName;
    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string StorePath => Path.Combine(_dir, "majordomo.db");

    /// <summary>The config written to a file next to the store, as a user would keep it; the store path is the config's default.</summary>
    private ServiceProvider Build(string config)
    {
        var path = Path.Combine(_dir, "majordomo.json");
        File.WriteAllText(path, config.Replace("{UPSTREAM}", _upstream.BaseUrl, StringComparison.Ordinal));
        return new ServiceCollection().AddMajordomo(path).BuildServiceProvider();
    }

    [Fact]
    public async Task GetResponse_Alias_AnswersWithDecisionUsageAndLogsTheRequest()
    {
        string requestId;
        await using (var provider = Build(Configs.Standard))
        {
            var client = provider.GetRequiredService<IChatClient>();

            var response = await client.GetResponseAsync("hello", new ChatOptions
            {
                ModelId = "alpha",
                AdditionalProperties = new() { ["source"] = "cron", ["session"] = "s-1", ["kind"] = "run" },
            });

            Assert.Equal("Hello from a", response.Text);
            Assert.Equal("up/a", response.ModelId);
            Assert.Equal("alias", response.AdditionalProperties!["majordomo.tier"]);
            Assert.Equal(1, response.AdditionalProperties["majordomo.attempts"]);
            Assert.Equal(11, response.Usage!.InputTokenCount);
            Assert.Equal(7, response.Usage.OutputTokenCount);
            requestId = (string)response.AdditionalProperties["majordomo.requestId"]!;

            // The router's metadata never reaches the upstream.
            Assert.False(_upstream.Received[0].Json().RootElement.TryGetProperty("metadata", out _));
        }

        // Disposing the provider stops the request-log writer, which flushes first.
        var row = ReadRow(requestId, "requested_model, answered_by, tier, status, source, session, kind, input_tokens");
        Assert.Equal(["alpha", "up/a", "alias", "200", "cron", "s-1", "run", "11"], row);
    }

    [Fact]
    public async Task ResponseCache_SameQuestionTwice_OneUpstreamCallAndEitherForm()
    {
        await using var provider = Build(Configs.Standard.Replace("\"defaultRoute\": \"default\",", "\"defaultRoute\": \"default\", \"cache\": {},", StringComparison.Ordinal));
        var client = provider.GetRequiredService<IChatClient>();

        var first = await client.GetResponseAsync("heartbeat", new ChatOptions { ModelId = "ab" });
        var second = await client.GetResponseAsync("heartbeat", new ChatOptions { ModelId = "ab" });
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("heartbeat", new ChatOptions { ModelId = "ab" }))
        {
            updates.Add(update);
        }

        Assert.Equal("miss", first.AdditionalProperties!["majordomo.cache"]);
        Assert.Equal("hit", second.AdditionalProperties!["majordomo.cache"]);
        Assert.Equal("cache", second.AdditionalProperties["majordomo.tier"]);
        Assert.Equal(0, second.AdditionalProperties["majordomo.attempts"]);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal("up/a", second.ModelId);
        Assert.Equal(first.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal("hit", updates[^1].AdditionalProperties!["majordomo.cache"]);
        Assert.Single(_upstream.Received);
    }

    [Fact]
    public async Task GetResponse_FirstEntryFails_FallsBackAlongTheChain()
    {
        _upstream.Script("a", new Scenario.Status(503, """{"error":{"message":"busy"}}"""));
        await using var provider = Build(Configs.Standard);
        var client = provider.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync("hello", new ChatOptions { ModelId = "ab" });

        Assert.Equal("up/b", response.ModelId);
        Assert.Equal("Hello from b", response.Text);
        Assert.Equal("ab", response.AdditionalProperties!["majordomo.route"]);
        Assert.Equal(2, response.AdditionalProperties["majordomo.attempts"]);
    }

    [Fact]
    public async Task GetResponse_UnknownModel_ThrowsTheGatewaysError()
    {
        await using var provider = Build(Configs.Standard);
        var client = provider.GetRequiredService<IChatClient>();

        var ex = await Assert.ThrowsAsync<MajordomoException>(() => client.GetResponseAsync("hello", new ChatOptions { ModelId = "no-such-model" }));

        Assert.Equal(404, ex.Status);
        Assert.Equal("model_not_found", ex.Code);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task GetStreamingResponse_StreamsTextThenUsageAndDecision()
    {
        await using var provider = Build(Configs.Standard);
        var client = provider.GetRequiredService<IChatClient>();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("hello", new ChatOptions { ModelId = "default" }))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 2, $"{updates.Count} updates");
        var response = updates.ToChatResponse();
        Assert.Equal("Hello from a", response.Text);
        Assert.Equal(18, response.Usage!.TotalTokenCount);
        Assert.Equal("up/a", updates[^1].ModelId);
        Assert.Equal("default", updates[^1].AdditionalProperties!["majordomo.route"]);
        Assert.True(_upstream.Received[0].Stream);
    }

    [Fact]
    public async Task Tools_CallAndResult_RoundTrip()
    {
        _upstream.Script("a", new Scenario.ToolCall("get_weather", """{"city":"Paris"}"""), new Scenario.Ok());
        await using var provider = Build(Configs.Standard);
        var client = provider.GetRequiredService<IChatClient>();
        var weather = AIFunctionFactory.Create((string city) => "sunny", "get_weather", "The weather in a city");
        var options = new ChatOptions { ModelId = "alpha", Tools = [weather] };
        List<ChatMessage> messages = [new(ChatRole.User, "weather in Paris?")];

        var first = await client.GetResponseAsync(messages, options);
        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        messages.AddRange(first.Messages);
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "sunny")]));
        await client.GetResponseAsync(messages, options);

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Paris", call.Arguments!["city"]!.ToString());
        var sentTools = _upstream.Received[0].Json().RootElement.GetProperty("tools");
        Assert.Equal("get_weather", sentTools[0].GetProperty("function").GetProperty("name").GetString());
        var second = _upstream.Received[1].Json().RootElement.GetProperty("messages");
        Assert.Equal(call.CallId, second[1].GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal("tool", second[2].GetProperty("role").GetString());
        Assert.Equal(call.CallId, second[2].GetProperty("tool_call_id").GetString());
        Assert.Equal("sunny", second[2].GetProperty("content").GetString());
    }

    [Fact]
    public async Task QuotaPoolUsedUp_ThrowsBudgetExceeded_WithoutCallingUpstream()
    {
        await using var provider = Build(BudgetTests.Config("""{ "quotas": { "premium": { "monthly": 1, "resetDayOfMonth": 1 } } }"""));
        var client = provider.GetRequiredService<IChatClient>();
        await client.GetResponseAsync("hello", new ChatOptions { ModelId = "cloud/premium" });

        var ex = await Assert.ThrowsAsync<MajordomoException>(() => client.GetResponseAsync("hello", new ChatOptions { ModelId = "cloud/premium" }));

        Assert.Equal(429, ex.Status);
        Assert.Equal("budget_exceeded", ex.Code);
        Assert.Contains("quota pool 'premium' (monthly) is used up (1 of 1 this month)", ex.Message, StringComparison.Ordinal);
        Assert.Single(_upstream.ReceivedFor("premium"));
    }

    [Fact]
    public async Task ToolLoop_AtBreaker_ThrowsLoopDetected_WithoutCallingUpstream()
    {
        await using var provider = Build(Configs.Standard);
        var client = provider.GetRequiredService<IChatClient>();
        var transcript = LoopTranscript.Load("openai-npm-test-loop");

        var warned = await client.GetResponseAsync(Messages(transcript, 16), new ChatOptions { ModelId = "default" });
        var ex = await Assert.ThrowsAsync<MajordomoException>(() => client.GetResponseAsync(Messages(transcript, 17), new ChatOptions { ModelId = "default" }));

        Assert.Equal("critical;repeat=14", warned.AdditionalProperties!["majordomo.loop"]);
        Assert.Equal(400, ex.Status);
        Assert.Equal("loop_detected", ex.Code);
        Assert.Single(_upstream.Received);
    }

    /// <summary>A recorded agent transcript as Microsoft.Extensions.AI messages (tool calls and results as contents).</summary>
    private static List<ChatMessage> Messages(LoopTranscript transcript, int calls)
    {
        var list = new List<ChatMessage>();
        foreach (var m in transcript.Upto(calls)["messages"]!.AsArray())
        {
            var role = m!["role"]!.GetValue<string>();
            list.Add(role switch
            {
                "assistant" => new ChatMessage(ChatRole.Assistant, [.. m["tool_calls"]!.AsArray().Select(c => (AIContent)new FunctionCallContent(
                    c!["id"]!.GetValue<string>(), c["function"]!["name"]!.GetValue<string>(),
                    JsonSerializer.Deserialize<Dictionary<string, object?>>(c["function"]!["arguments"]!.GetValue<string>())))]),
                "tool" => new ChatMessage(ChatRole.Tool, [new FunctionResultContent(m["tool_call_id"]!.GetValue<string>(), m["content"]!.GetValue<string>())]),
                _ => new ChatMessage(new ChatRole(role), m["content"]!.GetValue<string>()),
            });
        }

        return list;
    }

    private string[] ReadRow(string id, string columns)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no request-log row {id}");
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)];
    }
}
