namespace Majordomo.Classification;

/// <summary>
/// Ids and codes by names the first lists missed (after the blind probe <c>sensitive-lookalikes-11</c>): id documents by their
/// abbreviations and inflected forms (<c>DL#</c>, <c>Lic#</c>, "prawa jazdy", "загранпаспорт"), door and alarm codes in Hungarian
/// and other compounds ("ajtókódja 3391", "riasztót 7720-szal"), and an id told in the sentence after its noun from "my document"
/// ("… numer prawa jazdy. Na moim dokumencie jest 04871/19/1465").
/// </summary>
internal static partial class SecretPhrases
{
    private static (string Phrase, Want Want)[] DocumentPhrases() =>
    [
        // Abbreviations of a driving licence's and an id's number ("DL# W4265318", "Lic. #", "ID#").
        ("dl#", Want.Digits), ("dl #", Want.Digits), ("dl no", Want.Digits), ("dl number", Want.Digits), ("lic#", Want.Digits), ("licence #", Want.Digits),
        ("license #", Want.Digits), ("ssn#", Want.Digits), ("passport#", Want.Digits), ("passport #", Want.Digits),

        // Inflected and compound forms: Polish genitives, Russian and Ukrainian compounds of "passport", Czech and Slovak licences.
        ("prawa jazdy", Want.Digits), ("prawie jazdy", Want.Digits), ("paszportu", Want.Digits), ("dowodzie", Want.Digits), ("загранпаспорт", Want.Digits),
        ("загранпаспорта", Want.Digits), ("загранник", Want.Digits), ("закордонного паспорта", Want.Digits), ("řidičského průkazu", Want.Digits),
        ("řidičský průkaz", Want.Digits), ("občanského průkazu", Want.Digits), ("občanský průkaz", Want.Digits), ("jogosítvány", Want.Digits),
        ("személyi igazolvány", Want.Digits), ("személyi szám", Want.Digits), ("útlevél", Want.Digits), ("adóazonosító", Want.Digits), ("taj szám", Want.Digits),

        // Hungarian door, gate, alarm and PIN codes (a suffix may follow: "ajtókódja", "riasztót").
        ("ajtókód", Want.Digits), ("kapukód", Want.Digits), ("belépőkód", Want.Digits), ("zárkód", Want.Digits), ("riasztó", Want.Digits),
        ("pin-kód", Want.Digits), ("pinkód", Want.Digits), ("biztonsági kód", Want.Short), ("ellenőrző kód", Want.Notice), ("kódja", Want.Digits),
        ("kaputelefon", Want.Digits), ("széf", Want.Lock),
    ];

    // In a class of their own: the trigger list is built from them while SecretPhrases' fields initialise.
    private static class DocumentWords
    {
        // "On my document it is …": the id named in the sentence before is given in this one.
        internal static readonly string[] Own =
        [
            "na moim dokumencie", "w moim dokumencie", "na moim prawie jazdy", "w moim dowodzie", "on my document", "on my licence", "on my license",
            "on my card it", "on my id it", "auf meinem ausweis", "auf meinem führerschein", "auf meinem dokument", "sur mon permis", "sur ma carte",
            "sur mon document", "en mi carnet", "en mi documento", "en mi licencia", "no meu documento", "na minha carteira", "nel mio documento",
            "sulla mia patente", "op mijn rijbewijs", "in mijn paspoort", "в моём документе", "в моем документе", "в моём паспорте", "в моем паспорте",
            "на моих правах", "belgemde", "ehliyetimde", "a jogosítványomon", "az igazolványomon",
        ];
    }

    private static IEnumerable<string> DocumentTriggers => DocumentWords.Own;

    // By their first character, built on the first check (once SensitivePrefilter has initialised: its fold table is made from the triggers).
    private static class DocumentStarts
    {
        internal static readonly FoldedWords Own = new(DocumentWords.Own);
    }

    /// <summary>
    /// "… numer prawa jazdy. Na moim dokumencie jest 04871/19/1465": after a phrase naming the user's own document, an id-like value
    /// (what <see cref="DigitValue"/> takes) in its sentence, when an id noun stands in the 200 characters before.
    /// </summary>
    private static bool DocumentAt(ReadOnlySpan<char> text, int at)
    {
        // Every hit of every trigger comes here; only the phrases whose first character folds like the hit's can start there
        // (FoldedWords), which keeps code dense in "key" and "session" from looping over all ~30 a hit (issue 16 item 4).
        foreach (var own in DocumentStarts.Own.At(text[at..]))
        {
            if (!text[at..].StartsWith(own, StringComparison.OrdinalIgnoreCase) || (at > 0 && char.IsLetter(text[at - 1])))
            {
                continue;
            }

            var end = at + own.Length;
            var full = text[end..Math.Min(text.Length, end + 60)];
            if (!DigitValue(full[..SentenceEnd(full)], minChars: 6))
            {
                return false;
            }

            var before = text[Math.Max(0, at - 200)..at];
            foreach (var (phrase, want) in Phrases)
            {
                if (want == Want.Digits && phrase.Length >= 4 && !IsCodeWord(phrase) && before.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) is >= 0 and var hit
                    && (hit == 0 || !char.IsLetter(before[hit - 1])))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    // "Serverraum 2. OG", "3. Stock", "2. piętro", "2. emelet": an ordinal's dot ends no sentence (a floor, a class, a place).
    private static bool Ordinal(ReadOnlySpan<char> window, int dot)
    {
        var digits = 0;
        while (digits < dot && char.IsAsciiDigit(window[dot - 1 - digits]))
        {
            digits++;
        }

        if (digits is < 1 or > 2 || (dot - digits > 0 && !char.IsWhiteSpace(window[dot - digits - 1])) || dot + 2 >= window.Length)
        {
            return false;
        }

        var next = window[(dot + 2)..];
        var length = 0;
        while (length < next.Length && char.IsLetter(next[length]))
        {
            length++;
        }

        var word = next[..length];
        if (length == 0)
        {
            return false;
        }

        // A lower-case word goes on the sentence; so do a floor's or a storey's capitals and nouns.
        return char.IsLower(word[0]) || (length is 2 or 3 && word.IndexOfAnyInRange('a', 'z') < 0)
            || OneOf(word, ["Stock", "Etage", "Obergeschoss", "Untergeschoss", "Geschoss", "Klasse", "Reihe", "Platz", "Tür", "Tor", "Eingang"]);
    }
}
