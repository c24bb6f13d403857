using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Healthcare and caregiving (after the probe <c>sensitive-lookalikes-50</c>, docs/CLASSIFIER.md "Probe 50 read by category"): a health
/// insurer's member number by its noun ("número de afiliado", "numéro d'adhérent", "member ID", "KV-Nr.") with a health or insurance
/// word near; an id's Arabic noun with a possessive ending ("رقم هويته", "رقم هويتها"); an insurance policy's number right after
/// "policy" with a claim's words near ("Allianz Travel policy 4M-771-…, excess £100"), or after a German insurance compound and its
/// mark ("Reiserücktrittsversicherung Nr. RRV-…"); a registered lasting power of attorney's reference; a patient's ids in an HL7 PID
/// segment; an Oracle connect string's password ("jdbc:oracle:thin:user/pass@host", "sqlplus user/pass@db"); an id typed by a
/// browser agent into a field its snapshot labels an id's; a Turkish password after "de" ("şifresi de Gul1958ank"). Not values: a
/// member noun with no health or insurance word near (an affiliate's, a gym's), a form's own number ("claim form (MS014)"), another
/// field's value in code after the noun's key, an HL7 segment whose ids and names are a test's or a specification's dummies.
/// </summary>
internal static partial class SecretPhrases
{
    // In a class of their own: Phrases and TriggerPhrases read them while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class HealthWords
    {
        // A health or care insurer's member number by its noun: the insured's number (docs/LABELLING.md, insurance numbers). English
        // "member ID" and "membership number" are read already (SecretPhrases), for a bank's log-in too.
        internal static readonly string[] MemberNouns =
        [
            "membership no", "subscriber id", "subscriber number", "número de afiliado", "numero de afiliado", "nº afiliado", "nº de afiliado",
            "n.º de afiliado", "n° de afiliado", "numéro d'adhérent", "numéro adhérent", "n° d'adhérent", "n° adhérent", "número da carteirinha",
            "kv-nr", "kv-nummer", "numero di iscrizione", "numer członkowski",
        ];

        // An id's Arabic noun with a possessive ending (his, her, your, our, their), a residence permit's and a civil register's too.
        internal static readonly string[] ArabicIdNouns =
        [
            "رقم هويته", "رقم هويتها", "رقم هويتك", "رقم هويتنا", "رقم هويتهم", "رقم إقامته", "رقم إقامتها", "رقم إقامتي", "رقم اقامته", "رقم اقامتها",
            "رقم اقامتي", "سجله المدني", "سجلها المدني", "سجلي المدني", "السجل المدني", "رقم ملفه الطبي", "رقم ملفها الطبي", "رقم الملف الطبي",
        ];

        // Words that make a member number a health or an insurance scheme's (stems, at a word's start).
        internal static readonly string[] HealthCues =
        [
            "health", "medical", "dental", "insur", "plan", "copay", "co-pay", "deductible", "rx", "pharmac", "clinic", "hospital", "doctor", "dentist",
            "gp", "nhs", "medicare", "medicaid", "patient", "salud", "sanitari", "seguro", "médic", "medic", "clínic", "urgencias", "hospital",
            "mutua", "santé", "mutuelle", "médecin", "pharmacie", "soins", "saúde", "plano", "convênio", "convenio", "consulta", "unimed",
            "sus", "krank", "kasse", "arzt", "pflege", "versich", "zahnarzt", "ikk", "aok", "tk", "barmer", "dak", "assicura", "ubezpiecz", "nfz",
            "care", "carer", "prescription", "claim", "ppo", "hmo", "bcbs", "receta", "ordonnance", "rezept", "bupa", "axa", "allianz", "mapfre", "sanitas", "adeslas", "asisa",
        ];

        // What a lasting power of attorney is called; the registry's reference follows it in the letter.
        internal static readonly string[] AttorneyNouns = ["lpa", "lasting power of attorney", "power of attorney", "opg reference", "opg ref"];

        // An insurance's noun (a German compound's end too) that a number's mark and the policy's number follow.
        internal static readonly string[] InsuranceNouns = ["versicherung", "verzekering"];

        // Words of a claim near an English "policy" that make it an insurance's.
        internal static readonly string[] ClaimWords =
            ["insur", "excess", "deductible", "claim", "cover", "payout", "premium", "reimburs", "insurer", "underwrit", "travel"];

        // A Turkish password's noun with its possessive ending (his, her, my), read with "de" or "da" after it.
        internal static readonly string[] TurkishPasswordNouns = ["şifresi", "şifrem", "sifresi", "sifrem", "parolası", "parolasi", "parolam"];

        // Starts of an Oracle connect string with a user and its password.
        internal static readonly string[] ConnectStarts = ["thin:", "sqlplus "];

        internal static readonly string[] Triggers =
            [.. AttorneyNouns, .. InsuranceNouns, .. ConnectStarts, .. TurkishPasswordNouns, "policy", "pid|", "\"system\""];

        // HealthcareAt runs at every trigger's start: one vectorised test of the next few characters turns away the others' hits.
        internal static readonly SearchValues<string> TriggerSearch = SearchValues.Create(Triggers, StringComparison.OrdinalIgnoreCase);

        internal static readonly int LongestTrigger = Triggers.Max(trigger => trigger.Length);
    }

    private static IEnumerable<string> HealthTriggers => HealthWords.Triggers;

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] HealthPhrases() =>
        [.. HealthWords.MemberNouns.Select(noun => (noun, Want.Digits)), .. HealthWords.ArabicIdNouns.Select(noun => (noun, Want.Digits))];

    /// <summary>The checks started by <see cref="HealthTriggers"/> at <paramref name="at"/>.</summary>
    private static bool HealthcareAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (rest.Length < 6 || rest[0] is not ('l' or 'L' or 'p' or 'P' or 'o' or 'O' or 'v' or 'V' or 'i' or 'I' or 'a' or 'A' or 't' or 'T' or 's' or 'S' or 'ş' or 'Ş' or '"')
            || rest[..Math.Min(rest.Length, HealthWords.LongestTrigger)].IndexOfAny(HealthWords.TriggerSearch) != 0)
        {
            return false;
        }

        if (rest.StartsWith("pid|", StringComparison.OrdinalIgnoreCase))
        {
            return (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && SensitiveScanner.RealPidSegment(text, at);
        }

        // A FHIR resource's identifier under a national or an insurer's system (SensitiveScanner.Healthcare).
        if (rest[0] == '"')
        {
            return SensitiveScanner.RealFhirIdentifier(text, at);
        }

        foreach (var start in HealthWords.ConnectStarts)
        {
            if (rest.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return OracleCredential(text, at + start.Length, sqlplus: start[0] is 's' or 'S');
            }
        }

        if (at > 0 && char.IsLetter(text[at - 1]) && !rest.StartsWith("versicherung", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var noun in HealthWords.TurkishPasswordNouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return TurkishPasswordAlso(text, at + noun.Length);
            }
        }

        foreach (var noun in HealthWords.AttorneyNouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase) && (rest.Length == noun.Length || !char.IsLetter(rest[noun.Length])))
            {
                return AttorneyReference(text, at + noun.Length);
            }
        }

        if (rest.StartsWith("policy", StringComparison.OrdinalIgnoreCase))
        {
            return PolicyNumberBesideClaim(text, at, at + 6);
        }

        foreach (var noun in HealthWords.InsuranceNouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                var window = rest[noun.Length..Math.Min(rest.Length, noun.Length + 48)];
                var stop = window.IndexOfAny("\n\r?!;");
                window = stop >= 0 ? window[..stop] : window;
                return window.Length > 0 && window[0] == ' ' && MarkAfterWords(window, out var valueAt) == 1 && MarkedValue(window[valueAt..]);
            }
        }

        return false;
    }

    /// <summary>
    /// "policy" after the insurer's name (a capitalised word: "Allianz Travel policy", "World Nomads policy"; its letters ending at
    /// <paramref name="end"/>) right before a value of five characters or more with four digits, a claim's word within 200 characters:
    /// the insured's policy told with the claim (docs/LABELLING.md, a policy's number after the insurer's name). A privacy or an IAM
    /// policy has no claim's words near, and its name no digits.
    /// </summary>
    private static bool PolicyNumberBesideClaim(ReadOnlySpan<char> text, int at, int end)
    {
        if (end >= text.Length || text[end] is not (' ' or ':' or '#') || at < 2 || text[at - 1] != ' ')
        {
            return false;
        }

        // The insurer's name in one of the two words before: "Allianz Travel policy", "HealthGuard travel policy".
        var words = text[Math.Max(0, at - 40)..(at - 1)];
        var last = words[(words.LastIndexOfAny(" \n\t(") + 1)..];
        var space = words.Length - last.Length - 1;
        var previous = space > 0 ? words[..space] : [];
        previous = previous[(previous.LastIndexOfAny(" \n\t(") + 1)..];
        if (!(InsurerName(last) && !CapitalOpensSentence(text, at - 1 - last.Length)) && !(InsurerName(previous) && !CapitalOpensSentence(text, at - 2 - last.Length - previous.Length)))
        {
            return false;
        }

        var after = text[end..Math.Min(text.Length, end + 40)].TrimStart(" :#");
        return after.Length > 0 && char.IsAsciiLetterOrDigit(after[0]) && MarkedValue(after)
            && WordIn(text[Math.Max(0, at - 200)..Math.Min(text.Length, end + 200)], HealthWords.ClaimWords);
    }

    // A capital after a sentence's end is no name ("Our privacy policy v2026").
    private static bool CapitalOpensSentence(ReadOnlySpan<char> text, int start)
    {
        var before = text[..Math.Max(0, start)].TrimEnd(" \t\"'(");
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or '\n' or ':';
    }

    private static bool InsurerName(ReadOnlySpan<char> word) => word.Length >= 2 && char.IsUpper(word[0]) && word.IndexOfAnyInRange('0', '9') < 0;

    /// <summary>
    /// A registered power of attorney's reference after its noun (ending at <paramref name="end"/>): a number of eight to sixteen digits
    /// (groups joined by a dash or a space) in the 160 characters after, before a new paragraph. The registry keeps it for one person
    /// (docs/LABELLING.md). A phone's number is named as one.
    /// </summary>
    private static bool AttorneyReference(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 160)];
        var paragraph = window.IndexOf("\n\n", StringComparison.Ordinal);
        window = paragraph >= 0 ? window[..paragraph] : window;
        for (var i = 0; i < window.Length; i++)
        {
            if (!char.IsAsciiDigit(window[i]) || (i > 0 && char.IsAsciiLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            var digits = 0;
            var k = i;
            while (k < window.Length && (char.IsAsciiDigit(window[k]) || (window[k] is '-' or ' ' && k + 1 < window.Length && char.IsAsciiDigit(window[k + 1]))))
            {
                digits += char.IsAsciiDigit(window[k]) ? 1 : 0;
                k++;
            }

            if (digits is >= 8 and <= 16 && !WordIn(window[..i], AttorneyPhoneWords))
            {
                return true;
            }

            i = k;
        }

        return false;
    }

    private static readonly string[] AttorneyPhoneWords = ["phone", "tel", "call", "ring", "helpline", "mobile"];

    /// <summary>
    /// An Oracle connect string's user and password after "thin:" or "sqlplus " (at <paramref name="start"/>): a user, '/', a password and
    /// '@' ("karte_ro/Kr#2026hosp@10.4.2.17"). No user ("thin:@//host"), a variable's hole or an upper-case stand-in is no password.
    /// </summary>
    private static bool OracleCredential(ReadOnlySpan<char> text, int start, bool sqlplus)
    {
        var rest = text[start..Math.Min(text.Length, start + 120)];
        if (sqlplus)
        {
            // "sqlplus -s user/pass@db": flags before the user.
            while (rest.StartsWith("-", StringComparison.Ordinal))
            {
                var space = rest.IndexOf(' ');
                rest = space < 0 ? [] : rest[(space + 1)..];
            }
        }

        var end = rest.IndexOfAny(" \t\r\n\"'`");
        var token = end < 0 ? rest : rest[..end];
        var slash = token.IndexOf('/');
        var at = token.LastIndexOf('@');
        if (slash <= 0 || at <= slash + 1)
        {
            return false;
        }

        var password = token[(slash + 1)..at];
        return !password.StartsWith("/", StringComparison.Ordinal) && !password.StartsWith("$", StringComparison.Ordinal) && password.IndexOfAny("{}<>%") < 0
            && !(password.IndexOfAnyInRange('a', 'z') < 0 && password.IndexOfAnyInRange('0', '9') < 0)
            && !password.Equals("password", StringComparison.OrdinalIgnoreCase) && !password.Equals("pass", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A Turkish password after its own noun and "de" or "da" (also: "şifresi de Gul1958ank"): a token of six characters or more with
    /// letters and a digit right after the particle (<paramref name="end"/> is where the noun ends).
    /// </summary>
    private static bool TurkishPasswordAlso(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 48)];
        if (!(after.StartsWith(" de ", StringComparison.Ordinal) || after.StartsWith(" da ", StringComparison.Ordinal)))
        {
            return false;
        }

        after = after[4..];
        var length = after.IndexOfAny(" ,;\n\r\t");
        var token = (length < 0 ? after : after[..length]).TrimEnd(".!?:");
        var digits = 0;
        var letters = 0;
        foreach (var c in token)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return token.Length is >= 6 and <= 40 && digits >= 1 && letters >= 3 && digits + letters >= token.Length - 2;
    }

    /// <summary>The guards <see cref="NotAValue"/> adds for this theme.</summary>
    private static bool HealthNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        (OneOf(phrase, HealthWords.MemberNouns) && !WordIn(text[Math.Max(0, at - 200)..Math.Min(text.Length, end + 200)], HealthWords.HealthCues))
        // A password's value needs no digit: a form's number before it is no sign there is none ("the password for the claim form MS014
        // portal is Wattle-Kookaburra-Sky"; sensitive-categories-131).
        || (want is not (Want.Word or Want.Access) && FormNumberAfter(text, end)) || OtherKeyValueAfter(text, end) || CodeExpressionAfter(text, end) || (end < text.Length && text[end] == '^')
        || RemovedInSentence(text, end);

    /// <summary>
    /// The noun's sentence says its value was taken out before any digit, and no copula hands the digits over as the noun's value ("Versichertennummer und IBAN hab ich rausgelöscht", "I've taken
    /// out Mum's NHS number"): the numbers further on are others'.
    /// </summary>
    private static bool RemovedInSentence(ReadOnlySpan<char> text, int end)
    {
        var sentence = text[end..Math.Min(text.Length, end + 120)];
        var stop = sentence.IndexOfAny(".!?\n");
        sentence = stop < 0 ? sentence : sentence[..stop];
        var digit = sentence.IndexOfAnyInRange('0', '9');
        return SensitiveScanner.NumbersMaskedInPhoto(digit < 0 ? sentence : sentence[..digit]) && !(digit >= 0 && ValueIntroduced(sentence[..digit]));
    }

    // A copula, a colon or '=' right before the digits hands them over as the noun's value: the removal told between was of something
    // else ("The NHS number (I removed the spaces) is 4857773456", "Mon code PIN, celui que j'ai tapé, c'est 4821"; sensitive-categories-131).
    private static bool ValueIntroduced(ReadOnlySpan<char> lead)
    {
        lead = lead.TrimEnd(" \t\"'«„“(");
        if (lead.IsEmpty)
        {
            return false;
        }

        if (lead[^1] is ':' or '=')
        {
            return true;
        }

        var word = lead[(lead.LastIndexOfAny(' ', '\'', '’') + 1)..];
        return OneOf(word, ValueCopulas);
    }

    private static readonly string[] ValueCopulas = ["is", "was", "are", "es", "era", "ist", "lautet", "war", "est", "è", "é", "são", "jest", "är"];

    /// <summary>
    /// In code, the noun's key is given an expression, not a value ("\"mrn\": f[3].split('^')[0]", "'carteirinha': os.getenv(…)"): an
    /// identifier with an index, a call or a member after it. The digits further on are the expression's or another key's.
    /// </summary>
    private static bool CodeExpressionAfter(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length || text[end] is not ('\'' or '"'))
        {
            return false;
        }

        var after = text[(end + 1)..Math.Min(text.Length, end + 40)].TrimStart(' ');
        if (after.IsEmpty || after[0] is not (':' or '='))
        {
            return false;
        }

        after = after[1..].TrimStart(' ');
        var length = 0;
        while (length < after.Length && (char.IsAsciiLetterOrDigit(after[length]) || after[length] == '_'))
        {
            length++;
        }

        return length > 0 && char.IsAsciiLetter(after[0]) && length < after.Length && after[length] is '[' or '(' or '.';
    }

    private static readonly string[] FormNouns =
        ["form", "formulaire", "formular", "formulario", "formulário", "modulo", "formularz", "formulier", "blankett", "lomake", "бланк", "formblatt"];

    /// <summary>
    /// The first value after the noun ending at <paramref name="end"/> is a form's own number: the word just before it names a form
    /// ("Medicare claim form (MS014)", "formulaire Cerfa n° 12345"): the issuer's, printed on every copy.
    /// </summary>
    private static bool FormNumberAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 60)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var start = digit;
        while (start > 0 && char.IsAsciiLetter(window[start - 1]))
        {
            start--;
        }

        // A form's code has letters ("MS014", "SA100") and no other number follows in its sentence; "the form: 5527104836" asks a value.
        var close = digit;
        while (close < window.Length && char.IsAsciiLetterOrDigit(window[close]))
        {
            close++;
        }

        var rest = window[close..];
        var stop = rest.IndexOfAny(".?!\n");
        if (start == digit || window[..start].Contains(':') || (stop < 0 ? rest : rest[..stop]).IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        var before = window[..start].TrimEnd(" (#nº°.").TrimEnd(" (#");
        var word = before.LastIndexOf(' ');
        return OneOf(before[(word + 1)..], FormNouns);
    }

    /// <summary>
    /// In code, the first digits after the noun's key stand after another key ("'carteirinha': os.getenv(…), 'procedimento': '40304361'"):
    /// the other field's value, not the noun's.
    /// </summary>
    private static bool OtherKeyValueAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 120)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var between = window[..digit];
        var comma = between.LastIndexOf(',');
        if (comma < 0)
        {
            return false;
        }

        var key = between[(comma + 1)..].TrimStart(' ');
        if (key.Length < 3 || key[0] is not ('\'' or '"'))
        {
            return false;
        }

        var close = key[1..].IndexOf(key[0]);
        return close > 0 && key[(close + 2)..].TrimStart(' ').StartsWith(":", StringComparison.Ordinal);
    }
}
