using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Majordomo.Config;

/// <summary>The outcome of loading a config: the config when valid, and every problem found.</summary>
internal sealed record ConfigLoadResult(MajordomoConfig? Config, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Config is not null && Errors.Count == 0;
}

/// <summary>
/// Reads config text: JSON with comments and trailing commas, <c>${ENV}</c> / <c>${ENV:-default}</c>
/// substitution in every string, binding to records, then validation of the whole file at once.
/// </summary>
internal static class ConfigLoader
{
    /// <summary>Config files larger than this are refused before parsing (a config is a few KiB).</summary>
    public const int MaxConfigBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    public static ConfigLoadResult LoadFile(string path, Func<string, string?>? getEnv = null)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail($"config: file '{path}' does not exist");
            }

            if (info.Length > MaxConfigBytes)
            {
                return Fail($"config: file '{path}' is {info.Length} bytes; the limit is {MaxConfigBytes}");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"config: cannot read '{path}': {ex.Message}");
        }

        return Load(text, getEnv);
    }

    public static ConfigLoadResult Load(string text, Func<string, string?>? getEnv = null)
    {
        getEnv ??= Environment.GetEnvironmentVariable;
        if (Encoding.UTF8.GetByteCount(text) > MaxConfigBytes)
        {
            return Fail($"config: the text is larger than {MaxConfigBytes} bytes");
        }

        JsonNode? root;
        try
        {
            var duplicates = DuplicateKeys.Find(text);
            if (duplicates.Count > 0)
            {
                return new ConfigLoadResult(null, duplicates, []);
            }

            root = JsonNode.Parse(text, nodeOptions: null, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Fail($"config: invalid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}");
        }
        catch (ArgumentException)
        {
            // e.g. a lone UTF-16 surrogate in text handed to Load directly.
            return Fail("config: the text is not valid Unicode");
        }

        if (root is not JsonObject)
        {
            return Fail("(root): the config must be a JSON object");
        }

        // Unset variables are reported, and the rest of the file is still checked: every problem at once.
        var errors = new List<string>();
        SubstituteEnvironment(root, "", getEnv, errors);

        MajordomoConfig? config;
        try
        {
            config = root.Deserialize(ConfigJsonContext.Default.MajordomoConfig);
        }
        catch (JsonException ex)
        {
            errors.Add(BindingError(ex));
            return new ConfigLoadResult(null, errors, []);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"config: {FirstSentence(ex.Message)}");
            return new ConfigLoadResult(null, errors, []);
        }

        if (config is null)
        {
            return Fail("(root): the config must be a JSON object");
        }

        var validation = ConfigValidator.Validate(config);

        // A value whose variable is unset still holds "${NAME}"; its own error says all there is to say.
        var envPaths = errors.Select(e => e[..(e.IndexOf(": ", StringComparison.Ordinal) + 2)]).ToArray();
        errors.AddRange(validation.Errors.Where(e => !envPaths.Any(p => e.StartsWith(p, StringComparison.Ordinal))));
        return new ConfigLoadResult(errors.Count == 0 ? config : null, errors, validation.Warnings);
    }

    private static ConfigLoadResult Fail(string error) => new(null, [error], []);

    private static void SubstituteEnvironment(JsonNode node, string path, Func<string, string?> getEnv, List<string> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToArray())
                {
                    Visit(child, ConfigPath.Key(path, key), replacement => obj[key] = replacement);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    Visit(array[i], ConfigPath.Index(path, i), replacement => array[index] = replacement);
                }

                break;
        }

        // A string with a reference is replaced; anything else is walked.
        void Visit(JsonNode? child, string childPath, Action<JsonNode> replace)
        {
            if (child is JsonValue value && value.TryGetValue<string>(out var s) && s.Contains("${", StringComparison.Ordinal))
            {
                replace(Substitute(s, childPath, getEnv, errors));
            }
            else if (child is not null)
            {
                SubstituteEnvironment(child, childPath, getEnv, errors);
            }
        }
    }

    /// <summary>Replaces <c>${NAME}</c> and <c>${NAME:-default}</c>; an unset variable without a default is an error.</summary>
    internal static string Substitute(string input, string path, Func<string, string?> getEnv, List<string> errors)
    {
        var sb = new StringBuilder(input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var start = input.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                sb.Append(input, i, input.Length - i);
                break;
            }

            sb.Append(input, i, start - i);
            var end = input.IndexOf('}', start + 2);
            if (end < 0)
            {
                errors.Add($"{path}: unterminated '${{' in a string (expected ${{NAME}})");
                return input;
            }

            var expression = input[(start + 2)..end];
            string name = expression;
            string? fallback = null;
            var dash = expression.IndexOf(":-", StringComparison.Ordinal);
            if (dash >= 0)
            {
                name = expression[..dash];
                fallback = expression[(dash + 2)..];
            }

            if (!IsValidName(name))
            {
                errors.Add($"{path}: '${{{expression}}}' is not a valid environment variable reference");
                return input;
            }

            var value = getEnv(name);
            if (string.IsNullOrEmpty(value))
            {
                if (fallback is null)
                {
                    errors.Add($"{path}: environment variable '{name}' is not set (use ${{{name}:-default}} to give a default)");
                    return input;
                }

                value = fallback;
            }

            sb.Append(value);
            i = end + 1;
        }

        return sb.ToString();
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "path: expected …" for a value of the wrong type. System.Text.Json names the enclosing type in its
    /// message, so the expected type is looked up from the config records by the path instead.
    /// </summary>
    internal static string BindingError(JsonException ex)
    {
        var jsonPath = ex.Path ?? "$";

        // A chain entry object is read by its own converter; its inner path continues the outer one.
        if (ex.InnerException is JsonException { Path: { Length: > 1 } inner } && inner.StartsWith('$'))
        {
            jsonPath += inner[1..];
        }

        var path = ConfigPath.FromJsonPath(jsonPath);
        var expected = ConfigSchema.ExpectedAt(jsonPath);
        return expected is null ? $"{path}: {FirstSentence(ex.Message)}" : $"{path}: expected {expected}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
