using System.Text;

namespace Majordomo.Config;

/// <summary>Formats JSON paths the way error messages show them: <c>models["copilot/gpt-4.1"].provider</c>.</summary>
internal static class ConfigPath
{
    public static string Key(string parent, string key)
    {
        if (IsPlain(key))
        {
            return parent.Length == 0 ? key : parent + "." + key;
        }

        return parent + "[\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
    }

    public static string Index(string parent, int index) => parent + "[" + index + "]";

    /// <summary>Converts System.Text.Json's <c>$.models['a/b'].tier</c> into <c>models["a/b"].tier</c>.</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "(root)";
        }

        var sb = new StringBuilder();
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            var c = jsonPath[i];
            if (c == '.')
            {
                var end = i + 1;
                while (end < jsonPath.Length && jsonPath[end] != '.' && jsonPath[end] != '[')
                {
                    end++;
                }

                Append(sb, jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (c == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    sb.Append(jsonPath, i, jsonPath.Length - i);
                    break;
                }

                Append(sb, jsonPath[(i + 2)..end]);
                i = end + 2;
            }
            else if (c == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                if (end < 0)
                {
                    sb.Append(jsonPath, i, jsonPath.Length - i);
                    break;
                }

                sb.Append(jsonPath, i, end - i + 1);
                i = end + 1;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.Length == 0 ? "(root)" : sb.ToString();
    }

    private static void Append(StringBuilder sb, string key)
    {
        var parent = sb.ToString();
        sb.Clear().Append(Key(parent, key));
    }

    private static bool IsPlain(string key)
    {
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var ch in key)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_' || ch == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
