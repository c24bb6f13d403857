namespace Majordomo.Classification;

/// <summary>
/// Shapes the leftovers of probes 20 and 27 read wrongly (docs/CLASSIFIER.md, "Leftovers of probes 20 and 27"): a Wi-Fi network's
/// name (<c>FASTWEB-2G</c>, <c>FRITZ!Box-7590-QX</c>) is no password; a password hash alone (<c>$2b$12$…</c>, <c>$argon2id$…</c>,
/// an MD5 asked about) is no password either, while rows of users with their hashes are a hashed password dump
/// (docs/LABELLING.md: sensitive).
/// </summary>
internal static partial class SecretPhrases
{
    // The words that name a network just before its name, in the corpus languages (the name follows within a few words).
    private static readonly string[] NetworkNouns =
    [
        "network", "ssid", "netz", "netzwerk", "wlan-name", "rete", "réseau", "reseau", "red wifi", "red wi-fi", "la red", "rede", "netwerk",
        "sieć", "siec", "nazywa się", "сеть", "ağ adı", "ネットワーク名", "网络名", "네트워크 이름",
    ];

    // What would make the token after a network's noun a secret after all ("network HomeNet, password Kestrel-Bay-44").
    private static readonly string[] SecretNounsNearby =
    [
        "pass", "key", "clave", "hasło", "haslo", "senha", "пароль", "ключ", "parola", "wachtwoord", "schlüssel", "code", "pin", "mdp",
        "contraseña", "sleutel", "şifre", "密码", "パスワード", "비밀번호",
    ];

    /// <summary>The token at <paramref name="start"/> follows a network's noun on its line with no secret's noun between: a Wi-Fi network's name.</summary>
    private static bool NetworkName(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 40)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var at = -1;
        var length = 0;
        foreach (var noun in NetworkNouns)
        {
            var hit = LastWord(before, noun);
            if (hit > at)
            {
                (at, length) = (hit, noun.Length);
            }
        }

        // "Le wifi s'appelle Bbox-5G-7A41", "Das WLAN heißt Gast-Seeblick-24" (probe 31): a naming verb after a Wi-Fi noun names the network.
        var verb = NamingVerbAt(before);
        if (verb > at)
        {
            (at, length) = (verb, 0);
        }

        if (at < 0)
        {
            return false;
        }

        var between = before[(at + length)..];
        foreach (var noun in SecretNounsNearby)
        {
            if (between.Contains(noun, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // The last place the noun stands as a word of its own: "NetworkCredential(" or "credential" (r-e-d-e) names no network.
    private static int LastWord(ReadOnlySpan<char> text, string noun)
    {
        var end = text.Length;
        while (end > 0)
        {
            var hit = text[..end].LastIndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                return -1;
            }

            // Scripts that write words apart (Latin, Greek, Cyrillic) need the noun's edges free; CJK and kana glue particles on.
            var after = hit + noun.Length;
            var spaced = noun[0] < '\u0530';
            if (!spaced || ((hit == 0 || !char.IsLetter(text[hit - 1])) && (after == text.Length || !char.IsLetter(text[after]))))
            {
                return hit;
            }

            end = hit + noun.Length - 1;
        }

        return -1;
    }

    // What names the network itself right after "Wi-Fi" ("Wi-Fi network is …", "WLAN-Name: …", "rete Wi-Fi: …").
    private static readonly string[] NetworkFirstWords = ["network", "netzwerk", "netz", "ssid", "name", "rete", "réseau", "reseau", "red ", "rede ", "netwerk", "sieć", "сеть"];

    // A verb that gives a thing's name ("the Wi-Fi is called …", "il wifi nuovo si chiama …"): what follows is the network's name.
    private static readonly string[] NetworkNamingVerbs =
    [
        "is called", "'s called", "is named", "s'appelle", "s’appelle", "si chiama", "se llama", "heißt", "heisst", "se chama", "chama-se",
        "heet", "называется", "nazywa się", "adı",
    ];

    // Where a naming verb ends in the line before a token, a Wi-Fi or network noun before it and no key's noun before it either
    // ("la password si chiama …" names a password); -1 when none does.
    private static int NamingVerbAt(ReadOnlySpan<char> before)
    {
        var end = NamingVerbEnd(before);
        return end > 0 && Named(before[..end], WifiNouns) && !Named(before[..end], SecretNounsNearby) ? end : -1;
    }

    // Where the last naming verb of the span ends; -1 when it holds none.
    private static int NamingVerbEnd(ReadOnlySpan<char> span)
    {
        var end = -1;
        foreach (var verb in NetworkNamingVerbs)
        {
            var hit = span.LastIndexOf(verb, StringComparison.OrdinalIgnoreCase);
            end = hit >= 0 ? Math.Max(end, hit + verb.Length) : end;
        }

        return end;
    }

    private static readonly string[] WifiNouns = ["wifi", "wi-fi", "wlan", "wireless", "network", "netz", "réseau", "reseau", "red", "rete", "rede", "netwerk", "сеть", "sieć"];

    /// <summary>The text after a Wi-Fi or router noun names the network first, with no key's noun in its clause (its name is no key).</summary>
    private static bool NetworkFirst(ReadOnlySpan<char> after)
    {
        var words = after.TrimStart(" \t:-,");
        // One word may stand before the naming verb ("il wifi nuovo si chiama …").
        var named = NamingVerbEnd(words[..Math.Min(words.Length, 24)]) >= 0;
        foreach (var word in NetworkFirstWords)
        {
            if (named || words.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                // Its clause: a key named after a comma is read by its own noun ("…-5G, password gannet-2417").
                var clause = words[..SentenceEnd(words)];
                clause = clause.IndexOfAny(',', ';') is var comma and >= 0 ? clause[..comma] : clause;
                return !Named(clause, SecretNounsNearby);
            }
        }

        return false;
    }

    /// <summary>
    /// The digits at <paramref name="at"/> follow an "ending in" word: a card's last four ("Votre nouvelle carte se termine par 3382.
    /// Votre code confidentiel vous parviendra par courrier séparé", probe 27 D33289), not the code a notice warns about.
    /// </summary>
    private static bool LastDigitsAt(ReadOnlySpan<char> window, int at)
    {
        var before = window[..at].TrimEnd(" :…．.");
        foreach (var ending in EndingWords.For(before))
        {
            if (before.EndsWith(ending.TrimEnd(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The crypt formats a stored password hash is written in: bcrypt, argon2, phpass (WordPress), sha-crypt, md5-crypt, yescrypt, pbkdf2, scrypt.
    private static readonly string[] CryptPrefixes = ["$2a$", "$2b$", "$2y$", "$argon2", "$P$", "$H$", "$1$", "$5$", "$6$", "$y$", "$pbkdf2", "$scrypt$", "$7$"];

    /// <summary>A password hash's kind: 0 none, 1 a crypt format, else the length of a hex digest (MD5 32, SHA-1 40, SHA-256 64).</summary>
    private static int HashKind(ReadOnlySpan<char> token)
    {
        if (token.Length > 0 && token[0] == '$')
        {
            foreach (var prefix in CryptPrefixes)
            {
                if (token.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return 1;
                }
            }

            return 0;
        }

        return token.Length is 32 or 40 or 64 && token.IndexOfAnyExcept(HexChars) < 0 && token.ContainsAnyInRange('a', 'f') ? token.Length : 0;
    }

    // Where a dump names what its hashes are: a password column, a leak.
    private static readonly string[] DumpCues =
    [
        "pass", "pwd", "leak", "breach", "dump", "crack", "hack", "credential", "contraseñ", "senha", "hasło", "haslo", "пароль", "mot de passe",
        "passwort", "wachtwoord", "knack", "gehackt", "filtrad", "vazad", "fuite", "утечк",
    ];

    /// <summary>
    /// The run <paramref name="start"/>..<paramref name="end"/> is a password hash: true when it stands in a dump (a field before it on
    /// its line, a hash of the same kind on the line above or below, a password or leak named before), false for one hash alone;
    /// null when the run is no hash.
    /// </summary>
    private static bool? PasswordHash(ReadOnlySpan<char> text, int start, int end)
    {
        var token = text[start..end].Trim(".,;:!?|");
        var kind = HashKind(token);
        if (kind == 0)
        {
            return null;
        }

        var lineStart = text[..start].LastIndexOfAny('\n', '\r') + 1;
        var lineEnd = text[end..].IndexOfAny('\n', '\r') is var e and >= 0 ? end + e : text.Length;
        // A row's field before it ("2,tessa_k,", "| heike_b | "), not a log's key ("trace=e624c12c…", a request's digest).
        var head = text[lineStart..start];
        var fieldBefore = head.ContainsAnyInRange('a', 'z') && !head.TrimEnd(" \t\"'").EndsWith('=');
        var above = lineStart >= 2 ? text[..(lineStart - 1)] : [];
        above = above[(above.LastIndexOfAny('\n', '\r') + 1)..];
        var below = lineEnd + 1 < text.Length ? text[(lineEnd + 1)..] : [];
        below = below.IndexOfAny('\n', '\r') is var b and >= 0 ? below[..b] : below;
        return fieldBefore && (HoldsHash(above, kind) || HoldsHash(below, kind)) && Named(text[Math.Max(0, start - 400)..start], DumpCues);
    }

    // A line holding a hash of the given kind as one of its runs.
    private static bool HoldsHash(ReadOnlySpan<char> line, int kind)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (!IsTokenChar(line[i]) || line[i] == '|')
            {
                i++;
                continue;
            }

            var from = i;
            while (i < line.Length && IsTokenChar(line[i]) && line[i] != '|')
            {
                i++;
            }

            if (HashKind(line[from..i]) == kind)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Named(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
