using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// What an agent's traffic carries (after probe 14's misses and false alarms, read by category; <c>SensitiveAgentTrafficTests</c>):
/// ids in print shapes no rule knew (a Chilean RUT <c>12.345.678-K</c>, a Swiss AHV number <c>756.1234.5678.97</c>, check held or
/// not), keys inside URLs (a query parameter named for a credential, a random last segment after an API version <c>/v2/…</c>), a
/// wallet's private key in a config's <c>accounts</c> list; and the guards: a format's mask or example (<c>AAAAA9999A</c>, "format
/// like …", "— Beispiel"), keys that are not credentials (a public, idempotency, cache or partition key), a YAML tag that names
/// where a secret is kept (<c>!secret mqtt_password</c>).
/// </summary>
internal static partial class SensitiveScanner
{
    // Cues for a RUT whose check fails (in the 200 characters before it or the rest of its line): its names in Chile and its neighbours' forms.
    private static readonly string[] RutCues = ["rut", "run", "rol único", "rol unico", "cédula", "cedula", "carnet", "c.i.", "ci "];

    /// <summary>An id in a print shape of its own, starting at the digit <paramref name="start"/>: a RUT, an AHV number.</summary>
    private static bool PrintedId(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or ',' or '$' or '€' or '£' or '+' or '-'))
        {
            return false;
        }

        return SwissAhv(text[start..]) || Rut(text, start);
    }

    // 756.1234.5678.97: the Swiss social insurance number, its country prefix and its dotted groups (3.4.4.2) are its own.
    private static bool SwissAhv(ReadOnlySpan<char> s) =>
        s.Length >= 16 && s.StartsWith("756.", StringComparison.Ordinal) && s[8] == '.' && s[13] == '.' && s[4..8].IndexOfAnyExceptInRange('0', '9') < 0
        && s[9..13].IndexOfAnyExceptInRange('0', '9') < 0 && s[14..16].IndexOfAnyExceptInRange('0', '9') < 0
        && (s.Length == 16 || !(char.IsAsciiLetterOrDigit(s[16]) || (s[16] is '.' or '-' && s.Length > 17 && char.IsAsciiDigit(s[17]))));

    // 12.345.678-5 or 9.876.543-K: a RUT/RUN in its dotted print with its check character; the check held, or a RUT cue in the 200
    // characters before (a value written in full is the person's even when mistyped).
    private static bool Rut(ReadOnlySpan<char> text, int start)
    {
        var s = text[start..];
        var lead = s.IndexOf('.');
        if (lead is < 1 or > 2 || s.Length < lead + 10 || s[..lead].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var body = s[lead..];
        if (body[4] != '.' || body[8] != '-' || body[1..4].IndexOfAnyExceptInRange('0', '9') >= 0 || body[5..8].IndexOfAnyExceptInRange('0', '9') >= 0
            || !(char.IsAsciiDigit(body[9]) || body[9] is 'K' or 'k') || (body.Length > 10 && (char.IsAsciiLetterOrDigit(body[10]) || (body[10] is '.' or '-' && body.Length > 11 && char.IsAsciiDigit(body[11])))))
        {
            return false;
        }

        var sum = 0;
        var weight = 2;
        for (var k = lead + 8; k >= 0; k--)
        {
            if (char.IsAsciiDigit(s[k]))
            {
                sum += (s[k] - '0') * weight;
                weight = weight == 7 ? 2 : weight + 1;
            }
        }

        var check = 11 - (sum % 11);
        var expected = check == 11 ? '0' : check == 10 ? 'K' : (char)('0' + check);
        var after = text[start..Math.Min(text.Length, start + 80)];
        var line = after.IndexOfAny('\n', '\r');
        return char.ToUpperInvariant(body[9]) == expected || ContainsCue(text[Math.Max(0, start - 200)..start], RutCues) || ContainsCue(line < 0 ? after : after[..line], RutCues);
    }

    private static bool ContainsCue(ReadOnlySpan<char> window, ReadOnlySpan<string> cues)
    {
        foreach (var cue in cues)
        {
            var hit = window.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(window[hit - 1])) && (hit + cue.Length == window.Length || !char.IsLetter(window[hit + cue.Length]) || cue[^1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "AAAAA9999A", "99.999.999-X": a format's mask (one letter repeated, one digit repeated), not a value anyone holds.
    /// </summary>
    internal static bool FormatMask(ReadOnlySpan<char> value)
    {
        char letter = '\0', digit = '\0';
        int letters = 0, digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c))
            {
                if (letter != '\0' && c != letter)
                {
                    return false;
                }

                letter = c;
                letters++;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (digit != '\0' && c != digit)
                {
                    return false;
                }

                digit = c;
                digits++;
            }
        }

        return letters >= 2 && digits >= 2;
    }

    // A validator's constants named just before the digits: weights, a constant, a modulus, an alphabet (probe 24's CNP, PESEL, CUIL, hetu).
    internal static readonly string[] ValidatorWords =
    [
        "weights", "weight", "wagi", "wagami", "pesos", "ponderile", "ponderi", "ponderaciones", "pondérations", "poids", "pesi", "gewichte",
        "gewichten", "vektene", "vekter", "vikter", "vikterna", "painot", "painoilla", "веса", "весами", "коэффициенты", "ağırlıklar", "ağırlık",
        "βάρη", "súlyok", "váhy", "constanta", "constant", "konstante", "constante", "costante", "modulo", "módulo", "merkkijono", "alphabet",
        "alfabeto", "tabel", "taulukosta", "taulukko",
    ];

    // Words just before a value that show it as a format ("Format: 12 150385 M 123", "format like AB123456C", "formato:"), and a validator's constants.
    private static readonly string[] FormatLeads = ["format:", "format like", "formatted like", "format e.g.", "format (", "formato:", "formato como", "formaat:", "muster:", "pattern:", "pattern like", "schema:",
        .. ValidatorWords];

    // Words after a value, inside its bracket or line, that name it an example ("— Beispiel", "(example)", "ejemplo").
    private static readonly string[] ExampleTails = ["beispiel", "example", "exemple", "ejemplo", "exemplo", "esempio", "voorbeeld", "przykład", "пример", "örnek", "exempel", "例"];

    /// <summary>The id whose digits start at <paramref name="start"/> (a letter prefix too, "AB123456C") is shown as a format or an example.</summary>
    private static bool FormatLabelledAt(ReadOnlySpan<char> text, int start)
    {
        var from = start;
        while (from > 0 && char.IsAsciiLetter(text[from - 1]))
        {
            from--;
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or ' ' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))
        {
            end++;
        }

        return FormatLabelled(text, from, end);
    }

    /// <summary>Whether the value at <paramref name="start"/>..<paramref name="end"/> is shown as a format or an example: "Format: …", "… — Beispiel)".</summary>
    internal static bool FormatLabelled(ReadOnlySpan<char> text, int start, int end)
    {
        var before = text[Math.Max(0, start - 16)..start].TrimEnd(" \t");
        foreach (var lead in FormatLeads)
        {
            if (before.EndsWith(lead.TrimEnd(' '), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var after = text[end..Math.Min(text.Length, end + 24)];
        var close = after.IndexOfAny(")\n\r]");
        after = close < 0 ? after : after[..close];
        return ExampleWordIn(after, ExampleTails);
    }

    // The first part of a key's name, or the word before it, that says what the key is for when it is no credential.
    private static readonly string[] NotCredentialKeys =
    [
        "public", "pub", "idempotency", "cache", "partition", "sort", "foreign", "row", "object", "routing", "dedup", "dedupe",
        "deduplication", "correlation", "lookup", "shard", "composite", "unique", "range", "clustering",
        // A form's anti-forgery token (csrf-token, authenticity_token, csrfmiddlewaretoken, __RequestVerificationToken; probe 32).
        "csrf", "xsrf", "authenticity", "csrfmiddleware", "requestverification",
        "öffentlicher", "publique", "pública", "publica", "pubblica", "publieke", "публичный", "открытый",
    ];

    /// <summary>
    /// A key that is no credential: named so by its first part (<c>Idempotency-Key</c>, <c>cache_key</c>, <c>partitionKey</c>) or the
    /// word before it ("its public key: age1…", "the sort key: …"); <paramref name="start"/>..<paramref name="end"/> is the key's name.
    /// </summary>
    internal static bool NotCredentialKey(ReadOnlySpan<char> text, int start, int end)
    {
        // A public storefront's or a marketplace's merchant token (SensitiveScanner.SmallBusiness).
        var name = text[start..end];
        if (name.Contains("storefront", StringComparison.OrdinalIgnoreCase) || StorefrontOrMerchantToken(text, start))
        {
            return true;
        }

        // The name's parts before its last ("X-Idempotency-Key", "partitionKey"), then the word before it ("its public key").
        var from = 0;
        for (var k = 1; k <= name.Length; k++)
        {
            var boundary = k == name.Length || name[k] is '_' or '-' or '.' || (char.IsLower(name[k - 1]) && char.IsUpper(name[k]));
            if (!boundary)
            {
                continue;
            }

            if (k < name.Length && PurposeWord(name[from..k].Trim("_-.")))
            {
                return true;
            }

            from = k;
        }

        var before = text[..start].TrimEnd(" \t-_");
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1]))
        {
            wordStart--;
        }

        return PurposeWord(before[wordStart..]);
    }

    // Whether the word equals one of NotCredentialKeys (OrdinalIgnoreCase): one set lookup for every part of every key's name.
    private static bool PurposeWord(ReadOnlySpan<char> word) => PurposeWords.Set.Contains(word);

    // In a class of their own: built on the first use, once NotCredentialKeys has initialised.
    private static class PurposeWords
    {
        internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set =
            NotCredentialKeys.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// "password: !secret mqtt_password", "Password: !Ref DbPassword": a YAML tag names where the value is kept or comes from (Home
    /// Assistant's secrets file, a template's reference), followed by that name; a password starts with no tag of letters alone.
    /// </summary>
    private static bool TaggedReference(ReadOnlySpan<char> value, ReadOnlySpan<char> after)
    {
        return value.Length >= 3 && value[0] == '!' && value[1..].IndexOfAnyExcept(TagChars) < 0
            && after.TrimStart(" \t") is [var c, ..] && (char.IsLetter(c) || c is '_' or '"' or '\'' or '$' or '{' or '[');
    }

    private static readonly System.Buffers.SearchValues<char> TagChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_:");

    // Query parameters that carry a credential by name (besides the names ending in key, token or secret that Assignment reads).
    private static readonly string[] CredentialParameters = ["appid", "app_id", "appkey", "apikey", "access_key", "sig", "signature", "auth", "private_token", "subscription-key", "code", "pwd", "pass", "assinatura", "firma"];

    /// <summary>
    /// A key inside a URL at <paramref name="at"/> (its "://"): a query parameter named for a credential with a long value of
    /// letters and digits (<c>?appid=3f9e…</c>), or a random last path segment right after an API version
    /// (<c>https://eth-mainnet.example/v2/Qm8s…</c>, an RPC provider's key).
    /// </summary>
    private static bool KeyInUrl(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        var stop = rest.IndexOfAny(" \t\r\n\"'<>`)]");
        var url = stop < 0 ? rest : rest[..stop];
        var query = url.IndexOf('?');
        var path = query < 0 ? url : url[..query];
        var lastSlash = path.LastIndexOf('/');
        if (lastSlash > 3 && lastSlash < path.Length - 1)
        {
            var last = path[(lastSlash + 1)..];
            var parent = path[..lastSlash];
            var version = parent[(parent.LastIndexOf('/') + 1)..];
            if (version is ['v', >= '1' and <= '9'] or ['v', >= '1' and <= '9', >= '0' and <= '9'] && ApiKeyShaped(last))
            {
                return true;
            }
        }

        if (query < 0)
        {
            return false;
        }

        foreach (var range in url[(query + 1)..].Split('&'))
        {
            var pair = url[(query + 1)..][range];
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals];
            var value = pair[(equals + 1)..].TrimEnd("#.,;");
            foreach (var credential in CredentialParameters)
            {
                if (name.Equals(credential, StringComparison.OrdinalIgnoreCase) && value.Length >= 16 && (value.IndexOfAnyExcept(KeyValueChars) < 0 || PercentEncoded(value))
                    && HasDigitAndLetter(value) && !Placeholder(value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A key as a path segment: 32+ hex digits (a project id that is its key) or 20–64 letters and digits in both cases, changing
    // class as random text does; not a UUID (a resource's id in a REST path), not a word or an identifier.
    private static bool ApiKeyShaped(ReadOnlySpan<char> segment)
    {
        if (segment.Length is < 20 or > 64 || segment.IndexOfAnyExcept(TokenChars) >= 0 || !HasDigitAndLetter(segment))
        {
            return false;
        }

        if (segment.Length >= 32 && segment.IndexOfAnyExcept(SecretPhrases.HexChars) < 0)
        {
            return true;
        }

        if (!segment.ContainsAnyInRange('A', 'Z') || !segment.ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        var changes = 0;
        for (var k = 1; k < segment.Length; k++)
        {
            changes += char.IsAsciiDigit(segment[k]) != char.IsAsciiDigit(segment[k - 1]) || char.IsAsciiLetterUpper(segment[k]) != char.IsAsciiLetterUpper(segment[k - 1]) ? 1 : 0;
        }

        return changes >= 0.4 * (segment.Length - 1);
    }

    /// <summary>
    /// A wallet's private key in a config's list of accounts (<c>accounts: ["0x8f2c…"]</c>, Hardhat's and Foundry's shape): 0x and
    /// 64 hex digits. A transaction hash has that shape too, so only the accounts key reads it; <paramref name="at"/> is "account".
    /// </summary>
    internal static bool WalletKeyInAccounts(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (!rest.StartsWith("accounts", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = rest[8..].TrimStart("\"' \t:=").TrimStart(" \t[\"'");
        return value.Length >= 66 && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value[2..66].IndexOfAnyExcept(SecretPhrases.HexChars) < 0
            && (value.Length == 66 || !char.IsAsciiLetterOrDigit(value[66]));
    }

    /// <summary>
    /// "…,555-0142,573-61-2290,1250": a comma between digits with no space is a field's end in a CSV row when the next field runs on
    /// in dashed groups — a decimal's or thousands' tail never does.
    /// </summary>
    private static bool CsvField(ReadOnlySpan<char> text, int start)
    {
        if (text[start - 1] != ',')
        {
            return false;
        }

        var run = text[start..].IndexOfAnyExceptInRange('0', '9');
        // Thirteen to nineteen digits filling a field of their own after an amount ("…,250,4532120099134806"): a card's column, no
        // decimal's fraction (SensitiveScanner.Tables).
        return run > 0 && start + run + 1 < text.Length && text[start + run] == '-' && char.IsAsciiDigit(text[start + run + 1])
            || (run < 0 ? text.Length - start : run) is >= 13 and <= 19 && (run < 0 || text[start + run] is ',' or '\n' or '\r');
    }
}
