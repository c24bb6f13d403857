namespace Majordomo.Classification;

/// <summary>
/// Card numbers typed on a phone (after the blind probe <c>sensitive-lookalikes-19</c>, docs/CLASSIFIER.md "Probe 19 read by
/// category"): sixteen digits with no spaces whose Luhn check fails, a card named just before them ("full card is 4532…").
/// </summary>
internal static partial class SensitiveScanner
{
    // The card's own name right before an unbroken number (a card word anywhere in the line is too weak for 16 bare digits:
    // order and tracking numbers run as long).
    private static readonly string[] NearCardCues =
    [
        "card", "carte", "karte", "karta", "kart", "tarjeta", "cartão", "cartao", "carta", "kaart", "карт", "kort", "visa", "mastercard", "amex",
        "debit", "credit", "crédito", "débito", "卡", "カード", "카드", "thẻ", "بطاق", "κάρτα", "kartu", "karcie", "kártyá",
    ];

    /// <summary>
    /// Sixteen digits in one run, leading 3–6 (the networks), failing Luhn (a valid one is a card already), with a card word in the
    /// 24 characters before: "full card is 4532778100942216". Not a test or filler number, not one named public.
    /// </summary>
    private static bool UnbrokenCard(ReadOnlySpan<char> text, int start, ReadOnlySpan<byte> digits)
    {
        if (digits.Length != 16 || digits[0] is < 3 or > 6 || TestCard(digits) || Filler(digits) || NamedPublic(text, start))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 24)..start];
        var line = before.LastIndexOfAny('\n', '\r');
        before = before[(line + 1)..];
        foreach (var cue in NearCardCues)
        {
            var hit = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1]) || cue[0] >= 0x2E80))
            {
                return true;
            }
        }

        return false;
    }
}
