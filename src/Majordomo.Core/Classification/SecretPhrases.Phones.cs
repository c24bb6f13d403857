namespace Majordomo.Classification;

/// <summary>
/// What phone and desktop assistants are handed (after the probe <c>sensitive-lookalikes-40</c>, docs/CLASSIFIER.md "Probe 40 read by
/// category"): a settings screen's password line with its status and no value ("Password: Last changed 4 Sept 2025", "Require
/// Passcode: Immediately"); an app password's label in a security log ("App-Passwort erstellt: 'Mail'"); a document's expiry year
/// beside its noun ("Rijbewijs: verloopt 2029"); trivial codes compared as examples ("1111 oder 1234?"); and, the other way, a
/// PIN the user asks about and says is the one in use ("is 123789 a bad PIN for my phone? it's what i've got on it now").
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>
    /// A setting's state or a date's word where a settings screen or a help text puts it after a password's label: when it was changed,
    /// when the lock applies, on or off, the recovery options listed after "forget your password:". Compared whole, case-insensitively.
    /// </summary>
    internal static readonly string[] SettingStates =
    [
        "last", "zuletzt", "letzte", "dernière", "derniere", "dernier", "último", "ultimo", "última", "ultima", "laatst", "laatste", "ostatnio",
        "cambio", "modifica", "modification", "änderung", "wijziging",
        "immediately", "sofort", "immédiatement", "inmediatamente", "imediatamente", "subito", "direct", "onmiddellijk",
        "off", "aus", "an", "aan", "uit", "activé", "activée", "désactivé", "désactivée", "activado", "activada", "desactivado", "desactivada",
        "ativado", "ativada", "desativado", "desativada", "attivo", "attiva", "disattivato", "disattivata", "aktiv", "inaktiv", "aktiviert", "deaktiviert",
        "ingeschakeld", "uitgeschakeld", "autofill", "auto-fill", "autoausfüllen", "autocompletar", "remplissage", "recovery", "wiederherstellung", "récupération", "recuperación", "recuperação", "recupero", "herstel",
    ];

    // Words of a log's event that name what happened to an app password, not what it is.
    private static readonly string[] LogEventWords =
    [
        "created", "added", "revoked", "removed", "deleted", "used", "erstellt", "angelegt", "hinzugefügt", "widerrufen", "entfernt", "gelöscht", "verwendet",
        "créé", "ajouté", "révoqué", "supprimé", "utilisé", "creado", "creada", "añadido", "revocado", "eliminado", "usado", "creata", "creato", "revocata",
        "eliminata", "aangemaakt", "ingetrokken", "verwijderd", "gebruikt", "criada", "criado", "revogada", "removida",
    ];

    /// <summary>
    /// An app password's noun ending at <paramref name="end"/> ("App-Passwort", "app password", "mot de passe d'application"), a log's
    /// event word after it, then a quoted name without digits ("App password created: 'Outlook on iPad'"): the label the user gave
    /// the app password, not the password (the provider's generated value is four groups of letters, <see cref="AppPassword"/>).
    /// </summary>
    private static bool AppPasswordLabel(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 14)..at];
        var after = text[end..Math.Min(text.Length, end + 24)];
        var app = before.EndsWith("app-", StringComparison.OrdinalIgnoreCase) || before.EndsWith("app ", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("app-specific ", StringComparison.OrdinalIgnoreCase) || after.StartsWith(" d'application", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith(" de aplicación", StringComparison.OrdinalIgnoreCase) || after.StartsWith(" per app", StringComparison.OrdinalIgnoreCase);
        if (!app)
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 60)];
        var colon = window.IndexOf(':');
        if (colon < 0 || !WordIn(window[..colon], LogEventWords))
        {
            return false;
        }

        var value = window[(colon + 1)..].TrimStart(' ');
        if (value.IsEmpty)
        {
            return false;
        }

        // The whole entry quoted ("'App password created: Scanner-Reception' on 2 Dec"): the label runs to the closing quote.
        if (value[0] is not ('\'' or '"' or '‘' or '“' or '«'))
        {
            return before.IndexOfAny("'\"‘“«") >= 0 && UnquotedLabel(value);
        }

        var close = value[1..].IndexOfAny("'\"’”»");
        return close > 0 && !value[1..(close + 1)].ContainsAnyInRange('0', '9');
    }

    // A label up to its entry's closing quote or the line's end: words joined by dashes, not a generated app password's four groups of four
    // lower-case letters ("qwer tyui asdf ghjk").
    private static bool UnquotedLabel(ReadOnlySpan<char> value)
    {
        var stop = value.IndexOfAny("'\"’”»\n");
        var label = (stop < 0 ? value : value[..stop]).Trim();
        return label.Length is >= 2 and <= 30 && char.IsUpper(label[0]) && !label.Contains(' ');
    }

    /// <summary>
    /// A lone year after a document's noun (a licence, an id card, a passport): "Rijbewijs: 2029", "Personalausweis: 2029 neu
    /// beantragen", "verloopt 2031" — four digits 19xx or 20xx and nothing glued to them. No such document's number has four digits.
    /// </summary>
    private static bool YearAfterDocument(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (!IdNouns.Contains(phrase) && !DocumentNouns.Contains(phrase))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 40)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0 || SentenceEnd(window[..digit]) < digit)
        {
            return false;
        }

        // Only a state's words may stand between the noun and the year ("verloopt", "gültig bis", "expires").
        var between = window[..digit].Trim(" :-–—·");
        if (!between.IsEmpty && !WordIn(between, ExpiryWords))
        {
            return false;
        }

        // 19xx or 20xx and no group of digits after it ("1000 2284 71653" is an account in groups).
        var year = window[digit..];
        return year.Length >= 4 && (year[0] == '1' && year[1] == '9' || year[0] == '2' && year[1] == '0') && char.IsAsciiDigit(year[2]) && char.IsAsciiDigit(year[3])
            && (year.Length == 4 || !(char.IsLetterOrDigit(year[4]) || year[4] is '-' or '/' or '.' or ' ' && year.Length > 5 && char.IsAsciiDigit(year[5])));
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> DocumentNouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
    [
        "driving licence", "driving license", "führerschein", "permis de conduire", "carnet de conducir", "licencia de conducir", "carteira de motorista",
        "patente di guida", "rijbewijs", "prawo jazdy", "körkort", "ehliyet", "carte d'identité", "cédula", "documento de identidad", "carta d'identità",
        "identiteitskaart", "dowód osobisty", "id-kort", "ausweis", "reisepass",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ExpiryWords =
    [
        "expires", "expiry", "exp", "valid", "until", "verloopt", "vervalt", "geldig", "tot", "gültig", "bis", "läuft", "ab", "expire", "expira", "vence",
        "caduca", "hasta", "scade", "valida", "fino", "wygasa", "ważny", "ważne", "do", "geçerli", "bitiş",
    ];

    /// <summary>
    /// Two or more trivial codes (one digit repeated, or counting up from 0 or 1: 1111, 1234, 0000) in the sentence after a code's
    /// noun, apart by "or", commas or slashes, and no other number: examples compared ("schlechter als PIN, 1111 oder 1234?", "les plus
    /// devinés ? 1234, 0000, 1111"), not a code told (docs/LABELLING.md: weak or obvious examples).
    /// </summary>
    private static bool TrivialCodesCompared(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var trivial = 0;
        var i = 0;
        while (i < window.Length)
        {
            if (!char.IsAsciiDigit(window[i]))
            {
                if (window[i] is '.' or '!' or '\n' && (i + 1 >= window.Length || !char.IsAsciiDigit(window[i + 1])))
                {
                    break;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < window.Length && char.IsAsciiDigit(window[i]))
            {
                i++;
            }

            var run = window[start..i];
            if (run.Length is < 4 or > 8)
            {
                // A count of digits ("à 4 chiffres") is allowed; another value is not.
                if (run.Length > 8 || !CountAfter(window[i..].TrimStart(' ')))
                {
                    return false;
                }

                continue;
            }

            if (!TrivialCode(run))
            {
                return false;
            }

            trivial++;
        }

        return trivial >= 2;
    }

    /// <summary>
    /// A cell the user emptied and marked in brackets, in any language ("[entfernt]", "[removed]", "[supprimé]", "&lt;gelöscht&gt;"): letters
    /// and spaces inside one pair of brackets. The export's password column holds no password.
    /// </summary>
    internal static bool RemovedTag(ReadOnlySpan<char> value)
    {
        if (value.Length < 3 || !(value[0] == '[' && value[^1] == ']' || value[0] == '<' && value[^1] == '>' || value[0] == '(' && value[^1] == ')'))
        {
            return false;
        }

        foreach (var c in value[1..^1])
        {
            if (!char.IsLetter(c) && c is not ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A JSON key's quoted dummy value after the noun ("password":"password123", "password":"mypassword"), or the noun glued inside such
    /// a value ("password123"): a fixture's or a vendor's example record, however the records are packed ("…"},{"…").
    /// </summary>
    private static bool QuotedDummy(ReadOnlySpan<char> text, int at, int end)
    {
        if (at > 0 && text[at - 1] is '"' && text[end..Math.Min(text.Length, end + 8)].IndexOf('"') is > 0 and var glued)
        {
            return DummyValue(text[at..(end + glued)]);
        }

        var rest = text[end..Math.Min(text.Length, end + 60)];
        if (rest.IsEmpty || rest[0] != '"')
        {
            return false;
        }

        rest = rest[1..].TrimStart(' ');
        if (rest.IsEmpty || rest[0] is not (':' or '='))
        {
            return false;
        }

        rest = rest[1..].TrimStart(' ');
        if (rest.IsEmpty || rest[0] != '"')
        {
            return false;
        }

        var close = rest[1..].IndexOf('"');
        return close > 0 && DummyValue(rest[1..(close + 1)]);
    }

    // Words that may stand between a number and a PIN's noun after it when the user asks whether the number will do ("is 135790 an
    // ok PIN", "Ist 2580 eine schlechte PIN", "1379 c'est un code trop facile").
    private static readonly string[] JudgedPinWords =
    [
        "a", "an", "the", "ok", "okay", "good", "bad", "weak", "safe", "secure", "strong", "decent", "terrible", "dumb", "stupid",
        "eine", "ein", "gute", "guter", "schlechte", "schlechter", "sichere", "sicherer", "schwache", "c'est", "est", "un", "une", "bon", "mauvais",
        "es", "una", "buen", "mal", "malo", "è", "uno", "buon", "cattivo", "is", "een", "goede", "slechte", "zwakke", "ist",
    ];

    // What says the number is the one in use now ("it's what i've got on it now", "die hab ich gerade", "en ce moment").
    private static readonly string[] InUseCues =
    [
        "right now", "currently", "at the moment", "i use", "i'm using", "im using", "i've got", "ive got", "i have on", "the one on", "the one i",
        "on it now", "gerade", "aktuell", "zurzeit", "derzeit", "benutze", "hab ich", "habe ich", "en ce moment", "actuellement", "j'utilise",
        "celui de mon", "celui que j", "ahora mismo", "actualmente", "el que tengo", "el que uso", "la que tengo", "in questo momento", "attualmente",
        "quello che uso", "quello del mio", "op dit moment", "momenteel", "die ik gebruik", "obecnie", "używam", "сейчас", "şu an",
    ];

    /// <summary>
    /// A PIN's or a code's noun at <paramref name="at"/> after a number of four to eight digits that only judging words separate from
    /// it ("is 135790 an ok PIN?", "1379 c'est un code trop facile ?"), and the user says it is the one in use, in the sentence or the
    /// next ("it's what i've got on it now"): a weak code someone really uses (docs/LABELLING.md). The same question about a number
    /// nobody says is theirs asks about examples.
    /// </summary>
    private static bool JudgedPinInUse(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase is not ("pin" or "code" or "passcode" or "pin code" or "pincode" or "código" or "codice" or "pin-code"))
        {
            return false;
        }

        var i = at;
        for (var words = 0; words <= 4; words++)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t')
            {
                i--;
            }

            var stop = i;
            while (i > 0 && (char.IsAsciiDigit(text[i - 1]) || char.IsLetter(text[i - 1]) || text[i - 1] is '\'' or '’'))
            {
                i--;
            }

            var word = text[i..stop];
            if (word.IsEmpty)
            {
                return false;
            }

            if (word.IndexOfAnyExceptInRange('0', '9') < 0)
            {
                var from = i;
                return word.Length is >= 4 and <= 8 && (from == 0 || !(text[from - 1] is '#' or '.' or ',' or '-' or '/' or '+')) && words > 0
                    && ContainsAny(text[at..Math.Min(text.Length, at + 160)], InUseCues);
            }

            if (!OneOf(word, JudgedPinWords))
            {
                return false;
            }
        }

        return false;
    }
}
