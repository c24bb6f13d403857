namespace Majordomo.Classification;

/// <summary>
/// Categories read from the ninth session's probes (docs/CLASSIFIER.md, "Access words, locks, credential pairs"): a lock's
/// combination told as small numbers, a router's or hotspot's key told as a chosen word, an account's address followed by
/// its password, a password ending in a symbol, a one-time code's lower-case compound ("inlogcode"), and the look-alikes
/// that must stay out (UUIDs, a day and month, filler card numbers).
/// </summary>
internal static partial class SecretPhrases
{
    // "inlogcode", "inloggningskod", "toegangscode": a lower-case Dutch or Swedish compound whose first part names an access.
    private static readonly string[] SecretCodePrefixes =
    [
        "inlog", "login", "toegang", "zugang", "entsperr", "aktivierung", "activer", "activatie", "verificatie", "verifier", "bevestiging",
        "bekräftelse", "sms", "pin", "deur", "dörr", "alarm", "larm", "kluis", "engångs", "eenmalig", "säkerhets", "åtkomst", "sicherheits",
        "einmal", "freigabe", "bestätigung", "tür", "tor", "garage", "beveiliging", "wifi", "wlan",
    ];

    // Names of a network, not its key ("nazwa sieci", "SSID"): the token after them is the network's name.
    private static readonly string[] NetworkNames =
    [
        "ssid", "network name", "nazwa sieci", "netzwerkname", "nom du réseau", "nombre de la red", "nome da rede", "nome della rete",
        "netwerknaam", "имя сети", "название сети", "ağ adı", "nätverksnamn", "网络名", "ネットワーク名", "네트워크 이름",
    ];

    private static bool SecretCompound(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] is '_' or '.' or '$' or '#' or '@' or '/'))
        {
            return false;
        }

        var prefix = text[start..at];
        foreach (var word in SecretCodePrefixes)
        {
            if (prefix.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lock's combination: three or more numbers of one or two digits ("three turns to 17, back to 4, then forward to 22"), or
    /// two or three dashed pairs even when they look like a date ("geht mit 31-07-19 auf"). Not a number with its unit
    /// ("from 0 to 39", "4 to 6 digits": two numbers, or counted), a time (10:30) or a decimal.
    /// </summary>
    private static bool Combination(ReadOnlySpan<char> window)
    {
        var numbers = 0;
        for (var i = 0; i < window.Length; i++)
        {
            // Not part of a name or a value: "worker-2", "v1.2", "10:30", "#4", "+44".
            if (!char.IsAsciiDigit(window[i]) || (i > 0 && (char.IsLetterOrDigit(window[i - 1]) || window[i - 1] is '.' or ',' or ':' or '#' or '/' or '+' or '_'
                || (window[i - 1] == '-' && i > 1 && char.IsLetter(window[i - 2])))))
            {
                continue;
            }

            var end = i;
            while (end < window.Length && char.IsAsciiDigit(window[end]))
            {
                end++;
            }

            if (end - i > 2 || (end < window.Length && (char.IsLetter(window[end]) || window[end] is ':' or '%' or '/' || (window[end] is '.' or ',' && end + 1 < window.Length && char.IsAsciiDigit(window[end + 1])))))
            {
                i = end;
                continue;
            }

            // Dashed pairs: "24-08-13", "12-40-07".
            if (end + 1 < window.Length && window[end] == '-' && char.IsAsciiDigit(window[end + 1]))
            {
                var groups = 1;
                var k = end;
                while (k + 1 < window.Length && window[k] == '-' && char.IsAsciiDigit(window[k + 1]))
                {
                    var g = k + 1;
                    while (g < window.Length && char.IsAsciiDigit(window[g]))
                    {
                        g++;
                    }

                    if (g - k - 1 > 2)
                    {
                        groups = 0;
                        break;
                    }

                    groups++;
                    k = g;
                }

                if (groups is 3 or 4 && (k >= window.Length || !char.IsLetterOrDigit(window[k])))
                {
                    return true;
                }

                i = k;
                continue;
            }

            // "Ziffern 0 bis 9": a range's two ends are no turns of a dial (SecretPhrases.Games).
            if (RangeStart(window, end, out var past))
            {
                i = past;
                continue;
            }

            // "lookalike digits 5 vs 5 vs 0": numbers compared are no turns (SecretPhrases.Judged).
            if (!Described(window, i, end, allDigits: true) && !Versus(window, i, end))
            {
                numbers++;
            }

            i = end;
        }

        return numbers >= 3;
    }

    /// <summary>
    /// A router's, hotspot's or Wi-Fi's key told as a chosen word: 8–40 ASCII letters, digits and '_' or '-', lower case present,
    /// two digits or more, or words joined by '_' ("seagull_deck_41", "caffe_lungo_2024"). Not a network's name (an "SSID" or
    /// "nazwa sieci" cue, a band suffix such as "_5G"), code (a sentence holding '(', '=', '{' or ';'), an address or a file.
    /// </summary>
    private static bool AccessToken(ReadOnlySpan<char> window)
    {
        if (window.IndexOfAny("(={};") >= 0)
        {
            return false;
        }

        foreach (var name in NetworkNames)
        {
            if (window.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var i = 0;
        while (i < window.Length)
        {
            if (!char.IsAsciiLetterOrDigit(window[i]) || (i > 0 && (char.IsLetterOrDigit(window[i - 1]) || window[i - 1] is '/' or '.' or '@' or '\\' or '-' or '_')))
            {
                i++;
                continue;
            }

            var end = i;
            int letters = 0, digits = 0, joins = 0, lower = 0;
            while (end < window.Length && (char.IsAsciiLetterOrDigit(window[end]) || (window[end] is '_' or '-' && end + 1 < window.Length && char.IsAsciiLetterOrDigit(window[end + 1]))))
            {
                letters += char.IsAsciiLetter(window[end]) ? 1 : 0;
                lower += char.IsAsciiLetterLower(window[end]) ? 1 : 0;
                digits += char.IsAsciiDigit(window[end]) ? 1 : 0;
                joins += window[end] == '_' ? 1 : 0;
                end++;
            }

            var token = window[i..end];
            var glued = end < window.Length && (char.IsLetter(window[end]) || window[end] is '@' or '/' || (window[end] == '.' && end + 1 < window.Length && char.IsLetter(window[end + 1])));
            var band = token.EndsWith("5G", StringComparison.OrdinalIgnoreCase) || token.EndsWith("2G", StringComparison.OrdinalIgnoreCase) || token.EndsWith("GHz", StringComparison.OrdinalIgnoreCase);
            if (!glued && !band && token.Length is >= 8 and <= 40 && letters >= 4 && lower >= 3 && (digits >= 2 || (joins >= 1 && digits >= 1) || joins >= 2)
                && !DummyValue(token) && !FileOrHost(token))
            {
                return true;
            }

            i = Math.Max(end, i + 1);
        }

        return false;
    }

    /// <summary>
    /// A password ending in a symbol ("haneul0412!", "robin5519#"): four or more letters, lower case among them, then three or four
    /// digits and one of ! # $ % &amp; *. Not a product or a count ("Windows11!", "top10!": fewer digits or letters), a hashtag.
    /// </summary>
    private static bool TrailingSymbol(ReadOnlySpan<char> text, int start, int end)
    {
        var raw = text[start..end].TrimStart("'\"`");
        if (raw.Length < 8 || raw[^1] is not ('!' or '#' or '$' or '%' or '&' or '*'))
        {
            return false;
        }

        var token = raw[..^1];
        start = end - raw.Length;
        var digits = token.Length - token.TrimEnd("0123456789").Length;
        var word = token[..^digits];
        return digits is 3 or 4 && word.Length is >= 4 and <= 20 && word.IndexOfAnyExceptInRange('a', 'z') < 0 && (start == 0 || text[start - 1] is not '#' and not '@');
    }

    /// <summary>
    /// An account's address and its password in one sentence ("kids@ourfamily.net and bluewhale77", "frank.w@icloud.com … uses
    /// Bluebird1948"): a word of four letters or more and two to four digits (<see cref="BareToken"/>) after an e-mail address,
    /// within 80 characters and the same sentence. Not the address itself, a user name named as such, an order or invoice code
    /// in capitals ("ORD20931").
    /// </summary>
    private static bool CredentialPair(ReadOnlySpan<char> text, int start, int end)
    {
        var token = text[start..end].TrimEnd(".,;:!?");
        if (token.IsEmpty || !char.IsLetter(token[0]) || !BareToken(token) || DummyValue(token) || (start > 0 && text[start - 1] is '@' or '.' or '/' or '_' or '-')
            || (end < text.Length && text[end] == '@'))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 80)..start];
        // A dot inside an address is no sentence end: only ". " or a line break ends it.
        for (var k = before.Length - 1; k >= 0; k--)
        {
            if (before[k] is '\n' or '\r' or '?' or '!' or '。' || (before[k] == '.' && (k + 1 == before.Length || before[k + 1] == ' ')))
            {
                before = before[(k + 1)..];
                break;
            }
        }

        var at = before.LastIndexOf('@');
        if (at <= 0 || !char.IsLetterOrDigit(before[at - 1]))
        {
            return false;
        }

        var domain = before[(at + 1)..];
        var length = 0;
        while (length < domain.Length && (char.IsAsciiLetterOrDigit(domain[length]) || domain[length] is '.' or '-'))
        {
            length++;
        }

        var host = domain[..length].TrimEnd('.');
        return host.IndexOf('.') > 0 && !Handle(before.Length > 0 ? text[(start - before.Length)..end] : text[start..end], before.Length, token.Length);
    }

    // A UUID, 8-4-4-4-12 hex digits: a row's or a resource's id.
    internal static bool Uuid(ReadOnlySpan<char> s)
    {
        if (s.Length < 36)
        {
            return false;
        }

        for (var k = 0; k < 36; k++)
        {
            var dash = k is 8 or 13 or 18 or 23;
            if (dash ? s[k] != '-' : !char.IsAsciiHexDigit(s[k]))
            {
                return false;
            }
        }

        return true;
    }

    // "31/12", "15.01": a day and a month (no year), a deadline's date, not a PIN.
    private static bool DayMonth(ReadOnlySpan<char> run)
    {
        if (run.Length is < 3 or > 5)
        {
            return false;
        }

        var sep = run.IndexOfAny('/', '.');
        if (sep is < 1 or > 2 || run.Length - sep - 1 is < 1 or > 2 || run[(sep + 1)..].IndexOfAnyExceptInRange('0', '9') >= 0 || run[..sep].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var day = int.Parse(run[..sep], System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(run[(sep + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 && month is >= 1 and <= 12;
    }
}
