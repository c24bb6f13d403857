namespace Majordomo.Classification;

/// <summary>
/// An IBAN written unspaced whose check digits fail (probe 20: a supplier's account in an invoice e-mail, a SEPA file's
/// <c>&lt;IBAN&gt;</c>): still an account when its length and its letters-and-digits pattern are exactly its country's
/// (a mistyped digit does not make it less private; docs/LABELLING.md). Check digits 00 stay a placeholder.
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
