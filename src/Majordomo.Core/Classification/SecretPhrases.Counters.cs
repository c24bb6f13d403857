namespace Majordomo.Classification;

/// <summary>
/// What probes 42 and 44 left at a shop's counter and at home (docs/CLASSIFIER.md, "Probes 44 and 42, what was left"): a payment
/// gateway's signing key assigned in code under a Spanish or Portuguese name ("$claveSHA256 = '…'", "$chaveSecreta = '…'"); a
/// child's password that is the noun's own word in quotes ("ha puesto de contraseña del Roblox «contraseña»"); a Turkish list's
/// "TC no" column. Not values: India's UTR, a transfer's reference in a UPI or NEFT message (the UK's UTR is a taxpayer's).
/// </summary>
internal static partial class SecretPhrases
{
    private static (string Phrase, Want Want)[] CounterPhrases() =>
    [
        // A Turkish list's column of identity numbers ("ad, TC no, telefon"): the header is read down its rows (HeaderColumn).
        ("tc no", Want.Digits), ("t.c. no", Want.Digits),
    ];

    /// <summary>
    /// A key's Spanish or Portuguese noun at <paramref name="at"/> starting a variable's name, assigned a quoted value of sixteen or
    /// more letters and digits ("$claveSHA256 = 'Mk9m…';", "$chaveSecreta = '…'", "clave_comercio: \"…\""): a signing key in code.
    /// A value read from the environment or a placeholder in capitals is none.
    /// </summary>
    private static bool KeyAssignedInCode(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && !(text[at - 1] is '$' or '_' or '"' or '\'' or ' ' or '.' or '\t' or '\n' || (char.IsLower(text[at - 1]) && char.IsUpper(text[at]))))
        {
            return false;
        }

        var i = at;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        while (i < text.Length && text[i] is '"' or '\'' or ']' or ' ')
        {
            i++;
        }

        if (i + 1 >= text.Length || text[i] is not ('=' or ':') || text[i + 1] == '=')
        {
            return false;
        }

        i += text[i + 1] == '>' ? 2 : 1;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || text[i] is not ('\'' or '"'))
        {
            return false;
        }

        var quote = text[i++];
        var end = i;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '+' or '/' or '=' or '_' or '-'))
        {
            end++;
        }

        var value = text[i..end];
        return end < text.Length && text[end] == quote && value.Length >= 16 && value.IndexOfAnyInRange('0', '9') >= 0
            && value.IndexOfAnyInRange('a', 'z') >= 0 && !DummyValue(value);
    }

    // The password's noun in the corpus languages, as a child types it for the password itself (spaces left out: "motdepasse").
    private static readonly string[] OwnWords =
    [
        "password", "passwort", "kennwort", "motdepasse", "contraseña", "contrasena", "senha", "parola", "wachtwoord", "hasło", "haslo", "şifre", "sifre", "lösenord",
        "пароль", "passe",
    ];

    // Verbs of choosing a password someone uses ("a mis", "ha puesto", "hat … genommen", "ha messo", "botou", "tiene de"), whole words.
    private static readonly string[] ChoseVerbs =
    [
        "a mis", "ont mis", "a choisi", "utilise", "ha puesto", "puso", "pone", "tiene de", "tiene como", "usa", "genommen", "gewählt", "benutzt",
        "nimmt", "ha messo", "mette", "botou", "colocou", "pôs", "põe", "chose", "picked", "gekozen",
    ];

    /// <summary>
    /// The password's noun at <paramref name="at"/> with its own word in quotes in the same sentence, chosen by someone ("ha puesto de
    /// contraseña del Roblox «contraseña»", "a mis « motdepasse » comme mot de passe", "als Passwort wirklich „passwort“ genommen"): a
    /// weak password someone uses. The word asked about or translated ("¿usar «contraseña» como contraseña?", "comment on dit « mot de
    /// passe »") or a form's label has no verb of choosing.
    /// </summary>
    private static bool OwnWordAsPassword(ReadOnlySpan<char> text, int at)
    {
        // A name in code or a config ("DB_PASSWORD:  <set to the key 'password' …>") is no one's sentence.
        if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '.' or '$' or '"' or '\''))
        {
            return false;
        }

        var from = Math.Max(0, at - 80);
        var window = text[from..Math.Min(text.Length, at + 80)];
        var open = window.IndexOfAny("«„“\"'");
        while (open >= 0)
        {
            var closeAt = window[(open + 1)..].IndexOfAny("»“”\"'");
            if (closeAt < 0 || closeAt > 24)
            {
                break;
            }

            var inside = window.Slice(open + 1, closeAt).Trim(' ');
            var sentenceStart = window[..open].LastIndexOfAny(".!?\n¿¡") + 1;
            var sentenceEnd = window[(open + 1)..].IndexOfAny(".!?\n");
            var sentence = window[sentenceStart..(sentenceEnd < 0 ? window.Length : open + 1 + sentenceEnd)];
            if (from + open + 1 != at && OwnWord(inside) && sentence.IndexOfAny("<>{}=`[]") < 0 && (sentenceStart == 0 || window[sentenceStart - 1] is not ('¿' or '¡')) && ChoseIn(sentence))
            {
                return true;
            }

            var next = window[(open + closeAt + 2)..].IndexOfAny("«„“\"'");
            open = next < 0 ? -1 : open + closeAt + 2 + next;
        }

        return false;
    }

    private static bool OwnWord(ReadOnlySpan<char> inside)
    {
        Span<char> squeezed = stackalloc char[24];
        var n = 0;
        foreach (var c in inside)
        {
            if (c != ' ' && n < squeezed.Length)
            {
                squeezed[n++] = c;
            }
        }

        foreach (var word in OwnWords)
        {
            if (squeezed[..n].Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChoseIn(ReadOnlySpan<char> sentence)
    {
        foreach (var verb in ChoseVerbs)
        {
            if (WholeWordIn(sentence, verb))
            {
                return true;
            }
        }

        return false;
    }

    // What a transfer's message says beside India's UTR: a UPI or NEFT payment, an account debited or credited, rupees.
    // Probe 55: a payment app's or its sound box's name.
    private static readonly string[] TransferCues = ["upi", "vpa", "imps", "neft", "rtgs", "debited", "credited", "a/c", "inr", "rs", "₹", "paytm", "phonepe", "gpay", "bhim", "soundbox"];

    /// <summary>
    /// "UTR" near <paramref name="at"/> (within 160 characters) names India's unique transaction reference: a transfer's cue is near
    /// and no UTR there is followed by ten digits (the UK's Unique Taxpayer Reference, a person's tax number, has ten).
    /// </summary>
    internal static bool UtrTransfer(ReadOnlySpan<char> text, int at)
    {
        var window = text[Math.Max(0, at - 160)..Math.Min(text.Length, at + 160)];
        var named = false;
        foreach (var hit in Occurrences(window, "utr"))
        {
            if (!WholeWordAt(window, hit, 3))
            {
                continue;
            }

            named = true;
            var value = window[(hit + 3)..].TrimStart(" :#.-");
            var digits = value.IndexOfAnyExceptInRange('0', '9');
            if ((digits < 0 ? value.Length : digits) == 10)
            {
                return false;
            }
        }

        if (!named)
        {
            return false;
        }

        foreach (var cue in TransferCues)
        {
            if (WholeWordIn(window, cue))
            {
                return true;
            }
        }

        return false;
    }
}
