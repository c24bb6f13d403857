using System.Buffers;
using System.Buffers.Text;

namespace Majordomo.Classification;

/// <summary>
/// Credentials of the services people use and their look-alikes (probe 30; docs/CLASSIFIER.md, "Probe 30 read by category"). Keys a
/// vendor makes public by design — Stripe's publishable key in its real length, PostHog's project key, an extended public key
/// (<c>xpub</c>…), a Supabase JWT whose role is <c>anon</c> — and the example keys vendors print in their documentation are no
/// secrets (docs/LABELLING.md: public keys, public identifiers shaped like keys, the famous examples); a password that is only the
/// word "password" in the user's language with a few digits is a fixture's dummy. Recovery codes printed as a list and a licence key
/// in its 5×5 shape are secrets wherever they stand. Each is read only for a value a rule has already taken, or a token of its shape.
/// </summary>
internal static partial class SecretPhrases
{
    // Vendors' documented example keys: Stripe's docs' test keys, Microsoft's generic install and KMS client keys (a GVLK activates
    // nothing by itself). Published so that everyone uses them: no one's account.
    private static readonly System.Collections.Frozen.FrozenSet<string> PublishedKeys = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "pk_test_TYooMQauvdEDq54NiTphI7jx", "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
        "sk_test_26PHem9AhJZvU623DfE1x4sd",
        // Windows 10/11 generic install keys and KMS client keys (Home, Pro, Pro N, Education, Enterprise, Pro for Workstations).
        "YTMG3-N6DYC-D7KJP-T3JG7-PY4K7", "VK7JG-NPHTM-C97JM-9MPGT-3V66T", "TX9XD-98N7V-6WMQ6-BX7FG-H8Q99", "W269N-WFGWX-YVC9B-4J6C9-T83GV",
        "MH37W-N47XK-V7XM9-C7227-GCQG9", "NW6C2-QMPVW-D7KKK-3GKT6-VCFB2", "NPPR9-FWDCX-D2C8J-H872K-2YT43", "DPH2V-TTNVB-4X9Q3-TJR4H-KHJW4",
        "NRG8B-VKK3Q-CXVCJ-9G2XF-6Q84J", "YNMGQ-8RYV3-4PGQ3-C8XTP-7CFBY", "2WH4N-8QGBV-H22JP-CT43Q-MDWWJ", "WNMTR-4C88C-JK8YV-HQ7T2-76DF9",
        // Windows Server 2019/2022/2025 KMS client keys.
        "N69G4-B89J2-4G8F4-WWYCC-J464C", "WMDGN-G9PQG-XVVXX-R3X43-63DFG", "VDYBN-27WPP-V4HQT-9VMD4-VMK7H", "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
        "TVRH6-WHNXV-R9WG3-9XRFY-MY832", "D764K-2NDRG-47T6Q-P8T8W-YP6DF");

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PublishedKeyLookup = PublishedKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    // An extended public key's version prefixes (BIP32, BIP49, BIP84; test nets): a watch-only wallet, never a spending key.
    private static readonly string[] ExtendedPublicPrefixes = ["xpub", "ypub", "zpub", "tpub", "upub", "vpub", "Ypub", "Zpub"];

    private static readonly SearchValues<char> Base64UrlDotChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private static readonly SearchValues<char> Base58Chars = SearchValues.Create("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

    /// <summary>A value that is public by design or a vendor's published example (<see cref="DummyValue"/> reads it for every rule).</summary>
    internal static bool PublicByDesign(ReadOnlySpan<char> value)
    {
        // DummyValue asks this of every value a rule takes: the first character picks the one shape to read (a 5×5 key, a JWT, a prefix).
        if (value.Length < 20 || value[0] is not ('s' or 'p' or 'x' or 'y' or 'z' or 't' or 'u' or 'v' or 'Y' or 'Z' or 'e') && !(value.Length >= 29 && value[5] == '-'))
        {
            return false;
        }

        if ((value[0] is 's' or 'p' && value.Length <= 33 || value.Length >= 29 && value[5] == '-') && PublishedKeyLookup.Contains(value.TrimEnd(":")))
        {
            return true;
        }

        // Stripe's publishable key is pk_live_/pk_test_ and a tail of about a hundred characters; a short "pk_live_…" is some other
        // gateway's key, read as a secret (train T39024, dev D31099).
        if ((value.StartsWith("pk_live_", StringComparison.Ordinal) || value.StartsWith("pk_test_", StringComparison.Ordinal)) && TailLength(value[8..], LettersAndDigits) >= 90)
        {
            return true;
        }

        // Mapbox's public token (pk. and a JWT-shaped body) is set in every page that draws a map; its sk. and tk. tokens are secrets.
        if (value.StartsWith("pk.eyJ", StringComparison.Ordinal) && TailLength(value[3..], Base64UrlDotChars) >= 60)
        {
            return true;
        }

        // PostHog's project key is sent by every browser that loads the snippet; its personal key (phx_) is a secret.
        if (value.StartsWith("phc_", StringComparison.Ordinal) && TailLength(value[4..], LettersAndDigits) >= 32)
        {
            return true;
        }

        foreach (var prefix in ExtendedPublicPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal) && TailLength(value[4..], Base58Chars) >= 100)
            {
                return true;
            }
        }

        return value.StartsWith("eyJ", StringComparison.Ordinal) && AnonJwt(value);
    }

    // A file's name after a password's noun ("guarda las contraseñas en 'contraseñas.xlsx'"): where the secrets are, not one.
    private static readonly string[] DocumentExtensions = [".txt", ".xlsx", ".xls", ".docx", ".doc", ".csv", ".pdf", ".kdbx", ".odt", ".ods", ".numbers", ".pages", ".rtf"];

    private static bool DocumentFile(ReadOnlySpan<char> value)
    {
        var dot = value.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        foreach (var extension in DocumentExtensions)
        {
            if (value[dot..].Equals(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int TailLength(ReadOnlySpan<char> tail, SearchValues<char> chars)
    {
        var end = tail.IndexOfAnyExcept(chars);
        return end < 0 ? tail.Length : end;
    }

    // A Supabase anon key: a JWT whose payload says "role":"anon" (the service_role key beside it is the secret). The payload is
    // decoded into a stack buffer; nothing is allocated.
    private static bool AnonJwt(ReadOnlySpan<char> jwt)
    {
        var first = jwt.IndexOf('.');
        if (first < 0)
        {
            return false;
        }

        var payload = jwt[(first + 1)..];
        var second = payload.IndexOf('.');
        payload = second < 0 ? payload : payload[..second];
        if (payload.Length is < 16 or > 1024)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[payload.Length];
        // The status form never throws on a character outside the alphabet (a token cut by a quote or a dot); what decodes is read.
        _ = Base64Url.DecodeFromChars(payload, bytes, out _, out var written);
        return bytes[..written].IndexOf("\"role\":\"anon\""u8) >= 0;
    }

    // "Passwort123", "contraseña1", "senha123", "wachtwoord1": the word "password" in the user's language and up to three digits.
    private static readonly string[] PasswordWords =
        ["passwort", "kennwort", "contraseña", "contrasena", "senha", "motdepasse", "wachtwoord", "haslo", "hasło", "parola", "passord", "salasana", "losenord", "lösenord", "sifre", "şifre", "пароль"];

    private static bool LocalDummy(ReadOnlySpan<char> value)
    {
        if (value.Length is < 5 or > 15)
        {
            return false;
        }

        var stem = value.TrimEnd("0123456789");
        if (value.Length - stem.Length > 3)
        {
            return false;
        }

        foreach (var word in PasswordWords)
        {
            if (stem.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A licence key or a recovery code in Microsoft's 5×5 shape (<c>G9CBC-WW48C-KQQYV-KFY8G-MRHRF</c>): five groups of five capitals
    /// and digits, with both. Probe 40: a disk's or an account's recovery key in six to eight groups of four (FileVault's
    /// <c>SQ7K-4HTM-9RXB-22WC-LF8P-NAEJ</c>, Apple's account key) is one too. A published generic key is <see cref="DummyValue"/>'s.
    /// </summary>
    private static bool LicenceKey(ReadOnlySpan<char> token)
    {
        var width = token.Length == 29 && token[5] == '-' ? 5 : token.Length is 29 or 34 or 39 && token[4] == '-' ? 4 : 0;
        if (width == 0)
        {
            return false;
        }

        int digits = 0, letters = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (i % (width + 1) == width)
            {
                if (c != '-')
                {
                    return false;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                letters++;
            }
            else
            {
                return false;
            }
        }

        return digits >= 2 && letters >= 5 && (width == 5 || digits >= 4);
    }

    /// <summary>
    /// One of a list of recovery codes (GitHub's and GitLab's: <c>4db1c-cdb50</c>, five hex digits, a dash, five more): four or more
    /// such codes stand within 160 characters of the token, apart by blanks, commas or line breaks.
    /// </summary>
    private static bool RecoveryCodeList(ReadOnlySpan<char> text, int start, int end)
    {
        if (end - start is < 11 or > 12 || !HexCode(text[start..(start + 11)]))
        {
            return false;
        }

        var window = text[Math.Max(0, start - 160)..Math.Min(text.Length, end + 160)];
        // Digits alone ("20095-22769") are ranges of postcodes or numbers; ten hex digits have a letter nine times in ten.
        int count = 0, lettered = 0;
        foreach (var range in window.SplitAny(" \t\r\n,;"))
        {
            var code = window[range].TrimEnd('.');
            count += HexCode(code) ? 1 : 0;
            lettered += HexCode(code) && code.ContainsAnyInRange('a', 'f') ? 1 : 0;
        }

        return count >= 4 && lettered >= 2;
    }

    private static bool HexCode(ReadOnlySpan<char> code) =>
        code.Length == 11 && code[5] == '-' && code[..5].IndexOfAnyExcept(LowerHex) < 0 && code[6..].IndexOfAnyExcept(LowerHex) < 0;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// A numbered compound standing as one (<see cref="NumberedCompound"/>); a percentage's only after an article or a determiner ("ein
    /// 95%-Konfidenzintervall", "a 95%-confidence interval", "die 10%-Rabatt-Aktion"): "winkel01 met 64%-Appeltaart" is a password
    /// (sensitive-categories-131).
    /// </summary>
    private static bool CountingCompound(ReadOnlySpan<char> token, ReadOnlySpan<char> text, int start)
    {
        if (!NumberedCompound(token))
        {
            return false;
        }

        if (!token.Contains("%-", StringComparison.Ordinal))
        {
            return true;
        }

        var before = text[Math.Max(0, start - 12)..start].TrimEnd(' ');
        return OneOf(before[(before.LastIndexOfAny(' ', '\n', '\'') + 1)..], PercentDeterminers);
    }

    private static readonly string[] PercentDeterminers =
    [
        "a", "an", "the", "this", "that", "our", "your", "ein", "eine", "einem", "einen", "einer", "eines", "der", "die", "das", "den", "dem", "des",
        "zum", "zur", "im", "am", "beim", "vom", "jede", "jeder", "jedes", "diese", "dieser", "dieses", "een", "het", "de", "le", "la", "les", "l",
        "un", "une", "el", "los", "las", "il", "lo", "gli", "uno", "o", "os", "um", "uma",
    ];

    /// <summary>
    /// "30-Sekunden-Fensters", "12-Monats-Abo", "24-Stunden-Takt": a number and the words it counts, joined by dashes (German and
    /// Dutch compounds) — the digits are all in the first part (a percentage's sign may follow them) and every other part is a word.
    /// </summary>
    private static bool NumberedCompound(ReadOnlySpan<char> token)
    {
        // "Modulo-97-Regel", "mod-11-Prüfziffer": a check's modulus and the words it names (SecretPhrases.OlderFiles).
        if (ModulusCompound(token) is { } modulus)
        {
            return modulus;
        }

        // "95%-Konfidenzintervall", "a 95%-confidence interval", "das 95-%-Intervall": a percentage counts the words as a number does.
        var dash = token.IndexOf('-');
        var number = dash > 1 && token[dash - 1] == '%' ? token[..(dash - 1)] : token[..Math.Max(dash, 0)];
        if (number.Length is < 1 or > 4 || number.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var words = token[(dash + 1)..];
        words = words.StartsWith("%-", StringComparison.Ordinal) ? words[2..] : words;
        foreach (var range in words.Split('-'))
        {
            var part = words[range];
            if (part.Length < 2 || !char.IsAsciiLetterUpper(part[0]) && !char.IsAsciiLetterLower(part[0]) || part.ContainsAnyExceptInRange('A', 'z') || part[1..].ContainsAnyInRange('A', 'Z'))
            {
                return false;
            }
        }

        return true;
    }
}
