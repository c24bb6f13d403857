namespace Majordomo.Classification;

/// <summary>
/// A Korean resident registration number whose back half an OCR or a careful typist spaced out, with no noun on its line (probe 23's
/// leftover, <c>sensitive-categories-37</c>): "850314-1 0 4 7 2 1 8" in a family register's table. The front half is a birth date,
/// the back half starts with the sex and century digit (1–8): the shape alone is the id's.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>Whether a birth date of six digits starts at <paramref name="start"/>, then '-' and seven digits with spaces between some of them.</summary>
    internal static bool SpacedResidentNumber(ReadOnlySpan<char> text, int start)
    {
        if (start + 14 > text.Length || (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || text.Slice(start, 6).IndexOfAnyExceptInRange('0', '9') >= 0
            || text[start + 6] != '-' || text[start + 7] is < '1' or > '8')
        {
            return false;
        }

        var month = ((text[start + 2] - '0') * 10) + text[start + 3] - '0';
        var day = ((text[start + 4] - '0') * 10) + text[start + 5] - '0';
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return false;
        }

        int digits = 0, spaces = 0, i = start + 7;
        while (i < text.Length && digits < 7)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (text[i] == ' ' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i - 1]))
            {
                spaces++;
            }
            else
            {
                break;
            }

            i++;
        }

        return digits == 7 && spaces >= 3 && (i == text.Length || !char.IsAsciiLetterOrDigit(text[i]));
    }
}
