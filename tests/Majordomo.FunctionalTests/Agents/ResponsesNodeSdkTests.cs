using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Agents;

/// <summary>
/// The npm <c>openai</c> SDK (pinned in tests/agents/install.sh) against <c>POST /v1/responses</c>:
/// tests/agents/openai-responses.cjs runs a plain answer, a stream, a function call round trip with
/// <c>previous_response_id</c> and an unknown id, answered by a chat and by an Anthropic upstream.
/// </summary>
[Collection(RealAgentCollection.Name)]
public sealed class ResponsesNodeSdkTests(AgentClients clients)
{
    [Theory]
    [InlineData("up/a", "a")]
    [InlineData("sonnet", "claude-x")]
    public async Task NpmOpenAISdk_ResponsesApi_PlainStreamToolRoundTripAndStoredResponses(string model, string upstreamModel)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        upstream.Script(upstreamModel, new Scenario.Ok("Hello there"), new Scenario.Ok("Streamed text", Chunks: 3),
            new Scenario.ToolCall("get_weather", """{"city":"Paris"}""", "call_7"), new Scenario.Ok("Sunny in Paris"));
        await using var gateway = await TestGateway.StartAsync(ResponsesTests.ResponsesConfig, upstream);
        var home = Path.Combine(Path.GetTempPath(), "majordomo-node-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(home);

        var run = await clients.RunNodeAsync("openai-responses.cjs", [gateway.BaseUrl + "/v1", model], home);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("Hello there", root.GetProperty("plain").GetProperty("text").GetString());
        Assert.Equal("completed", root.GetProperty("plain").GetProperty("status").GetString());
        Assert.True(root.GetProperty("plain").GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0);
        Assert.Equal("Streamed text", root.GetProperty("stream").GetProperty("text").GetString());
        Assert.Equal("Streamed text", root.GetProperty("stream").GetProperty("completedText").GetString());
        var events = root.GetProperty("stream").GetProperty("events").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal("response.created", events[0]);
        Assert.Equal("response.completed", events[^1]);
        Assert.Contains("response.output_text.done", events);
        Assert.Equal("get_weather", root.GetProperty("call").GetProperty("name").GetString());
        Assert.Equal("""{"city":"Paris"}""", root.GetProperty("call").GetProperty("arguments").GetString());
        Assert.Equal("Sunny in Paris", root.GetProperty("afterTool").GetString());
        Assert.Equal(400, root.GetProperty("unknown").GetProperty("status").GetInt32());
        Assert.Equal("previous_response_id", root.GetProperty("unknown").GetProperty("param").GetString());

        // The continued conversation reached the upstream whole: question, call, its output.
        Assert.Equal(4, upstream.Received.Count);
        var last = upstream.Received[^1].BodyText;
        Assert.Contains("Weather in Paris?", last, StringComparison.Ordinal);
        Assert.Contains("sunny, 24C", last, StringComparison.Ordinal);
        Assert.Contains("call_7", last, StringComparison.Ordinal);
    }
}
