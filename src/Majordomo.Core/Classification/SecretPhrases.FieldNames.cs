namespace Majordomo.Classification;

/// <summary>
/// Nouns that name a field rather than label a value, after probes 18's and 21's leftovers (docs/CLASSIFIER.md "Probes 18 and 21's
/// leftovers"): a document's kind as a log's or a payload's value (<c>"doc_type":"passport","doc_number":"[REDACTED]"</c>), and an
/// instruction that lists the fields to extract ("Вытащи из счёта номер, ИНН и КПП поставщика…:", "승인번호, 공급자 사업자등록번호,
/// 합계금액만 뽑아줘."). Either way the noun's own line holds no value, and the lines after it are the material's, read by their own
/// labels; a value on the noun's line is still read. And a Swedish <c>pnr</c> is a personnummer only with a birth date's digits
/// (an Indian railway's PNR <c>4829173650</c> is a booking).
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>Whether the noun <paramref name="at"/>..<paramref name="end"/> is a quoted value of a key (<c>"doc_type":"passport"</c>) with no value after it on its line.</summary>
    private static bool NounAsFieldValue(ReadOnlySpan<char> text, int at, int end)
    {
        if (at < 2 || end >= text.Length || text[at - 1] is not ('"' or '\'') || text[end] != text[at - 1])
        {
            return false;
        }

        var before = text[..(at - 1)].TrimEnd(' ');
        return !before.IsEmpty && before[^1] is ':' or '=' && !ValueOnLine(text, end + 1);
    }

    // Verbs asking for fields to be pulled out of material, in the corpus languages (imperatives and stems).
    private static readonly string[] ExtractVerbs =
    [
        "extract", "pull out", "pull the", "list the", "get the", "find the", "вытащи", "выпиши", "извлеки", "найди", "выдели", "випиши", "витягни",
        "знайди", "виокрем", "뽑아", "추출", "찾아", "提取", "抽出", "抜き出", "取り出", "extrae", "saca ", "extraia", "extraí", "tire ", "estrai",
        "extrahier", "zieh ", "entnimm", "extrais", "relève", "wyciągnij", "wypisz", "çıkar", "extrahera", "haal ",
        // Probe 24's languages.
        "trích", "tách", "lấy ra", "keluarkan", "ekstrak", "toa ", "dondoa", "دربیار", "استخرج", "نکال", "বের কর", "எடு",
        "काढ", "plocka ut", "ta ut", "hent ut", "poimi", "βγάλε", "extrage", "wyodrębnij",
    ];

    // Words joining items of a list of field names.
    private static readonly string[] ListJoins = ["и", "і", "та", "and", "y", "e", "und", "et", "i", "ve", "och", "en", "or", "или", "або", "và", "dan", "at", "na", "و", "আর", "ও", "और", "og", "ja", "και", "și"];

    /// <summary>
    /// Whether the noun <paramref name="at"/>..<paramref name="end"/> is one item of a list of fields an instruction on its line asks
    /// to extract (a comma or a joining word right before or after it), with no value after it on its line.
    /// </summary>
    private static bool ListedForExtraction(ReadOnlySpan<char> text, int at, int end)
    {
        var lineStart = text[..at].LastIndexOfAny('\n', '\r') + 1;
        var lineEnd = text[end..].IndexOfAny('\n', '\r');
        var line = text[lineStart..(lineEnd < 0 ? text.Length : end + lineEnd)];
        var asked = false;
        foreach (var verb in ExtractVerbs)
        {
            if (line.Contains(verb, StringComparison.OrdinalIgnoreCase))
            {
                asked = true;
                break;
            }
        }

        return asked && (ListNeighbour(text[lineStart..at], before: true) || ListNeighbour(text[end..(lineEnd < 0 ? text.Length : end + lineEnd)], before: false))
            && !ValueOnLine(text, end);
    }

    // A comma, or a joining word, right next to the noun (past at most one word on the side away from the comma: "код ЄДРПОУ постачальника і").
    private static bool ListNeighbour(ReadOnlySpan<char> side, bool before)
    {
        var near = before ? side[Math.Max(0, side.Length - 24)..] : side[..Math.Min(side.Length, 24)];
        var words = near.Trim(" ");
        if (words.IsEmpty)
        {
            return false;
        }

        if (before ? words[^1] is ',' or '、' or '，' : words[0] is ',' or '、' or '，')
        {
            return true;
        }

        var k = 0;
        foreach (var range in near.SplitAny(" ,"))
        {
            var word = near[range];
            if (word.IsEmpty)
            {
                continue;
            }

            k++;
            if (OneOf(word, ListJoins))
            {
                return true;
            }

            if (!before && k >= 2)
            {
                break;
            }
        }

        return false;
    }

    // A value of a secret's kind on the rest of the line from <paramref name="from"/>.
    private static bool ValueOnLine(ReadOnlySpan<char> text, int from)
    {
        var rest = text[from..Math.Min(text.Length, from + 120)];
        var newline = rest.IndexOfAny('\n', '\r');
        rest = newline < 0 ? rest : rest[..newline];
        return DigitValue(rest) || StrongToken(rest) || GluedScriptPassword(rest);
    }

    /// <summary>Whether "pnr" ending at <paramref name="end"/> is followed by digits that do not open with a birth date (YYMMDD or YYYYMMDD).</summary>
    private static bool PnrNotPersonal(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (phrase != "pnr")
        {
            return false;
        }

        var rest = text[end..Math.Min(text.Length, end + 24)].TrimStart(" :.#");
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        var run = digits < 0 ? rest : rest[..digits];
        if (run.Length < 6)
        {
            return false;
        }

        var date = run.Length >= 12 ? run[2..8] : run[..6];
        var month = ((date[2] - '0') * 10) + (date[3] - '0');
        var day = ((date[4] - '0') * 10) + (date[5] - '0');
        return !(month is >= 1 and <= 12 && day is >= 1 and <= 31 or >= 61 and <= 91); // 61–91: a co-ordination number
    }

    /// <summary>
    /// The value window's end <paramref name="limit"/> (from <paramref name="from"/>) moved back before a number it cuts (probe 21: "… mi móvil es 611 2|0 44 87" was
    /// read as the code 611 2): a number the edge cuts starts some 80 characters after the noun, in another clause, and is not its value.
    /// </summary>
    private static int BeforeCutNumber(ReadOnlySpan<char> text, int from, int limit)
    {
        // Only a cut inside a number: a digit on both sides of the edge, or a group's space or dash between two digits.
        var inside = limit > 1 && limit < text.Length && char.IsAsciiDigit(text[limit])
            && (char.IsAsciiDigit(text[limit - 1]) || (text[limit - 1] is ' ' or '-' && char.IsAsciiDigit(text[limit - 2])));
        while (inside && limit > from && (char.IsAsciiDigit(text[limit - 1]) || (text[limit - 1] is ' ' or '-' && limit > 1 && char.IsAsciiDigit(text[limit - 2]))))
        {
            limit--;
        }

        return limit;
    }
}
