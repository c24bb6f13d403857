namespace Majordomo.Classification;

/// <summary>
/// Healthcare's structured material (after the probe <c>sensitive-lookalikes-50</c>, docs/CLASSIFIER.md "Probe 50 read by category"): an
/// HL7 v2 PID segment's patient ids (PID-2, -3, -4 and -19) are a patient's numbers beside the patient's name unless every one of them
/// is a test's or a specification's dummy (<c>TEST0001</c>, <c>PATID1234</c>, <c>9999999999</c>, <c>DOE^JOHN</c>); a browser agent's
/// fill of an id-shaped value into a field whose selector or snapshot label names an id (<c>#cipa</c> labelled "Código de
/// identificación personal", <c>#insurance-member-id</c>); a photo's ask that names the form blank.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// A Swedish personnummer's twelve digits in its print shape (YYYYMMDD-NNNN) whose check fails: a birth date of the last century or
    /// this one up to 2024 (a date stamp of this year opens order numbers: "AB-20261207-0045"), not glued to a code's dash or letter.
    /// </summary>
    private static bool MistypedPersonnummer(ReadOnlySpan<char> text, int start, ReadOnlySpan<byte> d) =>
        (Two(d, 0) == 19 || (Two(d, 0) == 20 && Two(d, 2) <= 24)) && Date(d[2..8], yearFirst: true) && (start == 0 || !(text[start - 1] == '-' || char.IsLetter(text[start - 1])));

    // Words of a test's or a specification's dummy in an id or a name.
    private static readonly string[] DummyIdWords = ["test", "dummy", "sample", "example", "patid", "fake", "synth", "demo", "xxx"];

    // Family names a specification or a test uses for no one.
    private static readonly string[] DummyNames = ["doe", "patient", "testpatient", "mustermann", "nobody", "anonymous", "everyman", "everywoman"];

    /// <summary>
    /// The HL7 segment "PID|" at <paramref name="at"/> holds a patient id with four digits or more in PID-2, -3, -4 or -19 that is no
    /// dummy, and its name (PID-5) is none either.
    /// </summary>
    internal static bool RealPidSegment(ReadOnlySpan<char> text, int at)
    {
        var line = text[at..];
        var stop = line.IndexOfAny("\r\n\"'`");
        line = stop < 0 ? line : line[..stop];
        var field = 0;
        var real = false;
        foreach (var range in line.Split('|'))
        {
            var value = line[range];
            if (field == 5 && DummyPidName(value))
            {
                return false;
            }

            if (field is 2 or 3 or 4 or 19)
            {
                foreach (var repetition in value.Split('~'))
                {
                    var id = value[repetition];
                    var caret = id.IndexOf('^');
                    real |= RealPatientId(caret < 0 ? id : id[..caret]);
                }
            }

            field++;
        }

        return real;
    }

    // Four digits or more, not all one digit, and none of the dummies' words.
    private static bool RealPatientId(ReadOnlySpan<char> id)
    {
        var digits = 0;
        var first = '\0';
        var same = true;
        foreach (var c in id)
        {
            if (char.IsAsciiDigit(c))
            {
                first = first == '\0' ? c : first;
                same &= c == first;
                digits++;
            }
        }

        return digits >= 4 && !same && !CountingId(id) && !ContainsAny(id, DummyIdWords);
    }

    // The digits count up by one ("123456789", "PATID1234"): a specification's placeholder.
    private static bool CountingId(ReadOnlySpan<char> id)
    {
        var previous = -1;
        var count = 0;
        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (previous >= 0 && c - '0' != previous + 1)
            {
                return false;
            }

            previous = c - '0';
            count++;
        }

        return count >= 4;
    }

    private static bool DummyPidName(ReadOnlySpan<char> name)
    {
        var caret = name.IndexOf('^');
        var family = caret < 0 ? name : name[..caret];
        return ContainsAny(family, DummyIdWords) || SecretPhrases.OneOf(family, DummyNames);
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A FHIR identifier's system naming a national, a social-security or an insurer's number ("http://fhir.de/sid/gkv/kvid-10",
    // "https://fhir.nhs.uk/Id/nhs-number", "http://hl7.org/fhir/sid/us-ssn").
    private static readonly string[] IdSystems =
        ["/sid/", "nhs-number", "kvid", "us-ssn", "bsn", "nir", "insee", "pesel", "personnummer", "cpf", "cns", "passport", "national", "medicare", "member"];

    /// <summary>
    /// A FHIR identifier at <paramref name="at"/> (<c>"system"</c>) whose system names an id's register and whose <c>"value"</c> in the same
    /// object is a real patient's id (<see cref="RealPatientId"/>): "X000000000" or "9999999999" is a specification's example.
    /// </summary>
    internal static bool RealFhirIdentifier(ReadOnlySpan<char> text, int at)
    {
        if (!text[at..].StartsWith("\"system\"", StringComparison.Ordinal))
        {
            return false;
        }

        var open = text[Math.Max(0, at - 120)..at].LastIndexOf('{');
        var close = text[at..Math.Min(text.Length, at + 300)].IndexOf('}');
        if (open < 0 || close < 0)
        {
            return false;
        }

        var item = text[(Math.Max(0, at - 120) + open)..(at + close)];
        var system = JsonString(item, "\"system\"");
        var value = JsonString(item, "\"value\"");
        return ContainsAny(system, IdSystems) && RealPatientId(value);
    }

    // An id field's name or label, as a part of it: a national, social-security, health-card or insurance member's number.
    private static readonly IgnoreCaseWords IdFieldParts = new(
    [
        "identificación personal", "identification", "identificação", "cipa", "nuhsa", "tarjeta sanitaria", "tarjeta-sanitaria", "seguridad social",
        "seguridad-social", "nss", "sécu", "secu", "social security", "social-security", "ssn", "nhs", "medicare", "member-id", "member id",
        "memberid", "member_id", "insurance-id", "insurance id", "afiliado", "versicherten", "kvnr", "passport", "pasaporte", "passeport", "dni",
        "cpf", "carteirinha", "cartao-sus", "cartão sus", "codice fiscale", "codice-fiscale", "codicefiscale", "tessera", "amka", "pesel",
        "personnummer", "bsn", "national id", "national-id", "nino", "health card", "health-card", "healthcard", "carte vitale", "carte-vitale",
    ]);

    /// <summary>
    /// A browser agent's call (in the model's calls, <paramref name="calls"/>, read as <c>name: value</c> lines) types an id-shaped value
    /// (five characters or more, four digits) into a field whose selector names an id, or whose label on a page snapshot among the tool
    /// results (<paramref name="results"/>: "[input#cipa] Código de identificación personal (CIPA)") does.
    /// </summary>
    internal static bool IdFilledIntoIdField(ReadOnlySpan<char> calls, ReadOnlySpan<char> results)
    {
        for (var at = calls.IndexOf("selector: ", StringComparison.Ordinal); at >= 0; at = NextSelector(calls, at))
        {
            var line = calls[(at + 10)..];
            var end = line.IndexOfAny('\n', '\r');
            var selector = (end < 0 ? line : line[..end]).Trim();
            if (selector.IsEmpty || !IdShaped(FilledValue(end < 0 ? [] : line[end..])))
            {
                continue;
            }

            if (ContainsAny(selector, IdFieldParts.For(selector)) || LabelNamesId(results, selector.TrimStart('#')))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextSelector(ReadOnlySpan<char> calls, int at)
    {
        var next = calls[(at + 1)..].IndexOf("selector: ", StringComparison.Ordinal);
        return next < 0 ? -1 : at + 1 + next;
    }

    // The value typed by the same call: a "text:" or "value:" line before the next call's "action:" or "selector:".
    private static ReadOnlySpan<char> FilledValue(ReadOnlySpan<char> after)
    {
        foreach (var range in after.Split('\n'))
        {
            var line = after[range].Trim();
            if (line.StartsWith("action: ", StringComparison.Ordinal) || line.StartsWith("selector: ", StringComparison.Ordinal))
            {
                break;
            }

            if (line.StartsWith("text: ", StringComparison.Ordinal) || line.StartsWith("value: ", StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':') + 2)..];
            }
        }

        return [];
    }

    // The snapshot's line for the field ("#cipa]" or "#cipa " and its label) names an id.
    private static bool LabelNamesId(ReadOnlySpan<char> results, ReadOnlySpan<char> name)
    {
        for (var mark = results.IndexOf(name, StringComparison.Ordinal); mark > 0; mark = results[(mark + 1)..].IndexOf(name, StringComparison.Ordinal) is var next and >= 0 ? mark + 1 + next : -1)
        {
            var end = mark + name.Length;
            if (results[mark - 1] != '#' || (end < results.Length && results[end] is not (']' or ' ' or '"')))
            {
                continue;
            }

            var label = results[end..];
            var stop = label.IndexOfAny('\n', '\r');
            label = stop < 0 ? label : label[..stop];
            if (ContainsAny(label, IdFieldParts.For(label)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IdShaped(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!char.IsAsciiLetter(c) && c is not (' ' or '-'))
            {
                return false;
            }
        }

        return value.Length >= 5 && digits >= 4;
    }

    // A form named blank or empty in the ask that carries its photo, in the corpus languages (probes 50 and 51).
    private static readonly string[] BlankWords =
    [
        "blank", "empty", "unfilled", "en blanco", "vacío", "vacio", "em branco", "vazio", "vierge", "leeres", "leere", "unausgefüllt",
        "in bianco", "vuoto", "pusty", "pustego", "пустой", "пустого", "niet ingevuld", "leeg", "blanco", "空白", "未記入", "빈 ",
    ];

    private static readonly string[] FormWords =
        ["form", "formulaire", "formular", "formulario", "formulário", "modulo", "formularz", "formulier", "blankett", "申請書", "用紙", "表格", "양식", "서식"];

    /// <summary>
    /// The ask that carries a photo calls the form in it blank — by name ("This is the blank Medicare claim form") or asking which
    /// box of the blank one a value goes in (SensitiveScanner.Government's BoxWords): no one's numbers are in it.
    /// </summary>
    internal static bool BlankFormPhoto(ReadOnlySpan<char> ask) =>
        SecretPhrases.WordIn(ask, BlankWords) && (SecretPhrases.WordIn(ask, FormWords) || ask.IndexOfAny(BoxWords) >= 0) && !OwnDocumentNamed(ask);

    // The user's own identity documents beside the blank form ("my passport", "mi DNI", "meinem Reisepass").
    private static readonly string[] OwnDocumentPossessives =
        ["my", "mi", "mis", "mein", "meine", "meinem", "meinen", "meu", "minha", "mon", "ma", "mio", "mia", "mijn", "mój", "moja", "moje"];

    private static readonly string[] OwnDocumentNouns =
    [
        "passport", "driving licen", "driver's licen", "id card", "identity card", "reisepass", "ausweis", "personalausweis", "führerschein",
        "dni", "pasaporte", "carnet", "cédula", "rg", "cnh", "passaporte", "carteira", "passeport", "carte d'identité", "permis",
        "passaporto", "carta d'identità", "patente", "paspoort", "rijbewijs", "paszport", "dowód", "prawo jazdy",
    ];

    private static readonly string[] OwnDocumentNumberWords = ["number", "no.", "nr", "nummer", "número", "numéro", "numero", "numer", "n°", "nº"];

    // "my passport number goes in which box?", "meine Ausweisnummer": where a number goes is asked, the document is not said to be shown.
    private static bool NumberAsked(ReadOnlySpan<char> after)
    {
        var glued = 0;
        while (glued < after.Length && char.IsLetter(after[glued]))
        {
            glued++;
        }

        var following = after[glued..].TrimStart(" '’s");
        return SecretPhrases.StartsWithAny(after, OwnDocumentNumberWords) || SecretPhrases.StartsWithAny(following, OwnDocumentNumberWords);
    }

    /// <summary>
    /// The ask says the user's own document is in the photo too ("Photo of my passport and the blank visa form: which box does the passport
    /// number go in?"): its number travels in the picture whatever the blank form beside it (sensitive-categories-131).
    /// </summary>
    private static bool OwnDocumentNamed(ReadOnlySpan<char> ask)
    {
        foreach (var possessive in OwnDocumentPossessives)
        {
            foreach (var at in SecretPhrases.Occurrences(ask, possessive))
            {
                var end = at + possessive.Length;
                if (!SecretPhrases.WholeWordAt(ask, at, possessive.Length) || end >= ask.Length || ask[end] != ' ')
                {
                    continue;
                }

                var next = ask[(end + 1)..];
                foreach (var noun in OwnDocumentNouns)
                {
                    // A short acronym is a whole word ("mi DNI", not "meu rgb").
                    var whole = noun.Length > 3 || next.Length == noun.Length || !char.IsLetter(next[noun.Length]);
                    if (next.StartsWith(noun, StringComparison.OrdinalIgnoreCase) && whole && !NumberAsked(next[noun.Length..]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
