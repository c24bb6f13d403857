using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary>Issue 11, findings 9 and 11: every answer the gateway makes itself is JSON, and the root lists every endpoint.</summary>
public sealed class ErrorShapeTests : GatewayTest
{
    [Theory]
    [InlineData("/.env")]
    [InlineData("/swagger/index.html")]
    [InlineData("/v1/models.json")]
    public async Task Get_UnknownPathWithADot_IsAJsonNotFound(string path)
    {
        using var response = await Gateway.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unknown_endpoint", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Head_Health_AnswersLikeGetWithoutABody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/health");
        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    // The table's own paths are dispatched before routing; these pin that every other spelling still gets what routing gave it.
    [Theory]
    [InlineData("GET", "/health", HttpStatusCode.OK, null)]
    [InlineData("GET", "/HEALTH", HttpStatusCode.OK, null)]
    [InlineData("GET", "/health/", HttpStatusCode.OK, null)]
    [InlineData("get", "/health", HttpStatusCode.OK, null)]
    [InlineData("GET", "/V1/Models", HttpStatusCode.OK, null)]
    [InlineData("POST", "/health", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("GET", "/v1/chat/completions", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("PUT", "/V1/CHAT/COMPLETIONS", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("POST", "/v1/chat/completions/", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("POST", "/V1/Chat/Completions", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("POST", "/v1/chat/completions/extra", HttpStatusCode.NotFound, "unknown_endpoint")]
    public async Task EveryPathSpelling_GetsTheEndpointRoutingGave(string method, string path, HttpStatusCode status, string? code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        using var response = await Gateway.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, doc.RootElement.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null);
    }

    [Fact]
    public async Task Get_Root_ListsEveryEndpoint()
    {
        var text = await Gateway.Http.GetStringAsync("/");

        foreach (var endpoint in new[] { "POST /v1/chat/completions", "POST /v1/messages", "POST /v1/messages/count_tokens", "POST /v1/route", "GET /v1/models", "GET /health", "GET /usage", "GET /stats" })
        {
            Assert.Contains(endpoint, text, StringComparison.Ordinal);
        }
    }
}
