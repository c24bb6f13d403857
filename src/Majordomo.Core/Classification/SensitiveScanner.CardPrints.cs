namespace Majordomo.Classification;

/// <summary>
/// Ids as their cards print them, after the train file <c>sensitive-categories-19</c> (probe 17's categories, docs/CLASSIFIER.md
/// "Probe 17's categories landed"): the Portuguese citizen card's document number (<c>14387526 4 ZX9</c>: the civil number, its
/// check digit, the version's two letters and a last check), told with no noun as the answer to a question; and a Japanese health
/// insurance card's or Japan Post Bank passbook's pair of a symbol and a number (<c>記号12 番号4471</c>), which no public number has.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// A Portuguese citizen card's number at <paramref name="start"/>: eight digits, a check digit, two capitals and a digit. In its
    /// print groups (<c>14387526 4 ZX9</c>) the shape alone is enough, whatever the checks (a mistyped number is still someone's);
    /// written as one run (<c>143875264ZX9</c>) only with the card's own check over all twelve characters.
    /// </summary>
    internal static bool CitizenCardNumber(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
        {
            return false;
        }

        var rest = text[start..];
        if (rest.Length < 12 || rest[..8].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var i = 8;
        var spaced = rest[i] == ' ';
        i += spaced ? 1 : 0;
        if (i + 4 > rest.Length || !char.IsAsciiDigit(rest[i]))
        {
            return false;
        }

        i++;
        if (spaced)
        {
            if (rest[i] != ' ')
            {
                return false;
            }

            i++;
        }

        if (i + 3 > rest.Length || !char.IsAsciiLetterUpper(rest[i]) || !char.IsAsciiLetterUpper(rest[i + 1]) || !char.IsAsciiDigit(rest[i + 2])
            || (i + 3 < rest.Length && char.IsLetterOrDigit(rest[i + 3])))
        {
            return false;
        }

        return spaced || CitizenCardCheck(rest[..(i + 3)]);
    }

    // The citizen card's check: letters count 10–35, every second value from the right doubled (less 9 past 9), the sum a multiple of 10.
    private static bool CitizenCardCheck(ReadOnlySpan<char> number)
    {
        var sum = 0;
        for (int k = number.Length - 1, position = 0; k >= 0; k--, position++)
        {
            var value = char.IsAsciiDigit(number[k]) ? number[k] - '0' : number[k] - 'A' + 10;
            if (position % 2 == 1)
            {
                value *= 2;
                value -= value > 9 ? 9 : 0;
            }

            sum += value;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// A symbol and a number as Japanese insurance cards and Japan Post Bank passbooks print them (<c>記号12 番号4471</c>,
    /// <c>記号：10140 番号：28391741</c>): digits right after 記号, then 番号 within three characters and its digits, four digits
    /// or more in all.
    /// </summary>
    internal static bool SymbolAndNumber(ReadOnlySpan<char> text, int start)
    {
        var before = text[..start].TrimEnd(" 　:：");
        if (!before.EndsWith("記号", StringComparison.Ordinal))
        {
            return false;
        }

        var symbol = text[start..].IndexOfAnyExceptInRange('0', '9');
        if (symbol is < 0 or > 8)
        {
            return false;
        }

        var rest = text[(start + symbol)..];
        var gap = rest.IndexOfAnyExcept(" 　、,，/・-");
        if (gap is < 0 or > 3 || !rest[gap..].StartsWith("番号", StringComparison.Ordinal))
        {
            return false;
        }

        var number = rest[(gap + 2)..].TrimStart(" 　:：");
        var digits = number.IndexOfAnyExceptInRange('0', '9');
        digits = digits < 0 ? number.Length : digits;
        return digits >= 1 && symbol + digits >= 4 && (digits == number.Length || !char.IsAsciiLetterOrDigit(number[digits]));
    }

    /// <summary>
    /// An app id that is an API key (<c>{'app_id': 'c41f…'}</c>, <c>appid=…</c>, <c>X-App-Id: …</c>: Open Exchange Rates, OpenWeatherMap
    /// and others name their key so): the name, <c>:</c> or <c>=</c>, and 16 or more letters and digits. Not a UUID (an Azure
    /// application's public id), not digits alone (a store's or a social network's public app number), not a WeChat appid.
    /// </summary>
    internal static bool AppIdKey(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        var name = rest.StartsWith("app_id", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("app-id", StringComparison.OrdinalIgnoreCase) ? 6
            : rest.StartsWith("appid", StringComparison.OrdinalIgnoreCase) ? 5 : 0;
        if (name == 0 || (at > 0 && char.IsLetterOrDigit(text[at - 1])) || (name < rest.Length && char.IsLetterOrDigit(rest[name])))
        {
            return false;
        }

        var i = name;
        while (i < rest.Length && rest[i] is '"' or '\'' or ' ' or '\t')
        {
            i++;
        }

        if (i >= rest.Length || rest[i] is not (':' or '='))
        {
            return false;
        }

        i++;
        while (i < rest.Length && rest[i] is '"' or '\'' or ' ' or '\t' or '>')
        {
            i++;
        }

        var value = rest[i..];
        var length = Run(value, TokenChars);
        value = value[..length];
        return length >= 16 && HasDigitAndLetter(value) && !Placeholder(value) && !Uuid(value) && !WeChatAppId(value);
    }

    // A WeChat (Mini Program, Official Account, Pay) appid: "wx" and 16 lower-case hex digits, public by design — the AppSecret and
    // the Pay API key are the secrets (probe 27, D33255).
    private static bool WeChatAppId(ReadOnlySpan<char> value) =>
        value.Length == 18 && value.StartsWith("wx", StringComparison.Ordinal) && value[2..].IndexOfAnyExcept("0123456789abcdef") < 0;

    // 8-4-4-4-12 hex digits.
    private static bool Uuid(ReadOnlySpan<char> value) =>
        value.Length == 36 && value[8] == '-' && value[13] == '-' && value[18] == '-' && value[23] == '-' && value.IndexOfAnyExcept("0123456789abcdefABCDEF-") < 0;
}
