using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Majordomo.Config;

namespace Majordomo.Providers;

/// <summary>
/// The one place upstream text is cleaned before it can reach a client, a log line, the store, a
/// metric or a trace: every key of the configured providers and every gateway key is cut out, and so
/// are bearer tokens, <c>sk-</c> style keys and values of key-carrying headers an upstream echoes
/// ("Incorrect API key provided: sk-…", a 400 that dumps the request's headers). Built once per config
/// snapshot; only used on failure paths, so it may allocate.
/// </summary>
internal sealed partial class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Shorter configured values are not treated as secrets (they would mask ordinary words).</summary>
    private const int MinSecretLength = 8;

    /// <summary>Providers echo masked keys keeping a prefix ("sk-proj-abc1****wxyz"); the prefix is cut too.</summary>
    private const int EchoPrefixLength = 12;

    public static readonly SecretRedactor None = new([]);

    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // Longest first, so a key wins over its own prefix at the same position.
    private readonly string[] _secrets;
    private readonly SearchValues<string>? _search;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (secret is null || secret.Length < MinSecretLength)
            {
                continue;
            }

            set.Add(secret);
            var prefix = secret[..Math.Min(secret.Length - 4, EchoPrefixLength)];
            if (prefix.Length >= MinSecretLength)
            {
                set.Add(prefix);
            }
        }

        _secrets = [.. set.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
        _search = _secrets.Length == 0 ? null : SearchValues.Create(_secrets, StringComparison.Ordinal);
    }

    /// <summary>Every provider credential, every key-like provider header value and every gateway key of <paramref name="config"/>.</summary>
    public static SecretRedactor From(MajordomoConfig config)
    {
        var secrets = new List<string?>();
        foreach (var provider in (config.Providers ?? []).Values)
        {
            foreach (var credential in provider.Credentials ?? [])
            {
                secrets.Add(credential.ApiKey);
            }

            foreach (var (name, value) in provider.Headers ?? [])
            {
                if (IsKeyHeader(name))
                {
                    secrets.Add(value);
                    secrets.Add(StripScheme(value));
                }
            }
        }

        foreach (var key in config.Server?.ApiKeys ?? [])
        {
            secrets.Add(key.Key);
        }

        return new SecretRedactor(secrets);
    }

    /// <summary>
    /// <paramref name="text"/> without secrets. <paramref name="credential"/> is the key the text may
    /// echo; it is cut even when a reload has since removed it from the configuration.
    /// </summary>
    public string Redact(string text, Credential? credential = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (credential?.ApiKey is { Length: >= MinSecretLength } key && Array.IndexOf(_secrets, key) < 0)
        {
            text = new SecretRedactor([key]).ReplaceKnown(text);
        }

        return TokenPattern().Replace(ReplaceKnown(text), "${keep}" + Mask);
    }

    /// <summary>
    /// An upstream body (an error, usually JSON) without secrets. JSON is rewritten string by string, so
    /// an escaped key (<c>\u002B</c>) is found too and the value of a key-named property (<c>"x-api-key"</c>)
    /// is masked whatever it looks like; the original array comes back when nothing needed cutting.
    /// </summary>
    public byte[] RedactBody(byte[] body, Credential? credential = null)
    {
        if (body.Length == 0)
        {
            return body;
        }

        try
        {
            return RedactJson(body, credential) ?? body;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            var text = Encoding.UTF8.GetString(body);
            var redacted = Redact(text, credential);
            return ReferenceEquals(text, redacted) || text == redacted ? body : Encoding.UTF8.GetBytes(redacted);
        }
    }

    private byte[]? RedactJson(byte[] body, Credential? credential)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        var output = new ArrayBufferWriter<byte>(body.Length);
        var changed = false;
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Relaxed, SkipValidation = true }))
        {
            var keyNamed = false;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        keyNamed = IsKeyHeader(name);
                        var cleanName = Redact(name, credential);
                        changed |= !string.Equals(name, cleanName, StringComparison.Ordinal);
                        writer.WritePropertyName(cleanName);
                        continue;
                    case JsonTokenType.String:
                        var value = reader.GetString()!;
                        var clean = keyNamed && value.Length > 0 ? Mask : Redact(value, credential);
                        changed |= !string.Equals(value, clean, StringComparison.Ordinal);
                        writer.WriteStringValue(clean);
                        break;
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                }

                keyNamed = false;
            }
        }

        return changed ? output.WrittenSpan.ToArray() : null;
    }

    private string ReplaceKnown(string text)
    {
        if (_search is null)
        {
            return text;
        }

        var span = text.AsSpan();
        var index = span.IndexOfAny(_search);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        while (index >= 0)
        {
            builder.Append(span[..index]);
            span = span[index..];
            var length = 1;
            foreach (var secret in _secrets)
            {
                if (span.StartsWith(secret, StringComparison.Ordinal))
                {
                    length = secret.Length;
                    break;
                }
            }

            builder.Append(Mask);
            span = span[length..];
            index = span.IndexOfAny(_search);
        }

        return builder.Append(span).ToString();
    }

    /// <summary>Header (or JSON property) names whose values are credentials.</summary>
    internal static bool IsKeyHeader(string name) =>
        name.Equals("authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("proxy-authorization", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("api-key", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("api_key", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("apikey", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith("token", StringComparison.OrdinalIgnoreCase) ||
        name.Contains("secret", StringComparison.OrdinalIgnoreCase);

    private static string StripScheme(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? value[(space + 1)..].Trim() : value;
    }

    // Bearer/Basic tokens, sk- style keys, key-carrying header echoes ("x-api-key: …", "\"authorization\":\"…\"")
    // and key query parameters. The named group is kept, the secret after it becomes the mask.
    [GeneratedRegex("""
        (?<keep>\b(?i:bearer|basic)\s+)[A-Za-z0-9._~+/=\-]{8,}
        |(?<keep>\bsk-)[A-Za-z0-9_\-]{8,}
        |(?<keep>\b(?i:x-api-key|api[-_]?key|x-goog-api-key|authorization|access[-_]token)\b"?\s*[:=]\s*"?(?:(?i:bearer|basic)\s+)?)[^"\s,;}&*]{4,}
        |(?<keep>[?&](?i:key|api_key|apikey|access_token|token)=)[^&\s"'*]+
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TokenPattern();
}
