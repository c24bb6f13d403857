using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Data science and research (after the probe <c>sensitive-lookalikes-49</c>, docs/CLASSIFIER.md "Probe 49 read by category"): a
/// storage key passed to a dotted setting's setter (<c>spark.conf.set("fs.azure.account.key.lab.blob.core.windows.net", "…")</c>), an
/// Azure shared access signature's <c>sig=</c>, and a photo or a screenshot whose ask reads a token, a password or a person's number
/// off it ("read out the HF token line", "şifreyi okuyup yazar mısın", "学籍番号を読み取って").
/// </summary>
internal static partial class SensitiveScanner
{
    // The dot-separated parts of a setting's name that make its value a secret.
    private static readonly string[] SecretSegments = ["key", "secret", "password", "token", "credential", "sas"];

    /// <summary>
    /// At <paramref name="at"/> a secret's part of a quoted, dotted setting name ("fs.azure.account.key.datoslab.…", "fs.s3a.secret.key"),
    /// closed by its quote, then a comma, an '=' or a ':' and a quoted value of twenty or more key characters with letters and digits:
    /// the setter's second argument is the key itself (a call reading it from a secret store or the environment has no quote there).
    /// </summary>
    internal static bool DottedSettingSecret(ReadOnlySpan<char> text, int at)
    {
        if (at == 0 || text[at - 1] != '.')
        {
            return false;
        }

        var segment = text[at..];
        var segmentEnd = segment.IndexOfAny(".\"'");
        if (segmentEnd <= 0 || !SecretPhrases.OneOf(segment[..segmentEnd], SecretSegments))
        {
            return false;
        }

        var close = segment.IndexOfAny("\"' \n");
        if (close < 0 || segment[close] is ' ' or '\n')
        {
            return false;
        }

        var rest = segment[(close + 1)..].TrimStart("] \t");
        if (rest.IsEmpty || rest[0] is not (',' or '=' or ':'))
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t");
        if (rest.IsEmpty || rest[0] is not ('"' or '\''))
        {
            return false;
        }

        var value = rest[1..];
        var length = Run(value, Base64Chars);
        return length >= 20 && length < value.Length && value[length] == rest[0] && HasDigitAndLetter(value[..length]) && !Placeholder(value[..length]);
    }

    /// <summary>
    /// An Azure shared access signature's <c>sig=</c> at <paramref name="at"/> in a token that also carries the version field
    /// (<c>sv=2022-11-02&amp;…&amp;sig=k8Jq…%3D</c>): twenty or more signature characters after it. The signature is the credential.
    /// </summary>
    internal static bool SasSignature(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 240)..at];
        var space = before.LastIndexOfAny(" \t\n\"'");
        before = before[(space + 1)..];
        if (!before.Contains("sv=", StringComparison.Ordinal) || (before.Length > 0 && before[^1] is not ('&' or '?')))
        {
            return false;
        }

        var value = text[(at + 4)..];
        return Run(value, SignatureChars) >= 20;
    }

    private static readonly SearchValues<char> SignatureChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%+/=");

    // Asks to read, type or transcribe what the picture shows.
    private static readonly SearchValues<string> ImageReadVerbs = SearchValues.Create(
    [
        "read out", "read me", "read the", "read off", "type out", "transcrib", "copy the", "write out", "abtipp", "abschreib",
        "vorlesen", "lies mir", "recopie", "lis-moi", "transcri", "léeme", "leeme", "dime ", "escríbe", "copia", "leggi", "trascriv", "dimmi",
        "ler a", "ler o", "ler os", "ler as", "consegue ler", "pode ler", "leia", "me diz", "escreve", "overtypen", "voorlezen", "przepisz",
        "odczytaj", "przeczytaj", "прочитай", "перепиши", "продиктуй", "okuyup", "okur mu", "yazar mı", "yazar mi", "読み取", "読んで", "文字で起こ",
        "書き起こ", "文字に起こ", "書き出", "读出", "读一下", "打成文字", "打出", "念出", "읽어", "적어",
    ], StringComparison.OrdinalIgnoreCase);

    // A secret or a person's number an ask may read off a picture.
    private static readonly string[] ImageSecretNounList =
    [
        "token", "токен", "トークン", "令牌", "토큰", "api key", "api-key", "api_key", "apikey", "api-schlüssel", "the key", "den key", "clé api",
        "clave de api", "clave api", "chave de api", "chave api", "chiave api", "password", "passwort", "kennwort", "mot de passe", "contraseña",
        "senha", "wachtwoord", "hasło", "hasła", "пароль", "şifre", "parola", "パスワード", "暗証番号", "密码", "비밀번호", "비번",
        "学籍番号", "学生番号", "社員番号", "職員番号", "学号", "工号", "학번", "사번", "numer albumu", "pesel", "numer dowodu", "student number",
        "student id", "employee number", "staff number", "matricola", "numéro étudiant", "studentnummer", "personalnummer", "matrikelnummer",
    ];

    private static readonly SearchValues<string> ImageSecretNouns = SearchValues.Create(ImageSecretNounList, StringComparison.OrdinalIgnoreCase);

    // A word after a secret's noun that makes the phrase a topic about secrets, not the secret shown ("read the password policy", "the
    // docs on password reset", "Passwort-Richtlinie", "password manager comparison"). "expiry", not "expir": a token "expiring tonight" is the
    // one shown (sensitive-categories-131).
    private static readonly string[] SecretTopicWords =
    [
        "policy", "policies", "rule", "requirement", "reset", "section", "doc", "guide", "faq", "manager", "strength", "complexity", "length",
        "expiry", "expiration", "recovery", "protected", "tips", "criteria", "rotation", "setting", "page", "form", "instruction", "article", "change", "hint",
        "richtlinie", "regel", "anforderung", "vorgabe", "zurücksetz", "politique", "règle", "exigence", "política", "requisito", "regla",
        "regole", "requisiti", "политик", "правил", "требован", "ポリシー", "ルール", "要件", "策略", "规则", "要求", "정책", "규칙",
    ];

    // A topic's noun before a secret's noun in the languages that put it first ("la política de contraseñas", "les règles de mot de passe").
    private static readonly string[] SecretTopicLeads =
    [
        "policy", "política", "politique", "politica", "règles", "reglas", "regole", "requisitos", "exigences", "requisiti", "regras",
        "reinicio", "réinitialisation", "redefinição", "reimpostazione", "gestor", "gestionnaire", "gerenciador", "docs on", "guide to",
    ];

    /// <summary>
    /// The ask sent with a photo or a screenshot names a token, a key, a password or a person's number in it and asks for it to be read
    /// or typed out ("read out the HF token line", "Consegue ler a senha do Wi-Fi … que aparece aí?", "przepisz numer albumu i PESEL"):
    /// the secret travels in the picture (docs/LABELLING.md, a photo whose ask reads a secret out). Not when the ask says it is masked.
    /// </summary>
    internal static bool SecretReadOffImage(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(ImageSecretNouns) >= 0 && ask.IndexOfAny(ImageReadVerbs) >= 0 && SecretItselfNamed(ask, ImageSecretNouns, ImageSecretNounList) && !NumbersMaskedInPhoto(ask);

    /// <summary>
    /// One of the ask's secret nouns names the secret itself, not a topic about secrets: "read the password on this sticker", not "read
    /// the password policy" or "read the docs on password reset" (a topic's word right after the noun, glued or hyphenated, or a topic's
    /// noun just before it). The broad "read the …" verbs take any noun in the ask; this keeps them to a secret shown.
    /// </summary>
    private static bool SecretItselfNamed(ReadOnlySpan<char> ask, SearchValues<string> nouns, string[] nounList)
    {
        for (var from = 0; from < ask.Length;)
        {
            var hit = ask[from..].IndexOfAny(nouns);
            if (hit < 0)
            {
                return false;
            }

            hit += from;
            var end = hit + NounLength(ask[hit..], nounList);
            // A short Latin acronym inside a word is the word's ("supports" holds India's "ppo").
            if (end - hit <= 3 && hit > 0 && char.IsAsciiLetter(ask[hit]) && char.IsAsciiLetter(ask[hit - 1]))
            {
                from = end;
                continue;
            }

            if (!TopicAfter(ask[end..]) && !TopicBefore(ask[Math.Max(0, hit - 24)..hit]))
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    // A topic's noun before the secret's in its clause ("la política de contraseñas"); one in an earlier clause is the photo's setting, not
    // the noun's topic ("the note taped to the security policy: read me the password on it"; sensitive-categories-131).
    private static bool TopicBefore(ReadOnlySpan<char> lead) =>
        SecretPhrases.ContainsAny(lead[(lead.LastIndexOfAny(ClauseMarks) + 1)..], SecretTopicLeads);

    private static readonly SearchValues<char> ClauseMarks = SearchValues.Create(":;,.!?—\n");

    private static int NounLength(ReadOnlySpan<char> at, string[] nounList)
    {
        var length = 1;
        foreach (var noun in nounList)
        {
            length = at.StartsWith(noun, StringComparison.OrdinalIgnoreCase) ? Math.Max(length, noun.Length) : length;
        }

        return length;
    }

    // The noun's glued tail ("Passwortrichtlinie", "passwords") and the next word, after a hyphen or a space, start with a topic's word.
    private static bool TopicAfter(ReadOnlySpan<char> rest)
    {
        var tail = 0;
        while (tail < rest.Length && char.IsLetter(rest[tail]))
        {
            tail++;
        }

        var glued = rest[..tail];
        var next = rest[tail..].TrimStart("-‐ ");
        foreach (var topic in SecretTopicWords)
        {
            if ((glued.Length > 1 && glued.StartsWith(topic, StringComparison.OrdinalIgnoreCase)) || next.StartsWith(topic, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A card that opens a door: an access badge, no bank's card ("o cartão serve pra abrir a porta", "tarjeta de acceso").
    private static readonly string[] DoorCardWords = ["abrir a porta", "abre a porta", "abrir la puerta", "abre la puerta", "de acesso", "de acceso", "cartão do laboratório", "tarjeta del laboratorio"];

    /// <summary>The ask names the card as one that opens a door (Spanish and Portuguese): an access badge, not a bank's card.</summary>
    private static bool DoorCardNamed(ReadOnlySpan<char> ask) => SecretPhrases.ContainsAny(ask, DoorCardWords);

    /// <summary>
    /// A cookie's name/value object in code: the trigger at <paramref name="at"/> inside the quoted name of a <c>name</c> key, then a
    /// <c>value</c> key with a quoted value of sixteen or more token characters with letters and digits (<c>page.setCookie({ name:
    /// 'auth_session', value: 'b7e1…' })</c>, <c>http.Cookie{Name: "connect.sid", Value: "…"}</c>): a live session's cookie.
    /// </summary>
    internal static bool NamedCookieValue(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 40)..at];
        var open = before.LastIndexOfAny("'\"");
        if (open < 0 || before[(open + 1)..].IndexOfAnyExcept(IdentChars) >= 0)
        {
            return false;
        }

        var quote = before[open];
        var key = before[..open].TrimEnd(" \t");
        if (key.IsEmpty || key[^1] != ':' || !key[..^1].TrimEnd("\"' ").EndsWith("name", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var after = text[at..Math.Min(text.Length, at + 160)];
        var close = after.IndexOf(quote);
        if (close < 0 || after[..close].IndexOfAnyExcept(IdentChars) >= 0)
        {
            return false;
        }

        var rest = after[(close + 1)..].TrimStart(" \t");
        if (rest.IsEmpty || rest[0] != ',')
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t\"'");
        if (!rest.StartsWith("value", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest[5..].TrimStart("\"' \t");
        if (rest.IsEmpty || rest[0] != ':')
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t");
        if (rest.IsEmpty || rest[0] is not ('"' or '\''))
        {
            return false;
        }

        var value = rest[1..];
        var length = Run(value, CookieValueChars);
        return length >= 16 && length < value.Length && value[length] == rest[0] && HasDigitAndLetter(value[..length]) && !Placeholder(value[..length]);
    }

    private static readonly SearchValues<char> CookieValueChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-%+/=.");
}

