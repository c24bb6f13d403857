namespace Majordomo.Classification;

/// <summary>
/// Secret nouns in what browser and computer-use agents read (after the blind probe <c>sensitive-lookalikes-32</c>, read by category
/// in the eighteenth session; <c>SensitiveBrowserAgentTests</c>): a field's label in a page snapshot with nothing typed after it, the
/// "Ran Playwright code" header over a code block, a notice's example password, a booking's or a payment's reference after a code's
/// noun, a statement's amounts and masked last digits after an id's noun; and a Turkish code shaped like a year after the possessive noun.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>The guards for agents' pages: what follows the noun ending at <paramref name="end"/> is no value of it.</summary>
    private static bool BrowserPageNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        SnapshotLabel(text, end) || (IsCodeWord(phrase) && CodeBlockAfter(text, end)) || (want == Want.Word && ExampleBefore(text, at))
        || ((IsCodeWord(phrase) || phrase.EndsWith("code", StringComparison.Ordinal)) && (TravelReference(text, at, end) || PaymentReference(text, at, end)))
        || (want is Want.Digits or Want.Account or Want.Personal && OnlyTailsAndAmounts(text, end));

    /// <summary>
    /// An accessibility snapshot's field: the label's closing quote, then its attributes in brackets (<c>"Password" [ref=e8]</c>). What
    /// was typed follows a colon (<c>[ref=e8]: …</c>); "(empty)", the next element or the line's end is no value.
    /// </summary>
    private static bool SnapshotLabel(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 80)];
        var quote = rest.IndexOfAny('"', '\n');
        if (quote < 0 || rest[quote] != '"' || quote > 30)
        {
            return false;
        }

        rest = rest[(quote + 1)..];
        if (!rest.StartsWith(" [", StringComparison.Ordinal))
        {
            return false;
        }

        while (rest.StartsWith(" [", StringComparison.Ordinal) && rest.IndexOf(']') is > 0 and var close)
        {
            rest = rest[(close + 1)..];
        }

        return rest is not [':', ..];
    }

    // "### Ran Playwright code" over a fenced block: the noun is source code, and the block's numbers are the code's.
    private static bool CodeBlockAfter(ReadOnlySpan<char> text, int end) =>
        text[end..Math.Min(text.Length, end + 8)].TrimStart(" \t\r\n").StartsWith("```", StringComparison.Ordinal);

    // Words that show what follows as an example ("Example of a weak password: Summer2024!", "Ejemplo de contraseña débil: …").
    private static readonly IgnoreCaseWords NoticeExampleWords = new(
        ["example", "ejemplo", "exemple", "beispiel", "esempio", "exemplo", "przykład", "voorbeeld", "пример", "例えば", "例如", "예시"]);

    /// <summary>An example's word on the noun's line in the 40 characters before it: a notice's or a guide's example, nobody's password.</summary>
    internal static bool ExampleBefore(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 40)..at];
        before = before[(before.LastIndexOfAny('\n', '.') + 1)..];
        foreach (var word in NoticeExampleWords.For(before))
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A trip's words near a booking's code: the code is its record locator, printed on every ticket and e-mail with the name.
    private static readonly IgnoreCaseWords TravelWords = new(
    [
        "flight", "check in", "check-in", "checkin", "check me in", "hotel", "booking", "reservation", "itinerary", "airline", "boarding",
        "last name", "surname", "vuelo", "reserva", "réservation", "vol ", "flug", "buchung", "enregistre",
    ]);

    /// <summary>
    /// "confirmation code is KX7Q2M, last name Whitfield" for a flight's check-in: five to eight capitals and digits, letters among them,
    /// with a trip's word within 160 characters. A sign-in's code of digits, or with no trip near, stays a code.
    /// </summary>
    private static bool TravelReference(ReadOnlySpan<char> text, int at, int end)
    {
        var value = FirstToken(text, end);
        if (value.Length is < 5 or > 8 || value.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") >= 0 || value.IndexOfAnyInRange('A', 'Z') < 0)
        {
            return false;
        }

        var around = text[Math.Max(0, at - 160)..Math.Min(text.Length, end + 160)];
        foreach (var word in TravelWords.For(around))
        {
            if (around.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// PayPal's "Transaktionscode 7KD20931MX4481530": a payment's id on every receipt, twelve to twenty capitals and digits of both kinds
    /// after a transaction's code noun; a one-time code is digits.
    /// </summary>
    private static bool PaymentReference(ReadOnlySpan<char> text, int at, int end)
    {
        var word = text[..at];
        var start = word.Length;
        while (start > 0 && char.IsLetter(word[start - 1]))
        {
            start--;
        }

        var name = word[start..].TrimEnd();
        if (!(name.Equals("transaktions", StringComparison.OrdinalIgnoreCase) || word.TrimEnd().EndsWith("transaction", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var value = FirstToken(text, end);
        return value.Length is >= 12 and <= 20 && value.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") < 0
            && value.IndexOfAnyInRange('A', 'Z') >= 0 && value.IndexOfAnyInRange('0', '9') >= 0;
    }

    // The first word after the noun and its connector ("is", ':'), trimmed of the clause's punctuation.
    private static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 48)].TrimStart(" :\t");
        if (rest.StartsWith("is ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("es ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[3..].TrimStart(' ');
        }

        var stop = rest.IndexOfAny(" \t\r\n,;.)");
        return stop < 0 ? rest : rest[..stop];
    }

    /// <summary>
    /// A payslip's or a page's lines after an id's noun holding only amounts and masked last digits ("Medicare 66.92 … Net pay 3,408.36 …
    /// Account ••••8826", "银行卡 … 尾号9161"): every number in the 120 characters after the noun is money, a date's part, or a tail behind a
    /// mask or an "ending" word, and one tail at least. An id written in full among them is a value.
    /// </summary>
    private static bool OnlyTailsAndAmounts(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 120)];
        var tails = 0;
        for (var i = 0; i < window.Length;)
        {
            if (!char.IsAsciiDigit(window[i]))
            {
                i++;
                continue;
            }

            var stop = i;
            while (stop < window.Length && (char.IsAsciiDigit(window[stop]) || (window[stop] is ',' or '.' && stop + 1 < window.Length && char.IsAsciiDigit(window[stop + 1]))))
            {
                stop++;
            }

            var run = window[i..stop];
            if (Tail(window, i))
            {
                tails++;
            }
            else if (!(Amount(run) || (run.Length <= 2 && !Glued(window, i, stop)) || (run.Length == 4 && stop < window.Length && window[stop] is '年' or '/' or '-')))
            {
                return false;
            }

            i = stop;
        }

        return tails > 0;
    }

    // Money: digits with two decimals after a point or a comma (66.92, 3,408.36, 2.731,44).
    private static bool Amount(ReadOnlySpan<char> run) => run.Length >= 4 && run[^3] is '.' or ',' && run.IndexOfAnyExcept("0123456789.,") < 0;

    // A number glued to letters is part of a code ("X4QK-7TRB9L"), however short.
    private static bool Glued(ReadOnlySpan<char> window, int start, int stop) =>
        (start > 0 && char.IsAsciiLetter(window[start - 1])) || (stop < window.Length && char.IsAsciiLetter(window[stop]));

    // Last digits behind a mask of two marks or more (••••8826, ****5521, XXX-XX-4417), an ellipsis (…2051) or an "ending" word (尾号9161,
    // 末尾 3309). One X before digits is a code's letter ("X4QK").
    private static bool Tail(ReadOnlySpan<char> window, int i)
    {
        var before = window[..i].TrimEnd(" -");
        var marks = before.Length - before.TrimEnd("•*●＊Xx").Length;
        return (marks >= 2 && (marks == before.Length || !char.IsLetter(before[^(marks + 1)]))) || before is [.., '…'] || EndingBefore(before);
    }

    private static bool EndingBefore(ReadOnlySpan<char> before)
    {
        foreach (var ending in EndingWords.For(before))
        {
            if (before.EndsWith(ending.TrimEnd(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Words that ask to log in, before a bracketed user and secret pair.
    private static readonly string[] LoginWords = ["log in", "log into", "login", "sign in", "sign into", "anmelden", "einloggen", "iniciar sesión", "entra en", "connecte", "accedi"];

    /// <summary>
    /// The user of a slash pair (ending at <paramref name="slash"/>) in a bracket opened at most 40 characters before, after a log-in's
    /// words in the 60 characters before it: "log into my hetzner account (K0831122947 / …)", "einloggen (Anmeldename kfrey_1977 / …)".
    /// </summary>
    private static bool LoginPairBefore(ReadOnlySpan<char> text, int slash)
    {
        var before = text[Math.Max(0, slash - 100)..slash];
        var open = before.LastIndexOf('(');
        if (open < 0 || before.Length - open > 40 || before[(open + 1)..].IndexOfAny("\n)") >= 0)
        {
            return false;
        }

        var ask = before[Math.Max(0, open - 60)..open];
        foreach (var word in LoginWords)
        {
            if (ask.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Turkish puts a code shaped like a year after the possessive noun and before the verb: "kapı şifresi notuna 1907 yaz", "kasanın
    /// şifresi hâlâ 1995". A year dating the noun carries its own suffix or noun ("2011'de", "1995 yılında"); read within two words.
    /// </summary>
    private static bool TurkishYearCode(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (phrase is not ("şifre" or "sifre") || end - at <= phrase.Length)
        {
            return false;
        }

        var rest = text[end..Math.Min(text.Length, end + 40)];
        for (var word = 0; word < 3; word++)
        {
            rest = rest.TrimStart(' ');
            var length = rest.IndexOfAny(" ,.;!?\n");
            var token = length < 0 ? rest : rest[..length];
            if (token.Length == 4 && token.IndexOfAnyExceptInRange('0', '9') < 0 && token[0] is '1' or '2' && token[1] is '9' or '0')
            {
                var next = rest[4..].TrimStart(' ');
                return !(next.StartsWith("yıl", StringComparison.OrdinalIgnoreCase) || next.StartsWith("sene", StringComparison.OrdinalIgnoreCase));
            }

            if (length < 0 || token.IndexOfAnyInRange('0', '9') >= 0)
            {
                return false;
            }

            rest = rest[length..];
        }

        return false;
    }
}
