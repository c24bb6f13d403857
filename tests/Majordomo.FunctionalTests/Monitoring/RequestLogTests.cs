using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests.Monitoring;

/// <summary>
/// <c>GET /v1/requests</c> (SPEC §4) on the real gateway: the rows say what the workload did
/// (a fallback's attempt chain included), each key sees only its own requests, and no row holds
/// prompt text or a key.
/// </summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private const string AliceKey = "mjd-alice-key-8f2c91d0";
    private const string BobKey = "mjd-bob-key-77aa03e1";
    private const string AdminKey = "mjd-ops-key-5d1e0b7a";
    private const string UpstreamKey = "sk-requests-upstream-secret";
    private const string Prompt = "the secret plan is PURPLE-ELEPHANT-42";

    private const string Config = """
        {
          "server": { "apiKeys": [ { "name": "alice", "key": "${ALICE}" }, { "name": "bob", "key": "${BOB}" }, { "name": "ops", "key": "${OPS}", "admin": true } ] },
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1,
                    "credentials": [ { "id": "k1", "apiKey": "${UP}" } ] },
          },
          "models": {
            "m/a": { "provider": "up", "upstreamModel": "a", "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } },
            "m/b": { "provider": "up", "upstreamModel": "b", "cost": { "inputPerMTok": 100, "outputPerMTok": 100 } },
          },
          "routes": { "mx": { "chain": ["m/a", "m/b"] } },
          "defaultRoute": "mx",
          "resilience": { "cooldown": { "initialSeconds": 0, "maxSeconds": 0 } },
          "health": { "unhealthyAfter": 100 },
        }
        """;

    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await TestGateway.StartAsync(Config, _upstream, name => name switch
        {
            "ALICE" => AliceKey,
            "BOB" => BobKey,
            "OPS" => AdminKey,
            "UP" => UpstreamKey,
            _ => null,
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Requests_AfterWorkload_RowsMatchNewestFirstScopedPerKeyNoPromptNoKey()
    {
        var start = DateTimeOffset.UtcNow;
        await _gateway.ChatClient("mx", AliceKey).CompleteChatAsync([new UserChatMessage(Prompt)]);
        _upstream.Script("a", new Scenario.Status(500, """{"error":{"message":"boom","type":"server_error"}}"""), new Scenario.Ok());
        await _gateway.ChatClient("mx", AliceKey).CompleteChatAsync([new UserChatMessage(Prompt)]);
        await foreach (var _ in _gateway.ChatClient("m/b", BobKey).CompleteChatStreamingAsync([new UserChatMessage(Prompt)]))
        {
        }


        var (aliceText, alice) = await WaitForRowsAsync(AliceKey, 2);
        var (bobText, bob) = await WaitForRowsAsync(BobKey, 1);

        // Newest first, each key only its own.
        Assert.All(alice, r => Assert.Equal("alice", r.GetProperty("key_name").GetString()));
        var fellBack = alice[0];
        var clean = alice[1];
        Assert.True(fellBack.GetProperty("time").GetDateTimeOffset() >= clean.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("bob", Assert.Single(bob).GetProperty("key_name").GetString());
        var (_, all) = await WaitForRowsAsync(AdminKey, 3); // an admin key reads every tenant's rows
        Assert.Equal(["alice", "alice", "bob"], all.Select(r => r.GetProperty("key_name").GetString()).Order(StringComparer.Ordinal));
        Assert.True(bob[0].GetProperty("ttft_ms").GetDouble() > 0); // a stream
        Assert.Equal(("m/b", "direct"), (bob[0].GetProperty("model").GetString(), bob[0].GetProperty("tier").GetString()));

        // Exactly the SPEC fields.
        Assert.Equal(
            ["id", "time", "route", "requested", "model", "tier", "rule", "classification", "status", "attempts", "input_tokens", "output_tokens",
             "cost_usd", "latency_ms", "ttft_ms", "degradation", "loop", "cache", "key_name"],
            fellBack.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["complexity", "taskType", "sensitive", "source"], fellBack.GetProperty("classification").EnumerateObject().Select(p => p.Name));

        // The fallback: m/a failed with 500, m/b answered; the row carries what the upstream reported.
        Assert.Equal(("mx", "mx", "m/b", 200), (fellBack.GetProperty("route").GetString(), fellBack.GetProperty("requested").GetString(),
            fellBack.GetProperty("model").GetString(), fellBack.GetProperty("status").GetInt32()));
        var attempts = fellBack.GetProperty("attempts").EnumerateArray().ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(("m/a", "k1", 500), (attempts[0].GetProperty("model").GetString(), attempts[0].GetProperty("credential").GetString(), attempts[0].GetProperty("status").GetInt32()));
        Assert.NotEqual("ok", attempts[0].GetProperty("outcome").GetString());
        Assert.Equal(("m/b", 200, "ok"), (attempts[1].GetProperty("model").GetString(), attempts[1].GetProperty("status").GetInt32(), attempts[1].GetProperty("outcome").GetString()));
        Assert.True(attempts[1].GetProperty("ms").GetDouble() >= 0);
        Assert.Equal((11, 7), (fellBack.GetProperty("input_tokens").GetInt32(), fellBack.GetProperty("output_tokens").GetInt32()));
        Assert.Equal((11 * 100 + 7 * 100) / 1e6, fellBack.GetProperty("cost_usd").GetDouble(), 9);
        Assert.Equal("normal", fellBack.GetProperty("degradation").GetString());
        Assert.Equal(JsonValueKind.Null, fellBack.GetProperty("ttft_ms").ValueKind); // not a stream
        Assert.True(fellBack.GetProperty("latency_ms").GetDouble() > 0);
        Assert.Equal(("m/a", 1), (clean.GetProperty("model").GetString(), clean.GetProperty("attempts").GetArrayLength()));
        Assert.Equal((11 * 1000 + 7 * 2000) / 1e6, clean.GetProperty("cost_usd").GetDouble(), 9);
        Assert.True(clean.GetProperty("time").GetDateTimeOffset() >= start.AddSeconds(-1));

        foreach (var text in new[] { aliceText, bobText })
        {
            Assert.DoesNotContain("PURPLE-ELEPHANT", text, StringComparison.Ordinal);
            Assert.DoesNotContain(AliceKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(BobKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(UpstreamKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("boom", text, StringComparison.Ordinal);
        }

        // limit and since.
        var (_, one) = await GetRowsAsync(AliceKey, "?limit=1");
        Assert.Equal(fellBack.GetProperty("id").GetString(), Assert.Single(one).GetProperty("id").GetString());
        var (_, none) = await GetRowsAsync(AliceKey, "?since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O")));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("?limit=abc", "invalid_limit")]
    [InlineData("?limit=0", "invalid_limit")]
    [InlineData("?limit=100000", "invalid_limit")]
    [InlineData("?since=yesterday", "invalid_since")]
    [InlineData("?since=2026-13-45T99:00:00Z", "invalid_since")]
    public async Task Requests_BadQuery_400Json(string query, string code)
    {
        using var response = await SendAsync(AliceKey, query);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Requests_NoKey_401()
    {
        using var response = await _gateway.Http.GetAsync("/v1/requests");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(string Text, JsonElement[] Rows)> WaitForRowsAsync(string key, int count)
    {
        // The log is written in batches off the request path (every 20 ms in tests).
        for (var i = 0; ; i++)
        {
            var (text, rows) = await GetRowsAsync(key, "");
            if (rows.Length >= count || i == 200)
            {
                Assert.Equal(count, rows.Length);
                return (text, rows);
            }

            await Task.Delay(25);
        }
    }

    private async Task<(string Text, JsonElement[] Rows)> GetRowsAsync(string key, string query)
    {
        using var response = await SendAsync(key, query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (text, JsonDocument.Parse(text).RootElement.GetProperty("data").EnumerateArray().ToArray());
    }

    private Task<HttpResponseMessage> SendAsync(string key, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/requests" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _gateway.Http.SendAsync(request);
    }
}
