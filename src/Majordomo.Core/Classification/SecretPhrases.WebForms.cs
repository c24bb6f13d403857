namespace Majordomo.Classification;

/// <summary>
/// What browser agents and their users paste that names a secret's field with no secret in it (probe 32's leftovers, the nineteenth
/// session): an empty form field ("password=&amp;commit=Sign+in"), a cookie's name with its attributes and no value
/// ("sb-access-token  expires: session"), codes the user declares fake and that are trivial ("(fake codes) … Your Uber code: 1234").
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>The noun ending at <paramref name="end"/> is a form body's field left empty: '=' then '&amp;', a quote or the end.</summary>
    private static bool EmptyFormValue(ReadOnlySpan<char> text, int end) =>
        end < text.Length && text[end] == '=' && (end + 1 == text.Length || text[end + 1] is '&' or '"' or '\'' or ' ' or '\n' or '\r' or '\t');

    // A cookie's attributes, as browsers' tables and agents' cookie tools print them.
    private static readonly string[] CookieAttributes =
        ["expires", "expiry", "max-age", "path", "domain", "httponly", "secure", "samesite", "caduca", "caducidad", "expira", "expire", "läuft ab", "ablauf"];

    /// <summary>A cookie attribute's name and its ':' or '=' right after the noun ending at <paramref name="end"/>: the noun names a cookie.</summary>
    private static bool CookieAttributeAfter(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 24)].TrimStart(" \t");
        foreach (var attribute in CookieAttributes)
        {
            if (after.StartsWith(attribute, StringComparison.OrdinalIgnoreCase) && after.Length > attribute.Length && after[attribute.Length] is ':' or '=')
            {
                return true;
            }
        }

        return false;
    }

    // What a user calls the codes they paste when none is real.
    private static readonly string[] FakeWords =
    [
        "fake", "made-up", "made up", "dummy", "sample", "samples", "ficticio", "ficticios", "inventado", "inventados", "falsos", "erfunden",
        "fiktiv", "fictif", "fictifs", "finto", "finti", "fittizio", "fittizi",
    ];

    /// <summary>
    /// Codes the user calls fake: a fake's word in the 300 characters before the noun at <paramref name="at"/>, and every number of three
    /// digits or more from there to 200 characters after the noun trivial (0000, 1234, 000000).
    /// </summary>
    private static bool DeclaredFakeCodes(ReadOnlySpan<char> text, int at, int end)
    {
        var from = Math.Max(0, at - 300);
        if (!ContainsAny(text[from..at], FakeWords))
        {
            return false;
        }

        var window = text[from..Math.Min(text.Length, end + 200)];
        var runs = 0;
        for (var i = 0; i < window.Length; i++)
        {
            if (!char.IsAsciiDigit(window[i]))
            {
                continue;
            }

            var length = window[i..].IndexOfAnyExceptInRange('0', '9');
            length = length < 0 ? window.Length - i : length;
            if (length >= 3 && !TrivialCode(window.Slice(i, length)))
            {
                return false;
            }

            runs += length >= 3 ? 1 : 0;
            i += length;
        }

        return runs > 0;
    }
}
