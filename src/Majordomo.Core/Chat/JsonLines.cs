using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Majordomo.Chat;

/// <summary>
/// A tool call's arguments as text the sensitive scan can read: one <c>name: value</c> line per string or number
/// value (<c>password: tulip-Anchor-93</c>), the way a config or a form reads. Arguments sent as a JSON string (OpenAI,
/// Responses) are read as the JSON they hold. Ids and types say nothing about the call and are left out.
/// </summary>
internal static class JsonLines
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static void Append(ReadOnlySpan<byte> json, ArenaText into, TextArena arena) => Append(json, into, arena, nested: false);

    private static void Append(ReadOnlySpan<byte> json, ArenaText into, TextArena arena, bool nested)
    {
        var reader = new Utf8JsonReader(json, Options);
        ReadOnlyMemory<char> name = default;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString().AsMemory();
                        break;
                    case JsonTokenType.String when !IsBookkeeping(name.Span):
                        AppendValue(ref reader, name, into, arena, nested);
                        break;
                    case JsonTokenType.Number when !IsBookkeeping(name.Span):
                        Line(into, name).Append(Encoding.UTF8.GetString(reader.ValueSpan).AsMemory());
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Arguments cut off or not JSON (a model's malformed call): what was read so far stays.
        }
    }

    private static void AppendValue(ref Utf8JsonReader reader, ReadOnlyMemory<char> name, ArenaText into, TextArena arena, bool nested)
    {
        var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        ReadOnlyMemory<char> value;
        if (length <= TextArena.LongChars)
        {
            value = (reader.GetString() ?? "").AsMemory();
        }
        else
        {
            // A file an agent wrote (a long value): the arena's pooled array, never a large string.
            var array = arena.Rent(length);
            value = new ReadOnlyMemory<char>(array, 0, reader.CopyString(array));
        }

        var written = value.Length;
        var trimmed = value.Span.TrimStart();
        if (!nested && trimmed.Length > 1 && trimmed[0] is '{' or '[')
        {
            // OpenAI's `arguments` is a string holding JSON: its own names and values are what the call carries.
            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(written));
            var count = Encoding.UTF8.GetBytes(value.Span, bytes);
            Append(bytes.AsSpan(0, count), into, arena, nested: true);
            ArrayPool<byte>.Shared.Return(bytes);
            return;
        }

        Line(into, name).Append(value);
    }

    private static ArenaText Line(ArenaText into, ReadOnlyMemory<char> name)
    {
        if (into.Length > 0)
        {
            into.AppendLine();
        }

        return name.IsEmpty ? into : into.Append(name).Append(": ".AsMemory());
    }

    private static bool IsBookkeeping(ReadOnlySpan<char> name) =>
        name is "id" or "type" or "call_id" or "tool_call_id" or "tool_use_id";
}
