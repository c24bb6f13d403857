using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Passwords as speech-to-text writes them (after the probe <c>sensitive-lookalikes-38</c>, docs/CLASSIFIER.md "Probe 38 read by
/// category"): words joined by a spoken dash, dot or underscore, with a number word or a symbol said by name ("sunflower dash kettle
/// dash eighty one", "tommi punto ventidue esclamativo", "Gartenzwerg Strich sieben drei Ausrufezeichen"); and a password of a CJK or
/// Hangul word glued to digits ("비번 별빛구름12!", "パスワード さくらんぼ48"). Read on the noun's line after its copula, word by
/// word, with no allocation.
/// </summary>
internal static partial class SecretPhrases
{
    // Nouns a combination lock's numbers follow in German, Spanish, Italian and Portuguese ("Kombination vom Fahrradschloss: zwölf
    // links vierzig rechts…"): the bare nouns also mean any combination of things, so only with the lock's article after them.
    private static (string Phrase, Want Want)[] CombinationPhrases() =>
    [
        ("zahlenkombination", Want.Lock), ("kombination vom", Want.Lock), ("kombination des", Want.Lock), ("kombination für", Want.Lock),
        ("combinación de la", Want.Lock), ("combinación del", Want.Lock), ("combinazione della", Want.Lock), ("combinazione del", Want.Lock),
        ("combinação do", Want.Lock), ("combinação da", Want.Lock),
    ];

    // The copula between a password's noun and its spoken value, one row a language.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpokenCopulas = FrozenSet.ToFrozenSet(
    [
        "is", "was", "es", "era", "est", "c'est", "ist", "war", "è", "é", "era", "is", "är", "er", "jest", "это", "sono",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // A dash, a dot, an underscore, a slash or an at said by name between a spoken password's words.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpokenMarks = FrozenSet.ToFrozenSet(
    [
        "dash", "hyphen", "dot", "underscore", "slash", "punto", "guion", "guión", "bajo", "tiret", "point", "strich", "bindestrich", "punkt",
        "traço", "ponto", "hífen", "trattino", "streepje", "puntje", "punt", "точка", "тире", "дефис", "подчёркивание", "kreska", "kropka",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that make the clause a password's description, not its value ("is twelve characters with a dash").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpokenRuleWords = FrozenSet.ToFrozenSet(
    [
        "characters", "character", "chars", "letters", "digits", "numbers", "symbols", "long", "caractères", "caracteres", "caratteri",
        "zeichen", "buchstaben", "ziffern", "stellen", "lettres", "chiffres", "letras", "dígitos", "números", "cifre", "lettere", "numeri",
        "tekens", "cijfers", "символов", "цифр", "букв", "minimum", "mínimo", "minimo", "mindestens", "least", "almeno", "moins",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Italian tens whose units are glued on ("ventidue", "settantotto", "trentatré").
    private static readonly string[] ItalianTens = ["vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant", "novant"];

    /// <summary>
    /// After a password's noun, on its line: a copula within eight words, then a value of words joined by spoken marks, with a number
    /// word or a symbol said by name — two marks or symbols, or one beside a number word. A rule's words ("characters", "at least")
    /// make it a description.
    /// </summary>
    private static bool SpokenPassword(ReadOnlySpan<char> line)
    {
        var i = 0;
        var copula = false;
        for (var words = 0; words < 8 && !copula; words++)
        {
            while (i < line.Length && !SpokenChar(line[i]) && line[i] != ':')
            {
                if (line[i] is '.' or '?' or '!' or '\n')
                {
                    return false;
                }

                i++;
            }

            if (i >= line.Length)
            {
                return false;
            }

            if (line[i] == ':')
            {
                i++;
                copula = true;
                break;
            }

            var start = i;
            i = WordEnd(line, i);
            copula = SpokenCopulas.Contains(line[start..i]);
        }

        if (!copula)
        {
            return false;
        }

        int marks = 0, numbers = 0, symbols = 0, plain = 0, taken = 0;
        for (var words = 0; words < 12; words++)
        {
            while (i < line.Length && !SpokenChar(line[i]) && !char.IsAsciiDigit(line[i]))
            {
                if (line[i] is '.' or '?' or '!' or ',' or ';' or '\n')
                {
                    i = line.Length;
                    break;
                }

                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            var start = i;
            i = WordEnd(line, i);
            var word = line[start..i];
            if (SpokenRuleWords.Contains(word) || (taken == 0 && Listed(word)))
            {
                return false;
            }

            taken++;
            if (SpokenMarks.Contains(word))
            {
                marks++;
                plain = 0;
            }
            else if (SymbolWords.Contains(word))
            {
                symbols++;
                plain = 0;
            }
            else if (NumberWord(word))
            {
                numbers++;
                plain = 0;
            }
            else if (!CaseWords.Contains(word) && word.Length > 1 && ++plain > 2)
            {
                break;
            }
        }

        return marks + symbols >= 2 || (marks + symbols >= 1 && numbers >= 1);
    }

    // A digit, a teen, a ten or a hundred in a corpus language, glued compounds too ("ventidue", "siebenundzwanzig",
    // "zevenentwintig"), a thousand, or ASCII digits.
    private static bool NumberWord(ReadOnlySpan<char> word)
    {
        if (word.IndexOfAnyExceptInRange('0', '9') < 0 || Spelled.DigitWords.TryGetValue(word, out _) || SpokenDigitWords.TryGetValue(word, out _)
            || GroupWords.Contains(word) || word.Equals("thousand", StringComparison.OrdinalIgnoreCase) || word.Equals("mil", StringComparison.OrdinalIgnoreCase)
            || word.Equals("mille", StringComparison.OrdinalIgnoreCase) || word.Equals("tausend", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return CompoundNumber(word);
    }

    /// <summary>A number word glued from a unit and a ten: Italian "ventidue", German "siebenundzwanzig", Dutch "zevenentwintig".</summary>
    private static bool CompoundNumber(ReadOnlySpan<char> word)
    {
        if (word.Length is < 6 or > 24)
        {
            return false;
        }

        foreach (var tens in ItalianTens)
        {
            if (word.StartsWith(tens, StringComparison.OrdinalIgnoreCase))
            {
                var unit = word[tens.Length..];
                unit = unit.Length > 3 && unit[0] is 'i' or 'a' && !Spelled.DigitWords.TryGetValue(unit, out _) ? unit[1..] : unit;
                return Spelled.DigitWords.TryGetValue(unit, out _) || unit.Equals("tré", StringComparison.OrdinalIgnoreCase);
            }
        }

        // German "siebenundzwanzig" and Dutch "zevenentwintig", "tweeëntwintig": a digit, "und"/"en"/"ën", then a ten.
        foreach (var join in (ReadOnlySpan<string>)["und", "en", "ën"])
        {
            for (var at = word.IndexOf(join, StringComparison.OrdinalIgnoreCase); at > 0; at = word[(at + 1)..].IndexOf(join, StringComparison.OrdinalIgnoreCase) is var n and >= 0 ? at + 1 + n : -1)
            {
                if (Spelled.DigitWords.TryGetValue(word[..at], out _) && GroupWords.Contains(word[(at + join.Length)..]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// After a CJK or Hangul password noun ("비번", "パスワード", "密码"), past a connector: one token of two script letters or more with
    /// two ASCII digits or more, ending on its digits or a symbol after them ("별빛구름12!", "さくらんぼ48", "小熊饼干2019"). A unit after
    /// the digits ("8자리", "6位", "8文字") makes it a rule, not a value.
    /// </summary>
    private static bool GluedScriptPassword(ReadOnlySpan<char> window)
    {
        var rest = window.TrimStart(" \u3000");
        var skipped = 0;
        while (!rest.IsEmpty && skipped < 3 && rest[0] is ':' or '：' or '是' or '为' or '為' or 'は' or '는' or '은' or '=' or '：')
        {
            rest = rest[1..].TrimStart(" \u3000");
            skipped++;
        }

        var end = rest.IndexOfAny(" \u3000,，、。;；)）」』\"'\n");
        var token = end < 0 ? rest : rest[..end];
        if (token.Length is < 4 or > 24)
        {
            return false;
        }

        int script = 0, digits = 0, lastDigit = -1;
        for (var k = 0; k < token.Length; k++)
        {
            var c = token[k];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                lastDigit = k;
            }
            else if (IsCjk(c) || (char.IsLetter(c) && c > 0x7F))
            {
                script++;
                if (lastDigit >= 0)
                {
                    return false;
                }
            }
        }

        // "하늘바다3!": one digit is enough with a symbol after it.
        var tail = token[(lastDigit + 1)..];
        return script >= 2 && (digits >= 2 || (digits == 1 && !tail.IsEmpty)) && tail.IndexOfAnyExcept(Symbols) < 0;
    }
}
