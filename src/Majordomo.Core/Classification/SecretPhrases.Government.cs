namespace Majordomo.Classification;

/// <summary>
/// Government, taxes, immigration and benefits (after the probe <c>sensitive-lookalikes-51</c>, docs/CLASSIFIER.md "Probe 51 read by
/// category"): a residence document's number and the number a migration office keeps for one person across his applications (karta
/// pobytu, Aufenthaltstitel, titre de séjour, TIE, BRP, AZR-Nummer, V-nummer, Italy's CUI), a benefits office's number for a household
/// or a person (a Jobcenter's BG-Nummer, a Familienkasse's Kindergeldnummer, the INSS's número do benefício), and a tax office's access
/// codes and e-filing credentials (machtigingscode, Aktivierungs-ID, EFIN, the Renta's número de referencia). One application's or one
/// case's reference (an ärendenummer, a USCIS receipt number, a numer sprawy) is the office's, not the person's: it has no noun here.
/// </summary>
internal static partial class SecretPhrases
{
    // Language → a residence document's or a migration office's number for one person, a benefits office's number for a household or
    // a person (docs/LABELLING.md, probe 51). Read as id nouns: a value of five characters or more. A property, not a field: Phrases and
    // IdNouns read it while the partial files' fields initialise.
    private static (string Language, string[] Nouns)[] GovernmentIdTable =>
    [
        ("en", ["residence card", "residence permit", "residence permit number", "brp number", "brp no", "green card number", "uci ", "uci:", "esta number", "esta application number"]),
        ("de", ["aufenthaltstitel", "aufenthaltserlaubnis", "azr-nummer", "azr-nr", "azr nummer", "aktenzeichen des bamf", "az. des bamf", "bamf-aktenzeichen", "aktenzeichen beim bundesamt",
            "bg-nummer", "bg-nr", "nummer der bedarfsgemeinschaft", "jobcenter-kundennummer", "kundennummer beim jobcenter", "kindergeldnummer", "kindergeld-nummer"]),
        ("fr", ["identifiant fiscal", "numéro spi", "n° fiscal", "numéro fiscal de référence", "titre de séjour", "carte de séjour", "identifiant france travail", "identifiant pôle emploi", "numéro d'identifiant france travail"]),
        ("es", ["mi tie ", "número de tie ", "número del tie ", "nº de tie ", "nº del tie ", "tie nº", "tie n.º", "número de soporte", "tarjeta de residencia", "número de afiliación"]),
        ("it", ["permesso di soggiorno", "carta di soggiorno", "cui ", "codice cui"]),
        ("pt", ["nb ", "número do benefício", "número de benefício", "nº do benefício", "título de residência", "autorização de residência"]),
        ("nl", ["v-nummer", "v-nr", "verblijfsvergunning", "verblijfsdocument", "verblijfspas"]),
        ("sv", ["dossiernummer", "uppehållstillståndskort", "ut-kort", "ut-kortets nummer"]),
        ("pl", ["karta pobytu", "karty pobytu", "kartę pobytu"]),
        ("ru", ["вид на жительство", "вида на жительство", "внж", "рвп"]),
        ("uk", ["посвідка на проживання", "посвідки на проживання"]),
        ("tr", ["ikamet izni", "ikamet kartı", "yabancı kimlik"]),
    ];

    // A tax office's access codes and e-filing credentials: one-time codes or PINs (docs/LABELLING.md, probe 51), whatever their length.
    private static string[] TaxCodeNouns =>
    [
        "machtigingscode", "agent authorisation code", "agent authorization code", "hmrc authorisation code", "hmrc authorization code", "aktivierungs-id",
        "aktivierungsid", "efin ", "efin:", "ip pin", "identity protection pin", "número de referencia", "numero de referencia", "pin fisconline", "pin dispositivo",
    ];

    // The acronyms among them count only in capitals ("CUI ", not Italian "in cui "; "UCI", "EFIN", the INSS's "NB"; SecretPhrases.Dossiers).
    // Each is closed by a space or a colon, so the prefilter's short windows ("efin" in "undefined", "nb" in "inbox") pass no
    // more code and prose than before; Spain's TIE is named by its phrases ("mi TIE ", "número de TIE "), closed by a space too ("tarjeta tiene", "número de tienda").
    private static string[] GovernmentCapitalNouns => ["cui ", "uci ", "uci:", "efin ", "efin:", "nb "];

    private static string[] GovernmentIdNouns => [.. GovernmentIdTable.SelectMany(row => row.Nouns)];

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open).
    private static (string Phrase, Want Want)[] GovernmentPhrases() => [.. GovernmentIdNouns.Concat(TaxCodeNouns).Select(noun => (noun, Want.Digits))];

    // An activation's or a tax office's code: announced as arrived and given after a colon in the same sentence ("De brief met mijn
    // activeringscode is er: QT7WK", "Der Freischaltcode ist da: 9KQ2-TX4M-8PL3", "Die Aktivierungs-ID kam per Post: x7kq-29pl-m4wt").
    private static readonly string[] ArrivedCodeNouns =
    [
        "activeringscode", "activatiecode", "activation code", "aktivierungscode", "freischaltcode", "code d'activation", "código de activación",
        "código de ativação", "codice di attivazione", "kod aktywacyjny", "machtigingscode", "aktivierungs-id", "aktivierungsid",
    ];

    /// <summary>
    /// After the code's noun ending at <paramref name="end"/>, its sentence goes on to a colon within 40 characters and a code follows it:
    /// five to nineteen letters, digits and dashes with a digit, not a date (docs/LABELLING.md, a code announced as arrived is given).
    /// </summary>
    private static bool CodeAfterColon(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!OneOf(phrase, ArrivedCodeNouns))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 40)];
        var colon = window.IndexOf(':');
        if (colon < 0 || window[..colon].IndexOfAny(".!?\n") >= 0)
        {
            return false;
        }

        var after = text[(end + colon + 1)..Math.Min(text.Length, end + colon + 28)].TrimStart(' ');
        var length = after.IndexOfAnyExcept(CodeChars);
        var code = (length < 0 ? after : after[..length]).TrimEnd('-');
        return code.Length is >= 5 and <= 19 && code.IndexOfAnyInRange('0', '9') >= 0 && !Date(code);
    }

    private static readonly System.Buffers.SearchValues<char> CodeChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>
    /// A fixture's or a seed's zero-filled id (<c>X0000000</c>, <c>A000000001</c>, <c>X0000000T</c>): six zeros or more and no other digit
    /// but a counter's last one; or one digit repeated nine times or more and no other, an id's length (<c>9999999999</c>,
    /// <c>111.111.111-11</c>; a PIN such as 111111 stays a weak code in use) — no one's number (docs/LABELLING.md, zero-filled dummies).
    /// </summary>
    internal static bool ZeroFilled(ReadOnlySpan<char> value)
    {
        if (value.Count('0') < 6)
        {
            return OneDigitRepeated(value);
        }

        var other = value.IndexOfAnyInRange('1', '9');
        return other < 0 || other == value.LastIndexOfAnyInRange('0', '9');
    }

    private static bool OneDigitRepeated(ReadOnlySpan<char> value)
    {
        var first = value.IndexOfAnyInRange('0', '9');
        if (first < 0 || value.Count(value[first]) < 9)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) && c != value[first])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A number handed over in digit groups ("Saya kasih: 5520 1193 08"): three groups or more of two to four digits, single spaces
    /// between, eight to twelve digits in all, then the sentence's end or a conjunction; not a date's groups.
    /// </summary>
    private static bool GroupedDigits(ReadOnlySpan<char> value)
    {
        var digits = 0;
        var groups = 0;
        var i = 0;
        while (i < value.Length)
        {
            var run = value[i..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? value.Length - i : run;
            if (run is < 2 or > 4)
            {
                return false;
            }

            digits += run;
            groups++;
            i += run;
            if (i + 1 < value.Length && value[i] == ' ' && char.IsAsciiDigit(value[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        var tail = value[i..].TrimStart(" \t");
        return groups >= 3 && digits is >= 8 and <= 12 && (tail.IsEmpty || !char.IsLetterOrDigit(tail[0]) || StartsWithConjunction(tail));
    }

    // A form's word right before a number: "federal 1040", "Form 1040", "modelo 100", "Formular 2" (a tax form, not a PIN's value).
    private static readonly string[] TaxFormWords = ["form", "federal", "schedule", "formulario", "formulário", "formulaire", "formular", "modelo", "modello", "formularz"];

    /// <summary>
    /// The first number in the sentence after a PIN's or a code's noun ending at <paramref name="end"/> is a tax form's, named by the word
    /// right before it ("Do I need the IP PIN on my state return, or only the federal 1040?").
    /// </summary>
    private static bool TaxFormAfterNoun(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || window[..digit].IndexOfAny(".!?\n") >= 0)
        {
            return false;
        }

        // The form's number is the sentence's only one: "PIN for form 1: 4821" still gives a PIN.
        var sentence = window[digit..];
        var stop = sentence.IndexOfAny(".!?\n");
        var run = sentence.IndexOfAnyExceptInRange('0', '9');
        if (run >= 0 && (stop < 0 ? sentence[run..] : sentence[run..Math.Max(run, stop)]).IndexOfAnyInRange('0', '9') >= 0)
        {
            return false;
        }

        // The PIN given in the next sentence ("IP PIN for the federal 1040.\nIt is 583920"; sensitive-categories-131) is the noun's value.
        var next = stop < 0 ? [] : text[(end + digit + stop + 1)..Math.Min(text.Length, end + digit + stop + 41)];
        return EndsWithWord(window[..digit].TrimEnd(' '), TaxFormWords) && !DigitRun(next, 4, 12);
    }

    /// <summary>
    /// "NB" names the INSS's benefit number only before its shape — the kind's two digits and a slash, then ddd.ddd.ddd-d ("NB
    /// 41/187.552.309-8", "NB 187.442.903-6") — not a notebook's asset tag ("NB-0231") or a nota bene.
    /// </summary>
    private static bool BenefitNumberAfter(ReadOnlySpan<char> text, int end)
    {
        var value = text[end..Math.Min(text.Length, end + 24)].TrimStart(" :");
        if (value.Length > 3 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && value[2] == '/')
        {
            value = value[3..];
        }

        const string Shape = "ddd.ddd.ddd-d";
        if (value.Length < Shape.Length)
        {
            return false;
        }

        for (var i = 0; i < Shape.Length; i++)
        {
            if (Shape[i] == 'd' ? !char.IsAsciiDigit(value[i]) : value[i] != Shape[i])
            {
                return false;
            }
        }

        return true;
    }
}
