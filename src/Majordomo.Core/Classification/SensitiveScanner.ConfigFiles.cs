namespace Majordomo.Classification;

/// <summary>
/// Secrets in config files an agent reads (probe 20): a framework's secret key quoted with symbols in it (Django's
/// <c>SECRET_KEY = '8ToJi@7&amp;…%8QWSr'</c>), a Wi-Fi pre-shared key shorter than an API key (<c>psk=veSsJgZKpF58EZ</c>),
/// a password element with attributes (FileZilla's <c>&lt;Pass encoding="base64"&gt;…&lt;/Pass&gt;</c>), and a Go MySQL DSN's
/// <c>user:pass@tcp(host)/db</c>. Not an empty element, a variable, a placeholder or a format string (<c>%s:%s@tcp(%s)</c>).
/// </summary>
internal static partial class SensitiveScanner
{
    // The characters a generated secret key uses besides letters and digits.
    private static readonly System.Buffers.SearchValues<char> KeyLiteralChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_=+[]{}<>|~.,:;?");

    /// <summary>A quoted key's whole literal from <paramref name="open"/> (just past its quote) to the closing quote: 24–128
    /// key characters, letters and digits, at least two symbols, no URL or path.</summary>
    private static bool QuotedKeyLiteral(ReadOnlySpan<char> text, int open)
    {
        if (open < 1 || open >= text.Length)
        {
            return false;
        }

        var rest = text[open..];
        var close = rest.IndexOf(text[open - 1]);
        if (close is < 24 or > 128)
        {
            return false;
        }

        // A tool's JSON output read once more: the closing quote is escaped ("SECRET_KEY = \"…\"", probe 27).
        var value = rest[..close].TrimEnd('\\');
        var symbols = value.Length - value.Count('_') - value.Count('-');
        foreach (var c in value)
        {
            symbols -= char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        return value.IndexOfAnyExcept(KeyLiteralChars) < 0 && symbols >= 2 && HasDigitAndLetter(value) && !Placeholder(value)
            && !value.Contains("://", StringComparison.Ordinal) && value.IndexOf('/') < 0 && !FormatString(value, symbols);
    }

    // "%s:%s@tcp(%s)": a format string holds its holes more than once or little else; a generated key may hold one "%s" among
    // its many symbols by chance (Django's "…6y*h_j+a%s", probe 27).
    private static bool FormatString(ReadOnlySpan<char> value, int symbols)
    {
        var hole = value.IndexOf("%s", StringComparison.Ordinal);
        return hole >= 0 && (value[(hole + 2)..].Contains("%s", StringComparison.Ordinal) || symbols < 8);
    }

    // psk=veSsJgZKpF58EZ: a WPA passphrase is 8–63 characters, shorter than the 16 an API key needs.
    private static bool ShortPsk(ReadOnlySpan<char> name, ReadOnlySpan<char> value) =>
        name.Equals("psk", StringComparison.OrdinalIgnoreCase) && value.Length is >= 8 and < 16 && HasDigitAndLetter(value) && !Placeholder(value);

    /// <summary>&lt;Pass encoding="base64"&gt;value&lt;/Pass&gt; at the trigger <paramref name="at"/> (just past '&lt;').</summary>
    private static bool PasswordElement(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        var name = rest.IndexOfAny(" >");
        if (name <= 0 || rest[name] != ' ' || !(rest[..name].Equals("pass", StringComparison.OrdinalIgnoreCase) || rest[..name].Equals("password", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var close = rest.IndexOfAny("\n>");
        if (close < 0 || rest[close] != '>' || rest[close - 1] == '/')
        {
            return false;
        }

        var value = rest[(close + 1)..];
        var end = value.IndexOfAny("<\n");
        value = end < 0 ? [] : value[..end].Trim();
        return value.Length >= 6 && value.IndexOf(' ') < 0 && !Placeholder(value);
    }

    /// <summary>A Go MySQL DSN's password: <c>user:pass@tcp(</c> or <c>@unix(</c>, the trigger <paramref name="at"/> on the '@'.</summary>
    private static bool GoDsnPassword(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && text[start - 1] is not (' ' or '"' or '\'' or '`' or '\n' or '\t' or '='))
        {
            start--;
        }

        var userInfo = text[start..at];
        var colon = userInfo.IndexOf(':');
        if (colon <= 0 || colon == userInfo.Length - 1)
        {
            return false;
        }

        var password = userInfo[(colon + 1)..];
        return password.Length >= 6 && !Placeholder(password) && password.IndexOf('%') < 0 && !password.Equals(userInfo[..colon], StringComparison.OrdinalIgnoreCase)
            && !CapitalNames(userInfo);
    }

    // %2F in an OAuth code: every character outside the key characters is a percent escape.
    private static bool PercentEncoded(ReadOnlySpan<char> value)
    {
        for (var k = value.IndexOfAnyExcept(KeyValueChars); k >= 0; k = value.IndexOfAnyExcept(KeyValueChars))
        {
            if (value[k] != '%' || k + 2 >= value.Length || !char.IsAsciiHexDigit(value[k + 1]) || !char.IsAsciiHexDigit(value[k + 2]))
            {
                return false;
            }

            value = value[(k + 3)..];
        }

        return true;
    }
}
