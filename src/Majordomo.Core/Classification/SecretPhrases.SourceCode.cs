using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Source code that only handles secrets, read by a coding agent (this repository's own files were routed local): a test's or a
/// benchmark's method name shaped like a password ("IngressGuard_500Messages()", "ReadInt32LittleEndian("), a chat message's
/// role ("role":"user") before a question and a base64 image, "false alarms" followed by a count.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>An identifier directly followed by '(' is a function's name (called or declared), not a password.</summary>
    private static bool CalledName(ReadOnlySpan<char> token, ReadOnlySpan<char> text, int end) =>
        end < text.Length && text[end] == '(' && CodeName(token);

    private static bool CodeName(ReadOnlySpan<char> name) => !name.IsEmpty && char.IsAsciiLetter(name[0]) && name.IndexOfAnyExcept(IdentifierCharsAndDigits) < 0;

    /// <summary>An interpolation hole's name and format ("{addedP50:F0}", f"{rate:.2f}"): braces around a name, a colon, a short format.</summary>
    private static bool InterpolationHole(ReadOnlySpan<char> text, int start, int end) =>
        start > 0 && text[start - 1] == '{' && end < text.Length && text[end] == '}' && text[start..end].IndexOf(':') is > 0 and var colon
        && end - start - colon <= 6 && CodeName(text[start..(start + colon)]);

    private static readonly SearchValues<char> IdentifierCharsAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>
    /// A noun that is no secret's noun where it stands: "user" as a chat message's role (<c>"role":"user"</c>) and "alarm" after
    /// "false" (a classifier's "false alarms on 909 prompts").
    /// </summary>
    private static bool NounInCode(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase == "user")
        {
            // Quotes escaped inside a test's string too: {\"role\":\"user\"}.
            return at > 0 && text[at - 1] == '"' && text[..at].TrimEnd("\"\\ \t:").EndsWith("role", StringComparison.OrdinalIgnoreCase);
        }

        var words = text[..at].TrimEnd(' ');
        return phrase.StartsWith("alarm", StringComparison.Ordinal) && words.EndsWith("false", StringComparison.OrdinalIgnoreCase)
            && (words.Length == 5 || !char.IsLetter(words[^6]));
    }

    /// <summary>
    /// An identifier in camel case: every letter part a word of three letters or more, capitalised or (first) lower case, between
    /// digit groups ("ReadInt32LittleEndian", "parseUtf8Bytes"). A generator's key changes case inside its parts.
    /// </summary>
    private static bool CamelWords(ReadOnlySpan<char> token)
    {
        var i = 0;
        while (i < token.Length)
        {
            var c = token[i];
            if (char.IsAsciiDigit(c) || c is '_' or '-')
            {
                i++;
                continue;
            }

            if (!char.IsAsciiLetter(c) || (char.IsAsciiLetterLower(c) && i > 0 && char.IsAsciiLetter(token[i - 1])))
            {
                return false;
            }

            var lower = i + 1;
            while (lower < token.Length && char.IsAsciiLetterLower(token[lower]))
            {
                lower++;
            }

            if (lower - i < 3)
            {
                return false;
            }

            i = lower;
        }

        return true;
    }
}
