using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Playwright;
using OpenAI.Chat;
using static Microsoft.Playwright.Assertions;

namespace Majordomo.FunctionalTests.Dashboard;

/// <summary>
/// The dashboard in a real browser: Debian's chromium, headless, driven by Playwright against the
/// real gateway and the scenario upstream. Traffic is sent with the official OpenAI SDK, and the
/// page must show what <c>/stats</c>, <c>/usage</c>, <c>/health</c> and <c>/v1/requests</c> say.
/// </summary>
public sealed class DashboardBrowserTests : GatewayTest
{
    private const string Key = "mjd-dashboard-key-0001";

    // m/a draws on a pool of 5: four answers put it at 80 % (prefer-cheaper). The fifth request
    // falls back from m/a (500, then cooling down) to m/b, so its attempt chain has two links.
    private const string Keyed = """
        {
          "server": { "apiKeys": [ { "name": "ops", "key": "mjd-dashboard-key-0001" } ] },
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1,
                    "credentials": [ { "id": "k1", "apiKey": "sk-dashboard-secret" } ] },
          },
          "models": {
            "m/a": { "provider": "up", "upstreamModel": "a", "tier": 1, "quota": "premium", "multiplier": 1,
                     "cost": { "inputPerMTok": 1000, "outputPerMTok": 2000 } },
            "m/b": { "provider": "up", "upstreamModel": "b", "tier": 0, "cost": { "inputPerMTok": 100, "outputPerMTok": 100 } },
          },
          "routes": { "mx": { "chain": ["m/a", "m/b"] } },
          "defaultRoute": "mx",
          "budgets": { "quotas": { "premium": { "monthly": 5 } }, "usd": { "daily": 5 } },
        }
        """;

    protected override string Config => Keyed;

    [Fact]
    public async Task Dashboard_AfterTraffic_ShowsTheNumbersOfTheJsonEndpoints()
    {
        await SendWorkloadAsync();
        var stats = await GetJsonAsync("/stats");
        var usage = await GetJsonAsync("/usage");
        var health = await GetJsonAsync("/health");
        var requests = await GetJsonAsync("/v1/requests?limit=25");
        Assert.Equal(5, stats.GetProperty("requests").GetInt32());
        Assert.Equal("prefer-cheaper", usage.GetProperty("degradation").GetProperty("level").GetString());

        await using var browser = await ChromiumAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var errors = new List<string>();
        var keyGiven = false;
        page.Console += (_, message) =>
        {
            // Before the key is given, the page's first calls are refused with 401 and the browser
            // logs each refused load; that is how the page learns it needs a key. Nothing else may fail.
            if (message.Type == "error" && !(!keyGiven && message.Text.Contains("status of 401", StringComparison.Ordinal)))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(Gateway.BaseUrl + "/");
        await Expect(page.Locator("#keyform")).ToBeVisibleAsync();
        keyGiven = true;
        await page.FillAsync("#key", Key);
        await page.ClickAsync("#keyform button[type=submit]");
        await Expect(page.Locator("#keyform")).ToBeHiddenAsync();
        Assert.Equal(Key, await page.EvaluateAsync<string>("sessionStorage.getItem('majordomo.key')"));

        // Requests and the degradation level, as /stats and /usage say.
        await Expect(Field(page, "requests")).ToHaveTextAsync(stats.GetProperty("requests").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(Field(page, "fallbacks")).ToHaveTextAsync(stats.GetProperty("fallbacks").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(Field(page, "degradation-level")).ToHaveTextAsync(usage.GetProperty("degradation").GetProperty("level").GetString()!);

        // The curve drawn is the one /usage reports, the current step marked.
        foreach (var step in usage.GetProperty("degradation").GetProperty("curve").EnumerateArray())
        {
            await Expect(Field(page, "curve-legend")).ToContainTextAsync(step.GetProperty("level").GetString() + " from " + Units(step.GetProperty("at_usage").GetDouble() * 100) + " %");
        }

        await Expect(page.Locator("[data-field=curve-legend] .now")).ToHaveTextAsync("prefer-cheaper from 80 %");
        Assert.True(stats.GetProperty("latency").GetProperty("first_byte_p95_ms").GetDouble() > 0);
        await Expect(Field(page, "ttft-p95")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ ms$"));

        // The pool's gauge: used and limit units.
        var pool = usage.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("pool").GetString() == "premium");
        var gauge = page.Locator($"[data-budget=\"{pool.GetProperty("budget").GetString()}\"]");
        await Expect(gauge.Locator("[data-field=used]")).ToHaveTextAsync(Units(pool.GetProperty("used").GetDouble()));
        await Expect(gauge.Locator("[data-field=limit]")).ToHaveTextAsync(Units(pool.GetProperty("limit").GetDouble()));
        Assert.Equal(4, pool.GetProperty("used").GetDouble());

        // The routing mix names both models; the cooldown /health reports is listed.
        await Expect(page.Locator("[data-field=mix-models] [data-label='m/a']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=mix-models] [data-label='m/b']")).ToBeVisibleAsync();
        foreach (var cooldown in health.GetProperty("health").GetProperty("cooldowns").EnumerateArray())
        {
            await Expect(page.Locator($"[data-cooldown=\"{cooldown.GetProperty("model").GetString()}\"]")).ToBeVisibleAsync();
        }

        // The request that fell back: expanding its row shows the attempt chain of /v1/requests.
        var fellBack = requests.GetProperty("data").EnumerateArray().Single(r => r.GetProperty("attempts").GetArrayLength() == 2);
        var id = fellBack.GetProperty("id").GetString()!;
        await page.Locator($"tr[data-request-id=\"{id}\"]").ClickAsync();
        var chain = page.Locator($"[data-detail-for=\"{id}\"] [data-field=attempts] li");
        await Expect(chain).ToHaveCountAsync(2);
        var i = 0;
        foreach (var attempt in fellBack.GetProperty("attempts").EnumerateArray())
        {
            var link = chain.Nth(i++);
            await Expect(link).ToContainTextAsync(attempt.GetProperty("model").GetString()!);
            await Expect(link).ToContainTextAsync(attempt.GetProperty("outcome").GetString()!);
        }

        await Expect(chain.Nth(0)).ToContainTextAsync("m/a");
        await Expect(chain.Nth(1)).ToContainTextAsync("m/b");

        // The expanded record survives the next refresh (2 s).
        await page.WaitForTimeoutAsync(2500);
        await Expect(chain).ToHaveCountAsync(2);

        var shot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot is empty");

        // Phone width: the page reflows instead of scrolling sideways.
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(300);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow} px wider than a phone screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-phone.png"), FullPage = true });

        Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Dashboard_WithAWrongKey_AsksAgainAndKeepsNothing()
    {
        await using var browser = await ChromiumAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Gateway.BaseUrl + "/dashboard");
        await page.FillAsync("#key", "mjd-not-a-real-key-000");
        await page.ClickAsync("#keyform button[type=submit]");

        await Expect(page.Locator("[data-field=key-error]")).ToHaveTextAsync("That key was refused.");
        await Expect(page.Locator("#keyform")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('majordomo.key')"));
    }

    private static ILocator Field(IPage page, string name) => page.Locator($"[data-field=\"{name}\"]");

    private static string Units(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private async Task SendWorkloadAsync()
    {
        var client = Gateway.ChatClient("mx", Key);
        for (var n = 0; n < 4; n++)
        {
            await client.CompleteChatAsync([new UserChatMessage("hello " + n)]);
        }

        Upstream.Script("a", new Scenario.Status(500, """{"error":{"message":"boom","type":"server_error"}}"""), new Scenario.Ok());
        await foreach (var _ in client.CompleteChatStreamingAsync([new UserChatMessage("hello again")]))
        {
        }

        // The request log is written in batches (every 20 ms here): wait until all five rows are in.
        for (var wait = 0; wait < 100 && (await GetJsonAsync("/stats")).GetProperty("requests").GetInt32() < 5; wait++)
        {
            await Task.Delay(50);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await Gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Debian's chromium (<c>MAJORDOMO_CHROMIUM</c> or <c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>):
    /// Playwright's own browser download is not reachable here. A browser that cannot start fails the test.
    /// </summary>
    private static async Task<Browser> ChromiumAsync()
    {
        var path = Environment.GetEnvironmentVariable("MAJORDOMO_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Assert.True(File.Exists(path), $"chromium not found at {path}: install Debian's chromium (apt-get install chromium; .ci/run does) or set MAJORDOMO_CHROMIUM");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Timeout = 60_000 });
            return new Browser(playwright, browser);
        }
        catch (PlaywrightException ex)
        {
            playwright.Dispose();
            Assert.Fail($"chromium at {path} did not start: {ex.Message}");
            throw;
        }
    }

    /// <summary>A launched browser and its Playwright driver, closed together.</summary>
    private sealed class Browser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => browser.NewPageAsync(options);

        public async ValueTask DisposeAsync()
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
