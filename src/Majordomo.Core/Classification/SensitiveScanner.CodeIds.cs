namespace Majordomo.Classification;

/// <summary>
/// Ids inside code, after probe 18's leftover (docs/CLASSIFIER.md "Probes 18 and 21's leftovers"): a My Number written as a test's
/// argument, named by the function or a comment on its line (<c>isValidMyNumber('812437590617')  // 田中さんの番号</c>). Twelve digits
/// with the id's name on their line are someone's number whatever their check digit (a mistyped value is still someone's); counting
/// and filler are left to the scan's guards, a number named public just before (an order's) is not one.
/// </summary>
internal static partial class SensitiveScanner
{
    // The My Number's names as code and prose write them.
    private static readonly string[] MyNumberNames = ["mynumber", "my_number", "my-number", "マイナンバー", "個人番号"];

    /// <summary>Whether twelve digits start at <paramref name="start"/>, stand alone and have a My Number name on their line.</summary>
    internal static bool NamedMyNumber(ReadOnlySpan<char> text, int start)
    {
        if ((start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || start + 12 > text.Length || text.Slice(start, 12).IndexOfAnyExceptInRange('0', '9') >= 0
            || (start + 12 < text.Length && char.IsAsciiLetterOrDigit(text[start + 12])) || NamedPublic(text, start))
        {
            return false;
        }

        var lineStart = text[..start].LastIndexOfAny('\n', '\r') + 1;
        var lineEnd = text[start..].IndexOfAny('\n', '\r');
        var line = text[lineStart..(lineEnd < 0 ? text.Length : start + lineEnd)];
        foreach (var name in MyNumberNames)
        {
            if (line.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
