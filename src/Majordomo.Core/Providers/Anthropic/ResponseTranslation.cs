using System.Buffers;
using System.Text.Json;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// Non-streamed answers and error bodies across protocols. An answer that cannot be read (not JSON, not
/// the expected shape) is returned unchanged, so the executor sees and classifies what really came back.
/// </summary>
internal static class ResponseTranslation
{
    // ------------------------------------------------------------------ Anthropic → OpenAI

    /// <summary>An Anthropic message (<c>{"type":"message",…}</c>) as an OpenAI chat completion.</summary>
    public static byte[] MessageToCompletion(byte[] body, long created)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("content", out var content))
            {
                return body;
            }

            var output = new ArrayBufferWriter<byte>(body.Length + 256);
            using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
            {
                var text = new System.Text.StringBuilder();
                var toolUses = 0;
                foreach (var block in content.EnumerateArray())
                {
                    var type = Str(block, "type");
                    if (type == "text")
                    {
                        text.Append(Str(block, "text"));
                    }

                    toolUses += type == "tool_use" ? 1 : 0;
                }

                WriteCompletionHead(w, Str(root, "id") ?? "msg", created, Str(root, "model"), text, toolUses);
                if (toolUses > 0)
                {
                    w.WriteStartArray("tool_calls");
                    foreach (var block in content.EnumerateArray())
                    {
                        if (Str(block, "type") != "tool_use")
                        {
                            continue;
                        }

                        w.WriteStartObject();
                        w.WriteString("id", Str(block, "id"));
                        w.WriteString("type", "function");
                        w.WriteStartObject("function");
                        w.WriteString("name", Str(block, "name"));
                        w.WriteString("arguments", block.TryGetProperty("input", out var input) ? input.GetRawText() : "{}");
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
                w.WriteString("finish_reason", AnthropicWire.FinishReasonFor(Str(root, "stop_reason")));
                w.WriteEndObject();
                w.WriteEndArray();
                if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
                {
                    WriteOpenAIUsage(w, usage);
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

    /// <summary>Anthropic usage as OpenAI usage: the prompt total includes cache reads and writes.</summary>
    internal static void WriteOpenAIUsage(Utf8JsonWriter w, JsonElement usage)
    {
        var input = Long(usage, "input_tokens");
        var output = Long(usage, "output_tokens");
        var cacheRead = Long(usage, "cache_read_input_tokens");
        var cacheWrite = Long(usage, "cache_creation_input_tokens");
        WriteOpenAIUsage(w, input + cacheRead + cacheWrite, output, cacheRead);
    }

    internal static void WriteOpenAIUsage(Utf8JsonWriter w, long prompt, long completion, long cached)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", prompt);
        w.WriteNumber("completion_tokens", completion);
        w.WriteNumber("total_tokens", prompt + completion);
        w.WriteStartObject("prompt_tokens_details");
        w.WriteNumber("cached_tokens", cached);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>An Anthropic error body (<c>{"type":"error","error":{type,message}}</c>) in OpenAI's shape; the type is kept.</summary>
    public static byte[] AnthropicErrorToOpenAI(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return body;
            }

            return OpenAIError(Str(error, "message") ?? "upstream error", Str(error, "type") ?? "api_error", null);
        }
        catch (JsonException)
        {
            return body;
        }
    }

    internal static byte[] OpenAIError(string message, string type, string? code)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("message", message);
            w.WriteString("type", type);
            w.WriteString("code", code); // null is written as JSON null

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    // ------------------------------------------------------------------ OpenAI → Anthropic

    /// <summary>An OpenAI chat completion as an Anthropic message.</summary>
    public static byte[] CompletionToMessage(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices) ||
                choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            {
                return body;
            }

            var choice = choices[0];
            var message = choice.TryGetProperty("message", out var m) ? m : default;
            var output = new ArrayBufferWriter<byte>(body.Length + 256);
            using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("id", MessageId(Str(root, "id")));
                w.WriteString("type", "message");
                w.WriteString("role", "assistant");
                w.WriteString("model", Str(root, "model") ?? "");
                w.WriteStartArray("content");
                if (message.ValueKind == JsonValueKind.Object)
                {
                    var text = message.TryGetProperty("content", out var c) ? ContentText(c) : null;
                    if (!string.IsNullOrEmpty(text))
                    {
                        w.WriteStartObject();
                        w.WriteString("type", "text");
                        w.WriteString("text", text);
                        w.WriteEndObject();
                    }

                    if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var call in calls.EnumerateArray())
                        {
                            var function = call.TryGetProperty("function", out var f) ? f : default;
                            w.WriteStartObject();
                            w.WriteString("type", "tool_use");
                            w.WriteString("id", Str(call, "id") ?? "");
                            w.WriteString("name", function.ValueKind == JsonValueKind.Object ? Str(function, "name") : "");
                            w.WritePropertyName("input");
                            RequestTranslation.WriteArgumentsObject(w, function.ValueKind == JsonValueKind.Object ? Str(function, "arguments") : null);
                            w.WriteEndObject();
                        }
                    }
                }

                w.WriteEndArray();
                w.WriteString("stop_reason", AnthropicWire.StopReasonFor(Str(choice, "finish_reason")));
                w.WriteNull("stop_sequence");
                var usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
                var (prompt, completion, cached) = OpenAIUsage(usage);
                WriteAnthropicUsage(w, prompt, completion, cached);
                w.WriteEndObject();
            }

            return output.WrittenSpan.ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return body;
        }
    }

    internal static (long Prompt, long Completion, long Cached) OpenAIUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return (0, 0, 0);
        }

        var cached = usage.TryGetProperty("prompt_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object ? Long(details, "cached_tokens") : 0;
        return (Long(usage, "prompt_tokens"), Long(usage, "completion_tokens"), cached);
    }

    /// <summary>OpenAI usage as Anthropic usage: input_tokens excludes the cache reads, which are reported apart.</summary>
    internal static void WriteAnthropicUsage(Utf8JsonWriter w, long prompt, long completion, long cached)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", Math.Max(0, prompt - cached));
        w.WriteNumber("output_tokens", completion);
        if (cached > 0)
        {
            w.WriteNumber("cache_read_input_tokens", cached);
        }

        w.WriteEndObject();
    }

    /// <summary>An OpenAI error body in Anthropic's shape; the original code is kept for the failure classifier.</summary>
    public static byte[] OpenAIErrorToAnthropic(int status, byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("error", out var error))
            {
                return body;
            }

            var message = error.ValueKind == JsonValueKind.String ? error.GetString() : error.ValueKind == JsonValueKind.Object ? Str(error, "message") : null;
            var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var type = error.ValueKind == JsonValueKind.Object ? Str(error, "type") : null;
            return AnthropicError(message ?? "upstream error", AnthropicTypeFor(status, type), code);
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static string AnthropicTypeFor(int status, string? openAIType) =>
        status is >= 200 and < 300 && openAIType is { Length: > 0 } t && t.EndsWith("_error", StringComparison.Ordinal) ? t : AnthropicWire.ErrorTypeFor(status is >= 200 and < 300 ? 500 : status);

    internal static byte[] AnthropicError(string message, string type, string? code)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "error");
            w.WriteStartObject("error");
            w.WriteString("type", type);
            w.WriteString("message", message);
            if (code is not null)
            {
                w.WriteString("code", code);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    internal static string MessageId(string? id) =>
        id is null ? "msg_" + Guid.NewGuid().ToString("N")[..24] : id.StartsWith("msg_", StringComparison.Ordinal) ? id : "msg_" + id;

    internal static string? ContentText(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text.Append(t.GetString());
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A chat completion up to its message's content: open object, choice 0 and message left open for the
    /// caller's <c>tool_calls</c>. Content is null only for an answer of tool calls and no text.
    /// </summary>
    internal static void WriteCompletionHead(Utf8JsonWriter w, string id, long created, string? model, System.Text.StringBuilder text, int toolCalls)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", created);
        w.WriteString("model", model ?? "");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        if (text.Length > 0 || toolCalls == 0)
        {
            w.WriteString("content", text.ToString());
        }
        else
        {
            w.WriteNull("content");
        }
    }

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static long Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) ? l : 0;
}
