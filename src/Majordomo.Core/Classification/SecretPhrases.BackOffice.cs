namespace Majordomo.Classification;

/// <summary>
/// Work inboxes and back-office material (probe 26): support tickets, CRM tool results, HR forms, payroll and invoices. A noun
/// that is a redaction tag ("replace SSNs with [SSN]") or whose value a bot replaced ("cvv [REDACTED], order 4024-0071-53") names
/// no later number; a value the prompt declares a dummy in its language ("ダミーの 123456789018", "CPF fictício …") is no one's;
/// a PIN weighed before its noun ("is 4471 OK as the PIN?") is a PIN; an SSN's last four beside a date of birth are the answers
/// that verify a caller.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>
    /// The noun at <paramref name="at"/> stands alone inside brackets: a redaction tag ("[SSN]", "&lt;PASSPORT&gt;", "{{iban}}",
    /// "[CARD REDACTED]") that names what replaced a value, not the value after it.
    /// </summary>
    internal static bool RedactionTag(ReadOnlySpan<char> text, int at)
    {
        if (at == 0 || text[at - 1] is not ('[' or '<' or '{' or '【'))
        {
            return false;
        }

        var inside = text[at..Math.Min(text.Length, at + 32)];
        var close = inside.IndexOfAny("]>}】");
        // An XML element ("<password>Wr4n…</password>") holds its value: an angle bracket is a tag only in capitals ("<PASSPORT>").
        return close > 0 && !inside[..close].ContainsAnyInRange('0', '9') && inside[..close].IndexOfAny("[<{\n") < 0
            && !(text[at - 1] == '<' && inside[..close].ContainsAnyInRange('a', 'z')) && !FieldColon(text, at + close + 1);
    }

    /// <summary>
    /// The value after the noun ending at <paramref name="end"/> is a redaction marker ("cvv [REDACTED], …", "IBAN : [MASQUÉ]",
    /// "Kartennummer [GESCHWÄRZT]", "numbers with [CARD]"): the noun's value was taken out, and a number further on is another
    /// field's. Not a bracket that labels the value after it ("Passwort [neu]: Sommer…").
    /// </summary>
    internal static bool RedactedAfter(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 64)];
        var i = 0;
        for (var words = 0; i < rest.Length; words++)
        {
            var skip = rest[i..].IndexOfAnyExcept(" \t:=：'\"");
            i = skip < 0 ? rest.Length : i + skip;
            if (i >= rest.Length || rest[i] is '[' or '<' or '【' || words == 2)
            {
                break;
            }

            var word = i;
            while (i < rest.Length && (char.IsLetter(rest[i]) || rest[i] is '-' or '>' && i > word))
            {
                i++;
            }

            if (i == word || !OneOf(rest[word..i], RedactionConnectors))
            {
                return false;
            }
        }

        if (i >= rest.Length || rest[i] is not ('[' or '<' or '【'))
        {
            return false;
        }

        var inside = rest[(i + 1)..];
        var close = inside.IndexOfAny("]>】");
        return close > 0 && !inside[..close].ContainsAnyInRange('0', '9') && inside[..close].ContainsAnyExcept(" *xX•.-_")
            && !FieldColon(rest, i + 1 + close + 1);
    }

    // Words between a noun and the marker that replaced its value ("by", "with", "door", "durch", "par", "por", "→").
    private static readonly string[] RedactionConnectors =
    [
        "with", "by", "to", "into", "as", "is", "was", "->", "door", "naar", "durch", "mit", "zu", "ist", "par", "en", "est", "por", "con", "es", "pelo", "pela",
        "com", "é", "na", "w", "z", "da", "di", "in", "è",
    ];

    // A colon or an equals sign right after a bracket: the bracket labels the value that follows ("[SSN]: 078…").
    private static bool FieldColon(ReadOnlySpan<char> text, int from)
    {
        var next = from < text.Length ? text[from..].IndexOfAnyExcept(" \t") : -1;
        return next >= 0 && text[from + next] is ':' or '=' or '：';
    }

    // Words that declare a value a dummy, a fictitious or a test value, in the languages of the corpus (substrings, lower case).
    private static readonly string[] DummyWords =
    [
        "dummy", "ダミー", "더미", "假的", "假身份", "虚构", "虚拟", "非真实", "不是真", "テスト用", "테스트용", "测试用", "测试数据", "fictício", "ficticio",
        "fictif", "fictive", "fittizi", "fictitious", "фиктивн", "вымышлен", "kein echter", "keine echte", "not a real", "not real", "não é de ninguém",
        "de nadie", "erfunden", "wymyślon", "testowy", "sahte", "palsu",
    ];

    /// <summary>
    /// The number at <paramref name="start"/> is declared a dummy: a dummy word in its clause before it ("テストはダミーの …",
    /// "테스트용 더미 주민번호 …", "el DNI ficticio …") or in brackets right after it ("（测试数据，非真实）", "(kein echter Wert)").
    /// </summary>
    internal static bool DeclaredDummy(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 48)..start];
        before = before[(before.LastIndexOfAny(".!?;\n\r。？！") + 1)..];
        if (ContainsStem(before, DummyWords))
        {
            return true;
        }

        // The value's own characters (digits, capitals, dots, dashes, slashes, a space before a digit), then a bracket.
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || char.IsAsciiLetterUpper(text[i])
            || (text[i] is '.' or '-' or '/' or ' ' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }

        var after = text[i..].TrimStart(' ');
        if (after.IsEmpty || after[0] is not ('(' or '（'))
        {
            return false;
        }

        var inside = after[..Math.Min(after.Length, 40)];
        var close = inside.IndexOfAny(")）");
        return ContainsStem(close < 0 ? inside : inside[..close], DummyWords);
    }

    /// <summary>The first number in the 80 characters after the noun ending at <paramref name="end"/> is declared a dummy.</summary>
    private static bool DummyAfterNoun(ReadOnlySpan<char> text, int end)
    {
        var digit = text[end..Math.Min(text.Length, end + 80)].IndexOfAnyInRange('0', '9');
        return digit >= 0 && DeclaredDummy(text, end + digit);
    }

    // Any of the words as a substring (stems: "фиктивн" stands for every ending); SecretPhrases.Everyday's ContainsAny reads whole words.
    private static bool ContainsStem(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A PIN weighed before its noun at <paramref name="at"/> ("is 7302 too obvious as the PIN", "2958 als PIN", "8146 comme code
    /// PIN", "6093 como PIN"): four to eight digits, up to two words, a connector (as, als, comme, como, come, jako) and up to two
    /// words (an article, a possessive, "code") before the noun. Not a count ("2026 tickets"), a year after a time's preposition
    /// ("Dal 2025 come PIN"), nor a number a public noun names.
    /// </summary>
    internal static bool PinBeforeNoun(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        for (var words = 0; words <= 2; words++)
        {
            var word = PreviousWord(text, ref i);
            if (OneOf(word, PinConnectors))
            {
                return NumberBefore(text, i);
            }

            if (word.IsEmpty || !OneOf(word, PinFillers))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly string[] PinConnectors = ["as", "als", "comme", "como", "come", "jako", .. WorldPinConnectors];

    private static readonly string[] PinFillers =
    [
        "the", "a", "an", "my", "our", "your", "her", "his", "their", "new", "der", "die", "das", "den", "dem", "meine", "mein", "meinen", "unsere",
        "neue", "neuen", "le", "la", "les", "mon", "ma", "notre", "nouveau", "el", "mi", "nuestro", "nuevo", "o", "meu", "minha", "novo", "nova",
        "il", "lo", "mio", "mia", "nuovo", "de", "het", "mijn", "onze", "nieuwe", "mój", "moj", "nowy", "code", "codice", "código", "pin",
        .. WorldPinFillers,
    ];

    private static readonly string[] JudgingWords =
    [
        "too", "so", "really", "very", "ok", "okay", "good", "fine", "safe", "secure", "enough", "strong", "weak", "easy", "obvious", "simple", "bad",
        "zu", "einfach", "leicht", "sicher", "gut", "trop", "facile", "bien", "sûr", "demasiado", "fácil", "seguro", "bueno", "muito", "fraco",
        "troppo", "semplice", "sicuro", "te", "makkelijk", "veilig", "zbyt", "łatwy", "dobry",
        "work", "works", "do", "funktioniert", "reicht", "marche", "sirve", "funciona", "serve", "va", "werkt", "działa",
    ];

    private static readonly string[] TimePrepositions =
    [
        "in", "since", "from", "until", "till", "dal", "dallo", "fino", "seit", "im", "bis", "ab", "desde", "hasta", "en", "depuis", "em", "até", "od",
        "do", "w", "sinds", "vanaf", "tot",
    ];

    // Four to eight digits standing alone before the connector (up to two words between), not a count, a year or a public number.
    private static bool NumberBefore(ReadOnlySpan<char> text, int i)
    {
        for (var words = 0; words <= 2; words++)
        {
            var end = SpacesBefore(text, i);
            var j = end;
            while (j > 0 && char.IsAsciiDigit(text[j - 1]))
            {
                j--;
            }

            if (end - j is >= 4 and <= 8 && (j == 0 || !(char.IsLetterOrDigit(text[j - 1]) || text[j - 1] is '#' or '.' or ',' or '-' or '/' or '+')))
            {
                var k = j;
                var previous = PreviousWord(text, ref k);
                var year = end - j == 4 && text[j] is '1' or '2' && text[j + 1] is '9' or '0';
                return !CountAfter(text[end..].TrimStart(' ')) && !(year && OneOf(previous, TimePrepositions)) && !NamesPublicNumber(previous);
            }

            if (end != j)
            {
                return false;
            }

            // Only words that judge the number stand between it and the connector ("is 7302 too obvious as the PIN"); a noun
            // there is what the number counts ("1250 tickets as PIN resets").
            var word = PreviousWord(text, ref i);
            if (!OneOf(word, JudgingWords))
            {
                return false;
            }
        }

        return false;
    }

    private static int SpacesBefore(ReadOnlySpan<char> text, int i)
    {
        while (i > 0 && text[i - 1] is ' ' or '\t')
        {
            i--;
        }

        return i;
    }

    /// <summary>The word (letters only) ending before <paramref name="i"/> past spaces; <paramref name="i"/> moves to its start.</summary>
    internal static ReadOnlySpan<char> PreviousWord(ReadOnlySpan<char> text, ref int i)
    {
        var end = SpacesBefore(text, i);
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        if (start == end)
        {
            return [];
        }

        i = start;
        return text[start..end];
    }

    private static readonly string[] LastFourWords =
    [
        "last four", "last 4", "last4", "last_4", "últimos cuatro", "últimos 4", "letzten vier", "letzte vier", "letzten 4", "quatre derniers",
        "4 derniers", "ultime quattro", "ultime 4", "últimos quatro",
    ];

    private static readonly string[] SsnWords = ["ssn", "social security", "seguro social", "seguridad social", "itin", "sécurité sociale"];

    private static readonly string[] BirthWords =
    [
        "dob", "birth", "born", "nacimiento", "nacid", "geboren", "geb.", "geburtsdatum", "naissance", "né le", "née le", "nascimento", "nascid",
        "nata il", "nato il",
    ];

    /// <summary>
    /// Four digits after an SSN's "last four" ("SSN last four 8812", <c>"ssn_last4": "3306"</c>) with a date of birth near: the
    /// answers that verify a caller and unlock an account's payout (a last four alone stays a masked value).
    /// </summary>
    internal static bool VerifiedLastFour(ReadOnlySpan<char> text, int start)
    {
        if (start + 4 > text.Length || text.Slice(start, 4).IndexOfAnyExceptInRange('0', '9') >= 0 || (start + 4 < text.Length && char.IsAsciiDigit(text[start + 4])))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 48)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        if (!ContainsAny(before, LastFourWords) || !ContainsAny(before, SsnWords))
        {
            return false;
        }

        var around = text[Math.Max(0, start - 240)..Math.Min(text.Length, start + 240)];
        foreach (var word in BirthWords)
        {
            var hit = around.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && around[(hit + word.Length)..Math.Min(around.Length, hit + word.Length + 32)].ContainsAnyInRange('0', '9'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A month and a day with a slash ("12/20", "3/5"): a form's deadline, no account's or id's value.</summary>
    private static bool MonthDay(ReadOnlySpan<char> run)
    {
        var slash = run.IndexOf('/');
        if (slash is < 1 or > 2 || run.Length - slash - 1 is < 1 or > 2 || run[(slash + 1)..].IndexOfAnyExceptInRange('0', '9') >= 0
            || run[..slash].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var month = int.Parse(run[..slash], System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(run[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static readonly string[] PlaceArticles = ["the", "this", "that", "his", "her", "my", "a", "dem", "der", "den", "le", "la", "el", "o", "il", "lo", "de", "het"];

    private static readonly string[] PlacePrepositions = ["on", "auf", "sur", "en", "no", "na", "sul", "sullo", "op", "in", "from", "of", "von", "du", "do", "da", "del"];

    private static readonly string[] CardNouns = ["card", "karte", "carte", "tarjeta", "cartão", "carta", "kaart", "karta"];

    /// <summary>
    /// A card's noun, a preposition of place and an article before the public noun at <paramref name="at"/> ("the card on this
    /// receipt", "die Karte auf dem Beleg"): the noun names the document the card is printed on.
    /// </summary>
    internal static bool CardOnDocument(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        var word = PreviousWord(text, ref i);
        if (OneOf(word, PlaceArticles))
        {
            word = PreviousWord(text, ref i);
        }

        if (!OneOf(word, PlacePrepositions))
        {
            return false;
        }

        word = PreviousWord(text, ref i);
        return OneOf(word, CardNouns);
    }
}
