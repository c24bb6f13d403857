using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Security answers told as stories, after the blind probe <c>sensitive-lookalikes-17</c> (docs/CLASSIFIER.md, "Conversations"):
/// a person tells the answer to a security question in passing, before or after naming the question, anywhere in the same turn
/// ("we named the goldfish Bubbles, and that's the answer to my bank's security question", "güvenlik sorusu 'ilk okulun', cevap
/// Atatürk İlkokulu", "…秘密の質問の答えもそれ"). Read over the cue's line: a name after a naming verb (up to three words between), a
/// quoted name, a capitalised name after an answer word, or a name the line's first pet, car or school is said to be. And the
/// guard beside it: a first pet, car or school told with no security, bank or login cue near it is a memory, not an answer.
/// </summary>
internal static partial class SecretPhrases
{
    // Security questions by more forms (Russian's and English's "secret question", Turkish inflections); appended to Phrases.
    private static (string Phrase, Want Want)[] StoryPhrases() =>
    [
        ("secret question", Want.Answer), ("секретный вопрос", Want.Answer), ("секретного вопроса", Want.Answer), ("секретные вопросы", Want.Answer),
        ("güvenlik soru", Want.Answer), // the Romance plurals are SecretPhrases.AgentTraffic's
        ("보안질문", Want.Answer), ("密保问题", Want.Answer), ("安全問題", Want.Answer),
    ];

    // The nouns of a question told with its answer ("security question", "question secrète"): the story rule reads their line.
    private static readonly string[] StoryCues =
    [
        "security question", "security answer", "secret answer", "secret question", "pregunta de seguridad", "preguntas de seguridad",
        "respuesta de seguridad", "sicherheitsfrage", "sicherheitsantwort", "question de sécurité", "questions de sécurité", "question secrète",
        "questions secrètes", "réponse secrète", "pergunta de segurança", "perguntas de segurança", "resposta de segurança", "domanda di sicurezza",
        "domande di sicurezza", "risposta di sicurezza", "beveiligingsvraag", "pytanie bezpieczeństwa", "pytanie pomocnicze", "контрольный вопрос",
        "секретный вопрос", "секретного вопроса", "секретные вопросы", "säkerhetsfråga", "güvenlik sorusu", "güvenlik soru", "安全问题", "密保",
        "密保问题", "安全問題", "秘密の質問", "보안 질문", "보안질문",
    ];

    private static readonly FrozenSet<string> StoryCueSet = StoryCues.ToFrozenSet(StringComparer.Ordinal);

    // A person's history that security questions ask for: alone it is a memory ("our first dog was called …"), not an answer.
    private static readonly string[] HistoryNouns =
    [
        "first pet", "first dog", "first cat", "first school", "childhood best friend", "childhood friend", "favourite teacher", "favorite teacher",
        "primer perro", "primera mascota", "erstes haustier", "premier animal", "primeiro animal", "primo animale",
    ];

    // What puts a history noun in an account's context: security, questions and answers, banks, accounts, logins, in the corpus languages.
    private static readonly string[] SecurityContext =
    [
        "secur", "sicher", "sécur", "segur", "sicurezz", "question", "pregunt", "pergunt", "frage", "domand", "вопрос", "answer", "respuest",
        "réponse", "antwort", "rispost", "respost", "antwoord", "ответ", "bank", "banco", "banque", "банк", "account", "konto", "cuenta",
        "compte", "conta ", "login", "log in", "sign in", "passw", "contrase", "mot de passe", "senha", "пароль", "recover", "verif", "memorable",
        "reset", "güvenlik", "soru", "cevap", "질문", "보안", "質問", "秘密", "问题", "密保", "银行", "銀行", "은행",
    ];

    private static bool HistoryNoun(string phrase) => Array.IndexOf(HistoryNouns, phrase) >= 0;

    /// <summary>Whether an account's context (security, a question, a bank, a login) stands within 300 characters of a history noun.</summary>
    private static bool SecurityCue(ReadOnlySpan<char> text, int at, int end)
    {
        var near = text[Math.Max(0, at - 300)..Math.Min(text.Length, end + 300)];
        foreach (var cue in SecurityContext)
        {
            if (near.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A security question's answer told anywhere in the cue's line (at most 200 characters either side): a name after a naming
    /// verb, a quoted name, a capitalised name after an answer word, or a name given to a first pet, car or school.
    /// </summary>
    private static bool StoryValue(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        // A set lookup instead of ~37 string compares at every hit of a noun (issue 16 item 4); ordinal, as Array.IndexOf's.
        if (!StoryCueSet.Contains(phrase))
        {
            return false;
        }

        var from = Math.Max(0, at - 200);
        var lineStart = text[from..at].LastIndexOfAny('\n', '\r');
        var before = text[(lineStart < 0 ? from : from + lineStart + 1)..at];
        var to = Math.Min(text.Length, end + 200);
        var lineEnd = text[end..to].IndexOfAny('\n', '\r');
        var after = text[end..(lineEnd < 0 ? to : end + lineEnd)];
        return NamedAfterVerb(before) || NamedAfterVerb(after) || QuotedName(before) || QuotedName(after) || AnswerName(before) || AnswerName(after)
            || NameAfterColon(after) || HistoryName(before) || HistoryName(after);
    }

    // "we called him Rusty", "on a appelé notre premier chat Moustache-Caramel": a naming verb, up to three lower-case words, a name.
    private static bool NamedAfterVerb(ReadOnlySpan<char> line) => NameAfterCue(line, history: false);

    // "наш первый кот был Барсик-Пушок", "our first goldfish was Captain Fins": "first" and a name in the four words after it.
    private static bool HistoryName(ReadOnlySpan<char> line) => NameAfterCue(line, history: true);

    // A cue word and a name a few words after it: after a naming verb only lower-case words may come between; after "first"
    // any word may, but a sentence's end ends the search (the next sentence's first word is capitalised for its place).
    private static bool NameAfterCue(ReadOnlySpan<char> line, bool history)
    {
        var since = -1;
        foreach (var range in line.Split(' '))
        {
            var token = line[range].Trim(".,;:!?()'\"«»“”");
            if (token.IsEmpty)
            {
                continue;
            }

            if (since >= 0 && ProperName(token))
            {
                return true;
            }

            since = history
                ? line[range][^1] is '.' or '!' or '?' or ')' ? -1 : OneOf(token, Firsts) ? 0 : since >= 0 && since < 3 ? since + 1 : -1
                : IsNamingVerb(token) ? 0 : since >= 0 && since < 3 && char.IsLower(token[0]) ? since + 1 : -1;
        }

        return false;
    }

    private static bool IsNamingVerb(ReadOnlySpan<char> token)
    {
        foreach (var verb in NamingVerbs)
        {
            if (token.Equals(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A name: three letters or more, a capital first and a lower-case letter after it (not an acronym), not a listed word.
    private static bool ProperName(ReadOnlySpan<char> token) =>
        token.Length >= 3 && char.IsUpper(token[0]) && char.IsLetter(token[1]) && (token[1..].ContainsAnyInRange('a', 'z') || HasLowerNonAscii(token[1..])) && !Listed(token);

    private static bool HasLowerNonAscii(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c > 0x7F && char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    // 'Vauxhall Nova', «Minou», 「コタロウ」: a quoted name of up to four words, not a quoted question ('name of your first pet').
    private static bool QuotedName(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is not ('\'' or '"' or '«' or '「' or '『' or '“' or '„' or '‘') || (line[i] == '\'' && i > 0 && char.IsLetter(line[i - 1])))
            {
                continue;
            }

            var value = line[(i + 1)..];
            var close = value.IndexOfAny("'\"»」』”“’");
            if (close < 2 || close > 40)
            {
                continue;
            }

            var quoted = value[..close];
            if (quoted.IndexOfAny("?？") >= 0 || quoted.Count(' ') > 3)
            {
                continue;
            }

            var trimmed = quoted.Trim();
            var space = trimmed.IndexOfAny(' ', '-');
            if (IsCjk(quoted[0]) ? quoted.IndexOfAny("何誰どこ什么哪谁무엇어디누구") < 0 : ProperName(space > 0 ? trimmed[..space] : trimmed))
            {
                return true;
            }
        }

        return false;
    }

    // "cevap Nermin Hanım", "la risposta è Tigli": a name within 60 characters after an answer word.
    private static bool AnswerName(ReadOnlySpan<char> line)
    {
        foreach (var word in (ReadOnlySpan<string>)["answer", "respuesta", "réponse", "antwort", "resposta", "risposta", "antwoord", "odpowied", "ответ", "cevap", "svar"])
        {
            var hit = line.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(line[hit - 1])) && NameIn(line[(hit + word.Length)..]))
            {
                return true;
            }
        }

        return false;
    }

    // "domanda di sicurezza: la via dove è cresciuto, via dei Tigli 9": the cue's colon or dash (within 24 characters), then a name.
    private static bool NameAfterColon(ReadOnlySpan<char> after)
    {
        // The colon may follow the question's owner: "pregunta de seguridad de mi cuenta: …".
        var head = after[..Math.Min(after.Length, 24)];
        var colon = head.IndexOfAny(":—–=");
        return colon >= 0 && head[..colon].IndexOfAny(".!?") < 0 && NameIn(after[(colon + 1)..]);
    }

    // A name in the first 60 characters, not the first word of a sentence (capitalised for its place).
    private static bool NameIn(ReadOnlySpan<char> rest)
    {
        rest = rest[..Math.Min(rest.Length, 60)];
        var first = rest.TrimStart(' ') is ['.' or '!' or '?', ..];
        foreach (var range in rest.Split(' '))
        {
            var raw = rest[range];
            var token = raw.Trim(".,;:!?()'\"«»“”");
            if (!token.IsEmpty && !first && ProperName(token))
            {
                return true;
            }

            if (!raw.IsEmpty)
            {
                first = raw[^1] is '.' or '!' or '?';
            }
        }

        return false;
    }

    private static readonly string[] Firsts =
    [
        "first", "premier", "première", "primer", "primera", "primeiro", "primeira", "primo", "prima", "erste", "ersten", "erster", "erstes", "eerste",
        "pierwszy", "pierwsza", "första", "первый", "первая", "первого", "первой", "первую", "ilk",
    ];
}
