using System.ClientModel;
using System.Net;
using System.Text;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>Gateway API keys on /v1/*: Bearer or x-api-key; /health needs none; keys are never echoed.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private const string Config = """
        {
          "server": { "apiKeys": [ { "name": "agent", "key": "${GW_KEY}" }, { "name": "other", "key": "mjd-second-key-000" } ] },
          "providers": { "up": { "api": "openai", "baseUrl": "{UPSTREAM}" } },
          "models": { "up/a": { "provider": "up", "upstreamModel": "a" } },
          "routes": { "default": { "chain": ["up/a"] } },
          "defaultRoute": "default"
        }
        """;

    private const string Key = "mjd-test-key-123456";
    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await TestGateway.StartAsync(Config, _upstream, name => name == "GW_KEY" ? Key : null);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task CompleteChat_WithBearerKey_Succeeds()
    {
        var result = await _gateway.ChatClient("default", Key).CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.Equal("Hello from a", result.Value.Content[0].Text);

        // The gateway key is not forwarded upstream.
        Assert.Null(_upstream.Received.Single().Authorization);
    }

    [Fact]
    public async Task CompleteChat_WrongKey_401AndKeyNotEchoed()
    {
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _gateway.ChatClient("default", "wrong-key-value").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(401, ex.Status);
        var body = ex.GetRawResponse()!.Content.ToString();
        Assert.Contains("invalid_api_key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-value", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);
    }

    [Fact]
    public async Task Post_XApiKeyHeader_Succeeds_MissingKey_401()
    {
        var withKey = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json") };
        withKey.Headers.Add("x-api-key", "mjd-second-key-000");
        using var ok = await _gateway.Http.SendAsync(withKey);
        using var missing = await _gateway.Http.PostAsync("/v1/chat/completions", new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
        using var models = await _gateway.Http.GetAsync("/v1/models");
        using var health = await _gateway.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(Key, await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
