namespace Majordomo.Classification;

/// <summary>
/// Card numbers by their cue when the Luhn check fails (a mistyped card is still the user's: docs/LABELLING.md), one rule for
/// every such card, and the test and filler numbers no rule may take for a card (published test numbers, long runs of one digit).
/// </summary>
internal static partial class SensitiveScanner
{
    // A card or its expiry named in the number's line, in the corpus languages and beyond: the word, the networks, a debit or
    // credit card, the expiry and security code. Read as substrings, so "kart" stands for Karte, karta, karty, kartu too.
    private static readonly string[] CardCues =
    [
        "card", "carte", "kart", "tarjeta", "cartão", "carta", "kaart", "карт", "kort", "kredit", "visa", "amex", "maestro", "debit",
        "credit", "crédito", "débito", "кредит", "カード", "카드", "卡", "thẻ", "kártya", "بطاق",
        // Inflections that leave the stem (Polish "na karcie", Hungarian "a kártyámon"; probe 41).
        "karcie", "kártyá", "כרטיס", "κάρτα", "कार्ड",
        "expir", "exp.", "caduc", "ablauf", "gültig", "vence", "validade", "scaden", "срок", "cvv", "cvc",
    ];

    /// <summary>
    /// The one rule for a card number failing Luhn (a mistyped card is still the user's, docs/LABELLING.md): 16 digits in
    /// 4-4-4-4, 15 in 4-6-5 (or an Amex's 4-4-4-3) or 19 in 4-4-4-4-3 leading 2–6, with a card or expiry word in its line or an expiry after it; a
    /// domestic scheme's 4-4-4-4 leading 7–9 (a Korean BC card 94…, Troy 9792) with both, or named a card number (SensitiveScanner.DomesticCards). Not a test or filler number, nor one
    /// named public just before it (order, invoice, tracking). Called where <see cref="CheckDigits"/> has read the run.
    /// </summary>
    private static bool CuedCard(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits, ReadOnlySpan<int> groups)
    {
        if (groups.Length == 1)
        {
            return UnbrokenCard(text, start, digits);
        }

        if (digits.Length is not (15 or 16 or 19) || groups.Length < 3 || !CardGroups(groups, digits) || digits[0] < 2 || TestCard(digits) || Filler(digits)
            || NoIssuerTwo(digits) || NamedPublic(text, start) || PublishedTestCard(text, start, end, digits))
        {
            return false;
        }

        var from = Math.Max(0, start - 100);
        var before = text[from..start];
        var lineStart = before.LastIndexOfAny('\n', '\r');
        var after = text[end..Math.Min(text.Length, end + 60)];
        var lineEnd = after.IndexOfAny('\n', '\r');
        var line = text[(lineStart < 0 ? from : from + lineStart + 1)..(lineEnd < 0 ? end + after.Length : end + lineEnd)];
        var cued = false;
        foreach (var cue in CardCues)
        {
            if (line.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                cued = true;
                break;
            }
        }

        return digits[0] <= 6 ? cued || Expiry(after) : cued && digits.Length == 16 && (Expiry(after) || NamesCardNumber(line));
    }

    // An expiry after the number, in its line or the next ("exp 09/28", "gültig bis 10/28", "válida hasta 11/2027"): a month,
    // a slash and a year of two or four digits.
    private static bool Expiry(ReadOnlySpan<char> after)
    {
        var first = after.IndexOfAny('\n', '\r');
        var second = first < 0 ? -1 : after[(first + 1)..].IndexOfAny('\n', '\r');
        after = second < 0 ? after : after[..(first + 1 + second)];
        for (var k = 0; k + 5 <= after.Length; k++)
        {
            if (char.IsAsciiDigit(after[k]) && char.IsAsciiDigit(after[k + 1]) && after[k + 2] == '/' && char.IsAsciiDigit(after[k + 3]) && char.IsAsciiDigit(after[k + 4])
                && (k == 0 || !char.IsAsciiDigit(after[k - 1])) && (after[k] - '0') * 10 + (after[k + 1] - '0') is >= 1 and <= 12)
            {
                var year = after[(k + 3)..];
                var length = year.IndexOfAnyExceptInRange('0', '9');
                if ((length < 0 ? year.Length : length) is 2 or 4)
                {
                    return true;
                }
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
