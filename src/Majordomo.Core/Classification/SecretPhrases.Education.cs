using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Schools, universities, exams and student finance (after the probe <c>sensitive-lookalikes-53</c>, docs/CLASSIFIER.md "Probe 53 read
/// by category"). Two tables of nouns: a student's, a candidate's or a student-loan borrower's number that is an id wherever it stands
/// (Poland's numer albumu, Hungary's oktatási azonosító, Ukraine's НМТ certificate, France's INE and Parcoursup file, a student loan's
/// customer number), and the nouns that are someone's number only beside a person, an owner or a school's words (an enrolment's
/// "inscrição", a candidate's "candidat", an exam body's registration id). Not values: a course's, a class's or a school's code
/// ("código del curso", "codice meccanografico", シラバスコード), a payment notice's code ("codice avviso"), a password's noun followed
/// by the service's name and whose it is ("le mot de passe Pronote de mon fils"), an id's format asked ("regex for a 12-digit … number?"),
/// a disk's recovery key id.
/// </summary>
internal static partial class SecretPhrases
{
    // Language → the nouns of a student's, a candidate's or a student-loan borrower's own number (lower case): an id of five
    // characters or more wherever it stands. INE is read only in capitals (DossierCapitalNouns) or as a table's column.
    private static (string Language, string[] Nouns)[] EducationIdTable =>
    [
        ("en", ["sis_id", "sis_user_id", "sis user id", "sis id"]),
        ("fr", ["ine", "num étudiant", "n° étudiant", "no étudiant", "n° d'étudiant", "numéro de dossier parcoursup", "n° de dossier parcoursup", "dossier parcoursup n°"]),
        ("pl", ["nr albumu", "numer albumu", "numeru albumu"]),
        ("hu", ["oktatási azonosító"]),
        ("uk", ["сертифікат нмт", "сертифіката нмт", "сертифікат зно", "сертифіката зно"]),
        ("ru", ["зачётка", "зачетка"]),
        ("pt", ["inscrição do enem", "inscrição no enem"]),
        ("nl", ["duo-relatienummer"]),
        ("ko", ["학자금 대출 고객번호", "학자금대출 고객번호"]),
        // German's short "Pass" (a passport) with whose it is: "Pass von Lena, Nummer …", "Pass meiner Tochter: …".
        ("de", ["pass von", "pass meiner", "pass meines", "pass seiner", "pass ihrer", "pass deiner"]),
    ];

    // A school's or a university's log-in by its Danish, Norwegian and Swedish compounds of "code": the password ("Min studiekode til
    // KU er 'Rugbrød!55'"), read as a password's noun.
    private static string[] SchoolLoginCodes =>
    [
        "studiekode", "studiekoden", "skolekode", "skolekoden", "studentkode", "studentkoden", "elevkode", "elevkoden", "skolkod", "skolkoden",
        "studentkod", "studentkoden", "elevkod", "elevkoden",
    ];

    // The nouns of an enrolment's, a candidate's or an exam booking's number: someone's only with a person, an owner or a school's
    // words near it (SecretPhrases.Dossiers' PersonRecordTable).
    private static string[] EducationRecordNouns =>
    [
        "registration id", "appointment number", "candidate id", "candidat", "n° candidat", "n° de candidat", "nr indeksu", "numer indeksu",
        "inscrição", "número de inscrição", "codice di iscrizione", "aday numara", "aday no", "сертифікат", "сертифіката",
        // A claim's bare noun: the insured's only with an insurer named near it (ClaimWithInsurer) or a person.
        "claim", "schaden",
    ];

    // Exams, admissions and universities: a record noun's number beside them is a candidate's or a student's (appended to SchoolWords).
    private static string[] EducationSchoolWords =>
    [
        "enem", "vestibular", "ösym", "yks", "sınav", "parcoursup", "cisia", "tolc", "нмт", "зно", "вступ", "toefl", "ielts", "pearson vue",
        "test centre", "test center", "usos", "dziekanat", "uczelni", "studia", "studiów", "scolarité", "bac", "brevet", "dnb", "convocation",
        "épreuve", "kierunek",
    ];

    private static (string Phrase, Want Want)[] EducationPhrases() =>
        [.. EducationIdNouns.Concat(EducationRecordNouns).Select(noun => (noun, Want.Digits)), .. SchoolLoginCodes.Select(noun => (noun, Want.Word)),
            // Danish and Norwegian join the noun to its value with "er", which the connectors leave out (German's "er" is "he").
            .. SchoolLoginCodes.Where(noun => noun.Contains("kode", StringComparison.Ordinal)).Select(noun => (noun + " er", Want.Word))];

    private static string[] EducationIdNouns => [.. EducationIdTable.SelectMany(row => row.Nouns)];

    // Words after a code's noun that make it a course's, a class's, a school's or a payment notice's ("código del curso", "codice
    // meccanografico", "codice avviso"); and words glued or just before it ("シラバスコード", "kurssin koodi", "Kurscode").
    private static readonly string[] CourseAfterCode =
    [
        "del curso", "de curso", "de la clase", "de clase", "de asignatura", "de la asignatura", "du cours", "de cours", "de la classe",
        "del corso", "di corso", "della classe", "dell'insegnamento", "meccanografic", "della scuola", "dell'istituto", "avviso", "iuv",
        "do curso", "da turma", "da disciplina", "der klasse", "des kurses", "uai", "de l'établissement", "du lycée", "du collège",
    ];

    private static readonly string[] CourseBeforeCode =
    [
        "course", "class", "classroom", "module", "syllabus", "subject", "unit", "kurs", "klassen", "kurssin", "opintojakson", "kurssi",
        "シラバス", "科目", "授業", "講義", "クラス", "课程", "班级", "과목", "수업", "클래스", "강의", "ämnes", "fag",
    ];

    // In a class of their own: TriggerPhrases reads them while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class LinkageWords
    {
        // A pseudonymised study's key by its nouns, and a table's birth-date column: the rows after them may pair codes with people.
        internal static readonly string[] Triggers =
        [
            "linkage key", "re-identification key", "reidentification key", "reid_key", "zuordnungsliste", "schlüsselliste", "clave de correspondencia",
            "tabla de correspondencia", "table de correspondance", "chiave di collegamento", "tabella di corrispondenza", "koppeltabel", "koppelsleutel",
            "dob", "birthdate", "birth_date", "date_of_birth", "geburtsdatum", "fecha_nacimiento", "date_naissance", "data_nascita",
        ];

        // EducationAt runs at every trigger's start: one vectorised test of the next few characters turns away the others' hits.
        internal static readonly SearchValues<string> TriggerSearch = SearchValues.Create(Triggers, StringComparison.OrdinalIgnoreCase);

        internal static readonly int LongestTrigger = Triggers.Max(trigger => trigger.Length);
    }

    private static IEnumerable<string> EducationTriggers => LinkageWords.Triggers;

    // Built on the first check, once the partial files' fields have initialised.
    private static class EducationSets
    {
        internal static readonly string[] IdNouns = EducationIdNouns;
    }

    /// <summary>
    /// At a linkage key's noun or a birth-date column's name (<see cref="LinkageWords"/>), two of the next eight lines pair a study's code
    /// with a person's two names and a date ("P-031 Harvey Mills 2014-05-11", "K-201,Ellie Turner,2013-02-17"): the key that
    /// re-identifies the pseudonymised data (docs/LABELLING.md).
    /// </summary>
    private static bool EducationAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (rest.Length < 3 || (at > 0 && char.IsLetter(text[at - 1])) || rest[..Math.Min(rest.Length, LinkageWords.LongestTrigger)].IndexOfAny(LinkageWords.TriggerSearch) != 0)
        {
            return false;
        }

        var rows = 0;
        var lines = 0;
        var window = rest[..Math.Min(rest.Length, 800)];
        foreach (var range in window.Split('\n'))
        {
            rows += KeyRow(window[range].Trim(" \t\r")) ? 1 : 0;
            if (rows >= 2 || ++lines > 8)
            {
                break;
            }
        }

        return rows >= 2;
    }

    /// <summary>A line that opens with a study's code ("P-031", "S-101", "K201") and holds a capitalised first name and surname and a date.</summary>
    private static bool KeyRow(ReadOnlySpan<char> line)
    {
        var letters = 0;
        while (letters < line.Length && letters < 4 && char.IsAsciiLetterUpper(line[letters]))
        {
            letters++;
        }

        var i = letters < line.Length && line[letters] == '-' ? letters + 1 : letters;
        var digits = i;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (letters is 0 or 4 || digits - i is < 2 or > 6 || digits == line.Length || line[digits] is not (' ' or ',' or ';' or '|' or '\t'))
        {
            return false;
        }

        var rest = line[digits..];
        return TwoCapitalisedWords(rest) && DateIn(rest);
    }

    // Two capitalised words in a row ("Harvey Mills", "Lucía Márquez").
    private static bool TwoCapitalisedWords(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length - 3; i++)
        {
            if (char.IsUpper(text[i]) && !char.IsLetter(text[i - 1]) && char.IsLower(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                if (end + 2 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]) && char.IsLower(text[end + 2]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A date: 2014-05-11, 12.03.2013, 07/09/2012.
    private static bool DateIn(ReadOnlySpan<char> text)
    {
        for (var i = 0; i + 10 <= text.Length; i++)
        {
            var d = text.Slice(i, 10);
            if ((i == 0 || !char.IsAsciiDigit(text[i - 1])) && ((d[4] == '-' && d[7] == '-' && AllDigits(d[..4]) && AllDigits(d[5..7]) && AllDigits(d[8..]))
                || (d[2] is '.' or '/' && d[5] == d[2] && AllDigits(d[..2]) && AllDigits(d[3..5]) && AllDigits(d[6..]))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => text.IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>The guards <see cref="NotAValue"/> adds for this theme.</summary>
    private static bool EducationNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        (IsCodeWord(phrase) && (CourseCode(text, at, end) || SourceCodeAfter(text, end) || HeaderOfCodes(text, at, end)))
        || (want == Want.Word && ServiceOfPerson(text, end)) || FormatAsked(text, at, end) || (phrase.StartsWith("sis", StringComparison.Ordinal) && HeaderCell(text, at, end) >= 0)
        || RecoveryKeyId(text, at, end) || (phrase == "candidat" && end < text.Length && char.IsLetter(text[end]))
        || (phrase is "claim" or "schaden" && !NumberRightAfter(text, end));

    /// <summary>
    /// The claim's bare noun is followed by its number at once ("claim 2026/CL/558213", "Schaden 2026-118843"); "claim reference is …"
    /// and "claim number …" are the longer nouns', with their own guards.
    /// </summary>
    private static bool NumberRightAfter(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 24)].TrimStart(" #:");
        return !after.IsEmpty && (char.IsAsciiDigit(after[0]) || (char.IsAsciiLetterUpper(after[0]) && after.Length > 1 && (char.IsAsciiDigit(after[1]) || after[1] is '-' or '/')));
    }

    /// <summary>
    /// A code's noun at <paramref name="at"/> names a course's, a class's, a school's or a payment notice's code: the word glued to it
    /// or just before it, or the words right after it, say so ("Kurssin koodi", "シラバスコード", "código del curso", "codice
    /// meccanografico della scuola"). The class code is given to the whole class; the others are printed for everyone.
    /// </summary>
    private static bool CourseCode(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 14)..at].TrimEnd(" -");
        var after = text[end..Math.Min(text.Length, end + 24)].TrimStart(' ');
        return EndsWithAny(before, CourseBeforeCode) || StartsWithAny(after, CourseAfterCode);
    }

    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Whose: a preposition and a possessive, or a genitive possessive alone ("de ma fille", "of my son", "meiner Tochter").
    private static readonly string[] Possessors =
    [
        "de ma ", "de mon ", "de mes ", "de mi ", "de mis ", "de su ", "of my ", "of his ", "of her ", "di mia ", "di mio ", "del mio ", "della mia ",
        "do meu ", "da minha ", "van mijn ", "von meiner ", "von meinem ", "meiner ", "meines ", "seiner ", "ihrer ", "mojej ", "mojego ",
    ];

    /// <summary>
    /// After a password's noun ending at <paramref name="end"/>, one capitalised word and whose it is, with no connector after them ("le
    /// mot de passe EduConnect de ma fille, comment…", "Das Passwort WebUntis meiner Tochter geht nicht"): the word names the service.
    /// "… de mon fils est Tigre2014!" gives the value after the connector and stays a value.
    /// </summary>
    private static bool ServiceOfPerson(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 80)].TrimStart(' ');
        var length = 0;
        while (length < rest.Length && char.IsLetter(rest[length]))
        {
            length++;
        }

        if (length < 3 || !char.IsUpper(rest[0]) || length == rest.Length || rest[length] != ' ')
        {
            return false;
        }

        var after = rest[(length + 1)..];
        foreach (var possessor in Possessors)
        {
            if (after.StartsWith(possessor, StringComparison.OrdinalIgnoreCase))
            {
                var tail = after[possessor.Length..];
                var next = tail.IndexOfAny(" ,.?!:");
                var following = next < 0 ? [] : tail[next..].TrimStart(" ");
                return !(following.StartsWith(":", StringComparison.Ordinal) || following.StartsWith("=", StringComparison.Ordinal)
                    || WholeWordsIn(following[..Math.Min(following.Length, 6)], Connectors));
            }
        }

        return false;
    }

    // The first words of a program after "Code:" / "Kod:" / "Código:".
    private static readonly string[] CodeStarts = ["```", "function", "def ", "const ", "let ", "var ", "class ", "import ", "public ", "#include", "<?php", "select ", "package "];

    /// <summary>A code's noun closed by a colon and followed by a program ("Kod:\n\nfunction validPesel(p){…}"): source code, not a code's value.</summary>
    private static bool SourceCodeAfter(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length || text[end] != ':')
        {
            return false;
        }

        var after = text[(end + 1)..].TrimStart(" \t\r\n");
        return StartsWithAny(after, CodeStarts);
    }

    /// <summary>
    /// The noun at <paramref name="at"/>..<paramref name="end"/> is a cell of a table's header line (a delimiter after it or before it,
    /// no digit in the line, a row below): its column, counted from zero, or -1. The column's values are read by HeaderColumn alone;
    /// the next row's other cells are other fields'.
    /// </summary>
    private static int HeaderCell(ReadOnlySpan<char> text, int at, int end)
    {
        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var lineEnd = text[at..].IndexOf('\n');
        if (lineEnd < 0)
        {
            return -1;
        }

        var line = text[lineStart..(at + lineEnd)].TrimEnd('\r');
        var delimiter = line.Contains(';') ? ';' : line.Contains('\t') ? '\t' : line.Contains('|') ? '|' : line.Contains(',') ? ',' : '\0';
        var before = at > lineStart ? text[at - 1] : delimiter;
        var fieldEnd = end;
        while (fieldEnd < text.Length && (char.IsLetter(text[fieldEnd]) || text[fieldEnd] == '_'))
        {
            fieldEnd++;
        }

        var after = fieldEnd < text.Length ? text[fieldEnd] : '\n';
        return delimiter == '\0' || line.ContainsAnyInRange('0', '9') || before != delimiter || after is not (',' or ';' or '\t' or '|' or '\n' or '\r')
            ? -1 : text[lineStart..at].Count(delimiter);
    }

    /// <summary>
    /// A "code" column whose first row holds a study's pseudonym there ("code,reading⏎K-201,104"): subjects' codes with no names
    /// (docs/LABELLING.md), read by their row as a whole by <see cref="EducationAt"/> when names stand beside them.
    /// </summary>
    private static bool HeaderOfCodes(ReadOnlySpan<char> text, int at, int end)
    {
        var value = FirstRowCell(text, at, end);
        var dash = value.IndexOf('-');
        return dash is >= 1 and <= 3 && value[..dash].IndexOfAnyExceptInRange('A', 'Z') < 0 && value.Length - dash - 1 is >= 2 and <= 5
            && value[(dash + 1)..].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>The cell under the header cell at <paramref name="at"/>..<paramref name="end"/> in the next row, or empty.</summary>
    private static ReadOnlySpan<char> FirstRowCell(ReadOnlySpan<char> text, int at, int end)
    {
        var column = HeaderCell(text, at, end);
        if (column < 0)
        {
            return [];
        }

        var lineEnd = at + text[at..].IndexOf('\n');
        var line = text[(text[..at].LastIndexOf('\n') + 1)..lineEnd];
        var delimiter = line.Contains(';') ? ';' : line.Contains('\t') ? '\t' : line.Contains('|') ? '|' : ',';
        var row = text[(lineEnd + 1)..];
        var stop = row.IndexOf('\n');
        row = (stop < 0 ? row : row[..stop]).TrimEnd('\r');
        var index = 0;
        foreach (var cell in row.Split(delimiter))
        {
            if (index++ == column)
            {
                return row[cell].Trim(" \"'");
            }
        }

        return [];
    }

    /// <summary>
    /// A student's id noun heading a two-column table ("nom|ine⏎MARTIN|101234567HG"), which HeaderColumn leaves to tables of three
    /// columns or more: the next row's cell under it is an id's value.
    /// </summary>
    private static bool EducationIdColumn(ReadOnlySpan<char> text, int at, int end, string phrase) =>
        OneOf(phrase, EducationSets.IdNouns) && FirstRowCell(text, at, end) is var cell && !cell.IsEmpty && ColumnValue(cell, password: false);

    /// <summary>A French "dossier" with an insurer named near it ("Dossier 7781204 ouvert chez la MAIF"): the insured's claim.</summary>
    private static bool InsurerDossier(ReadOnlySpan<char> text, int at, string phrase) =>
        phrase == "dossier" && WholeWordsIn(text[Math.Max(0, at - 160)..Math.Min(text.Length, at + 160)], InsurerNames);

    // A table cell a test fixture fills: "TEST-0001", "dummy_12345", "FAKE-2231".
    private static readonly string[] FixturePrefixes = ["test", "dummy", "fake", "sample", "example"];

    /// <summary>The cell starts with a fixture's word and a '-' or '_' after it ("TEST-0001"): a test's row, nobody's number.</summary>
    private static bool FixtureCell(ReadOnlySpan<char> value)
    {
        foreach (var prefix in FixturePrefixes)
        {
            if (value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value[prefix.Length] is '-' or '_')
            {
                return true;
            }
        }

        return false;
    }

    // Words after an id that say it comes from the documentation or is its example ("Testuję na 02070803628 z dokumentacji").
    private static readonly string[] DocumentedAfter =
    [
        "z dokumentacji", "z przykładu", "from the docs", "from the documentation", "in the docs", "aus der doku", "aus der dokumentation",
        "de la documentación", "en la documentación", "de la documentation", "dalla documentazione", "della documentazione", "da documentação",
        "na documentação", "uit de documentatie", "из документации", "з документації", "como ejemplo", "as an example", "als beispiel",
        "comme exemple", "come esempio", "como exemplo", "jako przykład",
    ];

    /// <summary>
    /// The id ending at <paramref name="end"/> is followed in its sentence (60 characters) by words saying the documentation gives it
    /// as its example: a validator's test value (docs/LABELLING.md), not the user's.
    /// </summary>
    internal static bool DocumentedIdAfter(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 60)];
        var stop = after.IndexOfAny(".!?\n");
        return ContainsStem(stop < 0 ? after : after[..stop], DocumentedAfter);
    }

    // A question after an id's noun about how many digits it has.
    private static readonly string[] DigitCountAsked =
    [
        "quantos dígitos", "how many digits", "combien de chiffres", "wie viele stellen", "wie viele ziffern", "cuántos dígitos", "quante cifre",
        "ile cyfr", "kaç hane", "сколько цифр", "скільки цифр", "hoeveel cijfers",
    ];

    /// <summary>
    /// The id at <paramref name="start"/>..<paramref name="end"/> is named the documentation's example there or where the same value
    /// stands elsewhere in the text ("Testuję na 44051401359 z dokumentacji … validatePesel('44051401359')"): a test value.
    /// </summary>
    internal static bool DocumentedValue(ReadOnlySpan<char> text, int start, int end)
    {
        if (DocumentedIdAfter(text, end))
        {
            return true;
        }

        var value = text[start..end].TrimEnd(" -");
        if (value.Length < 6)
        {
            return false;
        }

        foreach (var k in Occurrences(text, value))
        {
            if (k != start && DocumentedIdAfter(text, k + value.Length))
            {
                return true;
            }
        }

        return false;
    }

    // Words before an id's noun that ask about its format ("a regex for a 12-digit … number", "validate a 10-digit …").
    private static readonly string[] FormatWords = ["regex", "regexp", "pattern", "validate", "validation", "format", "expression régulière", "expresión regular", "regulärer ausdruck"];

    /// <summary>
    /// The noun's sentence asks for its format (a regex, a pattern, a validation) before the noun, and no run of four digits follows
    /// it within 100 characters: the number's shape is asked, none is given.
    /// </summary>
    private static bool FormatAsked(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 60)..at];
        before = before[(before.LastIndexOfAny(".!?\n") + 1)..];
        if (!WordIn(before, FormatWords) && !ContainsStem(text[end..Math.Min(text.Length, end + 40)], DigitCountAsked))
        {
            return false;
        }

        var after = text[end..Math.Min(text.Length, end + 100)];
        var run = 0;
        foreach (var c in after)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 4)
            {
                return false;
            }
        }

        return true;
    }

    // A recovery key's nouns: "recovery key", "Wiederherstellungsschlüssel", "clé de récupération".
    private static readonly string[] RecoveryWords = ["recovery", "wiederherstellung", "récupération", "recuperación", "recuperação", "ripristino", "herstel"];

    // A recovery key's id as a recovery screen names it.
    private static readonly string[] KeyIdWords = ["key id", "schlüssel-id", "id de clé", "id de la clé", "id de clave", "id chiave", "id della chiave", "sleutel-id"];

    /// <summary>
    /// After a recovery key's noun, the first value in its sentence is the key's id: the id's words stand before it ("screen says Key ID
    /// 3F9A21C7") or it is eight hex digits, the id's shape (a BitLocker key is 48 digits).
    /// </summary>
    private static bool RecoveryKeyId(ReadOnlySpan<char> text, int at, int end)
    {
        if (!ContainsStem(text[at..end], RecoveryWords))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 60)];
        var stop = window.IndexOfAny(".!?\n");
        window = stop < 0 ? window : window[..stop];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var start = digit;
        while (start > 0 && char.IsAsciiHexDigit(window[start - 1]))
        {
            start--;
        }

        var close = digit;
        while (close < window.Length && char.IsAsciiHexDigit(window[close]))
        {
            close++;
        }

        return ContainsStem(window[..start], KeyIdWords) || (close - start == 8 && (close == window.Length || !char.IsAsciiLetterOrDigit(window[close])));
    }
}
