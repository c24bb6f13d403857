namespace Majordomo.Classification;

/// <summary>
/// Fixed-width records (the twentieth session, docs/CLASSIFIER.md "Leftovers of probes 33 and 36"). A payroll or bank file in
/// fixed columns glues its values together ("40271541928376HOLLOWAY MARGARET 00000184250"): no noun stands before the sort code, the
/// account or the NIR, and no delimiter splits them from the next field. What names them is the layout the user gives with the file
/// ("sort code 6, account number 8, payee name 18"): an id's or an account's field with its width, over record lines holding a digit
/// run at least as long. A stock, weather or catalogue file's layout names no such field, so its records stay none.
/// </summary>
internal static partial class SecretPhrases
{
    // An id's or an account's field as layouts name it (lower case, matched case-insensitively at a word's start). A property: the
    // trigger list reads it while the partial files' fields initialise.
    private static string[] LayoutFields =>
    [
        "sort code", "account number", "account no", "account", "dfi account", "routing", "iban", "ssn", "nir", "bsn", "cpf", "pesel", "steuer-id",
        "steuer id", "steuernummer", "codice fiscale", "tc kimlik", "personnummer", "снилс", "инн", "номер счёта", "номер счета", "nif", "dni",
        "nino", "ni number", "kontonummer", "konto", "clearingnummer", "numer rachunku", "nr rachunku", "rekeningnummer", "cuenta", "conta",
        "compte", "conto", "agência", "agencia",
    ];

    // In a class of their own: built on the first check, once the partial files' fields have initialised; split by first letter,
    // as every trigger hit asks them.
    private static class LayoutStarts
    {
        internal static readonly FoldedWords Fields = new(LayoutFields);
        internal static readonly FoldedWords Roles = new(RoleIdTriggers);
    }

    // Units a layout may put after a width ("NIR 15 caractères", "BSN 9 posities").
    private static readonly string[] WidthUnits =
    [
        "characters", "chars", "char", "caractères", "caracteres", "caratteri", "car.", "posities", "posições", "posiciones", "positions", "pos.",
        "stellen", "stellig", "znaków", "символов", "символа", "karakter", "tecken", "bytes", "digits", "dígitos", "cifre", "chiffres", "cijfers",
    ];

    // The words that join a layout's fields besides its commas ("… 8 and amount 10", "… 11 und Name 20").
    private static readonly string[] LayoutJoins = ["and", "und", "et", "y", "e", "i", "och", "og", "ve", "и", "en"];

    /// <summary>
    /// A layout's id or account field at <paramref name="at"/> with its width (4–40) before the next field's delimiter, and a record
    /// line after it holding a digit run of that width (nine digits at most asked) and a name in capitals.
    /// </summary>
    private static bool LayoutAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
        {
            return false;
        }

        var rest = text[at..];
        foreach (var field in LayoutStarts.Fields.At(rest))
        {
            if (rest.StartsWith(field, StringComparison.OrdinalIgnoreCase) && FieldWidth(text, at + field.Length) is > 0 and var width)
            {
                return RecordLineAfter(text, at, Math.Min(width, 9));
            }
        }

        return false;
    }

    /// <summary>The width after a field's name ending at <paramref name="end"/>: 1–2 digits (4–40), a unit perhaps, then a delimiter or a join; 0 when none.</summary>
    private static int FieldWidth(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length || char.IsLetterOrDigit(text[end]))
        {
            return 0;
        }

        var i = end;
        while (i < text.Length && i - end < 3 && text[i] is ' ' or ':' or '=' or '(' or '\t')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i - start is not (1 or 2) || int.Parse(text[start..i], provider: System.Globalization.CultureInfo.InvariantCulture) is < 4 or > 40)
        {
            return 0;
        }

        var width = int.Parse(text[start..i], provider: System.Globalization.CultureInfo.InvariantCulture);
        var after = text[i..Math.Min(text.Length, i + 24)].TrimStart(' ');
        foreach (var unit in WidthUnits)
        {
            if (after.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                after = after[unit.Length..].TrimStart(' ');
                break;
            }
        }

        if (after.IsEmpty || after[0] is ',' or ';' or '|' or ')' or '/' or '+' or '\n' or '\r')
        {
            return width;
        }

        foreach (var join in LayoutJoins)
        {
            if (after.StartsWith(join, StringComparison.OrdinalIgnoreCase) && after.Length > join.Length && after[join.Length] == ' ')
            {
                return width;
            }
        }

        return 0;
    }

    /// <summary>
    /// The first line with text from <paramref name="from"/> is a table's header: three delimiters of one kind or more (comma,
    /// semicolon, tab, pipe), no digit, 300 characters at most ("Date,Description,Reference,Debit,Credit,Balance").
    /// </summary>
    private static bool HeaderRowNext(ReadOnlySpan<char> text, int from)
    {
        var rest = text[Math.Min(from, text.Length)..Math.Min(text.Length, from + 320)].TrimStart(" \t\r\n");
        var end = rest.IndexOfAny('\n', '\r');
        var line = end < 0 ? rest : rest[..end];
        return line.Length <= 300 && !line.ContainsAnyInRange('0', '9')
            && (line.Count(',') >= 3 || line.Count(';') >= 3 || line.Count('\t') >= 3 || line.Count('|') >= 3);
    }

    /// <summary>
    /// A record line in the 4,000 characters after <paramref name="at"/>: twenty characters or more, no lower-case letter, a run of
    /// <paramref name="digits"/> digits or more (not one digit repeated) and three capitals in a row (a name).
    /// </summary>
    private static bool RecordLineAfter(ReadOnlySpan<char> text, int at, int digits)
    {
        var region = text[at..Math.Min(text.Length, at + 4000)];
        foreach (var range in region.SplitAny('\n', '\r'))
        {
            var line = region[range].Trim(' ');
            if (line.Length < 20)
            {
                continue;
            }

            int run = 0, longest = 0, capitals = 0, name = 0;
            var lower = false;
            var repeated = true;
            for (var k = 0; k < line.Length && !lower; k++)
            {
                var c = line[k];
                lower = char.IsLower(c);
                run = char.IsAsciiDigit(c) ? run + 1 : 0;
                repeated &= !(run > 1 && c != line[k - 1]);
                longest = Math.Max(longest, run);
                capitals = char.IsUpper(c) ? capitals + 1 : 0;
                name = Math.Max(name, capitals);
            }

            if (!lower && longest >= digits && name >= 3 && !repeated)
            {
                return true;
            }
        }

        return false;
    }
}
