namespace Majordomo.Classification;

/// <summary>
/// Data science and research (after the probe <c>sensitive-lookalikes-49</c>, docs/CLASSIFIER.md "Probe 49 read by category"): a
/// roster's rows — an employer's, a university's or a state's number beside a person's name, under a header or an instruction that
/// names the people or the number ("EmpID Name …", "studentnummer, naam en eindcijfer:", "Pers.-Nr. 40817 | Lea Hoffmann") — and a
/// card's column read down its rows; a person's record number with the name after it ("employee no. 883104 (Dev Chaudhary)"); an
/// insurer's claim number with the insurer named. Not values: a study's own numbers (an ethics approval, a protocol, a trial's
/// registration), a pseudonymised subject's code listed with age and answers but no name, a password manager's folder, a trivial PIN
/// weighed or suggested ("¿sería buena idea 1234?"), an id's example from the documentation.
/// </summary>
internal static partial class SecretPhrases
{
    // In a class of their own: read by TriggerPhrases while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class ResearchWords
    {
        // What names the people of a roster or their number, in a header, an instruction or a row's prefix (lower case, at a word's start).
        internal static readonly string[] RosterNouns =
        [
            "employee", "staff", "empid", "emp id", "emp_id", "emp no", "emp #", "personnel", "student", "study_id", "study id",
            "personalnr", "personalnummer", "pers.-nr", "mitarbeiter", "matrikel", "studierende", "étudiant", "etudiant", "salarié", "matricule",
            "legajo", "empleado", "estudiante", "alumno", "matrícula", "matricola", "dipendent", "studente", "studenti", "funcionári", "aluno",
            "studentnummer", "personeelsnummer", "medewerker", "nr albumu", "numer albumu", "numerem albumu", "pracowni", "студент", "сотрудник",
            "табельн", "öğrenci", "sicil", "personel", "学籍番号", "学生番号", "社員番号", "職員番号", "学号", "工号", "员工", "학번", "사번", "사원번호",
            // A study's subjects: their codes beside their names are the key that undoes the pseudonyms (docs/LABELLING.md).
            "participant", "partecipant", "teilnehmer", "proband", "deelnemer", "uczestni", "участник", "katılımcı", "soggett", "sujeto", "sujet",
            "respondent", "респондент", "被験者", "参加者", "受试者", "참가자",
            // A state's number listed down the rows beside the names.
            "pesel", "dni", "cpf", "personnummer", "bsn", "tc kimlik", "codice fiscale", "снилс", "ssn", "national insurance",
        ];

        // A card's number as a column's or a list's name: the rows below carry whole numbers.
        internal static readonly string[] CardColumnNouns =
        [
            "card_number", "card number", "cardnumber", "card_no", "cc_number", "kartennummer", "kreditkartennummer", "numéro de carte",
            "número de tarjeta", "numero carta", "numero della carta", "número do cartão", "numer karty", "номер карты", "kart numarası",
            "カード番号", "卡号", "카드번호",
        ];

        // Both lists in one searcher: ResearchAt runs at every trigger's start, most of them other rules' ("key", "session"), so one
        // vectorised test of the next few characters turns those away before the StartsWith calls (as FinanceAt does).
        // A lookup of the first two characters before it: the search alone cost ~80 ns at each "key" hit (twenty-fifth session).
        internal static readonly WordStarts Starts = new([.. RosterNouns, .. CardColumnNouns]);

        internal static readonly System.Buffers.SearchValues<string> Nouns =
            System.Buffers.SearchValues.Create([.. RosterNouns, .. CardColumnNouns], StringComparison.OrdinalIgnoreCase);

        internal static readonly int LongestNoun = RosterNouns.Concat(CardColumnNouns).Max(noun => noun.Length);
    }

    // The lists ResearchAt asks at every trigger's hit, by their first character.
    private static class ResearchStarts
    {
        internal static readonly FoldedWords Roster = new(ResearchWords.RosterNouns);
        internal static readonly FoldedWords CardColumns = new(ResearchWords.CardColumnNouns);
    }

    // The checks ResearchAt starts (added to TriggerPhrases).
    private static IEnumerable<string> ResearchTriggers => ResearchWords.RosterNouns.Concat(ResearchWords.CardColumnNouns);

    /// <summary>The checks started by <see cref="ResearchTriggers"/>: a roster's ids beside names, a card column's whole numbers.</summary>
    private static bool ResearchAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && char.IsLetter(text[at - 1]) && text[at] < 0x2E80)
        {
            return false;
        }

        var rest = text[at..];
        if (!ResearchWords.Starts.MayStart(rest) || rest[..Math.Min(rest.Length, ResearchWords.LongestNoun)].IndexOfAny(ResearchWords.Nouns) != 0)
        {
            return false;
        }

        foreach (var noun in ResearchStarts.Roster.At(rest))
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return RosterRows(text, at);
            }
        }

        foreach (var noun in ResearchStarts.CardColumns.At(rest))
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return CardRows(text, at);
            }
        }

        return false;
    }

    /// <summary>
    /// From the line holding <paramref name="at"/>, the next twelve lines (a blank line or two before the rows allowed): two rows or
    /// more each hold a person's name and an id, and the ids differ (a project's code repeats on every row; a person's number does not).
    /// </summary>
    private static bool RosterRows(ReadOnlySpan<char> text, int at)
    {
        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var block = text[lineStart..Math.Min(text.Length, lineStart + 1600)];
        // A test fixture's or a synthetic table's rows are no one's ("# SYNTHETIC TEST DATA", "Test User A").
        if (SyntheticOrTest(text[Math.Max(0, lineStart - 300)..(lineStart + block.Length)]))
        {
            return false;
        }

        var rows = 0;
        var lines = 0;
        var blanks = 0;
        ReadOnlySpan<char> firstId = [];
        var distinct = false;
        foreach (var range in block.Split('\n'))
        {
            var line = block[range].TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                if (rows > 0 || ++blanks > 2)
                {
                    break;
                }

                continue;
            }

            if (++lines > 13)
            {
                break;
            }

            var id = RowId(line);
            if (id.IsEmpty || !PersonInRow(line))
            {
                continue;
            }

            rows++;
            distinct |= !firstId.IsEmpty && !id.SequenceEqual(firstId);
            firstId = firstId.IsEmpty ? id : firstId;
        }

        return rows >= 2 && distinct;
    }

    // The cells of a row: split at spaces and at a table's or a list's separators.
    private static readonly System.Buffers.SearchValues<char> RowBreaks = System.Buffers.SearchValues.Create(" \t|;,—–()[]:=");

    /// <summary>
    /// A row's first id: five to twenty-four letters and digits (a dash or a slash inside), four digits or more and, with four only, a
    /// letter ("E-20417", "s2471093", "0A1B2C3D4E5", "30117", "2023104587"). Not a date, a decimal, an amount or a duration (a unit or
    /// a currency right after it).
    /// </summary>
    private static ReadOnlySpan<char> RowId(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length)
        {
            var from = i;
            while (i < line.Length && !RowBreaks.Contains(line[i]))
            {
                i++;
            }

            var cell = line[from..i];
            i++;
            if (cell.Length is < 5 or > 24 || cell.IndexOfAnyExcept(IdCellChars) >= 0)
            {
                continue;
            }

            var digits = CountDigits(cell);
            var letters = cell.Length - digits - cell.Count('-') - cell.Count('/') - cell.Count('.');
            if (digits < 4 || (digits == 4 && letters == 0) || cell.Contains('.') || cell.Contains("XXX", StringComparison.OrdinalIgnoreCase) || Date(cell) || DatedCell(cell)
                || UnitAfter(line, i - 1))
            {
                continue;
            }

            return cell;
        }

        return [];
    }

    private static readonly System.Buffers.SearchValues<char> IdCellChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/.");

    // A date's or a month's cell: digits only, joined by '/' or '-' into day, month and year ("04/2016", "2019-04-01", "12/03/2026").
    private static bool DatedCell(ReadOnlySpan<char> cell)
    {
        if (cell.IndexOfAnyExcept("0123456789/-") >= 0)
        {
            return false;
        }

        var parts = 0;
        foreach (var range in cell.SplitAny("/-"))
        {
            var part = cell[range];
            if (part.Length is < 1 or > 4)
            {
                return false;
            }

            parts++;
        }

        return parts is 2 or 3;
    }

    private static readonly string[] SyntheticWords =
        ["synthetic", "test data", "test user", "test member", "testdaten", "fixture", "dummy", "fake", "fictitious", "fictional", "made-up", "sample data", "sandbox", "test card", "test visa", "test number"];

    // The text says its rows or values are made up or a test's.
    private static bool SyntheticOrTest(ReadOnlySpan<char> text) => ContainsStem(text, SyntheticWords);

    // A currency or a unit right after the cell ("52000 €", "36h" is no cell of digits alone): an amount, not an id.
    private static bool UnitAfter(ReadOnlySpan<char> line, int end)
    {
        var after = line[Math.Min(line.Length, end)..].TrimStart(' ');
        return !after.IsEmpty && (after[0] is '€' or '$' or '£' or '%' or '₽' or '¥' or '₩' || after.StartsWith("eur", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("usd", StringComparison.OrdinalIgnoreCase) || after.StartsWith("zł", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A person's name in a row: two capitalised words in a row (a particle such as "de", "van", "El" between them allowed), or a cell
    /// of two to four Han or Hangul characters that is no number's noun ("田中 花子", "김민서"; not "学号", "学籍番号").
    /// </summary>
    private static bool PersonInRow(ReadOnlySpan<char> line)
    {
        var capitalised = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && !char.IsLetter(line[i]))
            {
                capitalised = line[i] is ' ' or '\'' ? capitalised : 0;
                i++;
            }

            var from = i;
            while (i < line.Length && (char.IsLetter(line[i]) || line[i] is '-' or '\'' or '’'))
            {
                i++;
            }

            var word = line[from..i];
            if (word.IsEmpty)
            {
                continue;
            }

            if (CjkName(word))
            {
                return true;
            }

            if (word.Length >= 2 && char.IsUpper(word[0]) && char.IsLower(word[1]))
            {
                if (++capitalised >= 2)
                {
                    return true;
                }
            }
            else if (!(capitalised == 1 && word.Length <= 3 && char.IsLower(word[0])))
            {
                capitalised = 0;
            }
        }

        return false;
    }

    // Two to four Han or Hangul characters, no number's noun among them (号, 番, 번).
    private static bool CjkName(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 4 && word[0] >= 0x2E80 && word.IndexOfAny("号番번학과部") < 0
        && (word[0] is >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3');

    /// <summary>
    /// From the line holding a card column's noun at <paramref name="at"/>, a row of the next ten lines holds a card's whole number: 13
    /// to 19 digits, alone or in groups of four or more joined by single spaces or dashes (its checksum not asked: a mistyped card is
    /// still someone's, docs/LABELLING.md), no star or X among them.
    /// </summary>
    private static bool CardRows(ReadOnlySpan<char> text, int at)
    {
        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var block = text[lineStart..Math.Min(text.Length, lineStart + 1200)];
        if (SyntheticOrTest(text[Math.Max(0, lineStart - 300)..(lineStart + block.Length)]))
        {
            return false;
        }

        var lines = 0;
        foreach (var range in block.Split('\n'))
        {
            if (++lines > 11)
            {
                break;
            }

            var row = block[range].TrimEnd('\r');
            if (lines > 1 && row.IndexOfAny("|;\t,") >= 0)
            {
                foreach (var cell in row.SplitAny("|;\t,"))
                {
                    if (CardCell(row[cell].Trim(' ')))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // A table's cell holding a card's whole number: 13 to 19 digits alone, or in a card's print groups (4-4-4-1…7, Amex's 4-6-5).
    private static bool CardCell(ReadOnlySpan<char> cell)
    {
        if (cell.Length is < 13 or > 23 || cell.IndexOfAnyExcept("0123456789 -") >= 0)
        {
            return false;
        }

        Span<int> groups = stackalloc int[6];
        var count = 0;
        foreach (var range in cell.SplitAny(" -"))
        {
            if (count == groups.Length || range.End.Value == range.Start.Value)
            {
                return false;
            }

            groups[count++] = range.End.Value - range.Start.Value;
        }

        var digits = 0;
        foreach (var length in groups[..count])
        {
            digits += length;
        }

        return digits is >= 13 and <= 19 && (count == 1 || groups[..count] is [4, 4, 4, _] or [4, 4, 4, 4, _] or [4, 6, 5] or [4, 6, 4]);
    }

    /// <summary>The guards of the research theme: what stands after the noun ending at <paramref name="end"/> is no secret's value.</summary>
    private static bool ResearchNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        (!DossierSets.PersonRecords.Contains(phrase) && StudyNumberNamed(text, at, end)) || (IsCodeWord(phrase) && PseudonymisedCode(text, at, end))
        || (want == Want.Word && ManagerFolder(text, at, end)) || (want is Want.Digits or Want.Short or Want.Word && TrivialPinWeighed(text, at, end))
        || QuotedSampleBefore(text, at);

    // What introduces a quoted sample string: "strings like 'OTP ๓๘๒A71'", "such as", "e.g.".
    private static readonly string[] SampleMarkers = ["like", "such as", "e.g.", "z.b.", "z. b.", "p. ex.", "p.ej.", "np.", "for example", "for instance"];

    /// <summary>
    /// The noun at <paramref name="at"/> opens a quoted string introduced by "like", "such as" or "e.g." ("mixed strings like 'OTP
    /// ๓๘๒A71'"): a sample of a format, not a code sent.
    /// </summary>
    private static bool QuotedSampleBefore(ReadOnlySpan<char> text, int at)
    {
        if (at == 0 || text[at - 1] is not ('\'' or '"' or '‘' or '“' or '«'))
        {
            return false;
        }

        var before = text[Math.Max(0, at - 24)..(at - 1)].TrimEnd(' ');
        foreach (var marker in SampleMarkers)
        {
            if (before.EndsWith(marker, StringComparison.OrdinalIgnoreCase) && (before.Length == marker.Length || !char.IsLetter(before[^(marker.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    // A study's own numbers: an ethics committee's approval, a protocol's, a trial's registration (lower case, at a word's start).
    private static readonly string[] StudyApprovalWords =
    [
        "irb", "ethics", "ethical", "approval", "protocol", "trial registration", "rec ref", "éthique", "ethique", "cpp", "ethikvotum",
        "ethikkommission", "ethik-kommission", "votum", "ética", "etica", "ceim", "comitato etico", "parere", "aprovação", "comitê de ética",
        "metc", "toetsingscommissie", "bioetyczn", "etyczn", "этическ", "лэк", "одобрен", "etik kurul", "倫理", "伦理", "批件", "承認番号", "승인번호",
    ];

    /// <summary>
    /// The noun's clause (forty characters either side, not past a sentence's end) names an ethics approval, a protocol or a trial's
    /// registration: the study's number ("Our IRB approval number is 2026-0417-EXP", "numéro d'avis du comité d'éthique"), printed on
    /// every consent form, no person's.
    /// </summary>
    private static bool StudyNumberNamed(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 40)..at];
        before = before[(before.LastIndexOfAny(".!?\n") + 1)..];
        var after = text[end..Math.Min(text.Length, end + 40)];
        var stop = after.IndexOfAny("!?\n");
        after = stop < 0 ? after : after[..stop];
        return WordIn(before, StudyApprovalWords) || WordIn(after, StudyApprovalWords);
    }

    // A study's subject named right after a code's noun ("codice soggetto", "kod respondenta", "participant code").
    private static readonly string[] SubjectWords =
    [
        "soggetto", "respondent", "participant", "partecipante", "subject", "sujeto", "sujet", "proband", "uczestnik", "badanego", "испытуем",
        "респондент", "участник", "pseudonym", "pseudonim", "deelnemer", "katılımcı", "deltagar", "被験者", "参加者", "受试者", "참가자", "연구대상자",
    ];

    // A subject's age or a survey's answers listed with the code: the fields of a pseudonymised export.
    private static readonly string[] StudyFieldWords =
    [
        "età", "wiek", "возраст", "ålder", "age", "alter", "edad", "idade", "âge", "leeftijd", "yaş", "나이", "연령", "年齢", "年龄", "анкет", "ankiet",
        "survey", "questionnaire", "fragebogen", "encuesta", "questionário", "enquête", "questionario", "vragenlijst", "enkät", "anket", "설문",
        "アンケート", "问卷",
    ];

    /// <summary>
    /// A code's noun naming a study's subject ("codice soggetto", "kod respondenta"), or listed among an export's fields with an age or a
    /// survey's word on its line ("с полями код, возраст, стаж_лет"), and no person named in the rows below: a pseudonymised subject's
    /// code, which identifies no one without the key the study keeps apart (docs/LABELLING.md).
    /// </summary>
    private static bool PseudonymisedCode(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 20)].TrimStart(' ');
        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var lineEnd = text[end..].IndexOf('\n') is var n and >= 0 ? end + n : text.Length;
        var listed = !after.IsEmpty && after[0] is ',' or '、' or '，' && WordIn(text[lineStart..lineEnd], StudyFieldWords);
        return (WordIn(after, SubjectWords) || listed) && !NamedRowBelow(text, lineEnd);
    }

    // A person's name in one of the twelve lines after end (a linkage key's rows name the people: they stay sensitive).
    private static bool NamedRowBelow(ReadOnlySpan<char> text, int end)
    {
        var block = text[end..Math.Min(text.Length, end + 1200)];
        var lines = 0;
        foreach (var range in block.Split('\n'))
        {
            if (++lines > 12)
            {
                break;
            }

            if (PersonInRow(block[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ManagerWords =
        ["manager", "gestore", "gestionnaire", "gestor", "gerenciador", "menedżer", "менеджер", "yönetici", "マネージャ", "管理器", "관리자", "vault", "tresor"];

    private static readonly string[] FolderWords =
    [
        "folder", "cartella", "ordner", "dossier", "carpeta", "pasta", "map ", "katalog", "папк", "klasör", "collection", "sammlung", "coleção",
        "colección", "raccolta", "kluis", "coffre", "vault", "フォルダ", "文件夹", "폴더",
    ];

    /// <summary>
    /// A password's noun that names a password manager ("gestore password del gruppo", "Passwortmanager"), and a folder's or a vault's
    /// noun before the quoted name after it ("(cartella 'Studio-Coorte')"): where the credentials are kept, not one of them.
    /// </summary>
    private static bool ManagerFolder(ReadOnlySpan<char> text, int at, int end)
    {
        var around = text[Math.Max(0, at - 16)..Math.Min(text.Length, end + 16)];
        if (!ContainsStem(around, ManagerWords))
        {
            return false;
        }

        var after = text[end..Math.Min(text.Length, end + 48)];
        var quote = after.IndexOfAny("'\"„“«‘");
        return quote > 0 && ContainsStem(after[..quote], FolderWords);
    }

    private static readonly string[] TrivialPins = ["1234", "12345", "123456", "0000", "000000", "1111", "111111", "4321", "654321", "9999", "2580", "1212"];

    // Words that weigh or suggest a value instead of stating it: "would", "good idea", a conditional or a subjunctive, "suggested".
    private static readonly string[] WeighingWords =
    [
        "good idea", "buena idea", "bonne idée", "gute idee", "boa ideia", "buona idea", "goed idee", "dobry pomysł", "хорошая идея", "iyi fikir",
        "would", "what if", "if we", "suggest", "propos", "sugeri", "sugiri", "vorgeschlagen", "vorschlag", "wäre", "würde", "sería", "seria ",
        "sarebbe", "serait", "si on", "sea ", "fuera", "fosse", "mettait", "было бы", "olsa",
    ];

    /// <summary>
    /// The first value in the noun's sentence is a trivial PIN (1234, 0000, 123456…) and the sentence weighs or suggests it ("¿Es buena idea
    /// que el PIN … sea 1234?", "un alumno sugirió 123456"): an obvious example, not a PIN in use (docs/LABELLING.md, weak codes named as
    /// examples). "The tablets' PIN is 1234" states one in use and stays.
    /// </summary>
    private static bool TrivialPinWeighed(ReadOnlySpan<char> text, int at, int end)
    {
        var sentence = text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 60)];
        var from = at - Math.Max(0, at - 80);
        var start = sentence[..from].LastIndexOfAny(".!?\n") + 1;
        var stop = sentence[from..].IndexOfAny("!?\n") is var s and >= 0 ? from + s + 1 : sentence.Length;
        sentence = sentence[start..stop];
        if (!WordIn(sentence, WeighingWords))
        {
            return false;
        }

        // The value before the noun too: "1234 comme PIN", "123456 como PIN".
        var values = 0;
        for (var k = 0; k < sentence.Length; k++)
        {
            if (!char.IsAsciiDigit(sentence[k]) || (k > 0 && char.IsAsciiLetterOrDigit(sentence[k - 1])))
            {
                continue;
            }

            var run = sentence[k..].IndexOfAnyExceptInRange('0', '9');
            var value = run < 0 ? sentence[k..] : sentence[k..(k + run)];
            if (!OneOf(value, TrivialPins))
            {
                return false;
            }

            values++;
            k += value.Length;
        }

        return values > 0;
    }

    /// <summary>
    /// After a person's record noun ending at <paramref name="end"/>, its value and then, past a bracket, a dash, a bar or a comma, a
    /// first name and a surname ("employee no. 883104 (Dev Chaudhary)", "Mitarbeiternummer 5120934 – Paula Schreiner"): the person is named.
    /// </summary>
    private static bool NameAfterValue(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var line = window.IndexOfAny('\n', '\r');
        window = line < 0 ? window : window[..line];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || digit > 12)
        {
            return false;
        }

        var after = window[digit..];
        var valueEnd = after.IndexOfAnyExcept(IdCellChars);
        if (valueEnd < 0)
        {
            return false;
        }

        after = after[valueEnd..];
        var name = after.TrimStart(" |—–-(,;:\t");
        return after.Length - name.Length is >= 1 and <= 4 && TwoNamesAtStart(name);
    }

    /// <summary>
    /// A first name and a surname, then a comma or a bracket, right before a person's record noun at <paramref name="at"/> in its line
    /// ("Olusegun Ade, staff no. 2291847", "Priya Natarajan (student ID 40318862)"): the person is named.
    /// </summary>
    private static bool NameCommaBefore(ReadOnlySpan<char> text, int at, string phrase)
    {
        // "matricola", "matricule", "matrícula" also name a machine's serial ("Lavatrice Candy, matricola 3300471892").
        if (phrase.StartsWith("matr", StringComparison.Ordinal))
        {
            return false;
        }

        var before = text[Math.Max(0, at - 60)..at];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..].TrimEnd(' ');
        return !before.IsEmpty && before[^1] is ',' or '(' && TwoNamesAtEnd(before[..^1].TrimEnd(' '));
    }

    // Two capitalised words open the text ("Dev Chaudhary)", "Paula Schreiner").
    private static bool TwoNamesAtStart(ReadOnlySpan<char> text)
    {
        var words = 0;
        var i = 0;
        while (words < 2)
        {
            var from = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '’' or '-'))
            {
                i++;
            }

            if (i - from < 2 || !char.IsUpper(text[from]) || !char.IsLower(text[from + 1]))
            {
                return false;
            }

            if (++words < 2)
            {
                if (i >= text.Length || text[i] != ' ')
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    // A claim's nouns (its stem) and an insurer named near it: the insured's claim (docs/LABELLING.md), whoever the person is.
    private static readonly string[] ClaimStems = ["claim", "sinistr", "siniestr", "schaden", "skade", "szkod", "убыт", "страхов", "hasar", "事故", "报案", "理赔", "赔案", "청구", "사고"];

    // Insurers by their names: a claim opened with one of them is the user's (a generic "insurer's claim ref" in a note is a reference).
    private static readonly string[] InsurerNames =
    [
        "generali", "unipol", "allianz", "axa", "mapfre", "zurich", "aviva", "ergo", "groupama", "maif", "macif", "mutua madrileña", "pzu", "warta",
        "huk-coburg", "debeka", "signal iduna", "cattolica", "reale mutua", "fidelidade", "caixa seguros", "ingosstrakh", "ингосстрах", "росгосстрах",
        "anadolu sigorta", "aksigorta", "state farm", "geico", "progressive", "direct line", "achmea", "nationale-nederlanden", "if skadeförsäkring",
        "東京海上", "損保ジャパン", "平安保险", "삼성화재",
        // Probe 53: a student's flat, bicycle and laptop insurers.
        "endsleigh", "huk", "hiscox", "admiral", "churchill", "matmut", "maaf", "gmf", "allstate", "lemonade", "ageas",
    ];

    // An insurer's letter to its insured: the claim is the reader's ("Votre dossier sinistre n° …", "Le confirmamos la apertura …").
    private static readonly string[] InsuredAddressed = ["your claim", "votre dossier", "votre sinistre", "le confirmamos", "su siniestro", "ihr schaden", "ihre schaden", "il suo sinistro", "seu sinistro", "uw schade"];

    /// <summary>
    /// A claim's noun at <paramref name="at"/> with an insurer named by its name in the 160 characters around it, or in the insurer's
    /// letter to the insured: the insured's claim (docs/LABELLING.md), the user's or the lab's, whoever else is named.
    /// </summary>
    private static bool ClaimWithInsurer(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (!ContainsStem(phrase, ClaimStems))
        {
            return false;
        }

        var around = text[Math.Max(0, at - 160)..Math.Min(text.Length, at + 160)];
        return WholeWordsIn(around, InsurerNames) || ContainsStem(around, InsuredAddressed);
    }

    /// <summary>
    /// The digits at <paramref name="start"/> follow an example's marker in their line ("np. '44051401359'", "z. B. 86095742719", "e.g.")
    /// in a paragraph that names an example, a test or the documentation: an id's example (docs/LABELLING.md: digits in a sentence
    /// describing a format, a test or an example stay a placeholder).
    /// </summary>
    internal static bool ExampleIdBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 24)..start];
        before = before[(before.LastIndexOf('\n') + 1)..];
        if (!ContainsStem(before, ExampleMarkers))
        {
            return false;
        }

        var paragraph = text[Math.Max(0, start - 200)..Math.Min(text.Length, start + 80)];
        return ContainsPart(paragraph, ExampleWords) || ContainsPart(paragraph, DocumentationWords);
    }

    private static readonly string[] ExampleMarkers =
        ["e.g.", "np.", "z. b.", "z.b.", "p. ex.", "p.ex.", "p. ej.", "p.ej.", "por ejemplo", "por exemplo", "ad es.", "bijv.", "örn.", "напр", "例如", "例えば", "예:", "for example", "for instance"];

    /// <summary>A Stripe publishable key (<c>pk_…</c>) starting at <paramref name="start"/>, named publishable or with Stripe in its line.</summary>
    internal static bool PublishableKeyAt(ReadOnlySpan<char> text, int start)
    {
        var token = text[start..];
        var stop = token.IndexOfAny(" \t\n\r'\"`,;)");
        return PublishableNamed(text, start, stop < 0 ? token : token[..stop]);
    }

    private static readonly string[] FolderNames =
    [
        "folder", "cartella", "ordner", "dossier", "carpeta", "pasta", "map", "katalog", "folderze", "папке", "папка", "klasör", "klasörü", "collection",
        "sammlung", "coleção", "colección", "raccolta", "kluis", "coffre", "vault", "フォルダ", "文件夹", "폴더",
    ];

    /// <summary>
    /// The token at <paramref name="start"/> is quoted right after a folder's or a vault's noun ("folder 'Cohort-Study-2026'", "Ordner
    /// „Kohorte-Nord-2026“"): a folder's name in a password manager, however password-shaped.
    /// </summary>
    private static bool FolderNameAt(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 24)..start];
        if (before.IsEmpty || before[^1] is not ('\'' or '"' or '„' or '“' or '«' or '‘'))
        {
            return false;
        }

        before = before[..^1].TrimEnd(" :");
        foreach (var noun in FolderNames)
        {
            if (before.EndsWith(noun, StringComparison.OrdinalIgnoreCase) && (before.Length == noun.Length || !char.IsLetter(before[^(noun.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    // The cues that a weak code has been in use: "since", "still", "everyone knows".
    private static readonly string[] InUseWords =
        ["since", "still", "everyone knows", "desde", "ainda", "todo mundo sabe", "toda sabe", "todavía", "seit", "immer noch", "depuis", "toujours", "ancora", "sinds", "wciąż", "всё ещё", "hâlâ"];

    /// <summary>
    /// A group's weak code stated as the one in use ("O PIN dos tablets de coleta é 123456 desde o início"): the first value after the noun
    /// in its sentence repeats a digit or counts up, and the sentence says it has been in use (docs/LABELLING.md: a weak code someone
    /// really uses is sensitive; <see cref="OwnWeakCode"/> reads the same after a possessive).
    /// </summary>
    private static bool UsedWeakCode(ReadOnlySpan<char> text, int at, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 60)];
        window = window[..SentenceEnd(window)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || (digit > 0 && char.IsLetter(window[digit - 1])))
        {
            return false;
        }

        var length = window[digit..].IndexOfAnyExceptInRange('0', '9');
        length = length < 0 ? window.Length - digit : length;
        return length is >= 4 and <= 8 && RepeatedOrCountingUp(window.Slice(digit, length), fromZeroOrOne: false) && WordIn(window[(digit + length)..], InUseWords)
            && !ContainsStem(text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 80)], PlaceholderWords);
    }
}

