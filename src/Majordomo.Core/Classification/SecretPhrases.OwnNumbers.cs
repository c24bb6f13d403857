namespace Majordomo.Classification;

/// <summary>
/// Two readings of the number after an id's noun by what the noun's phrase says (the twentieth session, docs/CLASSIFIER.md
/// "Leftovers of probes 33 and 36"). A number counting up ("123456789") is a form's placeholder wherever a format or a test is
/// described, but typed after "my passport number is" it is the user's own (recall first: docs/LABELLING.md). And a year after an
/// insurance, social-security or tax number's noun ("Ändert sich die Versichertennummer 2027, wenn …") names when, not which: those
/// numbers are never four digits long.
/// </summary>
internal static partial class SecretPhrases
{
    // First-person possessives that open an id's noun phrase ("my passport number", "mi número de pasaporte", "meine Steuer-ID").
    private static readonly string[] OwnPossessives =
    [
        "my", "mein", "meine", "meinen", "mon", "ma", "mi", "mio", "mia", "meu", "minha", "mijn", "min", "mitt", "mój", "moja", "moje", "мой",
        "моя", "мои", "benim",
        // Probe 42: Korean names a child's number by the child, no possessive ("딸 수능 수험번호가 …").
        "내", "제", "나의", "저의", "우리", "딸", "아들", "딸의", "아들의",
        // The twenty-first session: the scripts of the native digits (Burmese, Hindi, Marathi, Nepali, Bengali, Gujarati, Punjabi, Oriya,
        // Telugu, Tamil, Kannada, Malayalam, Urdu), each written before its noun.
        "ကျွန်မ", "ကျွန်တော့်", "ကျွန်တော်", "ကျွန်ုပ်", "ငါ့", "मेरा", "मेरी", "मेरे", "माझा", "माझी", "माझे", "माझ्या", "मेरो", "আমার", "મારો",
        "મારી", "મારું", "મારા", "ਮੇਰਾ", "ਮੇਰੀ", "ਮੇਰੇ", "ମୋ", "ମୋର", "నా", "என்", "எனது", "ನನ್ನ", "എന്റെ", "میرا", "میری", "میرے",
    ];

    // A format's, a test's or an example's words: with one of them in the sentence, a counting value stays a placeholder.
    private static readonly string[] PlaceholderWords =
    [
        "example", "e.g.", "sample", "test", "dummy", "fake", "demo", "placeholder", "format", "beispiel", "muster", "platzhalter", "ejemplo",
        "prueba", "ficticio", "exemple", "essai", "fictif", "esempio", "prova", "fittizio", "exemplo", "teste", "fictício", "voorbeeld",
        "przykład", "testow", "пример", "тест", "заглушк", "örnek",
    ];

    /// <summary>
    /// The first value after an id's noun ending at <paramref name="end"/> (<paramref name="at"/> its start) counts up from one
    /// digit to the next for eight or more, one of <see cref="OwnPossessives"/> opens the noun's phrase (among the three words before
    /// it, in its clause), and the sentence names no format or test.
    /// </summary>
    private static bool OwnCountingValue(ReadOnlySpan<char> text, int at, int end)
    {
        if (!OwnPhrase(text, at))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 60)];
        window = window[..SentenceEnd(window)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || window[..digit].ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        var length = digit;
        while (length < window.Length && (char.IsAsciiDigit(window[length]) || (window[length] is ' ' or '-' or '.' && length + 1 < window.Length && char.IsAsciiDigit(window[length + 1]))))
        {
            length++;
        }

        var sentence = text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 80)];
        return SensitiveScanner.RangeOrCounting(window[digit..length].TrimEnd(' ')) && !ContainsStem(sentence, PlaceholderWords);
    }

    /// <summary>
    /// A weak code typed as one's own ("my phone PIN is 111111", "ကျွန်မ … PIN က ၁၁၁၁၁၁"): one of <see cref="OwnPossessives"/> opens the
    /// noun's phrase and the first value after the noun (within 20 characters, in its sentence) is four to eight digits of one digit
    /// repeated or counting up — an SMS template's or a test's dummy by its shape (<see cref="DummyCode"/>), but the user's own
    /// (docs/LABELLING.md: a weak code someone really uses is sensitive). A sentence naming an example, a test or a format keeps it a
    /// placeholder; a bank's advice ("PIN ကို ၁၁၁၁၁၁ လို မပေးရ") owns no code.
    /// </summary>
    private static bool OwnWeakCode(ReadOnlySpan<char> text, int at, int end)
    {
        if (!OwnPhrase(text, at))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 40)];
        window = window[..SentenceEnd(window)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit is < 0 or > 20 || (digit > 0 && char.IsLetter(window[digit - 1])))
        {
            return false;
        }

        var length = window[digit..].IndexOfAnyExceptInRange('0', '9');
        length = length < 0 ? window.Length - digit : length;
        if (length is < 4 or > 8 || (digit + length < window.Length && char.IsLetter(window[digit + length])))
        {
            return false;
        }

        var sentence = text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 80)];
        return RepeatedOrCountingUp(window.Slice(digit, length), fromZeroOrOne: false) && !ContainsStem(sentence, PlaceholderWords);
    }

    /// <summary>One of <see cref="OwnPossessives"/> among the three words before the noun at <paramref name="at"/>, no clause's end between.</summary>
    private static bool OwnPhrase(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 32)..at];
        before = before[(before.LastIndexOfAny(".,;:!?\n()") + 1)..];
        for (var words = 0; words < 3; words++)
        {
            before = before.TrimEnd(' ');
            var space = before.LastIndexOf(' ');
            var word = before[(space + 1)..];
            foreach (var own in OwnPossessives)
            {
                if (word.Equals(own, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (space < 0)
            {
                break;
            }

            before = before[..space];
        }

        return false;
    }

    // The stems of an insurance's, a social security's or a tax office's number nouns.
    private static readonly string[] InsuranceNounStems =
    [
        "versicher", "insurance", "assur", "afiliación", "seguridad social", "segurança social", "sécurité sociale", "fiscal", "sv-n", "svnr",
        "ubezpiecz", "försäkring", "sigorta", "steuer", "tax", "polis", "poliz", "póliza", "apólice", "police", "полис", "поліс",
    ];

    /// <summary>
    /// The value after an insurance, social-security or tax number's noun ending at <paramref name="end"/> is a year: four digits
    /// 19xx or 20xx, the first digits after the noun (within 30 characters), with no more digits joined to them by a space or a dash
    /// (an Austrian "SV-Nummer 1987 120584" goes on).
    /// </summary>
    private static bool YearAfterInsuranceNoun(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!ContainsStem(phrase, InsuranceNounStems))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 30)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || digit + 4 > window.Length || (digit > 0 && char.IsLetter(window[digit - 1])))
        {
            return false;
        }

        var year = window.Slice(digit, 4);
        if (year.IndexOfAnyExceptInRange('0', '9') >= 0 || !(year.StartsWith("19") || year.StartsWith("20")))
        {
            return false;
        }

        var after = window[(digit + 4)..];
        // "2026/SN/448127": a reference's letters after the year's slash continue it (probe 49).
        return after.IsEmpty || (!char.IsLetterOrDigit(after[0]) && !(after[0] is ' ' or '-' or '/' or '.' && after.Length > 1 && char.IsAsciiDigit(after[1]))
            && !(after[0] is '/' or '-' && after.Length > 1 && char.IsAsciiLetter(after[1])));
    }
}
