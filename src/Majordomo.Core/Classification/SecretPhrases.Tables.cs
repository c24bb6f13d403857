namespace Majordomo.Classification;

/// <summary>
/// Structured data people and agents paste (after the probe <c>sensitive-lookalikes-33</c>, docs/CLASSIFIER.md "Probe 33 read by
/// category"): in a table a cell's meaning is its column's, so a noun's value is never read from another cell of the row or from
/// a row below (the column is read by <see cref="HeaderColumn"/>); the rows of an organisations' register hold public numbers; a
/// spreadsheet's range (<c>Dec!A1:D12</c>) and a row of pipe-delimited cells are no password; an invoice's number shaped
/// <c>INV-2026/001284</c>; a payment provider's test card token (<c>tok_visa</c>).
/// </summary>
internal static partial class SecretPhrases
{
    private const string Delimiters = ";\t|,";

    /// <summary>
    /// The first digits after the noun ending at <paramref name="end"/> stand in a delimited table's row (three columns or more, a
    /// neighbouring line delimited alike) and belong to another cell: a later cell of the noun's own row ("Schraube M6;500;Stk;0,04"),
    /// another column below the noun's header cell ("JANコード\nP001,緑茶,140,4901234567894") when the noun's own column holds no
    /// value of its kind ("Konto" over SKR03's four-digit ledger accounts), or an organisation's row. An MT940 statement's tag lines
    /// (":25:BANKCODE/ACCOUNTNO\n:28C:00123/001") are fields of their own too.
    /// </summary>
    private static bool TableValue(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        var window = text[end..Math.Min(text.Length, end + 240)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var value = end + digit;
        var lineStart = text[..value].LastIndexOf('\n') + 1;
        var nounStart = text[..at].LastIndexOf('\n') + 1;
        if (SwiftTag(text[lineStart..]))
        {
            return nounStart < lineStart && SwiftTag(text[nounStart..]);
        }

        var lineEnd = text[value..].IndexOf('\n');
        var row = text[lineStart..(lineEnd < 0 ? text.Length : value + lineEnd)].TrimEnd('\r');
        var delimiter = RowDelimiter(row);
        if (delimiter == '\0' || !NeighbourRow(text, lineStart, lineStart + row.Length, delimiter, row.Count(delimiter)))
        {
            return false;
        }

        // The noun's own row: another cell's value in a table of three columns or more; a two-column table pairs a key with its value
        // ("| wifi password | Fritz-7490-hall |").
        if (nounStart == lineStart)
        {
            return text[end..value].Contains(delimiter) && Cells(row, delimiter) >= 3;
        }

        var nounEnd = text[at..].IndexOf('\n');
        var header = text[nounStart..(nounEnd < 0 ? text.Length : at + nounEnd)].TrimEnd('\r');
        if (header.Count(delimiter) != row.Count(delimiter))
        {
            // A noun in prose over a table: an organisation's row, or a date where its value would be (a statement's booking day).
            var valueCell = text[lineStart..value].LastIndexOf(delimiter) + 1;
            var valueEnd = row[valueCell..].IndexOf(delimiter);
            return OrganisationRow(row) || Date(row[valueCell..(valueEnd < 0 ? row.Length : valueCell + valueEnd)].Trim(" \"'"));
        }

        // A barcode's column ("JANコード", "EAN-Code") holds products' codes, whatever their digits.
        var column = text[nounStart..at].Count(delimiter);
        var cellStart = text[nounStart..at].LastIndexOf(delimiter) + 1;
        var cellEnd = header[cellStart..].IndexOf(delimiter);
        return SensitiveScanner.NamesBarcode(header[cellStart..(cellEnd < 0 ? header.Length : cellStart + cellEnd)])
            || !OwnColumnValue(text, nounStart + header.Length, delimiter, column, AccountNoun(phrase), phrase is "инн" or "ИНН");
    }

    // Whether the header's column (<paramref name="column"/>) holds, in one of the twenty rows below it, a value of the noun's kind: four
    // digits or more (a code, an id), six for an account's noun (no bank numbers an account in four), not a date; organisations' rows skipped.
    // A Russian ИНН of ten digits is an organisation's (a person's has twelve).
    private static bool OwnColumnValue(ReadOnlySpan<char> text, int headerEnd, char delimiter, int column, bool account, bool inn)
    {
        var rows = text[headerEnd..Math.Min(text.Length, headerEnd + 2000)];
        var read = 0;
        foreach (var range in rows.Split('\n'))
        {
            var row = rows[range];
            if (row.IsWhiteSpace() || OrganisationRow(row))
            {
                continue;
            }

            if (++read > 20)
            {
                break;
            }

            var index = 0;
            foreach (var cell in row.Split(delimiter))
            {
                if (index++ == column)
                {
                    var value = row[cell].Trim(" \"'\r");
                    if (CountDigits(value) >= (account ? 6 : 4) && !Date(value) && !(inn && value.Length == 10 && CountDigits(value) == 10))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }

    private static int CountDigits(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits;
    }

    // An account's noun in the corpus languages: a column under it holds a bank's account numbers, six digits or more.
    private static bool AccountNoun(string phrase) =>
        phrase.Contains("konto", StringComparison.OrdinalIgnoreCase) || phrase.Contains("account", StringComparison.OrdinalIgnoreCase)
        || phrase.Contains("cuenta", StringComparison.OrdinalIgnoreCase) || phrase.Contains("compte", StringComparison.OrdinalIgnoreCase)
        || phrase.Contains("conto", StringComparison.OrdinalIgnoreCase) || phrase.Contains("acct", StringComparison.OrdinalIgnoreCase)
        || phrase.Contains("számla", StringComparison.OrdinalIgnoreCase) || phrase.Contains("rekening", StringComparison.OrdinalIgnoreCase);

    // The delimiter a row's cells are split by: two semicolons, tabs or commas, or three pipes (a Markdown or a box table's row).
    private static char RowDelimiter(ReadOnlySpan<char> row) =>
        row.Count(';') >= 2 ? ';' : row.Count('\t') >= 2 ? '\t' : row.Count('|') >= 2 ? '|' : row.Count(',') >= 2 ? ',' : '\0';

    // The line just above or just below holds as many of the delimiter: the row is one of a table's, not a sentence with commas.
    private static bool NeighbourRow(ReadOnlySpan<char> text, int lineStart, int lineEnd, char delimiter, int count)
    {
        var above = lineStart >= 1 ? text[..(lineStart - 1)] : [];
        above = above[(above.LastIndexOf('\n') + 1)..];
        var below = lineEnd + 1 < text.Length ? text[(lineEnd + 1)..] : [];
        var next = below.IndexOf('\n');
        below = next < 0 ? below : below[..next];
        return above.Count(delimiter) == count || below.Count(delimiter) == count;
    }

    // An MT940 or MT942 field's tag at a line's start: ":20:", ":28C:", ":60F:".
    private static bool SwiftTag(ReadOnlySpan<char> line) =>
        line.Length >= 4 && line[0] == ':' && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2])
        && (line[3] == ':' || (line.Length >= 5 && char.IsAsciiLetterUpper(line[3]) && line[4] == ':'));

    // A legal form that names a row's party an organisation (its register and tax numbers are public): Cyrillic, German, English,
    // French, Portuguese, Spanish, Dutch, Nordic, Italian forms; read as whole words.
    private static readonly string[] LegalForms =
    [
        "ООО", "АО", "ПАО", "ЗАО", "ОАО", "GmbH", "AG", "KG", "OHG", "UG", "e.V.", "Ltd", "Ltd.", "Limited", "LLC", "LLP", "Inc", "Inc.", "plc",
        "SARL", "SAS", "SASU", "S.A.", "SA", "Ltda", "Ltda.", "ME", "EIRELI", "S.L.", "SL", "BV", "B.V.", "NV", "AB", "AS", "ASA", "Oy", "ApS",
        "SpA", "S.p.A.", "Srl", "S.r.l.", "Sp. z o.o.", "s.r.o.", "Kft.", "Zrt.",
    ];

    /// <summary>A table's row whose party carries a legal form ("ООО «Кедр-Софт»", "Padaria Bom Grão Ltda"): an organisation's row.</summary>
    private static bool OrganisationRow(ReadOnlySpan<char> row)
    {
        foreach (var form in LegalForms)
        {
            if (WholeWordIn(row, form, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A document's number after the noun ending at <paramref name="end"/>: letters, a year and a running number
    /// ("számlaszám: SZ-2026/000418", "INV-2026/001284"). Hungarian "számla" is an invoice as well as an account; no bank numbers
    /// an account by its year.
    /// </summary>
    private static bool DocumentNumberAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var start = digit;
        while (start > 0 && (char.IsAsciiLetterOrDigit(window[start - 1]) || window[start - 1] is '-' or '/'))
        {
            start--;
        }

        return DocumentNumberShape(window[start..]);
    }

    /// <summary>The digits at <paramref name="start"/> are part of a document's number ("SZ-2026/000418"): its letters, year and running number.</summary>
    internal static bool DocumentNumberAt(ReadOnlySpan<char> text, int start)
    {
        var begin = start;
        while (begin > 0 && start - begin < 12 && (char.IsAsciiLetterOrDigit(text[begin - 1]) || text[begin - 1] is '-' or '/'))
        {
            begin--;
        }

        return DocumentNumberShape(text[begin..Math.Min(text.Length, begin + 30)]);
    }

    // "INV-2026/001284", "SZ-2026/000418": one to five capitals, '-' or '/', a year 1900–2099, '/' and three digits or more.
    private static bool DocumentNumberShape(ReadOnlySpan<char> rest)
    {
        var letters = rest.IndexOfAnyExceptInRange('A', 'Z');
        if (letters is < 1 or > 5 || letters + 9 > rest.Length || rest[letters] is not ('-' or '/'))
        {
            return false;
        }

        // The running number after a slash: a hospital's "AIM-2023-0045571" (UHID) is a patient's number, not a document's.
        var year = rest[(letters + 1)..];
        var run = year[5..].IndexOfAnyExceptInRange('0', '9');
        return year[..4] is ['1', '9', >= '0' and <= '9', >= '0' and <= '9'] or ['2', '0', >= '0' and <= '9', >= '0' and <= '9']
            && year[4] == '/' && (run < 0 ? year.Length - 5 : run) >= 3;
    }

    /// <summary>
    /// The value after the noun ending at <paramref name="end"/> is a sandbox's test persona's: it starts with a test word in capitals
    /// ("Passport TEST12345", "idNo SANDBOX-0001") or is zeros alone ("National ID 000000000").
    /// </summary>
    private static bool TestValueAfter(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 40)].TrimStart(" \t:#=\"'");
        var token = rest[..(rest.IndexOfAny(" \t\n\r,;)\"'") is var stop and >= 0 ? stop : rest.Length)];
        return SensitiveScanner.TestValue(token);
    }

    /// <summary>
    /// A spreadsheet's range in A1 notation after its sheet's name ("Dec!A1:D12", "'Pacientes!A1:F200'"): a tool's argument or a
    /// formula's reference, shaped like a password by its letters, digits and '!'.
    /// </summary>
    private static bool SheetRange(ReadOnlySpan<char> token)
    {
        token = token.Trim("'\"");
        var bang = token.LastIndexOf('!');
        if (bang < 1)
        {
            return false;
        }

        var cells = token[(bang + 1)..];
        var colon = cells.IndexOf(':');
        return colon < 0 ? CellReference(cells) : CellReference(cells[..colon]) && CellReference(cells[(colon + 1)..]);
    }

    // "A1", "$D$12", "AB": a column's letters and a row's number, or a whole column.
    private static bool CellReference(ReadOnlySpan<char> cell)
    {
        cell = cell.TrimStart('$');
        var letters = cell.IndexOfAnyExceptInRange('A', 'Z');
        letters = letters < 0 ? cell.Length : letters;
        var row = cell[letters..].TrimStart('$');
        // A column's letters always: "Bluebird!1987" is a password's word, a '!' and a year.
        return letters is >= 1 and <= 3 && row.Length <= 7 && row.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>
    /// A run with two pipes or more is a row of cells (a pipe-delimited export, an HL7 segment: "MSH|^~\&amp;|LABSYS|…"): each cell is read
    /// as a run of its own, so a password in one cell is still found and the row as a whole is none.
    /// </summary>
    private static bool? PipeCells(ReadOnlySpan<char> text, int start, int end)
    {
        var run = text[start..end];
        if (run.Count('|') < 2)
        {
            return null;
        }

        var cell = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || text[i] == '|')
            {
                if (i > cell && ShapedRun(text, cell, i))
                {
                    return true;
                }

                cell = i + 1;
            }
        }

        return false;
    }

    // A payment provider's test card token ("tok_visa", "tok_mastercard_5454"): the documented stand-in for a test card.
    private static readonly string[] TestCardTokens = ["tok_visa", "tok_mastercard", "tok_mc", "tok_amex", "tok_discover", "tok_diners", "tok_jcb", "tok_unionpay"];

    internal static bool TestCardToken(ReadOnlySpan<char> value)
    {
        foreach (var token in TestCardTokens)
        {
            if (value.StartsWith(token, StringComparison.Ordinal) && (value.Length == token.Length || value[token.Length] is '_' or '-'))
            {
                return true;
            }
        }

        return false;
    }

    // A Russian ИНН of ten digits in the row's cell (<paramref name="column"/>): an organisation's (a person's has twelve).
    private static bool TenDigitCell(ReadOnlySpan<char> row, char delimiter, int column)
    {
        var index = 0;
        foreach (var cell in row.Split(delimiter))
        {
            if (index++ == column)
            {
                var value = row[cell].Trim(" \"'\r");
                return value.Length == 10 && value.IndexOfAnyExceptInRange('0', '9') < 0;
            }
        }

        return false;
    }

    // The snake-case field names among the phrases: a column's name, read only down the column (HeaderColumn) or as the name of a
    // name/value pair (NamedPairValue), never in prose.
    private static bool SnakeHeader(string phrase) =>
        phrase is "insurance_no" or "insurance_number" or "hospital_no" or "patient_no" or "nhs_no" or "nhs_number" or "nhs-number" or "licence_no" or "license_no"
            or "licence_number" or "license_number";

    private static readonly string[] PairValueKeys = ["value", "text", "answer", "wert", "valor", "valeur"];

    /// <summary>
    /// A name/value pair whose name is the id's field (a form's answers, a FHIR identifier): <c>{"field":"licence_number","text":"…"}</c>,
    /// <c>{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "…"}</c>. The noun ends its quoted name; the pair's value key follows it
    /// and its value is an id's (five to twenty-four letters and digits, four digits or more, not a date).
    /// </summary>
    private static bool NamedPairValue(ReadOnlySpan<char> text, int at, int end)
    {
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            end++;
        }

        var rest = text[end..Math.Min(text.Length, end + 80)];
        if (rest.IsEmpty || rest[0] != '"' || at == 0)
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t\r\n,").TrimStart('"');
        foreach (var key in PairValueKeys)
        {
            if (rest.StartsWith(key, StringComparison.OrdinalIgnoreCase) && rest.Length > key.Length && rest[key.Length] == '"')
            {
                var value = rest[(key.Length + 1)..].TrimStart(" \t:").TrimStart('"');
                var close = value.IndexOf('"');
                return close > 0 && ColumnValue(value[..close], password: false);
            }
        }

        return false;
    }

    private static int Cells(ReadOnlySpan<char> row, char delimiter)
    {
        var cells = 0;
        foreach (var range in row.Split(delimiter))
        {
            cells += row[range].IsWhiteSpace() ? 0 : 1;
        }

        return cells;
    }
}
