namespace Majordomo.Classification;

/// <summary>
/// Card numbers by their cue when the Luhn check fails (a mistyped card is still the user's: docs/LABELLING.md), and the
/// test and filler numbers no rule may take for a card (published test numbers, long runs of one digit).
/// </summary>
internal static partial class SensitiveScanner
{
    // The words for a card in the corpus languages and beyond, and an expiry's words: one of them in the number's line.
    private static readonly string[] CardCues =
    [
        "card", "carte", "karte", "tarjeta", "cartão", "cartao", "carta", "kaart", "karta", "karty", "карт", "kart", "kort", "visa", "mastercard",
        "amex", "expir", "exp.", "caduc", "ablauf", "gültig", "vence", "validade", "scaden", "срок", "卡", "カード", "카드", "بطاق", "כרטיס", "thẻ",
        "kartu", "cvv", "cvc",
    ];

    /// <summary>
    /// 15 or 16 digits in a card's groups (4-4-4-4, 4-6-5), leading 2–6, failing Luhn, with a card or expiry word or an expiry
    /// date (MM/YY) in its line. Not a test or filler number, nor one named public just before it (order, invoice, tracking).
    /// </summary>
    private static bool MistypedCard(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits, ReadOnlySpan<int> groups)
    {
        if (digits.Length is not (15 or 16) || groups.Length < 3 || !CardGroups(groups) || digits[0] is < 2 or > 6 || TestCard(digits) || Filler(digits) || NamedPublic(text, start))
        {
            return false;
        }

        var from = Math.Max(0, start - 100);
        var before = text[from..start];
        var lineStart = before.LastIndexOfAny('\n', '\r');
        var after = text[end..Math.Min(text.Length, end + 60)];
        var lineEnd = after.IndexOfAny('\n', '\r');
        var line = text[(lineStart < 0 ? from : from + lineStart + 1)..(lineEnd < 0 ? end + after.Length : end + lineEnd)];
        foreach (var cue in CardCues)
        {
            if (line.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return Expiry(lineEnd < 0 ? after : after[..lineEnd]);
    }

    // An expiry after the number: "09/29", "11/27" (a month and a two-digit year).
    private static bool Expiry(ReadOnlySpan<char> after)
    {
        for (var k = 0; k + 5 <= after.Length; k++)
        {
            if (char.IsAsciiDigit(after[k]) && char.IsAsciiDigit(after[k + 1]) && after[k + 2] == '/' && char.IsAsciiDigit(after[k + 3]) && char.IsAsciiDigit(after[k + 4])
                && (k == 0 || !char.IsAsciiDigit(after[k - 1])) && (k + 5 == after.Length || !char.IsAsciiDigit(after[k + 5])) && (after[k] - '0') * 10 + (after[k + 1] - '0') is >= 1 and <= 12)
            {
                return true;
            }
        }

        return false;
    }

    // A long run of one digit (4000 0000 0000 0002, 5555 5555 5555 4444) or two kinds of digit: a test or filler number.
    private static bool Filler(ReadOnlySpan<byte> digits)
    {
        int run = 1, longest = 1;
        for (var k = 1; k < digits.Length; k++)
        {
            run = digits[k] == digits[k - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        var kinds = 0;
        for (byte v = 0; v <= 9; v++)
        {
            kinds += digits.IndexOf(v) >= 0 ? 1 : 0;
        }

        return longest >= 6 || kinds <= 2;
    }

    /// <summary>A run of 13–19 digits (spaces and dashes between groups) that is a test or filler card number (the phrases' guard).</summary>
    internal static bool FillerCard(ReadOnlySpan<char> run)
    {
        Span<byte> digits = stackalloc byte[19];
        var count = 0;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 19)
                {
                    return false;
                }

                digits[count++] = (byte)(c - '0');
            }
        }

        return count >= 13 && (TestCard(digits[..count]) || Filler(digits[..count]));
    }

    // Every letter of a URL's user and password in capitals (BENUTZER:PASSWORT, USUARIO:CONTRASEÑA): the docs' placeholders.
    private static bool CapitalNames(ReadOnlySpan<char> userInfo)
    {
        var letters = 0;
        foreach (var c in userInfo)
        {
            if (char.IsLower(c) || char.IsDigit(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 6;
    }
}
