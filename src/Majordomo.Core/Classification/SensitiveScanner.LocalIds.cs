namespace Majordomo.Classification;

/// <summary>
/// Ids by their acronym and length, and the fixtures and format examples that only look like ids, after the probe
/// <c>sensitive-lookalikes-34</c> (docs/CLASSIFIER.md, "Probe 34 read by category, part two"): a Nigerian BVN told a sentence after
/// its name ("… they asked for my BVN. I told them it is 22471930582": every BVN has eleven digits and starts with 22); a validator's
/// test number of zeros and a check digit ("000000018"); a PAN's format shown with letters counting up ("ABCDE1234F"); a Myanmar NRC
/// by its whole shape (the nineteenth session).
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// A Nigerian BVN (eleven digits starting with 22) or NIN (eleven digits) whose acronym stands in capitals in the number's line,
    /// not necessarily right before it: the length and the name together are the id's.
    /// </summary>
    private static bool SizedAcronymInLine(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits, int groups) =>
        digits.Length == 11 && groups == 1 && (NameInLine(text, start, end, "NIN") || (digits[0] == 2 && digits[1] == 2 && NameInLine(text, start, end, "BVN")));

    // The name, a whole word in capitals, in the number's line within 120 characters before it or 40 after.
    private static bool NameInLine(ReadOnlySpan<char> text, int start, int end, string name) => WholeWordIn(NumberLine(text, start, end), name);

    /// <summary>The line of the number from <paramref name="start"/> to <paramref name="end"/>, within 120 characters before it and 40 after.</summary>
    private static ReadOnlySpan<char> NumberLine(ReadOnlySpan<char> text, int start, int end)
    {
        var from = Math.Max(0, start - 120);
        var window = text[from..Math.Min(text.Length, end + 40)];
        var at = start - from;
        var lineStart = window[..at].LastIndexOfAny('\n', '\r') + 1;
        var lineEnd = window[at..].IndexOfAny('\n', '\r');
        return window[lineStart..(lineEnd < 0 ? window.Length : at + lineEnd)];
    }

    /// <summary><paramref name="name"/> as printed, a whole word, somewhere in <paramref name="line"/>.</summary>
    private static bool WholeWordIn(ReadOnlySpan<char> line, string name)
    {
        foreach (var k in SecretPhrases.Occurrences(line, name, StringComparison.Ordinal))
        {
            if (StandsAlone(line, k, name.Length))
            {
                return true;
            }
        }

        return false;
    }

    // The citizenship marks of a Myanmar NRC, in Burmese and romanised: citizen, associate, naturalised, guest.
    private static readonly string[] NrcMarks = ["နိုင်", "ဧည့်", "ပြု", "သ", "N", "E", "P", "NAING", "C", "AC", "NC"];

    /// <summary>
    /// A Myanmar national registration card number at the digit <paramref name="start"/> (its digits in ASCII, Burmese ones read by
    /// <see cref="NativeDigits"/>): state 1–14, '/', the township's letters, the citizenship mark in brackets and six digits —
    /// "12/ဥကမ(နိုင်)123456", "9/MaHtaLa(N)048217". The whole shape is the id, so its six digits are read even when they count up (a
    /// form's counting filler has no township before it).
    /// </summary>
    private static bool MyanmarNrc(ReadOnlySpan<char> text, int start)
    {
        if (start < 8 || text[start - 1] != ')' || start + 6 > text.Length || text.Slice(start, 6).IndexOfAnyExceptInRange('0', '9') >= 0
            || (start + 6 < text.Length && char.IsAsciiDigit(text[start + 6])))
        {
            return false;
        }

        var open = text[Math.Max(0, start - 8)..(start - 1)].LastIndexOf('(');
        if (open < 0)
        {
            return false;
        }

        open += Math.Max(0, start - 8);
        var mark = text[(open + 1)..(start - 1)];
        var known = false;
        foreach (var name in NrcMarks)
        {
            known |= mark.Equals(name, StringComparison.OrdinalIgnoreCase);
        }

        // The township: two to ten letters (Burmese letters and signs count as letters for char.IsLetter or are marks) after the slash.
        var slash = text[Math.Max(0, open - 12)..open].LastIndexOf('/');
        if (!known || slash < 0)
        {
            return false;
        }

        slash += Math.Max(0, open - 12);
        var township = text[(slash + 1)..open];
        var state = slash;
        while (state > 0 && char.IsAsciiDigit(text[state - 1]))
        {
            state--;
        }

        return township.Length >= 2 && township.IndexOfAny(' ', '/', ')') < 0 && slash - state is 1 or 2 && (state == 0 || !char.IsLetterOrDigit(text[state - 1]));
    }

    /// <summary>Eight digits or more, all zeros but the last one or two ("000000018"): a validator's test number, no one's id.</summary>
    private static bool ZeroFixture(ReadOnlySpan<byte> digits) => digits.Length >= 8 && digits[..^2].IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Capitals that count up from A ("ABCDE" in "ABCDE1234F"): a format's example.</summary>
    internal static bool CountsUp(ReadOnlySpan<char> letters)
    {
        for (var k = 0; k < letters.Length; k++)
        {
            if (letters[k] != 'A' + k)
            {
                return false;
            }
        }

        return true;
    }
}
