using System.Buffers;
using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Home, utilities, telecoms and smart homes (after the probe <c>sensitive-lookalikes-54</c>, docs/CLASSIFIER.md "Probe 54 read by
/// category"): the one-off codes that move a phone number or a line to another provider (a PAC or STAC, an overstapcode, a French
/// RIO, Japan's MNP 予約番号 and 転用承諾番号), a provider's code word told, a portal's activation code further on in its sentence, an
/// insurance policy by the nouns the policy table lacked (German "-Police", Vietnamese "số hợp đồng bảo hiểm", Romanian "polița"), a
/// pay-TV card's number printed in groups, a vendor's default log-in still in use. Not values: a meter's serial after "matricola", a
/// broadband account's number (a customer number), an OpenWrt section's name after "wifi-iface", a utility's account number.
/// </summary>
internal static partial class SecretPhrases
{
    // In a class of their own: read by TriggerPhrases while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class HomeWords
    {
        // Codes that move a number or a line to another provider: whoever holds one moves it (docs/LABELLING.md, probe 54). "PAC",
        // "STAC" and "RIO" count only in capitals (not "Rio", "pac-man").
        internal static readonly string[] PortingNouns =
        [
            "PAC", "pac code", "porting code", "porting authorisation code", "porting authorization code", "switching code", "STAC", "keep my number",
            "keep the number", "transfer pin", "port-out pin", "port out pin", "number transfer pin", "overstapcode", "RIO", "code rio",
            "nip de portabilidad", "código de portabilidad", "código de portabilidade", "codice di trasferimento", "予約番号", "転用承諾番号",
            "事業者変更承諾番号", "携号转网授权码", "转网授权码",
        ];

        // An insurance policy by nouns the policy table lacks; read with an insurance word near (Vietnamese "số hợp đồng" is any contract).
        internal static readonly string[] PolicyNouns =
        [
            "số hợp đồng bảo hiểm", "hợp đồng bảo hiểm số", "số hợp đồng", "polița", "poliță", "politei", "poliței", "nomor polis", "no. polis",
            "kötvényszám", "číslo poistky",
        ];

        // A pay-TV card's number by the nouns the pay-TV list lacks or reads only unspaced; read with a pay-TV word near.
        internal static readonly string[] PayTvNouns = ["viewing card", "tessera sky", "tessera del decoder", "tessera decoder", "smartcard", "smart card", "carte canal", "numéro de carte canal"];

        // A provider's code word or spoken password told (a telecom's, an energy supplier's hotline).
        internal static readonly string[] CodeWordNouns =
        [
            "кодове слово", "кодового слова", "кодовое слово", "кодового слова", "контрольне слово", "контрольное слово", "code word", "codeword",
            "kennwort für die hotline", "hasło do infolinii", "hasło telefoniczne", "telephone password", "phone password", "spoken password",
        ];

        // A portal's one-off activation or registration code, whose value may stand further on in its sentence ("…, cel din scrisoare: EN-7QK2-XP44").
        internal static readonly string[] ActivationNouns =
        [
            "codul de activare", "cod de activare", "codul de înregistrare", "cod de înregistrare", "kod aktywacyjny", "kodu aktywacyjnego",
            "aktivační kód", "aktivačního kódu", "código de ativação", "codigo de ativacao", "aktiváló kód", "aktivációs kód", "código de activación",
            "codice di attivazione", "code d'activation", "aktivierungscode", "activeringscode", "activation code", "registration code",
        ];

        // A vendor's default user name at the start of a log-in pair ("admin/admin", "root:root").
        internal static readonly string[] DefaultUsers = ["admin", "root"];

        internal static readonly string[] All = [.. PortingNouns, .. PolicyNouns, .. PayTvNouns, .. CodeWordNouns, .. ActivationNouns, .. DefaultUsers];

        // Their first three characters in lower case: HomeAt runs at every trigger's start ("key", "token", "pass" in code), so one set
        // lookup turns those away before any StartsWith (a multi-string search over nouns in five scripts loses its vectorised path; issue 16).
        internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Starts =
            All.Select(noun => noun[..3].ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // The checks HomeAt starts (added to TriggerPhrases).
    private static IEnumerable<string> HomeTriggers => HomeWords.All;

    /// <summary>The checks started by <see cref="HomeTriggers"/>: a porting or an activation code, a policy's or a pay-TV card's number, a code word, a default log-in in use.</summary>
    private static bool HomeAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        Span<char> start = stackalloc char[3];
        if (rest.Length < 4 || rest[..3].ToLowerInvariant(start) < 3 || !HomeWords.Starts.Contains(start) || !HomeNounStarts(text, at))
        {
            return GermanPolicyAt(text, at);
        }

        return Matched(text, at, HomeWords.PortingNouns) is { } porting && PortingNounHere(text, at, porting) && CodeAfterNoun(text, at + porting.Length, 90)
            || Matched(text, at, HomeWords.ActivationNouns) is { } activation && CodeAfterNoun(text, at + activation.Length, 90)
            || Matched(text, at, HomeWords.PolicyNouns) is { } policy && StemNear(text, at, PolicyCues, 120) && CodeAfterNoun(text, at + policy.Length, 90)
            || Matched(text, at, HomeWords.PayTvNouns) is { } card && ContainsStem(text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 200)], PayTvWords) && CodeAfterNoun(text, at + card.Length, 90)
            || Matched(text, at, HomeWords.CodeWordNouns) is { } word && CodeWordTold(text, at + word.Length)
            || Matched(text, at, HomeWords.DefaultUsers) is { } user && DefaultPairInUse(text, at, at + user.Length)
            || GermanPolicyAt(text, at);
    }

    // A noun starts a word (CJK needs no boundary), and the capitals' acronyms stand in capitals.
    private static bool HomeNounStarts(ReadOnlySpan<char> text, int at) => text[at] >= 0x2E80 || at == 0 || !char.IsLetterOrDigit(text[at - 1]) || text[at - 1] >= 0x2E80;

    private static string? Matched(ReadOnlySpan<char> text, int at, string[] nouns)
    {
        foreach (var noun in nouns)
        {
            var acronym = noun.AsSpan().IndexOfAnyInRange('a', 'z') < 0 && noun[0] < 0x2E80;
            if (text[at..].StartsWith(noun, acronym ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)
                && (at + noun.Length == text.Length || !char.IsLetter(text[at + noun.Length]) || text[at + noun.Length] >= 0x2E80 || noun[0] >= 0x2E80))
            {
                return noun;
            }
        }

        return null;
    }

    private static readonly string[] PolicyCues = ["bảo hiểm", "asigur", "asuransi", "biztosít", "poist", "insur", "versicher"];

    // "予約番号" is a hotel's or a clinic's too: a number's porting only with MNP before it.
    private static bool PortingNounHere(ReadOnlySpan<char> text, int at, string noun) =>
        noun != "予約番号" || text[Math.Max(0, at - 40)..at].Contains("MNP", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// German's policy as the second half of a compound or before its number's abbreviation ("Wohngebäude-Police ist AS-4471882-19",
    /// "Police Nr. HR-20938471"): the English word (the police) has neither.
    /// </summary>
    private static bool GermanPolicyAt(ReadOnlySpan<char> text, int at)
    {
        if (!text[at..].StartsWith("Police", StringComparison.Ordinal) || (at + 6 < text.Length && char.IsLetter(text[at + 6])))
        {
            return false;
        }

        var compound = at > 1 && text[at - 1] == '-' && char.IsLetter(text[at - 2]);
        var numbered = text[(at + 6)..].StartsWith(" Nr", StringComparison.Ordinal) || text[(at + 6)..].StartsWith("-Nr", StringComparison.Ordinal)
            || text[(at + 6)..].StartsWith("nummer", StringComparison.Ordinal);
        return (compound || numbered) && CodeAfterNoun(text, at + 6, 60);
    }

    // What opens a next sentence that gives the number ("It's 7 447 188 230 4", "Số của mình là BV-NH-…").
    private static readonly string[] GivingOpeners = ["it's", "it’s", "it is", "that's", "c'est", "es ist", "das ist", "số của", "số là", "é o", "è il", "es el"];

    /// <summary>
    /// The first code after the noun ending at <paramref name="end"/>, within <paramref name="reach"/> characters, in the noun's sentence
    /// or in the next when that one opens by giving it (or follows a CJK noun): capitals and digits in groups joined by single spaces or
    /// dashes, six characters or more and three digits or more ("LMN 482 917", "ZG48-KQ7T-M2", "2447188230", "7 447 188 230 4"). Not a
    /// date, a format counting up ("ABC 123456") or one after an example's word.
    /// </summary>
    private static bool CodeAfterNoun(ReadOnlySpan<char> text, int end, int reach)
    {
        var window = text[end..Math.Min(text.Length, end + reach)];
        var stop = HomeSentenceEnd(window);
        if (stop >= 0)
        {
            var next = window[(stop + 1)..].TrimStart(" \t");
            var cjk = end > 0 && text[end - 1] >= 0x2E80;
            var opens = false;
            foreach (var opener in GivingOpeners)
            {
                opens |= next.StartsWith(opener, StringComparison.OrdinalIgnoreCase);
            }

            if (!(cjk || opens) || window[stop] == '\n')
            {
                window = window[..stop];
            }
            else
            {
                var second = HomeSentenceEnd(window[(stop + 1)..]);
                window = second >= 0 ? window[..(stop + 1 + second)] : window;
            }
        }

        for (var i = 0; i < window.Length; i++)
        {
            if (!(char.IsAsciiDigit(window[i]) || char.IsAsciiLetterUpper(window[i])) || (i > 0 && char.IsLetterOrDigit(window[i - 1]) && window[i - 1] < 0x2E80))
            {
                continue;
            }

            var j = i;
            int alnum = 0, digits = 0;
            var word = false;
            while (j < window.Length)
            {
                var c = window[j];
                if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
                {
                    alnum++;
                    digits += char.IsAsciiDigit(c) ? 1 : 0;
                    j++;
                }
                else if (char.IsAsciiLetterLower(c))
                {
                    word = true; // "Giffgaff", "Police": a word, not a code
                    break;
                }
                else if (c is ' ' or '-' && j + 1 < window.Length && (char.IsAsciiDigit(window[j + 1]) || char.IsAsciiLetterUpper(window[j + 1])) && j > i)
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            var code = window[i..j].TrimEnd(" -");
            if (!word && alnum >= 6 && digits >= 3 && !DateShaped(code) && !CountingCode(code) && !ExampleBefore(window[..i]))
            {
                return true;
            }

            i = j;
        }

        return false;
    }

    // A sentence's end in a window: a line break, a CJK or a question's mark, or a full stop after a word of three letters or more
    // (not "Nr.", "n.", "e.g.").
    private static int HomeSentenceEnd(ReadOnlySpan<char> window)
    {
        for (var k = 0; k < window.Length; k++)
        {
            var c = window[k];
            if (c is '\n' or '。' or '？' or '！' or '?' or '!'
                || (c == '.' && k >= 3 && char.IsLetter(window[k - 1]) && char.IsLetter(window[k - 2]) && char.IsLetter(window[k - 3]) && (k + 1 == window.Length || window[k + 1] == ' ')))
            {
                return k;
            }
        }

        return -1;
    }

    private static bool DateShaped(ReadOnlySpan<char> code) =>
        code.IndexOfAnyExcept("0123456789-") < 0 && code.Count('-') == 2 && code.Length is 8 or 10;

    // Every digit counting up or one repeated ("123456", "0000 0000"): a format's example.
    private static bool CountingCode(ReadOnlySpan<char> code)
    {
        Span<char> digits = stackalloc char[code.Length];
        var n = 0;
        foreach (var c in code)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }

        return TrivialCode(digits[..Math.Min(n, 8)]) || (n > 8 && digits[..n].IndexOfAnyExcept(digits[0]) < 0);
    }

    private static readonly string[] HomeExampleWords = ["e.g.", "eg.", "example", "format", "z. b.", "z.b.", "beispiel", "exemple", "ejemplo", "esempio", "exemplo", "voorbeeld", "例"];

    private static bool ExampleBefore(ReadOnlySpan<char> before) => ContainsStem(before, HomeExampleWords);

    /// <summary>
    /// A code word's value in its sentence after the noun ending at <paramref name="end"/>: a quoted word ("«каштан1987»", "„Lindenblatt7“"),
    /// or a word of letters and digits ("Gooseberry44"). "Что такое кодовое слово" gives none.
    /// </summary>
    private static bool CodeWordTold(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var stop = HomeSentenceEnd(window);
        window = stop >= 0 ? window[..stop] : window;
        for (var i = 0; i < window.Length; i++)
        {
            if (window[i] is '«' or '"' or '“' or '„' or '\'')
            {
                var close = window[(i + 1)..].IndexOfAny("»\"”“'");
                if (close is >= 3 and <= 40 && window.Slice(i + 1, close).IndexOf(' ') < 0 && !Placeholder(window.Slice(i + 1, close)))
                {
                    return true;
                }
            }

            if (char.IsLetter(window[i]) && (i == 0 || !char.IsLetterOrDigit(window[i - 1])))
            {
                var length = window[i..].IndexOfAnyExcept(WordAndDigitChars);
                var token = length < 0 ? window[i..] : window.Slice(i, length);
                if (token.Length is >= 6 and <= 40 && token.IndexOfAnyInRange('0', '9') > 0 && char.IsLetter(token[0]) && char.IsAsciiDigit(token[^1]) && !Placeholder(token))
                {
                    return true;
                }

                i += token.Length;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> WordAndDigitChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяАБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ");

    // The default passwords a vendor ships with, in a log-in pair after a default user.
    private static readonly string[] DefaultPasswords = ["admin", "root", "password", "1234", "12345", "123456", "0000", "default", "guest", "toor", "pass"];

    // Words saying the pair logged in or is still in use, besides StillInUseWords.
    private static readonly string[] LoginInUseCues = ["login ok", "logged in", "login successful", "logs in with", "since 20", "seit 20", "depuis 20", "desde 20"];

    /// <summary>
    /// A vendor's default log-in pair at the user ending at <paramref name="end"/> ("admin/admin", "admin / admin", "root:root", "admin/12345")
    /// said to be still in use in its sentence ("never changed", "immer noch", "LOGIN OK"): a weak code someone really uses
    /// (docs/LABELLING.md, probe 47). The same pair in a manual or a checklist is a default named.
    /// </summary>
    private static bool DefaultPairInUse(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 40)];
        var skip = after.StartsWith(" / ", StringComparison.Ordinal) ? 3 : after.Length > 0 && after[0] is '/' or ':' ? 1 : WordPairSkip(after);
        if (skip < 0)
        {
            return false;
        }

        var password = after[skip..];
        var length = password.IndexOfAnyExcept(WordAndDigitChars);
        password = length < 0 ? password : password[..length];
        var known = false;
        foreach (var word in DefaultPasswords)
        {
            known |= password.Equals(word, StringComparison.OrdinalIgnoreCase);
        }

        if (!known)
        {
            return false;
        }

        // Said in the pair's own sentence: "the manual says the default is admin/admin. Is that still true?" names a default.
        var line = LineAround(text, at, out var offset);
        var from = line[..offset].LastIndexOfAny(".?!") + 1;
        var stop = HomeSentenceEnd(line[offset..]);
        var sentence = line[from..(stop >= 0 ? offset + stop : line.Length)];
        return ContainsAny(sentence, StillInUseWords) || ContainsStem(sentence, LoginInUseCues);
    }

    private static readonly string[] PairJoins = [" et ", " and ", " y ", " und ", " e ", " en ", " i "];

    private static readonly string[] PasswordNounsInPair = ["mot de passe", "password", "passwort", "kennwort", "contraseña", "senha", "wachtwoord", "hasło"];

    // "admin et le mot de passe admin": a join, a password's noun and then the password (the characters to skip to it, or -1).
    private static int WordPairSkip(ReadOnlySpan<char> after)
    {
        var joined = false;
        foreach (var join in PairJoins)
        {
            joined |= after.StartsWith(join, StringComparison.OrdinalIgnoreCase);
        }

        if (!joined)
        {
            return -1;
        }

        foreach (var noun in PasswordNounsInPair)
        {
            var hit = after.IndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (hit > 0 && hit + noun.Length + 1 < after.Length && after[hit + noun.Length] == ' ')
            {
                return hit + noun.Length + 1;
            }
        }

        return -1;
    }

    // A user's default taken as the password stays a secret when its line says it is still in use ("sigue con usuario 1234 y contraseña
    // 1234 de fábrica", "toujours l'identifiant admin et le mot de passe admin"; docs/LABELLING.md, probe 47).
    private static bool DefaultStillInUse(ReadOnlySpan<char> text, int at) => ContainsAny(LineAround(text, at, out _), StillInUseWords);

    // An upper-case noun of Latin letters with CJK or kana on one side and no Latin letter or digit on the other.
    private static bool GluedToCjk(ReadOnlySpan<char> text, int at, string phrase)
    {
        var end = at + phrase.Length;
        var cjkBefore = at > 0 && text[at - 1] >= 0x2E80 && char.IsLetter(text[at - 1]);
        var cjkAfter = end < text.Length && text[end] >= 0x2E80 && char.IsLetter(text[end]);
        return (cjkBefore || cjkAfter) && phrase is not ("tan" or "nie") && text.Slice(at, phrase.Length).IndexOfAnyInRange('a', 'z') < 0
            && (at == 0 || cjkBefore || !char.IsAsciiLetterOrDigit(text[at - 1])) && (end == text.Length || cjkAfter || !char.IsAsciiLetterOrDigit(text[end]));
    }

    // The line around a position, at most 200 characters each way, and the position within it.
    private static ReadOnlySpan<char> LineAround(ReadOnlySpan<char> text, int at, out int offset)
    {
        var before = text[Math.Max(0, at - 200)..at];
        var after = text[at..Math.Min(text.Length, at + 200)];
        var start = before.LastIndexOf('\n') + 1;
        var stop = after.IndexOf('\n');
        offset = before.Length - start;
        return text[(at - offset)..(stop < 0 ? at + after.Length : at + stop)];
    }

    /// <summary>
    /// The guards of <see cref="NotAValue"/> for homes and telecoms: a meter's serial after "matricola" (a meter's, not a person's), a
    /// broadband account's number (a customer number), an OpenWrt section's name after "wifi-iface", a utility's account number.
    /// </summary>
    private static bool HomeTelecomNotValue(ReadOnlySpan<char> text, int at, int end, string phrase) =>
        (phrase.StartsWith("matricola", StringComparison.Ordinal) || phrase == "numero di matricola") && MeterNamed(text, at, end)
        || (phrase == "conta" && text[at..].StartsWith("contatore", StringComparison.OrdinalIgnoreCase)) // Italian's meter, not Portuguese's account
        || (phrase is "账号" or "帐号" && at >= 2 && text[(at - 2)..at] is "宽带" or "寬帶")
        || (phrase is "number" or "account number" or "account" && StemNear(text, at, BroadbandWords, 40) && !StemNear(text, at, LineBankWords, 120))
        || (phrase is "wifi" or "wi-fi" && (text[end..].StartsWith("-iface", StringComparison.OrdinalIgnoreCase) || text[end..].StartsWith("-device", StringComparison.OrdinalIgnoreCase)))
        || UtilityAccountAfter(text, end);

    private static bool MeterNamed(ReadOnlySpan<char> text, int at, int end) =>
        text[end..Math.Min(text.Length, end + 16)].TrimStart(" :").StartsWith("contatore", StringComparison.OrdinalIgnoreCase)
        || text[end..Math.Min(text.Length, end + 16)].TrimStart(" :").StartsWith("del contatore", StringComparison.OrdinalIgnoreCase)
        || text[Math.Max(0, at - 16)..at].Contains("contatore", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] BroadbandWords = ["broadband", "fibre", "fiber", "breitband", "glasfaser", "宽带", "寬帶"];

    private static readonly string[] LineBankWords = ["bank", "iban", "sort code", "routing", "banco", "banque", "password", "passwort", "密码"];

    // A utility's or a telecom's account or contract by its noun with the utility named ("رقم حساب الكهرباء", "Número de contrato de
    // Iberdrola", "Vertragskonto … bei E.ON"): a customer number (docs/LABELLING.md), in the languages the English bill rule lacks.
    private static readonly string[] UtilityAccountNouns =
        ["حساب", "contrato", "contract", "contrat", "contratto", "vertragskonto", "vertragsnummer", "kundenkonto", "account number", "account no"];

    private static readonly string[] UtilityNames =
    [
        "كهرباء", "الكهرباء", "مياه", "المياه", "ديوا", "dewa", "iberdrola", "endesa", "naturgy", "edp", "enel", "e.on", "eon", "vattenfall", "edf",
        "engie", "octopus", "british gas", "hera", "iren", "a2a", "luz", "electricidad", "gas", "strom", "wasser", "électricité", "luce", "bolletta",
        "electricity", "energy", "water", "stadtwerke",
    ];

    /// <summary>The first number within 40 characters after the noun ending at <paramref name="end"/> is a utility's account.</summary>
    private static bool UtilityAccountAfter(ReadOnlySpan<char> text, int end)
    {
        var digit = text[end..Math.Min(text.Length, end + 40)].IndexOfAnyInRange('0', '9');
        return digit >= 0 && UtilityAccountAt(text, end + digit);
    }

    /// <summary>
    /// The digits at <paramref name="start"/> follow, within 48 characters, a utility account's or contract's noun with a utility named in
    /// the same stretch or just after the number, and no bank's word stands within 120 characters.
    /// </summary>
    internal static bool UtilityAccountAt(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 48)..start];
        var newline = before.LastIndexOf('\n');
        before = newline >= 0 ? before[(newline + 1)..] : before;
        if (!ContainsStem(before, UtilityAccountNouns))
        {
            return false;
        }

        var after = text[start..Math.Min(text.Length, start + 24)];
        return (WordIn(before, UtilityNames) || WordIn(after, UtilityNames)) && !StemNear(text, start, LineBankWords, 120)
            && !text[Math.Max(0, start - 120)..Math.Min(text.Length, start + 120)].Contains("sort code", StringComparison.OrdinalIgnoreCase);
    }
}
