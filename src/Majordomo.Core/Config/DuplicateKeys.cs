using System.Text;
using System.Text.Json;

namespace Majordomo.Config;

/// <summary>Finds every key written twice in the same object, with its path (a later duplicate would silently win).</summary>
internal static class DuplicateKeys
{
    public static List<string> Find(string text)
    {
        var errors = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 64,
        });

        // One frame per open object or array: its path, the keys seen, the next array index.
        var stack = new Stack<(string Path, HashSet<string>? Keys, int Index)>();
        string? pendingKey = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var (path, keys, _) = stack.Peek();
                    pendingKey = reader.GetString()!;
                    if (!keys!.Add(pendingKey))
                    {
                        errors.Add($"{ConfigPath.Key(path, pendingKey)}: duplicate key '{pendingKey}'");
                    }

                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var childPath = ChildPath(stack, pendingKey);
                    stack.Push((childPath, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, 0));
                    pendingKey = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.Pop();
                    Advance(stack);
                    break;
                default:
                    // A scalar value.
                    pendingKey = null;
                    Advance(stack);
                    break;
            }
        }

        return errors;
    }

    private static string ChildPath(Stack<(string Path, HashSet<string>? Keys, int Index)> stack, string? key)
    {
        if (stack.Count == 0)
        {
            return "";
        }

        var parent = stack.Peek();
        return parent.Keys is null ? ConfigPath.Index(parent.Path, parent.Index) : ConfigPath.Key(parent.Path, key ?? "");
    }

    private static void Advance(Stack<(string Path, HashSet<string>? Keys, int Index)> stack)
    {
        if (stack.Count > 0 && stack.Peek().Keys is null)
        {
            var top = stack.Pop();
            stack.Push(top with { Index = top.Index + 1 });
        }
    }
}
