using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary>Issue 11 finding 11: a disabled provider, CORS and the JSON endpoint list, through the real gateway.</summary>
public sealed class FeatureAuditTests : IAsyncLifetime
{
    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    private static string WithServer(string server) => Configs.Standard.Replace("\"providers\": {", $$"""
        "server": { {{server}} },
        "providers": {
        """, StringComparison.Ordinal);

    [Fact]
    public async Task DisabledProvider_ItsModelsNeverAnswerAndAreListedAsDisabled()
    {
        var config = Configs.Standard
            .Replace("\"providers\": {", """
                "providers": {
                  "off": { "api": "openai", "baseUrl": "{UPSTREAM}", "enabled": false, "retries": 0 },
                """, StringComparison.Ordinal)
            .Replace("\"models\": {", """
                "models": {
                  "off/x": { "provider": "off", "upstreamModel": "a" },
                """, StringComparison.Ordinal)
            .Replace("\"ab\": { \"chain\": [\"up/a\", \"up/b\"] },", "\"ab\": { \"chain\": [\"up/a\", \"up/b\"] }, \"offfirst\": { \"chain\": [\"off/x\", \"up/b\"] },", StringComparison.Ordinal);
        await using var gateway = await TestGateway.StartAsync(config, _upstream);

        using var direct = await gateway.Http.PostAsync("/v1/chat/completions", Json("""{"model":"off/x","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.NotEqual(HttpStatusCode.OK, direct.StatusCode);
        Assert.Empty(_upstream.Received);

        using var chain = await gateway.Http.PostAsync("/v1/chat/completions", Json("""{"model":"offfirst","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.OK, chain.StatusCode);
        Assert.Equal("up/b", chain.Headers.GetValues("X-Router-Model").Single());

        using var models = JsonDocument.Parse(await gateway.Http.GetStringAsync("/v1/models"));
        var enabled = models.RootElement.GetProperty("data").EnumerateArray()
            .Where(m => m.GetProperty("majordomo").GetProperty("kind").GetString() == "model")
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("majordomo").GetProperty("enabled").GetBoolean());
        Assert.False(enabled["off/x"]);
        Assert.True(enabled["up/a"]);
    }

    [Fact]
    public async Task Cors_ConfiguredOrigin_PreflightAnsweredAndHeadersOnV1()
    {
        await using var gateway = await TestGateway.StartAsync(WithServer("""  "cors": { "origins": ["https://app.example.com"] } """), _upstream);

        using var preflight = Preflight("https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        using var answer = await gateway.Http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("https://app.example.com", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Contains("authorization", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json("""{"model":"up/a","messages":[{"role":"user","content":"hi"}]}""") };
        post.Headers.Add("Origin", "https://app.example.com");
        using var chat = await gateway.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Equal("https://app.example.com", chat.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-router-model", chat.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var other = Preflight("https://evil.example.com");
        using var refused = await gateway.Http.SendAsync(other);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_NotConfigured_NoHeadersAndOptionsIs405()
    {
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, _upstream);
        using var preflight = Preflight("https://app.example.com");
        using var answer = await gateway.Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Root_AcceptJson_ListsEveryEndpoint()
    {
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, _upstream);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept", "application/json");
        using var response = await gateway.Http.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var endpoints = doc.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()).ToArray();
        foreach (var endpoint in new[] { "POST /v1/chat/completions", "POST /v1/messages", "POST /v1/messages/count_tokens", "POST /v1/route", "GET /v1/models", "GET /v1/requests", "GET /health", "GET /usage", "GET /stats", "GET /metrics" })
        {
            Assert.Contains(endpoint, endpoints);
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/chat/completions");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
