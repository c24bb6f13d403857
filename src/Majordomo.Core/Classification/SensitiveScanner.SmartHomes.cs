using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Smart homes' codes and tokens the readers missed (after the probe <c>sensitive-lookalikes-38</c>, docs/CLASSIFIER.md "Probe 38 read
/// by category"): a lock's user code in YAML service data, spaced or bare (<c>usercode: "44 91 20"</c>); a roster of user codes in
/// brackets ("slot 2 nanny Teresa (551830), slot 3 my mum (1947)"); the codes a lock's tool returns when the request names the lock
/// elsewhere ("открыт кодом 4417", <c>{"nom":"Papa","code":"771204"}</c>); a device's local token passed beside its address
/// (<c>Vacuum("192.168.31.88", "4f6c…7e30")</c>); a pupil's UPN or INE by its acronym.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// A lock code's value in YAML or unquoted service data at the digit <paramref name="start"/>: a key of <see cref="LockCodeKeys"/>,
    /// a colon, an optional quote, then four to eight digits (in groups of two or three apart by single spaces), then the quote, a
    /// comma, a brace or the line's end — in a lock's context like <see cref="LockCodeField"/>.
    /// </summary>
    internal static bool LockCodeYaml(ReadOnlySpan<char> text, int start)
    {
        var j = start - 1;
        var quote = j >= 0 && text[j] is '"' or '\'' ? text[j--] : '\0';
        while (j >= 0 && text[j] == ' ')
        {
            j--;
        }

        if (j < 1 || text[j] != ':' || text[j - 1] == '"')
        {
            return false;
        }

        var keyEnd = j;
        j--;
        while (j >= 0 && (char.IsAsciiLetter(text[j]) || text[j] == '_'))
        {
            j--;
        }

        if (!SecretPhrases.OneOf(text[(j + 1)..keyEnd], LockCodeKeys))
        {
            return false;
        }

        int i = start, digits = 0;
        while (i < text.Length && digits <= 8)
        {
            var run = text[i..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? text.Length - i : run;
            digits += run;
            i += run;
            if (run < 2 || i + 1 >= text.Length || text[i] != ' ' || quote == '\0' || !char.IsAsciiDigit(text[i + 1]))
            {
                break;
            }

            i++;
        }

        if (digits is < 4 or > 8 || (quote != '\0' && (i >= text.Length || text[i] != quote)))
        {
            return false;
        }

        var after = quote != '\0' ? i + 1 : i;
        if (after < text.Length && text[after] is not ('\n' or '\r' or ',' or '}' or ' '))
        {
            return false;
        }

        return LockNamedBefore(text, start);
    }

    // A code's or a lock's word on a roster's line ("Codes: slot 1 me (8824), slot 2 …", "user codes: Anna (302918), …").
    private static readonly SearchValues<string> RosterWords = SearchValues.Create(
        ["code", "codes", "pin", "código", "códigos", "codice", "codici", "код", "keypad", "lock", "alarm", "alarme", "alarma", "allarme", "slot", "serrure", "schloss", "türschloss"],
        StringComparison.OrdinalIgnoreCase);

    // A roster of something else: error and status codes, versions, prices.
    private static readonly SearchValues<string> RosterOthers = SearchValues.Create(["error", "status", "http", "fehler", "erreur", "version", "firmware", "€", "$", "£"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A roster of user codes: four to eight digits opening a bracket at <paramref name="start"/>, on a line (up to 300 characters each
    /// way) naming a code, a lock or an alarm, with another bracketed value of four to eight digits — not every one a year (a list of
    /// models with their years is no roster) — and no error, status or price word.
    /// </summary>
    internal static bool CodeRoster(ReadOnlySpan<char> text, int start)
    {
        if (start == 0 || text[start - 1] != '(')
        {
            return false;
        }

        var run = text[start..].IndexOfAnyExceptInRange('0', '9');
        if (run is < 4 or > 8 || text[start + run] is not (')' or ' ' or ','))
        {
            return false;
        }

        var from = Math.Max(0, start - 300);
        var lineStart = text[from..start].LastIndexOf('\n') + 1 + from;
        var to = Math.Min(text.Length, start + 300);
        var lineEnd = text[start..to].IndexOf('\n') is var n and >= 0 ? start + n : to;
        var line = text[lineStart..lineEnd];
        if (line.IndexOfAny(RosterWords) < 0 || line.IndexOfAny(RosterOthers) >= 0)
        {
            return false;
        }

        int values = 0, years = 0;
        for (var k = line.IndexOf('('); k >= 0 && k + 1 < line.Length; k = line[(k + 1)..].IndexOf('(') is var m and >= 0 ? k + 1 + m : -1)
        {
            var value = line[(k + 1)..];
            var length = value.IndexOfAnyExceptInRange('0', '9');
            length = length < 0 ? value.Length : length;
            if (length is >= 4 and <= 8 && (length == value.Length || value[length] is ')' or ' ' or ','))
            {
                values++;
                years += length == 4 && value[0] is '1' or '2' && value[1] is '9' or '0' ? 1 : 0;
            }
        }

        return values >= 2 && years < values;
    }

    // A code's noun in a lock's tool result: JSON keys and log lines ("mit Code 5830", "кодом 4417", "\"clave\":\"481209\"").
    private static readonly SearchValues<string> ResultCodeNouns = SearchValues.Create(["code", "код", "clave", "pin", "codice", "código", "codigo", "kod"], StringComparison.OrdinalIgnoreCase);

    // A lock, a gate or an alarm named in the request's own words or the tool's call.
    private static readonly SearchValues<string> LockContextWords = SearchValues.Create(
    [
        "lock", "keypad", "usercode", "door", "gate", "alarm", "schloss", "tür", "serrure", "porte", "cerradura", "puerta", "serratura", "porta",
        "fechadura", "замок", "замка", "замке", "дверь", "двери", "калитк", "домофон", "сигнализац", "nuki", "slot",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A lock's or an alarm's codes in a tool's result (<paramref name="results"/>): a code's noun (a JSON key or a log's word, its
    /// Russian case endings too) and four to eight digits after it, when the user's words, the system prompt or the model's call name a
    /// lock, a door or an alarm (the result alone often names neither: "Пользователь 2: няня Светлана, код 6604").
    /// </summary>
    internal static bool LockCodesInResult(ReadOnlySpan<char> results, ReadOnlySpan<char> user, ReadOnlySpan<char> system, ReadOnlySpan<char> calls)
    {
        // The lock's context first: the request's own words are short, a tool's result may be 20k tokens of code.
        if (results.IsEmpty || (user.IndexOfAny(LockContextWords) < 0 && calls.IndexOfAny(LockContextWords) < 0 && system.IndexOfAny(LockContextWords) < 0)
            || !results.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        var found = false;
        var offset = 0;
        while (offset < results.Length && !found)
        {
            var hit = results[offset..].IndexOfAny(ResultCodeNouns);
            if (hit < 0)
            {
                break;
            }

            var at = offset + hit;
            offset = at + 1;
            if (at > 0 && char.IsLetterOrDigit(results[at - 1]))
            {
                continue;
            }

            var i = at;
            while (i < results.Length && char.IsLetter(results[i]) && i - at < 8)
            {
                i++;
            }

            // The noun whole ("code", "кодом", "clave"), not a longer word ("codeSlot", "pinned").
            var word = results[at..i];
            if (word.Length > 5 && !(word[0] is 'к' or 'К'))
            {
                continue;
            }

            var gap = 0;
            while (i < results.Length && results[i] is '"' or ':' or ' ' or '=' && gap < 4)
            {
                i++;
                gap++;
            }

            var run = i < results.Length ? results[i..].IndexOfAnyExceptInRange('0', '9') : -1;
            run = run < 0 ? results.Length - i : run;
            found = run is >= 4 and <= 8 && (i + run == results.Length || results[i + run] is '"' or ' ' or ',' or ')' or '\n' or '\r' or '}' or '.');
        }

        return found;
    }

    /// <summary>
    /// A device's local token passed beside its address: a quoted IPv4 address at <paramref name="start"/>, then in the same call's
    /// arguments a positional quoted value of 32 hex characters with letters and digits (python-miio's <c>Vacuum(ip, token)</c>). A
    /// named argument (<c>md5="…"</c>) is a checksum.
    /// </summary>
    internal static bool DeviceTokenBesideAddress(ReadOnlySpan<char> text, int start)
    {
        if (start == 0 || text[start - 1] is not ('"' or '\''))
        {
            return false;
        }

        var quote = text[start - 1];
        int i = start, groups = 0;
        while (groups < 4)
        {
            var run = text[i..].IndexOfAnyExceptInRange('0', '9');
            if (run is < 1 or > 3)
            {
                return false;
            }

            i += run;
            groups++;
            if (groups < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        if (i >= text.Length || text[i] != quote)
        {
            return false;
        }

        var rest = text[(i + 1)..Math.Min(text.Length, i + 121)];
        var close = rest.IndexOfAny(")\n");
        rest = close < 0 ? rest : rest[..close];
        for (var comma = rest.IndexOf(','); comma >= 0; comma = rest[(comma + 1)..].IndexOf(',') is var n and >= 0 ? comma + 1 + n : -1)
        {
            var arg = rest[(comma + 1)..].TrimStart(' ');
            if (arg.Length < 34 || arg[0] is not ('"' or '\''))
            {
                continue;
            }

            var value = arg[1..];
            var length = value.IndexOfAnyExcept(SecretPhrases.HexChars);
            if (length == 32 && value[32] == arg[0] && value[..32].IndexOfAnyInRange('0', '9') >= 0 && value[..32].ContainsAnyExceptInRange('0', '9'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A pupil's number by its acronym in capitals, up to 20 characters before it: England's UPN (a letter and twelve digits: the digit
    /// <paramref name="start"/> follows the letter), France's INE (nine or ten digits and one or two capitals, eleven in all).
    /// </summary>
    internal static bool PupilNumber(ReadOnlySpan<char> text, int start)
    {
        var run = text[start..].IndexOfAnyExceptInRange('0', '9');
        run = run < 0 ? text.Length - start : run;
        var end = start + run;
        string acronym;
        int from;
        if (run == 12 && start > 0 && char.IsAsciiLetterUpper(text[start - 1]) && (start == 1 || !char.IsLetterOrDigit(text[start - 2])))
        {
            acronym = "UPN";
            from = start - 1;
        }
        else if (run is 9 or 10 && (start == 0 || !char.IsLetterOrDigit(text[start - 1])))
        {
            var letters = 0;
            while (end < text.Length && char.IsAsciiLetterUpper(text[end]) && letters < 3)
            {
                end++;
                letters++;
            }

            if (run + letters != 11 || letters == 0)
            {
                return false;
            }

            acronym = "INE";
            from = start;
        }
        else
        {
            return false;
        }

        if (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return false;
        }

        var before = text[Math.Max(0, from - 20)..from];
        var hit = before.LastIndexOf(acronym, StringComparison.Ordinal);
        return hit >= 0 && StandsAlone(before, hit, acronym.Length);
    }

    // A Wi-Fi word, a key's or a password's noun, and what carries the printed key, in the ask that sends a photo.
    private static readonly SearchValues<string> WifiWords = SearchValues.Create(["wifi", "wi-fi", "wlan", "wpa", "wireless", "réseau", "red wifi", "вайфа", "вай-фа", "와이파이", "ワイファイ", "无线", "ไวไฟ", "وای‌فای", "واي فاي", "वाईफाई", "ওয়াইফাই"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] WifiKeyNounList =
        ["password", "passwort", "key", "schlüssel", "clé", "cle ", "code", "clave", "contraseña", "chiave", "senha", "chave", "wachtwoord", "sleutel", "пароль", "ключ", "비밀번호", "비번", "パスワード", "密码", "รหัส", "رمز", "كلمة", "पासवर्ड", "পাসওয়ার্ড"];

    private static readonly SearchValues<string> WifiKeyNouns = SearchValues.Create(WifiKeyNounList, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> KeyCarriers = SearchValues.Create(
    [
        "sticker", "label", "card", "bottom of the router", "back of the router", "aufkleber", "etikett", "karte", "kärtchen", "unterseite", "étiquette",
        "carte", "pegatina", "etiqueta", "tarjeta", "cartoncino", "etichetta", "adesivo", "cartão", "kaartje", "наклейк", "этикетк",
        "карточк", "스티커", "라벨", "ラベル", "シール", "标签", "贴纸", "printed on", "back of her router", "back of his router", "back of my router",
        "สติกเกอร์", "ฉลาก", "برچسب", "ملصق", "स्टिकर", "স্টিকার",
        // The box's back or underside, where the key is printed (probe 43: "von der Rückseite der FritzBox", "路由器背面").
        "back of", "underside", "rückseite", "unterseite", "au dos", "dessous", "parte de atrás", "parte trasera", "detrás del", "debajo del",
        "retro del", "sotto il", "parte de trás", "traseira", "achterkant", "onderkant", "spodzie", "z tyłu", "tylnej", "задней", "обратной стороне", "снизу",
        "arkasında", "altında", "背面", "底部", "裏面", "裏側", "底面", "뒷면", "밑면",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask sent with a photo names a Wi-Fi key or password and what it is printed on (a router's sticker or label, a host's card):
    /// the key travels in the picture, like a card's number in a photo of the card. A photo of the router's lights or ports names no key.
    /// </summary>
    internal static bool WifiKeyPhotographed(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(WifiWords) >= 0 && ask.IndexOfAny(WifiKeyNouns) >= 0 && ask.IndexOfAny(KeyCarriers) >= 0 && ask.IndexOfAny(ReadOutVerbs) >= 0
        && SecretItselfNamed(ask, WifiKeyNouns, WifiKeyNounList);

    // The ask to read the key off the picture ("type it out", "lire", "abschreiben", "escribes", "leggi"): a question where the key
    // is, under a label the user transcribed themselves ("Clé WPA : voir étiquette au dos"), asks for none.
    private static readonly SearchValues<string> ReadOutVerbs = SearchValues.Create(
    [
        "type it", "type the", "type out", "read it", "read the", "read me", "copy", "write it", "write out", "tell me the", "what's the password", "what is the password",
        "lire", "lis-moi", "recopie", "écris", "abschreib", "abtipp", "vorlesen", "lies mir", "escrib", "léeme", "leeme", "copia", "leggi", "scrivi",
        "dimmi", "transcre", "escreve", "lê ", "overtypen", "voorlezen", "прочитай", "перепиши", "읽어", "적어", "読んで", "書き出", "读一下", "打出", "อ่าน", "พิมพ์", "بنویس", "اكتب", "اقرأ", "लिख दो", "पढ़", "লিখে দাও",
        // Said aloud, dictated or typed (probe 43): "me lees", "tipp mir … ab", "продиктуй", "読み上げ", "念出来", "불러 줘".
        "me lees", "lees la", "lees el", "tipp mir", "tipp ihn", "tipp es", "dicta", "diktier", "dicte", "продиктуй", "диктуй", "読み上げ", "念出", "念给", "念一下", "读出", "불러",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A device's name with its MAC address after a dash ("shellyplusplugs-e465b8a1c2d4", "shellyplus1pm-e8db84a1c2d4"): lower-case
    /// letters and digits, then twelve hex digits — the id a device announces on the network, printed in every diagnostics dump.
    /// </summary>
    internal static bool MacSuffixedName(ReadOnlySpan<char> token)
    {
        var dash = token.LastIndexOf('-');
        return dash > 0 && token.Length - dash - 1 == 12 && token[(dash + 1)..].IndexOfAnyExcept(SecretPhrases.HexChars) < 0
            && token[..dash].IndexOfAnyExcept(LowerModelChars) < 0 && token[..dash].ContainsAnyInRange('a', 'z');
    }

    private static readonly SearchValues<char> LowerModelChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
}
