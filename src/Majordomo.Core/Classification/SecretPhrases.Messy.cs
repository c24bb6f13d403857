using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Short messy messages (after the blind probe <c>sensitive-lookalikes-19</c>, docs/CLASSIFIER.md "Probe 19 read by category"):
/// phone typing, voice-to-text and chat transliteration. Secret nouns typed short or split ("pwd", "pass word", "security qs"),
/// transliterated into Latin letters (Russian and Ukrainian "parol", pinyin "mima", romaji "anshou bangou", Greeklish "kodikos",
/// Arabic chat "raqam el hawiya", Roman Urdu "cnic") with their particles ("shi", "wa", "hai", "einai") before the value; digits
/// told as transliterated or kana words ("dva chotyry visim odyn", "saat teen nau do", "なな・さん・いち"); a value corrected in the
/// same message ("… i mean 4926"); digits split over lines ("8 4 0⏎3 1 7"); a passphrase told as words run on to its digits
/// ("is purple monkey dish washer 88") or given in pieces with "all together"; a password named by what it opens ("пароль от
/// вайфая тыквенный_пирог9"). Not values: a trivial PIN taken back as a joke ("1234 lol jk").
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases: nouns typed short, split by voice typing, or written in Latin letters for another script.
    private static (string Phrase, Want Want)[] MessyPhrases() =>
    [
        // Short and split forms of the password's name.
        ("pwd", Want.Word), ("pswd", Want.Word), ("passwd", Want.Word), ("pword", Want.Word), ("pass word", Want.Word), ("pasword", Want.Word),
        ("passwrd", Want.Word), ("passowrd", Want.Word), ("pass code", Want.Word), ("pin no", Want.Digits), ("contrasenia", Want.Word),
        ("motdepasse", Want.Word), ("security qs", Want.Answer), ("security q's", Want.Answer), ("security q", Want.Answer), ("sec q", Want.Answer),
        ("sec qs", Want.Answer), ("secret q", Want.Answer),

        // Russian and Ukrainian in Latin letters.
        ("parol", Want.Word), ("parolь", Want.Word), ("kod iz sms", Want.Notice), ("kod podtverzhdeniya", Want.Notice), ("kod pidtverdzhennya", Want.Notice),
        ("pin kod", Want.Digits), ("nomer karty", Want.Digits), ("nomer karti", Want.Digits), ("snils", Want.Digits),

        // Pinyin.
        ("mima", Want.Word), ("yanzhengma", Want.Notice), ("yanzheng ma", Want.Notice), ("shenfenzheng", Want.Digits), ("shenfen zheng", Want.Digits),
        ("huzhao", Want.Digits), ("yinhangka", Want.Digits), ("kahao", Want.Digits),

        // Romaji.
        ("pasuwaado", Want.Word), ("pasuwado", Want.Word), ("pasuwādo", Want.Word), ("anshou bangou", Want.Digits), ("anshoubangou", Want.Digits),
        ("anshō bangō", Want.Digits), ("ansho bango", Want.Digits), ("mai nanbaa", Want.Digits), ("mainanbaa", Want.Digits), ("mai nanbā", Want.Digits),
        ("ninshou koodo", Want.Notice), ("ninshō kōdo", Want.Notice), ("ninsho kodo", Want.Notice), ("kakunin koodo", Want.Notice), ("koodo", Want.Digits),

        // Greeklish.
        ("kodikos", Want.Word), ("kwdikos", Want.Word), ("kodiko", Want.Word), ("kwdiko", Want.Word), ("amka", Want.Digits),
        ("taftotita", Want.Digits), ("tautotita", Want.Digits), ("diavatirio", Want.Digits), ("diavathrio", Want.Digits),

        // Arabic chat alphabet.
        ("raqam el hawiya", Want.Digits), ("ra2am el hawiya", Want.Digits), ("raqm el hawiya", Want.Digits), ("hawiya", Want.Digits), ("hawiyya", Want.Digits),
        ("hawiye", Want.Digits), ("raqam qawmi", Want.Digits), ("ra2am 2awmi", Want.Digits), ("raqam sirri", Want.Digits), ("ra2am sirri", Want.Digits),
        ("kelmet el ser", Want.Word), ("kelmet el sir", Want.Word), ("kalimat el sir", Want.Word), ("kalimat al sir", Want.Word), ("kilmet el sir", Want.Word),
        ("jawaz safar", Want.Digits), ("gawaz safar", Want.Digits),

        // Hindi, Urdu, Vietnamese, Korean and Turkish typed in Latin letters without their marks.
        ("cnic", Want.Digits), ("shanakhti", Want.Digits), ("aadhar", Want.Digits), ("adhar", Want.Digits), ("pan card", Want.Digits), ("mat khau", Want.Word),
        ("matkhau", Want.Word), ("ma pin", Want.Digits), ("ma otp", Want.Notice), ("ma xac nhan", Want.Notice), ("so tai khoan", Want.Digits), ("cccd", Want.Digits),
        ("cmnd", Want.Digits), ("bimilbeonho", Want.Word), ("bimilbunho", Want.Word), ("bibeon", Want.Word), ("injeungbeonho", Want.Notice), ("jumin beonho", Want.Digits),
        ("sifre", Want.Word), ("sifrem", Want.Word), ("sifresi", Want.Word),

        // Id acronyms typed in lower case: "dni" is also Polish for "days", so only a long value (eight characters or more) counts.
        ("dni", Want.Account), ("nric", Want.Account), ("curp", Want.Account), ("cuit", Want.Account), ("cuil", Want.Account), ("npwp", Want.Account),

        // French social security number typed short.
        ("num secu", Want.Digits), ("numero secu", Want.Digits), ("n° secu", Want.Digits), ("no secu", Want.Digits), ("secu", Want.Digits), ("sécu", Want.Digits),
    ];

    /// <summary>
    /// What a messy message holds after a secret noun besides <see cref="Value"/>: a value after transliteration particles or after
    /// what the password opens, digits told as transliterated or kana words, a correction, digits split over lines, a passphrase of
    /// words run on to its digits, pieces to be joined.
    /// </summary>
    private static bool MessyValue(ReadOnlySpan<char> text, int end, Want want)
    {
        if (want is not (Want.Word or Want.Digits or Want.Short or Want.Notice or Want.Lock))
        {
            return false;
        }

        var line = LineFrom(text, end, 120).TrimStart(" :：");
        // "暗証番号はなな・さん…", "密码是…": a CJK connector glued to the value.
        line = !line.IsEmpty && line[0] is 'は' or '是' or '为' or '는' or '은' or 'が' ? line[1..] : line;
        return SpokenDigits(line) || Corrected(text, end) || SplitOverLines(text, end) || JoinedPieces(text, end)
            || (want == Want.Word && (AfterParticles(line) || AfterWhatItOpens(line) || RunOnPassphrase(line)));
    }

    // The rest of the line from `from`, at most `limit` characters.
    private static ReadOnlySpan<char> LineFrom(ReadOnlySpan<char> text, int from, int limit)
    {
        var rest = text[from..Math.Min(text.Length, from + limit)];
        var stop = rest.IndexOfAny('\n', '\r');
        return stop < 0 ? rest : rest[..stop];
    }

    // Copulas a transliterated message puts between the noun and its value: "mima shi …", "password hai …", "kodikos einai …",
    // "pasuwaado wa …" (not a preposition or an article: "lösenord i BankID-appen" names where it is changed).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = FrozenSet.ToFrozenSet(
    [
        "shi", "wa", "desu", "hai", "he", "hy", "hay", "hain", "hua", "einai", "ine", "eto", "ye", "yeh", "hiya", "huwa", "howa", "heya", "ab",
        "now", "is", "its", "it's", "=",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "wo de weixin mima shi xiaoyu0612", "kodikos einai Kalokairi#24": one or two copulas, then a value that is not a plain word.
    private static bool AfterParticles(ReadOnlySpan<char> line)
    {
        var rest = line.TrimStart(" \t:");
        for (var n = 0; n < 3; n++)
        {
            var space = rest.IndexOf(' ');
            if (space <= 0 || !Particles.Contains(rest[..space].TrimEnd(":,")))
            {
                return n > 0 && rest.IndexOf('\\') < 0 && Candidate(rest, connector: false, plain: false) && !Handle(line, line.Length - rest.Length, 0);
            }

            rest = rest[space..].TrimStart(" \t:");
        }

        return false;
    }

    // What a password opens, named with a preposition: "пароль от вайфая тыквенный_пирог9", "password for netflix Kotik2015",
    // "contraseña del wifi pepito_2020": one or two words after the preposition, then a value that is not a plain word.
    private static readonly string[] OpensWords =
    [
        "for", "to", "of", "от", "для", "ot", "dlya", "del", "de", "du", "des", "für", "fürs", "vom", "do", "da", "dla", "för", "van", "voor", "di", "della",
        "dell", "dello", "ka", "ki", "ke", "tou", "tis", "apo",
    ];

    private static bool AfterWhatItOpens(ReadOnlySpan<char> line)
    {
        var rest = line.TrimStart(" \t");
        var space = rest.IndexOf(' ');
        if (space <= 0 || !OneOf(rest[..space], OpensWords))
        {
            return false;
        }

        rest = rest[space..].TrimStart(" \t");
        for (var words = 1; words <= 2; words++)
        {
            // The opened thing: a plain word ("вайфая", "netflix", "the"), then the value.
            var length = 0;
            while (length < rest.Length && char.IsLetter(rest[length]))
            {
                length++;
            }

            if (length == 0 || length >= rest.Length || rest[length] != ' ')
            {
                return false;
            }

            var at = line.Length - rest.Length + length;
            rest = rest[length..].TrimStart(" \t");
            if (!rest.IsEmpty && char.IsLetterOrDigit(rest[0]) && StrongChosen(rest) && !Handle(line, line.Length - rest.Length, 0) && !NamedHandle(line, at))
            {
                return true;
            }
        }

        return false;
    }

    // A chosen password right here: letters with two digits or more, or joined by '_', or a symbol inside; not a product and version,
    // an address or a path ("office365", "a@b.com", "v2.1").
    private static bool StrongChosen(ReadOnlySpan<char> rest)
    {
        var end = 0;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && rest[end] is not (',' or ';'))
        {
            end++;
        }

        var token = rest[..end].TrimEnd(".!?)");
        var letters = 0;
        var digits = 0;
        foreach (var c in token)
        {
            letters += char.IsLetter(c) ? 1 : 0;
            digits += char.IsDigit(c) ? 1 : 0;
        }

        if (token.Length < 6 || letters < 3 || token.IndexOfAny("@/.:") >= 0 || (digits <= 4 && BareTokenIsProduct(token)) || Placeholder(token) || AgeOrSpan(token))
        {
            return false;
        }

        return digits >= 2 || (digits >= 1 && token.IndexOfAny("_-!#$%&*") > 0);
    }

    /// <summary>"windows11", "office365", "python310": a name that takes a version, letters then one to three digits (the guide's look-alike).</summary>
    internal static bool ProductVersion(ReadOnlySpan<char> token)
    {
        var letters = 0;
        while (letters < token.Length && char.IsAsciiLetter(token[letters]))
        {
            letters++;
        }

        return letters >= 2 && token.Length - letters is >= 1 and <= 3 && token[letters..].IndexOfAnyExceptInRange('0', '9') < 0 && TechStems.Contains(token[..letters]);
    }

    // "windows11", "iPhone15": a name that takes a version.
    private static bool BareTokenIsProduct(ReadOnlySpan<char> token)
    {
        var letters = 0;
        while (letters < token.Length && char.IsLetter(token[letters]))
        {
            letters++;
        }

        for (var k = 1; k < letters; k++)
        {
            if (char.IsUpper(token[k]))
            {
                return true;
            }
        }

        return TechStems.Contains(token[..letters]);
    }

    // Words of a passphrase are not these: function words, counts and units of the policy ("is longer than 12", "has 2 numbers").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPassphraseWords = FrozenSet.ToFrozenSet(
    [
        "because", "than", "then", "with", "without", "has", "have", "had", "and", "or", "but", "plus", "every", "each", "after", "before", "about",
        "around", "under", "over", "into", "from", "like", "just", "only", "all", "my", "your", "our", "his", "her", "its", "the", "a", "an", "to",
        "for", "in", "on", "at", "of", "by", "up", "out", "when", "if", "so", "that", "this", "these", "those", "which", "what", "who", "how", "why",
        "where", "least", "most", "more", "less", "many", "much", "some", "any", "few", "characters", "chars", "digits", "letters", "numbers",
        "number", "words", "symbols", "days", "weeks", "months", "years", "times", "minutes", "hours", "long", "max", "min", "maximum", "minimum",
        "de", "del", "la", "el", "los", "las", "y", "o", "con", "sin", "para", "por", "que", "en", "un", "una", "muy", "le", "les", "et", "ou", "avec",
        "sans", "pour", "dans", "der", "die", "das", "und", "oder", "mit", "ohne", "für", "mehr", "als", "um", "e", "com", "sem", "um", "uma", "il",
        "di", "con", "per", "het", "een", "en", "met", "zonder", "voor", "since", "until", "expires", "expired", "changed", "reset", "set", "was",
        "were", "be", "been", "will", "would", "should", "must", "can", "could", "need", "needs", "required", "is", "are",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "my pass word is purple monkey dish washer 88 for the school portal": a connector, two to five plain words, then 2–4 digits
    // that end the clause or run into a preposition, not a unit ("… is longer than 12 characters" has no plain-word run).
    private static bool RunOnPassphrase(ReadOnlySpan<char> line)
    {
        Span<Range> parts = stackalloc Range[16];
        var count = line.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries);
        // The connector within five words ("pass word for the router is …").
        var k = 0;
        while (k < Math.Min(count, 5) && !IsConnector(line[parts[k]], out _))
        {
            k++;
        }

        if (k >= Math.Min(count, 5))
        {
            return false;
        }

        // "is now maple otter 64", "ist jetzt blaue Tasse 44", "ahora es perro verde 81": the word for now and the copula in either
        // order (SecretPhrases.OlderFiles).
        while (k + 1 < count && (OneOf(line[parts[k + 1]], NowWords) || IsConnector(line[parts[k + 1]], out _)))
        {
            k++;
        }

        var words = 0;
        for (k++; k < count; k++)
        {
            // A number closing the clause with its comma ("… gele fiets 27, de kinderen …").
            var token = line[parts[k]];
            var number = token.TrimEnd(",;");
            if (number.Length is >= 2 and <= 4 && number.IndexOfAnyExceptInRange('0', '9') < 0)
            {
                var next = k + 1 < count ? line[parts[k + 1]].TrimEnd(".,!?") : [];
                return words >= 2 && words <= 5 && !(number.Length == 4 && number[0] is '1' or '2' && number[1] is '9' or '0') && !OneOf(next, Units);
            }

            var plain = token.Length >= 3 && PlainWord(token) && !NotPassphraseWords.Contains(token) && !Listed(token);
            if (!plain)
            {
                return false;
            }

            words++;
        }

        return false;
    }

    // Digit words as chats write them in Latin letters (Russian, Ukrainian, Hindi and Urdu, Japanese, Chinese, Greek, Arabic, Turkish,
    // Vietnamese) and in kana. Read only after a secret noun: many are ordinary words elsewhere ("do", "go", "ni").
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ChatDigits = new (string Word, int Digit)[]
    {
        ("nol", 0), ("nul", 0), ("odin", 1), ("dva", 2), ("tri", 3), ("chetyre", 4), ("chetire", 4), ("pyat", 5), ("shest", 6), ("sem", 7), ("vosem", 8),
        ("devyat", 9), ("odyn", 1), ("try", 3), ("chotyry", 4), ("shist", 6), ("sim", 7), ("visim", 8), ("deviat", 9), ("devyat'", 9),
        ("shunya", 0), ("sifar", 0), ("ek", 1), ("do", 2), ("teen", 3), ("char", 4), ("chaar", 4), ("paanch", 5), ("panch", 5), ("chhe", 6), ("chhah", 6),
        ("che", 6), ("saat", 7), ("aath", 8), ("nau", 9),
        ("rei", 0), ("ichi", 1), ("ni", 2), ("san", 3), ("yon", 4), ("shi", 4), ("go", 5), ("roku", 6), ("nana", 7), ("shichi", 7), ("hachi", 8),
        ("kyuu", 9), ("kyu", 9), ("ku", 9),
        ("ling", 0), ("yi", 1), ("yao", 1), ("er", 2), ("liang", 2), ("si", 4), ("wu", 5), ("liu", 6), ("qi", 7), ("ba", 8), ("jiu", 9),
        ("miden", 0), ("mhden", 0), ("ena", 1), ("dyo", 2), ("dio", 2), ("tria", 3), ("tessera", 4), ("pente", 5), ("exi", 6), ("epta", 7), ("efta", 7),
        ("okto", 8), ("oxto", 8), ("ennea", 9), ("ennia", 9),
        ("sifr", 0), ("wahed", 1), ("wa7ed", 1), ("etneen", 2), ("itnein", 2), ("tnein", 2), ("talata", 3), ("tlata", 3), ("arba3a", 4), ("arba", 4),
        ("khamsa", 5), ("setta", 6), ("sitta", 6), ("sab3a", 7), ("tamanya", 8), ("tamanye", 8), ("tes3a", 9), ("tis3a", 9),
        ("sifir", 0), ("uc", 3), ("dort", 4), ("bes", 5), ("alti", 6),
        ("khong", 0), ("mot", 1), ("bon", 4), ("nam", 5), ("sau", 6), ("bay", 7), ("tam", 8), ("chin", 9),
        ("ぜろ", 0), ("れい", 0), ("まる", 0), ("いち", 1), ("に", 2), ("さん", 3), ("よん", 4), ("し", 4), ("ご", 5), ("ろく", 6), ("なな", 7), ("しち", 7),
        ("はち", 8), ("きゅう", 9), ("く", 9), ("ゼロ", 0), ("イチ", 1), ("ニ", 2), ("サン", 3), ("ヨン", 4), ("ゴ", 5), ("ロク", 6), ("ナナ", 7), ("ハチ", 8),
        ("キュウ", 9),
    }.ToFrozenDictionary(w => w.Word, w => w.Digit, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "pin-kod dva chotyry visim odyn", "pin hai saat teen nau do", "暗証番号はなな・さん・いち・きゅう": four to eight digit words in a
    // row (these or the corpus languages'), joined by spaces, commas, dashes or "・"; not counting in steps, not one word repeated.
    private static bool SpokenDigits(ReadOnlySpan<char> line)
    {
        Span<int> digits = stackalloc int[8];
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or ',' or '-' or '・' or '、' or '·')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '\'') && line[i] is not ('・' or '、'))
            {
                i++;
            }

            // Another mark ends the run ("." "?" "!" a bracket), as does a word that is no digit.
            var word = line[start..i];
            if (!word.IsEmpty && (ChatDigits.TryGetValue(word, out var digit) || Spelled.DigitWords.TryGetValue(word, out digit)))
            {
                if (count < 8)
                {
                    digits[count++] = digit;
                }

                continue;
            }

            if (Told(digits[..count]))
            {
                return true;
            }

            count = 0;
            i = Math.Max(i, start + 1);
        }

        return Told(digits[..count]);
    }

    private static bool Told(ReadOnlySpan<int> digits)
    {
        if (digits.Length < 4)
        {
            return false;
        }

        var step = digits[1] - digits[0];
        var steady = Math.Abs(step) <= 2;
        for (var k = 2; k < digits.Length; k++)
        {
            steady &= digits[k] - digits[k - 1] == step;
        }

        return !steady;
    }

    // Words that take back what was just said and give it again: "… i mean 4926", "no wait its 8812", "вернее 5521", "不对, 是 730491".
    private static readonly string[] Corrections =
    [
        "i mean", "i meant", "no wait", "wait no", "sorry", "sry", "correction", "oops", "actually", "no its", "no it's", "my bad", "ich meine", "nein warte",
        "korrektur", "quatsch", "je veux dire", "non attends", "pardon", "plutôt", "quiero decir", "no espera", "perdón", "mejor dicho", "digo",
        "quer dizer", "na verdade", "cioè", "anzi", "scusa", "ik bedoel", "nee wacht", "to znaczy", "znaczy", "poprawka", "то есть", "вернее",
        "точнее", "ой", "нет стоп", "to est", "vernee", "tochnee", "yani", "pardon", "不对", "我是说", "说错了", "bu dui", "budui", "じゃなくて", "間違えた",
        "janakute", "아니", "matlab", "nahi nahi", "galat", "ya3ni", "la2 la2", "suggnomi", "signomi",
    ];

    // A correction after the noun (same line or the next one) and a value right after it: four to eight digits, or a chosen token.
    private static bool Corrected(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 200)];
        var first = rest.IndexOfAny('\n', '\r');
        if (first >= 0)
        {
            var second = rest[(first + 1)..].IndexOfAny('\n', '\r');
            rest = second < 0 ? rest : rest[..(first + 1 + second)];
        }

        foreach (var marker in Corrections)
        {
            for (var from = 0; from < rest.Length;)
            {
                var hit = rest[from..].IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                if (hit < 0)
                {
                    break;
                }

                var at = from + hit;
                from = at + marker.Length;
                var cjk = marker[0] >= 0x2E80;
                if (!cjk && ((at > 0 && char.IsLetter(rest[at - 1])) || (from < rest.Length && char.IsLetter(rest[from]))))
                {
                    continue;
                }

                var after = rest[from..Math.Min(rest.Length, from + 32)].TrimStart(" ,.:!—-…");
                var skip = 0;
                while (skip < 2 && after.IndexOf(' ') is > 0 and var space && (Particles.Contains(after[..space].TrimEnd(",")) || IsConnector(after[..space], out _)))
                {
                    after = after[space..].TrimStart(" ,:");
                    skip++;
                }

                var clause = after[..SentenceEnd(after)];
                if (DigitValue(clause, pin: true) || StrongChosen(clause))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "the 2fa code is 8 4 0⏎3 1 7": a code's digits over two or three lines, each line only digits (single spaces between them),
    // four to twelve digits in all; not a row of a table (a line with more than four groups).
    private static bool SplitOverLines(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 80)];
        var lines = 0;
        var digitLines = 0;
        var digits = 0;
        foreach (var range in rest.Split('\n'))
        {
            var line = rest[range].Trim(" \t\r");
            if (lines++ == 0)
            {
                // The noun's own line: its connector, or what it opens before a colon ("kod do domofonu:"), then the first digits or nothing.
                var k = line.IndexOfAnyInRange('0', '9');
                var lead = (k < 0 ? line : line[..k]).Trim(" \t");
                if (lead.TrimEnd(" :=-").Length > 0 && !IsConnector(lead.TrimEnd(" :=-"), out _) && !(k < 0 && lead.EndsWith(':') && lead.IndexOfAny(".?!") < 0))
                {
                    return false;
                }

                if (k < 0)
                {
                    continue;
                }

                line = line[k..];
            }

            if (line.IsEmpty || line.IndexOfAnyExcept("0123456789 ") >= 0 || line.Count(' ') > 4)
            {
                break;
            }

            digits += line.Length - line.Count(' ');
            digitLines++;
        }

        return digitLines >= 2 && digits is >= 4 and <= 12;
    }

    // Telling pieces to be typed as one: "all together no spaces", "без пробелов", "todo junto", "连在一起".
    private static readonly string[] JoinWords =
    [
        "all together", "all one word", "no spaces", "without spaces", "no space", "zusammen geschrieben", "zusammengeschrieben", "ohne leerzeichen",
        "sans espace", "tout attaché", "tout collé", "todo junto", "sin espacios", "tudo junto", "sem espaço", "sem espaços", "tutto attaccato",
        "senza spazi", "aan elkaar", "zonder spaties", "razem", "bez spacji", "слитно", "без пробелов", "bitişik", "boşluksuz", "ihop", "utan mellanslag",
        "连在一起", "不带空格", "空白なし", "続けて", "붙여서", "띄어쓰기 없이", "bina space", "sab saath", "ek saath", "bez probelov", "slitno",
    ];

    private static readonly string[] JoinPolicyWords =
    [
        "must", "should", "need", "needs", "require", "required", "can't", "cannot", "allowed", "muss", "mindestens", "doit", "debe", "deve", "должен",
        "musi", "måste", "必须", "必要", "해야", "policy", "rule", "rules",
    ];

    // "pw:⏎horse⏎Lamp⏎42⏎!⏎all together no spaces": three or more short pieces after the noun, one with a digit or a symbol, then the
    // instruction to join them; not a policy ("must have no spaces").
    private static bool JoinedPieces(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 160)];
        var join = -1;
        foreach (var word in JoinWords)
        {
            var hit = rest.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit > 0 && (join < 0 || hit < join))
            {
                join = hit;
            }
        }

        if (join < 0)
        {
            return false;
        }

        var pieces = rest[..join];
        Span<Range> parts = stackalloc Range[24];
        var count = pieces.SplitAny(parts, " \t\r\n,", StringSplitOptions.RemoveEmptyEntries);
        var kept = 0;
        var marked = false;
        foreach (var range in parts[..count])
        {
            var piece = pieces[range].Trim(":=");
            if (piece.IsEmpty || IsConnector(piece, out _) || Particles.Contains(piece))
            {
                continue;
            }

            if (piece.Length > 12 || OneOf(piece, JoinPolicyWords))
            {
                return false;
            }

            marked |= piece.IndexOfAnyInRange('0', '9') >= 0 || piece.IndexOfAny("!#$%&*@?+") >= 0;
            kept++;
        }

        return kept is >= 3 and <= 12 && marked && count < 24;
    }

    // "my pin is 1234 lol jk": a trivial value taken back as a joke in its clause (a real PIN with "jk" after it stays a value).
    private static readonly string[] Retractions =
    [
        "jk", "j/k", "just kidding", "kidding", "not really", "lol no", "шучу", "es broma", "broma", "brincadeira", "zoeira", "scherz", "blague",
        "je rigole", "scherzo", "żart", "şaka", "skojar", "grapje", "开玩笑", "冗談", "농담",
    ];

    private static bool JokeValue(ReadOnlySpan<char> text, int end)
    {
        var rest = LineFrom(text, end, 60);
        var k = rest.IndexOfAnyInRange('0', '9');
        if (k < 0)
        {
            return false;
        }

        var length = rest[k..].IndexOfAnyExceptInRange('0', '9');
        var value = length < 0 ? rest[k..] : rest.Slice(k, length);
        if (!(value is "1234" or "0000" or "1111" or "12345" or "123456" or "4321" or "9999" or "000000" or "111111" or "2580"))
        {
            return false;
        }

        var after = rest[(k + value.Length)..];
        after = after[..Math.Min(after.Length, 24)];
        foreach (var word in Retractions)
        {
            var hit = after.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (word[0] >= 0x2E80 || ((hit == 0 || !char.IsLetter(after[hit - 1])) && (hit + word.Length == after.Length || !char.IsLetter(after[hit + word.Length])))))
            {
                return true;
            }
        }

        return false;
    }

    // Counts that follow digits told one by one: "4 4 7 1 steps today", "2 3 5 0 kcal" (SensitiveScanner.Dictated).
    private static readonly string[] CountNouns =
    [
        "steps", "step", "km", "kg", "kcal", "cal", "calories", "points", "pts", "likes", "followers", "views", "subs", "miles", "mi", "lbs", "reps",
        "laps", "votes", "people", "pages", "schritte", "pas", "pasos", "passos", "passi", "stappen", "kroków", "шагов", "шага", "adım", "steg",
        "步", "歩", "걸음", "yen", "円", "元", "руб", "rs",
    ];

    /// <summary>Digits told one by one followed by a count's noun or unit: a count, not a code.</summary>
    internal static bool CountAfter(ReadOnlySpan<char> after)
    {
        var length = 0;
        while (length < after.Length && (char.IsLetter(after[length]) || after[length] is '%' or '€' or '$'))
        {
            length++;
        }

        var word = after[..length];
        return !word.IsEmpty && (OneOf(word, CountNouns) || OneOf(word, Units) || (word[0] >= 0x2E80 && OneOf(word[..1], CountNouns)));
    }
}
