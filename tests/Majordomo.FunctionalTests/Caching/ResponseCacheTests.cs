using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Majordomo.FunctionalTests.Caching;

/// <summary>
/// The exact response cache (SPEC §8) on the real gateway, a loopback upstream and the official OpenAI and
/// Anthropic SDKs: one upstream call per distinct question, served in either form, per gateway key, never
/// from a failed answer, at no budget cost.
/// </summary>
public sealed class ResponseCacheTests : GatewayTest
{
    private const string Alice = "mjd-alice-key-000001";
    private const string Bob = "mjd-bob-key-00000002";

    protected override string Config => $$"""
        {
          "server": { "apiKeys": [
            { "name": "alice", "key": "{{Alice}}", "requestsDaily": 2 },
            { "name": "bob", "key": "{{Bob}}", "admin": true } ] },
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1, "credentials": [ { "id": "k1", "apiKey": "sk-test-one" } ] },
            "anth": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1, "credentials": [ { "id": "a1", "apiKey": "sk-ant-test-one" } ] },
          },
          "models": {
            "up/a": { "provider": "up", "upstreamModel": "a" },
            "up/b": { "provider": "up", "upstreamModel": "b" },
            "anth/claude": { "provider": "anth", "upstreamModel": "claude-x" },
          },
          "routes": {
            "default": { "chain": ["up/a", "up/b"] },
            "fresh": { "chain": ["up/b"], "cache": false },
            "claude": { "chain": ["anth/claude"] },
          },
          "defaultRoute": "default",
          "cache": { "enabled": true, "ttlSeconds": 300, "maxEntries": 100, "maxBytes": 1048576 },
        }
        """;

    private static readonly ChatMessage[] Heartbeat = [new SystemChatMessage("You are a helpful agent."), new UserChatMessage("Read HEARTBEAT.md if it exists. If nothing needs attention, reply HEARTBEAT_OK.")];

    private static string? CacheHeader(ClientResult result) =>
        result.GetRawResponse().Headers.TryGetValue("X-Router-Cache", out var value) ? value : null;

    private static async Task<string> StreamTextAsync(ChatClient client, ChatMessage[] messages, ChatCompletionOptions? options = null)
    {
        var text = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync(messages, options))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task Heartbeat_SentTenTimes_OneUpstreamCallAndNineHits()
    {
        var client = Gateway.ChatClient("default", Bob);
        var verdicts = new List<string?>();
        var texts = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            var result = await client.CompleteChatAsync(Heartbeat);
            verdicts.Add(CacheHeader(result));
            texts.Add(result.Value.Content[0].Text);
            Assert.Equal("up/a", result.GetRawResponse().Headers.TryGetValue("X-Router-Model", out var model) ? model : null);
        }

        Assert.Single(Upstream.Received);
        Assert.Equal("miss", verdicts[0]);
        Assert.Equal(9, verdicts.Count(v => v == "hit"));
        Assert.Equal(["Hello from a"], texts);
    }

    [Fact]
    public async Task Stream_AfterANonStreamAnswer_IsServedAsAStreamTheSdkReads()
    {
        var client = Gateway.ChatClient("default", Bob);
        var first = await client.CompleteChatAsync(Heartbeat);

        var streamed = await StreamTextAsync(client, Heartbeat);
        Assert.Equal(first.Value.Content[0].Text, streamed);
        Assert.Single(Upstream.Received);

        // The raw stream has the live shape: role chunk, content, finish, [DONE]; no usage chunk nobody asked for.
        using var body = await SendAsync(HeartbeatJson(), Bob);
        using var response = await Gateway.Http.SendAsync(Authorized(Sse.Post("/v1/chat/completions", HeartbeatJson(stream: true), stream: true), Bob), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("hit", response.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal("cache", response.Headers.GetValues("X-Router-Tier").Single());
        Assert.Equal("0", response.Headers.GetValues("X-Router-Attempts").Single());
        var events = await Sse.ReadAllEventsAsync(response);
        Assert.Equal("[DONE]", events[^1]);
        Assert.DoesNotContain(events, e => e.Contains("\"usage\"", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("\"finish_reason\":\"stop\"", StringComparison.Ordinal));
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task NonStream_AfterAStreamedToolCall_IsServedAsOneBodyTheSdkReads()
    {
        Upstream.Script("a", new Scenario.ToolCall("read_file", """{"path":"HEARTBEAT.md"}"""));
        var client = Gateway.ChatClient("default", Bob);
        var names = new List<string>();
        await foreach (var update in client.CompleteChatStreamingAsync(Heartbeat))
        {
            names.AddRange(update.ToolCallUpdates.Where(t => t.FunctionName is not null).Select(t => t.FunctionName));
        }

        var result = await client.CompleteChatAsync(Heartbeat);

        Assert.Equal(["read_file"], names);
        Assert.Equal("hit", CacheHeader(result));
        Assert.Equal(ChatFinishReason.ToolCalls, result.Value.FinishReason);
        var call = Assert.Single(result.Value.ToolCalls);
        Assert.Equal("read_file", call.FunctionName);
        Assert.Equal("""{"path":"HEARTBEAT.md"}""", call.FunctionArguments.ToString());
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task Messages_EitherFormFromTheOther_OneUpstreamCallAndTheSdkReadsBoth()
    {
        var client = new AnthropicClient { BaseUrl = Gateway.BaseUrl, ApiKey = Bob, MaxRetries = 0 };
        MessageCreateParams Params(string text) => new() { Model = "claude", MaxTokens = 256, Messages = [new UserMessageParam(text)] };

        // Stream first, then the same question as one body.
        var streamed = new StringBuilder();
        await foreach (var e in client.Messages.CreateStreaming(Params("first question")))
        {
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
            {
                streamed.Append(t.Text);
            }
        }

        var body = await client.Messages.Create(Params("first question"));
        Assert.Equal(streamed.ToString(), string.Concat(body.Content.Select(b => b.TryPickText(out var t) ? t.Text : "")));
        Assert.Single(Upstream.Received);

        // A body first, then the same question as a stream.
        var second = await client.Messages.Create(Params("second question"));
        var types = new List<string>();
        var text = new StringBuilder();
        await foreach (var e in client.Messages.CreateStreaming(Params("second question")))
        {
            types.Add(e.Json.GetProperty("type").GetString()!);
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
            {
                text.Append(t.Text);
            }
        }

        Assert.Equal(string.Concat(second.Content.Select(b => b.TryPickText(out var t) ? t.Text : "")), text.ToString());
        Assert.Equal("message_start", types[0]);
        Assert.Equal("message_stop", types[^1]);
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task Responses_EitherFormFromTheOther_OneUpstreamCallAndTheSdkReadsBoth()
    {
        var client = new ResponsesClient(new ApiKeyCredential(Bob), new ResponsesClientOptions
        {
            Endpoint = new Uri(Gateway.BaseUrl + "/v1"),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
        });
        CreateResponseOptions Options(string text, bool stream)
        {
            var options = new CreateResponseOptions { Model = "default", StreamingEnabled = stream };
            options.InputItems.Add(ResponseItem.CreateUserMessageItem(text));
            return options;
        }

        async Task<string> StreamAsync(string text)
        {
            ResponseResult? completed = null;
            await using var stream = await client.CreateResponseStreamingAsync(Options(text, stream: true));
            await foreach (var update in stream)
            {
                completed = update is StreamingResponseCompletedUpdate done ? done.Response : completed;
            }

            return Assert.IsType<ResponseResult>(completed).GetOutputText();
        }

        var streamedFirst = await StreamAsync("first question");
        var bodyAfter = await client.CreateResponseAsync(Options("first question", stream: false));
        var bodyFirst = await client.CreateResponseAsync(Options("second question", stream: false));
        var streamedAfter = await StreamAsync("second question");

        Assert.Equal("Hello from a", streamedFirst);
        Assert.Equal(streamedFirst, bodyAfter.Value.GetOutputText());
        Assert.Equal("hit", CacheHeader(bodyAfter));
        Assert.Equal(bodyFirst.Value.GetOutputText(), streamedAfter);
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task NoCacheHeader_Bypasses_UpstreamCalledAndTheFreshAnswerStored()
    {
        await SendAsync(HeartbeatJson(), Bob);
        Upstream.Script("a", new Scenario.Ok("a fresher answer"));

        using var bypass = await SendAsync(HeartbeatJson(), Bob, cacheControl: "no-cache");
        using var after = await SendAsync(HeartbeatJson(), Bob);

        Assert.Equal("bypass", bypass.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
        Assert.Equal("hit", after.Headers.GetValues("X-Router-Cache").Single());
        Assert.Contains("a fresher answer", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataCacheFalse_Bypasses_AndIsNotForwarded()
    {
        var json = """{"model":"default","messages":[{"role":"user","content":"no cache please"}],"metadata":{"cache":false}}""";

        using var first = await SendAsync(json, Bob);
        using var second = await SendAsync(json, Bob);

        Assert.Equal("bypass", second.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
        Assert.DoesNotContain("metadata", Upstream.Received[0].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteCacheFalse_Bypasses()
    {
        var json = """{"model":"fresh","messages":[{"role":"user","content":"always fresh"}]}""";

        using var first = await SendAsync(json, Bob);
        using var second = await SendAsync(json, Bob);

        Assert.Equal("bypass", second.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task TwoGatewayKeys_SameQuestion_DoNotShareAnswers()
    {
        using var alice = await SendAsync(HeartbeatJson(), Alice);
        using var bob = await SendAsync(HeartbeatJson(), Bob);

        Assert.Equal("miss", alice.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal("miss", bob.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task CutStream_IsNotStored_TheNextRequestGoesUpstream()
    {
        Upstream.Script("a", new Scenario.TruncateAfterChunks(2), new Scenario.Ok());

        using var cut = await Gateway.Http.SendAsync(Authorized(Sse.Post("/v1/chat/completions", HeartbeatJson(stream: true), stream: true), Bob), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("miss", cut.Headers.GetValues("X-Router-Cache").Single());
        await Sse.ReadAllEventsAsync(cut);
        using var next = await SendAsync(HeartbeatJson(stream: true), Bob);

        Assert.Equal("miss", next.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task UpstreamError_IsNotStored()
    {
        Upstream.Script("a", new Scenario.Status(400, """{"error":{"message":"bad request","type":"invalid_request_error"}}"""), new Scenario.Ok());

        using var failed = await SendAsync(HeartbeatJson(), Bob);
        using var next = await SendAsync(HeartbeatJson(), Bob);

        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("miss", next.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
    }

    [Fact]
    public async Task Hits_UseNoRequestBudget_AndAreLoggedWithTierCacheAndCounted()
    {
        // alice may make 2 requests a day: the hits in between take none of them.
        using var first = await SendAsync(HeartbeatJson(), Alice);
        for (var i = 0; i < 3; i++)
        {
            using var hit = await SendAsync(HeartbeatJson(), Alice);
            Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
            Assert.Equal("hit", hit.Headers.GetValues("X-Router-Cache").Single());
        }

        using var second = await SendAsync("""{"model":"default","messages":[{"role":"user","content":"another question"}]}""", Alice);
        using var third = await SendAsync("""{"model":"default","messages":[{"role":"user","content":"a third question"}]}""", Alice);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, Upstream.Received.Count);

        var rows = await RowsAsync(expected: 6);
        var hits = rows.Where(r => r.GetProperty("cache").GetString() == "hit").ToArray();
        Assert.Equal(3, hits.Length);
        Assert.All(hits, r =>
        {
            Assert.Equal("cache", r.GetProperty("tier").GetString());
            Assert.Equal("up/a", r.GetProperty("model").GetString());
            Assert.Empty(r.GetProperty("attempts").EnumerateArray());
            Assert.Equal("alice", r.GetProperty("key_name").GetString());
        });
        Assert.Equal("miss", rows.Last().GetProperty("cache").GetString());

        var metrics = await Gateway.Http.GetStringAsync("/metrics");
        Assert.Matches("majordomo_cache_total\\{[^}]*result=\"hit\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("majordomo_cache_total\\{[^}]*result=\"store\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("majordomo_requests_total\\{[^}]*tier=\"cache\"[^}]*\\} [1-9]", metrics);
    }

    [Fact]
    public async Task Reload_TurnsTheCacheOffAndOn_SettingsFollowTheSnapshotEntriesSurvive()
    {
        using var stored = await SendAsync(HeartbeatJson(), Bob);

        await ReloadAsync(Config.Replace("\"cache\": { \"enabled\": true", "\"cache\": { \"enabled\": false", StringComparison.Ordinal));
        using var off = await SendAsync(HeartbeatJson(), Bob);
        await ReloadAsync(Config);
        using var on = await SendAsync(HeartbeatJson(), Bob);

        Assert.Equal("miss", stored.Headers.GetValues("X-Router-Cache").Single());
        Assert.False(off.Headers.Contains("X-Router-Cache"));
        Assert.Equal("hit", on.Headers.GetValues("X-Router-Cache").Single());
        Assert.Equal(2, Upstream.Received.Count);
    }

    private async Task ReloadAsync(string config)
    {
        var applied = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Majordomo.Hosting.ConfigWatcher>(Gateway.Services);
        watcher.Reloaded += (ok, _) => applied.TrySetResult(ok);
        await File.WriteAllTextAsync(Gateway.ConfigPath, TestGateway.Render(config, Upstream));
        Assert.True(await applied.Task.WaitAsync(TimeSpan.FromSeconds(10)), "the new config was applied");
    }

    private static string HeartbeatJson(bool stream = false) =>
        $$"""{"model":"default","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Read HEARTBEAT.md if it exists. Reply HEARTBEAT_OK."}]}""";

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(string json, string key, string? cacheControl = null)
    {
        var request = Authorized(Sse.Post("/v1/chat/completions", json), key);
        if (cacheControl is not null)
        {
            request.Headers.TryAddWithoutValidation("Cache-Control", cacheControl);
        }

        var response = await Gateway.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The request log, newest first, once it holds <paramref name="expected"/> rows (written in batches off the request path).</summary>
    private async Task<JsonElement[]> RowsAsync(int expected)
    {
        for (var i = 0; ; i++)
        {
            using var request = Authorized(new HttpRequestMessage(HttpMethod.Get, "/v1/requests?limit=50"), Bob);
            using var response = await Gateway.Http.SendAsync(request);
            var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().ToArray();
            if (rows.Length >= expected || i == 200)
            {
                Assert.Equal(expected, rows.Length);
                return rows;
            }

            await Task.Delay(25);
        }
    }
}
