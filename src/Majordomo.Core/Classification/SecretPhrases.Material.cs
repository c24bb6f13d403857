namespace Majordomo.Classification;

/// <summary>
/// Secrets carried as the material of a task (after the blind probe <c>sensitive-lookalikes-31</c>, read by category in the seventeenth
/// session), the phrase rules' side: a verification code's noun is no receipt's authorisation code; a format asked about with examples
/// that count up (<c>12345678909</c>, <c>123.456.789-09</c>) shows no one's number. The digit rules' side is
/// <see cref="SensitiveScanner"/>'s <c>MaterialNumber</c>.
/// </summary>
internal static partial class SecretPhrases
{
    // The nouns of a one-time or verification code (SMS and app codes), CJK first.
    private static readonly string[] OneTimeCodeNouns =
    [
        "验证码", "驗證碼", "校验码", "动态码", "认证码", "認証コード", "確認コード", "인증번호", "verification code", "one-time code", "otp",
        "bestätigungscode", "code de vérification", "código de verificación", "código de verificação", "codice di verifica",
    ];

    // The noun and its code right after it, three characters at most between ("验证码为 730418", "code: 551093"): a ticket that says
    // "收不到验证码" (the code never came) beside a masked phone keeps the receipt's reading.
    private static bool OneTimeCodeNoun(ReadOnlySpan<char> rest)
    {
        foreach (var noun in OneTimeCodeNouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                var digit = rest[noun.Length..].IndexOfAnyInRange('0', '9');
                return digit is >= 0 and <= 3;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the first number after the noun ending at <paramref name="end"/>, in its line (60 characters), is named public by the word
    /// just before it ("fel konto och med fel OCR-nummer (fakturanummer 70031-2026)": an invoice's number, not the account's) and no
    /// longer number of six or more digits follows it there.
    /// </summary>
    private static bool OwnPublicName(ReadOnlySpan<char> text, int end)
    {
        var region = text[end..Math.Min(text.Length, end + 60)];
        var newline = region.IndexOfAny('\n', '\r');
        region = newline >= 0 ? region[..newline] : region;
        var digit = region.IndexOfAnyInRange('0', '9');
        if (digit <= 0)
        {
            return false;
        }

        var stop = region[..digit].TrimEnd(" (:#.").Length;
        var from = stop;
        while (from > 0 && char.IsLetter(region[from - 1]))
        {
            from--;
        }

        if (from == stop || !NamesPublicNumber(region[from..stop]) || !EndsWithNumberNoun(region[from..stop]))
        {
            return false;
        }

        var run = region[digit..].IndexOfAnyExcept("0123456789-/ ");
        var rest = run < 0 ? [] : region[(digit + run)..];
        var later = rest.IndexOfAnyInRange('0', '9');
        return later < 0 || rest[later..].IndexOfAnyExceptInRange('0', '9') is >= 0 and < 6;
    }

    // A compound that says "number" ("fakturanummer", "Kundennummer"): the noun names this number, not the place it is used (a parcel
    // locker's "kod do paczkomatu 884213" keeps its code).
    private static readonly string[] NumberNounEnds = ["nummer", "number", "numero", "número", "numéro", "nr", "номер", "番号", "번호"];

    private static bool EndsWithNumberNoun(ReadOnlySpan<char> word)
    {
        foreach (var end in NumberNounEnds)
        {
            if (word.EndsWith(end, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every number of six or more digits after the noun ending at <paramref name="end"/>, in its line (up to 120 characters),
    /// counts up with an example's cue (<see cref="SensitiveScanner.CountingExample"/>), and there is one: a format's example, not a value.
    /// </summary>
    private static bool CountingExamplesAfter(ReadOnlySpan<char> text, int end)
    {
        var region = text[end..Math.Min(text.Length, end + 120)];
        var newline = region.IndexOfAny('\n', '\r');
        region = newline >= 0 ? region[..newline] : region;
        var found = false;
        for (var i = 0; i < region.Length; i++)
        {
            if (!char.IsAsciiDigit(region[i]) || (i > 0 && (char.IsAsciiLetterOrDigit(region[i - 1]) || region[i - 1] is '.' or '-')))
            {
                continue;
            }

            var length = 0;
            var digits = 0;
            while (i + length < region.Length && (char.IsAsciiDigit(region[i + length]) || region[i + length] is '.' or '-' or ' ' && i + length + 1 < region.Length && char.IsAsciiDigit(region[i + length + 1])))
            {
                digits += char.IsAsciiDigit(region[i + length]) ? 1 : 0;
                length++;
            }

            if (digits >= 6)
            {
                if (!SensitiveScanner.CountingExample(text, end + i))
                {
                    return false;
                }

                found = true;
            }

            i += length;
        }

        return found;
    }
}
