namespace Majordomo.Classification;

/// <summary>
/// References a utility, a deposit scheme, a fine or a card terminal prints, and the aliases people publish to be paid
/// (docs/LABELLING.md "Not sensitive": supply-point codes — CUPS, PDL, PDR, POD, EAN, PPE, CPE, EIC —, meter serials, a deposit's or
/// a penalty charge notice's reference, a terminal's MID and TID; a Pix key that is an e-mail, a phone number or a random key). They
/// unlock nothing: a code's or a number's noun naming one of them is no secret's (<c>SensitiveServiceReferencesTests</c>).
/// </summary>
internal static partial class SecretPhrases
{
    // Supply points, meters, deposit schemes, parking fines and card terminals by their acronyms, read in capitals as whole words.
    private static readonly string[] ServiceAcronyms = ["CUPS", "PDL", "PDR", "POD", "PCE", "PPE", "CPE", "EIC", "EAN", "MID", "TID", "PCN", "TDS", "DPS", "ЕІС", "ЕИС"];

    // Nouns a key is named by in the languages Pix is used from.
    private static readonly string[] KeyNouns = ["chave", "key", "clave", "chiave", "clé", "schlüssel"];

    /// <summary>The guard of <see cref="NotAValue"/>: the noun at <paramref name="at"/> names a service's reference or a payment alias.</summary>
    private static bool ServiceReference(ReadOnlySpan<char> text, int at, int end, string phrase) =>
        ServiceAcronymBeside(text, at, end) || PixAliasAfter(text, at, end, phrase);

    /// <summary>
    /// One of <see cref="ServiceAcronyms"/> just before the noun, past a space or a hyphen ("EAN-code: 8716…", "EIC-Code 11YW…"), or just
    /// after it ("numéro PDL", "código CPE").
    /// </summary>
    private static bool ServiceAcronymBeside(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[..at].TrimEnd(" -");
        var from = before.Length;
        while (from > 0 && char.IsLetter(before[from - 1]))
        {
            from--;
        }

        if (from < before.Length && (from == 0 || !char.IsLetterOrDigit(before[from - 1])) && ServiceAcronym(before[from..]))
        {
            return true;
        }

        var after = text[end..].TrimStart(" -");
        var length = 0;
        while (length < after.Length && char.IsLetter(after[length]))
        {
            length++;
        }

        return length > 0 && (length == after.Length || !char.IsLetterOrDigit(after[length])) && ServiceAcronym(after[..length]);
    }

    /// <summary>Whether <paramref name="word"/> is one of <see cref="ServiceAcronyms"/> as printed, in capitals.</summary>
    internal static bool ServiceAcronym(ReadOnlySpan<char> word)
    {
        foreach (var acronym in ServiceAcronyms)
        {
            if (word.SequenceEqual(acronym))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A key's noun with Pix named in the 80 characters before it, or a random key's ("chave aleatória"), whose value is an e-mail, a
    /// phone number or a UUID: an alias published to be paid, as an e-mail or a phone alone is. A key that is a CPF stays (its digits
    /// are read as a CPF; a "CPF" near keeps the noun's own check).
    /// </summary>
    private static bool PixAliasAfter(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (!OneOf(phrase, KeyNouns))
        {
            return false;
        }

        var around = text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 60)];
        var rest = text[end..Math.Min(text.Length, end + 60)];
        if (!(WholeWordsIn(text[Math.Max(0, at - 80)..at], ["pix"]) || rest.TrimStart(' ').StartsWith("aleat", StringComparison.OrdinalIgnoreCase)) || WholeWordsIn(around, ["cpf"]))
        {
            return false;
        }

        // The first word after the noun holding a digit or an '@' is the key's value.
        var start = rest.IndexOfAnyInRange('0', '9');
        var mail = rest.IndexOf('@');
        if (start < 0 && mail < 0)
        {
            return false;
        }

        start = start < 0 ? mail : mail < 0 ? start : Math.Min(start, mail);
        while (start > 0 && rest[start - 1] is not (' ' or ':' or '\t' or '\n' or '"' or '\'' or '('))
        {
            start--;
        }

        var value = rest[start..];
        var stop = value.IndexOfAny(" \t\r\n,;\"'");
        var word = (stop < 0 ? value : value[..stop]).TrimEnd(".!?)");
        return (word.Length == 36 && Uuid(word)) || (word.IndexOf('@') > 0 && word.IndexOf('.') > word.IndexOf('@')) || PhoneShaped(value);
    }

    // A phone number's print: ten to thirteen digits with '+', brackets, spaces and dashes, no dot, up to the next word.
    private static bool PhoneShaped(ReadOnlySpan<char> value)
    {
        var digits = 0;
        var k = 0;
        for (; k < value.Length && (char.IsAsciiDigit(value[k]) || value[k] is '+' or '(' or ')' or '-' or ' '); k++)
        {
            digits += char.IsAsciiDigit(value[k]) ? 1 : 0;
        }

        return digits is >= 10 and <= 13 && (k == value.Length || !char.IsLetterOrDigit(value[k]) && value[k] != '.' || value[k] == '.' && (k + 1 == value.Length || value[k + 1] == ' '));
    }
}
