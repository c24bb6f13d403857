using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace Majordomo.Classification;

/// <summary>
/// Values in the surface forms a transcript or a scan gives them (after the blind probe <c>sensitive-lookalikes-23</c>,
/// docs/CLASSIFIER.md "Probe 23 read by category"), read after a secret's noun on its line and the next: numbers spoken as words
/// in any corpus language, two- and three-digit groups too ("quatre-vingt-cinq, zéro trois", "сто двадцать три дробь …",
/// "meia meia três ponto zero", "tre doppio zero sette", "seven seven oh three", Hindi, Thai and colloquial Chinese digits
/// "幺洞八两"); a password spelled letter by letter with its case ("büyük K küçük a r l ı sıfır dokuz"); a value OCR or a chat
/// spaced into single characters ("R S S M R A 4 6 C …", "k . e . s . t . r . e . l . 2 . 0"). One reader, bounded to two lines.
/// </summary>
internal static partial class SecretPhrases
{
    // Nouns the lists lacked for the probe's values: an ATM's code in Thai, a Spanish hospital's record number,
    // the Spanish social security number as a table's header, a residence id in Arabic (not "CIP": "principal", "recipient" hold it).
    private static (string Phrase, Want Want)[] SpokenPhrases() =>
    [
        ("รหัสเอทีเอ็ม", Want.Digits), ("รหัส atm", Want.Digits), ("รหัสบัตร", Want.Digits), ("nhc", Want.Digits),
        ("nss", Want.Digits), ("رقم الإقامة", Want.Digits), ("الإقامة", Want.Digits),
        // Turkish capitals: OrdinalIgnoreCase does not fold "İ" to "i", so a card's printed "KİMLİK NO" needs its own spelling.
        ("KİMLİK", Want.Digits), ("steuer-id", Want.Digits),
        // A Wi-Fi QR code's payload: "WIFI:T:WPA;S:Hollis-5G;P:marble7-Owl-riverside;;" holds the key after ";P:".
        (";p:", Want.Word),
        // A connection string dictated to speech-to-text: "postgres colon slash slash app underscore user colon Pelican dash ninety one at db …".
        ("colon slash slash", Want.Word),
        // A card's letter scanned: the number on the line under "Your new Visa Debit card", OCR's "I" for a 1 in it.
        ("debit card", Want.Digits), ("credit card", Want.Digits),
    ];

    // Digits as speech-to-text writes them besides Spelled.DigitWords: English "oh" and "niner", German "zwo", Portuguese "meia"
    // (half a dozen), Hindi and Thai digit words (their vowel signs are combining marks, so they were left out of the list).
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpokenDigitWords = new (string Word, int Digit)[]
    {
        ("oh", 0), ("nought", 0), ("niner", 9), ("zwo", 2), ("meia", 6),
        ("शून्य", 0), ("एक", 1), ("दो", 2), ("तीन", 3), ("चार", 4), ("पाँच", 5), ("पांच", 5), ("छह", 6), ("छः", 6), ("सात", 7), ("आठ", 8), ("नौ", 9),
        ("ศูนย์", 0), ("หนึ่ง", 1), ("สอง", 2), ("สาม", 3), ("สี่", 4), ("ห้า", 5), ("หก", 6), ("เจ็ด", 7), ("แปด", 8), ("เก้า", 9),
    }.ToFrozenDictionary(w => w.Word, w => w.Digit, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Teens, tens and hundreds: a value told in groups ("soixante-quinze", "veintiocho", "сорок семь", "trente-deux").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GroupWords = FrozenSet.ToFrozenSet(
    [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig", "dreißig",
        "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig", "hundert",
        "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "cent",
        "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
        "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve", "treinta", "cuarenta",
        "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "ciento",
        "dez", "doze", "treze", "quatorze", "dezesseis", "dezessete", "dezoito", "dezenove", "vinte", "trinta", "quarenta", "cinquenta",
        "sessenta", "oitenta", "cem", "cento",
        "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove", "venti", "trenta",
        "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta",
        "tien", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig", "dertig", "veertig",
        "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd",
        "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать",
        "девятнадцать", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто", "сто", "двести",
        "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "double five", "tre doppio zero": the next digit twice.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DoubleWords = FrozenSet.ToFrozenSet(
        ["double", "doppio", "doppia", "doble", "doppel", "dubbel", "triple", "triplo"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words between two groups that neither count nor end the value: "and", the spoken dot, dash, slash and space of a dictated id.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpokenJoins = FrozenSet.ToFrozenSet(
    [
        "and", "y", "et", "e", "und", "en", "и", "ponto", "punto", "point", "dot", "punkt", "точка", "traço", "trattino", "guion", "guión", "tiret",
        "strich", "dash", "minus", "barra", "slash", "дробь", "тире", "пробел", "space", "espace", "espacio", "leerzeichen", "spazio", "espaço",
        // A dial's turns between its numbers ("twenty eight left fourteen right", "dieciocho a la derecha treinta y tres"; probe 38).
        "left", "right", "links", "rechts", "gauche", "droite", "izquierda", "derecha", "a", "la", "sinistra", "destra", "esquerda", "direita",
        "влево", "вправо", "налево", "направо",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // The turns among the joins: a dial's three numbers with two turns between them are a combination ("zwölf links vierzig rechts
    // siebzehn links"), though three number words alone are too few for a code.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TurnWords = FrozenSet.ToFrozenSet(
    [
        "left", "right", "links", "rechts", "gauche", "droite", "izquierda", "derecha", "sinistra", "destra", "esquerda", "direita",
        "влево", "вправо", "налево", "направо",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // A letter's case said before it, and symbols said by name, in a password spelled letter by letter.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CaseWords = FrozenSet.ToFrozenSet(
    [
        "büyük", "küçük", "capital", "big", "small", "lower", "upper", "lowercase", "uppercase", "groß", "großes", "klein", "kleines",
        "majuscule", "minuscule", "mayúscula", "minúscula", "maiuscola", "minuscola", "maiúscula", "заглавная", "строчная", "большая", "маленькая",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SymbolWords = FrozenSet.ToFrozenSet(
    [
        "ünlem", "yıldız", "diyez", "exclamation", "hash", "star", "asterisk", "underscore", "ausrufezeichen", "raute", "sternchen",
        "unterstrich", "exclamación", "almohadilla", "asterisco", "esclamativo", "cancelletto", "восклицательный", "решётка", "звёздочка",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Colloquial Chinese digits read one character each ("幺洞八两七五": 幺 for one, 洞 for zero, 两 for two).
    private const string HanDigits = "零〇一二三四五六七八九幺洞两";

    /// <summary>
    /// A value in a transcript's or a scan's surface form after the noun ending at <paramref name="end"/>: on the rest of its line or
    /// the next (a scan's label stands above its value; a call's question is answered on the next line).
    /// </summary>
    private static bool SurfaceValue(ReadOnlySpan<char> text, int end, Want want)
    {
        // Not for "key" and "token", dense in code: only pieces on the next lines and a spaced-out value are read after them (issue 16).
        if ((want is Want.Word or Want.Digits or Want.Lock or Want.Access && (StartsWithValue(text, end) || SpokenUrl(text, end)))
            || (want is Want.Word or Want.Access or Want.Token && PiecesOnNextLines(text, end)))
        {
            return true;
        }

        if (want is not (Want.Word or Want.Digits or Want.Short or Want.Notice or Want.Lock or Want.Account or Want.Access or Want.Token))
        {
            return false;
        }

        // Escaped text (a JSON string of code, "\n" inside) holds no transcript: its unescaped copy is read on its own.
        var line = LineFrom(text, end, 140);
        if (line.Contains('\\'))
        {
            return false;
        }

        if (SurfaceLine(line, want))
        {
            return true;
        }

        // The next line only under a short label or question ("T.C. KİMLİK NO⏎1 0 4 …", "OTP बताइए⏎… आठ चार शून्य").
        if (line.Trim().Length > 40)
        {
            return false;
        }

        var next = end + line.Length;
        while (next < text.Length && text[next] is '\n' or '\r')
        {
            next++;
        }

        return next > end + line.Length && next < text.Length && SurfaceLine(LineFrom(text, next, 140), want);
    }

    private static bool SurfaceLine(ReadOnlySpan<char> line, Want want)
    {
        var password = want is Want.Word or Want.Access or Want.Token;
        var start = want is Want.Token ? -1 : SpokenNumber(line);
        start = start >= 0 || want is Want.Token ? start : HanDigitRun(line);
        if (start >= 0)
        {
            // "allarme: cambiare le batterie …, numero verde ottocento tre doppio zero sette": a public number named just before the run.
            var before = line[Math.Max(0, start - 24)..start];
            if (Math.Max(LastStem(before, PublicSpokenStems, wordStart: true), LastStem(before, PublicSpokenAnywhere, wordStart: false)) < 0)
            {
                return true;
            }
        }

        // "sunflower dash kettle dash eighty one": a password's words joined by spoken marks (SecretPhrases.SpokenPasswords).
        return SpacedOut(line, password) || (password && want is not Want.Token && (SpelledLetters(line) || SpokenPassword(line)));
    }

    // Letters of any script with their vowel signs (Devanagari, Thai), and an apostrophe inside a word.
    private static bool SpokenChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // Where the spoken word (letters, marks, ASCII digits) starting at i ends.
    private static int WordEnd(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && (SpokenChar(line[i]) || char.IsAsciiDigit(line[i])))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Four or more number words in a row (digits, teens, tens, hundreds of the corpus languages, single ASCII digits), joined by
    /// spaces, commas, dashes, slashes or spoken joins ("ponto", "дробь", "y"); "double" counts the next digit twice. Digits alone
    /// must not count in steps (<see cref="Told"/>). Where the run starts, or -1.
    /// </summary>
    private static int SpokenNumber(ReadOnlySpan<char> line)
    {
        Span<int> digits = stackalloc int[8];
        int count = 0, tokens = 0, groups = 0, turns = 0, runStart = 0;
        var repeat = false;
        var i = 0;
        while (i <= line.Length)
        {
            if (i < line.Length && !SpokenChar(line[i]) && !char.IsAsciiDigit(line[i]))
            {
                // Punctuation inside a value is a pause; a sentence's end is its end.
                if (line[i] is '.' or '!' or '?' or '。' or '！' or '？')
                {
                    if (Spoken(digits[..Math.Min(count, 8)], tokens, groups, turns))
                    {
                        return runStart;
                    }

                    count = tokens = groups = turns = 0;
                }

                i++;
                continue;
            }

            var start = i;
            i = WordEnd(line, i);
            var word = line[start..i];
            if (word.IsEmpty)
            {
                break;
            }

            runStart = tokens == 0 && !repeat ? start : runStart;
            if (word.Length == 1 && char.IsAsciiDigit(word[0]) || Spelled.DigitWords.TryGetValue(word, out _) || SpokenDigitWords.TryGetValue(word, out _))
            {
                var digit = char.IsAsciiDigit(word[0]) ? word[0] - '0' : Spelled.DigitWords.TryGetValue(word, out var d) ? d : SpokenDigitWords.TryGetValue(word, out d) ? d : 0;
                for (var k = 0; k < (repeat ? 2 : 1); k++)
                {
                    if (count < 8)
                    {
                        digits[count] = digit;
                    }

                    count++;
                    tokens++;
                }

                repeat = false;
                continue;
            }

            if (GroupWords.Contains(word) || CompoundNumber(word))
            {
                tokens++;
                groups++;
                repeat = false;
                continue;
            }

            if (DoubleWords.Contains(word))
            {
                repeat = true;
                continue;
            }

            if (tokens > 0 && SpokenJoins.Contains(word))
            {
                turns += TurnWords.Contains(word) ? 1 : 0;
                continue;
            }

            if (Spoken(digits[..Math.Min(count, 8)], tokens, groups, turns))
            {
                return runStart;
            }

            count = tokens = groups = turns = 0;
            repeat = false;
        }

        return Spoken(digits[..Math.Min(count, 8)], tokens, groups, turns) ? runStart : -1;
    }

    // Four number words or more, digits alone not counting in steps; or a dial's three numbers (two tens or teens) with two turns between.
    private static bool Spoken(ReadOnlySpan<int> digits, int tokens, int groups, int turns) =>
        (tokens >= 4 && (groups > 0 || Told(digits))) || (tokens >= 3 && groups >= 2 && turns >= 2);

    // "幺洞八两七五": four colloquial or standard Chinese digits in a row, not counting in steps.
    private static int HanDigitRun(ReadOnlySpan<char> line)
    {
        Span<int> digits = stackalloc int[8];
        var count = 0;
        var runStart = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            var at = i < line.Length ? HanDigits.IndexOf(line[i]) : -1;
            if (at >= 0)
            {
                runStart = count == 0 ? i : runStart;
                if (count < 8)
                {
                    digits[count++] = at switch { <= 1 => 0, <= 10 => at - 1, 11 => 1, 12 => 0, _ => 2 };
                }

                continue;
            }

            if (i < line.Length && line[i] is '、' or ',' or ' ' && count > 0)
            {
                continue;
            }

            if (Told(digits[..count]))
            {
                return runStart;
            }

            count = 0;
        }

        return -1;
    }

    // What may follow a single character in a spaced-out value (SpacedOut's test of the next character).
    private static readonly SearchValues<char> AfterSingle = SearchValues.Create(" ·.-/|\"»“”'");

    /// <summary>
    /// A value spaced into single characters ("R S S M R A 4 6 C 5 2 F …", "4 8 · 2 9 1 · 0 0 6", "k . e . s . t . r . e . l . 2"):
    /// six characters or more, each alone between spaces and at most one dot, middle dot, dash, slash or bar. An id needs six
    /// digits; a password letters and a digit. Digits alone must not count in steps ("0 1 2 3 4 5").
    /// </summary>
    private static bool SpacedOut(ReadOnlySpan<char> line, bool password)
    {
        // Every run it takes holds a single ASCII digit (count >= 1 in each case below): a line without one is read no further (after
        // "key," in code, most lines; issue 16 item 4). The same answer.
        if (!line.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        Span<int> digits = stackalloc int[8];
        int chars = 0, letters = 0, count = 0;
        var i = 0;
        while (i <= line.Length)
        {
            // No run open: a position before the next one followed by a mark (or the line's last) is no single, and closes no
            // run, so the walk goes there at once (a line of code after "key" has few; issue 16 item 4).
            if (chars == 0 && i < line.Length)
            {
                var mark = line[(i + 1)..].IndexOfAny(AfterSingle);
                i = mark < 0 ? line.Length - 1 : i + mark;
            }

            var single = i < line.Length && !char.IsWhiteSpace(line[i]) && (i + 1 == line.Length || line[i + 1] is ' ' or '·' or '.' or '-' or '/' or '|' or '"' or '»' or '“' or '”' or '\'')
                && (i == 0 || line[i - 1] is ' ' or '·' or '-' or '/' or '|' or '"' or '«' or '„' or '“' or '\'' || (line[i - 1] == '.' && i > 1 && line[i - 2] == ' '))
                && (char.IsLetterOrDigit(line[i]) || line[i] is '!' or '#' or '$' or '%' or '&' or '*' or '@' or '?');
            if (single)
            {
                chars++;
                letters += char.IsLetter(line[i]) ? 1 : 0;
                if (char.IsAsciiDigit(line[i]))
                {
                    if (count < 8)
                    {
                        digits[count] = line[i] - '0';
                    }

                    count++;
                }

                i++;
                var gap = 0;
                var marks = 0;
                while (i < line.Length && line[i] is ' ' or '·' or '.' or '-' or '/' or '|' && gap < 4)
                {
                    marks += line[i] == ' ' ? 0 : 1;
                    gap++;
                    i++;
                }

                if (gap > 0 && marks <= 1)
                {
                    continue;
                }
            }

            if (chars >= 6 && (password ? letters >= 1 && count >= 1 || count >= 6 : count >= 6) && (letters > 0 || Told(digits[..Math.Min(count, 8)])))
            {
                return true;
            }

            chars = letters = count = 0;
            i++;
        }

        return false;
    }

    // "büyük K küçük a r l ı sıfır dokuz ünlem": three single letters or more, with a digit or a symbol said by name, the case words between.
    private static bool SpelledLetters(ReadOnlySpan<char> line)
    {
        int letters = 0, others = 0;
        var i = 0;
        while (i <= line.Length)
        {
            while (i < line.Length && !SpokenChar(line[i]) && !char.IsAsciiDigit(line[i]))
            {
                i++;
            }

            var start = i;
            i = WordEnd(line, i);
            var word = line[start..i];
            if (word.IsEmpty)
            {
                break;
            }

            if (word.Length == 1 && char.IsLetter(word[0]))
            {
                letters++;
            }
            else if ((word.Length == 1 && char.IsAsciiDigit(word[0])) || Spelled.DigitWords.TryGetValue(word, out _) || SymbolWords.Contains(word))
            {
                others++;
            }
            else if (!CaseWords.Contains(word))
            {
                if (letters >= 3 && others >= 1 && letters + others >= 5)
                {
                    return true;
                }

                letters = others = 0;
            }
        }

        return letters >= 3 && others >= 1 && letters + others >= 5;
    }
}
