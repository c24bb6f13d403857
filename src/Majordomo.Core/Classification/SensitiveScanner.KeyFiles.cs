namespace Majordomo.Classification;

/// <summary>
/// Keys shown by what reads them, not by a name and '=' (the leftovers of probes 20 and 22, <c>sensitive-categories-37</c>): a private
/// key of 64 hex digits passed to a call that makes an account or a signer of it (<c>Account.from_key('0x…')</c>,
/// <c>privateKeyToAccount("0x…")</c>), and a key file printed by <c>cat</c> with its content on the next line
/// (<c>cat config/master.key</c>, Rails' 32 hex digits). A transaction's hash in <c>get_transaction('0x…')</c> has no key in its call.
/// </summary>
internal static partial class SensitiveScanner
{
    // The calls that take a private key, by the identifier's lower-case letters (underscores dropped).
    private static readonly string[] KeyCalls = ["fromkey", "privatekeytoaccount", "privatekey", "signingkey", "secretkey", "privkey"];

    /// <summary>Whether the "key" at <paramref name="at"/> is inside a call taking a private key, and 64 hex digits are its argument.</summary>
    private static bool PrivateKeyCall(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        if (end >= text.Length || text[end] != '(' || !KeyCallName(text[start..end]))
        {
            return false;
        }

        var argument = text[(end + 1)..].TrimStart(" \"'`");
        argument = argument.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? argument[2..] : argument;
        var hex = argument.IndexOfAnyExcept(SecretPhrases.HexChars);
        return (hex < 0 ? argument.Length : hex) == 64;
    }

    private static bool KeyCallName(ReadOnlySpan<char> name)
    {
        Span<char> folded = stackalloc char[Math.Min(name.Length, 40)];
        var length = 0;
        foreach (var c in name[..Math.Min(name.Length, 40)])
        {
            if (c != '_')
            {
                folded[length++] = char.ToLowerInvariant(c);
            }
        }

        foreach (var call in KeyCalls)
        {
            if (folded[..length].EndsWith(call, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the "key" at <paramref name="at"/> ends a key file's name that <c>cat</c> prints on its line ("cat config/master.key"),
    /// and the next line is a run of 32 letters and digits or more: the file's content, the key.
    /// </summary>
    private static bool PrintedKeyFile(ReadOnlySpan<char> text, int at)
    {
        if (at == 0 || text[at - 1] != '.' || (at + 3 < text.Length && char.IsAsciiLetterOrDigit(text[at + 3])))
        {
            return false;
        }

        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var command = text[lineStart..at];
        if (command.IndexOf("cat ", StringComparison.Ordinal) < 0 && command.IndexOf("type ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var newline = text[at..].IndexOf('\n');
        if (newline < 0)
        {
            return false;
        }

        var next = text[(at + newline + 1)..].TrimStart(" \t");
        var run = next.IndexOfAnyExcept(Base64Chars);
        var value = run < 0 ? next : next[..run];
        return value.Length >= 32 && HasDigitAndLetter(value) && !Placeholder(value);
    }
}
