namespace Majordomo.Classification;

/// <summary>
/// Ids and accounts written in full whose check fails (a mistyped value is still the user's, docs/LABELLING.md): the Polish NRB
/// in its print groups (<c>27 1140 2004 0000 3902 7654 3210</c>), a Romanian CNP or a Polish PESEL (a real date inside) after
/// its own noun (or in a row whose id the text names lines before), a СНИЛС in its print shape named near it; and the other side, a value shown as a format's example (<c>900101-1234567 같은 형식</c>): no one's id.
/// </summary>
internal static partial class SensitiveScanner
{
    // The nouns of the dated ids read here, in the number's line before it.
    private static readonly string[] DatedIdNouns = ["cnp", "cod numeric personal", "codul numeric", "codului numeric", "pesel"];

    /// <summary>A value <see cref="Identify"/> leaves out because its check fails, yet written in full where it names itself.</summary>
    private static bool MistypedId(ReadOnlySpan<char> text, int start, ReadOnlySpan<byte> d, ReadOnlySpan<int> shape, int separators)
    {
        // The NRB in its print groups (two, then six of four): an account's shape and nothing else's.
        if (d.Length == 26 && shape is [2, 4, 4, 4, 4, 4, 4] && separators is 1 or 2)
        {
            return true;
        }

        var dated = (d.Length == 13 && shape.Length == 1 && d[0] is >= 1 and <= 8 && Date(d[1..7], yearFirst: true) && Two(d, 7) is >= 1 and <= 52)
            || (d.Length == 11 && shape.Length == 1 && Two(d, 2) % 20 is >= 1 and <= 12 && Two(d, 4) is >= 1 and <= 31);
        // A row of a table or CSV ("Kowalczyk;Anna;75212474493;Kraków") whose id the text names lines before (probe 20, D26242).
        if (dated && (Cued(text, start, start, DatedIdNouns, back: 60, ahead: 0) || (InRow(text, start) && NamedNear(text, start, DatedIdNouns))))
        {
            return true;
        }

        // A СНИЛС in its own print shape (907-120-126 60) whose check fails, named anywhere near it (a code's "snils = row[4]"; D26324).
        return d.Length == 11 && shape is [3, 3, 3, 2] && separators == 3 && NamedNear(text, start, SnilsNouns);
    }

    private static readonly string[] SnilsNouns = ["снилс", "snils", "страховой номер", "страхового номер"];

    // A value that is a field of a delimited row: a separator or a quote just before it.
    private static bool InRow(ReadOnlySpan<char> text, int start) => start > 0 && text[start - 1] is ';' or ',' or '|' or '\t' or '"';

    // One of the nouns within 240 characters before or after the value, across lines.
    private static bool NamedNear(ReadOnlySpan<char> text, int start, ReadOnlySpan<string> nouns)
    {
        var window = text[Math.Max(0, start - 240)..Math.Min(text.Length, start + 240)];
        foreach (var noun in nouns)
        {
            if (window.Contains(noun, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Words after a value that show it as a format's example ("900101-1234567 같은 형식", "123-45-6789 のような形式", "in this format").
    private static readonly string[] FormatWords = ["같은 형식", "같은 형태", "형식", "のような", "の形式", "这样的格式", "这种格式", "格式的", "like format", "-style", "format", "formát", "formatu", "формата", "формате", "formato", "formaat"];

    /// <summary>A value followed by a word naming it a format's example (a masking regex's input, a placeholder): no one's number.</summary>
    internal static bool FormatExample(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 16)].TrimStart(" \t\"'`)");
        foreach (var word in FormatWords)
        {
            if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
