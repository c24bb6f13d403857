using System.Diagnostics;
using System.Net;
using System.Text;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Majordomo.FunctionalTests.Monitoring;

/// <summary>
/// Traces (SPEC §7) on the real gateway: a request that fell back is one request span with two
/// attempt spans, the client's <c>traceparent</c> is continued and reaches the upstream, no span
/// holds prompt text or a key; with <c>telemetry.otlp</c> the spans reach a real OTLP/HTTP receiver.
/// Gateways of other tests in this process share the source name, so spans are picked by trace id.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private const string UpstreamKey = "sk-tracing-upstream-secret-123";
    private const string Prompt = "tell nobody about PURPLE-ELEPHANT-42";

    private const string Config = """
        {
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1,
                    "credentials": [ { "id": "k1", "apiKey": "${UP}" } ] },
          },
          "models": {
            "m/a": { "provider": "up", "upstreamModel": "a" },
            "m/b": { "provider": "up", "upstreamModel": "b" },
          },
          "routes": { "mx": { "chain": ["m/a", "m/b"] } },
          "defaultRoute": "mx",
          "resilience": { "cooldown": { "initialSeconds": 0, "maxSeconds": 0 } },
          "health": { "unhealthyAfter": 100 },
          {TELEMETRY}
        }
        """;

    private ScenarioUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScenarioUpstream.StartAsync();

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Trace_FallbackRequest_OneRequestSpanTwoAttemptSpans_TraceparentContinuedUpstream_NoPromptNoKey()
    {
        var spans = new List<Activity>();
        await using var gateway = await StartAsync("", s => s.AddOpenTelemetry().WithTracing(t => t.AddSource("Majordomo").AddInMemoryExporter(spans)));
        _upstream.Script("a", new Scenario.Status(500, $$$"""{"error":{"message":"boom for {{{UpstreamKey}}}","type":"server_error"}}"""), new Scenario.Ok());
        var (traceId, clientSpanId) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());

        var requestId = await SendAsync(gateway, traceId, clientSpanId);
        var mine = await WaitForSpansAsync(spans, traceId, 3);

        var request = Assert.Single(mine, s => s.Kind == ActivityKind.Server);
        Assert.Equal(clientSpanId, request.ParentSpanId);
        Assert.Equal("chat mx", request.DisplayName);
        Assert.Equal(requestId, request.GetTagItem("majordomo.request_id"));
        Assert.Equal(("mx", "mx", "m/b", "chat"), (request.GetTagItem("majordomo.route"), request.GetTagItem("gen_ai.request.model"),
            request.GetTagItem("gen_ai.response.model"), request.GetTagItem("gen_ai.operation.name")));
        Assert.Equal("route", request.GetTagItem("majordomo.tier"));
        Assert.Equal((11L, 7L), (request.GetTagItem("gen_ai.usage.input_tokens"), request.GetTagItem("gen_ai.usage.output_tokens")));

        var attempts = mine.Where(s => s.Kind == ActivityKind.Client).OrderBy(s => s.StartTimeUtc).ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.Equal(request.SpanId, a.ParentSpanId));
        var (failed, answered) = (attempts[0], attempts[1]);
        Assert.Equal(("a", "up", "m/a", 500), (failed.GetTagItem("gen_ai.request.model"), failed.GetTagItem("gen_ai.provider.name"),
            failed.GetTagItem("majordomo.model"), failed.GetTagItem("http.response.status_code")));
        Assert.Equal("transient", failed.GetTagItem("majordomo.attempt.outcome"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Null(failed.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(("b", "b", "ok", "k1"), (answered.GetTagItem("gen_ai.request.model"), answered.GetTagItem("gen_ai.response.model"),
            answered.GetTagItem("majordomo.attempt.outcome"), answered.GetTagItem("majordomo.credential")));
        Assert.Equal((11L, 7L), (answered.GetTagItem("gen_ai.usage.input_tokens"), answered.GetTagItem("gen_ai.usage.output_tokens")));
        Assert.NotEqual(ActivityStatusCode.Error, answered.Status);
        Assert.True(failed.StartTimeUtc >= request.StartTimeUtc && answered.StartTimeUtc + answered.Duration <= request.StartTimeUtc + request.Duration);

        // Both upstream calls carried the client's trace on.
        var received = _upstream.Received;
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal(traceId.ToHexString(), r.Headers["traceparent"].Split('-')[1]));

        foreach (var tag in mine.SelectMany(s => s.TagObjects))
        {
            var value = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Assert.DoesNotContain("PURPLE-ELEPHANT", value, StringComparison.Ordinal);
            Assert.DoesNotContain(UpstreamKey, value, StringComparison.Ordinal);
            Assert.DoesNotContain("boom", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Trace_OtlpHttpConfigured_SpansReachALoopbackReceiver()
    {
        var posts = new List<(string Path, string? ContentType, byte[] Body)>();
        await using var receiver = await StartReceiverAsync(posts);
        var endpoint = receiver.Urls.First();
        var traceId = ActivityTraceId.CreateRandom();
        var gateway = await StartAsync("\"telemetry\": { \"otlp\": { \"endpoint\": \"" + endpoint + "\", \"protocol\": \"http/protobuf\", \"metrics\": false } },", null);
        try
        {
            await SendAsync(gateway, traceId, ActivitySpanId.CreateRandom());
        }
        finally
        {
            // Disposing the host shuts the tracer provider down, which flushes the batch exporter.
            await gateway.DisposeAsync();
        }

        var traces = posts.Where(p => p.Path == "/v1/traces").ToArray();
        Assert.NotEmpty(traces);
        Assert.All(traces, p => Assert.Equal("application/x-protobuf", p.ContentType));
        var all = traces.SelectMany(p => p.Body).ToArray();
        Assert.True(all.AsSpan().IndexOf(Convert.FromHexString(traceId.ToHexString())) >= 0, "the request's trace id is not in the export");
        Assert.True(all.AsSpan().IndexOf("chat mx"u8) >= 0);
        Assert.True(all.AsSpan().IndexOf("majordomo.attempt.outcome"u8) >= 0);
        Assert.True(all.AsSpan().IndexOf("PURPLE-ELEPHANT"u8) < 0);
        Assert.True(all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(UpstreamKey)) < 0);
        Assert.DoesNotContain(posts, p => p.Path == "/v1/metrics");
    }

    private Task<TestGateway> StartAsync(string telemetry, Action<IServiceCollection>? services) =>
        TestGateway.StartAsync(Config.Replace("{TELEMETRY}", telemetry, StringComparison.Ordinal), _upstream, name => name == "UP" ? UpstreamKey : null, services);

    private static async Task<string> SendAsync(TestGateway gateway, ActivityTraceId traceId, ActivitySpanId parent)
    {
        using var request = Sse.Post("/v1/chat/completions", $$"""{"model":"mx","messages":[{"role":"user","content":"{{Prompt}}"}]}""");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{parent.ToHexString()}-01");
        using var response = await gateway.Http.SendAsync(request);
        await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("X-Request-Id").Single();
    }

    private static async Task<Activity[]> WaitForSpansAsync(List<Activity> spans, ActivityTraceId traceId, int count)
    {
        // The request span ends when the request is logged, just after the answer is written.
        for (var i = 0; ; i++)
        {
            Activity[] mine;
            lock (spans)
            {
                mine = spans.Where(s => s.TraceId == traceId).ToArray();
            }

            if (mine.Length >= count || i == 200)
            {
                Assert.Equal(count, mine.Length);
                return mine;
            }

            await Task.Delay(25);
        }
    }

    /// <summary>A minimal OTLP/HTTP collector: accepts every POST and keeps its path, content type and body.</summary>
    private static async Task<WebApplication> StartReceiverAsync(List<(string Path, string? ContentType, byte[] Body)> posts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            lock (posts)
            {
                posts.Add((context.Request.Path.Value!, context.Request.ContentType, body.ToArray()));
            }

            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return app;
    }
}
