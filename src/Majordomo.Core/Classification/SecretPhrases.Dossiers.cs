using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// HR, legal, health and insurance documents (after the probe <c>sensitive-lookalikes-36</c>, docs/CLASSIFIER.md "Probe 36 read by
/// category"). Two tables, a row a language. The first: the labels documents print for a person's social, pension, insurance,
/// health-card, patient and residence numbers (<c>Vers.-Nr.</c>, 基礎年金番号, 증권번호, NUHSA, N° étranger, IDNP, A-Number…) — an id of
/// its own wherever it stands (docs/LABELLING.md counts insurance and patient numbers). The second: the numbers an employer, an
/// insurer or a school gives a person's record (personnel number, matricola, sicil no, 社員番号, 사번, 工号, claim number) — the
/// same nouns name a washing machine's serial or a claim in general, so their number is someone's only when the document names a
/// person near it (a salutation, an honorific or a name's field before a capitalised word, a CJK name's field or suffix).
/// </summary>
internal static partial class SecretPhrases
{
    // Language → the labels of a person's social, pension, insurance, health and residence numbers (lower case; matched
    // case-insensitively). A property, not a field: Phrases reads it while the partial files' fields initialise. An insurance policy's
    // labels ("policy number", "numero di polizza", 証券番号…) are PolicyTable's (SecretPhrases.Accounts): one table for the concept.
    private static (string Language, string[] Nouns)[] DossierIdTable =>
    [
        ("en", ["a#", "ni no", "ni number", "nhs", "medicaid", "pps_number", "ppsn", "a-number", "alien number", "alien registration number", "hosp no", "hosp. no", "pension number", "pension no", "chi number", "unique pupil number", "pupil number", "learner number",
            // Probe 42: a pupil's, an exam candidate's and a pensioner's registry numbers (UPN, UCAS, India's PPO) and a student loan's account.
            "upn", "ucas personal id", "ucas id", "ppo no", "ppo number", "pension payment order", "student loan customer reference", "student finance customer reference"]),
        ("de", ["vers.-nr", "vers.nr", "versicherten-nr", "rentenversicherungsnummer", "rv-nummer", "rentennummer", "schwerbehindertenausweis", "patientennummer", "patienten-id", "schülernummer", "schüler-nr", "schüler-id", "prüfungsnummer", "prüflingsnummer", "förderungsnummer", "bafög-nummer"]),
        ("fr", ["n° étranger", "numéro étranger", "numéro d'étranger", "n° titre", "numéro de titre", "numéro du titre", "titre n°", "dossier patient", "dossier médical", "numéro de candidat", "numéro d'allocataire", "n° d'allocataire", "n° allocataire"]),
        ("es", ["nuhsa", "nusha", "historia clínica", "nss", "nia"]),
        ("nl", ["leerlingnummer", "leerlingnr", "leerling-nr"]),
        ("pt", ["niss", "número de beneficiário"]),
        ("sv", ["journalnummer"]),
        ("da", ["journalnr"]),
        ("pl", ["numer emerytury", "nr emerytury", "numer świadczenia", "nr świadczenia", "numer legitymacji", "nr legitymacji", "legitymacja szkolna nr", "legitymacji szkolnej nr"]),
        ("cs", ["číslo pojištěnce"]),
        ("ru", ["номер медицинской карты", "медицинской карты №"]),
        ("uk", ["номер медичної карти", "медичної карти"]),
        ("tr", ["sgk sicil", "sgk no"]),
        ("ro", ["idnp"]),
        ("ja", ["年金番号", "被保険者証", "記号番号", "患者番号", "患者id", "診察番号", "学籍番号", "生徒番号", "児童番号", "受験番号"]),
        ("ko", ["환자번호", "진료번호", "학번", "학생번호", "수험번호"]),
        ("zh", ["住院号", "门诊号", "社保号", "医保号", "病案号", "学号", "学籍号", "准考证号", "报名号", "考生号"]),
        ("hi", ["ppo नंबर", "पीपीओ नंबर"]),
        ("vi", ["mã số học sinh", "mã học sinh", "mã số sinh viên", "mã sinh viên"]),
        ("id", ["nisn"]),
        // Probe 43: a patient's number by its noun and its abbreviations in more languages ("patiëntnr HP-44018").
        ("en", ["patient no", "patient nr", "patient ref", "hospital number", "hospital no"]),
        ("nl", ["patiëntnummer", "patiëntnr", "patientnummer", "patientnr", "patiënt-id", "patiëntid"]),
        ("de", ["patienten-nr", "patientennr", "patientnr"]),
        ("fr", ["numéro de patient", "numéro patient", "n° patient", "n° de patient", "no patient"]),
        ("es", ["número de paciente", "nº de paciente", "n.º de paciente", "nº paciente", "número de historia"]),
        ("it", ["numero paziente", "numero del paziente", "codice paziente", "n. paziente", "id paziente"]),
        ("pt", ["número do paciente", "número de paciente", "nº do paciente", "número de processo clínico"]),
        ("pl", ["numer pacjenta", "nr pacjenta", "id pacjenta"]),
        ("ru", ["номер пациента", "№ пациента"]),
        ("uk", ["номер пацієнта"]),
        ("tr", ["hasta numarası", "hasta no", "protokol numarası"]),
        ("zh", ["病历号", "患者编号", "病人编号"]),
    ];

    // Language → the numbers an employer, an insurer or a school gives a person's record: someone's only with a person named near.
    private static (string Language, string[] Nouns)[] PersonRecordTable =>
    [
        ("en", ["employee id", "employee no", "employee number", "employee_id", "staff id", "staff no", "staff number", "payroll no", "payroll number", "personnel no", "personnel number", "student id", "student number", "student no", "candidate number", "candidate no", "claim no", "claim number", "claim ref",
            // Probe 45: the same nouns as a table's snake-case column ("full_name,grade,student_id").
            "student_id", "student_no", "student_number", "pupil_id", "staff_id", "staff_no",
            // Probe 47: a leaver or starter export's camel-case column ("Name,EmployeeNo,LastDay").
            "employeeno", "employeenumber", "employeeid", "empno", "emp_no", "staffno", "staffnumber", "badge number", "badge no", "badge id"]),
        ("de", ["personalnr", "personalnummer", "pers.-nr", "mitarbeiternummer", "mitarbeiter-nr", "schadennummer", "schaden-nr", "fallnummer", "fallnr", "matrikelnummer"]),
        ("fr", ["matricule", "sinistre n°", "n° de sinistre", "numéro de sinistre", "numéro étudiant", "dossier", "dossier sinistre"]),
        ("es", ["num_empleado", "número de empleado", "nº de empleado", "n.º de empleado", "número de siniestro", "nº de siniestro", "siniestro nº", "número de expediente", "número de inscripción", "expediente de siniestro", "legajo"]),
        ("it", ["matricola", "numero di matricola", "n. sinistro", "numero sinistro", "numero di sinistro", "certificato inps", "sinistro n.", "sinistro nr", "rif. sinistro"]),
        ("pt", ["funcionário n", "funcionária n", "número de funcionário", "n.º de funcionário", "número do sinistro", "n.º do sinistro", "matrícula"]),
        ("nl", ["personeelsnummer", "werknemersnummer", "schadenummer", "dossiernummer", "studentnummer"]),
        ("sv", ["anställningsnummer", "anställningsnr", "skadenummer"]),
        ("da", ["medarbejdernummer", "medarbejdernr", "lønnummer", "skadesnummer"]),
        ("pl", ["nr ewidencyjny", "numer ewidencyjny", "numer pracownika", "nr pracownika", "numer szkody", "nr szkody"]),
        ("cs", ["osobní číslo", "číslo zaměstnance", "číslo pojistné události"]),
        ("ru", ["табельный номер", "таб. №", "таб. номер", "номер убытка", "номер страхового случая"]),
        ("uk", ["табельний номер", "номер страхового випадку"]),
        ("tr", ["sicil no", "sicil numarası", "personel no", "personel numarası", "hasar no", "hasar dosya no", "dosya no", "protokol no", "rapor no"]),
        ("ja", ["社員番号", "従業員番号", "職員番号", "事故番号"]),
        ("ko", ["사번", "사원번호", "직원번호", "청구번호", "사고번호"]),
        ("zh", ["工号", "员工编号", "员工号", "职工号", "报案号", "理赔号", "赔案号"]),
        ("hi", ["कर्मचारी संख्या", "कर्मचारी आईडी", "कर्मचारी कोड"]), // probe 39
        ("ta", ["பணியாளர் எண்", "ஊழியர் எண்"]),
        ("sw", ["namba ya usajili", "nambari ya usajili"]),
    ];

    // Acronyms among them that are words elsewhere ("nss" a library, "niss" a name): counted only as printed, in capitals.
    private static string[] DossierCapitalNouns => ["nhs", "nuhsa", "nusha", "nss", "niss", "ppsn", "idnp", "upn", "nia", "nisn", "ine", .. GovernmentCapitalNouns];

    // Appended to Phrases; the first table's nouns are appended to IdNouns (their value has five characters or more).
    private static (string Phrase, Want Want)[] DossierPhrases() =>
        [.. DossierIdNouns.Concat(PersonRecordTable.SelectMany(row => row.Nouns)).Select(noun => (noun, Want.Digits))];

    private static string[] DossierIdNouns => [.. DossierIdTable.SelectMany(row => row.Nouns)];

    // In a class of their own: built on the first check, once the partial files' fields have initialised.
    private static class DossierSets
    {
        internal static readonly FrozenSet<string> PersonRecords = PersonRecordTable.SelectMany(row => row.Nouns).Concat(LanguageGapRecordNouns).Concat(EducationRecordNouns).ToFrozenSet(StringComparer.Ordinal);
        internal static readonly FrozenSet<string> Capitals = DossierCapitalNouns.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The noun at <paramref name="at"/> is one of <see cref="DossierCapitalNouns"/> not written in its capitals ("nss", "Nhs").</summary>
    private static bool DossierAcronymNotInCapitals(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (!DossierSets.Capitals.Contains(phrase))
        {
            return false;
        }

        // Letters only: "EFIN:", "CUI " close on a mark.
        foreach (var c in text.Slice(at, phrase.Length))
        {
            if (char.IsLetter(c) && !char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A record number's noun (personnel, claim, file) with no person named near it (<see cref="PersonNamed"/>): a machine's serial
    /// ("matricola 3300471892"), a claim's or a file's number in general — no one's id. Nor a sample's counter after a person
    /// (<see cref="CounterValue"/>), nor a "dossier" with no care before it (a booking's "Réf. dossier", a refund's file).
    /// </summary>
    private static bool RecordWithoutPerson(ReadOnlySpan<char> text, int at, int end, string phrase) =>
        DossierSets.PersonRecords.Contains(phrase) && ((!PersonNamed(text, at) && !(OwnRecord(text, at, end) && !TripNumberNamed(text, at, end)) && !NameBeforeValue(text, end) && !NameBeforeNoun(text, at) && !SchoolRecord(text, at, end)
            && !NameAfterValue(text, end) && !NameCommaBefore(text, at, phrase) && !ClaimWithInsurer(text, at, phrase) && !InsurerDossier(text, at, phrase)) || CounterValue(text, end)
            || (phrase == "dossier" && !CareBefore(text, at) && !InsurerDossier(text, at, phrase)));

    // A class register's or a grade sheet's words: a matricola or a student number there is a pupil's (probe 38).
    private static readonly string[] SchoolWords =
    [
        "voto", "voti", "registro", "pagella", "alunno", "alunna", "alunni", "grade", "grades", "pupil", "pupils", "moyenne", "élève",
        "élèves", "bulletin", "zeugnis", "klasse", "schüler", "schülerin", "calificación", "calificaciones", "alumno", "alumna",
        // Probe 42: exams, admissions, scholarships and school fees, and pupils in the other languages.
        "exam ", "exams", "examination", "gcse", "a-level", "student", "scholarship", "studente", "studenti", "studentessa", "borsa di studio", "università",
        "aluno", "aluna", "alunos", "turma", "examen", "notas", "selectividad", "abitur", "prüfung", "leerling", "uczeń", "shule", "mwanafunzi", "wanafunzi", "karo",
        .. EducationSchoolWords,
    ];

    // A school's word within the 120 characters before the noun at at or the 60 after its end.
    private static bool SchoolRecord(ReadOnlySpan<char> text, int at, int end) =>
        WordIn(text[Math.Max(0, at - 120)..Math.Min(text.Length, end + 60)], SchoolWords);

    // Words of care before "dossier": a hospital's file ("il est suivi à l'HFME, dossier 2021-…"), not a booking's or a refund's.
    private static readonly string[] CareWords = ["suivi", "suivie", "hôpital", "hopital", "chu", "clinique", "patient", "patiente", "hospitalisé", "hospitalisée"];

    // A care word within the 40 characters before the noun at <paramref name="at"/>, in its sentence.
    private static bool CareBefore(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 40)..at];
        before = before[(before.LastIndexOfAny(".\n") + 1)..];
        return WordIn(before, CareWords);
    }

    /// <summary>
    /// The first number after the noun ending at <paramref name="end"/> is a sample's counter: four digits or more, zeros but the
    /// last ("Max Mustermann, Pers.-Nr. 00001").
    /// </summary>
    private static bool CounterValue(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 30)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var run = window[digit..];
        var length = run.IndexOfAnyExceptInRange('0', '9');
        run = length < 0 ? run : run[..length];
        return run.Length >= 4 && run[..^1].IndexOfAnyExcept('0') < 0;
    }

    // Salutations, honorifics, self-introductions and a name's field: a capitalised word after one of them is a person's name.
    private static readonly string[] NameCues =
    [
        "mr", "mrs", "ms", "miss", "dr", "dear", "hi", "hello", "name", "employee", "new starter", "starter", "leaver", "joiner", "new hire", "patient", "claimant", "insured", "policyholder", "holder", "beneficiary",
        "student", "tenant", "i am", "i'm", "my name is", "herr", "herrn", "frau", "liebe", "lieber", "sehr geehrte", "sehr geehrter", "mitarbeiter",
        "mitarbeiterin", "patientin", "versicherte", "versicherter", "versicherungsnehmer", "ich bin", "ich heiße", "m.", "mme", "madame", "monsieur",
        "cher", "chère", "bonjour", "nom", "salarié", "salariée", "assuré", "assurée", "locataire", "je suis", "sr.", "sra.", "señor", "señora", "don",
        "doña", "estimado", "estimada", "hola", "nombre", "empleado", "empleada", "trabajador", "trabajadora", "paciente", "asegurado", "asegurada",
        "tomador", "me llamo", "soy", "sig.", "sig.ra", "signor", "signora", "gentile", "egregio", "caro", "cara", "dipendente", "lavoratore",
        "lavoratrice", "paziente", "assicurato", "assicurata", "mi chiamo", "sono", "dott.", "dott.ssa", "senhor", "senhora", "prezado", "prezada",
        "nome", "funcionário", "funcionária", "utente", "segurado", "segurada", "eu sou", "dhr.", "mevr.", "meneer", "mevrouw", "beste", "geachte",
        "naam", "werknemer", "medewerker", "patiënt", "verzekerde", "ik ben", "hej", "namn", "anställd", "jag heter", "jag är", "kære", "navn",
        "medarbejder", "jeg hedder", "jeg er", "pan", "pani", "szanowny", "szanowna", "imię", "pracownik", "pracownica", "pacjent", "pacjentka",
        "ubezpieczony", "ubezpieczona", "jestem", "vážený", "vážená", "jméno", "zaměstnanec", "pacient", "pacientka", "pojištěnec", "sayın", "bay",
        "bayan", "ad soyad", "adı soyadı", "hasta", "çalışan", "personel", "benim adım", "г-н", "г-жа", "уважаемый", "уважаемая", "сотрудник",
        "сотрудница", "пациент", "пациентка", "фио", "имя", "меня зовут", "шановний", "шановна", "пан", "пані", "працівник", "пацієнт", "піб",
        "мене звати",
        // Probe 42: a number held in someone's name ("a nombre de Lucía Prieto", "au nom de Léa Fontaine").
        "a nombre de", "em nome de", "au nom de", "a nome di", "intestato a", "intestata a",
    ];

    // A CJK name's field, honorific or role before or after the name: a person is named wherever one stands near the number.
    private static readonly string[] CjkNameCues =
    [
        "氏名", "様", "さん", "殿", "従業員", "社員", "患者", "被保険者", "姓名", "员工", "职工", "先生", "女士", "성명", "씨", "님", "피보험자", "환자", "직원", "이름", "계약자", "学生", "学员", "生徒", "학생",
    ];

    /// <summary>
    /// Whether a person is named within 240 characters before or 160 after <paramref name="at"/>: one of <see cref="NameCues"/> at
    /// a word's start followed (past a colon, a comma or spaces) by a capitalised word, or one of <see cref="CjkNameCues"/> anywhere.
    /// A template's "[Name]" and "Employee: [NAME]" name no one.
    /// </summary>
    private static bool PersonNamed(ReadOnlySpan<char> text, int at)
    {
        var window = text[Math.Max(0, at - 240)..Math.Min(text.Length, at + 160)];
        if (window.ContainsAnyExceptInRange('\0', '\u2E7F') && ContainsStem(window, CjkNameCues))
        {
            return true;
        }

        foreach (var cue in NameCues)
        {
            for (var k = window.IndexOf(cue, StringComparison.OrdinalIgnoreCase); k >= 0;)
            {
                if ((k == 0 || !char.IsLetter(window[k - 1])) && CapitalisedAfter(window[(k + cue.Length)..]))
                {
                    return true;
                }

                var next = window[(k + 1)..].IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                k = next < 0 ? -1 : k + 1 + next;
            }
        }

        return false;
    }

    // After a cue: its word ends, up to four of ' ', ':', ',', '-', '.', a quote (a JSON field's "name": "…"), then a capital and a letter ("Ortiz", "DIALLO"), not a bracket or a digit.
    private static bool CapitalisedAfter(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || char.IsLetter(rest[0]))
        {
            return false;
        }

        var i = 0;
        while (i < rest.Length && i < 5 && rest[i] is ' ' or ':' or ',' or '-' or '.' or '"' or '\'' or '\u00A0')
        {
            i++;
        }

        return i > 0 && i + 1 < rest.Length && char.IsUpper(rest[i]) && char.IsLetter(rest[i + 1]) && !IdWordAt(rest[i..]);
    }

    // "Employee ID E-1042", "Employee No 4471": the cue is the record's noun itself and the capital its id's word, no one's name (probe 37).
    private static readonly string[] IdWords = ["id", "no", "nr", "number", "num", "nummer", "numéro", "número", "numero"];

    private static bool IdWordAt(ReadOnlySpan<char> rest)
    {
        var length = 0;
        while (length < rest.Length && char.IsLetter(rest[length]))
        {
            length++;
        }

        return OneOf(rest[..length], IdWords);
    }

    /// <summary>
    /// An id's noun (<see cref="Want.Digits"/>) whose sentence ends within 80 characters, and the next sentence is a short question
    /// holding eight digits or more (with '/', '-' or spaces): the sender reads the number back ("… Seguridad Social. ¿Es 08/…?").
    /// </summary>
    private static bool IdInNextQuestion(ReadOnlySpan<char> text, int end, Want want)
    {
        if (want != Want.Digits)
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 130)];
        var stop = window[..Math.Min(window.Length, 80)].IndexOfAny(".?!\n");
        var next = stop < 0 ? [] : window[(stop + 1)..].TrimStart(" \t\n");
        var ask = next.IndexOf('?');
        if (ask < 0 || ask > 45)
        {
            return false;
        }

        var digits = 0;
        for (var i = 0; i < ask && digits < 8; i++)
        {
            digits = char.IsAsciiDigit(next[i]) ? digits + 1 : next[i] is '/' or '-' or ' ' && digits > 0 ? digits : 0;
        }

        return digits >= 8;
    }

    /// <summary>
    /// The first value after an id's noun ending at <paramref name="end"/> (its line, 40 characters) is masked or a form's zeros: a
    /// star stands in it or right after it ("Versichertennummer A12345678*": the insurer hides the tail), or its digits are all
    /// zeros ("[DNI: 00000000X]": a template's field).
    /// </summary>
    private static bool MaskedOrZeros(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        var digit = window.IndexOfAnyInRange('0', '9');
        var line = window.IndexOfAny('\n', '\r');
        if (digit < 0 || (line >= 0 && line < digit))
        {
            return false;
        }

        var from = digit;
        while (from > 0 && char.IsAsciiLetterOrDigit(window[from - 1]))
        {
            from--;
        }

        var to = digit;
        var zeros = true;
        // A form's zeros go on across its dashes ("۰۰۰۰۰-۰۰۰۰۰۰۰-۰", a blank CNIC; probe 39).
        while (to < window.Length && (char.IsAsciiLetterOrDigit(window[to]) || window[to] == '*'
            || (zeros && window[to] == '-' && to + 1 < window.Length && window[to + 1] == '0')))
        {
            zeros &= !char.IsAsciiDigit(window[to]) || window[to] == '0';
            to++;
        }

        // A keypad's code ends in '*' or '#' ("gate code #3381*"): only an id's length (seven characters or more) is masked by a star.
        var value = window[from..to];
        var masked = value.Contains('*') || (from > 0 && window[from - 1] == '*');
        return (masked && value.Length - value.Count('*') >= 7) || (zeros && value.Count('0') >= 6) || ZeroFilled(value);
    }
}
