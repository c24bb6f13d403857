using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Secrets of everyday life by category, after the blind probe <c>sensitive-lookalikes-12</c> (docs/CLASSIFIER.md,
/// "Everyday categories"): the secret nouns of more languages (Vietnamese, Hindi, Ukrainian, Czech, Indonesian…) and
/// more ids by name (주민번호, rodné číslo, आधार, РНОКПП, CLABE, cartão do SUS…); a chosen password in any script anywhere
/// in its noun's sentence, past a first clause ("ya no es la de antes, ahora es Abuela_Rosa_1952", "Соняшник_2026"); a
/// password dictated by its letters' case and symbols ("lowercase capybara then … an exclamation mark"); a security
/// answer given as a name ("… my first car, we called Rusty"); a login told as "user / password"; an exported cookie
/// jar's long values. Not values: a password equal to the user name before it (a device's default "admin / admin"), a
/// card transaction's authorisation code on a receipt, a number shown as an example.
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases (a method, so the order the partial files' fields initialise in does not matter).
    private static (string Phrase, Want Want)[] EverydayPhrases() =>
    [
        // Passwords and PINs in languages the first lists did not hold.
        ("mật khẩu", Want.Word), ("mat khau", Want.Word), ("mã pin", Want.Digits), ("mã otp", Want.Notice), ("mã xác nhận", Want.Notice),
        ("mã xác thực", Want.Notice), ("पासवर्ड", Want.Word), ("पिन", Want.Digits), ("ओटीपी", Want.Notice), ("kata sandi", Want.Word),
        ("kata laluan", Want.Word), ("sandi", Want.Word), ("heslo", Want.Word), ("hesla", Want.Word), ("jelszó", Want.Word), ("jelszava", Want.Word),
        ("κωδικός", Want.Word), ("كلمة المرور", Want.Word), ("كلمة السر", Want.Word), ("סיסמה", Want.Word), ("salasana", Want.Word),
        ("adgangskode", Want.Word), ("passord", Want.Word), ("lozinka", Want.Word), ("geslo", Want.Word), ("palavra-passe", Want.Word),
        ("palavra passe", Want.Word), ("пін", Want.Digits), ("пін-код", Want.Digits), ("пароля", Want.Word),

        // Building entrances and intercoms: their code is told as digits.
        ("オートロック", Want.Digits), ("暗証", Want.Digits), ("공동현관", Want.Digits), ("현관문", Want.Digits), ("门禁", Want.Digits), ("門禁", Want.Digits),
        ("interphone", Want.Digits), ("citofono", Want.Digits), ("portero", Want.Digits), ("домофона", Want.Digits), ("під'їзд", Want.Digits),

        // National, tax, health and bank numbers by their names in more countries.
        ("주민번호", Want.Digits), ("주민 번호", Want.Digits), ("rodné číslo", Want.Digits), ("rodného čísla", Want.Digits), ("rodne cislo", Want.Digits),
        ("rodným číslem", Want.Digits), ("občanského průkazu", Want.Digits), ("občanský průkaz", Want.Digits), ("आधार", Want.Digits),
        ("aadhar", Want.Digits), ("पैन", Want.Digits), ("pan card", Want.Digits), ("pan number", Want.Digits),
        ("ідентифікаційного коду", Want.Digits),
        ("clabe", Want.Digits), ("curp", Want.Digits), ("cartão do sus", Want.Digits), ("cartao do sus", Want.Digits),
        ("cartão sus", Want.Digits), ("cartão nacional de saúde", Want.Digits), ("căn cước", Want.Digits), ("cccd", Want.Digits),
        ("cmnd", Want.Digits), ("số tài khoản", Want.Digits), ("số thẻ", Want.Digits), ("nomor rekening", Want.Digits), ("no rek", Want.Digits),
        ("nomor ktp", Want.Digits), ("nomor kartu", Want.Digits), ("nik", Want.Digits), ("číslo účtu", Want.Digits), ("číslo karty", Want.Digits),
        ("számlaszám", Want.Digits), ("adóazonosító", Want.Digits), ("खाता संख्या", Want.Digits), ("खाता नंबर", Want.Digits),
        ("رقم الحساب", Want.Digits), ("رقم الهوية", Want.Digits), ("מספר חשבון", Want.Digits), ("תעודת זהות", Want.Digits),
        ("employer identification", Want.Digits), ("taxpayer identification", Want.Digits), ("unique taxpayer reference", Want.Digits),
        ("utr", Want.Digits), ("steuernummer", Want.Digits), ("activation code", Want.Digits), ("aktivierungscode", Want.Digits),
        ("code d'activation", Want.Digits), ("código de activación", Want.Digits), ("código de ativação", Want.Digits),
        ("codice di attivazione", Want.Digits), ("activatiecode", Want.Digits), ("activeringscode", Want.Digits),
        ("registration code", Want.Digits), ("registrierungscode", Want.Digits), ("freischaltcode", Want.Digits), ("登録コード", Want.Digits), ("kod aktywacyjny", Want.Digits), ("код активации", Want.Digits),

        // Seed words after a hardware wallet's or a backup's name.
        ("ledger", Want.Seed), ("trezor", Want.Seed), ("metamask", Want.Seed), ("backup", Want.Seed), ("bip39", Want.Seed), ("bip-39", Want.Seed),
        ("crypto", Want.Seed), ("krypto", Want.Seed),

        // Account-recovery questions by more names.
        ("찾기 질문", Want.Answer), ("보안질문", Want.Answer), ("확인 질문", Want.Answer), ("본인확인 질문", Want.Answer),
        ("secret question", Want.Answer), ("контрольне питання", Want.Answer), ("câu hỏi bảo mật", Want.Answer),
        ("सुरक्षा प्रश्न", Want.Answer), ("pertanyaan keamanan", Want.Answer),

        // Logins in more languages.
        ("đăng nhập", Want.Bare), ("tài khoản", Want.Bare), ("लॉगिन", Want.Bare), ("akun", Want.Bare), ("вхід", Want.Bare), ("входу", Want.Bare),
    ];

    /// <summary>The triggers of the checks below that no phrase of <see cref="Phrases"/> starts (SensitivePrefilter finds their places too).</summary>
    private static IEnumerable<string> EverydayTriggers => EverydayWords.Dictation.Concat(EverydayWords.LoginPairs).Concat(EverydayWords.Mine).Append("cookie")
        .Concat(EverydayWords.DigitRows.SelectMany(row => row.SelectMany(first => row.Select(second => first + " " + second))));

    // In a class of their own: the trigger list is built from them while SecretPhrases' fields initialise, in whatever order the files give.
    private static class EverydayWords
    {
        // A password told by its letters' case and its symbols, in every corpus language.
        internal static readonly string[] Dictation =
        [
            "lowercase", "lower case", "lower-case", "uppercase", "upper case", "upper-case", "capital", "all caps", "small letters", "exclamation",
            "kleinbuchstab", "großbuchstab", "grossbuchstab", "kleingeschrieben", "großgeschrieben", "klein geschrieben", "groß geschrieben",
            "ausrufezeichen", "minuscule", "majuscule", "point d'exclamation", "arobase", "minúscula", "mayúscula", "signo de exclamación",
            "arroba", "maiúscula", "ponto de exclamação", "minuscol", "maiuscol", "punto esclamativo", "chiocciola", "hoofdletter", "kleine letter",
            "uitroepteken", "wielką liter", "wielka liter", "małą liter", "mała liter", "wykrzyknik", "заглавн", "строчн", "прописн",
            "восклицательн", "büyük harf", "küçük harf", "ünlem", "versal", "gemen", "utropstecken", "大文字", "小文字", "大写", "小写", "대문자",
            "소문자", "chữ hoa", "chữ thường", "huruf besar", "huruf kecil",
        ];

        // Where a login is told as "user / password" ("portal login is hhoang.rentals / Oakland#Duplex4").
        // "mine is 5488O2913": the value given after a pronoun standing for an id or a secret named before.
        internal static readonly string[] Mine =
        [
            "mine is", "mine's", "mine’s", "el mío es", "la mía es", "el mio es", "la mia es", "o meu é", "a minha é", "le mien est", "la mienne est",
            "le mien c'est", "meine ist", "meiner ist", "meins ist", "il mio è", "la mia è", "de mijne is", "mijn is", "mój to", "moja to", "мой —",
            "мой:", "мій —", "мій:", "benimki",
        ];

        // Whole rows of digit words for the languages whose words the shared list gives to another language ("vier", "acht" are
        // German's there; "cinco", "seis" Spanish'): two of them joined by a space start a spelled code too ("acht één vier zes").
        internal static readonly string[][] DigitRows =
        [
            ["nul", "een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"],
            ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"],
            ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"],
            ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"],
        ];

        internal static readonly string[] LoginPairs =
        [
            "login", "log-in", "logon", "sign-in", "credentials", "creds", "zugangsdaten", "anmeldedaten", "identifiants", "credenciales",
            "credenciais", "credenziali", "inloggegevens", "dane logowania", "данные для входа", "учётные данные", "giriş bilgileri",
            "inloggningsuppgifter", "ログイン情報", "로그인 정보", "登录信息", "thông tin đăng nhập",
            // Log-in verbs before an account's "e-mail / passphrase" (the asks' Xbox errand, the nineteenth session).
            "sign in", "sign into", "log in", "log into", "entra en", "inicia sesión", "melde dich", "anmelden", "connecte-toi", "accedi",
            "zaloguj", "inloggen",
            // Probe 49: a log-in's or an access's noun before "user / password" ("вход: sbelov / Клён-Снег-2026", "Anmeldung …: mlehmann / …").
            "вход", "логин", "anmeldung", "zugang", "connexion", "acceso", "acesso", "accesso", "dostęp", "giriş", "toegang", "åtkomst", "ログイン",
            "로그인", "登录",
        ];
    }

    // "then", "followed by": the order of a dictated password's parts.
    private static readonly string[] SequenceWords =
    [
        "then", "followed by", "and after that", "dann", "danach", "gefolgt", "puis", "ensuite", "suivi", "luego", "después", "seguido", "depois",
        "seguido", "poi", "seguito", "daarna", "gevolgd", "potem", "następnie", "потом", "затем", "далее", "sonra", "ardından", "sedan", "därefter",
        "そして", "その後", "次に", "그다음", "다음에", "然后", "接着", "rồi", "sau đó", "lalu", "kemudian",
    ];

    // "must contain an uppercase letter then a digit": a policy, not a password.
    private static readonly string[] PolicyWords =
    [
        "must", "should", "need", "needs", "require", "at least", "contain", "include", "has to", "have to", "allowed", "rule", "muss", "müssen",
        "mindestens", "enthalten", "soll", "doit", "doivent", "au moins", "contenir", "exige", "debe", "deben", "al menos", "contener",
        "requiere", "deve", "devem", "pelo menos", "conter", "almeno", "contenere", "moet", "minstens", "bevatten", "musi", "co najmniej",
        "zawierać", "должен", "должна", "минимум", "содержать", "en az", "içermeli", "måste", "minst", "必须", "至少", "包含", "必要", "以上",
        "含め", "이상", "포함", "해야",
    ];

    /// <summary>The word lists read through <see cref="FoldedWords"/> (tests check that their first characters fold as OrdinalIgnoreCase compares them).</summary>
    internal static IEnumerable<string> FoldedWordLists => EverydayWords.Dictation.Concat(EverydayWords.LoginPairs).Concat(EverydayWords.Mine).Concat(MailHeaders).Concat(DocumentWords.Own).Concat(PastedLabels).Concat(CodeNouns);

    // The lists EverydayAt asks at every trigger's hit, by their first character (built on the first check, once SensitivePrefilter
    // has initialised: its fold table is made from these very lists' triggers).
    private static class EverydayStarts
    {
        internal static readonly FoldedWords Dictation = new(EverydayWords.Dictation);
        internal static readonly FoldedWords LoginPairs = new(EverydayWords.LoginPairs);
        internal static readonly FoldedWords Mine = new(EverydayWords.Mine);
    }

    // Names of a user before its value ("utilizador: admin", "user admin").
    private static readonly string[] UserNouns =
    [
        "user", "username", "user name", "login", "utilizador", "usuário", "usuario", "utilisateur", "identifiant", "benutzer", "benutzername",
        "nutzer", "gebruiker", "gebruikersnaam", "utente", "użytkownik", "пользователь", "логин", "kullanıcı", "användare", "ユーザー", "사용자",
        "아이디", "用户", "用戶", "tên đăng nhập", "id",
    ];

    private static readonly SearchValues<char> PairBreaks = SearchValues.Create(" \t\r\n,;()\"'«»“”„");

    /// <summary>The checks started by <see cref="EverydayTriggers"/>: a dictated password, a "user / password" login, an exported cookie.</summary>
    private static bool EverydayAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && char.IsLetter(text[at - 1]) && text[at] < 0x2E80)
        {
            return false;
        }

        foreach (var word in EverydayStarts.Dictation.At(text[at..]))
        {
            if (text[at..].StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return Dictated(text, at);
            }
        }

        foreach (var cue in EverydayStarts.LoginPairs.At(text[at..]))
        {
            if (text[at..].StartsWith(cue, StringComparison.OrdinalIgnoreCase) && LoginPair(text, at + cue.Length))
            {
                return true;
            }
        }

        foreach (var pronoun in EverydayStarts.Mine.At(text[at..]))
        {
            if (text[at..].StartsWith(pronoun, StringComparison.OrdinalIgnoreCase))
            {
                return MineValue(text, at, at + pronoun.Length);
            }
        }

        return text[at..].StartsWith("cookie", StringComparison.OrdinalIgnoreCase) && CookieJar(text, at);
    }

    /// <summary>
    /// "passport no. … mine is 5488O2913": an id-like value (6–20 letters and digits, four digits or more, one token) right
    /// after the pronoun, and an id or secret noun in the 200 characters before it. Not a date, an amount, a version.
    /// </summary>
    private static bool MineValue(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 40)].TrimStart(" :\t\"'«“„");
        var length = 0;
        var digits = 0;
        while (length < after.Length && (char.IsAsciiLetterOrDigit(after[length]) || (after[length] is '-' && length + 1 < after.Length && char.IsAsciiLetterOrDigit(after[length + 1]))))
        {
            digits += char.IsAsciiDigit(after[length]) ? 1 : 0;
            length++;
        }

        if (length is < 6 or > 20 || digits < 4 || (length < after.Length && after[length] is '.' or ',' or '/' && length + 1 < after.Length && char.IsAsciiDigit(after[length + 1])))
        {
            return false;
        }

        var before = text[Math.Max(0, at - 200)..at];
        foreach (var (phrase, want) in Phrases)
        {
            if (want is Want.Digits or Want.Word or Want.Personal && phrase.Length >= 3 && phrase is not ("code" or "kod" or "код" or "コード")
                && before.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) is >= 0 and var hit && (hit == 0 || !char.IsLetter(before[hit - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a secret noun's own phrase may hold besides its <see cref="Value"/>: a chosen password in any script anywhere in the
    /// rest of its sentence (a password, Wi-Fi or PIN noun), or a security answer given as a name after a naming verb.
    /// </summary>
    private static bool EverydayValue(ReadOnlySpan<char> text, int end, Want want, string phrase)
    {
        if (want == Want.Answer)
        {
            return NamedAnswer(Sentence(text, end)) || QuotedAnswer(Sentence(text, end));
        }

        return (want == Want.Word || phrase is "wifi" or "wi-fi" or "wlan") && ScriptPassword(Sentence(text, end));
    }

    // The rest of the sentence from `from` (at most 160 characters): up to a full stop, a question or a line break.
    private static ReadOnlySpan<char> Sentence(ReadOnlySpan<char> text, int from)
    {
        var rest = text[from..Math.Min(text.Length, from + 160)];
        for (var k = 0; k < rest.Length; k++)
        {
            if (rest[k] is '\n' or '\r' or '。' or '？' or '！' || (rest[k] is '.' or '!' or '?' && (k + 1 == rest.Length || char.IsWhiteSpace(rest[k + 1]))))
            {
                return rest[..k];
            }
        }

        return rest;
    }

    /// <summary>
    /// A token shaped like a chosen password, in any script: three letters or more, two digits or more, and a symbol or an
    /// underscore inside, mixed case or letters outside ASCII ("Abuela_Rosa_1952", "Соняшник_2026", "hoasen@1988"). Not an
    /// address or a path (a dot or a slash inside, '@' before a domain), a count with its unit, an upper-case name, an example
    /// ("like", "e.g."), a network's name (SSID, network, red…).
    /// </summary>
    private static bool ScriptPassword(ReadOnlySpan<char> sentence)
    {
        var previous = ReadOnlySpan<char>.Empty;
        var beforePrevious = ReadOnlySpan<char>.Empty;
        foreach (var range in sentence.SplitAny(PairBreaks))
        {
            var token = sentence[range].TrimEnd(".,:;!?").TrimStart(":");
            if (token.IsEmpty)
            {
                continue;
            }

            if (token.Length is >= 6 and <= 40 && ScriptShaped(token) && !DummyValue(token) && !Counted(token)
                && !Example(previous) && !Example(beforePrevious) && !NetworkName(previous) && !NetworkName(beforePrevious))
            {
                return true;
            }

            beforePrevious = previous;
            previous = token;
        }

        return false;
    }

    private static bool ScriptShaped(ReadOnlySpan<char> token)
    {
        int letters = 0, digits = 0, upper = 0, lower = 0, symbols = 0, foreign = 0;
        for (var j = 0; j < token.Length; j++)
        {
            var c = token[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
                lower += char.IsLower(c) ? 1 : 0;
                foreign += c > 0x7F ? 1 : 0;
            }
            else if (c is '/' or '\\' or ':' or '=' || (c == '.' && j + 1 < token.Length && char.IsLetter(token[j + 1])))
            {
                return false;
            }
            else if (c == '@')
            {
                // "hoasen@1988" is a password; "ana@mail.com" and "root@web01" are an address and a host.
                if (j == 0 || token[(j + 1)..].IndexOfAnyExceptInRange('0', '9') >= 0 && !(token.ContainsAnyInRange('A', 'Z') && token.ContainsAnyInRange('a', 'z')))
                {
                    return false;
                }

                symbols++;
            }
            else if (c is '_' or '!' or '#' or '%' or '&' or '*' or '$' or '^' or '+' or '-' or '?' or '~' && j > 0 && j < token.Length - 1)
            {
                symbols++;
            }
        }

        return letters >= 3 && digits >= 2 && (symbols > 0 || (upper > 0 && lower > 0 && foreign > 0));
    }

    private static bool Example(ReadOnlySpan<char> word) =>
        word.Equals("like", StringComparison.OrdinalIgnoreCase) || word.Equals("e.g", StringComparison.OrdinalIgnoreCase)
        || word.Equals("e.g.", StringComparison.OrdinalIgnoreCase) || word.Equals("z.B.", StringComparison.OrdinalIgnoreCase)
        || word.Equals("ex", StringComparison.OrdinalIgnoreCase) || word.StartsWith("exampl", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("ejempl", StringComparison.OrdinalIgnoreCase) || word.StartsWith("exempl", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("beispiel", StringComparison.OrdinalIgnoreCase) || word.StartsWith("esempi", StringComparison.OrdinalIgnoreCase)
        || word.Equals("como", StringComparison.OrdinalIgnoreCase) || word.Equals("comme", StringComparison.OrdinalIgnoreCase)
        || word.Equals("wie", StringComparison.OrdinalIgnoreCase) || word.Equals("как", StringComparison.OrdinalIgnoreCase);

    private static bool NetworkName(ReadOnlySpan<char> word) =>
        word.Equals("ssid", StringComparison.OrdinalIgnoreCase) || word.StartsWith("network", StringComparison.OrdinalIgnoreCase)
        || word.Equals("red", StringComparison.OrdinalIgnoreCase) || word.Equals("rede", StringComparison.OrdinalIgnoreCase)
        || word.Equals("réseau", StringComparison.OrdinalIgnoreCase) || word.StartsWith("netz", StringComparison.OrdinalIgnoreCase)
        || word.Equals("rete", StringComparison.OrdinalIgnoreCase) || word.Equals("netwerk", StringComparison.OrdinalIgnoreCase)
        || word.Equals("sieć", StringComparison.OrdinalIgnoreCase) || word.StartsWith("сет", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("мереж", StringComparison.OrdinalIgnoreCase) || word.Equals("ağ", StringComparison.OrdinalIgnoreCase)
        || word.Equals("nätverk", StringComparison.OrdinalIgnoreCase) || word.Equals("mạng", StringComparison.OrdinalIgnoreCase);

    // A security answer given as a name: "… we called Rusty", "se llamaba Canela", "hieß Bello".
    private static bool NamedAnswer(ReadOnlySpan<char> sentence)
    {
        var naming = false;
        foreach (var range in sentence.Split(' '))
        {
            var token = sentence[range].Trim(".,;:!?()'\"«»“”");
            if (token.IsEmpty)
            {
                continue;
            }

            if (naming && token.Length >= 3 && char.IsUpper(token[0]) && !Listed(token))
            {
                return true;
            }

            naming = false;
            foreach (var verb in NamingVerbs)
            {
                if (token.Equals(verb, StringComparison.OrdinalIgnoreCase))
                {
                    naming = true;
                    break;
                }
            }
        }

        return false;
    }

    // "… 질문이 '어릴 적 별명'인데 제 답은 '꼬마돼지'": after the question, the answer's word and a quoted value.
    private static bool QuotedAnswer(ReadOnlySpan<char> sentence)
    {
        foreach (var word in AnswerWords)
        {
            var hit = sentence.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                continue;
            }

            var rest = sentence[(hit + word.Length)..];
            rest = rest[..Math.Min(rest.Length, 16)];
            var open = rest.IndexOfAny("'\"«「『“„‘");
            if (open < 0)
            {
                continue;
            }

            var value = sentence[(hit + word.Length + open + 1)..];
            var close = value.IndexOfAny("'\"»」』”“’");
            if (close is >= 2 and <= 40 && !Listed(value[..close]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] AnswerWords =
    [
        "answer", "respuesta", "réponse", "antwort", "resposta", "risposta", "antwoord", "odpowied", "ответ", "відповід", "cevab", "svar",
        "답은", "답변은", "대답은", "答えは", "回答は", "答案", "câu trả lời", "jawaban", "उत्तर", "जवाब",
    ];

    private static readonly string[] NamingVerbs =
    [
        "called", "named", "nicknamed", "dubbed", "llamado", "llamada", "llamaba", "llamábamos", "chamado", "chamada", "chamava", "chamávamos",
        "appelé", "appelée", "appelait", "appelions", "genannt", "hieß", "hiess", "nannten", "chiamato", "chiamata", "chiamava", "chiamavamo",
        "heette", "noemden", "genaamd", "nazywał", "nazywała", "nazwany", "nazwana", "звали", "назвали", "звался", "kallad", "kallade", "hette",
        "adını", "adlı", "isimli",
    ];

    // A dictated password: a password or Wi-Fi noun earlier in the sentence, the parts put in order ("then"), no policy word.
    private static bool Dictated(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 120)..at];
        var stop = before.LastIndexOfAny(SentenceEnds);
        before = before[(stop + 1)..];
        var sentence = text[(at - before.Length)..(at + Sentence(text, at).Length)];
        return SecretNounIn(before) && ContainsAny(sentence, SequenceWords) && !ContainsAny(sentence, PolicyWords);
    }

    private static bool SecretNounIn(ReadOnlySpan<char> before)
    {
        foreach (var (phrase, want) in Phrases)
        {
            if ((want == Want.Word || phrase is "wifi" or "wi-fi" or "wlan" or "pin") && before.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            var hit = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (word[0] >= 0x2E80 || ((hit == 0 || !char.IsLetter(text[hit - 1])) && (hit + word.Length == text.Length || !char.IsLetter(text[hit + word.Length])))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "login is hhoang.rentals / Oakland#Duplex4": in the cue's sentence, a user and a password joined by a spaced slash or
    /// a pipe, the password 6–40 characters with letters and a digit or a symbol, not the user again ("admin / admin": a
    /// device's default), not a word alone ("login / signup"), a placeholder or an upper-case name.
    /// </summary>
    private static bool LoginPair(ReadOnlySpan<char> text, int end)
    {
        var sentence = Sentence(text, end);
        for (var k = 1; k + 2 < sentence.Length; k++)
        {
            if (sentence[k] is not ('/' or '|') || sentence[k - 1] != ' ' || sentence[k + 1] != ' ')
            {
                continue;
            }

            var left = sentence[..(k - 1)];
            var user = left[(left.LastIndexOfAny(PairBreaks) + 1)..];
            var right = sentence[(k + 2)..];
            var stop = right.IndexOfAny(PairBreaks);
            var secret = (stop < 0 ? right : right[..stop]).TrimEnd(".,:;!?");
            if (user.Length >= 2 && secret.Length is >= 6 and <= 40 && !secret.Equals(user, StringComparison.OrdinalIgnoreCase) && PairSecret(secret) && !DummyValue(secret) && !Placeholder(secret))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PairSecret(ReadOnlySpan<char> secret)
    {
        int letters = 0, digits = 0, symbols = 0;
        foreach (var c in secret)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c is '/' or '\\' or '=')
            {
                return false;
            }
            else
            {
                symbols += c is '!' or '#' or '%' or '&' or '*' or '$' or '^' or '@' or '+' or '?' or '~' ? 1 : 0;
            }
        }

        return letters >= 3 && (digits >= 1 || symbols >= 1 || DashedPassphrase(secret)) && !Identifier(secret);
    }

    /// <summary>Three or more capitalised words of three letters or more joined by dashes ("Lantern-Moss-Tundra"): a passphrase.</summary>
    private static bool DashedPassphrase(ReadOnlySpan<char> secret)
    {
        var words = 0;
        foreach (var range in secret.Split('-'))
        {
            var word = secret[range];
            if (word.Length < 3 || !char.IsUpper(word[0]) || word[1..].IndexOfAnyExceptInRange('a', 'z') >= 0)
            {
                return false;
            }

            words++;
        }

        return words >= 3;
    }

    /// <summary>
    /// An exported cookie jar ("the extension gave me NetflixId=v%3D3%26ct%3D…; SecureNetflixId=…"): near the word "cookie", a
    /// name and a value of 24+ characters with letters and digits mixed as random text is. Not a short preference
    /// (<c>theme=dark</c>), an analytics counter of digits and dots (<c>_ga=GA1.2.1234567890.1234567890</c>), a placeholder.
    /// </summary>
    private static bool CookieJar(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - 300);
        var window = text[from..Math.Min(text.Length, at + 400)];
        for (var eq = window.IndexOf('='); eq >= 0; eq = window.IndexOf('=') is var next && next >= 0 ? next : -1)
        {
            var name = window[..eq];
            name = name[(name.LastIndexOfAny(PairBreaks) + 1)..];
            var rest = window[(eq + 1)..];
            var stop = rest.IndexOfAny(PairBreaks);
            var value = stop < 0 ? rest : rest[..stop];
            if (name.Length is >= 2 and <= 40 && char.IsAsciiLetter(name[0]) && CookieValue(value))
            {
                return true;
            }

            window = rest;
        }

        return false;
    }

    private static bool CookieValue(ReadOnlySpan<char> value)
    {
        if (value.Length < 24 || value[0] is '<' or '$' or '{' || value.Contains("://", StringComparison.Ordinal) || DummyValue(value))
        {
            return false;
        }

        int letters = 0, digits = 0, upper = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
                upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            }
            else if (c is not ('%' or '_' or '-' or '.' or '~' or '+' or '/' or '=' or '|'))
            {
                return false;
            }
        }

        return letters >= 12 && digits >= 4 && upper >= 3;
    }

    /// <summary>
    /// A password equal to the user name just before it in its line ("utilizador: admin / palavra-passe: admin"): a device's
    /// documented default, as <c>postgres:postgres@</c> is in a URL.
    /// </summary>
    private static bool SameAsUser(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 40)].TrimStart(" \t:=-—");
        foreach (var connector in (ReadOnlySpan<string>)["is ", "es ", "é ", "è ", "ist ", "est "])
        {
            if (after.StartsWith(connector, StringComparison.OrdinalIgnoreCase))
            {
                after = after[connector.Length..];
            }
        }

        // A quoted value ends at its closing quote ("è "admin" finché non la cambi"; probe 22).
        var close = after.Length > 1 && after[0] is '"' or '\'' or '“' or '«' ? after[1..].IndexOfAny("\"'”»") : -1;
        var stop = close > 0 ? close + 1 : after.IndexOfAny(PairBreaks);
        var value = (stop < 0 ? after : after[..stop]).Trim("'\"“«").TrimEnd(".,;!?");
        if (value.Length < 2)
        {
            return false;
        }

        return UserNamed(text, at, value) || RepeatedPair(value);
    }

    /// <summary>Whether a user noun before <paramref name="at"/> in its line is followed by <paramref name="value"/> (the password repeats the user name).</summary>
    internal static bool UserNamed(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> value)
    {
        var before = text[Math.Max(0, at - 80)..at];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        foreach (var noun in UserNouns)
        {
            var hit = before.IndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                continue;
            }

            var rest = before[(hit + noun.Length)..].TrimStart(" \t:=-—'\"");
            if (StartsWithWhole(rest, value))
            {
                return true;
            }

            // "l'utente è admin e la password è "admin"": the user's value past its connector (probe 22).
            var space = rest.IndexOf(' ');
            if (space > 0 && OneOf(rest[..space], Connectors) && StartsWithWhole(rest[(space + 1)..].TrimStart(" \t'\""), value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithWhole(ReadOnlySpan<char> rest, ReadOnlySpan<char> value) =>
        rest.StartsWith(value, StringComparison.OrdinalIgnoreCase) && (rest.Length == value.Length || !char.IsLetterOrDigit(rest[value.Length]));

    /// <summary>
    /// A card transaction's authorisation code on a receipt or statement ("VISA ************0388 APPROVED AUTH CODE 0K1922"): the
    /// line holds a masked card number or a receipt's words, so the code is the merchant's record, not a one-time code.
    /// </summary>
    private static bool ReceiptCode(ReadOnlySpan<char> text, int at)
    {
        // A verification code's own noun ("您的登录验证码为 730418 … 账户 186****2231") is a one-time code, whatever is masked beside it (probe 31: D37073).
        if (OneTimeCodeNoun(text[at..]))
        {
            return false;
        }

        var from = Math.Max(0, at - 120);
        var line = text[from..Math.Min(text.Length, at + 120)];
        var at2 = at - from;
        var start = line[..at2].LastIndexOfAny('\n', '\r') + 1;
        var stop = line[at2..].IndexOfAny('\n', '\r');
        line = line[start..(stop < 0 ? line.Length : at2 + stop)];

        // A receipt's words count in the code's own sentence: "your claim is approved (£742). Portal code 551039 to confirm" is an
        // insurer's message whose next sentence sends a one-time code (probe 36: D42271).
        var words = line[SentenceStart(line, at2 - start)..];
        return line.Contains("****", StringComparison.Ordinal) || line.Contains("XXXX", StringComparison.Ordinal) || MaskedCardLineBefore(text, at)
            || ContainsAny(words, ["approved", "subtotal", "merchant", "receipt", "genehmigt", "autorisé", "aprobado", "aprovado", "approvato"])
            // A slip's names in the ask that pastes it ("the approval code from this card slip:", "del ticket:"; probe 44).
            || ContainsAny(words, ["slip", "ticket", "kassenbon", "scontrino", "bonnetje", "paragon", "kvitto"])
            // A card slip's or a payment's words in Korean, Japanese and Chinese: "승인번호 30118274 으로 49,000원 결제" (probe 37: D43250).
            || ContainsAny(line, ["영수증", "결제", "일시불", "할부", "가맹점", "レシート", "領収", "一括払", "一括", "分割", "小票", "消费", "交易"])
            // A receipt prints "TERMINAL" or "Terminal ID"; "le terminal dit code faux" is a card's PIN refused (probe 18), and German's
            // noun "den Code für das Terminal" is the terminal the code was asked for (probe 44: D50380).
            || line.Contains("TERMINAL", StringComparison.Ordinal) || TerminalIdNamed(line);
    }

    /// <summary>"Terminal" as a receipt prints it, before its id: "Terminal ID", "Terminal-Nr.", "Terminal: 58213377", "Terminal #4".</summary>
    private static bool TerminalIdNamed(ReadOnlySpan<char> line)
    {
        var from = 0;
        while (line[from..].IndexOf("Terminal", StringComparison.Ordinal) is var hit and >= 0)
        {
            var rest = line[(from + hit + "Terminal".Length)..].TrimStart(" -:#");
            if (rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest.StartsWith("ID", StringComparison.Ordinal) || rest.StartsWith("Id", StringComparison.Ordinal)
                || rest.StartsWith("Nr", StringComparison.Ordinal) || rest.StartsWith("No", StringComparison.Ordinal) || rest.StartsWith("N°", StringComparison.Ordinal)))
            {
                return true;
            }

            from += hit + 1;
        }

        return false;
    }

    /// <summary>
    /// A slip's code printed on a line of its own in capitals ("AUTH CODE 08841C") with the masked card on the line before it
    /// ("VISA **** 4417 CONTACTLESS"; probe 44): a receipt's lines. A message in sentences ("Your code is 771204") is not.
    /// </summary>
    private static bool MaskedCardLineBefore(ReadOnlySpan<char> text, int at)
    {
        var lineStart = text[..at].LastIndexOfAny('\n', '\r') + 1;
        if (lineStart == 0 || at - lineStart > 16 || text[lineStart..at].ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var head = text[at..Math.Min(text.Length, at + 4)];
        if (head.ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var previous = text[Math.Max(0, lineStart - 80)..(lineStart - 1)];
        previous = previous[(previous.LastIndexOfAny('\n', '\r') + 1)..];
        return previous.Contains("****", StringComparison.Ordinal) || previous.Contains("XXXX", StringComparison.Ordinal);
    }

    // Where the sentence holding <paramref name="at"/> starts in <paramref name="line"/>: past the last ". " before a capitalised word
    // (not a receipt's capitals: "APPROVED. AUTH CODE 0K1922").
    private static int SentenceStart(ReadOnlySpan<char> line, int at)
    {
        for (var k = Math.Min(at, line.Length) - 2; k > 0; k--)
        {
            if (line[k] == '.' && line[k + 1] == ' ' && k + 3 < line.Length && char.IsUpper(line[k + 2]) && char.IsLower(line[k + 3]))
            {
                return k + 2;
            }
        }

        return 0;
    }
}
