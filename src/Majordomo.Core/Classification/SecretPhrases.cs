using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Secrets stated in prose, in a dozen languages: "my PIN is 4821", "the password for the router is
/// tulip-Sunset", "código de verificación: 552 019", "девичья фамилия матери — Иванова". A secret noun
/// (password, PIN, one-time/recovery/verification code, CVV, seed phrase, security answer…) followed in
/// the same sentence by a value. Recall first: what counts as "not a value" is a short, explicit list
/// (descriptions like "too short", units like "6 digits", years after "in"), everything else is kept.
/// </summary>
internal static class SecretPhrases
{
    private enum Want
    {
        /// <summary>A value after a connector (is, :, =, ist, est, это, 是…): any word, digits or not.</summary>
        Word,

        /// <summary>Four or more digits, or a code of letters and digits.</summary>
        Digits,

        /// <summary>A security answer: any word after a connector ("maiden name is Kowalski", "first pet was Rex").</summary>
        Answer,
    }

    // Lower case; matched case-insensitively at a word start (CJK needs no boundary).
    private static readonly (string Phrase, Want Want)[] Phrases =
    [
        ("password", Want.Word), ("passcode", Want.Word), ("passphrase", Want.Word), ("pass phrase", Want.Word), ("pw", Want.Word),
        ("passwort", Want.Word), ("kennwort", Want.Word), ("mot de passe", Want.Word), ("mdp", Want.Word), ("contraseña", Want.Word),
        ("contrasena", Want.Word), ("senha", Want.Word), ("parola d'ordine", Want.Word), ("wachtwoord", Want.Word), ("hasło", Want.Word),
        ("haslo", Want.Word), ("пароль", Want.Word), ("密码", Want.Word), ("口令", Want.Word), ("パスワード", Want.Word), ("비밀번호", Want.Word),
        ("şifre", Want.Word), ("seed phrase", Want.Answer), ("recovery phrase", Want.Answer), ("mnemonic", Want.Answer),
        ("maiden name", Want.Answer), ("security question", Want.Answer), ("security answer", Want.Answer), ("first pet", Want.Answer),
        ("geburtsname", Want.Answer), ("mädchenname", Want.Answer), ("nom de jeune fille", Want.Answer), ("apellido de soltera", Want.Answer),
        ("nome de solteira", Want.Answer), ("девичья фамилия", Want.Answer), ("secret answer", Want.Answer), ("clave de acceso", Want.Word),
        ("pin", Want.Digits), ("pin code", Want.Digits), ("pincode", Want.Digits), ("пин", Want.Digits), ("cvv", Want.Digits), ("cvc", Want.Digits),
        ("security code", Want.Digits), ("verification code", Want.Digits), ("one-time code", Want.Digits), ("one time code", Want.Digits),
        ("otp", Want.Digits), ("2fa", Want.Digits), ("auth code", Want.Digits), ("authentication code", Want.Digits), ("login code", Want.Digits),
        ("confirmation code", Want.Digits), ("recovery code", Want.Digits), ("backup code", Want.Digits), ("reset code", Want.Digits),
        ("unlock code", Want.Digits), ("access code", Want.Digits), ("door code", Want.Digits), ("alarm code", Want.Digits),
        ("gate code", Want.Digits), ("combination", Want.Digits), ("sms code", Want.Digits), ("mfa code", Want.Digits),
        ("bestätigungscode", Want.Digits), ("sicherheitscode", Want.Digits), ("einmalcode", Want.Digits), ("wiederherstellungscode", Want.Digits),
        ("zugangscode", Want.Digits), ("code de vérification", Want.Digits), ("code de confirmation", Want.Digits), ("code de sécurité", Want.Digits),
        ("code d'accès", Want.Digits), ("code secret", Want.Digits), ("código de verificación", Want.Digits), ("código de seguridad", Want.Digits),
        ("código de acceso", Want.Digits), ("código de verificação", Want.Digits), ("código de segurança", Want.Digits), ("código de acesso", Want.Digits),
        ("codice di verifica", Want.Digits), ("codice di sicurezza", Want.Digits), ("codice", Want.Digits), ("verificatiecode", Want.Digits),
        ("beveiligingscode", Want.Digits), ("toegangscode", Want.Digits), ("kod weryfikacyjny", Want.Digits), ("kod dostępu", Want.Digits),
        ("kod sms", Want.Digits), ("код подтверждения", Want.Digits), ("код доступа", Want.Digits), ("код из смс", Want.Digits),
        ("одноразовый код", Want.Digits), ("验证码", Want.Digits), ("动态码", Want.Digits), ("認証コード", Want.Digits), ("確認コード", Want.Digits),
        ("ワンタイム", Want.Digits), ("暗証番号", Want.Digits), ("인증번호", Want.Digits), ("tan", Want.Digits), ("code", Want.Digits),
        ("pin number", Want.Digits), ("clave", Want.Word), ("lösenord", Want.Word), ("lösen", Want.Word), ("parola", Want.Word), ("비번", Want.Word),
        ("portkod", Want.Digits), ("código", Want.Digits), ("codigo", Want.Digits), ("код", Want.Digits), ("コード", Want.Digits), ("kod", Want.Digits),
        ("cpf", Want.Digits), ("pesel", Want.Digits), ("kimlik", Want.Digits), ("carte vitale", Want.Digits), ("sécurité sociale", Want.Digits),
        ("seguridad social", Want.Digits), ("segurança social", Want.Digits), ("utente", Want.Digits), ("medicare", Want.Digits), ("身份证", Want.Digits),
        ("マイナンバー", Want.Digits), ("주민등록번호", Want.Digits), ("bsn", Want.Digits), ("personnummer", Want.Digits), ("codice fiscale", Want.Digits),
        ("nhs number", Want.Digits), ("nif", Want.Digits), ("nie", Want.Digits), ("numéro fiscal", Want.Digits), ("合言葉", Want.Answer), ("safe combination", Want.Digits), ("lock combination", Want.Digits),
    ];

    private static readonly SearchValues<string> Triggers = SearchValues.Create([.. Phrases.Select(p => p.Phrase).Distinct()], StringComparison.OrdinalIgnoreCase);

    /// <summary>The secret nouns <see cref="Contains"/> looks for (SensitivePrefilter finds their places from these).</summary>
    internal static IEnumerable<string> TriggerPhrases => Phrases.Select(p => p.Phrase);

    // Words joining the noun to its value: "is", ":", "=", "ist", "est", "это", "是", "は", "to" (changed/set to).
    private static readonly string[] Connectors =
    [
        "is", "was", "are", "were", "'s", "’s", "to", "equals", "ist", "war", "lautet", "lautete", "est", "était", "es", "era", "é", "è",
        "это", "—", "–", "->", "→", "是", "为", "為", "は", "는", "은", "är", "var", "c'est", "es:", "é:", "jest", "był", "brzmi", "zijn", "luidt", "is:", "now", "remains",
    ];

    // What follows a connector when the sentence describes the secret instead of stating it.
    internal static readonly string[] Descriptions =
    [
        "required", "incorrect", "wrong", "invalid", "too", "not", "a", "an", "the", "correct", "expired", "missing", "empty", "set", "hashed",
        "stored", "being", "still", "weak", "strong", "secure", "long", "short", "case", "reset", "changed", "same", "different", "for", "in",
        "on", "of", "at", "to", "and", "or", "now", "also", "only", "mandatory", "optional", "hidden", "visible", "sent", "saved", "encrypted",
        "your", "my", "his", "her", "their", "our", "this", "that", "it", "what", "something", "valid", "used", "needed", "generated", "protected",
        "reused", "shown", "masked", "verified", "unique", "null", "none", "nil", "undefined", "string", "int", "number", "text", "any",
        "password", "true", "false", "redacted", "here", "there", "field", "input", "value", "secret", "token", "key", "policy", "length",
        "strength", "manager", "hash", "rules", "requirements", "login", "expiring", "expires", "rotated", "managed", "checked", "compared",
        "salted", "sensitive", "case-sensitive", "displayed", "printed", "logged", "blank", "unknown", "forgotten", "lost", "locked", "disabled",
        "enabled", "ok", "fine", "good", "bad", "easy", "hard", "simple", "complex", "important", "useless", "safe", "unsafe", "known", "public",
        "private", "personal", "typed", "entered", "read", "provided", "abgelaufen", "expiré", "expirado", "scaduta", "incorrecta", "curta",
        "forte", "fuerte", "fort", "stark", "gespeichert", "network", "router", "printed", "written", "reused", "accepted", "rejected", "correctly", "so", "very", "really", "just", "always", "never",
        "usually", "probably", "definitely", "no", "yes", "asked", "requested", "prompted", "sent", "texted", "emailed", "some", "one", "two",
        "le", "la", "les", "un", "une", "el", "los", "las", "der", "die", "das", "ein", "eine", "il", "lo", "het", "een", "de", "zu", "trop",
        "demasiado", "nicht", "pas", "não", "non", "ne", "не", "nie", "niet", "falsch", "faux", "incorrecto", "errado", "sbagliata", "fout",
        "неверный", "неправильный", "zu", "muy", "sehr", "très", "molto", "bem", "очень", "gespeichert", "stocké", "guardada", "salva",
        "secure", "sicher", "sûr", "segura", "sicura", "veilig", "надёжный", "typed", "getippt", "string.", "123", "1234", "0000",
        "12345", "123456", "abc", "xxx", "xxxx", "changeme", "example", "placeholder", "dummy", "test", "foo", "bar", "secret123",
    ];

    private static readonly string[] Units =
    [
        "digit", "digits", "character", "characters", "chars", "char", "seconds", "second", "sec", "secs", "minutes", "minute", "min", "mins",
        "hours", "hour", "days", "day", "ms", "attempts", "attempt", "tries", "times", "bits", "bit", "bytes", "byte", "users", "people",
        "years", "year", "weeks", "months", "%", "px", "ziffern", "stellen", "chiffres", "caractères", "dígitos", "caracteres", "cifre",
        "cijfers", "cyfr", "цифр", "символов", "位", "桁", "자리", "lines", "line", "loc", "files", "rows", "tokens", "words", "euros", "dollars", "usd", "eur", "€", "$", "accounts", "requests",
    ];

    // "code" alone is a secret only when no word before it says what else it is (error code 1042, zip code 94110).
    private static readonly string[] NotSecretCodes =
    [
        "error", "status", "exit", "return", "response", "http", "source", "sample", "example", "country", "area", "postal", "zip", "promo",
        "discount", "coupon", "product", "item", "dial", "language", "iso", "airport", "qr", "bar", "color", "colour", "machine", "byte",
        "op", "escape", "ansi", "unicode", "ascii", "char", "character", "key", "event", "reason", "result", "fault", "tracking", "reference",
        "python", "java", "c#", "js", "legacy", "dead", "old", "new", "clean", "test", "library", "framework",
    ];

    private static readonly string[] YearWords = ["in", "since", "from", "until", "before", "after", "im", "seit", "en", "depuis", "desde", "dal", "sinds", "od", "в", "с"];

    /// <summary>True when a secret noun in <paramref name="text"/> is followed, in its sentence, by a value.</summary>
    public static bool Contains(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAny(Triggers);
            if (hit < 0)
            {
                return false;
            }

            var at = offset + hit;
            if (Check(text, at))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    /// <summary>Whether a secret noun starting at <paramref name="at"/> is followed by a value.</summary>
    internal static bool Check(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        foreach (var (phrase, want) in Phrases)
        {
            if (!rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase) || !Boundaries(text, at, phrase))
            {
                continue;
            }

            if (phrase == "code" && !SecretCode(text, at))
            {
                continue;
            }

            // "şifresi", "Passwörter", "PIN-Code:": the value follows the whole word.
            var end = at + phrase.Length;
            while (end < text.Length && char.IsLetter(text[end]) && phrase[0] < 0x2E80)
            {
                end++;
            }

            if (Value(text, end, want))
            {
                return true;
            }
        }

        return false;
    }

    // A bare "code" is a secret's name only after a word like door, alarm, gate, its, the…; not after error, exit, zip.
    private static bool SecretCode(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].TrimEnd(" \t");
        var start = before.Length;
        while (start > 0 && (char.IsLetterOrDigit(before[start - 1]) || before[start - 1] == '#'))
        {
            start--;
        }

        var word = before[start..];
        if (word.IsEmpty)
        {
            // "alarm: code is 5580" names it; "npm ERR! code ERESOLVE" does not.
            return before.IsEmpty || before[^1] == ':';
        }

        foreach (var other in NotSecretCodes)
        {
            if (word.Equals(other, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // Latin and Cyrillic phrases start and end at word boundaries ("pin" is not "spinning" or "pine");
    // CJK phrases need none. A trailing letter is allowed for plurals and compounds like "passwords",
    // "PIN-Code", "Passwort:" — but not for the short, ambiguous ones.
    private static bool Boundaries(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase[0] >= 0x2E80)
        {
            return true;
        }

        // Part of an identifier (db_password, $password, user.password, #mdp, password_hash): code, not prose;
        // an assignment in code is SensitiveScanner's to judge.
        if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '.' or '$' or '#' or '@' or '/'))
        {
            return false;
        }

        var end = at + phrase.Length;
        if (end < text.Length && text[end] is '_')
        {
            return false;
        }

        if (end >= text.Length || !char.IsLetter(text[end]))
        {
            // "pin", "tan", "pw", "otp" and "cvv" stand alone; "TAN" only in capitals (not the colour or tangent).
            return phrase != "tan" || text.Slice(at, 3).SequenceEqual("TAN");
        }

        return phrase.Length > 4 && (text[end] is 's' or 'e' || text[end] == 'n' && phrase.EndsWith("wort", StringComparison.Ordinal));
    }

    // Looks for the value in the rest of the sentence (up to 80 characters, a line break or ". ").
    private static bool Value(ReadOnlySpan<char> text, int from, Want want)
    {
        var full = text[from..Math.Min(text.Length, from + 80)];
        var stop = SentenceEnd(full);
        var window = full[..stop];
        if (want == Want.Digits ? DigitValue(window) : WordValue(window, want) || StrongToken(window))
        {
            return true;
        }

        // A question in a chat or thread ("what's the gate code?") is answered on the next line or turn; a
        // code's name is often answered on the next line without one.
        var question = stop < full.Length && (full[stop] is '?' or '？' || (want == Want.Digits && full[stop] is '\n' or '\r'));
        if (!question)
        {
            return false;
        }

        var next = text[(from + stop + 1)..Math.Min(text.Length, from + stop + 121)];
        return want == Want.Digits ? DigitValue(next) : Answered(next);
    }

    // The next turn after a question: "tom: 3391", "> me: HillHouse_22", "Ana: 9021".
    private static bool Answered(ReadOnlySpan<char> next)
    {
        if (DigitValue(next) || StrongToken(next))
        {
            return true;
        }

        for (var i = next.IndexOf(':'); i >= 0 && i + 1 < next.Length; i = next[(i + 1)..].IndexOf(':') is var j && j >= 0 ? i + 1 + j : -1)
        {
            if (Candidate(next[(i + 1)..], connector: true, plain: true))
            {
                return true;
            }
        }

        return false;
    }

    // A token of 7+ letters and digits with at least two digits and three letters ("Rosewood1987") near a
    // password word is its value, however the sentence is phrased.
    private static bool StrongToken(ReadOnlySpan<char> window)
    {
        var i = 0;
        while (i < window.Length)
        {
            if (!char.IsAsciiLetterOrDigit(window[i]))
            {
                i++;
                continue;
            }

            int start = i, digits = 0, letters = 0;
            while (i < window.Length && char.IsAsciiLetterOrDigit(window[i]))
            {
                digits += char.IsAsciiDigit(window[i]) ? 1 : 0;
                letters += char.IsAsciiLetter(window[i]) ? 1 : 0;
                i++;
            }

            var glued = (start > 0 && window[start - 1] is '_' or '.' or '$') || (i < window.Length && (window[i] is '_' or '(' || char.IsLetter(window[i])));
            if (!glued && i - start >= 7 && digits >= 2 && letters >= 3)
            {
                return true;
            }
        }

        return false;
    }

    private static int SentenceEnd(ReadOnlySpan<char> window)
    {
        for (var i = 0; i < window.Length; i++)
        {
            var c = window[i];
            if (c is '\n' or '\r' or '。' or '？' or '！')
            {
                return i;
            }

            // "Wq7!harbor" is a password, not two sentences.
            if (c is '?' or '!' && (i + 1 == window.Length || char.IsWhiteSpace(window[i + 1]) || window[i + 1] is '"' or '\'' or ')'))
            {
                return i;
            }

            if (c == '.' && (i + 1 == window.Length || window[i + 1] == ' '))
            {
                return i;
            }
        }

        return window.Length;
    }

    // Four or more digits (single spaces inside join groups: "552 019"), or a code of 6+ letters, digits
    // and dashes with at least two digits ("A7BX-99QZ", "x7k2-m9pq"); not a year after "in", not a count of a unit.
    private static bool DigitValue(ReadOnlySpan<char> window)
    {
        var i = 0;
        while (i < window.Length)
        {
            if (!char.IsLetterOrDigit(window[i]) || (i > 0 && char.IsLetterOrDigit(window[i - 1])))
            {
                i++;
                continue;
            }

            int end = i, digits = 0, letters = 0;
            while (end < window.Length)
            {
                var c = window[end];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else if (char.IsLetter(c) && !IsCjk(c))
                {
                    letters++;
                }
                else if (!(c is '-' or ' ' or '.' or '/' && end + 1 < window.Length && char.IsLetterOrDigit(window[end + 1]) && !IsCjk(window[end + 1])
                    && (c == '-' || (letters == 0 && char.IsAsciiDigit(window[end + 1]) && end > 0 && char.IsAsciiDigit(window[end - 1])))))
                {
                    break;
                }

                end++;
            }

            if (end < window.Length && char.IsLetter(window[end]) && !IsCjk(window[end]))
            {
                // An ASCII start of a word in another script: not a code.
                i = end + 1;
                continue;
            }

            // "1950s" is a decade, not a code.
            var decade = letters == 1 && digits == 4 && window[end - 1] == 's';
            // Door and intercom codes are short: "4B27", "2468B".
            var code = letters == 0 ? digits >= 4 : !decade && (digits >= 4 || (digits >= 2 && (letters <= 2 ? digits + letters >= 4 : digits + letters >= 6)));
            if (code && !Described(window, i, end, letters == 0))
            {
                return true;
            }

            i = Math.Max(end, i + 1);
        }

        return false;
    }

    // "4 digits", "in 2019", "3600 seconds": a number that is not the secret.
    private static bool Described(ReadOnlySpan<char> window, int start, int end, bool allDigits)
    {
        var after = window[end..].TrimStart(" -");
        foreach (var unit in Units)
        {
            if (after.StartsWith(unit, StringComparison.OrdinalIgnoreCase) && (after.Length == unit.Length || !char.IsLetter(after[unit.Length])))
            {
                return true;
            }
        }

        if (allDigits && end - start == 4 && window[start] is '1' or '2' && window[start + 1] is '9' or '0')
        {
            var before = window[..start].TrimEnd();
            foreach (var word in YearWords)
            {
                if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Up to five words, then a connector, then a value that is not a description; or a quoted value
    // right away ("wifi password 'tulip88'"), or a token with letters and digits right away ("PW Tulip88").
    private static bool WordValue(ReadOnlySpan<char> window, Want want)
    {
        var answer = want == Want.Answer;
        var previous = ReadOnlySpan<char>.Empty;
        var i = 0;
        for (var word = 0; word < 10 && i < window.Length; word++)
        {
            while (i < window.Length && window[i] is ' ' or '\t' or '(' or ')' or '*')
            {
                i++;
            }

            if (i < window.Length && window[i] is ':' or '=' or '：')
            {
                if (i + 1 < window.Length && window[i] == '=' && window[i + 1] == '=')
                {
                    return false; // a comparison in code
                }

                i++;
                return Candidate(window[i..], connector: true, plain: true, answer);
            }

            var start = i;
            while (i < window.Length && !char.IsWhiteSpace(window[i]) && window[i] is not ':' and not '=' and not '：')
            {
                i++;
            }

            var token = window[start..i];
            if (token.IsEmpty)
            {
                continue;
            }

            if (IsConnector(token, out var trailing))
            {
                // "the password to continue": "to" right after the noun joins a value only when it is quoted or code-like
                // ("set the passphrase to "correct horse"").
                var to = token.Equals("to", StringComparison.OrdinalIgnoreCase);
                if (to && word > 0 && !SetVerb(previous))
                {
                    previous = token;
                    continue;
                }

                // "recovery phrase backup — metal or paper?": after a dash, an answer is a name ("— Иванова").
                var dash = token is "—" or "–" or "->" or "→";
                var next = window[i..].TrimStart(" \t");
                var named = !dash || (!next.IsEmpty && !char.IsLower(next[0]));
                return Candidate(window[(i - trailing)..], connector: true, plain: (!to || word > 0) && named, answer);
            }

            if (word == 0 && char.IsAsciiLetterOrDigit(window[start]) && Candidate(window[start..], connector: false, plain: false))
            {
                return true;
            }

            previous = token;
        }

        return false;
    }

    // "changed it to", "set to", "reset to": the verbs after which "to" introduces the new value.
    private static bool SetVerb(ReadOnlySpan<char> word) =>
        word.Equals("set", StringComparison.OrdinalIgnoreCase) || word.Equals("changed", StringComparison.OrdinalIgnoreCase)
        || word.Equals("change", StringComparison.OrdinalIgnoreCase) || word.Equals("reset", StringComparison.OrdinalIgnoreCase)
        || word.Equals("updated", StringComparison.OrdinalIgnoreCase) || word.Equals("it", StringComparison.OrdinalIgnoreCase)
        || word.Equals("switched", StringComparison.OrdinalIgnoreCase);

    private static bool IsConnector(ReadOnlySpan<char> token, out int trailing)
    {
        trailing = 0;
        foreach (var connector in Connectors)
        {
            if (token.Equals(connector, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // "password's hunter2" / "密码是abc123" / "パスワードはabc": the connector glued to its neighbours.
            if (token.StartsWith(connector, StringComparison.OrdinalIgnoreCase) && (connector[0] >= 0x2E80 || connector[0] is '\'' or '’'))
            {
                trailing = token.Length - connector.Length;
                return true;
            }
        }

        return false;
    }

    private static bool Candidate(ReadOnlySpan<char> rest, bool connector, bool plain, bool answer = false)
    {
        rest = rest.TrimStart(" \t:=：");
        var quoted = !rest.IsEmpty && rest[0] is '"' or '\'' or '`' or '“' or '«' or '「' or '„';
        if (quoted)
        {
            rest = rest[1..];
        }

        var end = 0;
        while (end < rest.Length && (quoted ? rest[end] is not '\n' : !char.IsWhiteSpace(rest[end])) && rest[end] is not '"' and not '\'' and not '`' and not '”' and not '»' and not '」' and not '“' and not ',' and not ';')
        {
            end++;
        }

        var value = rest[..end].TrimEnd(".!?)。:,;}]");
        if (value.Length < (answer ? 2 : 3) || Placeholder(value) || (!quoted && Code(value)) || (quoted && Identifier(value)) || Counted(value))
        {
            return false;
        }

        foreach (var list in (ReadOnlySpan<string[]>)[Descriptions, Connectors])
        {
            foreach (var word in list)
            {
                if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        var digit = value.IndexOfAnyInRange('0', '9') >= 0;
        var letter = value.IndexOfAnyExcept(Digits) >= 0;
        var strong = digit && value.Length >= 4 || value.Length > 1 && value[1..].IndexOfAnyInRange('A', 'Z') >= 0 && value.IndexOfAnyInRange('a', 'z') >= 0
            || letter && value.Length > 2 && value[1..^1].IndexOfAny(Symbols) >= 0 && char.IsAsciiLetterOrDigit(value[0]);
        if (quoted || strong)
        {
            return connector || quoted || value.Length >= 6 || value.IndexOfAnyExcept(Digits) < 0;
        }

        if (!connector || !plain)
        {
            return false;
        }

        if (answer)
        {
            return true;
        }

        // A plain word counts when it closes the clause ("the password is banana."): "the password is
        // rotated every 90 days" goes on describing.
        var after = rest[end..].TrimStart(" \t");
        return value.Length >= 4 && (after.IsEmpty || after[0] is '.' or ',' or ';' or ')' or '(' or '"' or '\'' or '-' or '—' or '–'
            || after.StartsWith("and", StringComparison.OrdinalIgnoreCase) || after.StartsWith("but", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("so", StringComparison.OrdinalIgnoreCase) || after.StartsWith("if", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("und", StringComparison.OrdinalIgnoreCase) || after.StartsWith("et", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("y ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("e ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("и", StringComparison.OrdinalIgnoreCase) || after.StartsWith("en ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("i ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("pero", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("aber", StringComparison.OrdinalIgnoreCase) || after.StartsWith("mais", StringComparison.OrdinalIgnoreCase)
            || value[0] > 0x7F);
    }

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af';

    /// <summary>
    /// A token shaped like a chosen password wherever it stands: 8–40 ASCII characters with three letters and
    /// two digits, and either a symbol inside ("Marigold!84", "-pCaju!Doce2025"), or upper and lower case
    /// with an underscore ("Limoncello_42"), two dashes ("St4ging-Adm1n-Dec") or a user before a colon
    /// ("beheer:Tulpenveld-88"). Versions, dates, paths, e-mail addresses and URLs (a dot or "://") are not.
    /// </summary>
    public static bool PasswordShaped(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            if (ShapedRun(text[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One whole run of <see cref="IsTokenChar"/> characters, its punctuation trimmed, is password-shaped. It needs two
    /// ASCII digits (<see cref="Shaped"/>): SensitivePrefilter reads only the runs that hold a digit.
    /// </summary>
    internal static bool ShapedRun(ReadOnlySpan<char> run)
    {
        var token = run.Trim(".,;:!?-");
        return token.Length is >= 8 and <= 40 && Shaped(token);
    }

    internal static bool IsTokenChar(char c) => c > ' ' && c < 0x7F && c is not '"' and not '\'' and not '`' and not '(' and not ')' and not '[' and not ']' and not '{' and not '}' and not '<' and not '>' and not ',';

    private static bool Shaped(ReadOnlySpan<char> token)
    {
        int letters = 0, digits = 0, upper = 0, lower = 0, symbols = 0, underscores = 0, dashes = 0, colons = 0;
        for (var j = 0; j < token.Length; j++)
        {
            var c = token[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
                upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
                lower += char.IsAsciiLetterLower(c) ? 1 : 0;
            }
            else if (c is '.' or '/' or '\\' or '@' or '=')
            {
                return false;
            }
            else
            {
                symbols += c is '!' or '#' or '%' or '&' or '*' or '$' or '^' && j > 0 && j < token.Length - 1 ? 1 : 0;
                underscores += c == '_' ? 1 : 0;
                dashes += c == '-' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
            }
        }

        if (letters < 3 || digits < 2 || token.Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        var mixed = upper > 0 && lower > 0;
        return symbols > 0 || (mixed && (underscores == 1 || dashes >= 2 || colons == 1));
    }


    private static readonly SearchValues<char> Symbols = SearchValues.Create("!#%&*+-/=?@^_|~$.,:;");

    // An expression in code, not a value: a call, an index, a member access without digits, a path.
    private static bool Code(ReadOnlySpan<char> value) =>
        value.IndexOfAny("([{") >= 0 || value.Contains("::", StringComparison.Ordinal) || value.Contains("->", StringComparison.Ordinal)
        || (value.IndexOfAnyInRange('0', '9') < 0 && value.IndexOf('.') is > 0 and var dot && dot + 1 < value.Length && char.IsLetter(value[dot + 1]) && char.IsLower(value[0]));

    // 'new_password', "PASSWORD_FIELD": a quoted name of letters and underscores is an identifier.
    internal static bool Identifier(ReadOnlySpan<char> value) =>
        value.Contains('_') && value.IndexOfAnyInRange('0', '9') < 0 && value.IndexOfAnyExcept(IdentifierChars) < 0;

    private static readonly SearchValues<char> IdentifierChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_");

    // "6位数字", "8-char", "12 characters": a count with its unit describes the secret.
    private static bool Counted(ReadOnlySpan<char> value)
    {
        var digits = value.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0)
        {
            return false;
        }

        var rest = value[digits..].TrimStart("-");
        foreach (var unit in Units)
        {
            if (rest.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> LettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static bool Placeholder(ReadOnlySpan<char> value) =>
        value[0] is '$' or '{' or '<' or '%' or '[' or '(' or '*' || value.IndexOfAnyExcept(value[0]) < 0
        || value.Contains("xxx", StringComparison.OrdinalIgnoreCase) || value.Contains("...", StringComparison.Ordinal)
        || value.Contains("your", StringComparison.OrdinalIgnoreCase) || value.Contains("env", StringComparison.Ordinal)
        || value.Contains("placeholder", StringComparison.OrdinalIgnoreCase) || value.Contains("password", StringComparison.OrdinalIgnoreCase) || value.Contains("redacted", StringComparison.OrdinalIgnoreCase)
        || value.Contains("…", StringComparison.Ordinal);
}
