using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>
/// The OpenAI Responses side of the scenario upstream (<c>POST /v1/responses</c>, for <c>"api":
/// "openai-responses"</c> providers): a <c>response</c> object, or the named event sequence, for the
/// <see cref="Scenario.Ok"/>, <see cref="Scenario.ToolCall"/> and <see cref="Scenario.Status"/> scenarios.
/// Usage is always 13 input and 5 output tokens (so tests can tell it from the chat side's 11 / 7).
/// </summary>
public sealed partial class ScenarioUpstream
{
    private const string ResponsesUsage = """{"input_tokens":13,"input_tokens_details":{"cached_tokens":0},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":18}""";

    private async Task HandleResponsesAsync(HttpContext context)
    {
        if (await ReadRequestAsync(context, OpenAIInvalidJson) is not { } request)
        {
            return;
        }

        var (body, model, stream, _) = request;
        _received.Enqueue(new ReceivedRequest(model, body, context.Request.Headers.Authorization.FirstOrDefault(), stream, AbortedTask(context))
        {
            Path = "/v1/responses",
            Headers = HeadersOf(context),
        });

        var ct = context.RequestAborted;
        var id = "resp_up" + Guid.NewGuid().ToString("N")[..12];
        var scenario = Next(model);
        switch (scenario)
        {
            case Scenario.Status status:
                context.Response.StatusCode = status.Code;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(status.Body, ct);
                return;
            case Scenario.ToolCall tool:
                var call = $$"""{"type":"function_call","id":"fc_up1","call_id":"{{tool.Id}}","name":"{{tool.Name}}","arguments":{{JsonSerializer.Serialize(tool.ArgumentsJson)}},"status":"completed"}""";
                await AnswerAsync(context, id, model, call, stream, async () =>
                {
                    await ResponsesEventAsync(context, "response.output_item.added", $$$"""{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"type":"function_call","id":"fc_up1","call_id":"{{{tool.Id}}}","name":"{{{tool.Name}}}","arguments":"","status":"in_progress"}}""", ct);
                    await ResponsesEventAsync(context, "response.function_call_arguments.delta", $$"""{"type":"response.function_call_arguments.delta","sequence_number":3,"item_id":"fc_up1","output_index":0,"delta":{{JsonSerializer.Serialize(tool.ArgumentsJson)}}}""", ct);
                    await ResponsesEventAsync(context, "response.output_item.done", $$"""{"type":"response.output_item.done","sequence_number":4,"output_index":0,"item":{{call}}}""", ct);
                }, ct);
                return;
            default:
                var text = (scenario is Scenario.Ok { Text: { } t } ? t : null) ?? $"Hello from {model}";
                var message = $$"""{"type":"message","id":"msg_up1","status":"completed","role":"assistant","content":[{"type":"output_text","text":{{JsonSerializer.Serialize(text)}},"annotations":[]}]}""";
                await AnswerAsync(context, id, model, message, stream, async () =>
                {
                    await ResponsesEventAsync(context, "response.output_item.added", """{"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"type":"message","id":"msg_up1","status":"in_progress","role":"assistant","content":[]}}""", ct);
                    await ResponsesEventAsync(context, "response.content_part.added", """{"type":"response.content_part.added","sequence_number":3,"item_id":"msg_up1","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}}""", ct);
                    await ResponsesEventAsync(context, "response.output_text.delta", $$"""{"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_up1","output_index":0,"content_index":0,"delta":{{JsonSerializer.Serialize(text)}}}""", ct);
                    await ResponsesEventAsync(context, "response.output_item.done", $$"""{"type":"response.output_item.done","sequence_number":5,"output_index":0,"item":{{message}}}""", ct);
                }, ct);
                return;
        }
    }

    private static async Task AnswerAsync(HttpContext context, string id, string model, string item, bool stream, Func<Task> events, CancellationToken ct)
    {
        var completed = $$"""{"id":"{{id}}","object":"response","created_at":1,"status":"completed","error":null,"incomplete_details":null,"model":"{{model}}","output":[{{item}}],"usage":{{ResponsesUsage}}}""";
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(completed, ct);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        await ResponsesEventAsync(context, "response.created", $$$"""{"type":"response.created","sequence_number":0,"response":{"id":"{{{id}}}","object":"response","created_at":1,"status":"in_progress","model":"{{{model}}}","output":[],"usage":null}}""", ct);
        await ResponsesEventAsync(context, "response.in_progress", $$$"""{"type":"response.in_progress","sequence_number":1,"response":{"id":"{{{id}}}","object":"response","created_at":1,"status":"in_progress","model":"{{{model}}}","output":[],"usage":null}}""", ct);
        await events();
        await ResponsesEventAsync(context, "response.completed", $$"""{"type":"response.completed","sequence_number":9,"response":{{completed}}}""", ct);
    }

    private static async Task ResponsesEventAsync(HttpContext context, string type, string data, CancellationToken ct)
    {
        await context.Response.WriteAsync($"event: {type}\ndata: {data}\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
