using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Majordomo.FunctionalTests.Budgets;

/// <summary>
/// A clock the test moves by hand. Timers (timeouts, the log writer's interval, webhook retry waits)
/// run on real time so the gateway keeps working; only "what time is it" is simulated.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>
/// A loopback HTTP server that records the webhook POSTs it gets; answers each with the next scripted
/// status, or 411 for a body without Content-Length.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<JsonDocument> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<JsonDocument> Received => [.. _received];

    public int Calls;

    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        foreach (var s in statuses)
        {
            receiver._statuses.Enqueue(s);
        }

        app.MapPost("/hook", async context =>
        {
            Interlocked.Increment(ref receiver.Calls);
            var status = receiver._statuses.TryDequeue(out var s) ? s : 200;
            // A receiver that reads Content-Length bytes, as many do (issue 11: a chunked POST read as empty).
            if (context.Request.ContentLength is not { } length)
            {
                status = 411;
            }
            else if (status == 200)
            {
                var body = new byte[length];
                await context.Request.Body.ReadExactlyAsync(body);
                receiver._received.Enqueue(JsonDocument.Parse(body));
            }

            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        receiver.Url = app.Urls.First().TrimEnd('/') + "/hook";
        return receiver;
    }

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (_received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal static class BudgetHttp
{
    public static HttpRequestMessage Chat(string model, bool stream = false, string? key = null, string text = "hello")
    {
        var body = JsonSerializer.Serialize(new { model, stream, messages = new[] { new { role = "user", content = text } } });
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public static JsonElement Budget(JsonElement usage, string scope, string period) =>
        usage.GetProperty("budgets").EnumerateArray().Single(b => b.GetProperty("scope").GetString() == scope && b.GetProperty("period").GetString() == period);
}
