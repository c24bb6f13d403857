namespace Majordomo.Classification;

/// <summary>
/// National, tax, health and licence numbers named by their acronym or told in their country's print shape (after the
/// blind probe <c>sensitive-lookalikes-15</c>, docs/CLASSIFIER.md "More languages"): a value of seven digits or more in any
/// print grouping (<c>527 318 904</c>, <c>64-0029183</c>, <c>32.481.907</c>) right after an id's acronym in capitals (SIN,
/// TFN, ΑΦΜ, ΑΜΚΑ, TAJ, CNP, CNH, HN, NPWP, DNI…) whether or not its check holds — a mistyped id is still the user's
/// (docs/LABELLING.md); and by shape with check digits and no noun: the Thai id <c>1-2345-67890-12-3</c> (mod 11, alone in
/// its print groups), the Egyptian national id (century, date, governorate), the Canadian SIN (Luhn), the Australian TFN and
/// the Greek ΑΦΜ (weighted checks) with a personal cue in their line, and an Indian PAN <c>AAAPA9999A</c> with a tax cue.
/// Called from <see cref="ScanDigits"/> at every digit run, so the prefilter reads it too.
/// </summary>
internal static partial class SensitiveScanner
{
    // Ids by acronym, matched in capitals only ("SIN" is Spanish "without", "PAN" a frying pan, "HN" anything in lower case).
    private static readonly string[] IdAcronyms =
    [
        "SIN", "NAS", "TFN", "AFM", "ΑΦΜ", "AMKA", "ΑΜΚΑ", "TAJ", "CNP", "CNH", "RENACH", "HN", "MRN", "NPWP", "NIK", "KTP", "DNI", "NIF",
        "NIE", "CPR", "BSN", "UTR", "NINO", "PPSN", "SSN", "ITIN", "RUT", "CUIT", "CUIL", "CURP", "NSS", "NIR", "IRD", "OIB", "JMBG",
        "EMŠO", "EGN", "ЕГН", "ИНН", "ІПН", "СНИЛС", "RNOKPP", "РНОКПП", "ת.ז", "ת\"ז",
        "NIN", "BVN", "TIN", "NIS", "PIS", "CNIC", "NID", "NRIC", // probe 18: Nigeria, Philippines, Brazil, Pakistan, Bangladesh, Singapore
        "SSS", "UMID", "GSIS", "MST", "NSSF", "NHIF", "NHIS", "KWSP", "EPF", "ЖСН", "ИИН", "IIN", "RUC", "DUI", "NIP", // probe 24
    ];

    // What makes a checked nine- or fourteen-digit number someone's: the acronyms above and the personal cues' words.
    private static readonly string[] PanCues = ["PAN", "पैन", "ITR", "income tax", "आयकर", "tax", "kyc", "pan card"];

    /// <summary>Whether an id named by its acronym, or checked by its country's shape, starts at the digit <paramref name="start"/>.</summary>
    private static bool AcronymId(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && char.IsAsciiLetterUpper(text[start - 1]))
        {
            return Pan(text, start);
        }

        if (HetuMistyped(text, start))
        {
            return true;
        }

        if (InsideNumber(text, start))
        {
            return false;
        }

        Span<byte> d = stackalloc byte[20];
        Span<int> groups = stackalloc int[8];
        var i = DigitGroups(text, start, d, groups, dots: true, out var n, out var g, out var separators);

        if (n < 7 || n == 20 || (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '@' || (text[i] is ',' or '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))))
        {
            return false;
        }

        var shape = groups[..g];
        var digits = d[..n];
        if (digits.IndexOfAnyExcept(digits[0], digits[n - 1]) < 0 || NamedPublic(text, start) || ShownAsExample(text, start) || DateShaped(shape, separators)
            || SecretPhrases.UtrTransfer(text, start)
            || (n == 9 && ExampleSsn(text[start..i])))
        {
            return false;
        }

        if (AcronymBefore(text, start) || OwnedLowerAcronymBefore(text, start) || SizedAcronymInLine(text, start, i, digits, g))
        {
            return true;
        }

        // Thai national id in its print groups: alone; the other checked shapes with a cue in their line.
        if (n == 13 && shape is [1, 4, 5, 2, 1] && separators == 2 && ThaiId(digits))
        {
            return true;
        }

        // A nine-digit number passes one of three checks three times in ten: only with its own name in the line (a toll-free
        // "numero verde 800 123 456" is no SIN).
        if (n == 9 && (g == 1 || shape is [3, 3, 3]) && (Sin(digits) || Tfn(digits) || Afm(digits)))
        {
            return Cued(text, start, i, NineDigitNames, back: 120, ahead: 40) || AcronymInLine(text, start, i);
        }

        return ((n == 13 && g == 1 && ThaiId(digits)) || (n == 14 && g == 1 && EgyptianId(digits)))
            && (Cued(text, start, i, PersonalCues, back: 120, ahead: 40) || Cued(text, start, i, MorePersonalCues, back: 120, ahead: 40) || AcronymInLine(text, start, i));
    }

    // Names, births and forms in the languages PersonalCues leaves out.
    private static readonly string[] MorePersonalCues = ["اسم", "الاسم", "مواليد", "όνομα", "ชื่อ", "เกิด", "नाम", "जन्म", "nume", "născut", "születés"];

    // The nine-digit ids' names in full (their acronyms are read in capitals by AcronymInLine).
    private static readonly string[] NineDigitNames =
    [
        "social insurance", "assurance sociale", "tax file", "φορολογικ", "αριθμός φορολογ", "numéro d'assurance", "sozialversicherungsnummer",
    ];

    // One of IdAcronyms in capitals, a whole word, in the number's line within 120 characters before it or 40 after.
    private static bool AcronymInLine(ReadOnlySpan<char> text, int start, int end)
    {
        var line = NumberLine(text, start, end);
        foreach (var name in IdAcronyms)
        {
            if (WholeWordIn(line, name))
            {
                return true;
            }
        }

        return false;
    }

    // dd.mm.yyyy, yyyy-mm-dd and the like: a date's groups, not an id's.
    private static bool DateShaped(ReadOnlySpan<int> shape, int separators) =>
        separators is 2 or 4 or 8 && (shape is [2, 2, 4] or [4, 2, 2] or [1, 2, 4] or [2, 1, 4]);

    // An acronym in capitals, a whole word, within 28 characters before the number in its clause (only words and
    // connectors between: "CNP-ul meu e", "a TAJ számom", "ο ΑΜΚΑ μου είναι").
    private static bool AcronymBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 28)..start];
        var stop = before.LastIndexOfAny(AcronymStops);
        before = before[(stop + 1)..];
        // Another value before this one ends what is read: the acronym must stand after it ("SSS No. 34-8172645-9 at TIN 412-…").
        var digit = before.LastIndexOfAnyInRange('0', '9');
        if (digit >= 0)
        {
            before = before[(digit + 1)..];
        }

        // Four words at most between the name and its value ("CNP-ul meu e", "el DNI de mi viejo es"): further on, the number is
        // another's (and a public one named just before it, "queue ticket number 0041235", was turned away above).
        var words = 0;
        for (var k = before.Length - 1; k >= 0; k--)
        {
            if (char.IsLetter(before[k]) && (k == 0 || !char.IsLetter(before[k - 1])) && ++words > 5)
            {
                before = before[(k + 1)..];
                break;
            }
        }

        foreach (var name in IdAcronyms)
        {
            var hit = before.LastIndexOf(name, StringComparison.Ordinal);
            if (hit >= 0 && StandsAlone(before, hit, name.Length))
            {
                return true;
            }
        }

        return false;
    }

    // A word of its own in prose: not glued to a letter, a digit or an identifier's '_' (GITHUB_RUN_ID=…), nor a key before '='.
    private static bool StandsAlone(ReadOnlySpan<char> text, int at, int length)
    {
        var end = at + length;
        return (at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '-' or '.' or '$'))
            && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '_' or '='));
    }

    private static readonly System.Buffers.SearchValues<char> AcronymStops = System.Buffers.SearchValues.Create("!?;\n\r。？！");

    /// <summary>
    /// The digits from <paramref name="start"/> joined by single separators (a space, '-', '/', and '.' when <paramref name="dots"/>),
    /// up to <paramref name="d"/>'s length: their values, each group's length (the last one too) and a bit per separator kind
    /// (' ' 1, '-' 2, '.' 4, '/' 8). Returns where the run ends.
    /// </summary>
    private static int DigitGroups(ReadOnlySpan<char> text, int start, Span<byte> d, Span<int> groups, bool dots, out int n, out int g, out int separators)
    {
        (n, g, separators) = (0, 0, 0);
        int length = 0, i = start;
        while (i < text.Length && n < d.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                d[n++] = (byte)(c - '0');
                length++;
                i++;
            }
            else if ((c is ' ' or '-' or '/' || (dots && c == '.')) && length > 0 && g < groups.Length - 1 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                separators |= c switch { ' ' => 1, '-' => 2, '.' => 4, _ => 8 };
                groups[g++] = length;
                length = 0;
                i++;
            }
            else
            {
                break;
            }
        }

        groups[g++] = length;
        return i;
    }

    // Thai national id: 13 digits, the last = (11 − Σ d[i]·(13 − i) mod 11) mod 10.
    private static bool ThaiId(ReadOnlySpan<byte> d)
    {
        if (d[0] is 0 or 9)
        {
            return false;
        }

        var sum = 0;
        for (var k = 0; k < 12; k++)
        {
            sum += d[k] * (13 - k);
        }

        return (11 - (sum % 11)) % 10 == d[12];
    }

    // Egyptian national id: century (2 for the 1900s, 3 for the 2000s), YYMMDD, a governorate code, serial and check.
    private static bool EgyptianId(ReadOnlySpan<byte> d)
    {
        var governorate = Two(d, 7);
        return d[0] is 2 or 3 && Date(d[1..7], yearFirst: true) && governorate is (>= 1 and <= 4) or (>= 11 and <= 35) or 88;
    }

    // Canadian SIN: Luhn, never starting with 0 or 8.
    private static bool Sin(ReadOnlySpan<byte> d) => d[0] is not (0 or 8) && Luhn(d);

    // Australian TFN: weights 1 4 3 7 5 8 6 9 10, the sum divisible by 11.
    private static bool Tfn(ReadOnlySpan<byte> d)
    {
        ReadOnlySpan<byte> weights = [1, 4, 3, 7, 5, 8, 6, 9, 10];
        var sum = 0;
        for (var k = 0; k < 9; k++)
        {
            sum += d[k] * weights[k];
        }

        return sum % 11 == 0;
    }

    // Greek ΑΦΜ: Σ d[i]·2^(8 − i) for the first eight, mod 11, mod 10, is the ninth.
    private static bool Afm(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += d[k] << (8 - k);
        }

        return sum % 11 % 10 == d[8] && d[..8].IndexOfAnyExcept((byte)0) >= 0;
    }

    // Finnish henkilötunnus in its shape (DDMMYY, century sign, three digits, a check character) whose check fails, with its
    // noun or a personal cue in its line.
    private static bool HetuMistyped(ReadOnlySpan<char> text, int start)
    {
        if ((start > 0 && char.IsLetterOrDigit(text[start - 1])) || text.Length - start < 11 || (text.Length - start > 11 && char.IsLetterOrDigit(text[start + 11])))
        {
            return false;
        }

        // A reference's segment after its letters and a dash ("予約番号：KG-230915-0042", a booking's date and serial; probe 41), a number
        // named public.
        if (DatedReference(text, start) || NamedPublic(text, start))
        {
            return false;
        }

        var t = text.Slice(start, 11);
        if (t[..6].ContainsAnyExceptInRange('0', '9') || t[7..10].ContainsAnyExceptInRange('0', '9') || "+-ABCDEFUVWXY".IndexOf(t[6]) < 0
            || !char.IsAsciiLetterUpper(t[10]) && !char.IsAsciiDigit(t[10]))
        {
            return false;
        }

        Span<byte> d = stackalloc byte[6];
        for (var k = 0; k < 6; k++)
        {
            d[k] = (byte)(t[k] - '0');
        }

        return Date(d, yearFirst: false) && (Cued(text, start, start + 11, HetuCues, back: 80, ahead: 20) || Cued(text, start, start + 11, PersonalCues, back: 80, ahead: 20));
    }

    private static readonly string[] HetuCues = ["henkilötun", "hetu", "sotu", "kela", "henkilö"];

    // An Indian PAN: five capitals (the fourth names the holder's kind: P a person, C a company…), four digits, a capital,
    // with a tax or PAN cue in its line. <paramref name="start"/> is its first digit.
    private static bool Pan(ReadOnlySpan<char> text, int start)
    {
        if (start < 5 || start + 5 > text.Length || (start > 5 && char.IsLetterOrDigit(text[start - 6])))
        {
            return false;
        }

        for (var k = start - 5; k < start; k++)
        {
            if (!char.IsAsciiLetterUpper(text[k]))
            {
                return false;
            }
        }

        for (var k = start; k < start + 4; k++)
        {
            if (!char.IsAsciiDigit(text[k]))
            {
                return false;
            }
        }

        var end = start + 5;
        return char.IsAsciiLetterUpper(text[start + 4]) && (end == text.Length || !char.IsLetterOrDigit(text[end]))
            && "PCHFATBLJG".Contains(text[start - 2]) && !FormatMask(text[(start - 5)..end]) && !CountsUp(text[(start - 5)..start]) && Cued(text, start - 5, end, PanCues, back: 80, ahead: 60);
    }
}
