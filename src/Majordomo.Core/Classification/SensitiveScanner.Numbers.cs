namespace Majordomo.Classification;

/// <summary>
/// Identity and money numbers around the world and the public numbers printed like them, read by category after the probe
/// <c>sensitive-lookalikes-18</c> (docs/CLASSIFIER.md, "Probe 18 read by category"). Ids: an id's acronym in lower case after a
/// possessive ("my sin is 527 190 649", "my tfn's …"); the South African id by its shape (birth date, citizenship digit, Luhn) with
/// a personal cue; a passport's or an id card's machine-readable zone. Public look-alikes: a phone's IMEI (fifteen Luhn-valid
/// digits no card network issues), the card networks' and the SSA's published examples (Stripe's test cards, the Woolworth
/// wallet card 078-05-1120), SSNs in groups never issued (000-…, 666-…, …-00-…, …-0000), a range of numbers ("900-999") and
/// counting digits used as a placeholder (12345678901).
/// </summary>
internal static partial class SensitiveScanner
{
    // Ids' acronyms as people type them in lower case; read only right after a possessive ("my sin", "our tfn"), never alone
    // ("sin" is a word, "tin" a metal, "nis" a Hebrew coin).
    private static readonly string[] LowerAcronyms =
    [
        "sin", "tfn", "ssn", "nin", "bvn", "tin", "nino", "ird", "ppsn", "itin", "cnic", "nis", "bsn", "cpr", "dni", "nie", "nif", "curp", "rut",
        "cuit", "amka", "afm", "egn", "jmbg", "oib", "nric", "utr", "nik",
    ];

    private static readonly string[] AcronymOwners = ["my", "our", "your", "his", "her", "their", "mine"];

    // What may stand between the acronym and its value ("my sin is", "my tfn's", "my ssn number:").
    private static readonly string[] AcronymLinks = ["is", "s", "was", "number", "no", "num", "nr", "here", "it", "its"];

    /// <summary>An id's acronym in lower case right after a possessive, within the last five words before the digits at <paramref name="start"/>.</summary>
    private static bool OwnedLowerAcronymBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 32)..start];
        var stop = before.LastIndexOfAny(AcronymStops);
        before = before[(stop + 1)..];
        var end = before.Length;
        for (var words = 0; words < 5 && end > 0; words++)
        {
            while (end > 0 && !char.IsLetter(before[end - 1]))
            {
                end--;
            }

            var from = end;
            while (from > 0 && char.IsAsciiLetter(before[from - 1]))
            {
                from--;
            }

            if (from == end)
            {
                return false; // a word in another script: not the phrase
            }

            var word = before[from..end];
            if (SecretPhrases.OneOf(word, LowerAcronyms))
            {
                var owner = before[..from].TrimEnd(" \t");
                var ownerStart = owner.Length;
                while (ownerStart > 0 && char.IsAsciiLetter(owner[ownerStart - 1]))
                {
                    ownerStart--;
                }

                return SecretPhrases.OneOf(owner[ownerStart..], AcronymOwners);
            }

            if (!SecretPhrases.OneOf(word, AcronymLinks))
            {
                return false;
            }

            end = from;
        }

        return false;
    }

    /// <summary>A South African id: YYMMDD, four sequence digits, a citizenship digit (0 or 1), a digit and a Luhn check.</summary>
    private static bool SouthAfricanId(ReadOnlySpan<byte> d) =>
        d.Length == 13 && Date(d[..6], yearFirst: true) && d[10] <= 1 && Luhn(d);

    /// <summary>
    /// Fifteen Luhn-valid digits that no card network issues (not American Express's 34 or 37): the shape of a phone's IMEI,
    /// a device's serial, not a card.
    /// </summary>
    private static bool ImeiShaped(ReadOnlySpan<byte> digits) => digits.Length == 15 && !(digits[0] == 3 && digits[1] is 4 or 7);

    // Published numbers that documentation, tests and advertisements print: Stripe's, Adyen's and Braintree's test cards outside
    // TestCard's repeating patterns.
    private static readonly string[] PublishedCards =
    [
        "4000056655665556", "4000002500003155", "4000002760003184", "4000003800000446", "4000000000003220", "4000000000009995",
        "4000000000000002", "4000000000000077", "4000000000000341", "4000000000000127", "4000000000000069", "4000000000000119",
        "4000000000003063", "4000000000000101", "4012888888881881", "4222222222222", "5200828282828210", "5105105105105100",
        "2223003122003222", "378282246310005", "371449635398431", "378734493671000", "6011111111111117", "6011000990139424",
        "6011981111111113", "3056930009020004", "36227206271667", "3566002020360505", "6200000000000005", "6555900000604105",
        "4111111145551142", "5555341244441115", "370000000000002", "4917610000000000", "4988438843884305",
    ];

    // What says a published number is used as one: a test, a sandbox, a fixture.
    private static readonly string[] TestCues = ["test", "stripe", "sandbox", "fixture", "mock", "dummy", "prueba", "teste", "essai", "testow", "тестов"];

    /// <summary>
    /// A card networks' or payment processors' published test number with a test cue in its line ("Stripe test Visa"); pasted as
    /// someone's card without one it stays a card (docs/LABELLING.md: a published example pasted as the user's is sensitive).
    /// </summary>
    private static bool PublishedTestCard(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits) =>
        PublishedCard(digits) && (Cued(text, start, end, TestCues, back: 80, ahead: 60) || CuedBlockAbove(text, start))
        || Cued(text, start, end, TestNumberNames, back: 100, ahead: 100);

    /// <summary>
    /// A test cue heads the block the number stands in: within the 300 characters before it, past line breaks but not past a blank
    /// line (a fixture's comment "// Stripe documented test cards" over its list, one card a line; probe 20's D26024).
    /// </summary>
    private static bool CuedBlockAbove(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 300)..start];
        var blank = before.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (blank >= 0)
        {
            // A heading's line ending in a colon introduces the list after the blank line ("… the sandbox cards we use in CI:").
            var heading = before[..blank].TrimEnd(' ');
            before = heading.EndsWith(':') ? before[(heading.LastIndexOf('\n') + 1)..] : before[(blank + 2)..];
        }

        foreach (var cue in TestCues)
        {
            var hit = before.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PublishedCard(ReadOnlySpan<byte> digits)
    {
        Span<char> number = stackalloc char[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            number[i] = (char)('0' + digits[i]);
        }

        foreach (var card in PublishedCards)
        {
            if (number.SequenceEqual(card))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An SSN printed as an example rather than someone's: the SSA's famous published numbers (the Woolworth wallet card
    /// 078-05-1120, the 1940s advertisement's 219-09-9999) and groups the SSA never issues (area 000 or 666, group 00, serial
    /// 0000: test fixtures' dummies). The 9xx areas stay: they are ITINs.
    /// </summary>
    internal static bool ExampleSsn(ReadOnlySpan<char> value)
    {
        Span<byte> d = stackalloc byte[9];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 9)
                {
                    return false;
                }

                d[n++] = (byte)(c - '0');
            }
            else if (c is not ('-' or ' '))
            {
                return false;
            }
        }

        if (n != 9)
        {
            return false;
        }

        var area = (d[0] * 100) + (d[1] * 10) + d[2];
        var group = (d[3] * 10) + d[4];
        var serial = (d[5] * 1000) + (d[6] * 100) + (d[7] * 10) + d[8];
        return area is 0 or 666 || group == 0 || serial == 0 || (area, group, serial) is (78, 5, 1120) or (219, 9, 9999);
    }

    /// <summary>
    /// A value that is no one's number: a range of two equal-length numbers, the second larger ("900-999"), or digits counting up
    /// one by one for eight or more ("12345678901", "01234567890": a form's placeholder).
    /// </summary>
    internal static bool RangeOrCounting(ReadOnlySpan<char> value)
    {
        var dash = value.IndexOf('-');
        if (dash > 0 && value.LastIndexOf('-') == dash && dash * 2 + 1 == value.Length
            && value[..dash].IndexOfAnyExceptInRange('0', '9') < 0 && value[(dash + 1)..].IndexOfAnyExceptInRange('0', '9') < 0
            && value[(dash + 1)..].SequenceCompareTo(value[..dash]) > 0)
        {
            return true;
        }

        var count = 0;
        var previous = -1;
        foreach (var c in value)
        {
            if (c is ' ' or '-' or '.')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || (previous >= 0 && c - '0' != (previous + 1) % 10))
            {
                return false;
            }

            previous = c - '0';
            count++;
        }

        return count >= 8;
    }

    /// <summary>
    /// A line of a passport's or an id card's machine-readable zone at the digit <paramref name="start"/>: 30, 36 or 44 characters of
    /// capitals, digits and '&lt;' fillers, with a line of the same zone next to it (the name line "P&lt;GBRSMITH&lt;&lt;JOHN…" or the
    /// numbers' line). Not the ICAO and German specimens (Utopia's UTO, MUSTERMANN): documentation's examples.
    /// </summary>
    private static bool MrzAt(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && !(text[start - 1] is '<' or '\n' or '\r' || char.IsAsciiLetterUpper(text[start - 1])))
        {
            return false;
        }

        var lineStart = start - 1;
        while (lineStart >= 0 && start - lineStart <= 44 && text[lineStart] is not ('\n' or '\r'))
        {
            lineStart--;
        }

        lineStart++;
        if (start - lineStart > 44)
        {
            return false;
        }

        var line = MrzLine(text, lineStart);
        if (line.IsEmpty)
        {
            return false;
        }

        // The zone's other lines: the one above or the one below.
        var above = lineStart >= 2 ? LineBefore(text, lineStart) : -1;
        var below = lineStart + line.Length;
        while (below < text.Length && text[below] is '\n' or '\r')
        {
            below++;
        }

        var other = above >= 0 ? MrzLine(text, above) : [];
        var next = below < text.Length && below > lineStart + line.Length ? MrzLine(text, below) : [];
        if (other.IsEmpty && next.IsEmpty)
        {
            return false;
        }

        foreach (var zone in (ReadOnlySpan<int>)[lineStart, above, below])
        {
            if (zone >= 0 && zone < text.Length)
            {
                var part = text[zone..Math.Min(text.Length, zone + 44)];
                if (part.Contains("UTO", StringComparison.Ordinal) || part.Contains("MUSTERMANN", StringComparison.Ordinal) || part.Contains("SPECIMEN", StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // The line starting at lineStart when it is a machine-readable zone's: 30, 36 or 44 of A–Z, 0–9 and '<', two fillers at least.
    private static ReadOnlySpan<char> MrzLine(ReadOnlySpan<char> text, int lineStart)
    {
        var rest = text[lineStart..Math.Min(text.Length, lineStart + 45)];
        var length = 0;
        while (length < rest.Length && (char.IsAsciiLetterUpper(rest[length]) || char.IsAsciiDigit(rest[length]) || rest[length] == '<'))
        {
            length++;
        }

        // 30, 36 or 44 as printed; a character more or two fewer as users paste it.
        if (length is < 28 or > 46 || (length < rest.Length && rest[length] is not ('\n' or '\r' or ' ')))
        {
            return [];
        }

        var line = rest[..length];
        return line.Count('<') >= 2 ? line : [];
    }

    // Where the line before the one at lineStart starts (-1 when there is none within 46 characters).
    private static int LineBefore(ReadOnlySpan<char> text, int lineStart)
    {
        var end = lineStart - 1;
        while (end >= 0 && text[end] is '\n' or '\r')
        {
            end--;
        }

        if (end < 0)
        {
            return -1;
        }

        var from = end;
        while (from > 0 && end - from < 46 && text[from - 1] is not ('\n' or '\r'))
        {
            from--;
        }

        return from;
    }

    /// <summary>"account manager is on 0161 496 0321": a number after "on", "call" or "unter" is a phone line's, not an account's.</summary>
    private static bool PhoneBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 8)..start].TrimEnd(' ');
        foreach (var word in (ReadOnlySpan<string>)["on", "call", "ring", "dial", "unter", "au"])
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An ISO timestamp's start ("2026-12-06T06:41:02Z"): a log line's time, not an id.</summary>
    internal static bool Timestamp(ReadOnlySpan<char> s) =>
        s.Length >= 11 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[..4].IndexOfAnyExceptInRange('0', '9') < 0;

    // "mine is", "meine ist": an answer about one's own id, its noun named earlier in the chat.
    private static readonly string[] OwnedAnswers =
    [
        "mine is", "mine's", "meine ist", "meine lautet", "la mienne est", "le mien est", "la mía es", "el mío es", "a minha é", "o meu é",
        "la mia è", "il mio è", "de mijne is", "mijn is", "min är", "mitt är", "mój to", "moja to", "мой -", "мой —",
    ];

    // Ids' nouns an owned answer may refer to (read up to 400 characters back: the question a turn or two before).
    private static readonly string[] OwnedIdNouns =
    [
        "steuer-id", "steuerid", "identifikationsnummer", "steuernummer", "sin", "ssn", "social security", "social insurance", "tax file", "tfn",
        "tax id", "passport", "id number", "national id", "personnummer", "fødselsnummer", "pesel", "dni", "nie", "nif", "cpf", "bsn", "nino",
        "national insurance", "numéro fiscal", "sécurité sociale", "codice fiscale", "número de identificación", "aadhaar", "マイナンバー",
    ];

    /// <summary>
    /// Nine digits or more right after "mine is" / "meine ist" (probe 18: "ok gefunden, meine ist 58 927 314 602"), with an id's noun
    /// within the 400 characters before: the user answers with their own id. Read only after the owned answer's words.
    /// </summary>
    private static bool OwnedAnswerId(ReadOnlySpan<char> text, int start)
    {
        if (start < 8 || text[start - 1] is not (' ' or ':'))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 20)..start].TrimEnd(" :");
        var owned = false;
        foreach (var answer in OwnedAnswers)
        {
            if (before.EndsWith(answer, StringComparison.OrdinalIgnoreCase))
            {
                owned = true;
                break;
            }
        }

        if (!owned)
        {
            return false;
        }

        Span<byte> d = stackalloc byte[20];
        Span<int> groups = stackalloc int[8];
        var i = DigitGroups(text, start, d, groups, dots: true, out var n, out var g, out var separators);
        if (n is < 9 or > 13 || DateShaped(groups[..g], separators) || (i < text.Length && char.IsAsciiLetterOrDigit(text[i])))
        {
            return false;
        }

        var earlier = text[Math.Max(0, start - 400)..start];
        foreach (var noun in OwnedIdNouns)
        {
            for (var k = earlier.IndexOf(noun, StringComparison.OrdinalIgnoreCase); k >= 0;)
            {
                if ((k == 0 || !char.IsLetter(earlier[k - 1])) && (k + noun.Length == earlier.Length || !char.IsLetter(earlier[k + noun.Length]) || noun.Length > 4))
                {
                    return true;
                }

                var next = earlier[(k + 1)..].IndexOf(noun, StringComparison.OrdinalIgnoreCase);
                k = next < 0 ? -1 : k + 1 + next;
            }
        }

        return false;
    }

    /// <summary>Nine digits or more counting up one by one from <paramref name="start"/> ("12345678901", "0123456789"): a placeholder.</summary>
    private static bool CountingAt(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        while (i < text.Length && char.IsAsciiDigit(text[i]) && text[i] - '0' == (text[i - 1] - '0' + 1) % 10)
        {
            i++;
        }

        return i - start >= 9;
    }
}
