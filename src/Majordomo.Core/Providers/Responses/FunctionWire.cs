using System.Text.Json;
using Majordomo.Providers.Anthropic;

namespace Majordomo.Providers.Responses;

/// <summary>
/// The function pieces the Chat Completions and Responses shapes share, written once for both
/// directions of the translation.
/// </summary>
internal static class FunctionWire
{
    /// <summary><c>name</c>, then <c>description</c> and <c>parameters</c> when <paramref name="definition"/> has them.</summary>
    public static void WriteDefinition(Utf8JsonWriter w, string name, JsonElement definition)
    {
        w.WriteString("name", name);
        if (ResponseTranslation.Str(definition, "description") is { } description)
        {
            w.WriteString("description", description);
        }

        if (definition.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            w.WritePropertyName("parameters");
            parameters.WriteTo(w);
        }
    }

    /// <summary>A chat <c>tool_calls</c> entry from a Responses <c>function_call</c> item.</summary>
    public static void WriteChatToolCall(Utf8JsonWriter w, string id, JsonElement item)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("type", "function");
        w.WriteStartObject("function");
        w.WriteString("name", ResponseTranslation.Str(item, "name") ?? "");
        w.WriteString("arguments", ResponseTranslation.Str(item, "arguments") ?? "{}");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
