using System.Net;
using System.Net.Http.Headers;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests.Dashboard;

/// <summary>How the embedded page is served: <c>/dashboard</c> always, <c>/</c> only to a client asking for HTML.</summary>
public sealed class DashboardPageTests : GatewayTest
{
    [Fact]
    public async Task Get_Dashboard_ServesTheEmbeddedPageWithAStrictPolicy()
    {
        using var response = await Gateway.Http.GetAsync("/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Majordomo</title>", html);
        Assert.Contains("/v1/requests?limit=", html);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);

        // Self-contained: nothing is loaded from another origin.
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
    }

    [Fact]
    public async Task Get_Root_FromABrowser_ServesThePage_AndFromAScript_TheEndpointList()
    {
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var page = await Gateway.Http.SendAsync(browser);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Majordomo</title>", await page.Content.ReadAsStringAsync());

        using var script = new HttpRequestMessage(HttpMethod.Get, "/");
        script.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var list = await Gateway.Http.SendAsync(script);
        var text = await list.Content.ReadAsStringAsync();
        Assert.Equal("application/json", list.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"GET /dashboard\"", text);
        Assert.Contains("GET /stats", text);
    }
}
