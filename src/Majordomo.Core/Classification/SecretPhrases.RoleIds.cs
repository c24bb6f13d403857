namespace Majordomo.Classification;

/// <summary>
/// A person's record number by the shape documents print it in (the twentieth session, docs/CLASSIFIER.md "Leftovers of probes 33
/// and 36"). An HR letter, a ward note or a school's form introduces its subject by role and name and then gives the number its
/// institution keeps for them as a bare "ID" ("Employee: Rhys Morgan-Price, ID 08817"): a personnel, patient or student number, as
/// <c>PersonRecordTable</c>'s nouns are with a person named. A customer's, a product's, a ticket's or a task's "ID" beside a name is
/// no one's record (docs/LABELLING.md: customer and order numbers), so only the roles of an employer's, a carer's, a school's or an
/// insurer's record count. CJK personnel nouns take a tracker-key-shaped value too ("工号 SZ-30721": two capitals, a dash, digits),
/// which the value reader otherwise reads as a ticket's key.
/// </summary>
internal static partial class SecretPhrases
{
    // The roles whose "ID" is a person's record number, in the corpus languages (lower case; followed by a colon in the text).
    private static string[] RecordRoles =>
    [
        "employee", "staff member", "staff", "worker", "patient", "student", "pupil", "claimant", "insured", "policyholder", "trainee", "apprentice",
        "mitarbeiter", "mitarbeiterin", "beschäftigter", "beschäftigte", "patientin", "schüler", "schülerin", "studentin", "auszubildende", "azubi",
        "empleado", "empleada", "trabajador", "trabajadora", "paciente", "alumno", "alumna", "estudiante", "asegurado", "asegurada", "salarié",
        "salariée", "employé", "employée", "patiente", "élève", "étudiant", "étudiante", "assuré", "assurée", "dipendente", "lavoratore", "lavoratrice",
        "paziente", "studente", "studentessa", "alunno", "alunna", "assicurato", "assicurata", "funcionário", "funcionária", "colaborador",
        "colaboradora", "aluno", "aluna", "segurado", "segurada", "medewerker", "medewerkster", "werknemer", "patiënt", "leerling", "verzekerde",
        "anställd", "medarbetare", "elev", "medarbejder", "ansat", "pracownik", "pracownica", "pacjent", "pacjentka", "uczeń", "uczennica",
        "personel", "çalışan", "hasta", "öğrenci", "сотрудник", "сотрудница", "работник", "пациент", "пациентка", "студент", "ученик",
    ];

    // The triggers: each role with its colon, as French prints it too ("Salarié : …").
    private static IEnumerable<string> RoleIdTriggers => RecordRoles.SelectMany(role => (string[])[role + ":", role + " :"]);

    /// <summary>
    /// A role's colon at <paramref name="at"/>, a name of one to five capitalised words, a comma or a bracket, then "ID" in capitals and
    /// a value of four digits or more (not a sample's counter, "00001").
    /// </summary>
    private static bool RoleIdAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && char.IsLetter(text[at - 1]))
        {
            return false;
        }

        var length = 0;
        foreach (var role in LayoutStarts.Roles.At(text[at..]))
        {
            if (text[at..].StartsWith(role, StringComparison.OrdinalIgnoreCase))
            {
                length = role.Length;
                break;
            }
        }

        if (length == 0)
        {
            return false;
        }

        // The name: capitalised words up to the comma or the bracket.
        var i = at + length;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var words = 0;
        while (i < text.Length && words <= 5 && char.IsUpper(text[i]))
        {
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '-' or '\'' or '’' or '.'))
            {
                i++;
            }

            words++;
            if (i < text.Length && text[i] == ' ' && i + 1 < text.Length && char.IsUpper(text[i + 1]))
            {
                i++;
            }
            else if (i < text.Length && text[i] == ' ' && NameParticle(text[(i + 1)..]) is > 0 and var particle)
            {
                i += 1 + particle + 1; // "Sanne de Vries", "Ana da Silva": a surname's particle and the space after it
            }
        }

        if (words is 0 or > 5 || i >= text.Length)
        {
            return false;
        }

        i += text[i] == ',' ? 1 : 0;
        while (i < text.Length && text[i] is ' ' or '(')
        {
            i++;
        }

        if (i + 2 >= text.Length || text[i] != 'I' || text[i + 1] != 'D' || char.IsLetter(text[i + 2]))
        {
            return false;
        }

        i += 2;
        while (i < text.Length && text[i] is ' ' or ':' or '#' or '\u00A0')
        {
            i++;
        }

        int from = i, digits = 0;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] == '-' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))))
        {
            digits += char.IsAsciiDigit(text[i]) ? 1 : 0;
            i++;
        }

        return digits is >= 4 and <= 20 && !CounterValue(text, from - 1) && (i == text.Length || !char.IsLetter(text[i]));
    }

    // Surnames' particles written in lower case between a name's capitalised words.
    private static readonly string[] NameParticles = ["de", "van", "der", "den", "von", "da", "di", "del", "della", "la", "le", "du", "dos", "das", "do", "bin", "al", "ten", "ter"];

    /// <summary>The length of a particle at the start of <paramref name="rest"/> followed by a space and a capital; 0 when none.</summary>
    private static int NameParticle(ReadOnlySpan<char> rest)
    {
        foreach (var particle in NameParticles)
        {
            if (rest.StartsWith(particle, StringComparison.Ordinal) && rest.Length > particle.Length + 1 && rest[particle.Length] == ' ' && char.IsUpper(rest[particle.Length + 1]))
            {
                return particle.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// After a person's record noun ending at <paramref name="end"/> (<c>PersonRecordTable</c>), a value shaped like a tracker's
    /// key: two or three capitals, a dash and four to eight digits ("工号 SZ-30718", "사번 KR-30955"). Whether a person is named near
    /// it stays <see cref="RecordWithoutPerson"/>'s to judge.
    /// </summary>
    private static bool RecordKeyAfter(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!DossierSets.PersonRecords.Contains(phrase))
        {
            return false;
        }

        var i = end;
        while (i < text.Length && i - end < 4 && text[i] is ' ' or ':' or '：' or '#' or '(' or '（' or '\u00A0')
        {
            i++;
        }

        var letters = 0;
        while (i < text.Length && char.IsAsciiLetterUpper(text[i]))
        {
            letters++;
            i++;
        }

        if (letters is not (2 or 3) || i >= text.Length || text[i] != '-')
        {
            return false;
        }

        var digits = 0;
        i++;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            digits++;
            i++;
        }

        return digits is >= 4 and <= 8 && (i == text.Length || !char.IsAsciiLetterOrDigit(text[i]));
    }
}
