namespace Majordomo.Classification;

/// <summary>
/// Vehicles, mobility and field work (after the probe <c>sensitive-lookalikes-52</c>, docs/CLASSIFIER.md "Probe 52 read by category"):
/// the one-off codes that transfer a vehicle or open a driving licence's record (a Dutch tenaamstellingscode, a V5C's document
/// reference, a French code de cession, a Swedish kontrollnummer, a DVLA check code), a professional driver's cards (a tachograph's
/// driver card, a CPC card), an EV charging card's contract id, a fuel or fleet card, driving licences in the languages the lists
/// lacked, an English "policy" beside an insurance cue. Not values: a check or share code's noun with no licence near it, a policy
/// with no insurance near it (a privacy policy), a number plate given as the answer to a code's question.
/// </summary>
internal static partial class SecretPhrases
{
    // Language → the one-off codes that transfer a vehicle or open a licence's record (docs/LABELLING.md: whoever types one first
    // re-registers the car or reads the licence), a professional driver's cards, a charging card, a fuel card, a driving licence.
    // Read as id nouns (a value of five characters or more), or a grouped code (MobilityCode).
    private static (string Language, string[] Nouns)[] MobilityTable =>
    [
        ("en", ["v5c", "check code", "share code", "driver card", "tachograph card", "tacho card", "cpc card", "dqc", "driver qualification card",
            "charging card", "charge card", "fuel card", "fleet card", "fleetcard", "emaid", "policy"]),
        ("nl", ["tenaamstellingscode", "bestuurderskaart", "chauffeurskaart", "laadpas", "tankpas"]),
        ("de", ["fahrerkarte", "fahrerqualifizierungsnachweis", "ladekarte", "tankkarte"]),
        ("fr", ["code de cession", "carte conducteur", "carte de conducteur", "carte chronotachygraphe", "carte de recharge", "badge de recharge", "carte carburant"]),
        ("es", ["tarjeta de conductor", "tarjeta del conductor", "tarjeta de tacógrafo", "tarjeta de combustible", "tarjeta de carburante"]),
        ("it", ["carta del conducente", "carta conducente", "carta tachigrafica", "carta carburante"]),
        ("pt", ["cartão de condutor", "cartão do condutor", "cartão combustível", "cartão de combustível", "carta de condução"]),
        ("pl", ["karta kierowcy", "kartę kierowcy", "karty kierowcy", "karta paliwowa", "kartę paliwową", "karty paliwowej"]),
        ("ru", ["карта водителя", "карту водителя", "карты водителя", "топливная карта", "топливной карты", "топливную карту"]),
        ("tr", ["sürücü kartı", "yakıt kartı"]),
        ("sv", ["kontrollnum", "förarkort"]),
        ("fi", ["ajokort", "kuljettajakort"]),
        ("no", ["førerkort"]),
        ("da", ["kørekort"]),
        ("cs", ["řidičský průkaz", "řidičského průkazu", "řidičák"]),
        ("hu", ["jogosítvány"]),
        ("ro", ["permis de conducere", "permisul de conducere"]),
        ("ja", ["充電カード", "給油カード"]),
        ("zh", ["充电卡", "加油卡"]),
        ("ko", ["충전카드", "주유카드"]),
    ];

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] MobilityPhrases() => [.. MobilityTable.SelectMany(row => row.Nouns).Select(noun => (noun, Want.Digits))];

    // A check code or a share code is a licence record's only beside one of these (a "share code" is also a program's snippet).
    private static readonly string[] LicenceCues =
        ["dvla", "licence", "license", "driving", "endorsement", "right to work", "immigration", "hire", "rental", "employer"];

    // An English "policy" is an insurance policy only beside one of these (not a privacy or a retention policy).
    private static readonly string[] InsuranceCues = ["insur", "insurer", "claim", "underwrit", "premium", "excess", "cover"];

    /// <summary>The guards of <see cref="NotAValue"/> for the mobility nouns: a noun of other meanings with none of its cues near.</summary>
    private static bool MobilityNotValue(ReadOnlySpan<char> text, int at, string phrase) =>
        (phrase is "check code" or "share code" && !StemNear(text, at, LicenceCues, 160))
        || (phrase == "policy" && (!StemNear(text, at, InsuranceCues, 120) || !IdRightAfter(text, at + phrase.Length)));

    // "policy HX-5520318", "policy FLT/00448291/NW": the number right after one space, a capital or a digit first (not "policy, insured
    // sum" over a form's lines, nor "policy covers …").
    private static bool IdRightAfter(ReadOnlySpan<char> text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ' || !(char.IsAsciiLetterUpper(text[end + 1]) || char.IsAsciiDigit(text[end + 1])))
        {
            return false;
        }

        var token = text[(end + 1)..];
        var length = token.IndexOfAnyExcept(PolicyIdChars);
        return CountDigits(length < 0 ? token : token[..length]) >= 4;
    }

    private static readonly System.Buffers.SearchValues<char> PolicyIdChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-");

    // One of the stems within the reach before or after the noun at <paramref name="at"/>.
    private static bool StemNear(ReadOnlySpan<char> text, int at, string[] stems, int reach)
    {
        var around = text[Math.Max(0, at - reach)..Math.Min(text.Length, at + reach)];
        foreach (var stem in stems)
        {
            if (around.Contains(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a check or a share code's noun, in its sentence, a code of eight or nine letters and digits in three or four groups of two or
    /// three ("kP 4w Z8 mQ", "W7H 4K2 9PL"), two of the groups holding a digit: how DVLA and the Home Office print them. The shape is
    /// the code's own, so the other guards (a company named in the sentence) are not asked; a licence's cue near it is.
    /// </summary>
    private static bool LicenceCheckCode(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase is not ("check code" or "share code") || MobilityNotValue(text, at, phrase))
        {
            return false;
        }

        var end = at + phrase.Length;
        var window = text[end..Math.Min(text.Length, end + 100)];
        var stop = window.IndexOfAny(".\n!?");
        window = stop < 0 ? window : window[..stop];
        for (var i = 0; i < window.Length; i++)
        {
            if ((i == 0 || !char.IsLetterOrDigit(window[i - 1])) && GroupedCodeAt(window[i..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After "V5C", in its sentence, eleven digits alone or in groups ("doc ref 3310 4829 174"): the logbook's document reference, which
    /// lets whoever types it tax or transfer the car online. Read past the guards that take a "ref" for a public reference.
    /// </summary>
    private static bool V5cReference(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase != "v5c")
        {
            return false;
        }

        var window = text[(at + 3)..Math.Min(text.Length, at + 100)];
        var stop = window.IndexOfAny(".\n!?");
        window = stop < 0 ? window : window[..stop];
        for (var i = 0; i < window.Length; i++)
        {
            if (!char.IsAsciiDigit(window[i]) || (i > 0 && char.IsLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            var k = i;
            var digits = 0;
            while (k < window.Length && (char.IsAsciiDigit(window[k]) || (window[k] == ' ' && k + 1 < window.Length && char.IsAsciiDigit(window[k + 1]))))
            {
                digits += char.IsAsciiDigit(window[k]) ? 1 : 0;
                k++;
            }

            if (digits == 11 && (k == window.Length || !char.IsLetterOrDigit(window[k])))
            {
                return true;
            }

            i = k;
        }

        return false;
    }

    private static bool GroupedCodeAt(ReadOnlySpan<char> s)
    {
        int k = 0, groups = 0, chars = 0, withDigit = 0, size = -1;
        while (k < s.Length && groups < 4)
        {
            var length = s[k..].IndexOfAnyExcept(AsciiLettersAndDigits);
            length = length < 0 ? s.Length - k : length;
            if (length is < 2 or > 3 || (size >= 0 && length != size))
            {
                break;
            }

            size = length;
            groups++;
            chars += length;
            withDigit += s[k..(k + length)].ContainsAnyInRange('0', '9') ? 1 : 0;
            k += length;
            if (k + 1 < s.Length && s[k] is ' ' or '-' && char.IsAsciiLetterOrDigit(s[k + 1]))
            {
                k++;
                continue;
            }

            break;
        }

        return groups >= 3 && chars is 8 or 9 && withDigit >= 2 && (k >= s.Length || !char.IsLetterOrDigit(s[k]));
    }

    // The cards' nouns whose number is read by CardIdAfter too (a placeholder IBAN's "PL00…" is also a Polish driver card's start).
    private static class MobilityCards
    {
        internal static readonly System.Collections.Frozen.FrozenSet<string> Nouns = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        [
            "driver card", "tachograph card", "tacho card", "cpc card", "dqc", "driver qualification card", "bestuurderskaart", "chauffeurskaart", "fahrerkarte",
            "carte conducteur", "carte de conducteur", "carte chronotachygraphe", "tarjeta de conductor", "tarjeta del conductor", "tarjeta de tacógrafo",
            "carta del conducente", "carta conducente", "carta tachigrafica", "cartão de condutor", "cartão do condutor", "karta kierowcy", "kartę kierowcy",
            "karty kierowcy", "карта водителя", "карту водителя", "карты водителя", "sürücü kartı", "förarkort", "kuljettajakort",
        ]);
    }

    /// <summary>
    /// After a driver card's noun, in its sentence, a number of eight to twenty capitals and digits with six digits or more
    /// ("PL00000417283900", "D123458790AB0001", "F000001288430 02").
    /// </summary>
    private static bool MobilityCardValue(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!MobilityCards.Nouns.Contains(phrase))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 80)];
        var stop = window.IndexOfAny(".\n!?");
        window = stop < 0 ? window : window[..stop];
        for (var i = 0; i < window.Length; i++)
        {
            if ((i > 0 && char.IsLetterOrDigit(window[i - 1])) || !char.IsAsciiLetterOrDigit(window[i]))
            {
                continue;
            }

            var length = window[i..].IndexOfAnyExcept(UpperAndDigitChars);
            length = length < 0 ? window.Length - i : length;
            if (length is >= 8 and <= 20 && CountDigits(window.Slice(i, length)) >= 6 && (i + length == window.Length || !char.IsLetter(window[i + length])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    // A number plate's nouns: a plate is public (docs/LABELLING.md), so a plate given after a code's question is no answer to it.
    private static readonly string[] PlateNouns =
    [
        "kenteken", "registration", "number plate", "licence plate", "license plate", "plate", "reg", "kennzeichen", "immatriculation", "plaque",
        "matrícula", "matricula", "targa", "rejestracja", "tablica", "госномер", "номер машины", "plaka", "ナンバー", "车牌", "번호판",
    ];

    /// <summary>The answer after a code's question names a number plate before its first digit ("Mijn kenteken is 7-XLP-34").</summary>
    private static bool PlateAnswer(ReadOnlySpan<char> next)
    {
        var digit = next.IndexOfAnyInRange('0', '9');
        return digit > 0 && ContainsAny(next[..digit], PlateNouns);
    }
}
