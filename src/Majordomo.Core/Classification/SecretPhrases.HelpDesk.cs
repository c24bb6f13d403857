using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// IT help desks and security teams (after the probe <c>sensitive-lookalikes-47</c>, docs/CLASSIFIER.md "Probe 47 read by category"):
/// a security question's answer given on the line after it (the model's question, the user's answer), a staff badge's number beside
/// its holder's name in a door or turnstile log, a vendor's default code still in use on a real device, a disk's recovery key told in
/// its groups, a pwdump line and a cracked password. Not values: a link, a Stripe publishable key, a count or a host named after a
/// secret's noun, an adjective built on it ("passwordless"), a secret's name ("secret name", "Key Vault"), a table cell's last word,
/// and a security question asked with no answer after it.
/// </summary>
internal static partial class SecretPhrases
{
    // In a class of their own: read by TriggerPhrases while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class HelpDeskWords
    {
        internal static readonly string[] SecurityQuestionNouns =
        [
            "security question", "secret question", "sicherheitsfrage", "question secrète", "question de sécurité", "pregunta de seguridad",
            "pregunta secreta", "pergunta de segurança", "pergunta secreta", "domanda di sicurezza", "domanda segreta", "beveiligingsvraag",
            "veiligheidsvraag", "pytanie bezpieczeństwa", "güvenlik sorusu", "контрольный вопрос", "секретный вопрос", "秘密の質問", "安全问题", "密保问题", "보안 질문",
        ];

        // A staff badge or access card: its number beside its holder's name in a log or a list.
        internal static readonly string[] BadgeNouns =
        [
            "badge", "crachá", "cracha", "ausweis", "mitarbeiterausweis", "dienstausweis", "tesserino", "toegangspas", "пропуск", "社員証", "入館証",
            "工卡", "工牌", "门禁卡", "출입증", "사원증",
        ];

        // A factory's setting named beside a code still in use (the word "default" alone is too common in code to start a check).
        internal static readonly string[] FactoryNouns = ["factory", "werks", "d'usine", "de fábrica", "di fabbrica", "fabrieks", "fabryczn", "заводск", "工場出荷", "出厂"];

        internal static readonly string[] RecoveryKeyNouns =
        [
            "recovery key", "recovery password", "bitlocker", "filevault", "wiederherstellungsschlüssel", "clé de récupération", "clave de recuperación",
            "chave de recuperação", "chiave di ripristino", "herstelsleutel", "klucz odzyskiwania", "ключ восстановления", "kurtarma anahtarı", "回復キー",
            "恢复密钥", "복구 키",
        ];

        // A password cracked out of a hash, and a cracking tool's output.
        internal static readonly string[] CrackedNouns =
        [
            "cracked", "gecrackt", "geknackt", "craqué", "crackeado", "crackeada", "crackato", "złamane", "złamano", "взломан", "hashcat", "クラック済", "已破解",
        ];

        internal static readonly string[] All = [.. SecurityQuestionNouns, .. BadgeNouns, .. FactoryNouns, .. RecoveryKeyNouns, .. CrackedNouns, PwdumpEnd];

        // HelpDeskAt runs at every trigger's start: a lookup of the first two characters, then one vectorised test, before the
        // StartsWith calls. The search alone (its lists hold non-ASCII words, matched ignoring case) cost ~150 ns at each of the
        // escaped code's "key" and "token" hits (twenty-fifth session).
        internal static readonly WordStarts Starts = new(All);

        internal static readonly SearchValues<string> Nouns = SearchValues.Create(All, StringComparison.OrdinalIgnoreCase);

        internal static readonly int LongestNoun = All.Max(noun => noun.Length);
    }

    // A pwdump line's end (user:rid:lm:nt:::).
    private const string PwdumpEnd = ":::";

    // The checks HelpDeskAt starts (added to TriggerPhrases).
    private static IEnumerable<string> HelpDeskTriggers => HelpDeskWords.All;

    /// <summary>The lists read through <see cref="WordStarts"/> (tests check their first three characters' folds).</summary>
    internal static IEnumerable<string> WordStartsLists => HelpDeskWords.All.Concat(ResearchTriggers).Concat(FinanceTriggers).Concat(FamilyWords.Contracts);

    /// <summary>The checks started by <see cref="HelpDeskTriggers"/>.</summary>
    private static bool HelpDeskAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        // Inside a word only the pwdump end or a CJK noun starts a check (below): tested before the search, the same answer.
        var inWord = at > 0 && char.IsLetter(text[at - 1]) && !IsCjk(text[at]);
        if (rest.Length < 3 || !HelpDeskWords.Starts.MayStart(rest) || (inWord && rest[0] != ':')
            || rest[..Math.Min(rest.Length, HelpDeskWords.LongestNoun)].IndexOfAny(HelpDeskWords.Nouns) != 0)
        {
            return false;
        }

        if (rest.StartsWith(PwdumpEnd, StringComparison.Ordinal))
        {
            return PwdumpLine(text, at);
        }

        if (inWord)
        {
            return false;
        }

        return NounAt(rest, HelpDeskWords.SecurityQuestionNouns) is > 0 and var question ? AnswerOnNextLine(text, at + question)
            : NounAt(rest, HelpDeskWords.BadgeNouns) is > 0 and var badge ? BadgeBesideName(text, at, at + badge)
            : NounAt(rest, HelpDeskWords.FactoryNouns) > 0 ? DefaultInUse(text, at)
            : NounAt(rest, HelpDeskWords.RecoveryKeyNouns) is > 0 and var key ? RecoveryKeyGroups(text[(at + key)..Math.Min(text.Length, at + key + 300)])
            : NounAt(rest, HelpDeskWords.CrackedNouns) is > 0 and var cracked && CrackedValue(text[(at + cracked)..Math.Min(text.Length, at + cracked + 400)]);
    }

    // The length of the first of <paramref name="nouns"/> <paramref name="rest"/> starts with, or 0.
    private static int NounAt(ReadOnlySpan<char> rest, string[] nouns)
    {
        foreach (var noun in nouns)
        {
            if (rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                return noun.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// A security question's line ends with its question mark and the next line answers it: a short first sentence that is no question,
    /// opens with no "I" or "no" and holds no negation ("St Aidan's Primary in Wigan.", "Se llamaba Canela."; not "I'd rather not say").
    /// </summary>
    private static bool AnswerOnNextLine(ReadOnlySpan<char> text, int end)
    {
        if (!QuestionEndsLine(text, end))
        {
            return false;
        }

        var line = LineFrom(text, end, 400);
        var next = text[(end + line.Length)..].TrimStart(" \t\r\n");
        var answer = LineFrom(next, 0, 120);
        var stop = answer.IndexOfAny(".!?。？");
        var first = (stop < 0 ? answer : answer[..(stop + 1)]).Trim();
        if (first.Length < 2 || first[^1] is '?' or '？' || !first.ContainsAnyExcept(" .!"))
        {
            return false;
        }

        var word = first[..Math.Max(1, first.IndexOfAny(" ,'’") is var space and > 0 ? space : first.Length)];
        return !OneOf(word.TrimEnd(".,!"), NotAnswerStarts) && !WholeWordsIn(first, Negations) && !first.Contains("n't", StringComparison.OrdinalIgnoreCase);
    }

    // The rest of the noun's line holds a question mark and ends with it (the question asked, its answer not on the line).
    private static bool QuestionEndsLine(ReadOnlySpan<char> text, int end)
    {
        var line = LineFrom(text, end, 400).TrimEnd();
        return line.Length > 0 && line[^1] is '?' or '？';
    }

    private static readonly string[] NotAnswerStarts =
    [
        "i", "i'd", "i'm", "i've", "sorry", "no", "nope", "why", "what", "how", "which", "can", "could", "is", "ich", "die", "das", "was", "wie", "warum",
        "kann", "je", "j'ai", "pourquoi", "quoi", "yo", "por", "qué", "eu", "io", "ik", "nee", "я", "我", "私", "저는", "hmm", "um", "wait",
    ];

    private static readonly string[] Negations =
    [
        "not", "never", "nicht", "nie", "kein", "keine", "pas", "jamais", "nunca", "não", "mai", "niet", "nooit", "не", "нет", "don't", "dont",
    ];

    /// <summary>
    /// A badge's number (four digits or more, a letter prefix allowed) right after its noun, and its holder's name right after the
    /// number on the line ("Badge 004417  Marta Kowal", "Crachá 88213 – Ana Paula Rocha", "社員証 S-204417 山口 智子") or before the noun.
    /// </summary>
    private static bool BadgeBesideName(ReadOnlySpan<char> text, int at, int end)
    {
        var line = LineFrom(text, end, 160);
        var i = line.IndexOfAnyExcept(" \t:#.-nNoOrº°");
        if (i < 0 || i > 12)
        {
            return false;
        }

        var id = line[i..];
        var length = id.IndexOfAnyExcept(BadgeIdChars);
        length = length < 0 ? id.Length : length;
        var digits = 0;
        foreach (var c in id[..length])
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        if (length > 16 || digits < 4)
        {
            return false;
        }

        return NameOpens(id[length..].TrimStart(" \t–—-:,|(")) || NameEnds(text[Math.Max(0, at - 60)..at].TrimEnd(" \t–—-:,|(").TrimEnd(" \t"));
    }

    private static readonly SearchValues<char> BadgeIdChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    // Two capitalised words ("Marta Kowal"), or a CJK name of two to four characters.
    private static bool NameOpens(ReadOnlySpan<char> s)
    {
        if (s.Length >= 2 && IsCjk(s[0]))
        {
            var run = 0;
            while (run < s.Length && IsCjk(s[run]))
            {
                run++;
            }

            return run is >= 2 and <= 4;
        }

        var first = CapitalisedWord(s);
        return first > 0 && first < s.Length && s[first] == ' ' && CapitalisedWord(s[(first + 1)..]) > 0;
    }

    // Two capitalised words closing the text ("Marta Kowal" before ", badge 004417").
    private static bool NameEnds(ReadOnlySpan<char> s)
    {
        var space = s.LastIndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var before = s[..space];
        var start = before.LastIndexOfAny(" \t\n(") + 1;
        return CapitalisedWord(s[(space + 1)..]) == s.Length - space - 1 && CapitalisedWord(before[start..]) == before.Length - start;
    }

    // The length of a capitalised word at the start ("Kowal", "O'Neill"), or 0.
    private static int CapitalisedWord(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || !char.IsUpper(s[0]) || !char.IsLower(s[1]))
        {
            return 0;
        }

        var i = 1;
        while (i < s.Length && (char.IsLetter(s[i]) || (s[i] is '\'' or '’' or '-' && i + 1 < s.Length && char.IsLetter(s[i + 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// A factory's setting named in a sentence that also gives a secret's noun, a value (four to eight digits or a quoted word) and says
    /// the device still runs on it ("the admin PIN is still 000000, the factory default, and they've been using it"); not a manual or a
    /// checklist naming the default (docs/LABELLING.md: a vendor's default in use is a weak code someone really uses).
    /// </summary>
    private static bool DefaultInUse(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - 160);
        var before = text[from..at];
        var start = from + before.LastIndexOfAny(".!?\n") + 1;
        var after = text[at..Math.Min(text.Length, at + 200)];
        var stop = SentenceEnd(after);
        var next = after[Math.Min(after.Length, stop + 1)..];
        var sentence = text[start..(at + stop)];
        var followed = next[..SentenceEnd(next)];
        return WordIn(sentence, DefaultSecretNouns) && (DigitRun(sentence, 4, 8) || QuotedDefault(sentence) || SpacedPair(sentence))
            && (ContainsAny(sentence, StillInUseCues) || ContainsAny(followed, StillInUseCues)) && !ContainsAny(sentence, ManualCues);
    }

    private static readonly string[] DefaultSecretNouns =
    [
        "pin", "password", "passcode", "passwort", "kennwort", "mastercode", "code", "login", "mot de passe", "senha", "contraseña", "clave", "codice",
        "wachtwoord", "hasło", "пароль", "パスワード", "密码", "비밀번호",
    ];

    private static readonly string[] StillInUseCues =
    [
        "still", "nobody changed", "never changed", "been using", "using it", "in use", "immer noch", "nie jemand", "nie geändert", "seit jahren",
        "toujours", "utilise", "ainda", "exposta", "exposed", "sigue", "todavía", "ancora", "nog steeds", "nadal", "wciąż", "до сих пор", "まだ", "仍然", "还在", "아직",
    ];

    private static readonly string[] ManualCues =
    [
        "manual", "docs", "handbuch", "manuel", "datasheet", "documentation", "dokumentation", "checklist", "ships with", "vêm com", "livrent",
        // Probe 55: the manual in Italian, Dutch, Polish and German's other nouns.
        "manuale", "libretto", "handleiding", "instrukcja", "instrukcji", "anleitung", "bedienungsanleitung", "instrucciones",
    ];

    // A run of <paramref name="min"/> to <paramref name="max"/> ASCII digits standing alone.
    private static bool DigitRun(ReadOnlySpan<char> s, int min, int max)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsLetterOrDigit(s[i - 1])))
            {
                continue;
            }

            var run = s[i..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? s.Length - i : run;
            if (run >= min && run <= max && (i + run == s.Length || !char.IsLetter(s[i + run])))
            {
                return true;
            }

            i += run;
        }

        return false;
    }

    // A word of three to twenty characters between single or double quotes ("'password'").
    private static bool QuotedDefault(ReadOnlySpan<char> s)
    {
        var open = s.IndexOfAny("'\"‘“");
        while (open >= 0 && open + 1 < s.Length)
        {
            var close = s[(open + 1)..].IndexOfAny("'\"’”");
            if (close is >= 3 and <= 20 && !s.Slice(open + 1, close).Contains(' '))
            {
                return true;
            }

            var nextOpen = s[(open + 1)..].IndexOfAny("'\"‘“");
            open = nextOpen < 0 ? -1 : open + 1 + nextOpen;
        }

        return false;
    }

    // A user and a password joined by a spaced slash ("admin / 12345"); not the user again ("ubnt / ubnt": a default, docs/LABELLING.md).
    private static bool SpacedPair(ReadOnlySpan<char> s)
    {
        var slash = s.IndexOf(" / ", StringComparison.Ordinal);
        if (slash <= 0 || !char.IsLetter(s[slash - 1]) || slash + 3 >= s.Length || !char.IsLetterOrDigit(s[slash + 3]))
        {
            return false;
        }

        var left = s[..slash];
        var user = left[(left.LastIndexOf(' ') + 1)..];
        var right = s[(slash + 3)..];
        var stop = right.IndexOfAny(" ,;.");
        return !user.Equals(stop < 0 ? right : right[..stop], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A disk's recovery key in its groups after its noun: six groups or more of six digits (BitLocker's 48 digits) or five or more of four
    /// capitals and digits (FileVault's), joined by dashes.
    /// </summary>
    private static bool RecoveryKeyGroups(ReadOnlySpan<char> window) => KeyGroups(window, 6, 6, digitsOnly: true) || KeyGroups(window, 4, 5, digitsOnly: false);

    private static bool KeyGroups(ReadOnlySpan<char> window, int size, int groups, bool digitsOnly)
    {
        var count = 0;
        var digits = false;
        for (var i = 0; i + size <= window.Length;)
        {
            var group = window.Slice(i, size);
            var fits = (i == 0 || !char.IsLetterOrDigit(window[i - 1]) || count > 0)
                && (digitsOnly ? group.IndexOfAnyExceptInRange('0', '9') < 0 : group.IndexOfAnyExcept(BadgeIdChars) < 0 && !group.Contains('-'))
                && (i + size == window.Length || !char.IsLetterOrDigit(window[i + size]));
            if (!fits)
            {
                (count, digits) = (0, false);
                i++;
                continue;
            }

            digits |= group.IndexOfAnyInRange('0', '9') >= 0;
            if (++count >= groups && digits)
            {
                return true;
            }

            i += size;
            if (i >= window.Length || window[i] != '-')
            {
                (count, digits) = (0, false);
                continue;
            }

            i++;
        }

        return false;
    }

    /// <summary>
    /// A pwdump line closing at <paramref name="at"/>: a user, a number and two hashes of 32 hex digits ("svc_backup:1107:aad3…:e19c…:::"),
    /// the NT hash logs in as the password does (pass-the-hash).
    /// </summary>
    private static bool PwdumpLine(ReadOnlySpan<char> text, int at)
    {
        var line = text[Math.Max(0, at - 160)..at];
        line = line[(line.LastIndexOfAny('\n', '\r') + 1)..].TrimStart();
        var nt = line.LastIndexOf(':');
        if (nt < 0 || !Hex(line[(nt + 1)..], 32))
        {
            return false;
        }

        var lm = line[..nt].LastIndexOf(':');
        if (lm < 0 || !Hex(line[(lm + 1)..nt], 32))
        {
            return false;
        }

        var rid = line[..lm].LastIndexOf(':');
        return rid > 0 && line[(rid + 1)..lm].Length > 0 && line[(rid + 1)..lm].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool Hex(ReadOnlySpan<char> s, int length) =>
        s.Length == length && s.IndexOfAnyExcept(HexDigits) < 0 && s.IndexOfAnyExcept('0') >= 0;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// A cracked password in the lines after a cracking word: "svc_backup → Backup2019!", "helpdesk -> Winter2025#", or a hash of 32, 40
    /// or 64 hex digits with its plain text after a colon (hashcat's "1f38…:marguerite77").
    /// </summary>
    private static bool CrackedValue(ReadOnlySpan<char> window)
    {
        foreach (var arrow in CrackArrows)
        {
            foreach (var hit in Occurrences(window, arrow))
            {
                if (CrackedToken(window[(hit + arrow.Length)..].TrimStart(' ')))
                {
                    return true;
                }
            }
        }

        foreach (var range in window.Split('\n'))
        {
            var line = window[range].Trim();
            var colon = line.IndexOf(':');
            if (colon is 32 or 40 or 64 && Hex(line[..colon], colon) && CrackedToken(line[(colon + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] CrackArrows = ["→", "->", "=>"];

    // A password's token: 4 to 40 characters up to a space, letters with a digit or a symbol, not a placeholder nor another hash.
    private static bool CrackedToken(ReadOnlySpan<char> s)
    {
        var stop = s.IndexOfAny(" \t\r\n");
        var token = (stop < 0 ? s : s[..stop]).TrimEnd(".,;");
        return token.Length is >= 4 and <= 40 && token.ContainsAnyExcept(HexDigits) && char.IsLetterOrDigit(token[0])
            && token.IndexOfAnyInRange('0', '9') >= 0 && token.ContainsAnyInRange('A', 'z') && !Placeholder(token);
    }

    /// <summary>The guards of <see cref="Check"/> for help desks' and security teams' texts (see the class's summary).</summary>
    private static bool HelpDeskNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        AdjectiveOfNoun(text, at, end, phrase) || NextWordIn(text, end, NounQualifiers) || (phrase == "key" && NextWordIn(text, end, ["vault"]))
        || CellEndsAtNoun(text, at, end) || (want == Want.Answer && QuestionAsked(text, at, end, phrase)) || MaskedValueGone(text, at, end, phrase, want);

    // "security question: what was the name of your first school?": the question asked, the noun (or an answer's noun inside the question,
    // "… what was your childhood best friend's name?") ending its line with the question mark; the answer, if any, is read on the next
    // line by AnswerOnNextLine.
    private static bool QuestionAsked(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (!QuestionEndsLine(text, end) || LineFrom(text, end, 400).IndexOfAny(".!。") >= 0)
        {
            return false;
        }

        if (OneOf(phrase, HelpDeskWords.SecurityQuestionNouns))
        {
            return QuestionOpens(LineFrom(text, end, 400));
        }

        var head = text[Math.Max(0, at - 200)..at];
        head = head[(head.LastIndexOfAny('\n', '\r') + 1)..];
        foreach (var noun in HelpDeskWords.SecurityQuestionNouns)
        {
            var k = head.IndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (k >= 0 && QuestionOpens(head[(k + noun.Length)..]) && head[(k + noun.Length)..].IndexOfAny(".!。") < 0)
            {
                return true;
            }
        }

        return false;
    }

    // After the noun (past a colon), a question's word opens the text.
    private static bool QuestionOpens(ReadOnlySpan<char> rest)
    {
        var line = rest.TrimStart(" :：-—");
        var word = line[..Math.Max(0, line.IndexOfAny(" ,'’") is var space and > 0 ? space : line.Length)];
        return OneOf(word, QuestionWords);
    }

    private static readonly string[] QuestionWords =
    [
        "what", "what's", "which", "where", "who", "in", "how", "wie", "was", "welche", "welcher", "welches", "wo", "wer", "quel", "quelle", "quels", "où",
        "comment", "cuál", "cual", "cómo", "como", "dónde", "qué", "qual", "quale", "dove", "chi", "wat", "welke", "waar", "jak", "jaki", "jaka", "gdzie",
        "как", "какой", "какая", "где",
    ];

    // "passwordless", "passwortlose": the noun grown into an adjective that says there is none.
    private static bool AdjectiveOfNoun(ReadOnlySpan<char> text, int at, int end, string phrase) =>
        phrase[0] < 0x2E80 && end - at > phrase.Length
        && (text[at..end].EndsWith("less", StringComparison.OrdinalIgnoreCase) || text[(at + phrase.Length)..end].StartsWith("los", StringComparison.OrdinalIgnoreCase));

    // Words after a secret's noun that make it a count or a name: "password count hits 5", "secret name is 'bg-admin'".
    private static readonly string[] NounQualifiers =
    [
        "count", "counter", "counts", "attempts", "attempt", "tries", "failures", "zähler", "versuche", "fehlversuche", "compteur", "tentatives", "contador",
        "intentos", "tentativi", "name", "names", "named", "-name", "-namen",
    ];

    // The next word after the noun (past spaces, or glued by a dash: "Secret-Name") is one of <paramref name="words"/>.
    private static bool NextWordIn(ReadOnlySpan<char> text, int end, string[] words)
    {
        var rest = text[end..Math.Min(text.Length, end + 24)];
        var dash = rest.Length > 0 && rest[0] is '-' or '_';
        rest = rest.TrimStart(" -_");
        var length = rest.IndexOfAnyExcept(LetterChars);
        var word = length < 0 ? rest : rest[..length];
        return (OneOf(word, words) || (dash && OneOf(word, ["name", "namen"]))) && (rest.Length == word.Length || rest[word.Length] != '=');
    }

    private static readonly SearchValues<char> LetterChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzäöüÄÖÜéèàç");

    // "| Revoke MFA devices and app passwords | IT Operations |": the noun closes a cell of two words or more; the next cell is another column.
    private static bool CellEndsAtNoun(ReadOnlySpan<char> text, int at, int end)
    {
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        var after = text[end..Math.Min(text.Length, end + 4)].TrimStart(' ');
        if (after.IsEmpty || after[0] != '|')
        {
            return false;
        }

        var before = text[Math.Max(0, at - 120)..at];
        var cell = before[(before.LastIndexOfAny('|', '\n') + 1)..].Trim();
        return before.LastIndexOf('|') > before.LastIndexOf('\n') && cell.Count(' ') >= 1;
    }
    /// <summary>
    /// The value read after the noun is gone once what only looks like one is blanked: a link (not one with a user or a query's value,
    /// "hxxp://o365-keep-password[.]top/confirm"), a Stripe publishable key with Stripe on its line, a CJK count ("2048个词"), a host
    /// or an account named after a preposition ("LAPS password on FH-LT-0419", "Kennwort auf SRV-FS-03"). The text is read again, up to
    /// 320 characters past the noun, with those blanked.
    /// </summary>
    private static bool MaskedValueGone(ReadOnlySpan<char> text, int at, int end, string phrase, Want want)
    {
        var limit = Math.Min(text.Length, end + 320);
        var buffer = ArrayPool<char>.Shared.Rent(limit);
        try
        {
            var copy = buffer.AsSpan(0, limit);
            text[..limit].CopyTo(copy);
            var masked = MaskLinks(copy, end) | MaskPublishable(copy, end) | (phrase[0] >= 0x2E80 && MaskCounts(copy, end)) | MaskHost(copy, end);
            return masked && !(ValueAfter(copy, at, end, phrase, want) || TurkishYearCode(copy, at, end, phrase));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static readonly string[] LinkStarts = ["://", "[.]", "www."];

    private static bool MaskLinks(Span<char> copy, int from)
    {
        var masked = false;
        foreach (var start in LinkStarts)
        {
            for (var hit = copy[from..].IndexOf(start, StringComparison.OrdinalIgnoreCase); hit >= 0;)
            {
                var at = from + hit;
                var left = at;
                while (left > from && !LinkStop(copy[left - 1]))
                {
                    left--;
                }

                var right = at;
                while (right < copy.Length && !LinkStop(copy[right]))
                {
                    right++;
                }

                // A user's password, a query's value or a magic link's token may ride in the link: kept for the other rules.
                if (copy[left..right].IndexOfAny('@', '=') < 0 && !LongToken(copy[left..right]))
                {
                    copy[left..right].Fill(' ');
                    masked = true;
                }

                var next = copy[right..].IndexOf(start, StringComparison.OrdinalIgnoreCase);
                hit = next < 0 ? -1 : right - from + next;
            }
        }

        return masked;
    }

    // A run of sixteen letters and digits or more, with both, in a link's path ("…/magic-login/7719023348851-b1f6a3c9e0d7…").
    private static bool LongToken(ReadOnlySpan<char> link)
    {
        for (var i = 0; i < link.Length;)
        {
            var run = Run(link[i..], AlphaNumerics);
            if (run >= 16 && link.Slice(i, run).ContainsAnyInRange('0', '9') && link.Slice(i, run).ContainsAnyExceptInRange('0', '9'))
            {
                return true;
            }

            i += Math.Max(run, 1);
        }

        return false;
    }

    private static readonly SearchValues<char> AlphaNumerics = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static bool LinkStop(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '(' or ')' or '«' or '»' or '“' or '”' or '`';

    private static bool MaskPublishable(Span<char> copy, int from)
    {
        var masked = false;
        foreach (var prefix in (string[])["pk_live_", "pk_test_"])
        {
            for (var hit = copy[from..].IndexOf(prefix, StringComparison.Ordinal); hit >= 0;)
            {
                var at = from + hit;
                var length = Run(copy[at..], TokenCharacters);
                if (StripeInLine(copy, at))
                {
                    copy.Slice(at, length).Fill(' ');
                    masked = true;
                }

                var next = copy[(at + length)..].IndexOf(prefix, StringComparison.Ordinal);
                hit = next < 0 ? -1 : at + length - from + next;
            }
        }

        return masked;
    }

    private static readonly SearchValues<char> TokenCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private static int Run(ReadOnlySpan<char> s, SearchValues<char> chars)
    {
        var stop = s.IndexOfAnyExcept(chars);
        return stop < 0 ? s.Length : stop;
    }

    // A CJK counter or number word after digits: "2048个词", "8文字", "10亿次", "3500个字".
    private static readonly SearchValues<char> CjkCounters = SearchValues.Create("个位次种字词名台件人回桁通亿万億千百文秒分年月天");

    private static bool MaskCounts(Span<char> copy, int from)
    {
        var masked = false;
        for (var i = from; i < copy.Length; i++)
        {
            if (!char.IsAsciiDigit(copy[i]) || (i > from && char.IsAsciiDigit(copy[i - 1])))
            {
                continue;
            }

            var run = Run(copy[i..], Digits);
            var after = i + run;
            if (after < copy.Length && CjkCounters.Contains(copy[after]))
            {
                copy.Slice(i, run).Fill(' ');
                masked = true;
            }

            i = after - 1;
        }

        return masked;
    }

    // Prepositions that name where a password belongs, and the nouns of a device or an account after them.
    private static readonly string[] HostPrepositions = ["on", "of", "auf", "von", "vom", "du", "de", "del", "da", "di", "do", "dla", "на", "для", "op", "van"];

    private static readonly string[] HostNouns =
        ["compte", "account", "konto", "cuenta", "conta", "device", "gerät", "server", "host", "machine", "laptop", "pc", "user", "benutzer", "usuario", "utilisateur"];

    private static bool MaskHost(Span<char> copy, int end)
    {
        var i = end;
        var preposition = NextWord(copy, ref i);
        if (!OneOf(preposition, HostPrepositions))
        {
            return false;
        }

        var j = i;
        if (OneOf(NextWord(copy, ref j), HostNouns))
        {
            i = j;
        }

        while (i < copy.Length && copy[i] == ' ')
        {
            i++;
        }

        var length = Run(copy[i..], HostChars);
        var host = copy.Slice(i, length);
        if (length < 3 || !host.ContainsAnyInRange('A', 'z') || host.IndexOfAny("-_0123456789") < 0)
        {
            return false;
        }

        host.Fill(' ');
        return true;
    }

    private static readonly SearchValues<char> HostChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    // The word (letters) after the spaces at <paramref name="i"/>; <paramref name="i"/> moves past it.
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        return text[start..i];
    }
}
