using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Vehicles, mobility and field work by their values' shapes (after the probe <c>sensitive-lookalikes-52</c>, docs/CLASSIFIER.md "Probe 52
/// read by category"; the nouns are <c>SecretPhrases.Mobility</c>'s): a UK driving licence's number, an EV charging contract's id
/// (EMAID), a Turkish id after "TC" whose check digits fail, a fuel or fleet card's number with its expiry (no Luhn check), a dump of
/// hashed PINs or passwords, and a policy's or a licence's number asked to be typed off a photo.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// The last pass, after the phrases (a text another rule already reads keeps the kind the learned model was trained on): a UK licence's
    /// number, an EMAID, a Turkish id after "TC", at each digit run's start.
    /// </summary>
    internal static SensitiveKind ScanMobilityNumbers(ReadOnlySpan<char> text)
    {
        for (var offset = 0; offset < text.Length;)
        {
            var hit = text[offset..].IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                break;
            }

            var start = offset + hit;
            if (MobilityNumber(text, start))
            {
                return SensitiveKind.PersonalId;
            }

            var run = text[start..].IndexOfAnyExceptInRange('0', '9');
            offset = run < 0 ? text.Length : start + run;
        }

        return SensitiveKind.None;
    }

    /// <summary>The digit run at <paramref name="start"/> is inside a UK licence's number or an EMAID, or a Turkish id after "TC".</summary>
    private static bool MobilityNumber(ReadOnlySpan<char> text, int start) =>
        start > 0 && ((char.IsAsciiLetterUpper(text[start - 1]) && (UkLicenceAt(text, start) || EmaidAt(text, start)))
            || (text[start - 1] is ' ' or ':' && TurkishIdAfterAcronym(text, start)));

    /// <summary>
    /// A UK driving licence's number, sixteen characters ("MORGA657054SM9IJ", or in three groups): five of the surname padded with 9s,
    /// the birth date's six digits (decade, month — plus 50 for a woman —, day, year), two initials (or 9s), a digit and two check
    /// characters. The digit run at <paramref name="start"/> follows the surname's letters.
    /// </summary>
    private static bool UkLicenceAt(ReadOnlySpan<char> text, int start)
    {
        var from = start;
        while (from > 0 && char.IsAsciiLetterUpper(text[from - 1]) && start - from < 5)
        {
            from--;
        }

        if (from > 0 && char.IsLetterOrDigit(text[from - 1]))
        {
            return false;
        }

        Span<char> id = stackalloc char[16];
        var n = 0;
        var k = from;
        for (; k < text.Length && n < 16; k++)
        {
            if (char.IsAsciiLetterUpper(text[k]) || char.IsAsciiDigit(text[k]))
            {
                id[n++] = text[k];
            }
            else if (!(text[k] == ' ' && n is 5 or 11))
            {
                return false;
            }
        }

        return n == 16 && (k >= text.Length || !char.IsLetterOrDigit(text[k])) && UkLicenceShape(id);
    }

    private static bool UkLicenceShape(ReadOnlySpan<char> id)
    {
        // The surname: letters, then 9s only (padding); the date: six digits; the initials: letters or 9s; a digit; two characters.
        var surname = id[..5];
        var pad = surname.IndexOf('9');
        if (!char.IsAsciiLetterUpper(surname[0]) || (pad >= 0 && surname[pad..].IndexOfAnyExcept('9') >= 0) || (pad < 0 ? surname : surname[..pad]).IndexOfAnyExceptInRange('A', 'Z') >= 0
            || id[5..11].IndexOfAnyExceptInRange('0', '9') >= 0 || !(char.IsAsciiLetterUpper(id[11]) || id[11] == '9') || !(char.IsAsciiLetterUpper(id[12]) || id[12] == '9')
            || !char.IsAsciiDigit(id[13]))
        {
            return false;
        }

        var month = ((id[6] - '0') * 10) + (id[7] - '0');
        var day = ((id[8] - '0') * 10) + (id[9] - '0');
        return month is (>= 1 and <= 12) or (>= 51 and <= 62) && day is >= 1 and <= 31;
    }

    /// <summary>
    /// An EV charging contract's id as printed on the card and in roaming logs: a country's two letters, a provider's three characters,
    /// "C" and eight characters, a check character, joined by dashes ("DE-8AA-C12345678-X"). The digit run at <paramref name="start"/>
    /// follows the "C". A charge point's EVSE id ("DE*ION*E12345") is the station's, public.
    /// </summary>
    private static bool EmaidAt(ReadOnlySpan<char> text, int start)
    {
        var c = start - 1;
        if (c < 7 || text[c] != 'C' || text[c - 1] != '-' || text[c - 5] != '-' || !char.IsAsciiLetterUpper(text[c - 6]) || !char.IsAsciiLetterUpper(text[c - 7])
            || (c > 7 && char.IsLetterOrDigit(text[c - 8])) || text[(c - 4)..(c - 1)].IndexOfAnyExcept(UpperAndDigits) >= 0)
        {
            return false;
        }

        // Eight characters after the "C", then the check character after a dash, or none.
        var instance = text[start..].IndexOfAnyExcept(UpperAndDigits);
        var close = instance < 0 ? text.Length : start + instance;
        if (close - start != 8)
        {
            return false;
        }

        var check = close + 1 < text.Length && text[close] == '-' && char.IsAsciiLetterOrDigit(text[close + 1]) ? close + 2 : close;
        return check == text.Length || !char.IsLetterOrDigit(text[check]);
    }

    private static readonly SearchValues<char> UpperAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>
    /// Eleven digits, the first not 0, right after "TC" in capitals (also "T.C.", "TCKN", "TC no", "TC kimlik no", a colon between): a
    /// Turkish id typed in full whose check digits fail is still the person's number (docs/LABELLING.md, a value that fails a checksum).
    /// </summary>
    private static bool TurkishIdAfterAcronym(ReadOnlySpan<char> text, int start)
    {
        if (start < 3 || start + 11 > text.Length || text[start] == '0' || text.Slice(start, 11).IndexOfAnyExceptInRange('0', '9') >= 0
            || (start + 11 < text.Length && char.IsLetterOrDigit(text[start + 11])))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 20)..start];
        foreach (var acronym in (ReadOnlySpan<string>)["TCKN", "T.C.", "TC"])
        {
            var hit = before.LastIndexOf(acronym, StringComparison.Ordinal);
            if (hit < 0 || (hit > 0 && char.IsLetter(before[hit - 1])) || (hit + acronym.Length < before.Length && char.IsLetter(before[hit + acronym.Length])))
            {
                continue;
            }

            var between = before[(hit + acronym.Length)..].Trim(" :#.-\t");
            foreach (var word in (ReadOnlySpan<string>)["kimlik", "no", "numarası", "numaram", "numarasi"])
            {
                between = between.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? between[word.Length..].Trim(" :#.-\t") : between;
            }

            if (between.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    // What stands between a card's number and its expiry date on a slip or in a note ("EXP 11/26", "gültig bis 09/27", "WAŻNA DO 06/27").
    private static readonly string[] ExpiryWords = LongestFirst(
    [
        "exp", "expiry", "expires", "valid thru", "valid to", "valid until", "gültig bis", "gueltig bis", "ablauf", "valable jusqu'au", "fin de validité",
        "vence", "vto", "caducidad", "scad", "scadenza", "validade", "val", "ważna do", "wazna do", "geldig tot", "срок", "годна до", "son kullanma",
    ]);

    // "expires" before "exp": the first word that matches is the whole word.
    private static string[] LongestFirst(string[] words) => [.. words.OrderByDescending(word => word.Length)];

    /// <summary>
    /// A card's number of sixteen to nineteen digits in groups (the first of four) with an expiry word and a month/year right after it
    /// ("ALLSTAR 7070 0412 8830 4471 19 EXP 08/27"): a fuel or fleet card's number, which no Luhn check guards. Not a test or a filler
    /// number, not one named public, no test's cue near.
    /// </summary>
    private static bool CardBeforeExpiryWord(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits, ReadOnlySpan<int> groups)
    {
        if (digits.Length is < 16 or > 19 || groups.Length < 4 || groups[0] != 4 || digits[0] == 0 || end >= text.Length || text[end] != ' ')
        {
            return false;
        }

        var after = text[(end + 1)..Math.Min(text.Length, end + 24)];
        var word = false;
        foreach (var expiry in ExpiryWords)
        {
            if (after.StartsWith(expiry, StringComparison.OrdinalIgnoreCase))
            {
                word = true;
                after = after[expiry.Length..].TrimStart(" .:");
                break;
            }
        }

        return word && Expiry(after[..Math.Min(after.Length, 8)]) && after.IndexOfAnyInRange('0', '9') == 0 && !TestCard(digits) && !Filler(digits)
            && !NamedPublic(text, start) && !Cued(text, start, end, TestCues, back: 200, ahead: 100);
    }

    // A hashed secret's column or key: the secret's word with a hash's word in the same name ("pin_sha256", "password_hash", "hashed_pin").
    private static readonly string[] HashWords = ["hash", "sha", "md5", "digest", "bcrypt", "crypt", "argon"];

    /// <summary>
    /// The secret's noun from <paramref name="at"/> to <paramref name="end"/> is part of a name that says it holds a hash ("pin_sha256",
    /// "passwort_sha1", "password_hash"), and the name holds two hex digests of 32 characters and up: a table's header cell with a digest
    /// on each of the next two lines, or a key given a digest twice within 1,000 characters. A dump of hashed PINs or passwords, which a
    /// short PIN's hash gives back in seconds (docs/LABELLING.md, a hashed password dump). The name alone (a schema, a migration, a log's
    /// "password_hash mismatch" beside trace ids) is no dump.
    /// </summary>
    internal static bool HashedSecretDump(ReadOnlySpan<char> text, int at, int end)
    {
        // The name: the noun joined to other parts by '_' or '-' (or camel case after it).
        if ((end >= text.Length || text[end] is not ('_' or '-' or 'H' or 'S')) && (at == 0 || text[at - 1] is not ('_' or '-')))
        {
            return false;
        }

        var from = at;
        while (from > 0 && (char.IsAsciiLetterOrDigit(text[from - 1]) || text[from - 1] is '_' or '-'))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && (char.IsAsciiLetterOrDigit(text[to]) || text[to] is '_' or '-'))
        {
            to++;
        }

        var name = text[from..to];
        var hashed = false;
        foreach (var word in HashWords)
        {
            hashed |= name.Contains(word, StringComparison.OrdinalIgnoreCase);
        }

        return hashed && (HeaderOverDigests(text, from, to) || KeyedDigests(text, from, name));
    }

    private static readonly SearchValues<char> CellDelimiters = SearchValues.Create(",;|\t");

    // The name is a cell of a delimited header line, and each of the next two lines holds a digest.
    private static bool HeaderOverDigests(ReadOnlySpan<char> text, int from, int to)
    {
        var lineStart = text[..from].LastIndexOf('\n') + 1;
        var lineEnd = text[to..].IndexOf('\n');
        if (lineEnd < 0 || text[lineStart..(to + lineEnd)].IndexOfAny(CellDelimiters) < 0
            || !(from == lineStart || CellDelimiters.Contains(text[from - 1]) || text[from - 1] is '"' or ' ')
            || !(to + lineEnd == to || CellDelimiters.Contains(text[to]) || text[to] is '"' or ' ' or '\r'))
        {
            return false;
        }

        var rows = text[(to + lineEnd + 1)..];
        for (var row = 0; row < 2; row++)
        {
            var next = rows.IndexOf('\n');
            var line = next < 0 ? rows : rows[..next];
            if (HexDigests(line) == 0)
            {
                return false;
            }

            rows = next < 0 ? [] : rows[(next + 1)..];
        }

        return true;
    }

    // The name as a key (quoted or not, then ':' or '=') given a digest, twice within 1,000 characters.
    private static bool KeyedDigests(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> name)
    {
        var window = text[from..Math.Min(text.Length, from + 1000)];
        var count = 0;
        foreach (var hit in SecretPhrases.Occurrences(window, name, StringComparison.Ordinal))
        {
            var value = window[(hit + name.Length)..].TrimStart("\"' ");
            if (value.IsEmpty || value[0] is not (':' or '='))
            {
                continue;
            }

            value = value[1..].TrimStart("\"' ");
            var run = value.IndexOfAnyExcept(HexChars);
            count += (run < 0 ? value.Length : run) >= 32 && HasDigitAndLetter(value[..(run < 0 ? value.Length : run)]) ? 1 : 0;
        }

        return count >= 2;
    }

    // How many runs of 32 hex characters or more, with digits and letters, stand in the window.
    private static int HexDigests(ReadOnlySpan<char> window)
    {
        var count = 0;
        for (var i = 0; i < window.Length;)
        {
            var run = window[i..].IndexOfAnyExcept(HexChars);
            run = run < 0 ? window.Length - i : run;
            if (run >= 32 && (i == 0 || !char.IsAsciiLetterOrDigit(window[i - 1])) && HasDigitAndLetter(window[i..(i + run)]))
            {
                count++;
            }

            i += Math.Max(run, 1);
        }

        return count;
    }

    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    // An insurance policy's and a licence's nouns in a photo's ask.
    private static readonly SearchValues<string> PhotoPolicyNouns = SearchValues.Create(
    [
        "policy", "police d", "polizza", "póliza", "poliza", "apólice", "apolice", "полис", "поліс", "versicherungsschein", "versicherungsnummer",
        "polisnummer", "polisa", "polisy", "poliçe", "保单", "証券番号",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask sent with a photo asks for an insurance policy's number to be typed out as text ("Перепиши номер полиса", "Transcríbeme el
    /// número de póliza", "tipp mir die Versicherungsnummer ab"): the number travels in the picture, as a card's does.
    /// </summary>
    internal static bool PolicyTypedFromPhoto(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(TypeOutVerbs) >= 0 && ask.IndexOfAny(PhotoPolicyNouns) >= 0 && !NumbersMaskedInPhoto(ask);
}
