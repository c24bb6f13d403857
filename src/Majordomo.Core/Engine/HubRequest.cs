using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Majordomo.Engine;

/// <summary>
/// An <c>IChatClient</c> call as the bytes of an OpenAI Chat Completions request (the hub protocol),
/// so it takes the gateway's own path: the one-pass reader, the router, the executor, the bridge to
/// other protocols. Router metadata (source, session, kind, channel, profile) goes in the body's
/// <c>metadata</c>, where the reader takes it out before anything is forwarded.
/// </summary>
internal static class HubRequest
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> keys read as router metadata (SPEC §1.1).</summary>
    public static readonly string[] MetadataKeys = ["source", "session", "kind", "channel", "profile"];

    public static byte[] Write(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (options?.ModelId is { } model)
            {
                w.WriteString("model", model);
            }

            w.WritePropertyName("messages");
            w.WriteStartArray();
            foreach (var message in messages)
            {
                WriteMessage(w, message);
            }

            w.WriteEndArray();
            if (stream)
            {
                // Usage always comes back, as it does for HTTP clients that ask for it.
                w.WriteBoolean("stream", true);
                w.WriteStartObject("stream_options");
                w.WriteBoolean("include_usage", true);
                w.WriteEndObject();
            }

            if (options is not null)
            {
                WriteOptions(w, options);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter w, ChatMessage message)
    {
        // Tool results are messages of their own in the hub, one per call.
        foreach (var result in message.Contents.OfType<FunctionResultContent>())
        {
            w.WriteStartObject();
            w.WriteString("role", "tool");
            w.WriteString("tool_call_id", result.CallId);
            w.WriteString("content", ResultText(result));
            w.WriteEndObject();
        }

        var calls = message.Contents.OfType<FunctionCallContent>().ToArray();
        var parts = message.Contents.Where(c => c is TextContent or DataContent or UriContent).ToArray();
        if (parts.Length == 0 && calls.Length == 0)
        {
            return;
        }

        var role = message.Role == ChatRole.Tool ? ChatRole.User : message.Role;
        w.WriteStartObject();
        w.WriteString("role", role.Value);
        if (parts.Length == 0)
        {
            w.WriteNull("content");
        }
        else if (parts.All(p => p is TextContent))
        {
            w.WriteString("content", string.Concat(parts.Cast<TextContent>().Select(t => t.Text)));
        }
        else
        {
            WriteParts(w, parts);
        }

        if (calls.Length > 0)
        {
            w.WriteStartArray("tool_calls");
            foreach (var call in calls)
            {
                w.WriteStartObject();
                w.WriteString("id", call.CallId);
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", call.Name);
                w.WriteString("arguments", JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteParts(Utf8JsonWriter w, AIContent[] parts)
    {
        w.WriteStartArray("content");
        foreach (var part in parts)
        {
            w.WriteStartObject();
            switch (part)
            {
                case TextContent text:
                    w.WriteString("type", "text");
                    w.WriteString("text", text.Text);
                    break;
                case DataContent data:
                    w.WriteString("type", "image_url");
                    w.WriteStartObject("image_url");
                    w.WriteString("url", data.Uri);
                    w.WriteEndObject();
                    break;
                case UriContent uri:
                    w.WriteString("type", "image_url");
                    w.WriteStartObject("image_url");
                    w.WriteString("url", uri.Uri.ToString());
                    w.WriteEndObject();
                    break;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        var other => JsonSerializer.Serialize(other, AIJsonUtilities.DefaultOptions),
    };

    private static void WriteOptions(Utf8JsonWriter w, ChatOptions options)
    {
        if (options.MaxOutputTokens is { } max)
        {
            w.WriteNumber("max_tokens", max);
        }

        if (options.Temperature is { } temperature)
        {
            w.WriteNumber("temperature", temperature);
        }

        if (options.TopP is { } topP)
        {
            w.WriteNumber("top_p", topP);
        }

        if (options.Seed is { } seed)
        {
            w.WriteNumber("seed", seed);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            w.WriteStartArray("stop");
            foreach (var stop in stops)
            {
                w.WriteStringValue(stop);
            }

            w.WriteEndArray();
        }

        WriteTools(w, options);
        WriteMetadata(w, options.AdditionalProperties);
    }

    private static void WriteTools(Utf8JsonWriter w, ChatOptions options)
    {
        var functions = options.Tools?.OfType<AIFunctionDeclaration>().ToArray() ?? [];
        if (functions.Length == 0)
        {
            return;
        }

        w.WriteStartArray("tools");
        foreach (var function in functions)
        {
            w.WriteStartObject();
            w.WriteString("type", "function");
            w.WriteStartObject("function");
            w.WriteString("name", function.Name);
            if (!string.IsNullOrEmpty(function.Description))
            {
                w.WriteString("description", function.Description);
            }

            w.WritePropertyName("parameters");
            function.JsonSchema.WriteTo(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        switch (options.ToolMode)
        {
            case NoneChatToolMode:
                w.WriteString("tool_choice", "none");
                break;
            case RequiredChatToolMode { RequiredFunctionName: { } name }:
                w.WriteStartObject("tool_choice");
                w.WriteString("type", "function");
                w.WriteStartObject("function");
                w.WriteString("name", name);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case RequiredChatToolMode:
                w.WriteString("tool_choice", "required");
                break;
        }

        if (options.AllowMultipleToolCalls is false)
        {
            w.WriteBoolean("parallel_tool_calls", false);
        }
    }

    private static void WriteMetadata(Utf8JsonWriter w, AdditionalPropertiesDictionary? properties)
    {
        if (properties is null || !MetadataKeys.Any(properties.ContainsKey))
        {
            return;
        }

        w.WriteStartObject("metadata");
        foreach (var key in MetadataKeys)
        {
            if (properties.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text)
            {
                w.WriteString(key, text);
            }
        }

        w.WriteEndObject();
    }
}
