using System.ClientModel;
using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>The happy path through the real gateway, driven by the official OpenAI SDK.</summary>
public sealed class ChatCompletionsTests : GatewayTest
{
    [Fact]
    public async Task CompleteChat_DirectModel_AnswersFromThatModelWithRouterHeaders()
    {
        var client = Gateway.ChatClient("up/b");

        ClientResult<ChatCompletion> result = await client.CompleteChatAsync([new UserChatMessage("Say hello")]);

        Assert.Equal("Hello from b", result.Value.Content[0].Text);
        Assert.Equal(11, result.Value.Usage.InputTokenCount);
        var raw = result.GetRawResponse();
        Assert.True(raw.Headers.TryGetValue("X-Router-Model", out var model));
        Assert.Equal("up/b", model);
        Assert.True(raw.Headers.TryGetValue("X-Router-Tier", out var tier));
        Assert.Equal("direct", tier);
        Assert.True(raw.Headers.TryGetValue("X-Router-Attempts", out var attempts));
        Assert.Equal("1", attempts);
        Assert.True(raw.Headers.TryGetValue("X-Request-Id", out var id));
        Assert.StartsWith("req_", id);

        var received = Assert.Single(Upstream.Received);
        Assert.Equal("b", received.Model);
        Assert.Equal("Bearer sk-test-one", received.Authorization);
    }

    [Fact]
    public async Task CompleteChat_ToolsAndOptions_ReachUpstreamUntouched()
    {
        var client = Gateway.ChatClient("alpha");
        var options = new ChatCompletionOptions
        {
            Temperature = 0.25f,
            MaxOutputTokenCount = 77,
            Seed = 1234,
            Tools =
            {
                ChatTool.CreateFunctionTool("get_weather", "Weather for a city", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""")),
            },
        };

        ClientResult<ChatCompletion> result = await client.CompleteChatAsync([new SystemChatMessage("be brief"), new UserChatMessage("Weather in Oslo? ünïcødé ✓")], options);

        Assert.Equal("alias", result.GetRawResponse().Headers.TryGetValue("X-Router-Tier", out var tier) ? tier : null);
        using var body = Upstream.Received.Single().Json();
        var root = body.RootElement;
        Assert.Equal("a", root.GetProperty("model").GetString());
        Assert.Equal(0.25, root.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(1234, root.GetProperty("seed").GetInt32());
        Assert.Equal("get_weather", root.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("city", root.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString());
        Assert.Equal("Weather in Oslo? ünïcødé ✓", root.GetProperty("messages")[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Post_UnknownFields_AreForwardedByteForByteExceptModel()
    {
        const string body = """{"model":"up/a","messages":[{"role":"user","content":"hi \u00e9 \"q\""}],"x_vendor":{"deep":[1,2.50,-0.0,1e-7,true,null]},"response_format":{"type":"json_object"}}""";

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = body.Replace("\"model\":\"up/a\"", "\"model\":\"a\"", StringComparison.Ordinal);
        Assert.Equal(expected, Upstream.Received.Single().BodyText);
    }

    [Fact]
    public async Task CompleteChatStreaming_Route_StreamsEveryChunkInOrder()
    {
        Upstream.Script("a", new Scenario.Ok("The quick brown fox jumps over the lazy dog", Chunks: 9));
        var client = Gateway.ChatClient("default");

        var text = new System.Text.StringBuilder();
        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("stream please")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage ??= update.Usage;
        }

        Assert.Equal("The quick brown fox jumps over the lazy dog", text.ToString());

        // The SDK asks for usage itself, so it must get it.
        Assert.NotNull(usage);
        Assert.Equal(7, usage!.OutputTokenCount);
        Assert.True(Upstream.Received.Single().Stream);
    }

    [Fact]
    public async Task Stream_ClientDidNotAskForUsage_UpstreamIsAskedButClientSeesNoUsageChunk()
    {
        const string body = """{"model":"up/a","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", body, stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using (var upstreamBody = Upstream.Received.Single().Json())
        {
            Assert.True(upstreamBody.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        }

        Assert.Equal("[DONE]", events[^1]);
        Assert.DoesNotContain(events, e => e.Contains("\"choices\":[]", StringComparison.Ordinal));
        var content = string.Concat(events.Where(e => e != "[DONE]").Select(e =>
        {
            using var doc = JsonDocument.Parse(e);
            var delta = doc.RootElement.GetProperty("choices")[0].GetProperty("delta");
            return delta.TryGetProperty("content", out var c) ? c.GetString() : "";
        }));
        Assert.Equal("Hello from a", content);
    }

    [Fact]
    public async Task Post_RoutingHintsInBodyMetadata_AreUsedAndNotForwardedUpstream()
    {
        // OpenAI refuses `metadata` without `store: true`; the router's own keys must not reach it.
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions",
            """{"metadata":{"kind":"run","source":"cron"},"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ab", Sse.Header(response, "X-Router-Route"));
        using var upstreamBody = Upstream.Received.Single().Json();
        Assert.False(upstreamBody.RootElement.TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task Post_NoModel_UsesDefaultRoute()
    {
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("route", Sse.Header(response, "X-Router-Tier"));
        Assert.Equal("default", Sse.Header(response, "X-Router-Route"));
        Assert.Equal("up/a", Sse.Header(response, "X-Router-Model"));
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("""{"model":"default","messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("""{"model":"","messages":[{"role":"user","content":"hi"}]}""")]
    public async Task Post_KindHeaderWithNoOrDefaultModel_UsesKindsRoute(string body)
    {
        Upstream.Script("a", new Scenario.Status(503, """{"error":{"message":"down"}}"""));
        var request = Sse.Post("/v1/chat/completions", body);
        request.Headers.Add("X-Router-Kind", "run");

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ab", Sse.Header(response, "X-Router-Route"));
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
    }

    [Fact]
    public async Task Post_KindHeaderWithExplicitModel_ModelWins()
    {
        var request = Sse.Post("/v1/chat/completions", """{"model":"up/c","messages":[{"role":"user","content":"hi"}]}""");
        request.Headers.Add("X-Router-Kind", "run");

        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal("up/c", Sse.Header(response, "X-Router-Model"));
        Assert.Equal("direct", Sse.Header(response, "X-Router-Tier"));
    }

    [Fact]
    public async Task CompleteChat_UnknownModel_Returns404ListingValidNames()
    {
        var client = Gateway.ChatClient("up/typo");

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(404, ex.Status);
        var body = ex.GetRawResponse()!.Content.ToString();
        using var doc = JsonDocument.Parse(body);
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("'up/typo'", message, StringComparison.Ordinal);
        foreach (var name in new[] { "up/a", "up/b", "up/c", "alpha", "default", "ab" })
        {
            Assert.Contains(name, message, StringComparison.Ordinal);
        }

        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task GetModels_ListsRoutesAliasesAndModels()
    {
        var models = await Gateway.OpenAIClient().GetOpenAIModelClient().GetModelsAsync();

        var ids = models.Value.Select(m => m.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "default", "ab", "alpha", "up/a", "up/b", "up/c", "up/fb" }, ids);
    }

    [Fact]
    public async Task GetHealth_Running_ReportsOkAndStore()
    {
        using var response = await Gateway.Http.GetAsync("/health");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", doc.RootElement.GetProperty("status").GetString());
        Assert.True(doc.RootElement.GetProperty("store").GetProperty("reachable").GetBoolean());
        Assert.Equal(4, doc.RootElement.GetProperty("models").GetProperty("total").GetInt32());
    }
}
