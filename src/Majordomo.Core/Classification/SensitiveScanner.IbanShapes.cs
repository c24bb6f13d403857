namespace Majordomo.Classification;

/// <summary>
/// An IBAN written unspaced whose check digits fail (probe 20: a supplier's account in an invoice e-mail, a SEPA file's
/// <c>&lt;IBAN&gt;</c>): still an account when its length and its letters-and-digits pattern are exactly its country's
/// (a mistyped digit does not make it less private; docs/LABELLING.md) and an account's word stands near it ("IBAN", "Konto",
/// "rekening", "t.n.v.", "überweisen"…): "ref DE89…3001 attached" alone is no account. Check digits 00 stay a placeholder.
/// </summary>
internal static partial class SensitiveScanner
{
    // Country, then the BBAN's pattern after the check digits: 'n' a digit, 'a' an upper-case letter, 'c' either.
    private static readonly (string Country, string Bban)[] IbanPatterns =
    [
        ("AT", "nnnnnnnnnnnnnnnn"), ("BE", "nnnnnnnnnnnn"), ("BG", "aaaannnnnncccccccc"), ("CH", "nnnnnccccccccccccc"),
        ("CZ", "nnnnnnnnnnnnnnnnnnnn"), ("DE", "nnnnnnnnnnnnnnnnnn"), ("DK", "nnnnnnnnnnnnnn"), ("EE", "nnnnnnnnnnnnnnnn"),
        ("ES", "nnnnnnnnnnnnnnnnnnnn"), ("FI", "nnnnnnnnnnnnnn"), ("FR", "nnnnnnnnnnccccccccccccc"), ("GB", "aaaannnnnnnnnnnnnn"),
        ("GR", "nnnnnnncccccccccccccccc"), ("HR", "nnnnnnnnnnnnnnnnn"), ("HU", "nnnnnnnnnnnnnnnnnnnnnnnn"), ("IE", "aaaannnnnnnnnnnnnn"),
        ("IT", "annnnnnnnnncccccccccccc"), ("LT", "nnnnnnnnnnnnnnnn"), ("LU", "nnnccccccccccccc"), ("LV", "aaaaccccccccccccc"),
        ("NL", "aaaannnnnnnnnn"), ("NO", "nnnnnnnnnnn"), ("PL", "nnnnnnnnnnnnnnnnnnnnnnnn"), ("PT", "nnnnnnnnnnnnnnnnnnnnn"),
        ("RO", "aaaacccccccccccccccc"), ("SE", "nnnnnnnnnnnnnnnnnnnn"), ("SI", "nnnnnnnnnnnnnnn"), ("SK", "nnnnnnnnnnnnnnnnnnnn"),
        ("TR", "nnnnnncccccccccccccccc"),
    ];

    // Words near an account number (lower case, matched case-insensitively as substrings).
    private static readonly string[] AccountCues =
    [
        "iban", "rekening", "konto", "compte", "cuenta", "conto", "account", "t.n.v", "überweis", "virement", "bonifico", "transfer",
        "zahlbar", "overmaken", "betaal", "payable", "pagamento", "pago",
    ];

    /// <summary>An unspaced IBAN at <paramref name="at"/> whose check fails, of its country's exact shape, with an account's word within
    /// 200 characters before it or on its line.</summary>
    private static bool AccountShapedIban(ReadOnlySpan<char> text, int at)
    {
        var length = 0;
        while (at + length < text.Length && length < 35 && (char.IsAsciiDigit(text[at + length]) || char.IsAsciiLetterUpper(text[at + length])))
        {
            length++;
        }

        if (!CountryShapedIban(text.Slice(at, length)) || PlaceholderIban(text[at..]) > 0)
        {
            return false;
        }

        return AccountCueIn(AccountContext(text, at));
    }

    // The 200 characters before a position and the rest of its line: where an account's word names the number at it.
    private static ReadOnlySpan<char> AccountContext(ReadOnlySpan<char> text, int at)
    {
        var lineEnd = text[at..].IndexOf('\n');
        return text[Math.Max(0, at - 200)..(lineEnd < 0 ? text.Length : at + lineEnd)];
    }

    private static bool AccountCueIn(ReadOnlySpan<char> near)
    {
        foreach (var cue in AccountCues)
        {
            if (near.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An IBAN at <paramref name="at"/> glued to a number before or after it, as a fixed-width record prints it ("…912304546FR763000400003…"):
    /// its country's exact length of letters and digits, of the country's shape, whose check digits hold (mod 97). The run may go on
    /// into the record's next field, so only the country's length is read; check digits 00 stay a placeholder.
    /// </summary>
    private static bool GluedIban(ReadOnlySpan<char> text, int at)
    {
        foreach (var (country, bban) in IbanPatterns)
        {
            var length = bban.Length + 4;
            if (at + length > text.Length || !text[at..].StartsWith(country, StringComparison.Ordinal))
            {
                continue;
            }

            // Glued on one side at least: a digit before it or after it (the record's next field); alone, Iban reads it.
            var iban = text.Slice(at, length);
            var glued = (at > 0 && char.IsAsciiDigit(text[at - 1])) || (at + length < text.Length && char.IsAsciiDigit(text[at + length]));
            return glued && iban[2..4] is not "00" && CountryShapedIban(iban) && Mod97(iban) == 1;
        }

        return false;
    }

    /// <summary>
    /// The digit run at <paramref name="start"/> ends in an IBAN glued to it ("285076912304546FR7630004…"): the run's reader skips
    /// what follows a digit, so the country's letters after it are read here.
    /// </summary>
    private static bool IbanAfterRun(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end + 4 < text.Length && char.IsAsciiLetterUpper(text[end]) && char.IsAsciiLetterUpper(text[end + 1]) && char.IsAsciiDigit(text[end + 2])
            && GluedIban(text, end);
    }

    /// <summary>The letters and digits of an unspaced run (<paramref name="iban"/>, check digits included) fit its country's IBAN exactly.</summary>
    private static bool CountryShapedIban(ReadOnlySpan<char> iban)
    {
        foreach (var (country, bban) in IbanPatterns)
        {
            if (iban.Length != bban.Length + 4 || !iban.StartsWith(country, StringComparison.Ordinal))
            {
                continue;
            }

            for (var k = 0; k < bban.Length; k++)
            {
                var c = iban[k + 4];
                if (bban[k] == 'n' ? !char.IsAsciiDigit(c) : bban[k] == 'a' ? !char.IsAsciiLetterUpper(c) : !char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }
}
