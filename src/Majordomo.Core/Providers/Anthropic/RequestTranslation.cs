using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Majordomo.Providers.Anthropic;

/// <summary>A request that cannot be expressed in the upstream's protocol; the client gets a 400 naming why.</summary>
internal sealed class TranslationException(string message) : Exception(message);

/// <summary>
/// Request bodies across protocols: OpenAI Chat Completions ⇄ Anthropic Messages. Used only when the
/// ingress and the upstream differ (same protocol forwards the client's bytes, STYLE #4). Reads the
/// client's body once with <see cref="JsonDocument"/> and writes the other protocol with one
/// <see cref="Utf8JsonWriter"/>; values that need no translation (JSON schemas, tool inputs) are copied
/// as they are. Fields with no counterpart are dropped (listed in docs/ARCHITECTURE.md), except where
/// dropping would change the answer's meaning (<c>n</c> &gt; 1, audio, file ids): those are refused.
/// </summary>
internal static class RequestTranslation
{
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 128 };

    /// <summary>Reads the client's body once and writes the other protocol's object with one writer: the upstream model first, then <paramref name="write"/>.</summary>
    private static byte[] Translate(ReadOnlyMemory<byte> body, string upstreamModel, Action<JsonElement, Utf8JsonWriter> write)
    {
        using var doc = JsonDocument.Parse(body, ReadOptions);
        var output = new ArrayBufferWriter<byte>(body.Length + 256);
        using (var w = new Utf8JsonWriter(output, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("model", upstreamModel);
            write(doc.RootElement, w);
            w.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    // ------------------------------------------------------------------ OpenAI → Anthropic

    /// <summary>An OpenAI Chat Completions body as an Anthropic Messages body.</summary>
    public static byte[] OpenAIToAnthropic(ReadOnlyMemory<byte> body, string upstreamModel, int? maxOutputTokens, bool reasoning = false) =>
        Translate(body, upstreamModel, (root, w) => WriteAnthropic(root, w, maxOutputTokens, reasoning));

    private static void WriteAnthropic(JsonElement root, Utf8JsonWriter w, int? maxOutputTokens, bool reasoning)
    {
        if (root.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count > 1)
        {
            throw new TranslationException("'n' > 1 cannot be served by an Anthropic-protocol upstream (it returns one answer).");
        }

        var maxTokens = IntOrNull(root, "max_completion_tokens") ?? IntOrNull(root, "max_tokens") ?? maxOutputTokens ?? AnthropicWire.DefaultMaxTokens;
        w.WriteNumber("max_tokens", maxTokens);

        // System and developer messages become the top-level system prompt; the rest alternate.
        var messages = root.GetProperty("messages");
        var system = new List<JsonElement>();
        var turns = new List<(string Role, List<JsonElement> Messages)>();
        foreach (var message in messages.EnumerateArray())
        {
            var role = message.TryGetProperty("role", out var r) ? r.GetString() : null;
            if (role is "system" or "developer")
            {
                if (message.TryGetProperty("content", out var c))
                {
                    system.Add(c);
                }

                continue;
            }

            var anthropicRole = role == "assistant" ? "assistant" : "user";
            if (turns.Count > 0 && turns[^1].Role == anthropicRole)
            {
                turns[^1].Messages.Add(message);
            }
            else
            {
                turns.Add((anthropicRole, [message]));
            }
        }

        WriteSystem(w, system);

        w.WriteStartArray("messages");
        foreach (var (role, group) in turns)
        {
            if (role == "assistant")
            {
                WriteAssistantTurn(w, group);
            }
            else
            {
                WriteUserTurn(w, group);
            }
        }

        w.WriteEndArray();

        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            w.WriteBoolean("stream", true);
        }

        var budget = reasoning ? Reasoning.ThinkingBudget(root, maxTokens) : 0;
        if (budget > 0)
        {
            // Anthropic refuses temperature and top_p changes while thinking: they are left out.
            w.WriteStartObject("thinking");
            w.WriteString("type", "enabled");
            w.WriteNumber("budget_tokens", budget);
            w.WriteEndObject();
        }
        else
        {
            WriteSampling(w, root);
        }

        WriteStopSequences(w, root);
        var hasTools = WriteTools(w, root);
        if (hasTools)
        {
            WriteToolChoice(w, root);
        }

        var userId = root.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.String ? user.GetString() : null;
        if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
            metadata.TryGetProperty("user_id", out var uid) && uid.ValueKind == JsonValueKind.String)
        {
            userId = uid.GetString();
        }

        if (!string.IsNullOrEmpty(userId))
        {
            w.WriteStartObject("metadata");
            w.WriteString("user_id", userId);
            w.WriteEndObject();
        }
    }

    private static void WriteSampling(Utf8JsonWriter w, JsonElement root)
    {
        if (root.TryGetProperty("temperature", out var temperature) && temperature.ValueKind == JsonValueKind.Number)
        {
            // OpenAI's range is 0–2, Anthropic's 0–1: the top of the range means "most random" in both.
            w.WriteNumber("temperature", Math.Clamp(temperature.GetDouble(), 0, 1));
        }

        if (root.TryGetProperty("top_p", out var topP) && topP.ValueKind == JsonValueKind.Number)
        {
            w.WritePropertyName("top_p");
            topP.WriteTo(w);
        }
    }

    private static int? IntOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && i > 0 ? i : null;

    private static void WriteSystem(Utf8JsonWriter w, List<JsonElement> system)
    {
        if (system.Count == 0)
        {
            return;
        }

        if (system.Count == 1 && system[0].ValueKind == JsonValueKind.String)
        {
            w.WriteString("system", system[0].GetString());
            return;
        }

        w.WriteStartArray("system");
        foreach (var content in system)
        {
            foreach (var text in TextsOf(content))
            {
                WriteTextPart(w, text);
            }
        }

        w.WriteEndArray();
    }

    private static IEnumerable<string> TextsOf(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            var s = content.GetString();
            if (!string.IsNullOrEmpty(s))
            {
                yield return s;
            }
        }
        else if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in content.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } text)
                {
                    yield return text;
                }
            }
        }
    }

    private static void WriteUserTurn(Utf8JsonWriter w, List<JsonElement> group)
    {
        // A lone user message with string content keeps its simple form.
        if (group.Count == 1 && group[0].GetProperty("role").GetString() == "user" &&
            group[0].TryGetProperty("content", out var only) && only.ValueKind == JsonValueKind.String)
        {
            WriteTextMessage(w, "user", only.GetString());
            return;
        }

        w.WriteStartObject();
        w.WriteString("role", "user");
        w.WriteStartArray("content");

        // Anthropic wants the tool results first in the turn that follows the tool calls.
        foreach (var message in group)
        {
            var role = message.GetProperty("role").GetString();
            if (role is "tool" or "function")
            {
                WriteToolResult(w, message);
            }
        }

        foreach (var message in group)
        {
            var role = message.GetProperty("role").GetString();
            if (role is not ("tool" or "function") && message.TryGetProperty("content", out var content))
            {
                WriteContentBlocks(w, content);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteToolResult(Utf8JsonWriter w, JsonElement message)
    {
        w.WriteStartObject();
        w.WriteString("type", "tool_result");
        var id = message.TryGetProperty("tool_call_id", out var tcid) && tcid.ValueKind == JsonValueKind.String ? tcid.GetString()
            : message.TryGetProperty("name", out var name) ? name.GetString() : null;
        w.WriteString("tool_use_id", id ?? "");
        if (message.TryGetProperty("content", out var content))
        {
            if (content.ValueKind == JsonValueKind.String)
            {
                w.WriteString("content", content.GetString());
            }
            else if (content.ValueKind == JsonValueKind.Array)
            {
                w.WriteStartArray("content");
                WriteContentBlocks(w, content);
                w.WriteEndArray();
            }
        }

        w.WriteEndObject();
    }

    // OpenAI content (string or parts) as Anthropic blocks, written into an open array.
    private static void WriteContentBlocks(Utf8JsonWriter w, JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            WriteTextBlock(w, content.GetString());
            return;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var part in content.EnumerateArray())
        {
            var type = part.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "text" or "input_text":
                    WriteTextBlock(w, part.TryGetProperty("text", out var text) ? text.GetString() : null);
                    break;
                case "image_url":
                    var image = part.GetProperty("image_url");
                    var url = image.ValueKind == JsonValueKind.String ? image.GetString() : image.TryGetProperty("url", out var u) ? u.GetString() : null;
                    WriteMediaBlock(w, "image", url ?? throw new TranslationException("an image_url part has no url"));
                    break;
                case "file":
                    var file = part.GetProperty("file");
                    if (file.TryGetProperty("file_data", out var data) && data.GetString() is { } dataUrl)
                    {
                        WriteMediaBlock(w, "document", dataUrl);
                        break;
                    }

                    throw new TranslationException("file parts by file_id cannot be sent to an Anthropic-protocol upstream; send the file inline as file_data.");
                case "refusal":
                    WriteTextBlock(w, part.TryGetProperty("refusal", out var refusal) ? refusal.GetString() : null);
                    break;
                default:
                    throw new TranslationException($"content parts of type '{type}' cannot be sent to an Anthropic-protocol upstream.");
            }
        }
    }

    private static void WriteTextBlock(Utf8JsonWriter w, string? text)
    {
        // Anthropic refuses empty text blocks.
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        WriteTextPart(w, text);
    }

    // data:<media type>;base64,<data> → a base64 source; http(s) → a url source.
    private static void WriteMediaBlock(Utf8JsonWriter w, string kind, string url)
    {
        w.WriteStartObject();
        w.WriteString("type", kind);
        w.WriteStartObject("source");
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = url.IndexOf(',', StringComparison.Ordinal);
            var header = comma > 5 ? url[5..comma] : "";
            if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                throw new TranslationException($"a {kind} data URL must be base64-encoded (data:<type>;base64,…).");
            }

            w.WriteString("type", "base64");
            w.WriteString("media_type", header[..^7]);
            w.WriteString("data", url.AsSpan(comma + 1));
        }
        else if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            w.WriteString("type", "url");
            w.WriteString("url", url);
        }
        else
        {
            throw new TranslationException($"a {kind} must be a data URL or an http(s) URL.");
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAssistantTurn(Utf8JsonWriter w, List<JsonElement> group)
    {
        w.WriteStartObject();
        w.WriteString("role", "assistant");
        if (group.Count == 1 && group[0].TryGetProperty("content", out var only) && only.ValueKind == JsonValueKind.String &&
            !(group[0].TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0) &&
            !string.IsNullOrEmpty(only.GetString()))
        {
            w.WriteString("content", only.GetString());
            w.WriteEndObject();
            return;
        }

        w.WriteStartArray("content");
        foreach (var message in group)
        {
            if (message.TryGetProperty("content", out var content))
            {
                WriteContentBlocks(w, content);
            }

            if (message.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in toolCalls.EnumerateArray())
                {
                    var function = call.GetProperty("function");
                    w.WriteStartObject();
                    w.WriteString("type", "tool_use");
                    w.WriteString("id", call.TryGetProperty("id", out var id) ? id.GetString() : "");
                    w.WriteString("name", function.TryGetProperty("name", out var name) ? name.GetString() : "");
                    w.WritePropertyName("input");
                    WriteArgumentsObject(w, function.TryGetProperty("arguments", out var args) ? args.GetString() : null);
                    w.WriteEndObject();
                }
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>OpenAI tool arguments are a JSON string; Anthropic's input is the object itself.</summary>
    internal static void WriteArgumentsObject(Utf8JsonWriter w, string? arguments)
    {
        if (!string.IsNullOrWhiteSpace(arguments))
        {
            try
            {
                using var args = JsonDocument.Parse(arguments);
                if (args.RootElement.ValueKind == JsonValueKind.Object)
                {
                    args.RootElement.WriteTo(w);
                    return;
                }
            }
            catch (JsonException)
            {
                // A model's malformed arguments: sent as an empty object rather than failing the whole request.
            }
        }

        w.WriteStartObject();
        w.WriteEndObject();
    }

    private static void WriteStopSequences(Utf8JsonWriter w, JsonElement root)
    {
        if (!root.TryGetProperty("stop", out var stop))
        {
            return;
        }

        if (stop.ValueKind == JsonValueKind.String && stop.GetString() is { Length: > 0 } single)
        {
            w.WriteStartArray("stop_sequences");
            w.WriteStringValue(single);
            w.WriteEndArray();
        }
        else if (stop.ValueKind == JsonValueKind.Array && stop.GetArrayLength() > 0)
        {
            w.WriteStartArray("stop_sequences");
            foreach (var s in stop.EnumerateArray())
            {
                if (s.ValueKind == JsonValueKind.String)
                {
                    w.WriteStringValue(s.GetString());
                }
            }

            w.WriteEndArray();
        }
    }

    private static bool WriteTools(Utf8JsonWriter w, JsonElement root)
    {
        if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array || tools.GetArrayLength() == 0)
        {
            return false;
        }

        w.WriteStartArray("tools");
        foreach (var tool in tools.EnumerateArray())
        {
            var type = tool.TryGetProperty("type", out var t) ? t.GetString() : "function";
            if (type != "function" || !tool.TryGetProperty("function", out var function))
            {
                throw new TranslationException($"tools of type '{type}' cannot be sent to an Anthropic-protocol upstream.");
            }

            w.WriteStartObject();
            w.WriteString("name", function.TryGetProperty("name", out var name) ? name.GetString() : "");
            if (function.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                w.WriteString("description", description.GetString());
            }

            w.WritePropertyName("input_schema");
            if (function.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                parameters.WriteTo(w);
            }
            else
            {
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        return true;
    }

    private static void WriteToolChoice(Utf8JsonWriter w, JsonElement root)
    {
        var noParallel = root.TryGetProperty("parallel_tool_calls", out var parallel) && parallel.ValueKind == JsonValueKind.False;
        string? type = null;
        string? name = null;
        if (root.TryGetProperty("tool_choice", out var choice))
        {
            if (choice.ValueKind == JsonValueKind.String)
            {
                type = choice.GetString() switch
                {
                    "none" => "none",
                    "required" => "any",
                    _ => "auto",
                };
            }
            else if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("function", out var function) &&
                     function.TryGetProperty("name", out var n))
            {
                type = "tool";
                name = n.GetString();
            }
        }

        if (type is null && !noParallel)
        {
            return;
        }

        w.WriteStartObject("tool_choice");
        w.WriteString("type", type ?? "auto");
        if (name is not null)
        {
            w.WriteString("name", name);
        }

        if (noParallel && type != "none")
        {
            w.WriteBoolean("disable_parallel_tool_use", true);
        }

        w.WriteEndObject();
    }

    // ------------------------------------------------------------------ Anthropic → OpenAI

    /// <summary>An Anthropic Messages body as an OpenAI Chat Completions body.</summary>
    public static byte[] AnthropicToOpenAI(ReadOnlyMemory<byte> body, string upstreamModel, bool reasoning = false) =>
        Translate(body, upstreamModel, (root, w) => WriteOpenAI(root, w, reasoning));

    private static void WriteOpenAI(JsonElement root, Utf8JsonWriter w, bool reasoning)
    {
        if (reasoning && Reasoning.EffortForThinking(root) is { } effort)
        {
            w.WriteString("reasoning_effort", effort);
        }

        w.WriteStartArray("messages");
        if (root.TryGetProperty("system", out var system))
        {
            WriteOpenAISystem(w, system);
        }

        foreach (var message in root.GetProperty("messages").EnumerateArray())
        {
            var role = message.GetProperty("role").GetString();
            var content = message.TryGetProperty("content", out var c) ? c : default;
            if (role == "assistant")
            {
                WriteOpenAIAssistant(w, content);
            }
            else if (role == "system")
            {
                // Claude Code's mid-conversation system entries: a system message at the same place.
                WriteOpenAISystem(w, content);
            }
            else
            {
                WriteOpenAIUser(w, content);
            }
        }

        w.WriteEndArray();

        if (root.TryGetProperty("max_tokens", out var maxTokens) && maxTokens.ValueKind == JsonValueKind.Number)
        {
            w.WritePropertyName("max_tokens");
            maxTokens.WriteTo(w);
        }

        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            w.WriteBoolean("stream", true);
            w.WriteStartObject("stream_options");
            w.WriteBoolean("include_usage", true);
            w.WriteEndObject();
        }

        foreach (var name in (ReadOnlySpan<string>)["temperature", "top_p"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }

        if (root.TryGetProperty("stop_sequences", out var stop) && stop.ValueKind == JsonValueKind.Array && stop.GetArrayLength() > 0)
        {
            w.WritePropertyName("stop");
            stop.WriteTo(w);
        }

        var hasTools = false;
        if (root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0)
        {
            hasTools = true;
            w.WriteStartArray("tools");
            foreach (var tool in tools.EnumerateArray())
            {
                var type = tool.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is not (null or "custom"))
                {
                    throw new TranslationException($"server tools such as '{type}' cannot be sent to an OpenAI-protocol upstream.");
                }

                w.WriteStartObject();
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", tool.TryGetProperty("name", out var name) ? name.GetString() : "");
                if (tool.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
                {
                    w.WriteString("description", description.GetString());
                }

                if (tool.TryGetProperty("input_schema", out var schema) && schema.ValueKind == JsonValueKind.Object)
                {
                    w.WritePropertyName("parameters");
                    schema.WriteTo(w);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (hasTools && root.TryGetProperty("tool_choice", out var choice) && choice.ValueKind == JsonValueKind.Object)
        {
            var type = choice.TryGetProperty("type", out var t) ? t.GetString() : "auto";
            w.WritePropertyName("tool_choice");
            switch (type)
            {
                case "any":
                    w.WriteStringValue("required");
                    break;
                case "none":
                    w.WriteStringValue("none");
                    break;
                case "tool":
                    w.WriteStartObject();
                    w.WriteString("type", "function");
                    w.WriteStartObject("function");
                    w.WriteString("name", choice.TryGetProperty("name", out var n) ? n.GetString() : "");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
                default:
                    w.WriteStringValue("auto");
                    break;
            }

            if (choice.TryGetProperty("disable_parallel_tool_use", out var dp) && dp.ValueKind == JsonValueKind.True)
            {
                w.WriteBoolean("parallel_tool_calls", false);
            }
        }

        if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object &&
            metadata.TryGetProperty("user_id", out var userId) && userId.ValueKind == JsonValueKind.String)
        {
            w.WriteString("user", userId.GetString());
        }
    }

    private static void WriteOpenAISystem(Utf8JsonWriter w, JsonElement content)
    {
        var text = string.Join("\n\n", TextsOf(content));
        if (text.Length > 0)
        {
            WriteTextMessage(w, "system", text);
        }
    }

    private static void WriteOpenAIAssistant(Utf8JsonWriter w, JsonElement content)
    {
        w.WriteStartObject();
        w.WriteString("role", "assistant");
        if (content.ValueKind == JsonValueKind.String)
        {
            w.WriteString("content", content.GetString());
            w.WriteEndObject();
            return;
        }

        var text = new System.Text.StringBuilder();
        var hasToolUse = false;
        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (var block in content.EnumerateArray())
            {
                var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "text" && block.TryGetProperty("text", out var tx))
                {
                    text.Append(tx.GetString());
                }

                hasToolUse |= type == "tool_use";
            }
        }

        if (text.Length > 0)
        {
            w.WriteString("content", text.ToString());
        }
        else
        {
            w.WriteNull("content");
        }

        if (hasToolUse)
        {
            w.WriteStartArray("tool_calls");
            foreach (var block in content.EnumerateArray())
            {
                if (!(block.TryGetProperty("type", out var t) && t.ValueEquals("tool_use")))
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("id", block.TryGetProperty("id", out var id) ? id.GetString() : "");
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", block.TryGetProperty("name", out var name) ? name.GetString() : "");
                w.WriteString("arguments", block.TryGetProperty("input", out var input) ? input.GetRawText() : "{}");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteOpenAIUser(Utf8JsonWriter w, JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            WriteTextMessage(w, "user", content.GetString());
            return;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        // Tool results become tool messages, which must directly follow the assistant's tool calls.
        foreach (var block in content.EnumerateArray())
        {
            if (block.TryGetProperty("type", out var t) && t.ValueEquals("tool_result"))
            {
                w.WriteStartObject();
                w.WriteString("role", "tool");
                w.WriteString("tool_call_id", block.TryGetProperty("tool_use_id", out var id) ? id.GetString() : "");
                var result = block.TryGetProperty("content", out var rc) ? rc : default;
                var text = result.ValueKind == JsonValueKind.String ? result.GetString() ?? "" : ToolResultText(result);
                if (block.TryGetProperty("is_error", out var isError) && isError.ValueKind == JsonValueKind.True)
                {
                    // OpenAI has no error flag on tool messages; the model still has to know.
                    text = "Error: " + text;
                }

                w.WriteString("content", text);
                w.WriteEndObject();
            }
        }

        WriteToolResultImages(w, content);

        var parts = 0;
        var onlyText = true;
        foreach (var block in content.EnumerateArray())
        {
            var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type is "text" or "image" or "document")
            {
                parts++;
                onlyText &= type == "text";
            }
        }

        if (parts == 0)
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("role", "user");
        if (onlyText)
        {
            // Plain text as a string: every OpenAI-compatible server accepts that, not all take part arrays.
            var text = new System.Text.StringBuilder();
            foreach (var block in content.EnumerateArray())
            {
                if (block.TryGetProperty("type", out var t) && t.ValueEquals("text") && block.TryGetProperty("text", out var tx))
                {
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    text.Append(tx.GetString());
                }
            }

            w.WriteString("content", text.ToString());
            w.WriteEndObject();
            return;
        }

        w.WriteStartArray("content");
        foreach (var block in content.EnumerateArray())
        {
            var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "text":
                    WriteTextPart(w, block.GetProperty("text").GetString());
                    break;
                case "image":
                    WriteOpenAIImagePart(w, SourceUrl(block));
                    break;
                case "document":
                    var source = block.GetProperty("source");
                    if (source.TryGetProperty("type", out var st) && st.ValueEquals("text"))
                    {
                        WriteTextPart(w, source.TryGetProperty("data", out var d) ? d.GetString() : "");
                        break;
                    }

                    w.WriteStartObject();
                    w.WriteString("type", "file");
                    w.WriteStartObject("file");
                    w.WriteString("filename", block.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : "document.pdf");
                    w.WriteString("file_data", SourceUrl(block));
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>{"role":…,"content":"…"}</c>: a message of plain text, the same in both protocols.</summary>
    private static void WriteTextMessage(Utf8JsonWriter w, string role, string? text)
    {
        w.WriteStartObject();
        w.WriteString("role", role);
        w.WriteString("content", text);
        w.WriteEndObject();
    }

    /// <summary><c>{"type":"text","text":…}</c>: a text part in OpenAI and a text block in Anthropic alike.</summary>
    private static void WriteTextPart(Utf8JsonWriter w, string? text)
    {
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WriteOpenAIImagePart(Utf8JsonWriter w, string url)
    {
        w.WriteStartObject();
        w.WriteString("type", "image_url");
        w.WriteStartObject("image_url");
        w.WriteString("url", url);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// OpenAI tool messages carry text only: images a tool returned follow the tool messages as one user
    /// message (<c>Image(s) from tool result #N (id):</c> + <c>image_url</c> parts), as OpenClaw itself
    /// sends them to OpenAI models.
    /// </summary>
    private static void WriteToolResultImages(Utf8JsonWriter w, JsonElement content)
    {
        var started = false;
        var number = 0;
        foreach (var block in content.EnumerateArray())
        {
            if (!(block.TryGetProperty("type", out var t) && t.ValueEquals("tool_result")))
            {
                continue;
            }

            number++;
            if (!block.TryGetProperty("content", out var result) || result.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var captioned = false;
            foreach (var part in result.EnumerateArray())
            {
                if (!(part.TryGetProperty("type", out var pt) && pt.ValueEquals("image")))
                {
                    continue;
                }

                if (!started)
                {
                    w.WriteStartObject();
                    w.WriteString("role", "user");
                    w.WriteStartArray("content");
                    started = true;
                }

                if (!captioned)
                {
                    var id = block.TryGetProperty("tool_use_id", out var tid) && tid.ValueKind == JsonValueKind.String ? tid.GetString() : "";
                    WriteTextPart(w, $"Image(s) from tool result #{number} ({id}):");
                    captioned = true;
                }

                WriteOpenAIImagePart(w, SourceUrl(part));
            }
        }

        if (started)
        {
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private static string ToolResultText(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        foreach (var block in result.EnumerateArray())
        {
            var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(type == "text" && block.TryGetProperty("text", out var tx)
                ? tx.GetString()
                : type == "image"
                    ? "[image: sent in the next user message]"
                    : "[" + type + " omitted: OpenAI tool messages carry text only]");
        }

        return text.ToString();
    }

    // An Anthropic media source as an OpenAI URL: base64 → data URL, url → as is.
    private static string SourceUrl(JsonElement block)
    {
        var source = block.GetProperty("source");
        var type = source.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "base64" => "data:" + source.GetProperty("media_type").GetString() + ";base64," + source.GetProperty("data").GetString(),
            "url" => source.GetProperty("url").GetString() ?? "",
            _ => throw new TranslationException($"media sources of type '{type}' cannot be sent to an OpenAI-protocol upstream."),
        };
    }
}
