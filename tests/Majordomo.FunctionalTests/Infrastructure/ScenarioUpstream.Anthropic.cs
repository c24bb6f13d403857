using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>The Anthropic Messages side of the scenario upstream: <c>POST /v1/messages</c>, JSON answers and named SSE events.</summary>
public sealed partial class ScenarioUpstream
{
    private async Task HandleAnthropicAsync(HttpContext context)
    {
        if (await ReadRequestAsync(context, """{"type":"error","error":{"type":"invalid_request_error","message":"upstream got invalid JSON"}}""") is not { } request)
        {
            return;
        }

        var (body, model, stream, _) = request;
        _received.Enqueue(new ReceivedRequest(model, body, context.Request.Headers.Authorization.FirstOrDefault(), stream, AbortedTask(context))
        {
            Path = "/v1/messages",
            Headers = HeadersOf(context),
        });

        var ct = context.RequestAborted;
        try
        {
            switch (Next(model))
            {
                case Scenario.Ok ok:
                    var text = ok.Text ?? $"Hello from {model}";
                    if (stream)
                    {
                        await StartStreamAsync(context, ct);
                        await AnthropicStartAsync(context, model, ct);
                        await AnthropicEventAsync(context, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""", ct);
                        await AnthropicEventAsync(context, "ping", """{"type": "ping"}""", ct);
                        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)ok.Chunks));
                        for (var i = 0; i < text.Length; i += size)
                        {
                            if (i > 0 && ok.ChunkDelayMs > 0)
                            {
                                await Task.Delay(ok.ChunkDelayMs, ct);
                            }

                            await AnthropicEventAsync(context, "content_block_delta", TextDelta(0, text.Substring(i, Math.Min(size, text.Length - i))), ct);
                        }

                        await AnthropicEventAsync(context, "content_block_stop", """{"type":"content_block_stop","index":0}""", ct);
                        await AnthropicEndAsync(context, "end_turn", ct);
                    }
                    else
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync(AnthropicMessage(model, $$$"""[{"type":"text","text":{{{JsonSerializer.Serialize(text)}}}}]""", "end_turn"), ct);
                    }

                    break;
                case Scenario.ToolCall tool:
                    if (stream)
                    {
                        await StartStreamAsync(context, ct);
                        await AnthropicStartAsync(context, model, ct);
                        await AnthropicEventAsync(context, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""", ct);
                        await AnthropicEventAsync(context, "content_block_delta", TextDelta(0, "Let me check."), ct);
                        await AnthropicEventAsync(context, "content_block_stop", """{"type":"content_block_stop","index":0}""", ct);
                        await AnthropicEventAsync(context, "content_block_start", $$$"""{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"{{{tool.Id}}}","name":"{{{tool.Name}}}","input":{} } }""", ct);
                        var half = tool.ArgumentsJson.Length / 2;
                        foreach (var piece in new[] { tool.ArgumentsJson[..half], tool.ArgumentsJson[half..] })
                        {
                            await AnthropicEventAsync(context, "content_block_delta", $$$"""{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":{{{JsonSerializer.Serialize(piece)}}}}}""", ct);
                        }

                        await AnthropicEventAsync(context, "content_block_stop", """{"type":"content_block_stop","index":1}""", ct);
                        await AnthropicEndAsync(context, "tool_use", ct);
                    }
                    else
                    {
                        context.Response.ContentType = "application/json";
                        await context.Response.WriteAsync(AnthropicMessage(model, $$$"""[{"type":"text","text":"Let me check."},{"type":"tool_use","id":"{{{tool.Id}}}","name":"{{{tool.Name}}}","input":{{{tool.ArgumentsJson}}}}]""", "tool_use"), ct);
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
                case Scenario.ErrorEventAfterChunks error:
                    await AnthropicChunksAsync(context, model, error.Chunks, ct);

                    await AnthropicEventAsync(context, "error", $$$"""{"type":"error","error":{"type":"{{{error.Type}}}","message":"Overloaded"}}""", ct);
                    break;
                case Scenario.ResetAfterChunks reset:
                    await StartStreamAsync(context, ct);
                    await AnthropicStartAsync(context, model, ct);
                    for (var i = 0; i < reset.Chunks; i++)
                    {
                        await AnthropicEventAsync(context, "content_block_delta", TextDelta(0, $"chunk{i} "), ct);
                    }

                    await Task.WhenAny(reset.Reset ?? Task.Delay(50, ct), Task.Delay(10_000, ct)); // a test that never releases still ends
                    context.Abort();
                    break;
                case Scenario.HangAfterChunks hang:
                    await AnthropicChunksAsync(context, model, hang.Chunks, ct);

                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case Scenario.TruncateAfterChunks truncate:
                    await StartStreamAsync(context, ct);
                    await AnthropicStartAsync(context, model, ct);
                    for (var i = 0; i < truncate.Chunks; i++)
                    {
                        await AnthropicEventAsync(context, "content_block_delta", TextDelta(0, $"chunk{i} "), ct);
                    }

                    break;
                case Scenario.HangBeforeHeaders:
                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case Scenario.EchoHeaders echo:
                    await EchoErrorAsync(context, echo.Code, anthropic: true, ct);
                    break;
                case Scenario.EchoHeadersMidStream:
                    await EchoMidStreamAsync(context, model, anthropic: true, ct);
                    break;
                case Scenario.Garbage:
                    context.Response.ContentType = stream ? "text/event-stream" : "application/json";
                    await context.Response.WriteAsync(stream ? "event: message_start\ndata: this is not json\n\n" : "<html>502 Bad Gateway</html>", ct);
                    break;
                case Scenario.RawStream raw:
                    await StartStreamAsync(context, ct);
                    await context.Response.WriteAsync(raw.Body, ct);
                    break;
                default:
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("""{"type":"error","error":{"type":"api_error","message":"scenario not available in the Anthropic protocol"}}""", ct);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // The gateway hung up.
        }
    }

    /// <summary>A stream's start, its text block's start and <paramref name="chunks"/> text deltas ("chunk0 " …).</summary>
    private async Task AnthropicChunksAsync(HttpContext context, string model, int chunks, CancellationToken ct)
    {
        await StartStreamAsync(context, ct);
        await AnthropicStartAsync(context, model, ct);
        await AnthropicEventAsync(context, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""", ct);
        for (var i = 0; i < chunks; i++)
        {
            await AnthropicEventAsync(context, "content_block_delta", TextDelta(0, $"chunk{i} "), ct);
        }
    }

    private static Task AnthropicStartAsync(HttpContext context, string model, CancellationToken ct) =>
        AnthropicEventAsync(context, "message_start", $$$"""{"type":"message_start","message":{"id":"msg_up","type":"message","role":"assistant","model":"{{{model}}}","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":11,"cache_read_input_tokens":0,"output_tokens":1} } }""", ct);

    private static async Task AnthropicEndAsync(HttpContext context, string stopReason, CancellationToken ct)
    {
        await AnthropicEventAsync(context, "message_delta", $$$"""{"type":"message_delta","delta":{"stop_reason":"{{{stopReason}}}","stop_sequence":null},"usage":{"output_tokens":7}}""", ct);
        await AnthropicEventAsync(context, "message_stop", """{"type":"message_stop"}""", ct);
    }

    private static string TextDelta(int index, string text) =>
        $$$"""{"type":"content_block_delta","index":{{{index}}},"delta":{"type":"text_delta","text":{{{JsonSerializer.Serialize(text)}}}}}""";

    private static async Task AnthropicEventAsync(HttpContext context, string type, string data, CancellationToken ct)
    {
        await context.Response.WriteAsync("event: " + type + "\ndata: " + data + "\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }

    public static string AnthropicMessage(string model, string contentJson, string stopReason) =>
        $$$"""{"id":"msg_up","type":"message","role":"assistant","model":"{{{model}}}","content":{{{contentJson}}},"stop_reason":"{{{stopReason}}}","stop_sequence":null,"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":7}}""";
}
