namespace Majordomo.Classification;

/// <summary>
/// Home, utilities and public services (after the probe <c>sensitive-lookalikes-43</c>, docs/CLASSIFIER.md "Probe 43 read by
/// category"): what follows an account's, an alarm's or an id's noun on a bill, a ticket list or a moving-house note and is no secret —
/// a biller's account code with letters in it, a list's next row number, a bank account's tail named as one in Japanese or Korean, a
/// utility's payer number in Russian and Ukrainian.
/// </summary>
internal static partial class SecretPhrases
{
    // An account's nouns whose value may be a biller's code ("Account number: A-4F19C27E", "acct NW-5520193", "Kundenkonto SW-4471922").
    private static readonly string[] AccountNounStems = ["account", "acct", "konto", "cuenta", "compte", "conto", "conta", "rekening", "счёт", "счет", "рахун"];

    /// <summary>The guard of <see cref="NotAValue"/> for the home and utility files (probe 43).</summary>
    private static bool HouseholdNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        (StemIn(phrase, AccountNounStems) && LetterCodeAfter(text, end))
        || (want is Want.Digits or Want.Lock && RowNumberOnNextLine(text, end))
        || (want is Want.Digits or Want.Account or Want.Personal && TailNamedAfter(text, end));

    /// <summary>
    /// The first word holding a digit within 30 characters after <paramref name="end"/>, on the noun's line, is a code of one to four
    /// letters, a dash and five or more letters and digits ("A-4F19C27E", "NW-5520193"): a biller's or a shop's account reference. No
    /// bank prints an account that way (an IBAN has no dash after its country; domestic accounts are digits).
    /// </summary>
    private static bool LetterCodeAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 30)];
        var line = window.IndexOfAny('\n', '\r');
        window = line >= 0 ? window[..line] : window;
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var start = digit;
        while (start > 0 && (char.IsAsciiLetterOrDigit(window[start - 1]) || window[start - 1] == '-'))
        {
            start--;
        }

        return LetterCode(window[start..]);
    }

    /// <summary>
    /// <paramref name="word"/> starts with one to four ASCII letters and a dash, then five or more letters and digits with four digits or
    /// more ("NW-5520193", "A-4F19C27E"), and ends there.
    /// </summary>
    internal static bool LetterCode(ReadOnlySpan<char> word)
    {
        var letters = 0;
        while (letters < word.Length && char.IsAsciiLetter(word[letters]))
        {
            letters++;
        }

        if (letters is < 1 or > 4 || letters >= word.Length || word[letters] != '-')
        {
            return false;
        }

        var rest = word[(letters + 1)..];
        var length = 0;
        var digits = 0;
        while (length < rest.Length && char.IsAsciiLetterOrDigit(rest[length]))
        {
            digits += char.IsAsciiDigit(rest[length]) ? 1 : 0;
            length++;
        }

        return length >= 5 && digits >= 4 && (length == rest.Length || !char.IsLetterOrDigit(rest[length]) && rest[length] != '-');
    }

    /// <summary>
    /// The noun's line ends without its value (no digit after the noun, no ':', '=' or '?' at its end) and the next line starts with a
    /// number heading a row ("smoke alarm chirping\n#4413 Flat 9: …", "Alarm der Tiefgarage löst aus\n2294 Tür klemmt"): a ticket's or a
    /// list's next item, not the noun's value.
    /// </summary>
    private static bool RowNumberOnNextLine(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..];
        var line = rest.IndexOf('\n');
        if (line < 0)
        {
            return false;
        }

        var own = rest[..line].TrimEnd(" \t\r");
        if (own.IndexOfAnyInRange('0', '9') >= 0 || (own.Length > 0 && own[^1] is ':' or '=' or '?' or '-' or '–' or '—'))
        {
            return false;
        }

        var next = rest[(line + 1)..].TrimStart(" \t");
        next = next.StartsWith('#') ? next[1..] : next;
        var digits = 0;
        while (digits < next.Length && char.IsAsciiDigit(next[digits]))
        {
            digits++;
        }

        return digits >= 2 && digits + 1 < next.Length && next[digits] == ' ' && char.IsUpper(next[digits + 1]);
    }

    // Words that say only an account's or a card's last digits follow ("口座番号下4桁 3301", "계좌 뒷자리 4412", "尾号 6630").
    private static readonly string[] TailWords =
    [
        "下4桁", "下四桁", "下４桁", "末尾", "下4ケタ", "뒷자리", "끝자리", "뒤 4자리", "뒤4자리", "尾号", "尾號", "后四位", "後四位", "末四位", "后4位", "後4位",
        "last 4", "last four", "ending in", "ends in", "letzten vier", "letzte vier", "letzten 4", "endet auf", "endend auf", "terminant par",
        "se terminant", "termina en", "terminada en", "termina con", "terminante", "terminado em", "eindigend op", "eindigt op", "kończąc", "końcówka",
        "последние 4", "последние четыре", "заканчивается на", "останні 4", "sonu",
        // Probe 49: the verb without its preposition ("IBAN ends 6769", "IBAN endet 3318").
        " ends ", " endet ",
        // Probe 54: Italian, French and Portuguese verbs ("il nuovo IBAN finisce con 4471").
        "finisce con", "finisce in", "termina per", "se termine par", "termine par", "termina em", "acaba em", "acaba en", "eindigt met",
    ];

    /// <summary>
    /// Between the noun ending at <paramref name="end"/> and the first run of three digits or more within 24 characters stands a word
    /// that says only the last digits follow: a masked tail, not the account (docs/LABELLING.md, "ending in"). Not wider: from an
    /// account's noun further back, a Korean id's "뒷자리" (its back digits, told) would read as a tail (train's T67145).
    /// </summary>
    private static bool TailNamedAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 24)];
        for (var k = 0; k < window.Length; k++)
        {
            if (k + 2 < window.Length && char.IsAsciiDigit(window[k]) && char.IsAsciiDigit(window[k + 1]) && char.IsAsciiDigit(window[k + 2]))
            {
                return ContainsAny(window[..k], TailWords);
            }
        }

        return false;
    }

    // A payer's number at a utility in Russian and Ukrainian ("лицевой счёт", "особовий рахунок"), and their abbreviations.
    private static readonly string[] PayerAccountNouns =
    [
        "лицевой счёт", "лицевой счет", "лицевого счёта", "лицевого счета", "лицевому счёту", "лицевому счету", "л/с", "особовий рахунок",
        "особового рахунку", "особового рахунка", "о/р",
    ];

    /// <summary>
    /// The digits at <paramref name="start"/> follow a payer's account's noun ("Лицевой счёт: 7712884019", "особовий рахунок 0800417725")
    /// within 40 characters ("Лицевой счёт за коммуналку 7710442893"; probe 54) and are fewer than twenty: a utility's or a housing
    /// company's number for the payer, a customer number
    /// (docs/LABELLING.md). A bank account is twenty digits (or an IBAN) and stays sensitive.
    /// </summary>
    internal static bool PayerAccountAt(ReadOnlySpan<char> text, int start)
    {
        if (!ContainsAny(text[Math.Max(0, start - 40)..start], PayerAccountNouns))
        {
            return false;
        }

        var count = 0;
        for (var k = start; k < text.Length && (char.IsAsciiDigit(text[k]) || (text[k] is ' ' or '-' && k + 1 < text.Length && char.IsAsciiDigit(text[k + 1]))); k++)
        {
            count += char.IsAsciiDigit(text[k]) ? 1 : 0;
        }

        return count < 20;
    }

    /// <summary>
    /// The digits at <paramref name="start"/> end a code of one to four letters and a dash (<see cref="LetterCode"/>: "acct NW-5520193")
    /// with an account's noun within 32 characters before it: a biller's account reference, not a bank's account.
    /// </summary>
    internal static bool LetterCodeAccountAt(ReadOnlySpan<char> text, int start)
    {
        if (start < 2 || text[start - 1] != '-')
        {
            return false;
        }

        var from = start - 1;
        while (from > 0 && char.IsAsciiLetter(text[from - 1]))
        {
            from--;
        }

        return (from == 0 || !char.IsLetterOrDigit(text[from - 1])) && LetterCode(text[from..Math.Min(text.Length, from + 40)])
            && StemIn(text[Math.Max(0, from - 32)..from], AccountNounStems);
    }

    /// <summary>
    /// The noun at <paramref name="at"/> follows a slash that joins it to another word of prose ("Anmeldename/Legitimations-ID 4471…",
    /// "username/PIN 4471"): the word before the slash stands after a space or a line's start, and a space, a colon or a comma follows
    /// the noun. A path (<c>/api/username/pin</c>, <c>config/password.txt</c>) has a slash or a dot around its words.
    /// </summary>
    private static bool SlashJoinedNoun(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (text[at - 1] != '/')
        {
            return false;
        }

        var from = at - 1;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '-'))
        {
            from--;
        }

        var end = at + phrase.Length;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return at - 1 - from >= 2 && (from == 0 || char.IsWhiteSpace(text[from - 1]) || text[from - 1] is '(' or '"' or '\'' or '«')
            && end < text.Length && text[end] is ' ' or ':' or ',';
    }

    /// <summary>
    /// A password's noun, then later in its sentence and line (up to 160 characters) a colon and a quoted value of one word with a letter
    /// and a digit ("Make this wifi password easier to say out loud for guests without changing it: 'Otter7-Lighthouse-Bramble'"): the
    /// value handed over at the end of the ask, past the 80 characters the noun's own value is read in. A quoted sentence is a notice.
    /// </summary>
    private static bool QuotedAfterColon(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 160)];
        var line = window.IndexOfAny('\n', '\r');
        window = line >= 0 ? window[..line] : window;
        for (var k = 0; k + 2 < window.Length; k++)
        {
            if (window[k] is '.' or '!' or '?' && window[k + 1] == ' ')
            {
                return false;
            }

            if (window[k] is not (':' or '：'))
            {
                continue;
            }

            var rest = window[(k + 1)..].TrimStart(' ');
            if (rest.Length < 3 || rest[0] is not ('\'' or '"' or '«' or '„' or '“' or '‘' or '「'))
            {
                return false;
            }

            rest = rest[1..].TrimStart(' ');
            var close = rest.IndexOfAny("'\"»“”’」");
            var value = close < 0 ? rest : rest[..close].TrimEnd(' ');
            return value.Length is >= 6 and <= 64 && value.IndexOfAny(' ', '\t') < 0 && value.ContainsAnyInRange('0', '9')
                && ContainsLetter(value) && !Placeholder(value);
        }

        return false;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
