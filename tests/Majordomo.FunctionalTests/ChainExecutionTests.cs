using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>Ordered entries, retries, fallback and fail-fast, against real failing upstreams.</summary>
public sealed class ChainExecutionTests : GatewayTest
{
    private static string Body(string model, bool stream = false) =>
        $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""";

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(529)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task CompleteChat_FirstEntryFailsRetryably_NextEntryAnswers(int status)
    {
        Upstream.Script("a", new Scenario.Status(status, """{"error":{"message":"upstream trouble","type":"server_error"}}"""));
        var client = Gateway.ChatClient("default");

        var result = await client.CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.Equal("Hello from b", result.Value.Content[0].Text);
        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("X-Router-Model", out var model));
        Assert.Equal("up/b", model);
        Assert.True(headers.TryGetValue("X-Router-Attempts", out var attempts));
        Assert.Equal("2", attempts);
        Assert.Single(Upstream.ReceivedFor("a"));
        Assert.Single(Upstream.ReceivedFor("b"));
        Assert.Empty(Upstream.ReceivedFor("c"));
    }

    [Fact]
    public async Task CompleteChat_TransientThenOk_SameEntryRetriedWithBackoff()
    {
        Upstream.Script("a", new Scenario.Status(503, """{"error":{"message":"overloaded"}}"""), new Scenario.Status(500, "{}"), new Scenario.Ok());

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("retrying")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/a", Sse.Header(response, "X-Router-Model"));
        Assert.Equal("3", Sse.Header(response, "X-Router-Attempts"));
        Assert.Equal(3, Upstream.ReceivedFor("a").Count);
        Assert.Empty(Upstream.ReceivedFor("b"));
    }

    [Fact]
    public async Task Post_RetryableWithLongRetryAfter_MovesOnInsteadOfWaitingInPlace()
    {
        Upstream.Script("a", new Scenario.Status(503, """{"error":{"message":"overloaded"}}""", RetryAfterSeconds: 120));
        var watch = Stopwatch.StartNew();

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("retrying")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
        Assert.Single(Upstream.ReceivedFor("a"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task CompleteChat_ModelWithFallbacks_FallsBackToListedModel()
    {
        Upstream.Script("fb", new Scenario.Status(500, "{}"));
        var result = await Gateway.ChatClient("up/fb").CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.Equal("Hello from b", result.Value.Content[0].Text);
    }

    [Fact]
    public async Task CompleteChat_StrictModelFails_NoFallback()
    {
        Upstream.Script("c", new Scenario.Status(500, """{"error":{"message":"boom"}}"""));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Gateway.ChatClient("up/c").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(502, ex.Status);
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task Post_CallerFault400_ReturnedAsIsWithoutFallback()
    {
        const string upstreamError = """{"error":{"message":"Invalid value for 'temperature': must be <= 2","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}""";
        Upstream.Script("a", new Scenario.Status(400, upstreamError));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(upstreamError, await response.Content.ReadAsStringAsync());
        Assert.Empty(Upstream.ReceivedFor("b"));
    }

    [Fact]
    public async Task Post_ContextTooLong_SkipsToNextEntry()
    {
        Upstream.Script("a", new Scenario.Status(400, """{"error":{"message":"This model's maximum context length is 8192 tokens","code":"context_length_exceeded"}}"""));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
    }

    [Fact]
    public async Task Post_EveryEntryFails_502ListsEveryAttempt()
    {
        Upstream.Script("a", new Scenario.Status(500, """{"error":{"message":"a is down"}}"""));
        Upstream.Script("b", new Scenario.Status(503, """{"error":{"message":"b is overloaded"}}"""));
        Upstream.Script("c", new Scenario.Garbage());

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default")));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal("upstream_failed", error.GetProperty("code").GetString());
        var attempts = error.GetProperty("attempts");
        Assert.Equal(3, attempts.GetArrayLength());
        Assert.Equal(new[] { "up/a", "up/b", "up/c" }, attempts.EnumerateArray().Select(a => a.GetProperty("model").GetString()!).ToArray());
        Assert.Contains("a is down", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("3", Sse.Header(response, "X-Router-Attempts"));
    }

    [Fact]
    public async Task Post_AllRateLimited_429WithRetryAfter()
    {
        Upstream.Script("a", new Scenario.Status(429, """{"error":{"message":"Rate limit reached"}}""", RetryAfterSeconds: 30));
        Upstream.Script("b", new Scenario.Status(429, """{"error":{"message":"Rate limit reached"}}""", RetryAfterSeconds: 30));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("ab")));

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Post_UpstreamHangsBeforeHeaders_TimeoutMovesToNextEntry()
    {
        Upstream.Script("a", new Scenario.HangBeforeHeaders());
        var watch = Stopwatch.StartNew();

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("quick")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(20));

        // The hung upstream call was cancelled, not left running.
        await Upstream.ReceivedFor("a").Single().Aborted.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stream_NoFirstTokenInTime_MovesToNextEntryBeforeAnythingIsSent()
    {
        Upstream.Script("a", new Scenario.HangAfterHeaders());

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("firsttoken", stream: true), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
        Assert.Equal("2", Sse.Header(response, "X-Router-Attempts"));
        Assert.Equal("[DONE]", events[^1]);
        Assert.DoesNotContain(events, e => e.Contains("chatcmpl-up\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"a\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_GarbageBody_TreatedAsFailureAndNextEntryAnswers()
    {
        Upstream.Script("a", new Scenario.Garbage());

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
    }

    [Fact]
    public async Task Stream_GarbageEvents_NextEntryAnswersBeforeCommit()
    {
        Upstream.Script("a", new Scenario.Garbage());

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default", stream: true), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
        Assert.DoesNotContain(events, e => e.Contains("not json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ConnectionRefused_NextEntryAnswers()
    {
        // A provider whose port has nothing listening.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var config = Configs.Standard.Replace(
            "\"models\": {",
            $$"""
            "models": {
                "dead/x": { "provider": "dead", "upstreamModel": "x" },
            """,
            StringComparison.Ordinal).Replace(
            "\"providers\": {",
            $$"""
            "providers": {
                "dead": { "api": "openai", "baseUrl": "http://127.0.0.1:{{deadPort}}/v1", "retries": 0 },
            """,
            StringComparison.Ordinal).Replace("\"ab\": { \"chain\": [\"up/a\", \"up/b\"] }", "\"ab\": { \"chain\": [\"dead/x\", \"up/b\"] }", StringComparison.Ordinal);
        await using var gateway = await TestGateway.StartAsync(config, Upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("ab")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
    }

    [Fact]
    public async Task Post_CredentialRejected_RotatesToNextCredentialNeverRetryingTheBadOne()
    {
        const string config = """
            {
              "providers": {
                "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 2, "backoffMs": 1,
                        "credentials": [ { "id": "bad", "apiKey": "sk-bad" }, { "id": "good", "apiKey": "sk-good" } ] }
              },
              "models": { "up/a": { "provider": "up", "upstreamModel": "a" } },
              "routes": { "default": { "chain": ["up/a"] } },
              "defaultRoute": "default"
            }
            """;
        await using var gateway = await TestGateway.StartAsync(config, Upstream);
        Upstream.Script("a", new Scenario.Status(401, """{"error":{"message":"Incorrect API key provided"}}"""), new Scenario.Ok());

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "Bearer sk-bad", "Bearer sk-good" }, Upstream.Received.Select(r => r.Authorization!).ToArray());
    }

    [Fact]
    public async Task Post_UpstreamEchoesTheKey_KeyIsRedactedFromErrorAndLog()
    {
        Upstream.Script("c", new Scenario.Status(500, """{"error":{"message":"Internal error for key sk-test-one (sk-test-***)"}}"""));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("up/c")));
        var text = await response.Content.ReadAsStringAsync();
        await Gateway.StopAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("sk-test-one", text, StringComparison.Ordinal);
        Assert.Contains("Internal error for key ***", text, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var all = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Gateway.StorePath)) +
                  (File.Exists(Gateway.StorePath + "-wal") ? System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Gateway.StorePath + "-wal")) : "");
        Assert.Contains("Internal error for key ***", all, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-one", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ServerErrorWithSeveralCredentials_DoesNotRetryEveryKeyButMovesOn()
    {
        const string config = """
            {
              "providers": {
                "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 1, "backoffMs": 1,
                        "credentials": [ { "id": "k1", "apiKey": "sk-one-11111" }, { "id": "k2", "apiKey": "sk-two-22222" } ] }
              },
              "models": { "up/a": { "provider": "up", "upstreamModel": "a" }, "up/b": { "provider": "up", "upstreamModel": "b" } },
              "routes": { "default": { "chain": ["up/a", "up/b"] } },
              "defaultRoute": "default"
            }
            """;
        await using var gateway = await TestGateway.StartAsync(config, Upstream);
        Upstream.Script("a", new Scenario.Status(500, """{"error":{"message":"boom"}}"""));
        Upstream.Script("b", new Scenario.Status(429, """{"error":{"message":"Rate limit reached"}}"""), new Scenario.Ok());

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // a: the first key and its one retry, not both keys twice. b: a rate limit rotates to the second key.
        Assert.Equal(new[] { "Bearer sk-one-11111", "Bearer sk-one-11111" }, Upstream.ReceivedFor("a").Select(r => r.Authorization!).ToArray());
        Assert.Equal(new[] { "Bearer sk-one-11111", "Bearer sk-two-22222" }, Upstream.ReceivedFor("b").Select(r => r.Authorization!).ToArray());
    }

    [Fact]
    public async Task Post_ErrorsNeverEchoCredentials()
    {
        Upstream.Script("c", new Scenario.Status(500, """{"error":{"message":"internal"}}"""));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("up/c")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("sk-test-one", text, StringComparison.Ordinal);
        Assert.Contains("k1", text, StringComparison.Ordinal);
    }
}
