namespace Majordomo.Classification;

/// <summary>
/// Code-switched and romanised personal admin (after the probe <c>sensitive-lookalikes-28</c>, docs/CLASSIFIER.md "Probe 28 read by
/// category"): Hinglish, Taglish, Arabizi, Pidgin, Manglish, transliterated Russian. A PIN named by its app's prefix ("MPIN",
/// "TPIN", "एमपिन"); a PIN told as typed in the sentence after its noun's ("… PIN daalo. Maine daal diya 2580"); ids by the names
/// their own country gives them in Latin letters ("ABHA number", "Emirates ID", "polis OMS", "LRN", a pay-TV "IUC"); a bank's
/// name right before an account's digits ("Maybank 1621 8833 4570"). Not values: a diagnosis or a USSD code before another
/// field's number, a confirmation, appointment or queue number told as one's own.
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases: nouns of PINs, ids and accounts as romanised and code-switched messages write them.
    private static (string Phrase, Want Want)[] RomanisedPhrases() =>
    [
        // A PIN by its app's or channel's prefix: a mobile wallet's MPIN, phone banking's TPIN.
        ("mpin", Want.Digits), ("m-pin", Want.Digits), ("tpin", Want.Digits), ("t-pin", Want.Digits), ("एमपिन", Want.Digits), ("एम-पिन", Want.Digits),

        // Ids by their own country's names in Latin letters (and the Arabic script's for the Emirates).
        ("abha", Want.Digits), ("emirates id", Want.Digits), ("الهوية الإماراتية", Want.Digits), ("iqama", Want.Digits), ("lrn", Want.Digits),
        ("polis oms", Want.Digits), ("polisa oms", Want.Digits), ("nomer polisa", Want.Digits), ("nomer inn", Want.Digits),
        // India's health scheme card (Ayushman Bharat PM-JAY; probe 39).
        ("pm-jay", Want.Digits), ("pmjay", Want.Digits), ("ayushman card", Want.Digits), ("आयुष्मान कार्ड", Want.Digits),

        // A pay-TV subscriber's card number (DStv, GOtv, StarTimes): the account it is billed to.
        ("iuc", Want.Digits), ("smartcard number", Want.Digits), ("smart card number", Want.Digits),

        // A bank's own name right before the account's digits ("Maybank 1621 8833 4570"): eight digits or more.
        .. Banks.Names.Select(name => (name, Want.Account)),
    ];

    // The ids above (not the PINs): their value has five characters or more, like IdNouns'. Properties, not fields: spread into
    // other files' fields, whose initialisers may run before this file's.
    private static string[] RomanisedIdNouns =>
        ["abha", "emirates id", "الهوية الإماراتية", "iqama", "lrn", "polis oms", "polisa oms", "nomer polisa", "nomer inn", "iuc", "smartcard number", "smart card number",
            "pm-jay", "pmjay", "ayushman card", "आयुष्मान कार्ड"];

    // Numbers named as another thing's: a confirmation, an appointment, a queue's slip (PublicNumberStems; "mi número de
    // confirmación", "meu número de confirmação", "nombor giliran", "my slip no").
    private static string[] RomanisedPublicStems => ["confirma", "conferma", "cita", "slip", "queue", "giliran"];

    // Codes named as public by the word before them: a diagnosis's (ICD "J20.9", romanised Korean "jindan") and a USSD code
    // ("*737#"); a number further on is another field's (PublicCodeNames).
    private static string[] RomanisedPublicCodes => ["diagnosis", "diagnostic", "diagnóstico", "diagnostico", "diagnose", "icd", "jindan", "ussd"];

    // Clause openers of probe 28's languages after a value ("Nilagay ko 3308 tapos …", "2580 phir …"), besides Conjunctions'.
    private static string[] RomanisedConjunctions => ["tapos", "phir", "aur", "lekin", "then"];

    // Owners' words after a noun, before its number ("nombor giliran saya 1120-4458", "LRN ko"), besides Possessives.
    private static readonly string[] OwnerAfterNoun = ["saya", "ku", "ko", "mo", "niya", "mera", "meri", "wangu", "yangu"];

    // Words between a bank's name and its account's digits ("Meezan Bank 0101 …", "BDO savings 0045 …", "CIMB a/c: 7006 …").
    private static readonly string[] BankNameWords = ["bank", "acc", "acct", "a/c", "account", "savings", "current", "no", "no.", "ac", "#"];

    /// <summary>
    /// The bank's name ending at <paramref name="end"/> is not followed right away (past <see cref="BankNameWords"/>) by digits:
    /// a branch's hours, a helpline or a report's year named after the bank is no account of anyone's.
    /// </summary>
    private static bool BankNameAlone(ReadOnlySpan<char> text, int at, int end)
    {
        if (!OneOf(text[at..end], Banks.Names))
        {
            return false;
        }

        var rest = text[end..Math.Min(text.Length, end + 40)];
        for (var word = 0; word < 3; word++)
        {
            rest = rest.TrimStart(" \t:-–");
            var space = rest.IndexOfAny(' ', '\t', ':');
            if (space <= 0 || !OneOf(rest[..space], BankNameWords))
            {
                break;
            }

            rest = rest[space..];
        }

        return rest.IsEmpty || !char.IsAsciiDigit(rest[0]);
    }

    // In a class of their own: read while Phrases initialises, whose file's fields may be set before this file's.
    private static class Banks
    {
        internal static readonly string[] Names = ["maybank", "cimb", "bdo", "metrobank", "landbank", "meezan", "gtbank", "zenith bank", "equity bank"];
    }

    // A user name's labels before "pass" in a login pair ("Username juan pass Kuya483", "userid rahul_788 pass …").
    private static readonly string[] UserLabels = ["user", "username", "userid", "usuario", "usuário", "utilisateur", "login", "id"];

    /// <summary>
    /// "pass" as a login pair's second half: a user name's label and its value within the 40 characters before it, and after it (past
    /// ":" or "=") a token of letters with a digit, six characters or more, that is no dummy ("Username juan pass Kuya483"; not "bus
    /// pass 2026", "Username shadowfox93 pass on the invite").
    /// </summary>
    private static bool UserAndPass(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 40)..at];
        var label = -1;
        foreach (var user in UserLabels)
        {
            var hit = before.LastIndexOf(user, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1])) && hit + user.Length < before.Length && !char.IsLetter(before[hit + user.Length]))
            {
                label = Math.Max(label, hit + user.Length);
            }
        }

        // The user's value between the label and "pass", in the same sentence (a dot inside a name, "miguel.r2015", ends none).
        var pair = label < 0 ? [] : before[label..];
        if (pair.Trim(" \t:=").IsEmpty || pair.Contains(". ", StringComparison.Ordinal) || pair.IndexOfAny("?!\n") >= 0)
        {
            return false;
        }

        var value = text[end..Math.Min(text.Length, end + 40)].TrimStart(" \t:=");
        var stop = value.IndexOfAny(" \t,;\n\r");
        value = (stop < 0 ? value : value[..stop]).TrimEnd(".!?)");
        return value.Length >= 6 && value.IndexOfAnyInRange('0', '9') >= 0 && value.ContainsAnyInRange('a', 'z') && !DummyValue(value);
    }

    // Verbs of typing a PIN in, in the languages of probe 28; the value follows them ("Maine daal diya 2580", "Nilagay ko 3308",
    // "Puse 7716", "Digitei 4093", "I typed 8251").
    private static readonly string[] TypedVerbs =
    [
        "diya", "daala", "daali", "dala", "dabaya", "nilagay", "tinype", "pinindot", "puse", "metí", "meti", "ingresé", "digité", "digitei", "coloquei",
        "typed", "entered", "keyed", "punched", .. WorldGivenVerbs, .. HandedVerbs,
    ];

    // Words that may stand between the verb and the value ("nilagay ko 3308", "I typed in 8251", "daal bhi diya").
    private static readonly string[] TypedFillers = ["ko", "bhi", "in", "it", "na", "yung", "el", "o", "a", "him", "her", "them"];

    /// <summary>
    /// A PIN told as typed in the sentence after its noun's ("scan karke PIN daal do. Maine daal bhi diya 2580, phir …"): a verb of
    /// typing in the next sentence's first 32 characters, at most one filler word, then what <see cref="PinValue"/> takes.
    /// </summary>
    private static bool TypedInNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 80)];
        var head = next[..Math.Min(next.Length, 32)];
        foreach (var verb in TypedVerbs)
        {
            var hit = head.IndexOf(verb, StringComparison.OrdinalIgnoreCase);
            if (hit < 0 || (hit > 0 && char.IsLetter(head[hit - 1])) || (hit + verb.Length < next.Length && char.IsLetter(next[hit + verb.Length])))
            {
                continue;
            }

            var value = next[(hit + verb.Length)..].TrimStart(" \t");
            var filler = value.IndexOfAny(' ', '\t');
            if (filler > 0 && OneOf(value[..filler], TypedFillers))
            {
                value = value[filler..].TrimStart(" \t");
            }

            if (PinValue(value) || HandedValue(value))
            {
                return true;
            }
        }

        return CodeBeforeParticiple(next);
    }
}
