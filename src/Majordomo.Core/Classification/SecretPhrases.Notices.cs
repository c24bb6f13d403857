namespace Majordomo.Classification;

/// <summary>
/// One-time codes inside a forwarded SMS or e-mail notification ("AMEX: Approval code 7Q42KD for 89.90 EUR", "618204 es tu
/// clave… No la compartas", "认证码739104，5分钟内有效"): the notification's noun or its "do not share" warning is the cue, and
/// the code may stand anywhere in the message — before the noun, after an amount, glued to a CJK noun, in brackets.
/// </summary>
internal static partial class SecretPhrases
{
    // Units and currencies after a number that make it an amount, a duration or a count rather than a code.
    private static readonly string[] NoticeUnits =
    [
        "eur", "€", "usd", "$", "gbp", "£", "zł", "pln", "руб", "₽", "р.", "円", "元", "원", "kr", "chf", "tl", "₺", "ms", "min", "minut", "minute",
        "sec", "seg", "sek", "s ", "h ", "hour", "hora", "stund", "heure", "час", "мин", "分", "秒", "時間", "小时", "시간", "초", "%", "x ", "px",
        "mb", "gb", "kb", "km", "kg", "m ", "digit", "stellig", "chiffre", "dígito", "cifr", "цифр", "位", "桁", "자리",
    ];

    /// <summary>
    /// A one-time code anywhere in the notification line that holds the noun or warning at <paramref name="at"/>; a warning
    /// that opens its line ("…code: 5092\nPlease don't share it") also covers the line before it, which it is about.
    /// </summary>
    private static bool NoticeCode(ReadOnlySpan<char> text, int at, int end, bool warning)
    {
        var from = Math.Max(0, at - 160);
        var to = Math.Min(text.Length, end + 160);
        var before = text[from..at];
        var lineStart = before.LastIndexOfAny('\n', '\r');
        if (warning && lineStart > 0 && OpensLine(before[(lineStart + 1)..]))
        {
            lineStart = before[..lineStart].TrimEnd("\r\n ").LastIndexOfAny('\n', '\r');
        }

        from = lineStart >= 0 ? from + lineStart + 1 : from;
        var lineEnd = text[end..to].IndexOfAny('\n', '\r');
        to = lineEnd >= 0 ? end + lineEnd : to;
        var window = text[from..to];
        for (var i = 0; i < window.Length; i++)
        {
            if ((i + from >= at && i + from < end) || !char.IsAsciiLetterOrDigit(window[i]) || (i > 0 && StandsInWord(window[i - 1])))
            {
                continue;
            }

            // A phone line after a call verb ("请拨打95555核实") is the bank's number, not a code (SensitiveScanner.Pasted).
            var length = CodeAt(window, i);
            // A year of a native calendar ("آذر ۱۴۰۴") and a helpline named after its number ("১৬২৩৪ নম্বরে যোগাযোগ") are public (SecretPhrases.OwnScripts).
            if (length > 0 && !DummyCode(window.Slice(i, length)) && !SensitiveScanner.CalledNumber(window, i) && !LastDigitsAt(window, i)
                && !CalendarYear(window, i, i + length) && !CalledAfter(window, i + length) && !MaskedTail(window, i)
                && !SensitiveScanner.ShownAsExample(window, i) && !YearSpan(window.Slice(i, length)))
            {
                return true;
            }

            while (i + 1 < window.Length && char.IsAsciiLetterOrDigit(window[i + 1]))
            {
                i++;
            }
        }

        return false;
    }

    // At most one short word ("Please", "And") before the warning on its line.
    private static bool OpensLine(ReadOnlySpan<char> head)
    {
        head = head.Trim(' ');
        foreach (var c in head)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return head.Length <= 8;
    }

    // A Latin letter or digit before a token glues it to a word; a CJK noun does not ("认证码739104"), nor "G-" ("G-482913").
    private static bool StandsInWord(char c) => char.IsAsciiLetterOrDigit(c) || (c is '.' or ',' or '+' or '$' or '€' or '£' or '/' or ':' or '#' or '_' or '=');

    /// <summary>
    /// The length of a code starting at <paramref name="i"/>: 4–8 digits, or two groups of three or four ("482 913"), or 5–8
    /// capitals and digits with two of each ("7Q42KD"); 0 for a year, a time, a decimal, an amount or a count with its unit.
    /// </summary>
    private static int CodeAt(ReadOnlySpan<char> w, int i)
    {
        var j = i;
        int digits = 0, letters = 0, groups = 1;
        while (j < w.Length)
        {
            var c = w[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                letters++;
            }
            else if (c is ' ' or '-' && letters == 0 && digits is 3 or 4 && groups == 1 && j + 4 < w.Length
                && w.Slice(j + 1, 3).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                groups++;
            }
            else
            {
                break;
            }

            j++;
        }

        // Glued to a Latin word, a decimal or a time after it: not a code.
        if (j < w.Length && (char.IsAsciiLetterLower(w[j]) || w[j] is '_' || (w[j] is '.' or ',' or ':' or '/' && j + 1 < w.Length && char.IsAsciiDigit(w[j + 1]))))
        {
            return 0;
        }

        // Part of a phone number or a list of numbers ("+44 20 7946 0958"), or a count of something ("1200 sent"): a code
        // in a notification ends its clause or is followed by the noun's verb ("7301 is your code", "618204 es tu clave").
        if ((i >= 2 && w[i - 1] == ' ' && char.IsAsciiDigit(w[i - 2])) || (j + 1 < w.Length && w[j] == ' ' && char.IsAsciiDigit(w[j + 1]))
            || !EndsCode(w[j..]))
        {
            return 0;
        }

        var token = w[i..j];
        if (letters > 0)
        {
            return token.Length is >= 5 and <= 8 && digits >= 2 && letters >= 2 && char.IsAsciiLetterUpper(token[0]) | char.IsAsciiDigit(token[0]) ? token.Length : 0;
        }

        if (digits is < 4 or > 8 || (groups > 1 && digits < 6))
        {
            return 0;
        }

        // A year, an amount, a duration or a count ("2026", "250 EUR", "5 minutes" is too short anyway, "1500 ms").
        if ((digits == 4 && token[0] is '1' or '2' && token[1] is '9' or '0') || Unit(w[j..]) || (i > 0 && w[i - 1] is '+' or '№' or '#'))
        {
            return 0;
        }

        return token.Length;
    }

    // What may follow a code: the end, punctuation, a CJK word, or the verb joining it to its noun.
    private static bool EndsCode(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(' ');
        if (after.IsEmpty || !char.IsLetterOrDigit(after[0]) || after[0] >= 0x2E80)
        {
            return true;
        }

        var word = after[..(after.IndexOfAnyExcept(LetterRange) is var k and >= 0 ? k : after.Length)];
        foreach (var verb in (ReadOnlySpan<string>)["is", "es", "est", "ist", "é", "è", "er", "jest", "är", "to", "это", "—", "kodunuz", "kodu", "sizin", "doğrulama", "onay", "your", "ваш", "als", "como", "comme", "as"])
        {
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> LetterRange =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèäöüåçşğıабвгдеёжзийклмнопрстуфхцчшщъыьэюя");

    private static bool Unit(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(' ');
        foreach (var unit in NoticeUnits)
        {
            if (after.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
