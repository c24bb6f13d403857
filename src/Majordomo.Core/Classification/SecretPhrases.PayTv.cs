namespace Majordomo.Classification;

/// <summary>
/// Pay-TV smartcards and the Italian municipal tax that shares their acronym (the twentieth session, docs/CLASSIFIER.md "Leftovers
/// of probes 33 and 36"). The number of the card a subscription is billed to is sensitive (docs/LABELLING.md, probe 28's IUC): Italian
/// puts the noun first ("Numero smart card Sky: 0047…", "la smart card n. 0029…", "tessera tivùsat … 0041 2233 4455 6"), English says
/// "viewing card". A smart card is also a badge or a token, so its number counts only with a pay-TV word near. "IUC" is also the
/// imposta unica comunale: with a tax's words near it ("F24", "codice tributo", "acconto"), the acronym and a code named by it are
/// the tax's.
/// </summary>
internal static partial class SecretPhrases
{
    // A pay-TV card's nouns as Italian and English print them; appended to Phrases and IdNouns (an id's five characters or more).
    private static string[] PayTvCardNouns => ["smart card", "smartcard", "tessera tivùsat", "tessera tivusat", "viewing card"];

    private static (string Phrase, Want Want)[] PayTvPhrases() => [.. PayTvCardNouns.Select(noun => (noun, Want.Digits))];

    // Words of a pay-TV subscription or its box.
    private static readonly string[] PayTvWords =
    [
        "sky", "tivù", "tivusat", "decoder", "abbonamento", "abbonato", "pay-tv", "pay tv", "mediaset", "dazn", "canal+", "viewing", "subscription",
        "set-top", "receiver", "satellite", "satellitare",
    ];

    // Words of the municipal tax and its payment.
    private static readonly string[] IucTaxWords = ["f24", "tributo", "imposta", "imu", "tasi", "tari", "comune", "acconto", "saldo", "rata", "catastale"];

    /// <summary>
    /// The noun at <paramref name="at"/> is a smart card's with no pay-TV word within 200 characters (a badge's, a token's), or the
    /// acronym IUC — as the noun or right after a code's noun — with a tax's word within 200 characters.
    /// </summary>
    private static bool PayTvNotValue(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        var near = text[Math.Max(0, at - 200)..Math.Min(text.Length, end + 200)];
        if (phrase is "smart card" or "smartcard")
        {
            return !ContainsStem(near, PayTvWords);
        }

        var iuc = phrase == "iuc" || (IsCodeWord(phrase) && text[end..Math.Min(text.Length, end + 6)].TrimStart(' ').StartsWith("iuc", StringComparison.OrdinalIgnoreCase));
        return iuc && WordIn(near, IucTaxWords);
    }
}
