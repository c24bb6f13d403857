namespace Majordomo.Classification;

/// <summary>
/// Numbers of everyday life whose check fails or whose shape the other rules leave out (after the blind probe
/// <c>sensitive-lookalikes-12</c>; a card number failing Luhn is <see cref="CuedCard"/>'s): a bank account with a two-digit group
/// (<c>123456-01-234567</c>), a US employer or taxpayer id (<c>dd-ddddddd</c>) after its name, and the dated national
/// ids (주민등록번호 <c>YYMMDD-NNNNNNN</c>, rodné číslo <c>YYMMDD/NNNN</c>) whose check fails or was never issued, with a
/// personal cue in their line. Called from <see cref="ScanDigits"/> at every digit run, so the prefilter reads it too.
/// </summary>
internal static partial class SensitiveScanner
{
    // What names a US employer or taxpayer number just before it.
    private static readonly string[] TaxIdNames = ["EIN", "TIN", "ITIN", "FEIN", "employer identification", "taxpayer identification", "tax id", "tax ID"];

    /// <summary>Whether an everyday number (an account, a tax or national id whose check fails) starts at the digit <paramref name="start"/>.</summary>
    private static bool EverydayNumber(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '.' or ',' or '#' or '$' or '€' or '£' or '*' or '/' or ':'))
        {
            return false;
        }

        Span<byte> d = stackalloc byte[20];
        Span<int> groups = stackalloc int[8];
        var i = DigitGroups(text, start, d, groups, dots: false, out var n, out var g, out var separators);

        // Glued to a letter, a digit or a decimal after it: part of a word, a version, a longer number.
        if (n < 9 || (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '/' or '@' || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))))
        {
            return false;
        }

        var shape = groups[..g];
        var digits = d[..n];

        // Digits of one or two kinds (4111 1111 1111 1111, 1212 1212 1212): a filler, no one's number.
        if (digits.IndexOfAnyExcept(digits[0], digits[n - 1]) < 0 || NamedPublic(text, start))
        {
            return false;
        }

        if (separators == 2 && n is >= 10 and <= 16 && g >= 3 && shape.IndexOfAnyInRange(0, 1) < 0 && shape.IndexOf(2) > 0)
        {
            return BankCued(text, start) && !Amount(text, i);
        }

        if (separators == 2 && shape is [2, 7])
        {
            return TaxIdNamed(text[Math.Max(0, start - 40)..start]);
        }

        // A dated id whose check fails (a mistyped value is still someone's, and Korean numbers issued since 2020 carry none).
        var dated = (shape is [6, 7] && separators == 2 && Date(digits[..6], yearFirst: true) && digits[6] is >= 1 and <= 8)
            || (shape is [6, 4] && separators == 8 && BirthNumberDate(digits));
        return dated && !FormatExample(text, i) && Cued(text, start, i, PersonalCues, back: 80, ahead: 20);
    }

    private static bool TaxIdNamed(ReadOnlySpan<char> before)
    {
        foreach (var name in TaxIdNames)
        {
            // "EIN" and "TIN" in capitals only: "ein" is German's article, "tin" a metal.
            var comparison = name.Length <= 4 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            var hit = before.LastIndexOf(name, comparison);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1])) && (hit + name.Length == before.Length || !char.IsLetter(before[hit + name.Length])))
            {
                return true;
            }
        }

        return false;
    }

    // Czech or Slovak YYMMDD with the month plus 50 (women) or 20.
    private static bool BirthNumberDate(ReadOnlySpan<byte> d)
    {
        var month = Two(d, 2) % 50;
        month = month > 20 ? month - 20 : month;
        return month is >= 1 and <= 12 && Two(d, 4) is >= 1 and <= 31;
    }

    // "na przykładzie z Wikipedii, 44051401359", "the example from the docs: …": a number the text presents as an example (a
    // documented test number shown as such, docs/LABELLING.md), read in the clause just before it.
    private static readonly string[] ExampleWords =
    [
        "example", "for instance", "sample", "beispiel", "exemple", "ejemplo", "exemplo", "esempio", "voorbeeld", "przykład", "пример",
        "örnek", "exempel", "wikipedia", "wikipedii", "wikipédia", "википеди", "例えば", "例如", "示例", "예시", "예를", "placeholder", "플레이스홀더",
        "プレースホルダー", "占位", "platzhalter", "wymyślon", "fictitious", "fictional", "erfunden", "fictif", "fictive", "ficticio", "fittizi",
    ];

    /// <summary>
    /// The value at <paramref name="start"/> is shown as an example: an example word before it in its clause, or a test value named
    /// before it or after it in its clause (<see cref="TestValueWords"/>, an example word after it: "111222333 mag als testgeval,
    /// dat is het bekende voorbeeld").
    /// </summary>
    internal static bool ShownAsExample(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 48)..start];
        var stop = before.LastIndexOfAny(ClauseEnds);
        // "e.g. it should match 904417": the abbreviation's dot opens the clause the example stands in.
        var abbreviated = stop >= 3 && (before[..(stop + 1)].EndsWith("e.g.", StringComparison.OrdinalIgnoreCase) || before[..(stop + 1)].EndsWith(" eg.", StringComparison.OrdinalIgnoreCase));
        before = before[(stop + 1)..];
        if (abbreviated || ExampleWordIn(before, ExampleWords) || ContainsAnyWord(before, TestValueWords))
        {
            return true;
        }

        // After the value (its digits and their separators) to the clause's end.
        var end = start;
        while (end < text.Length && end - start < 32 && (char.IsAsciiDigit(text[end]) || text[end] is ' ' or '-'))
        {
            end++;
        }

        var after = text[end..Math.Min(text.Length, end + 60)];
        var close = after.IndexOfAny(ClauseEnds);
        after = close < 0 ? after : after[..close];
        return ContainsAnyWord(after, TestValueWords) || ExampleWordIn(after, ExampleWords);
    }

    /// <summary>
    /// One of <paramref name="words"/> (an example's) in <paramref name="clause"/> as a word, not a domain's label: "dana@example.com", "lohn@kanzlei.example"
    /// and "https://example.org/…" (RFC 2606's reserved names) are a sample address beside the value, which says nothing of the value
    /// itself (docs/LABELLING.md: a real-looking secret beside a reserved domain stays sensitive).
    /// </summary>
    internal static bool ExampleWordIn(ReadOnlySpan<char> clause, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            for (var from = 0; from < clause.Length;)
            {
                var hit = clause[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (hit < 0)
                {
                    break;
                }

                hit += from;
                if (!DomainLabel(clause, hit, hit + word.Length))
                {
                    return true;
                }

                from = hit + word.Length;
            }
        }

        return false;
    }

    // A label of a host name: after '@', '.' or a URL's "//", or before a dot and a letter ("example.com"; "example." ends a sentence).
    private static bool DomainLabel(ReadOnlySpan<char> text, int start, int end) =>
        (start > 0 && text[start - 1] is '@' or '.') || (start > 1 && text[start - 2] == '/' && text[start - 1] == '/')
        || (end + 1 < text.Length && text[end] == '.' && char.IsAsciiLetterOrDigit(text[end + 1]));

    // A validator's documented test number named as such (probe 27): "the BSN test value 111222333", "… mag als testgeval".
    private static readonly string[] TestValueWords =
    [
        "test value", "test number", "test case", "testcase", "testgeval", "testnummer", "testwaarde", "testfall", "testwert",
        "caso de prueba", "cas de test", "caso di test", "przypadek testowy",
    ];

    /// <summary>The words after an id's noun name its value a test value (<see cref="TestValueWords"/>).</summary>
    internal static bool NamesTestValue(ReadOnlySpan<char> after) => ContainsAnyWord(after, TestValueWords);

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(".!?;\n\r。？！");
}
