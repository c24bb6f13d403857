using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Majordomo.Engine;

/// <summary>
/// An OpenAI Chat Completions answer (the hub: whatever protocol the upstream spoke, the executor hands
/// the library this shape) as <c>Microsoft.Extensions.AI</c> types: the whole answer, or one stream chunk.
/// </summary>
internal static class HubAnswer
{
    public static ChatResponse ToResponse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var message = new ChatMessage(ChatRole.Assistant, []);
        ChatFinishReason? finish = null;
        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            var choice = choices[0];
            finish = FinishReason(choice);
            if (choice.TryGetProperty("message", out var m))
            {
                if (Text(m, "content") is { Length: > 0 } text)
                {
                    message.Contents.Add(new TextContent(text));
                }

                if (m.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                {
                    foreach (var call in calls.EnumerateArray())
                    {
                        var function = call.TryGetProperty("function", out var f) ? f : default;
                        message.Contents.Add(FunctionCall(Text(call, "id") ?? "", Text(function, "name") ?? "", Text(function, "arguments")));
                    }
                }
            }
        }

        return new ChatResponse(message)
        {
            ResponseId = Text(root, "id"),
            FinishReason = finish,
            Usage = UsageOf(root),
        };
    }

    /// <summary>Tool-call fragments of a stream, joined by index until the stream says why it finished.</summary>
    public sealed class StreamState
    {
        internal readonly SortedDictionary<int, (string? Id, string? Name, System.Text.StringBuilder Arguments)> Calls = [];
    }

    /// <summary>One chunk's update (null for a chunk with nothing for the caller: usage is reported once, at the end).</summary>
    public static ChatResponseUpdate? ToUpdate(ReadOnlySpan<byte> chunk, StreamState state)
    {
        var reader = new Utf8JsonReader(chunk);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return null;
        }

        var choice = choices[0];
        var update = new ChatResponseUpdate(ChatRole.Assistant, (IList<AIContent>)[]) { ResponseId = Text(root, "id"), FinishReason = FinishReason(choice) };
        if (choice.TryGetProperty("delta", out var delta))
        {
            if (Text(delta, "content") is { Length: > 0 } text)
            {
                update.Contents.Add(new TextContent(text));
            }

            if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                Gather(calls, state);
            }
        }

        if (update.FinishReason is not null)
        {
            foreach (var (_, call) in state.Calls)
            {
                update.Contents.Add(FunctionCall(call.Id ?? "", call.Name ?? "", call.Arguments.ToString()));
            }

            state.Calls.Clear();
        }

        return update.Contents.Count == 0 && update.FinishReason is null ? null : update;
    }

    private static void Gather(JsonElement calls, StreamState state)
    {
        foreach (var call in calls.EnumerateArray())
        {
            var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;
            var known = state.Calls.TryGetValue(index, out var c) ? c : (null, null, new System.Text.StringBuilder());
            var function = call.TryGetProperty("function", out var f) ? f : default;
            known.Item3.Append(Text(function, "arguments"));
            state.Calls[index] = (known.Item1 ?? Text(call, "id"), known.Item2 ?? Text(function, "name"), known.Item3);
        }
    }

    private static FunctionCallContent FunctionCall(string id, string name, string? arguments) =>
        FunctionCallContent.CreateFromParsedArguments(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments, id, name,
            json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions));

    private static ChatFinishReason? FinishReason(JsonElement choice) => Text(choice, "finish_reason") switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        var other => new ChatFinishReason(other),
    };

    private static UsageDetails? UsageOf(JsonElement root) =>
        root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
            ? new UsageDetails
            {
                InputTokenCount = Number(usage, "prompt_tokens"),
                OutputTokenCount = Number(usage, "completion_tokens"),
                TotalTokenCount = Number(usage, "total_tokens"),
            }
            : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var n) ? n : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
