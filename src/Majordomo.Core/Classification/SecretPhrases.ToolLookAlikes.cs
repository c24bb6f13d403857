using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Public values and names in tools' output that a shape rule took for a password (probes 20 and 22's leftovers,
/// <c>sensitive-categories-37</c>): a Vault token's accessor (a handle that cannot be used as the token), an HTTP header's name with its
/// number ("X-Hub-Signature-256"), an accessory's name ending in its MAC's last four hex digits in a pairing log ("Aqara-Hub-M2-4F1C"),
/// and a code's quoted key answered by a constant or a variable (<c>'password': HM_PASS</c>, <c>'password':PASSWORD,</c>). Read only
/// where a shape rule or a noun has already found a value.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>Whether the run at <paramref name="start"/>..<paramref name="end"/> is one of the tools' public names above.</summary>
    private static bool ToolLookAlike(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<char> token) =>
        AccessorValue(text, start) || HeaderName(token) || AccessoryName(text, start, token);

    // "accessor            aQTli0pd…", "token_accessor: …": Vault's accessor looks a token up or revokes it, it does not log in.
    private static bool AccessorValue(ReadOnlySpan<char> text, int start)
    {
        var line = text[..start];
        line = line[(line.LastIndexOf('\n') + 1)..].TrimEnd(" \t:=\"'");
        return line.EndsWith("accessor", StringComparison.OrdinalIgnoreCase) && !line.Contains("token ", StringComparison.OrdinalIgnoreCase);
    }

    // "X-Hub-Signature-256", "X-Amz-Content-Sha256": an extension header's name is words between dashes and a number, no mixed part.
    private static bool HeaderName(ReadOnlySpan<char> token)
    {
        if (!token.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var range in token[2..].Split('-'))
        {
            var part = token[2..][range];
            if (part.IsEmpty || (part.IndexOfAnyExceptInRange('0', '9') >= 0 && !WordThenDigits(part)))
            {
                return false;
            }
        }

        return true;
    }

    // "Signature", "Sha256": a capitalised word, maybe with a number after it.
    private static bool WordThenDigits(ReadOnlySpan<char> part)
    {
        var letters = part.IndexOfAnyInRange('0', '9');
        var word = letters < 0 ? part : part[..letters];
        return word.Length >= 2 && char.IsAsciiLetter(word[0]) && word[1..].IndexOfAnyExceptInRange('a', 'z') < 0
            && (letters < 0 || part[letters..].IndexOfAnyExceptInRange('0', '9') < 0);
    }

    // "Eve-Energy-3A7C", "Aqara-Hub-M2-4F1C" after "for" or before ':' in a pairing's log line: an accessory's name and its MAC's tail.
    private static bool AccessoryName(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token)
    {
        var dash = token.LastIndexOf('-');
        if (dash < 3 || token.Length - dash != 5 || token[(dash + 1)..].IndexOfAnyExcept(UpperHex) >= 0 || token[..dash].IndexOfAny(PasswordSymbols) >= 0)
        {
            return false;
        }

        var lineStart = text[..start].LastIndexOf('\n') + 1;
        var lineEnd = text[start..].IndexOf('\n');
        var line = text[lineStart..(lineEnd < 0 ? text.Length : start + lineEnd)];
        return line.Contains("pair", StringComparison.OrdinalIgnoreCase) || line.Contains("accessory", StringComparison.OrdinalIgnoreCase)
            || line.Contains("homekit", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly SearchValues<char> UpperHex = SearchValues.Create("0123456789ABCDEF");
    private static readonly SearchValues<char> PasswordSymbols = SearchValues.Create("!#$%&*@^+=?");

    /// <summary>
    /// A quoted key in code answered by a name, not a literal: <c>'password': HM_PASS,</c>, <c>"password":PASSWORD}</c>,
    /// <c>'password': pwd)</c> — a constant in capitals or a variable in lower case without digits, then ',', '}', ')' or the line's end.
    /// </summary>
    private static bool CodeReference(ReadOnlySpan<char> text, int at, int end)
    {
        if (at == 0 || text[at - 1] is not ('\'' or '"') || end >= text.Length || text[end] != text[at - 1])
        {
            return false;
        }

        var rest = text[(end + 1)..].TrimStart(" \t");
        if (rest.IsEmpty || rest[0] is not (':' or '='))
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t");
        var length = rest.IndexOfAnyExcept(IdentifierCharsAndDigits);
        var name = length < 0 ? rest : rest[..length];
        var after = length < 0 ? [] : rest[length..].TrimStart(" \t");
        var upper = name.IndexOfAnyExcept(UpperIdentifier) < 0 && name.IndexOfAnyInRange('A', 'Z') >= 0;
        var lower = name.IndexOfAnyExcept(LowerIdentifier) < 0;
        return name.Length >= 2 && !char.IsAsciiDigit(name[0]) && (upper || lower) && (after.IsEmpty || after[0] is ',' or '}' or ')' or '\n' or '\r');
    }

    private static readonly SearchValues<char> UpperIdentifier = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    private static readonly SearchValues<char> LowerIdentifier = SearchValues.Create("abcdefghijklmnopqrstuvwxyz_");

    /// <summary>"vault kv get -field=password secret/db", "--field password": the noun names the field a command prints, the path after it is no value.</summary>
    private static bool FieldFlag(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].TrimEnd(" =");
        return before.EndsWith("-field", StringComparison.OrdinalIgnoreCase);
    }
}
