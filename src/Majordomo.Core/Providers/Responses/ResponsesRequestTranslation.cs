using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.Responses;

/// <summary>
/// A Responses body → a Chat Completions (hub) body, written once with one <see cref="Utf8JsonWriter"/>:
/// <c>instructions</c> become the first system message, <c>developer</c> messages system messages,
/// <c>function_call</c> items assistant <c>tool_calls</c> (consecutive ones merged into one message),
/// <c>function_call_output</c> items <c>tool</c> messages (images they hold follow as one user message),
/// function and <c>namespace</c> tools flat functions. Hosted tools are dropped (the ingress names them in
/// <c>X-Router-Dropped-Tools</c>); a <c>tool_choice</c> forcing one cannot be honoured and is refused.
/// Reasoning items and fields a chat upstream has no counterpart for are dropped; <c>reasoning.effort</c> becomes
/// <c>reasoning_effort</c> for a model with the <c>reasoning</c> capability.
/// </summary>
internal static class ResponsesRequestTranslation
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 128 };

    public static byte[] ToChat(ReadOnlyMemory<byte> body, string upstreamModel, bool reasoning = false)
    {
        using var doc = JsonDocument.Parse(body, ReadOptions);
        var root = doc.RootElement;
        var output = new ArrayBufferWriter<byte>(body.Length + 256);
        using (var w = new Utf8JsonWriter(output, RequestTranslation.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("model", upstreamModel);
            w.WriteStartArray("messages");
            if (root.TryGetProperty("instructions", out var instructions) && Text(instructions) is { Length: > 0 } system)
            {
                w.WriteStartObject();
                w.WriteString("role", "system");
                w.WriteString("content", system);
                w.WriteEndObject();
            }

            if (root.TryGetProperty("input", out var input))
            {
                new MessageWriter(w).WriteInput(input);
            }

            w.WriteEndArray();
            WriteOptions(w, root);
            if (reasoning && Reasoning.ResponsesEffort(root) is { } effort)
            {
                w.WriteString("reasoning_effort", effort);
            }

            var functions = WriteTools(w, root);
            WriteToolChoice(w, root, functions);
            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteOptions(Utf8JsonWriter w, JsonElement root)
    {
        if (root.TryGetProperty("max_output_tokens", out var max) && max.ValueKind == JsonValueKind.Number)
        {
            w.WritePropertyName("max_completion_tokens");
            max.WriteTo(w);
        }

        foreach (var name in (ReadOnlySpan<string>)["temperature", "top_p"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }

        if (root.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.String)
        {
            w.WriteString("user", user.GetString());
        }

        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            w.WriteBoolean("stream", true);
            w.WriteStartObject("stream_options");
            w.WriteBoolean("include_usage", true);
            w.WriteEndObject();
        }

        // text.format (json_schema / json_object) is the Responses spelling of response_format.
        if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object &&
            text.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            switch (ResponseTranslation.Str(format, "type"))
            {
                case "json_object":
                    w.WriteStartObject("response_format");
                    w.WriteString("type", "json_object");
                    w.WriteEndObject();
                    break;
                case "json_schema":
                    w.WriteStartObject("response_format");
                    w.WriteString("type", "json_schema");
                    w.WriteStartObject("json_schema");
                    foreach (var property in format.EnumerateObject())
                    {
                        if (property.Name != "type")
                        {
                            property.WriteTo(w);
                        }
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
            }
        }
    }

    /// <summary>Function tools (namespaces flattened); hosted tools are left out. Returns how many were written.</summary>
    private static int WriteTools(Utf8JsonWriter w, JsonElement root)
    {
        if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        var count = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            switch (ResponseTranslation.Str(tool, "type"))
            {
                case "function":
                    count += WriteFunction(w, tool, count);
                    break;
                case "namespace" when tool.TryGetProperty("tools", out var inner) && inner.ValueKind == JsonValueKind.Array:
                    foreach (var function in inner.EnumerateArray())
                    {
                        if (ResponseTranslation.Str(function, "type") is null or "function")
                        {
                            count += WriteFunction(w, function, count);
                        }
                    }

                    break;
            }
        }

        if (count > 0)
        {
            w.WriteEndArray();
            if (root.TryGetProperty("parallel_tool_calls", out var parallel) && parallel.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                w.WriteBoolean("parallel_tool_calls", parallel.ValueKind == JsonValueKind.True);
            }
        }

        return count;
    }

    private static int WriteFunction(Utf8JsonWriter w, JsonElement tool, int written)
    {
        if (ResponseTranslation.Str(tool, "name") is not { Length: > 0 } name)
        {
            return 0;
        }

        if (written == 0)
        {
            w.WriteStartArray("tools");
        }

        w.WriteStartObject();
        w.WriteString("type", "function");
        w.WriteStartObject("function");
        FunctionWire.WriteDefinition(w, name, tool);

        if (tool.TryGetProperty("strict", out var strict) && strict.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            w.WriteBoolean("strict", strict.ValueKind == JsonValueKind.True);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        return 1;
    }

    private static void WriteToolChoice(Utf8JsonWriter w, JsonElement root, int functions)
    {
        if (!root.TryGetProperty("tool_choice", out var choice))
        {
            return;
        }

        if (choice.ValueKind == JsonValueKind.Object)
        {
            var type = ResponseTranslation.Str(choice, "type");
            switch (type)
            {
                case "function" when functions > 0:
                    w.WriteStartObject("tool_choice");
                    w.WriteString("type", "function");
                    w.WriteStartObject("function");
                    w.WriteString("name", ResponseTranslation.Str(choice, "name") ?? "");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    return;
                case "allowed_tools" when functions > 0:
                    w.WriteString("tool_choice", ResponseTranslation.Str(choice, "mode") == "required" ? "required" : "auto");
                    return;
                case "function" or "allowed_tools":
                    return;
                default:
                    throw new TranslationException($"'tool_choice' forces the hosted tool '{type}', which only an OpenAI Responses upstream can run.");
            }
        }

        if (choice.ValueKind == JsonValueKind.String && functions > 0 && choice.GetString() is "auto" or "none" or "required" && choice.GetString() is { } mode)
        {
            w.WriteString("tool_choice", mode);
        }
    }

    /// <summary>The text of a string, or of the text parts of an array of content parts.</summary>
    internal static string? Text(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            if (ResponseTranslation.Str(part, "text") is { } t)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(t);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes input items as chat messages, merging consecutive tool calls into one assistant message.</summary>
    private sealed class MessageWriter(Utf8JsonWriter w)
    {
        // An assistant message left open so the function_call items after it join its tool_calls.
        private bool _assistantOpen;
        private bool _toolCallsOpen;
        private List<JsonElement>? _pendingImages;

        public void WriteInput(JsonElement input)
        {
            if (input.ValueKind == JsonValueKind.String)
            {
                w.WriteStartObject();
                w.WriteString("role", "user");
                w.WriteString("content", input.GetString());
                w.WriteEndObject();
                return;
            }

            foreach (var item in input.EnumerateArray())
            {
                var type = ResponseTranslation.Str(item, "type");
                switch (type)
                {
                    case null or "message":
                        WriteMessage(item);
                        break;
                    case "function_call":
                        WriteCall(item);
                        break;
                    case "function_call_output":
                        WriteOutput(item);
                        break;
                    case "item_reference":
                        throw new TranslationException("'item_reference' input items point at items stored by OpenAI; send the items themselves.");
                    default:
                        // Reasoning and hosted tool call items have no chat counterpart.
                        break;
                }
            }

            CloseAssistant();
            FlushImages();
        }

        private void WriteMessage(JsonElement item)
        {
            CloseAssistant();
            var role = ResponseTranslation.Str(item, "role") ?? "user";
            var content = item.TryGetProperty("content", out var c) ? c : default;
            if (role != "user")
            {
                FlushImages();
            }

            switch (role)
            {
                case "assistant":
                    w.WriteStartObject();
                    w.WriteString("role", "assistant");
                    w.WriteString("content", Text(content) ?? "");
                    _assistantOpen = true;
                    return;
                case "system" or "developer":
                    w.WriteStartObject();
                    w.WriteString("role", "system");
                    w.WriteString("content", Text(content) ?? "");
                    w.WriteEndObject();
                    return;
            }

            FlushImages();
            w.WriteStartObject();
            w.WriteString("role", "user");
            w.WritePropertyName("content");
            if (content.ValueKind == JsonValueKind.String)
            {
                w.WriteStringValue(content.GetString());
            }
            else
            {
                w.WriteStartArray();
                foreach (var part in content.EnumerateArray())
                {
                    WritePart(part);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        private void WritePart(JsonElement part)
        {
            switch (ResponseTranslation.Str(part, "type"))
            {
                case "input_text" or "output_text" or "text":
                    w.WriteStartObject();
                    w.WriteString("type", "text");
                    w.WriteString("text", ResponseTranslation.Str(part, "text") ?? "");
                    w.WriteEndObject();
                    break;
                case "input_image":
                    if (ResponseTranslation.Str(part, "image_url") is not { } url)
                    {
                        throw new TranslationException("an 'input_image' given by 'file_id' points at a file stored by OpenAI; send it as 'image_url' (a data URL or http(s) URL).");
                    }

                    WriteSourcePart("image_url", "url", url, "detail", ResponseTranslation.Str(part, "detail"));
                    break;
                case "input_file":
                    if (ResponseTranslation.Str(part, "file_data") is not { } data)
                    {
                        throw new TranslationException("an 'input_file' given by 'file_id' or 'file_url' cannot be sent to this upstream; send it inline as 'file_data'.");
                    }

                    WriteSourcePart("file", "file_data", data, "filename", ResponseTranslation.Str(part, "filename"));
                    break;
                case var other:
                    throw new TranslationException($"content parts of type '{other}' cannot be sent to a chat upstream.");
            }
        }

        /// <summary>A chat part that is an object of its own type's name: <c>{"type":T,"T":{source,…}}</c>.</summary>
        private void WriteSourcePart(string type, string sourceName, string source, string optionName, string? option)
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteStartObject(type);
            w.WriteString(sourceName, source);
            if (option is not null)
            {
                w.WriteString(optionName, option);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        private void WriteCall(JsonElement item)
        {
            FlushImages();
            if (!_assistantOpen)
            {
                w.WriteStartObject();
                w.WriteString("role", "assistant");
                w.WriteNull("content");
                _assistantOpen = true;
            }

            if (!_toolCallsOpen)
            {
                w.WriteStartArray("tool_calls");
                _toolCallsOpen = true;
            }

            FunctionWire.WriteChatToolCall(w, ResponseTranslation.Str(item, "call_id") ?? "", item);
        }

        private void WriteOutput(JsonElement item)
        {
            CloseAssistant();
            var output = item.TryGetProperty("output", out var o) ? o : default;
            w.WriteStartObject();
            w.WriteString("role", "tool");
            w.WriteString("tool_call_id", ResponseTranslation.Str(item, "call_id") ?? "");
            w.WriteString("content", Text(output) ?? "");
            w.WriteEndObject();
            if (output.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in output.EnumerateArray())
                {
                    if (ResponseTranslation.Str(part, "type") == "input_image")
                    {
                        (_pendingImages ??= []).Add(part);
                    }
                }
            }
        }

        private void CloseAssistant()
        {
            if (_toolCallsOpen)
            {
                w.WriteEndArray();
                _toolCallsOpen = false;
            }

            if (_assistantOpen)
            {
                w.WriteEndObject();
                _assistantOpen = false;
            }
        }

        // Tool messages carry text only: images a tool returned follow them as one user message (as OpenClaw sends them).
        private void FlushImages()
        {
            if (_pendingImages is not { Count: > 0 } images)
            {
                return;
            }

            _pendingImages = null;
            w.WriteStartObject();
            w.WriteString("role", "user");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", "Image(s) from the tool result:");
            w.WriteEndObject();
            foreach (var image in images)
            {
                WritePart(image);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
