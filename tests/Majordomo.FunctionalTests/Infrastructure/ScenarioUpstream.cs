using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>How the scenario upstream answers one call.</summary>
public abstract record Scenario
{
    /// <summary>A normal answer: "Hello from {model}" unless <paramref name="Text"/> is given.</summary>
    public sealed record Ok(string? Text = null, int Chunks = 5, int ChunkDelayMs = 0) : Scenario;

    public sealed record Status(int Code, string Body, int? RetryAfterSeconds = null) : Scenario;

    /// <summary>Never sends response headers.</summary>
    public sealed record HangBeforeHeaders : Scenario;

    /// <summary>Streams <paramref name="Chunks"/> chunks, then stops sending but keeps the connection open.</summary>
    public sealed record HangAfterChunks(int Chunks) : Scenario;

    /// <summary>Sends headers for a stream and then nothing at all.</summary>
    public sealed record HangAfterHeaders : Scenario;

    /// <summary>
    /// Streams <paramref name="Chunks"/> chunks, then resets the connection: 50 ms later, or once
    /// <paramref name="Reset"/> completes, at most 10 s (a test that needs the chunks at the client first; a reset can drop
    /// chunks the gateway has not read yet, which then falls back as before the first byte).
    /// </summary>
    public sealed record ResetAfterChunks(int Chunks, Task? Reset = null) : Scenario;

    /// <summary>Streams <paramref name="Chunks"/> chunks, then ends the response cleanly without finish or [DONE].</summary>
    public sealed record TruncateAfterChunks(int Chunks) : Scenario;

    /// <summary>Answers 200 with a body (or stream events) that are not JSON.</summary>
    public sealed record Garbage : Scenario;

    /// <summary>Writes <paramref name="Body"/> verbatim as a 200 text/event-stream answer.</summary>
    public sealed record RawStream(string Body) : Scenario;

    /// <summary>Waits for <paramref name="Gate"/> before anything is answered, then plays <paramref name="Then"/>.</summary>
    public sealed record Hold(TaskCompletionSource Gate, Scenario Then) : Scenario;

    /// <summary>Sends the first chunk, waits for <paramref name="Gate"/>, then sends the rest.</summary>
    public sealed record Gated(TaskCompletionSource Gate, int Chunks = 3) : Scenario;

    /// <summary>The model calls one tool (streamed with the arguments in two pieces), in either protocol.</summary>
    public sealed record ToolCall(string Name, string ArgumentsJson, string Id = "call_1") : Scenario;

    /// <summary>Anthropic protocol only: streams <paramref name="Chunks"/> text deltas, then an <c>event: error</c>.</summary>
    public sealed record ErrorEventAfterChunks(int Chunks, string Type = "overloaded_error") : Scenario;

    /// <summary>Picks the scenario by the bearer key the call was sent with (credential rotation tests).</summary>
    public sealed record PerKey(IReadOnlyDictionary<string, Scenario> ByKey, Scenario Otherwise) : Scenario;

    /// <summary>Answers <paramref name="Code"/> with an error body that quotes every request header (the key too), in either protocol.</summary>
    public sealed record EchoHeaders(int Code) : Scenario;

    /// <summary>Streams two chunks, then an error event that quotes every request header, in either protocol.</summary>
    public sealed record EchoHeadersMidStream : Scenario;

    /// <summary>A 200 answer that declares (and starts sending) <paramref name="Bytes"/> bytes: non-stream via Content-Length, stream as one endless event.</summary>
    public sealed record Oversized(long Bytes) : Scenario;

    /// <summary>A non-streamed body written in parts (each flushed); waits on <paramref name="GateAfterFirst"/> after the first; optionally resets the connection at the end.</summary>
    public sealed record BodyParts(IReadOnlyList<string> Parts, TaskCompletionSource? GateAfterFirst = null, bool ResetAtEnd = false) : Scenario;
}

/// <summary>A request as the upstream received it.</summary>
public sealed record ReceivedRequest(string Model, byte[] Body, string? Authorization, bool Stream, Task Aborted)
{
    /// <summary>The path called: <c>/v1/chat/completions</c> or <c>/v1/messages</c>.</summary>
    public string Path { get; init; } = "/v1/chat/completions";

    /// <summary>Request headers, by lower-case name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public JsonDocument Json() => JsonDocument.Parse(Body);

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the OpenAI Chat Completions protocol (<c>/v1/chat/completions</c>)
/// and the Anthropic Messages protocol (<c>/v1/messages</c>), whose behaviour per upstream model name is
/// scripted by the test: ok, error statuses, hangs, resets, garbage, slow chunks, tool calls.
/// </summary>
public sealed partial class ScenarioUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scenario>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Scenario> _sticky = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private ScenarioUpstream(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public IReadOnlyList<ReceivedRequest> ReceivedFor(string model) => [.. _received.Where(r => r.Model == model)];

    public static async Task<ScenarioUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new ScenarioUpstream(app);
        app.MapPost("/v1/chat/completions", upstream.HandleAsync);
        app.MapPost("/v1/messages", upstream.HandleAnthropicAsync);
        app.MapPost("/v1/responses", upstream.HandleResponsesAsync);
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = Array.Empty<object>() }));
        await app.StartAsync();
        var address = app.Urls.First();
        upstream.BaseUrl = address.TrimEnd('/') + "/v1";
        return upstream;
    }

    /// <summary>Scripts the next calls for an upstream model name; the last step repeats for later calls.</summary>
    public void Script(string model, params Scenario[] steps)
    {
        var queue = new ConcurrentQueue<Scenario>(steps[..^1]);
        _scripts[model] = queue;
        _sticky[model] = steps[^1];
    }

    private Scenario Next(string model)
    {
        if (_scripts.TryGetValue(model, out var queue) && queue.TryDequeue(out var step))
        {
            return step;
        }

        return _sticky.TryGetValue(model, out var sticky) ? sticky : new Scenario.Ok();
    }

    private const string OpenAIInvalidJson = """{"error":{"message":"upstream got invalid JSON","type":"invalid_request_error"}}""";

    /// <summary>
    /// The request body with the fields every protocol's handler routes on; null when the body is not JSON
    /// (a 400 with <paramref name="invalidJsonError"/> has been written).
    /// </summary>
    private static async Task<(byte[] Body, string Model, bool Stream, bool IncludeUsage)?> ReadRequestAsync(HttpContext context, string invalidJsonError)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            var includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object &&
                               so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
            return (body, model, stream, includeUsage);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(invalidJsonError);
            return null;
        }
    }

    /// <summary>Completes when the client (the gateway) aborts this request.</summary>
    private static Task AbortedTask(HttpContext context)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.RequestAborted.Register(() => aborted.TrySetResult());
        return aborted.Task;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (await ReadRequestAsync(context, OpenAIInvalidJson) is not { } request)
        {
            return;
        }

        var (body, model, stream, includeUsage) = request;
        _received.Enqueue(new ReceivedRequest(model, body, context.Request.Headers.Authorization.FirstOrDefault(), stream, AbortedTask(context)) { Headers = HeadersOf(context) });

        var ct = context.RequestAborted;
        var scenario = Next(model);
        if (scenario is Scenario.PerKey perKey)
        {
            var key = context.Request.Headers.Authorization.FirstOrDefault()?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
            scenario = perKey.ByKey.TryGetValue(key, out var byKey) ? byKey : perKey.Otherwise;
        }

        try
        {
            while (scenario is Scenario.Hold hold)
            {
                await hold.Gate.Task.WaitAsync(ct);
                scenario = hold.Then;
            }

            switch (scenario)
            {
                case Scenario.Ok ok:
                    var text = ok.Text ?? $"Hello from {model}";
                    if (stream)
                    {
                        await StreamAsync(context, model, text, ok.Chunks, ok.ChunkDelayMs, includeUsage, ct);
                    }
                    else
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync(Completion(model, text), ct);
                    }

                    break;
                case Scenario.Status status:
                    context.Response.StatusCode = status.Code;
                    context.Response.ContentType = "application/json";
                    if (status.RetryAfterSeconds is { } ra)
                    {
                        context.Response.Headers.RetryAfter = ra.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    await context.Response.WriteAsync(status.Body, ct);
                    break;
                case Scenario.HangBeforeHeaders:
                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case Scenario.EchoHeaders echo:
                    await EchoErrorAsync(context, echo.Code, anthropic: false, ct);
                    break;
                case Scenario.EchoHeadersMidStream:
                    await EchoMidStreamAsync(context, model, anthropic: false, ct);
                    break;
                case Scenario.HangAfterHeaders:
                    context.Response.ContentType = "text/event-stream";
                    await context.Response.StartAsync(ct);
                    await context.Response.Body.FlushAsync(ct);
                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case Scenario.HangAfterChunks hang:
                    await StartStreamAsync(context, ct);
                    await WriteChunksAsync(context, model, hang.Chunks, ct);
                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case Scenario.ResetAfterChunks reset:
                    await StartStreamAsync(context, ct);
                    await WriteChunksAsync(context, model, reset.Chunks, ct);
                    await Task.WhenAny(reset.Reset ?? Task.Delay(50, ct), Task.Delay(10_000, ct)); // a test that never releases still ends
                    context.Abort();
                    break;
                case Scenario.TruncateAfterChunks truncate:
                    await StartStreamAsync(context, ct);
                    await WriteChunksAsync(context, model, truncate.Chunks, ct);
                    break;
                case Scenario.Garbage:
                    if (stream)
                    {
                        await StartStreamAsync(context, ct);
                        await context.Response.WriteAsync("data: this is not json at all\n\n", ct);
                    }
                    else
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync("<html>502 Bad Gateway from some proxy</html>", ct);
                    }

                    break;
                case Scenario.RawStream raw:
                    await StartStreamAsync(context, ct);
                    await context.Response.WriteAsync(raw.Body, ct);
                    break;
                case Scenario.ToolCall tool:
                    if (stream)
                    {
                        await StartStreamAsync(context, ct);
                        var half = tool.ArgumentsJson.Length / 2;
                        await WriteEventAsync(context, ToolChunk(model, 0, tool.Id, tool.Name, tool.ArgumentsJson[..half]), ct);
                        await WriteEventAsync(context, ToolChunk(model, 0, null, null, tool.ArgumentsJson[half..]), ct);
                        await WriteEventAsync(context, Chunk(model, null, "tool_calls", includeUsage), ct);
                        if (includeUsage)
                        {
                            await WriteEventAsync(context, $$$"""{"id":"chatcmpl-up","object":"chat.completion.chunk","created":1,"model":"{{{model}}}","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""", ct);
                        }

                        await WriteEventAsync(context, "[DONE]", ct);
                    }
                    else
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync($$$"""{"id":"chatcmpl-up","object":"chat.completion","created":1,"model":"{{{model}}}","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"{{{tool.Id}}}","type":"function","function":{"name":"{{{tool.Name}}}","arguments":{{{JsonSerializer.Serialize(tool.ArgumentsJson)}}}}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""", ct);
                    }

                    break;
                case Scenario.Oversized oversized:
                    var block = new byte[64 * 1024];
                    Array.Fill(block, (byte)'x');
                    if (stream)
                    {
                        await StartStreamAsync(context, ct);
                        await context.Response.WriteAsync("data: {\"pad\":\"", ct);
                    }
                    else
                    {
                        context.Response.ContentType = "application/json";
                        context.Response.ContentLength = oversized.Bytes;
                    }

                    for (long sent = 0; sent < oversized.Bytes - block.Length; sent += block.Length)
                    {
                        await context.Response.Body.WriteAsync(block, ct);
                    }

                    break;
                case Scenario.BodyParts parts:
                    await WriteBodyPartsAsync(context, parts, ct);
                    break;
                case Scenario.Gated gated:
                    await StartStreamAsync(context, ct);
                    await WriteEventAsync(context, Chunk(model, "first ", null), ct);
                    await gated.Gate.Task.WaitAsync(ct);
                    for (var i = 1; i < gated.Chunks; i++)
                    {
                        await WriteEventAsync(context, Chunk(model, $"part{i} ", null), ct);
                    }

                    await WriteEventAsync(context, Chunk(model, null, "stop"), ct);
                    await WriteEventAsync(context, "[DONE]", ct);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // The gateway hung up: that is what some tests are waiting for.
        }
        catch (IOException)
        {
            // The gateway hung up mid-write (it refuses oversized answers).
        }
    }

    private static async Task WriteBodyPartsAsync(HttpContext context, Scenario.BodyParts parts, CancellationToken ct)
    {
        context.Response.ContentType = "application/json";
        for (var i = 0; i < parts.Parts.Count; i++)
        {
            await context.Response.WriteAsync(parts.Parts[i], ct);
            await context.Response.Body.FlushAsync(ct);
            if (i == 0 && parts.GateAfterFirst is { } gate)
            {
                await gate.Task.WaitAsync(ct);
            }
        }

        if (parts.ResetAtEnd)
        {
            await Task.Delay(50, ct);
            context.Abort();
        }
    }

    private static async Task StartStreamAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(ct);
    }

    private static async Task StreamAsync(HttpContext context, string model, string text, int chunks, int delayMs, bool includeUsage, CancellationToken ct)
    {
        await StartStreamAsync(context, ct);
        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)chunks));
        for (var i = 0; i < text.Length; i += size)
        {
            if (i > 0 && delayMs > 0)
            {
                await Task.Delay(delayMs, ct);
            }

            await WriteEventAsync(context, Chunk(model, text.Substring(i, Math.Min(size, text.Length - i)), null, includeUsage), ct);
        }

        await WriteEventAsync(context, Chunk(model, null, "stop", includeUsage), ct);
        if (includeUsage)
        {
            await WriteEventAsync(context, $$$"""{"id":"chatcmpl-up","object":"chat.completion.chunk","created":1,"model":"{{{model}}}","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""", ct);
        }

        await WriteEventAsync(context, "[DONE]", ct);
    }

    private static async Task WriteChunksAsync(HttpContext context, string model, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            await WriteEventAsync(context, Chunk(model, $"chunk{i} ", null), ct);
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string data, CancellationToken ct)
    {
        await context.Response.WriteAsync("data: " + data + "\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }

    private static Dictionary<string, string> HeadersOf(HttpContext context) =>
        context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());

    public static string ToolChunk(string model, int index, string? id, string? name, string arguments)
    {
        var head = id is null ? "" : "\"id\":\"" + id + "\",\"type\":\"function\",";
        var fn = name is null ? "" : "\"name\":\"" + name + "\",";
        return $$$"""{"id":"chatcmpl-up","object":"chat.completion.chunk","created":1,"model":"{{{model}}}","choices":[{"index":0,"delta":{"tool_calls":[{"index":{{{index}}},{{{head}}}"function":{{{{fn}}}"arguments":{{{JsonSerializer.Serialize(arguments)}}}}}]},"finish_reason":null}]}""";
    }

    public static string Chunk(string model, string? content, string? finish, bool withNullUsage = false)
    {
        var delta = content is null ? "{}" : "{\"content\":" + JsonSerializer.Serialize(content) + "}";
        var finishJson = finish is null ? "null" : "\"" + finish + "\"";
        var usage = withNullUsage ? ",\"usage\":null" : "";
        return $$"""{"id":"chatcmpl-up","object":"chat.completion.chunk","created":1,"model":"{{model}}","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finishJson}}}]{{usage}}}""";
    }

    public static string Completion(string model, string text) =>
        $$$"""{"id":"chatcmpl-up","object":"chat.completion","created":1,"model":"{{{model}}}","choices":[{"index":0,"message":{"role":"assistant","content":{{{JsonSerializer.Serialize(text)}}}},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}""";

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
