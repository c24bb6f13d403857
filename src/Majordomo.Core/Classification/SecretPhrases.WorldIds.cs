namespace Majordomo.Classification;

/// <summary>
/// Identity numbers and card codes named the way their own country or bank names them, after the probe <c>sensitive-lookalikes-18</c>
/// (docs/CLASSIFIER.md, "Probe 18 read by category"): national numbers' and licences' nouns in their compounds and abbreviations
/// ("Fødselsnummeret", "fødselsnr", "Führerscheinnummer", "la mia patente"); a card's security code named by where it is printed
/// ("die drei Ziffern hinten auf der Karte", "arkasındaki kod", "el código de atrás"); and the years told beside an id's noun
/// ("bin 1968 geboren", "renewal 2026"), which are no id.
/// </summary>
internal static partial class SecretPhrases
{
    private static (string Phrase, Want Want)[] WorldIdPhrases() =>
    [
        ("fødselsnummer", Want.Digits), ("fødselsnr", Want.Digits), ("personnr", Want.Digits), ("kennitala", Want.Digits), ("henkilötunnus", Want.Digits),
        ("führerscheinnummer", Want.Digits), ("führerscheinnr", Want.Digits), ("mia patente", Want.Digits), ("numéro de permis", Want.Digits),
        ("rijbewijsnummer", Want.Digits), ("körkortsnummer", Want.Digits), ("ehliyet numaram", Want.Digits), ("semilla", Want.Seed), ("semente", Want.Seed),

        // A card's security code by where it is printed: three digits are the whole secret.
        ("on the back of the card", Want.Short), ("on the back of my card", Want.Short), ("hinten auf der karte", Want.Short),
        ("hinten auf meiner karte", Want.Short), ("rückseite der karte", Want.Short), ("au dos de la carte", Want.Short), ("au dos de ma carte", Want.Short),
        ("atrás de la tarjeta", Want.Short), ("detrás de la tarjeta", Want.Short), ("reverso de la tarjeta", Want.Short), ("de atrás de la tarjeta", Want.Short),
        ("atrás do cartão", Want.Short), ("verso do cartão", Want.Short), ("retro della carta", Want.Short), ("achterkant van de kaart", Want.Short),
        ("odwrocie karty", Want.Short), ("baksidan av kortet", Want.Short), ("arkasındaki", Want.Short), ("на обороте карты", Want.Short),
        ("カードの裏", Want.Short), ("卡背面", Want.Short),
    ];

    // Words after a year that say it is one: a birth year, a model year ("bin 1968 geboren", "born 1975").
    private static readonly string[] YearAfterWords =
    [
        "geboren", "born", "geb.", "né", "née", "nacid", "nato", "nata", "urodz", "född", "født", "doğum", "рожд", "года", "г.", "baujahr", "model",
    ];

    // Words before a year that say it is one, besides YearWords' prepositions: a renewal, an issue or expiry, a year's own name.
    private static readonly string[] YearBeforeWords =
    [
        "renewal", "renewed", "issued", "ausgestellt", "expires", "expiry", "valid", "gültig", "bis", "jahrgang", "year", "jahr", "von", "vom", "ab",
        "année", "año", "ano", "anno", "rok", "год", "yıl", "depuis", "hasta", "fino", "tot", "do", "до",
    ];

    /// <summary>A four-digit 19xx or 20xx at <paramref name="start"/> named a year by a word just before or after it.</summary>
    private static bool YearByItsWords(ReadOnlySpan<char> window, int start, int end)
    {
        var after = window[end..].TrimStart(" ,");
        foreach (var word in YearAfterWords)
        {
            if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var before = window[..start].TrimEnd(" :");
        foreach (var word in YearBeforeWords)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A value that is no secret by what stands next to it: a public number's noun right before it ("passport renewal (ref
    /// APPT-77120)") or a form's blanks right after it ("IBAN : FR76 ____ ____").
    /// </summary>
    private static bool PublicOrBlank(ReadOnlySpan<char> window, int start, int end)
    {
        var after = window[end..].TrimStart(' ');
        if (after.StartsWith("__", StringComparison.Ordinal) || SensitiveScanner.Timestamp(window[start..]) || SensitiveScanner.ShownAsExample(window, start)
            || DashedUnit(window[start..end]))
        {
            return true;
        }

        var before = window[..start].TrimEnd(" :#(");
        var from = before.Length;
        while (from > 0 && char.IsLetter(before[from - 1]))
        {
            from--;
        }

        return from < before.Length && OneOf(before[from..], ReferenceNouns);
    }

    // A reference's, a booking's or an appointment's noun right before a value: the value is that reference.
    private static readonly string[] ReferenceNouns =
    [
        "ref", "réf", "reference", "référence", "referenz", "referencia", "referência", "riferimento", "appointment", "termin", "booking", "ticket",
        "invoice", "order", "tracking", "case", "vorgang", "aktenzeichen",
    ];

    // Words that say a bank or a service never asks for the secret named next ("We will never ask for your PIN"): a notice, no value.
    private static readonly string[] NeverWords =
    [
        "never ask", "never request", "will never", "won't ever", "nunca le pedir", "nunca te pedir", "nunca pedir", "nunca solicit", "jamais",
        "niemals", "non ti chiederemo mai", "non le chiederemo mai", "nooit", "nigdy nie", "никогда не", "asla ", "aldrig", "決して", "绝不", "절대",
    ];

    /// <summary>The secret's noun at <paramref name="at"/> follows a "never ask" in its sentence, within 64 characters.</summary>
    private static bool NeverAsked(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 64)..at];
        var stop = before.LastIndexOfAny(".!?\n\r");
        before = before[(stop + 1)..];
        foreach (var word in NeverWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A card statement's merchant descriptor ("US*2K7HR", "PAYPAL*SPOTIFYP3"): capitals and digits around a '*', no lower case.</summary>
    private static bool StatementDescriptor(ReadOnlySpan<char> token) =>
        token.IndexOf('*') >= 0 && !token.ContainsAnyInRange('a', 'z') && token.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*") < 0;
}
