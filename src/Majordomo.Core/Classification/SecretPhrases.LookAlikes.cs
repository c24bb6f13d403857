using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Public values shaped like secrets (docs/LABELLING.md, "hashes and public identifiers shaped like keys"), read only where a
/// shape rule or a key noun has already fired, so they cost nothing on text without a hit: a vendor's object id
/// (<c>cus_Qx81LmZ</c>, <c>dpl_8Kq2vX7m…</c>), a generated pod name (<c>payments-api-7d9c5b6f4-2xk8q</c>), a certificate's
/// or public key's PEM body, a digest named on its line (an SRI <c>integrity</c>, a SHA-384), a request id in a response
/// header (<c>x-amz-cf-id</c>, <c>x-request-id</c>, <c>etag</c>), and a PGP key id or fingerprint in a signature's context
/// (a user name or gamer tag named as such: <see cref="NamedHandle"/>).
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>Whether the run <paramref name="start"/>..<paramref name="end"/> a shape rule took is a public identifier instead.</summary>
    internal static bool PublicLookAlike(ReadOnlySpan<char> text, int start, int end)
    {
        var token = text[start..end].Trim(".,;:!?-");
        return ResourceId(token) && !SecretNamedBefore(text, start) || PostHogCookieName(token) || PodName(token) || PemBody(text, start) || NamedDigest(text, start, token.Length) || HeaderId(text, start)
            || AgentLookAlike(text, start, end, token) || ToolLookAlike(text, start, end, token) || NetworkName(text, start) || ServiceLookAlike(text, start, token)
            || WorkLookAlike(text, start, end, token);
    }

    // What a vendor's object id starts with never names a secret: these prefixes do (Stripe's sk_/rk_/whsec_, GitHub's, Hugging Face's…).
    private static readonly string[] SecretPrefixes =
    [
        "sk", "rk", "whsec", "ghp", "gho", "ghu", "ghs", "ghr", "hf", "npm", "pat", "sec", "secret", "key", "api", "tok", "token", "pw", "pwd",
        "pass", "auth", "sess", "sid", "otp", "pin",
    ];

    // cus_Qx81LmZ, pm_1QzK82Lm, dpl_8Kq2vX7mLp4Rt9Wz, acc_3Lm8: a lower-case type, '_' and a random tail of letters and digits (up
    // to 28: a token's tail is longer).
    private static bool ResourceId(ReadOnlySpan<char> token)
    {
        var underscore = token.IndexOf('_');
        if (underscore is < 2 or > 6 || token[..underscore].IndexOfAnyExceptInRange('a', 'z') >= 0)
        {
            return false;
        }

        var tail = token[(underscore + 1)..];
        // A tail of four is an aggregator's short object id (Plaid-style "acc_3Lm8", probe 27).
        // A ULID's tail is capitals and digits alone ("inv_01JDX4K9Q2"; probe 35): eight characters or more of them.
        if (tail.Length is < 4 or > 28 || tail.IndexOfAnyExcept(LettersAndDigits) >= 0 || !tail.ContainsAnyInRange('A', 'Z')
            || !tail.ContainsAnyInRange('a', 'z') && tail.Length < 8 || !tail.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        foreach (var prefix in SecretPrefixes)
        {
            if (token[..underscore].Equals(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        // Random text changes class at most neighbours; a word and its number ("mia_Rossi1988") does not.
        var changes = 0;
        for (var k = 1; k < tail.Length; k++)
        {
            changes += Class(tail[k]) != Class(tail[k - 1]) ? 1 : 0;
        }

        return changes >= 0.4 * (tail.Length - 1);
    }

    // PostHog's cookie is named after its project key, public by design (docs/LABELLING.md): "ph_phc_Kx9vT2mQ8rL_posthog" (probe 32).
    private static bool PostHogCookieName(ReadOnlySpan<char> token) =>
        token.StartsWith("ph_phc_", StringComparison.Ordinal) && token.EndsWith("_posthog", StringComparison.Ordinal);

    // A credential's name just before the value on its line ("remember_token":"rt_6HqL…", "session=…"): then a prefixed value is a token.
    private static bool SecretNamedBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 80)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        // PostgreSQL's "DETAIL:  Key (external_id)=(pi_3QkX2d) is duplicated.": a unique key's columns, read by their names alone.
        if (before.IndexOf("Key (", StringComparison.Ordinal) is >= 0 and var constraint)
        {
            before = before[(constraint + 5)..];
        }

        foreach (var name in (ReadOnlySpan<string>)["token", "secret", "key", "session", "cookie", "auth", "pass", "bearer", "credential"])
        {
            if (before.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int Class(char c) => char.IsAsciiDigit(c) ? 2 : char.IsAsciiLetterUpper(c) ? 0 : 1;

    // The alphabet Kubernetes draws a pod's suffix from (no vowels, no 0/1/3).
    private static readonly SearchValues<char> PodSuffixChars = SearchValues.Create("bcdfghjklmnpqrstvwxz2456789");

    private static readonly SearchValues<char> PodChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    // payments-api-7d9c5b6f4-2xk8q, ledger-sync-28834190-q7m2x: words joined by dashes ending in a five-character random suffix.
    private static bool PodName(ReadOnlySpan<char> token)
    {
        var dash = token.LastIndexOf('-');
        var first = token.IndexOf('-');
        return dash > 0 && first < dash && token.Length - dash - 1 == 5 && token.IndexOfAnyExcept(PodChars) < 0
            && token[(dash + 1)..].IndexOfAnyExcept(PodSuffixChars) < 0 && token[..first].IndexOfAnyExceptInRange('a', 'z') < 0 && first >= 2;
    }

    // A line of a certificate's, a public key's or a request's PEM block (a private key's block is PrivateKeyBlock's to flag).
    private static bool PemBody(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 8192)..start];
        var begin = before.LastIndexOf("-----BEGIN ", StringComparison.Ordinal);
        if (begin < 0 || before[begin..].Contains("-----END", StringComparison.Ordinal))
        {
            return false;
        }

        var header = before[begin..];
        var lineEnd = header.IndexOfAny('\n', '\r');
        header = lineEnd < 0 ? header : header[..lineEnd];
        return !header.Contains("PRIVATE", StringComparison.Ordinal);
    }

    // Hash names on a digest's line: an SRI "integrity", "computed SHA-384 …", "checksum", "digest".
    private static readonly string[] DigestNames = ["integrity", "sha1", "sha-1", "sha256", "sha-256", "sha384", "sha-384", "sha512", "sha-512", "md5", "digest", "checksum", "prüfsumme", "somme de contrôle", "контрольная сумма"];

    // A digest's length in hex (MD5 to SHA-512) or base64 (SHA-256, SHA-384, SHA-512, padding cut off), with a hash named before it on its line.
    private static bool NamedDigest(ReadOnlySpan<char> text, int start, int length)
    {
        if (length is not (32 or 40 or 43 or 44 or 64 or 86 or 88 or 96 or 128))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 160)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        foreach (var name in DigestNames)
        {
            if (before.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A response header naming an id ("x-amz-cf-id: Qm7r…", "x-request-id: …", "etag: …"); not a session's, a token's or a key's.
    private static bool HeaderId(ReadOnlySpan<char> text, int start)
    {
        var line = text[Math.Max(0, start - 48)..start].TrimEnd(" \t\"");
        if (line.IsEmpty || line[^1] != ':')
        {
            return false;
        }

        // The header's name: a line's start, or a word after a space or a quote in prose ("`x-amzn-requestid: Tq7L…`").
        line = line[..^1];
        var from = line.Length;
        while (from > 0 && HeaderNameChars.Contains(line[from - 1]))
        {
            from--;
        }

        var name = line[from..];
        if (name.IsEmpty || (from > 0 && line[from - 1] is not (' ' or '\t' or '\n' or '\r' or '`' or '"' or '\'')))
        {
            return false;
        }

        foreach (var secret in (ReadOnlySpan<string>)["sess", "sid", "auth", "token", "key", "secret", "csrf", "xsrf", "cookie", "pass", "signature"])
        {
            if (name.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // "x-amz-id-2": an id header numbered after its first.
        name = name.TrimEnd("0123456789").TrimEnd('-');
        return name.EndsWith("-id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("requestid", StringComparison.OrdinalIgnoreCase)
            || name.Equals("etag", StringComparison.OrdinalIgnoreCase) || name.Equals("cf-ray", StringComparison.OrdinalIgnoreCase)
            || name.Equals("traceparent", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly SearchValues<char> HeaderNameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    // What puts a hex value in a signature's context: a PGP key id or fingerprint is public.
    private static readonly string[] SignatureWords =
    [
        "gpg", "pgp", "gnupg", "signature", "signed", "signing", "fingerprint", "key id", "keyid", "eddsa", "ecdsa", "ed25519", "rsa key",
        "dsa key", "signatur", "podpis", "firma gpg", "подпис", "imza", "署名", "签名", "서명",
    ];

    /// <summary>
    /// A PGP key id or fingerprint (8, 16 or 40 hex digits, one case) after a key noun, with a signature's word in the 200 characters
    /// before it or on its line: "using EDDSA key 9F2C1E7A…", "klucz 3AA5C34371567BD2" after "gpg: Good signature".
    /// </summary>
    internal static bool PublicKeyId(ReadOnlySpan<char> text, int end)
    {
        // The value within the next three words ("clave GPG es 7A2C9E4B1D8F3E6C", "key 9F2C…").
        var after = text[end..Math.Min(text.Length, end + 60)];

        // Every id it takes holds an ASCII digit: after most names in code there is none (issue 16 item 4). The same answer.
        if (!after.ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        var found = false;
        var words = 0;
        foreach (var range in after.SplitAny(" \t\n\r:=\"'`"))
        {
            var value = after[range].TrimEnd(".,;)");
            if (value.IsEmpty)
            {
                continue;
            }

            if (value.Length is 8 or 16 or 40 && value.IndexOfAnyExcept(HexChars) < 0 && value.ContainsAnyInRange('0', '9')
                && !(value.ContainsAnyInRange('a', 'f') && value.ContainsAnyInRange('A', 'F')))
            {
                found = true;
                break;
            }

            if (++words == 3)
            {
                break;
            }
        }

        if (!found)
        {
            return false;
        }

        var window = text[Math.Max(0, end - 200)..Math.Min(text.Length, end + 120)];
        foreach (var word in SignatureWords)
        {
            if (window.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A secret noun written in capitals as part of a placeholder: <c>USER:PASSWORD</c>, <c>https://USERNAME:TOKEN@host</c>,
    /// <c>&lt;PASSWORD&gt;</c>, <c>{TOKEN}</c> — the docs' stand-in for a value, not a noun followed by one.
    /// </summary>
    private static bool PlaceholderNoun(ReadOnlySpan<char> text, int at, int length)
    {
        var word = text.Slice(at, length);
        if (word.ContainsAnyInRange('a', 'z') || !word.ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        return (at > 0 && text[at - 1] is ':' or '$' or '<' or '{' or '%') || (at + length < text.Length && text[at + length] is '@' or '>' or '}' or '%');
    }

    // Standards and laws cited by number: "ISO 7064", "DIN 5008", "RFC 4648", "152-ФЗ", "§ 203".
    private static readonly string[] NormNames = ["iso", "din", "en", "iec", "rfc", "ansi", "ieee", "nist", "sp", "fips", "gost", "гост", "§", "art.", "ст.", "фз"];

    /// <summary>Whether the value at <paramref name="start"/>..<paramref name="end"/> is a standard's or a law's number, not an id or a code.</summary>
    internal static bool NormReference(ReadOnlySpan<char> text, int start, int end)
    {
        var value = text[start..end];
        foreach (var suffix in (ReadOnlySpan<string>)["-фз", "-фкз", "-fz", "-кз"])
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // The name starts the value ("ISO 7064" read as one id) or stands just before it.
        var before = text[Math.Max(0, start - 8)..start].TrimEnd(" \u00a0");
        foreach (var name in NormNames)
        {
            var lead = value.StartsWith(name, StringComparison.OrdinalIgnoreCase) && value.Length > name.Length && value[name.Length] is ' ' or '-' or '\u00a0';
            var named = before.EndsWith(name, StringComparison.OrdinalIgnoreCase) && (before.Length == name.Length || !char.IsLetter(before[^(name.Length + 1)]));
            if ((lead && (value[name.Length..].TrimStart(" -\u00a0") is [>= '0' and <= '9', ..])) || (named && char.IsAsciiDigit(value[0])))
            {
                return true;
            }
        }

        return false;
    }

    // A quoted remark after the noun, not its value: «для безопасности», "for security reasons", „zur Sicherheit“ — a purpose's preposition and more words.
    private static bool QuotedRemark(ReadOnlySpan<char> rest)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var close = rest.IndexOfAny("\"'`”»」“\n");
        if (close >= 0 && close < space)
        {
            return false;
        }

        var first = rest[..space];
        foreach (var word in (ReadOnlySpan<string>)["для", "ради", "for", "für", "zur", "pour", "para", "per", "voor", "dla", "için", "för", "为了", "ため"])
        {
            if (first.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Months in Cyrillic, Polish and Turkish, abbreviated or in the genitive a date uses ("15 МАР 2027", "3 marca 2028"): a date, not an id's digits.
    private static readonly string[] OtherScriptMonths =
    [
        "янв", "фев", "мар", "апр", "май", "мая", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "дек", "января", "февраля", "марта", "апреля",
        "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря", "січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер",
        "жов", "лис", "гру", "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
        "listopada", "grudnia", "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
    ];
}
