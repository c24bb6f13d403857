using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.Responses;

/// <summary>
/// A Chat Completions (hub) body → a Responses body, for an <c>openai-responses</c> upstream answering a chat
/// or Messages client (the reverse of <see cref="ResponsesRequestTranslation"/>): leading system messages
/// become <c>instructions</c> (later ones <c>developer</c> items), messages <c>input</c> items, assistant
/// <c>tool_calls</c> <c>function_call</c> items, <c>tool</c> messages <c>function_call_output</c> items,
/// function tools flat Responses function tools, <c>max_tokens</c>/<c>max_completion_tokens</c>
/// <c>max_output_tokens</c>, <c>response_format</c> <c>text.format</c>. <c>store</c> is false: the client
/// did not ask OpenAI to keep the conversation. Fields without a counterpart (<c>stop</c>, <c>seed</c>,
/// penalties, <c>logprobs</c>) are dropped.
/// </summary>
internal static class ResponsesFromChatRequest
{
    public static byte[] FromChat(ReadOnlyMemory<byte> hubBody, string upstreamModel, bool reasoning)
    {
        using var doc = JsonDocument.Parse(hubBody);
        var root = doc.RootElement;
        var output = new ArrayBufferWriter<byte>(hubBody.Length + 256);
        using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("model", upstreamModel);
            var messages = root.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Array ? m : default;
            var first = WriteInstructions(w, messages);
            w.WriteStartArray("input");
            if (messages.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var message in messages.EnumerateArray())
                {
                    if (index++ >= first)
                    {
                        WriteMessage(w, message);
                    }
                }
            }

            w.WriteEndArray();
            WriteOptions(w, root, reasoning);
            WriteTools(w, root);
            w.WriteBoolean("store", false);
            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The leading system messages as <c>instructions</c>; returns how many messages they were.</summary>
    private static int WriteInstructions(Utf8JsonWriter w, JsonElement messages)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        var count = 0;
        var text = new StringBuilder();
        foreach (var message in messages.EnumerateArray())
        {
            if (ResponseTranslation.Str(message, "role") is not ("system" or "developer"))
            {
                break;
            }

            count++;
            var content = message.TryGetProperty("content", out var c) ? ResponsesRequestTranslation.Text(c) : null;
            if (content is { Length: > 0 })
            {
                text.Append(text.Length > 0 ? "\n\n" : "").Append(content);
            }
        }

        if (text.Length > 0)
        {
            w.WriteString("instructions", text.ToString());
        }

        return count;
    }

    private static void WriteMessage(Utf8JsonWriter w, JsonElement message)
    {
        var content = message.TryGetProperty("content", out var c) ? c : default;
        switch (ResponseTranslation.Str(message, "role"))
        {
            case "system" or "developer":
                TextItem(w, "developer", "input_text", ResponsesRequestTranslation.Text(content));
                break;
            case "assistant":
                TextItem(w, "assistant", "output_text", ResponsesRequestTranslation.Text(content));
                if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                {
                    foreach (var call in calls.EnumerateArray())
                    {
                        var function = call.TryGetProperty("function", out var f) ? f : default;
                        w.WriteStartObject();
                        w.WriteString("type", "function_call");
                        w.WriteString("call_id", ResponseTranslation.Str(call, "id") ?? "");
                        w.WriteString("name", ResponseTranslation.Str(function, "name") ?? "");
                        w.WriteString("arguments", ResponseTranslation.Str(function, "arguments") ?? "{}");
                        w.WriteEndObject();
                    }
                }

                break;
            case "tool":
                w.WriteStartObject();
                w.WriteString("type", "function_call_output");
                w.WriteString("call_id", ResponseTranslation.Str(message, "tool_call_id") ?? "");
                w.WriteString("output", ResponsesRequestTranslation.Text(content) ?? "");
                w.WriteEndObject();
                break;
            default:
                WriteUser(w, content);
                break;
        }
    }

    /// <summary>A message item of one text part (nothing when the text is empty: an assistant turn of tool calls only).</summary>
    private static void TextItem(Utf8JsonWriter w, string role, string partType, string? text)
    {
        if (text is not { Length: > 0 })
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("type", "message");
        w.WriteString("role", role);
        w.WriteStartArray("content");
        w.WriteStartObject();
        w.WriteString("type", partType);
        w.WriteString("text", text);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter w, JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.Array)
        {
            TextItem(w, "user", "input_text", ResponsesRequestTranslation.Text(content) ?? "");
            return;
        }

        w.WriteStartObject();
        w.WriteString("type", "message");
        w.WriteString("role", "user");
        w.WriteStartArray("content");
        foreach (var part in content.EnumerateArray())
        {
            WritePart(w, part);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter w, JsonElement part)
    {
        w.WriteStartObject();
        switch (ResponseTranslation.Str(part, "type"))
        {
            case "text":
                w.WriteString("type", "input_text");
                w.WriteString("text", ResponseTranslation.Str(part, "text") ?? "");
                break;
            case "image_url":
                var image = part.TryGetProperty("image_url", out var i) ? i : default;
                w.WriteString("type", "input_image");
                w.WriteString("image_url", image.ValueKind == JsonValueKind.String ? image.GetString() : ResponseTranslation.Str(image, "url"));
                w.WriteString("detail", ResponseTranslation.Str(image, "detail") ?? "auto");
                break;
            case "file":
                var file = part.TryGetProperty("file", out var fl) ? fl : default;
                if (ResponseTranslation.Str(file, "file_data") is not { } data)
                {
                    throw new TranslationException("a 'file' part given by 'file_id' points at a file stored by OpenAI; send it inline as 'file_data'.");
                }

                w.WriteString("type", "input_file");
                w.WriteString("file_data", data);
                if (ResponseTranslation.Str(file, "filename") is { } name)
                {
                    w.WriteString("filename", name);
                }

                break;
            case var other:
                throw new TranslationException($"content parts of type '{other}' cannot be sent to a Responses upstream.");
        }

        w.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter w, JsonElement root, bool reasoning)
    {
        if (root.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var choices) && choices > 1)
        {
            throw new TranslationException("'n' > 1 asks for several answers; a Responses upstream gives one.");
        }

        foreach (var name in (ReadOnlySpan<string>)["max_completion_tokens", "max_tokens"])
        {
            if (root.TryGetProperty(name, out var max) && max.ValueKind == JsonValueKind.Number)
            {
                w.WritePropertyName("max_output_tokens");
                max.WriteTo(w);
                break;
            }
        }

        foreach (var name in (ReadOnlySpan<string>)["temperature", "top_p", "parallel_tool_calls"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }

        if (ResponseTranslation.Str(root, "user") is { } user)
        {
            w.WriteString("user", user);
        }

        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            w.WriteBoolean("stream", true);
        }

        if (reasoning && ResponseTranslation.Str(root, "reasoning_effort") is { } effort)
        {
            w.WriteStartObject("reasoning");
            w.WriteString("effort", effort);
            w.WriteEndObject();
        }

        WriteFormat(w, root);
    }

    /// <summary><c>response_format</c> as <c>text.format</c> (the json_schema's fields move up one level).</summary>
    private static void WriteFormat(Utf8JsonWriter w, JsonElement root)
    {
        if (!root.TryGetProperty("response_format", out var format) || ResponseTranslation.Str(format, "type") is not ("json_object" or "json_schema") || ResponseTranslation.Str(format, "type") is not { } type)
        {
            return;
        }

        w.WriteStartObject("text");
        w.WriteStartObject("format");
        w.WriteString("type", type);
        if (format.TryGetProperty("json_schema", out var schema) && schema.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in schema.EnumerateObject())
            {
                property.WriteTo(w);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTools(Utf8JsonWriter w, JsonElement root)
    {
        if (root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            w.WriteStartArray("tools");
            foreach (var tool in tools.EnumerateArray())
            {
                var function = tool.TryGetProperty("function", out var f) ? f : default;
                if (ResponseTranslation.Str(function, "name") is not { } name)
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("type", "function");
                FunctionWire.WriteDefinition(w, name, function);

                // Responses makes function tools strict unless told otherwise; chat tools are not.
                w.WriteBoolean("strict", function.TryGetProperty("strict", out var strict) && strict.ValueKind == JsonValueKind.True);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!root.TryGetProperty("tool_choice", out var choice))
        {
            return;
        }

        if (choice.ValueKind == JsonValueKind.String)
        {
            w.WriteString("tool_choice", choice.GetString());
        }
        else if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("function", out var named) && ResponseTranslation.Str(named, "name") is { } forced)
        {
            w.WriteStartObject("tool_choice");
            w.WriteString("type", "function");
            w.WriteString("name", forced);
            w.WriteEndObject();
        }
    }
}
