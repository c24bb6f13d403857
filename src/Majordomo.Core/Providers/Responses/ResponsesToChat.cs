using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.Responses;

/// <summary>
/// A Responses <c>response</c> object → a Chat Completions (hub) answer: the <c>output_text</c> parts of
/// message items joined as the content, <c>function_call</c> items as <c>tool_calls</c> (their
/// <c>call_id</c> the id), usage as prompt/completion tokens, and the finish reason from the status
/// (<see cref="FinishReason"/>). A body that is not a response object is returned unchanged.
/// </summary>
internal static class ResponsesToChat
{
    public static byte[] Answer(byte[] body, long created)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("output", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return body;
            }

            var text = new StringBuilder();
            var calls = 0;
            foreach (var item in items.EnumerateArray())
            {
                switch (ResponseTranslation.Str(item, "type"))
                {
                    case "message" when item.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array:
                        foreach (var part in content.EnumerateArray())
                        {
                            if (ResponseTranslation.Str(part, "type") is "output_text" && ResponseTranslation.Str(part, "text") is { } t)
                            {
                                text.Append(t);
                            }
                        }

                        break;
                    case "function_call":
                        calls++;
                        break;
                }
            }

            var output = new ArrayBufferWriter<byte>(body.Length + 256);
            using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
            {
                ResponseTranslation.WriteCompletionHead(w, ResponseTranslation.Str(root, "id") ?? "resp", created, ResponseTranslation.Str(root, "model"), text, calls);

                if (calls > 0)
                {
                    WriteCalls(w, items);
                }

                w.WriteEndObject();
                w.WriteString("finish_reason", FinishReason(root, calls > 0));
                w.WriteEndObject();
                w.WriteEndArray();
                if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
                {
                    var (input, completion, cached) = Usage(usage);
                    ResponseTranslation.WriteOpenAIUsage(w, input, completion, cached);
                }

                w.WriteEndObject();
            }

            return output.WrittenSpan.ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return body;
        }
    }

    private static void WriteCalls(Utf8JsonWriter w, JsonElement items)
    {
        w.WriteStartArray("tool_calls");
        foreach (var item in items.EnumerateArray())
        {
            if (ResponseTranslation.Str(item, "type") != "function_call")
            {
                continue;
            }

            FunctionWire.WriteChatToolCall(w, ResponseTranslation.Str(item, "call_id") ?? ResponseTranslation.Str(item, "id") ?? "", item);
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// <c>incomplete</c> for <c>max_output_tokens</c> → <c>length</c>, for <c>content_filter</c> →
    /// <c>content_filter</c>; a completed response with function calls → <c>tool_calls</c>; else <c>stop</c>.
    /// </summary>
    internal static string FinishReason(JsonElement response, bool calls)
    {
        if (ResponseTranslation.Str(response, "status") == "incomplete")
        {
            var reason = response.TryGetProperty("incomplete_details", out var details) ? ResponseTranslation.Str(details, "reason") : null;
            return reason == "content_filter" ? "content_filter" : "length";
        }

        return calls ? "tool_calls" : "stop";
    }

    /// <summary>Responses usage as (prompt, completion, cached) tokens: input already includes the cached part.</summary>
    internal static (long Prompt, long Completion, long Cached) Usage(JsonElement usage)
    {
        var cached = usage.TryGetProperty("input_tokens_details", out var details) ? ResponseTranslation.Long(details, "cached_tokens") : 0;
        return (ResponseTranslation.Long(usage, "input_tokens"), ResponseTranslation.Long(usage, "output_tokens"), cached);
    }

    /// <summary>
    /// An error body of a Responses upstream in the hub's shape. HTTP errors already are (OpenAI's shape); a
    /// <c>response</c> object that failed (<c>"status":"failed"</c>, its <c>error</c> a code and message) becomes one.
    /// </summary>
    public static byte[] Error(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            return ResponseTranslation.Str(root, "object") == "response" && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? ResponseTranslation.OpenAIError(ResponseTranslation.Str(error, "message") ?? "the response failed", "api_error", ResponseTranslation.Str(error, "code"))
                : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}

/// <summary>
/// Responses stream events → hub chunks: <c>response.created</c> → the role chunk; a <c>function_call</c>
/// item added → a tool call's first fragment (one hub index per item); <c>output_text.delta</c> → content;
/// <c>function_call_arguments.delta</c> → argument fragments; <c>response.completed</c> /
/// <c>response.incomplete</c> → the finish chunk, the usage chunk and <c>[DONE]</c>; <c>error</c> and
/// <c>response.failed</c> → a hub error chunk. Reasoning and the <c>…done</c> events repeat what the deltas
/// said and are left out.
/// </summary>
internal sealed class ResponsesToHubStream(long created) : IStreamTranslator
{
    private readonly HubChunks _chunks = new(created);
    private readonly Dictionary<string, int> _toolIndexByItem = [];
    private bool _done;

    public void Translate(string? eventType, ReadOnlySpan<byte> data, SseBatch output)
    {
        if (_done || data.IsEmpty)
        {
            return;
        }

        using var doc = AnthropicToOpenAIStream.ParseOrNull(data);
        if (doc is null)
        {
            // Not JSON: forwarded as it is, so the executor sees (and classifies) the garbage.
            output.Add(data);
            return;
        }

        var root = doc.RootElement;
        switch (eventType ?? ResponseTranslation.Str(root, "type"))
        {
            case ResponsesWire.Created:
                var response = root.TryGetProperty("response", out var r) ? r : default;
                _chunks.Id = ResponseTranslation.Str(response, "id") ?? _chunks.Id;
                _chunks.Model = ResponseTranslation.Str(response, "model") ?? _chunks.Model;
                _chunks.Role(output);
                break;
            case ResponsesWire.ItemAdded:
                var item = root.TryGetProperty("item", out var i) ? i : default;
                if (ResponseTranslation.Str(item, "type") == "function_call")
                {
                    var index = _toolIndexByItem.Count;
                    _toolIndexByItem[ResponseTranslation.Str(item, "id") ?? ""] = index;
                    _chunks.ToolCall(output, index, ResponseTranslation.Str(item, "call_id") ?? ResponseTranslation.Str(item, "id") ?? "", ResponseTranslation.Str(item, "name") ?? "",
                        ResponseTranslation.Str(item, "arguments") ?? "");
                }

                break;
            case ResponsesWire.TextDelta when ResponseTranslation.Str(root, "delta") is { Length: > 0 } text:
                _chunks.Content(output, text);
                break;
            case ResponsesWire.ArgumentsDelta when ResponseTranslation.Str(root, "delta") is { Length: > 0 } arguments &&
                                                   _toolIndexByItem.TryGetValue(ResponseTranslation.Str(root, "item_id") ?? "", out var tool):
                _chunks.ToolCall(output, tool, null, null, arguments);
                break;
            case ResponsesWire.Completed or ResponsesWire.Incomplete:
                var final = root.TryGetProperty("response", out var f) ? f : default;
                _chunks.Finish(output, ResponsesToChat.FinishReason(final, _toolIndexByItem.Count > 0));
                var (prompt, completion, cached) = final.ValueKind == JsonValueKind.Object && final.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
                    ? ResponsesToChat.Usage(usage)
                    : (0, 0, 0);
                _chunks.UsageAndDone(output, prompt, completion, cached);
                _done = true;
                break;
            case ResponsesWire.Error or ResponsesWire.Failed:
                var error = root.TryGetProperty("response", out var failed) && failed.ValueKind == JsonValueKind.Object && failed.TryGetProperty("error", out var e) ? e : root;
                output.Add(ResponseTranslation.OpenAIError(ResponseTranslation.Str(error, "message") ?? "upstream stream error", ResponseTranslation.Str(error, "type") ?? "api_error",
                    ResponseTranslation.Str(error, "code")));
                _done = true;
                break;
        }
    }

    public void Complete(SseBatch output)
    {
        // Without response.completed the answer is incomplete; saying nothing lets the executor report it as cut off.
    }
}
