namespace Majordomo.Classification;

/// <summary>
/// Structured data (probe <c>sensitive-lookalikes-33</c>, docs/CLASSIFIER.md "Probe 33 read by category"), the digit and id-phrase
/// side: a product's barcode (EAN-13, GTIN, JAN, ISBN) that happens to pass Luhn, a masked column's tail (<c>XXX-XX-0001</c>), a
/// value a sandbox names its test persona's (<c>TEST00000</c>, <c>SANDBOX-0001</c>), an appointment's date and hour after a document's
/// noun ("Passport renewal at post office, 2026-12-18 11:00").
/// </summary>
internal static partial class SensitiveScanner
{
    // The words that name a product's barcode; the text holding one calls its 13-digit numbers barcodes.
    private static readonly string[] BarcodeWords = ["ean", "gtin", "jan", "upc", "isbn", "barcode", "bar code", "code-barre", "code barre", "código de barras", "strichcode", "штрихкод", "条码", "条形码", "バーコード", "바코드"];

    /// <summary>
    /// Thirteen digits whose last is their EAN-13 check digit, in a text that names barcodes: a product's code, not a card (one in ten
    /// EANs also passes Luhn: "6901234567892").
    /// </summary>
    private static bool ProductCode(ReadOnlySpan<char> text, ReadOnlySpan<byte> digits)
    {
        if (digits.Length != 13)
        {
            return false;
        }

        var sum = 0;
        for (var k = 0; k < 12; k++)
        {
            sum += digits[k] * (k % 2 == 0 ? 1 : 3);
        }

        if ((10 - (sum % 10)) % 10 != digits[12])
        {
            return false;
        }

        return NamesBarcode(text);
    }

    /// <summary>Whether the text names a product's barcode (EAN, GTIN, JAN, UPC, ISBN, 条码…).</summary>
    internal static bool NamesBarcode(ReadOnlySpan<char> text)
    {
        foreach (var word in BarcodeWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A value's first characters a mask stands before ("XXX-XX-0001", "xxx-xx-1234", "***-**-6789"): the tail of a masked id.
    private static bool MaskBefore(ReadOnlySpan<char> rest, int i)
    {
        if (i < 2 || rest[i - 1] != '-')
        {
            return false;
        }

        var before = rest[..(i - 1)];
        var mask = before.Length - before.TrimEnd("Xx*#•").Length;
        return mask >= 2;
    }

    // The words a sandbox's documented persona's value starts with ("TEST00000", "SANDBOX-0001", "DEMO123456").
    private static readonly string[] TestPrefixes = ["TEST", "SANDBOX", "DEMO", "DUMMY", "FAKE", "SAMPLE", "EXAMPLE"];

    /// <summary>
    /// An id's value that starts with a test word in capitals or is zeros alone ("000000000", "000.000.000-00"): a sandbox's documented
    /// persona, not a person's document.
    /// </summary>
    internal static bool TestValue(ReadOnlySpan<char> value)
    {
        if (value.Length >= 6 && value.IndexOfAnyExcept("0.- ") < 0)
        {
            return true;
        }

        foreach (var prefix in TestPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "2026-12-18 11:00": a date and its hour, an appointment's time.
    private static bool DateAndHour(ReadOnlySpan<char> s) =>
        s.Length >= 16 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[..4].IndexOfAnyExceptInRange('0', '9') < 0
        && char.IsAsciiDigit(s[11]) && char.IsAsciiDigit(s[12]) && char.IsAsciiDigit(s[14]);

    // A card column's header cell: the card's noun in the corpus languages, "pan", "cc".
    private static readonly string[] CardHeaders = ["card", "karte", "carte", "tarjeta", "cartão", "carta", "kaart", "karta", "pan", "cc_", "cc"];

    /// <summary>
    /// Thirteen to nineteen digits in one cell of a delimited table whose column's header names a card ("donor,date,amount,card"):
    /// the column says what the cell is, its checksum aside (a mistyped card is still the donor's card). The card's last four
    /// (<c>card_last4</c>) and a token's column (<c>card_token</c>) are no card.
    /// </summary>
    private static bool CardColumn(ReadOnlySpan<char> text, int start, int end)
    {
        if (start == 0 || text[start - 1] is not (',' or ';' or '\t' or '|') || (end < text.Length && text[end] is not (',' or ';' or '\t' or '|' or '\n' or '\r')))
        {
            return false;
        }

        var delimiter = text[start - 1];
        var lineStart = text[..start].LastIndexOf('\n') + 1;
        var column = text[lineStart..start].Count(delimiter);
        var lineEnd = text[start..].IndexOf('\n');
        var count = text[lineStart..(lineEnd < 0 ? text.Length : start + lineEnd)].Count(delimiter);
        // Up the table to its header: the nearest line above with as many delimiters and no digit, at most twenty rows.
        for (var up = 0; up < 20 && lineStart > 0; up++)
        {
            var above = text[..(lineStart - 1)];
            var from = above.LastIndexOf('\n') + 1;
            var line = above[from..].TrimEnd('\r');
            if (line.Count(delimiter) != count)
            {
                return false;
            }

            if (!line.ContainsAnyInRange('0', '9'))
            {
                return CardHeader(line, delimiter, column);
            }

            lineStart = from;
        }

        return false;
    }

    private static bool CardHeader(ReadOnlySpan<char> header, char delimiter, int column)
    {
        var index = 0;
        foreach (var range in header.Split(delimiter))
        {
            if (index++ != column)
            {
                continue;
            }

            var cell = header[range].Trim(" \"'");
            if (cell.Contains("last", StringComparison.OrdinalIgnoreCase) || cell.Contains("token", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var noun in CardHeaders)
            {
                if (cell.StartsWith(noun, StringComparison.OrdinalIgnoreCase) && (cell.Length == noun.Length || !char.IsLetter(cell[noun.Length]) || noun.Length >= 4))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }
}
