using System.Buffers;

namespace Majordomo.Classification;

/// <summary>What kind of private data <see cref="SensitiveScanner"/> found first.</summary>
public enum SensitiveKind
{
    None = 0,
    ApiKey,
    PrivateKey,
    Password,
    CardNumber,
    PersonalId,
}

/// <summary>
/// Finds secrets and personal identifiers in text (SPEC §1.3 <c>sensitive</c>). A false negative sends
/// private data to a cloud, so recall is the bar: when in doubt it says yes, and only clear
/// non-secrets are let through (placeholders, environment references, type annotations, values that
/// fail a checksum). Two vectorised passes: literal triggers found by one multi-string search, digit
/// runs by a range search; each hit is checked by hand, so there is no regex and no allocation.
/// </summary>
/// <remarks>
/// Patterns: provider keys (<c>sk-</c>, <c>sk_live_</c>, <c>ghp_</c>…, <c>github_pat_</c>, <c>glpat-</c>,
/// <c>AKIA</c>/<c>ASIA</c>, <c>xox?-</c>, <c>AIza</c>, <c>hf_</c>, <c>npm_</c>), JWTs, <c>Bearer</c> tokens, a value
/// of 16+ mixed letters and digits assigned to a name ending in key/token/secret/credential; private key
/// blocks; passwords (<c>password</c>/<c>passwd</c>/<c>pwd</c>/… followed by <c>=</c>, <c>:</c> or "is" and a
/// value; URLs with a password in their user info); card numbers (13–19 digits, single spaces or dashes,
/// Luhn-valid, leading 2–6); US SSNs (3-2-4 with valid ranges); IBANs (mod-97); passport, national id,
/// social security, tax id and similar phrasing followed by an id-like value. E-mail addresses and
/// phone numbers alone are not sensitive: too common in ordinary requests to send them all local.
/// </remarks>
internal static partial class SensitiveScanner
{
    // Lower-case triggers, matched case-insensitively; each hit is confirmed by the checks below.
    // SensitivePrefilter finds the same places from this list (so a trigger added here is never skipped there).
    internal static readonly string[] TriggerWords =
        [
            "sk-", "sk_live_", "sk_test_", "rk_live_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-",
            "akia", "asia", "xox", "eyj", "aiza", "hf_", "npm_", "private key", "bearer", "://",
            "key", "token", "secret", "credential", "passw", "pwd", "pass", "passcode", "kennwort", "contrase", "senha",
            "passport", "ssn", "social security", "national id", "national insurance", "id number",
            "id no", "tax id", "national_", "tax_id", "personalausweis", "dni", "aadhaar", "identity card", "id card", "driver", "steuer", "sozialversicherung",
            "auth", "basic", "mdp", "wachtwoord", "haslo", "sifre", "losenord", "sshpass", "mysql", "psk", "hooks.slack.com", "/api/webhooks/", "webhook.office",
            "$apr1$", "$2a$", "$2b$", "$2y$", "$5$", "$6$", "$argon2", "cookie", "session", "sessid", "sid=",
            "curl ", "login ",
            "redis-cli", "ldap", "smbclient", "net use", "rabbitmqctl", "convertto-securestring", "pdo(", // SensitiveScanner.CommandFlags
            "@tcp(", "@unix(", // SensitiveScanner.ConfigFiles
            // An app id that is the key (SensitiveScanner.CardPrints).
            "app_id", "app-id", "appid",
            // A personal access token by its short name (SmartThings' PAT is a UUID; probe 22): "PAT = '…'", "ST_PAT=…".
            "pat =", "pat=", "pat:",
            // Probe 35: a password's short name in code and config (BIND_PW, SMTP_PW), an id's field in a request log (idCard, certNo).
            "_pw", "idcard", "id_card", "idno", "id_no", "idnumber", "certno", "cert_no",
            // A browser agent's form-filling call, a Playwright locator's fill (SensitiveScanner.BrowserAgents).
            "\"ref\"", "ref: e", ".fill(",
            // A reservation's passenger document element: SSR DOCS, Amadeus' SRDOCS, Sabre's 3DOCS/ (SensitiveScanner.Trips).
            "ssr docs", "srdocs", "3docs/",
            // An Azure shared access signature's signature (SensitiveScanner.Research).
            "sig=",
        ];

    private static readonly SearchValues<string> Triggers = SearchValues.Create(TriggerWords, StringComparison.OrdinalIgnoreCase);

    // Non-ASCII triggers are kept out of the multi-string search (they would cost it its vectorised
    // path) and looked for only when the text has non-ASCII characters at all.
    private static readonly string[] NonAsciiTriggers = ["пароль", "Пароль", "密码", "sécurité sociale", "numéro de sécu"];

    private static readonly SearchValues<char> TokenChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.~");

    private static readonly SearchValues<char> KeyValueChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.~:");

    private static readonly SearchValues<char> SpacedValueChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=");

    private static readonly SearchValues<char> IdentChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.");

    // Words after "password is" that describe the password rather than state it.
    private static readonly string[] NotAValue =
    [
        "required", "incorrect", "wrong", "invalid", "too", "not", "a", "an", "the", "correct", "expired", "missing", "empty",
        "set", "hashed", "stored", "being", "still", "weak", "strong", "secure", "long", "short", "case", "reset", "changed",
        "same", "different", "for", "in", "on", "of", "at", "to", "and", "or", "now", "also", "only", "mandatory", "optional",
        "hidden", "visible", "sent", "saved", "encrypted", "your", "his", "her", "their", "this", "that", "it", "what",
        "something", "valid", "used", "needed", "generated", "protected", "reused", "shown", "masked", "verified", "unique",
        "null", "none", "nil", "undefined", "string", "str", "int", "bool", "boolean", "number", "text", "varchar", "char",
        "any", "optional[str]", "password", "true", "false", "redacted", "hidden", "xxx", "xxxx", "changeit", "here",
        "field", "input", "value", "secret", "token", "key", "is", "was", "will", "should", "must", "can", "cannot", "policy",
        "length", "strength", "manager", "managers", "hash", "hashes", "reset", "resets", "rules", "requirements", "login",
        "le", "la", "les", "el", "der", "die", "das", "ein", "eine", "est", "es", "ist", "secretstr", "securestring", "bytes",
        "await", // "password: await hash('…', 12)": a call's result (probe 35)
    ];

    /// <summary>True when any of the texts holds a secret or a personal identifier.</summary>
    public static bool IsSensitive(ReadOnlySpan<char> text) => Scan(text) != SensitiveKind.None;

    /// <summary>
    /// Every pass over the whole text, in order (the first kind found wins). <see cref="SensitivePrefilter.Scan"/> runs
    /// the same passes from one cheap search for their starting places: a new pass goes in both (the equivalence
    /// test compares them on every corpus prompt).
    /// </summary>
    public static SensitiveKind Scan(ReadOnlySpan<char> text) => ReadOnce(text, Whole);

    // One delegate for each pass (a method group would allocate one per call): the text as it says, then with its script's
    // digits in ASCII (a \u-escaped Persian or Bengali digit is read after its escape is).
    private static readonly Pass Once = ScanOnce;
    private static readonly Pass Whole = text => ScanOnce(text) is var kind && kind != SensitiveKind.None ? kind : NativeDigits(text, Once);

    private static SensitiveKind ScanOnce(ReadOnlySpan<char> text)
    {
        var kind = ScanTriggers(text);
        kind = kind != SensitiveKind.None ? kind : ScanDigits(text);
        return kind != SensitiveKind.None ? kind : SecretPhrases.Contains(text) || SecretPhrases.PasswordShaped(text) ? SensitiveKind.Password : ScanMobilityNumbers(text);
    }

    internal static SensitiveKind ScanTriggers(ReadOnlySpan<char> text)
    {
        var first = ScanNonAsciiTriggers(text);
        if (first != SensitiveKind.None)
        {
            return first;
        }

        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAny(Triggers);
            if (hit < 0)
            {
                return SensitiveKind.None;
            }

            var at = offset + hit;
            var kind = Check(text, at);
            if (kind != SensitiveKind.None)
            {
                return kind;
            }

            offset = at + 1;
        }

        return SensitiveKind.None;
    }

    /// <summary>The non-ASCII triggers' hits, checked before the ASCII ones (only when the text has non-ASCII characters).</summary>
    internal static SensitiveKind ScanNonAsciiTriggers(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyExceptInRange('\0', '\u007f'))
        {
            foreach (var trigger in NonAsciiTriggers)
            {
                foreach (var hit in SecretPhrases.Occurrences(text, trigger))
                {
                    var kind = Check(text, hit);
                    if (kind != SensitiveKind.None)
                    {
                        return kind;
                    }
                }
            }
        }

        return SensitiveKind.None;
    }

    /// <summary>The rules that may start at a trigger's hit <paramref name="at"/>.</summary>
    internal static SensitiveKind Check(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);

        // Provider key prefixes: a distinctive prefix and a long enough tail of token characters. Each opens with 's', 'r', 'g', 'h' or 'n'
        // (compared Ordinal): any other hit skips the thirteen compares (issue 16 item 4).
        if (rest[0] is 's' or 'r' or 'g' or 'h' or 'n' && (startsWord && Prefixed(rest, "sk-", 20, TokenChars)
            || Prefixed(rest, "sk_live_", 16, TokenChars) || Prefixed(rest, "sk_test_", 16, TokenChars) || Prefixed(rest, "rk_live_", 16, TokenChars)
            || startsWord && (Prefixed(rest, "ghp_", 30, TokenChars) || Prefixed(rest, "gho_", 30, TokenChars) || Prefixed(rest, "ghu_", 30, TokenChars)
                || Prefixed(rest, "ghs_", 30, TokenChars) || Prefixed(rest, "ghr_", 30, TokenChars))
            || Prefixed(rest, "github_pat_", 22, TokenChars) || Prefixed(rest, "glpat-", 20, TokenChars)
            || startsWord && (Prefixed(rest, "hf_", 30, TokenChars) || Prefixed(rest, "npm_", 36, TokenChars))))
        {
            return SensitiveKind.ApiKey;
        }

        if (startsWord && (rest.StartsWith("AKIA", StringComparison.Ordinal) || rest.StartsWith("ASIA", StringComparison.Ordinal)) && AwsKeyId(rest) && !rest[..20].EndsWith("EXAMPLE", StringComparison.Ordinal))
        {
            return SensitiveKind.ApiKey;
        }

        // A Slack token's tail carries its team's and user's numbers: "xoxb-your-token", "xoxb-seu-token-aqui" are a README's stand-ins (probe 20).
        if (rest.StartsWith("xox", StringComparison.Ordinal) && rest.Length > 4 && rest[3] is 'b' or 'p' or 'a' or 'r' or 's' or 'e'
            && rest.Length > 5 && rest[4] == '-' && Run(rest[5..], TokenChars) >= 10 && SlackTail(rest[5..][..Run(rest[5..], TokenChars)]))
        {
            return SensitiveKind.ApiKey;
        }

        if (rest.StartsWith("AIza", StringComparison.Ordinal) && Run(rest[4..], TokenChars) >= 30)
        {
            return SensitiveKind.ApiKey;
        }

        // Mapbox's secret and temporary tokens (sk.eyJ…, tk.eyJ…); its public pk. token is made to be shipped in web pages (docs/LABELLING.md).
        if (rest.StartsWith("eyJ", StringComparison.Ordinal) && (Jwt(rest) || (at >= 3 && text[(at - 3)..at] is "sk." or "tk." && Run(rest, Base64Chars) >= 40))
            && !PublishedJwt(rest) && !SecretPhrases.DummyValue(rest[..Run(rest, Base64Chars)]) && !(at >= 3 && text[(at - 3)..at] is "pk."))
        {
            return SensitiveKind.ApiKey; // a JWT; a Mapbox secret token
        }

        if (WebhookUrl(rest) || (rest.StartsWith("://", StringComparison.Ordinal) && ChatHookInUrl(rest)))
        {
            return SensitiveKind.ApiKey;
        }

        if (rest[0] == '$' && PasswordHash(rest) && !LoneHash(text, at))
        {
            return SensitiveKind.Password;
        }

        if (rest.StartsWith("sshpass", StringComparison.OrdinalIgnoreCase) && SshpassPassword(rest[7..]))
        {
            return SensitiveKind.Password;
        }

        if (rest.StartsWith("mysql", StringComparison.OrdinalIgnoreCase) && startsWord && MysqlPassword(rest))
        {
            return SensitiveKind.Password;
        }

        if (rest.StartsWith("basic ", StringComparison.OrdinalIgnoreCase) && startsWord && BasicAuth(rest[6..]))
        {
            return SensitiveKind.ApiKey;
        }

        // requests' auth tuple, an HTTPBasicAuth call (SensitiveScanner.AuthTuples).
        if (rest[0] is 'a' or 'A' && AuthTuple(text, at))
        {
            return SensitiveKind.Password;
        }

        if (rest.StartsWith("private key", StringComparison.OrdinalIgnoreCase) && PrivateKeyBlock(text, at))
        {
            return SensitiveKind.PrivateKey;
        }

        if (rest.StartsWith("bearer", StringComparison.OrdinalIgnoreCase) && startsWord && Bearer(rest[6..]))
        {
            return SensitiveKind.ApiKey;
        }

        // A passenger's travel document in a reservation's DOCS element (SensitiveScanner.Trips).
        if (rest[0] is 's' or 'S' or '3' && GdsDocument(rest))
        {
            return SensitiveKind.PersonalId;
        }

        // A key inside a URL: a credential's query parameter, a random segment after an API version (SensitiveScanner.AgentTraffic).
        if ((rest.StartsWith("://", StringComparison.Ordinal) && KeyInUrl(text, at)) || (rest[0] is 't' or 'T' or 'k' or 'K' && at > 0 && (char.IsAsciiLetter(text[at - 1]) || text[at - 1] == '_') && QueryParameterKey(text, at)))
        {
            return SensitiveKind.ApiKey;
        }

        // A storage key as a dotted setting's value, an Azure SAS's signature (SensitiveScanner.Research).
        // A cookie's name/value object with the session's value (SensitiveScanner.Research).
        if ((rest[0] is 'k' or 'K' or 's' or 'S' or 'p' or 'P' or 't' or 'T' or 'c' or 'C' && DottedSettingSecret(text, at))
            || (rest.StartsWith("sig=", StringComparison.Ordinal) && SasSignature(text, at))
            || (at > 0 && text[at - 1] is '\'' or '"' or '_' or '.' && NamedCookieValue(text, at)))
        {
            return SensitiveKind.ApiKey;
        }

        // A private key passed to the call that signs with it; a key file printed with its content (SensitiveScanner.KeyFiles).
        if (rest.StartsWith("key", StringComparison.OrdinalIgnoreCase) && (PrivateKeyCall(text, at) || PrintedKeyFile(text, at)))
        {
            return SensitiveKind.PrivateKey;
        }

        if (rest[0] is 'a' or 'A' && AppIdKey(text, at))
        {
            return SensitiveKind.ApiKey;
        }

        if (rest.StartsWith("://", StringComparison.Ordinal) && UrlWithPassword(rest[3..]))
        {
            return SensitiveKind.Password;
        }

        if (rest.StartsWith("://", StringComparison.Ordinal) && at >= 7 && text[(at - 7)..at].Equals("otpauth", StringComparison.OrdinalIgnoreCase) && OtpSecret(rest)
            || (rest.StartsWith("://", StringComparison.Ordinal) && MigrationPayload(text, at, rest)))
        {
            return SensitiveKind.ApiKey;
        }

        if (SessionCookie(text, at) || (rest[0] is 's' or 'S' or 't' or 'T' or 'a' or 'A' && CookieJarSession(text, at)))
        {
            return SensitiveKind.ApiKey;
        }

        // A secret typed by a form-filling call or a Playwright locator's fill (SensitiveScanner.BrowserAgents).
        if ((rest.StartsWith("\"ref\"", StringComparison.Ordinal) && FilledSecretField(text, at)) || (rest.StartsWith("ref: e", StringComparison.Ordinal) && FilledSecretLines(text, at))
            || (rest.StartsWith(".fill(", StringComparison.Ordinal) && FilledLocator(text, at)))
        {
            return SensitiveKind.Password;
        }

        if (startsWord && rest[0] is 'c' or 'l' && CommandLineSecret(text, at))
        {
            return SensitiveKind.Password;
        }

        if (startsWord && CommandFlagSecret(text, at))
        {
            return SensitiveKind.Password;
        }

        if ((rest[0] == '@' && GoDsnPassword(text, at)) || (at > 0 && text[at - 1] == '<' && PasswordElement(text, at)))
        {
            return SensitiveKind.Password;
        }

        // A generated password in Terraform's state; a secret printed under the command that reads it (SensitiveScanner.WorkOutput).
        if (rest[0] is 'p' or 'P' or 's' or 'S' or 'c' or 'C' && (GeneratedPasswordResult(text, at) || SecretPrintedBelow(text, at)))
        {
            return SensitiveKind.Password;
        }

        return IdPhrase(text, at) ? SensitiveKind.PersonalId : Assignment(text, at);
    }

    // Incoming-webhook URLs carry their secret in the path: Slack, Discord, Microsoft Teams.
    private static bool WebhookUrl(ReadOnlySpan<char> rest)
    {
        // Its three starts open with 'h', '/' or 'w', which no character but these and their capitals equals under OrdinalIgnoreCase
        // (SensitiveScannerTests checks it): every other hit is turned away before three compares (issue 16 item 4). The same answer.
        if (rest[0] is not ('h' or 'H' or '/' or 'w' or 'W'))
        {
            return false;
        }

        var path = rest.StartsWith("hooks.slack.com/services/", StringComparison.OrdinalIgnoreCase) ? rest[25..]
            : rest.StartsWith("/api/webhooks/", StringComparison.OrdinalIgnoreCase) ? rest[14..]
            : rest.StartsWith("webhook.office", StringComparison.OrdinalIgnoreCase) && rest.IndexOf('/') is > 0 and var slash ? rest[(slash + 1)..]
            : [];
        var end = path.IndexOfAny(" \t\r\n\"'<>)");
        path = end < 0 ? path : path[..end];
        var secret = path[(path.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');
        return secret.Length >= 20 && Run(secret, TokenChars) == secret.Length && HasDigitAndLetter(secret);
    }

    // Unix crypt and htpasswd hashes ($apr1$salt$hash, $2b$12$…, $6$salt$hash, $argon2id$…): a password dump.
    private static bool PasswordHash(ReadOnlySpan<char> rest)
    {
        var close = rest[1..].IndexOf('$');
        if (close is < 1 or > 8)
        {
            return false;
        }

        var body = rest[(close + 2)..];
        var length = 0;
        while (length < body.Length && (char.IsAsciiLetterOrDigit(body[length]) || body[length] is '.' or '/' or '$' or '=' or ',' or '+'))
        {
            length++;
        }

        return length >= 20 && HasDigitAndLetter(body[..length]);
    }

    // sshpass -p 'secret' ssh …
    private static bool SshpassPassword(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        if (!rest.StartsWith("-p", StringComparison.Ordinal))
        {
            return false;
        }

        var value = rest[2..].TrimStart(' ').Trim("'\"");
        var end = value.IndexOfAny(" '\"\t\r\n");
        value = end < 0 ? value : value[..end];
        return value.Length >= 3 && !Placeholder(value);
    }

    // mysql -u root -pSonnenblume77 shop (mysqldump, mysqladmin too): the password glued to -p on the command line.
    private static bool MysqlPassword(ReadOnlySpan<char> rest)
    {
        var newline = rest.IndexOfAny('\n', '\r');
        var line = newline < 0 ? rest : rest[..newline];
        for (var flag = line.IndexOf(" -p", StringComparison.Ordinal); flag >= 0; flag = line.IndexOf(" -p", StringComparison.Ordinal))
        {
            var value = line[(flag + 3)..];
            var end = value.IndexOfAny(" \t");
            value = (end < 0 ? value : value[..end]).Trim("'\"");
            if (value.Length >= 3 && !Placeholder(value) && value[0] != '-')
            {
                return true;
            }

            line = line[(flag + 3)..];
        }

        return false;
    }

    // Authorization: Basic dXNlcjpwYXNz — base64 of user:password.
    private static bool BasicAuth(ReadOnlySpan<char> rest)
    {
        var token = rest.TrimStart(' ');
        var length = Run(token, Base64Chars);
        return length >= 12 && HasDigitAndLetter(token[..length]) && !Placeholder(token[..length]);
    }

    // A Hugging Face token's tail is letters only: a long tail whose case changes like random text's counts as one with digits.
    // A vendor's published example (Stripe's docs' sk_test_…) is no one's key.
    private static bool Prefixed(ReadOnlySpan<char> rest, string prefix, int minTail, SearchValues<char> tailChars) =>
        rest.StartsWith(prefix, StringComparison.Ordinal) && Run(rest[prefix.Length..], tailChars) >= minTail
        && (HasDigitAndLetter(rest[prefix.Length..][..Run(rest[prefix.Length..], tailChars)]) || RandomCase(rest[prefix.Length..][..Run(rest[prefix.Length..], tailChars)]))
        && !FakeTail(rest[prefix.Length..][..Run(rest[prefix.Length..], tailChars)]) && !SecretPhrases.DummyValue(rest[..(prefix.Length + Run(rest[prefix.Length..], tailChars))]);

    private static int Run(ReadOnlySpan<char> s, SearchValues<char> chars)
    {
        var end = s.IndexOfAnyExcept(chars);
        return end < 0 ? s.Length : end;
    }

    private static bool HasDigitAndLetter(ReadOnlySpan<char> s) => s.IndexOfAnyInRange('0', '9') >= 0 && s.ContainsAnyExceptInRange('0', '9');

    private static bool AwsKeyId(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 20)
        {
            return false;
        }

        // AKIAXXXXXXXXXXXXXXXX: a fixture's filler, the same character sixteen times (probe 27).
        if (rest[4..20].IndexOfAnyExcept(rest[4]) < 0)
        {
            return false;
        }

        for (var i = 4; i < 20; i++)
        {
            if (!(char.IsAsciiLetterUpper(rest[i]) || char.IsAsciiDigit(rest[i])))
            {
                return false;
            }
        }

        return rest.Length == 20 || !char.IsAsciiLetterOrDigit(rest[20]);
    }

    // header.payload.signature, each base64url; the header starts with eyJ ('{"').
    private static bool Jwt(ReadOnlySpan<char> rest)
    {
        var header = Run(rest, TokenChars);
        if (header < 10 || header >= rest.Length || rest[header] != '.')
        {
            return false;
        }

        var afterHeader = rest[(header + 1)..];
        var payload = Run(afterHeader, TokenChars);
        if (payload < 10 || payload >= afterHeader.Length || afterHeader[payload] != '.')
        {
            return false;
        }

        return Run(afterHeader[(payload + 1)..], TokenChars) >= 8;
    }

    private static bool PrivateKeyBlock(ReadOnlySpan<char> text, int at)
    {
        // "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN OPENSSH PRIVATE KEY-----", "BEGIN PGP PRIVATE KEY BLOCK".
        var from = Math.Max(0, at - 40);
        var before = text[from..at];
        var begin = before.LastIndexOf("BEGIN", StringComparison.Ordinal);
        return begin >= 0 && before[begin..].IndexOfAny('\n', '\r') < 0 && !HeaderAlone(text[at..]);
    }

    // Probe 27: a header named in a sentence or a hook's pattern ("lines like -----BEGIN RSA PRIVATE KEY-----.", "-e
    // '-----BEGIN … KEY-----'") carries no key. A complete header followed on its line by words or punctuation is such a
    // mention; one that ends its line (a key pasted, whole or cut short; \n escaped once or twice in a tool's JSON) or is
    // followed by a base64 run (line breaks lost) stays a key.
    private static bool HeaderAlone(ReadOnlySpan<char> header)
    {
        var dashes = header[..Math.Min(header.Length, 40)].IndexOf("-----", StringComparison.Ordinal);
        if (dashes < 0)
        {
            // Probe 47: a header with no dashes at all named in a sentence ("(BEGIN OPENSSH PRIVATE KEY)", 'BEGIN … KEY' in a grep): a key
            // pasted keeps its dashes; one cut to its words is a mention unless its line ends there or a base64 run follows.
            return NamedHeader(header);
        }

        var after = header[(dashes + 5)..].TrimStart(" \t");
        return !after.IsEmpty && after[0] is not ('\r' or '\n' or '\\') && Run(after, Base64Chars) < 16;
    }

    private static bool NamedHeader(ReadOnlySpan<char> header)
    {
        var after = header["private key".Length..];
        after = after.StartsWith(" block", StringComparison.OrdinalIgnoreCase) ? after[" block".Length..] : after;
        return !after.IsEmpty && after[0] is not ('\r' or '\n' or '\\' or '-') && Run(after.TrimStart(" \t"), Base64Chars) < 16;
    }

    private static bool Bearer(ReadOnlySpan<char> rest)
    {
        var i = 0;
        while (i < rest.Length && rest[i] is ' ' or '\t')
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        var token = rest[i..];
        var length = Run(token, Base64Chars);
        return length >= 16 && HasDigitAndLetter(token[..length]) && !Placeholder(token[..length]);
    }

    // otpauth://totp/Label?secret=JBSWY3DPEHPK3PXP: the authenticator's shared secret (base32), not the docs' SECRET.
    private static bool OtpSecret(ReadOnlySpan<char> rest)
    {
        var value = QueryValue(rest, "secret=");
        return value.Length >= 16 && Run(value, TokenChars) == value.Length && !Placeholder(value);
    }

    // The value of a URL's query parameter (name with its '='), up to the next '&' or the URL's end; empty when it has none.
    private static ReadOnlySpan<char> QueryValue(ReadOnlySpan<char> rest, string name)
    {
        var end = rest.IndexOfAny(" \t\r\n\"'<>");
        var url = end < 0 ? rest : rest[..end];
        var at = url.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return [];
        }

        var value = url[(at + name.Length)..];
        var stop = value.IndexOf('&');
        return stop < 0 ? value : value[..stop];
    }

    // A session's key in a cookie or an assignment: "Cookie: sessionid=k2w9…", "Set-Cookie: PHPSESSID=8f3k…",
    // "connect.sid=s%3AqX7v…", "session_token": "…" — a long value with letters and digits, whatever the site named it.
    private static bool SessionCookie(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (!(rest.StartsWith("cookie", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("session", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("sessid", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("sid=", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (rest.StartsWith("cookie", StringComparison.OrdinalIgnoreCase))
        {
            var line = Line(rest);

            // Every pair of a Cookie or Set-Cookie header (or "cookie: a=b; c=d" in prose).
            var colon = line[6..].TrimStart('s').TrimStart(' ');
            if (colon.IsEmpty || colon[0] is not (':' or '='))
            {
                return false;
            }

            foreach (var range in colon[1..].Split(';'))
            {
                var pair = colon[1..][range].Trim(' ');
                var equals = pair.IndexOf('=');
                if (equals > 0 && SessionValue(pair[(equals + 1)..], minLetters: 4, cookie: true))
                {
                    return true;
                }
            }

            return false;
        }

        // A name holding session, sessid or sid, then = or : and the value. Neither the name nor the quotes and spaces after it hold
        // a line break, so the line's end is looked for only once the = or : is there (in JSON-escaped text the line is the whole
        // text: a search to its end at every "session" in code; issue 16 item 4).
        var end = 0;
        while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] is '_' or '-' or '.'))
        {
            end++;
        }

        var after = rest[end..].TrimStart("\"' ");
        if (after.IsEmpty || after[0] is not (':' or '='))
        {
            return false;
        }

        after = Line(rest)[end..].TrimStart("\"' ");

        // A UUID named session is a conversation's id (OpenClaw's runtime line, "sessionId=144aa398-…" on every request),
        // not a login: a session cookie's own value (the Cookie header above) is read whatever its shape.
        var value = after[1..].TrimStart("\"' ");
        return SessionValue(value, minLetters: 2) && !SecretPhrases.Uuid(value);
    }

    private static ReadOnlySpan<char> Line(ReadOnlySpan<char> rest) => rest.IndexOfAny('\r', '\n') is >= 0 and var newline ? rest[..newline] : rest;

    private static bool SessionValue(ReadOnlySpan<char> value, int minLetters, bool cookie = false)
    {
        value = value[..Run(value, cookie ? CookieChars : SessionChars)];
        var digits = 0;
        var letters = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            letters += char.IsAsciiLetter(c) ? 1 : 0;
        }

        return value.Length >= 16 && digits >= 2 && letters >= minLetters && !Placeholder(value) && !LooksLikeCode(value) && !TwilioSid(value);
    }

    // "sid=SM7c2e…": a Twilio resource's SID (two capitals naming its kind and 32 lower-case hex digits) identifies a message or a call.
    private static bool TwilioSid(ReadOnlySpan<char> value) =>
        value.Length == 34 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) && value[2..].IndexOfAnyExcept(SecretPhrases.LowerHexChars) < 0;

    private static readonly SearchValues<char> SessionChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/.~%");

    // A Cookie header's value may join its parts with ':' and '|' (Yandex's Session_id: "3:1764988801.5.0.…:AbCdEf:8a.1.2:1|…"; probe
    // 22); an assignment's may not ("session=agent:main:explicit:…" is OpenClaw's conversation, named).
    private static readonly SearchValues<char> CookieChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/.~%:|");

    // scheme://user:password@host — the password part must be non-empty and not a placeholder.
    private static bool UrlWithPassword(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny(" \t\r\n\"'<>/");
        var authority = end < 0 ? rest : rest[..end];
        var atSign = authority.LastIndexOf('@');
        if (atSign <= 0)
        {
            return false;
        }

        var userInfo = authority[..atSign];
        var colon = userInfo.IndexOf(':');
        if (colon < 0 || colon == userInfo.Length - 1)
        {
            return false; // redis://:secret@host has no user, only a password
        }

        // postgres:postgres@, guest:guest@, USER:PASSWORD@: a documented default or a placeholder, not a secret.
        var password = userInfo[(colon + 1)..];
        return !Placeholder(password) && !password.Equals(userInfo[..colon], StringComparison.OrdinalIgnoreCase)
            && !password.Equals("PASSWORD", StringComparison.OrdinalIgnoreCase) && !password.Equals("PASS", StringComparison.OrdinalIgnoreCase)
            && !CapitalNames(userInfo); // BENUTZER:PASSWORT@, USUARIO:CONTRASEÑA@: a placeholder in any language
    }

    // Where the identifier holding the hit at `at` starts.
    private static int IdentStart(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && IdentChars.Contains(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    // name = value, name: value, name is value — where the name ends in a secret-bearing word.
    private static SensitiveKind Assignment(ReadOnlySpan<char> text, int at)
    {
        // Widen the hit to the whole identifier it sits in (DB_PASSWORD, apiKey, client-secret). Its end first: a name that ends past
        // the hit ends there whatever its start, and most names are turned away below by what follows them, before the walk back to
        // their start ("cancellationToken)"; issue 16 item 4). The same answer.
        var end = at;
        while (end < text.Length && (IdentChars.Contains(text[end]) || char.IsLetter(text[end])))
        {
            end++;
        }

        while (end > at && text[end - 1] == '.')
        {
            end--;
        }

        var start = at;
        if (end == at)
        {
            start = IdentStart(text, at);
            while (end > start && text[end - 1] == '.')
            {
                end--;
            }
        }

        // Past the name's closing quotes and spaces: every value below starts there after '=' or ':', a quote, "is", or a space. A name
        // with none of these after it ("key," "cancellationToken)" in code, most hits in code) is no assignment, whatever the name says,
        // so it is turned away before the name is read (the answer is the same; issue 16 item 4).
        var i = end;
        while (i < text.Length && text[i] is '"' or '\'' or '`' or ']')
        {
            i++;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i == end && !(i < text.Length && text[i] is '=' or ':'))
        {
            return SensitiveKind.None;
        }

        start = end > at ? IdentStart(text, at) : start;
        var name = text[start..end];
        var last = LastPart(name, out var parts);
        // "pass" alone is a password only as a quoted key ("pass": …) or an assignment (pass=…), not "boarding pass".
        var quotedKey = start > 0 && text[start - 1] is '"' or '\'' && end < text.Length && text[end] == text[start - 1];
        var isPassword = IsPasswordWord(last, parts) || (parts > 1 && last.Equals("pw", StringComparison.OrdinalIgnoreCase))
            || (parts == 1 && end < text.Length && text[end] == '=' && GluedPasswordName(name))
            || (parts == 1 && last.Equals("pass", StringComparison.OrdinalIgnoreCase)
            && (quotedKey || (end < text.Length && text[end] == '='))) || (parts > 1 && PasswordPart(name));
        // "PublicKey = HIgo9x…", "pub_key": a public key is shared on purpose.
        var isKey = !isPassword && IsKeyWord(last) && !name.StartsWith("pub", StringComparison.OrdinalIgnoreCase) && !NotCredentialKey(text, start, end)
            && !SecretPhrases.NounInResourceName(text, start);
        if ((!isPassword && !isKey) || ExpansionWithoutValue(text, start, end) || (quotedKey && TernaryBranch(text, start)))
        {
            return SensitiveKind.None;
        }

        var phrase = false;
        var argument = false;
        if (i < text.Length && text[i] is '=' or ':')
        {
            var colon = text[i] == ':';
            i++;
            if (i < text.Length && text[i] == '=')
            {
                if (!colon)
                {
                    return SensitiveKind.None; // comparison (==), not an assignment
                }

                i++; // ':=' assigns (Make, Go)
            }

            i = HashRocket(text, i);
        }
        else if (quotedKey && CallArgumentValue(text, start, ref i))
        {
            // define('DB_PASSWORD', '…'), os.getenv('SMTP_PASSWORD', '…'), ENV.fetch('REDIS_PASSWORD') { '…' } (SensitiveScanner.WorkOutput).
            argument = true;
        }
        else if (isPassword && i > end && i < text.Length && text[i] is '\'' or '"' && !ShellVariable(text, start))
        {
            // SQL and CLI: WITH PASSWORD 'abc123', --password "abc123"
        }
        else if (isPassword && parts > 1 && StartsWithWord(text[i..], out var verb) && verb is "is" or "was" or "est" or "es" or "ist" or "é" or "equals" or "lautet" or "era")
        {
            // "DB_PASSWORD is …"; a plain "password is …" in prose is SecretPhrases' to judge.
            i += verb.Length;
            phrase = true;
        }
        else if (isKey && i > end && !SecretPhrases.PublicKeyId(text, end) && !SecretPhrases.PathAfter(text, i))
        {
            // client_secret 9f8e…, --token "1//0gX…": a key name, a space and a long random value.
            var spaced = text[i..].TrimStart("'\"");
            var length = Run(spaced, SpacedValueChars);
            // "publishable key pk_test_51Nq…": Stripe's public key, named (SecretPhrases.Research).
            return length >= 20 && HasDigitAndLetter(spaced[..length]) && !Placeholder(spaced[..length]) && !SecretPhrases.PublishableKeyAt(text, text.Length - spaced.Length)
                && (length == spaced.Length || (!char.IsAsciiLetter(spaced[length]) && spaced[length] is not (':' or '.' or '@')))
                ? SensitiveKind.ApiKey : SensitiveKind.None;
        }
        else
        {
            return SensitiveKind.None;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        var quoted = i < text.Length && text[i] is '"' or '\'' or '`';
        if (quoted)
        {
            i++;
        }

        var valueEnd = i;
        while (valueEnd < text.Length && !char.IsWhiteSpace(text[valueEnd]) && text[valueEnd] is not '"' and not '\'' and not '`' and not ',' and not ';' and not '&')
        {
            valueEnd++;
        }

        var value = text[i..valueEnd];
        if (phrase)
        {
            value = value.TrimEnd(".!?)");
        }

        if (value.IsEmpty || Placeholder(value) || EncodedPlaceholder(value) || (argument && !(value.Length >= 8 && HasDigitAndLetter(value))))
        {
            return SensitiveKind.None;
        }

        if (isPassword)
        {
            // WITH PASSWORD :'new_password': a quoted variable name, not a password.
            if (quoted && SecretPhrases.Identifier(value) && value.Contains("password", StringComparison.OrdinalIgnoreCase))
            {
                return SensitiveKind.None;
            }

            // "password: pwd }", "'password': CCU_PASS})": a variable's or a constant's name, unquoted.
            if (!quoted && (LooksLikeCode(value) || SecretVariable(value.TrimEnd("}]).,;")) || SecretPhrases.DummyValue(value.TrimEnd("}]).,;"))))
            {
                return SensitiveKind.None;
            }

            // The same descriptions as prose secrets ("ist falsch", "est trop", "is printed"), and type names; a signature's type is
            // followed by its return type's colon ("password: string): Promise<…>", Kotlin's "password: String): Boolean").
            var bare = value.TrimEnd("}]).,;!?:");
            foreach (var list in (ReadOnlySpan<string[]>)[NotAValue, SecretPhrases.Descriptions, SecretPhrases.SettingStates])
            {
                foreach (var word in list)
                {
                    if (bare.Equals(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return SensitiveKind.None;
                    }
                }
            }

            // "utilizador: admin / palavra-passe: admin": a device's default, the user name again; "password: ask at reception":
            // where it is, not what it is (SecretPhrases.Handles).
            return value.Length >= 3 && !(!quoted && ConditionColon(text, start, end)) && !SecretPhrases.UserNamed(text, at, bare) && !(!quoted && SecretPhrases.PointsElsewhere(value, text[valueEnd..]))
                && !(!quoted && (TaggedReference(value, text[valueEnd..]) || SecretPhrases.ProseWordValue(bare, text[valueEnd..]))) && !SecretPhrases.ClubNear(text, at, valueEnd) && !NameEchoed(name, bare) && !UserEchoed(text, start, bare) && !InSealedBlock(text, start)
                && !SecretPhrases.ExampleBefore(text, start) && !SecretPhrases.VendorSandboxLogin(text, start)
                ? SensitiveKind.Password : SensitiveKind.None;
        }

        // A key, token or secret: long, mixed, and made of token characters only (a bot token's ':' included); it may
        // be followed by text in another script ("x-api-key: 8f3c…。ヘッダー").
        var run = Run(value, KeyValueChars);
        return !SecretPhrases.PathAfter(text, i) && run >= 16 && (run == value.Length || value[run] > 0x7F) && HasDigitAndLetter(value[..run])
            || (quoted && QuotedKeyLiteral(text, i)) || (run == value.Length && ShortPsk(last, value))
            ? (CacheKeyLine(text, start) || SecretPhrases.DocumentedExample(text, start) || AwsExampleTail(value[..run]) ? SensitiveKind.None : SensitiveKind.ApiKey) : SensitiveKind.None;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> s, out string word)
    {
        foreach (var w in (string[])["is", "was", "est", "es", "ist", "é", "equals", "lautet", "era"])
        {
            if (s.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (s.Length == w.Length || s[w.Length] is ' ' or ':' or '\t'))
            {
                word = w;
                return true;
            }
        }

        word = "";
        return false;
    }

    // The last part of an identifier split at '_', '-', '.', and lower→upper camel-case boundaries.
    private static ReadOnlySpan<char> LastPart(ReadOnlySpan<char> name, out int parts)
    {
        parts = 1;
        var lastStart = 0;
        for (var i = 1; i < name.Length; i++)
        {
            if (name[i - 1] is '_' or '-' or '.')
            {
                lastStart = i;
                parts++;
            }
            else if ((char.IsLower(name[i - 1]) && char.IsUpper(name[i])) || AcronymEnd(name, i))
            {
                lastStart = i;
                parts++;
            }
        }

        return name[lastStart..].TrimEnd("_-.");
    }

    private static bool IsPasswordWord(ReadOnlySpan<char> last, int parts) =>
        last.Equals("password", StringComparison.OrdinalIgnoreCase) || last.Equals("passwd", StringComparison.OrdinalIgnoreCase)
        || last.Equals("pwd", StringComparison.OrdinalIgnoreCase) || last.Equals("passphrase", StringComparison.OrdinalIgnoreCase)
        || last.Equals("passcode", StringComparison.OrdinalIgnoreCase) || last.Equals("passwort", StringComparison.OrdinalIgnoreCase)
        || last.Equals("kennwort", StringComparison.OrdinalIgnoreCase) || last.Equals("contraseña", StringComparison.OrdinalIgnoreCase)
        || last.Equals("contrasena", StringComparison.OrdinalIgnoreCase) || last.Equals("senha", StringComparison.OrdinalIgnoreCase)
        || last.Equals("пароль", StringComparison.OrdinalIgnoreCase) || last.Equals("密码", StringComparison.Ordinal)
        || last.Equals("passe", StringComparison.OrdinalIgnoreCase) // "mot de passe"
        || last.Equals("mdp", StringComparison.OrdinalIgnoreCase) || last.Equals("wachtwoord", StringComparison.OrdinalIgnoreCase)
        || last.Equals("haslo", StringComparison.OrdinalIgnoreCase) || last.Equals("sifre", StringComparison.OrdinalIgnoreCase)
        || last.Equals("losenord", StringComparison.OrdinalIgnoreCase)
        || (parts > 1 && last.Equals("pass", StringComparison.OrdinalIgnoreCase)); // DB_PASS, smtp_pass; not "boarding pass"

    // MDP_BDD, PASSWORD_DB, smtp_pass_prod: a password word in any part of the name, unless the name ends in
    // what describes the password rather than holding it (PASSWORD_MIN_LENGTH, password_reset_url).
    private static bool PasswordPart(ReadOnlySpan<char> name)
    {
        // "battle pass-seizoen", "die Pass-Saison": a season's pass joined to a word of prose, no password's name (probe 45).
        if (name.Length > 8 && name[..5].Equals("pass-", StringComparison.OrdinalIgnoreCase) && name[5..].IndexOfAnyExceptInRange('a', 'z') is var other
            && (other < 0 || (other == 0 && char.IsAsciiLetterUpper(name[5]) && name[6..].IndexOfAnyExceptInRange('a', 'z') < 0)))
        {
            return false;
        }

        var found = false;
        var lastPart = ReadOnlySpan<char>.Empty;
        foreach (var range in name.SplitAny("_-."))
        {
            var part = name[range];
            found |= IsPasswordWord(part, 2) || part.Equals("mdp", StringComparison.OrdinalIgnoreCase);
            lastPart = part.IsEmpty ? lastPart : part;
        }

        if (!found)
        {
            return false;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["length", "len", "min", "max", "url", "uri", "path", "file", "hash", "policy", "reset", "expiry",
            "ttl", "enabled", "required", "field", "rules", "regex", "pattern", "input", "label", "hint", "prompt", "env", "var", "name", "type", "id",
            "ref", "mode"]) // probe 27: a vault's reference or how the password is made (password_ref, password_mode)
        {
            if (lastPart.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKeyWord(ReadOnlySpan<char> last) =>
        last.Equals("key", StringComparison.OrdinalIgnoreCase) || last.Equals("apikey", StringComparison.OrdinalIgnoreCase)
        || last.Equals("token", StringComparison.OrdinalIgnoreCase) || last.Equals("secret", StringComparison.OrdinalIgnoreCase)
        || last.Equals("credential", StringComparison.OrdinalIgnoreCase) || last.Equals("credentials", StringComparison.OrdinalIgnoreCase)
        || last.Equals("secretkey", StringComparison.OrdinalIgnoreCase) || last.Equals("accesskey", StringComparison.OrdinalIgnoreCase)
        || last.Equals("auth", StringComparison.OrdinalIgnoreCase) || last.Equals("psk", StringComparison.OrdinalIgnoreCase) // Wi-Fi pre-shared key
        || last.Equals("pat", StringComparison.OrdinalIgnoreCase); // a personal access token

    // Values that stand for a secret without being one.
    // The card networks' published test numbers (4111 1111 1111 1111, 4242 4242 4242 4242…): documentation, not a card.
    private static bool TestCard(ReadOnlySpan<byte> digits)
    {
        var same = 0;
        for (var i = 4; i < digits.Length; i++)
        {
            same += digits[i] == digits[i - 4] || digits[i] == 1 ? 1 : 0;
        }

        return same >= digits.Length - 5;
    }

    private static bool Placeholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] is '$' or '{' or '<' or '%' or '[' or '(')
        {
            return true; // ${ENV}, $VAR, {{template}}, <your-key>, %VAR%
        }

        // Home Assistant's "!secret mqtt_pass": a reference into secrets.yaml (SensitiveScanner.SmartHomes).
        if (value.StartsWith("!secret", StringComparison.Ordinal))
        {
            return true;
        }

        if (value.IndexOfAnyExcept(value[0]) < 0)
        {
            return true; // ****, xxxx, ....
        }

        // "pypi-<TU_TOKEN_AQUI>": a template's hole inside the value.
        return value.Contains("xxxx", StringComparison.OrdinalIgnoreCase) || value.Contains("...", StringComparison.Ordinal) || TemplateHole(value)
            || value.Contains("your", StringComparison.OrdinalIgnoreCase) || value.StartsWith("process.env", StringComparison.Ordinal)
            || value.StartsWith("os.environ", StringComparison.Ordinal) || value.StartsWith("env.", StringComparison.OrdinalIgnoreCase)
            || value.Contains("getenv", StringComparison.OrdinalIgnoreCase) || value.Contains("****", StringComparison.Ordinal)
            || value.Contains("placeholder", StringComparison.OrdinalIgnoreCase) || value.Contains("redacted", StringComparison.OrdinalIgnoreCase)
            || SecretPhrases.DummyValue(value);
    }

    // An unquoted value that is an expression in code: a call, an index, a member access.
    private static bool LooksLikeCode(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny('(', '[') >= 0)
        {
            return true;
        }

        var dot = value.IndexOf('.');
        return dot > 0 && dot < value.Length - 1 && char.IsLetter(value[0]) && char.IsLetter(value[dot + 1]) && !value.ContainsAnyInRange('0', '9');
    }

    // "passport number: X1234567", "SSN 123456789", "my national id is AB 12 34 56 C".
    private static bool IdPhrase(ReadOnlySpan<char> text, int at)
    {
        // Every phrase below starts with one of these ASCII letters (a non-ASCII character may still fold to one): a first test
        // that turns away "key", "cookie", "bearer"… before sixteen compares (issue 16 item 4).
        if (text[at] < 128 && (text[at] | 0x20) is not ('p' or 's' or 'n' or 'i' or 't' or 'a' or 'd' or 'c'))
        {
            return false;
        }

        // No phrase counts glued to a letter before it ("cancellationToken"): asked before the compares, not after. The same answer.
        if (at > 0 && char.IsLetter(text[at - 1]))
        {
            return false;
        }

        var rest = text[at..];
        var isPhrase = rest.StartsWith("passport", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ssn", StringComparison.OrdinalIgnoreCase) && (at == 0 || !char.IsLetter(text[at - 1])) && (rest.Length == 3 || !char.IsLetter(rest[3]))
            || rest.StartsWith("social security", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("national id", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("national insurance", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("id number", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("id no", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("tax id", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("personalausweis", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("aadhaar", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("identity card", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("id card", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("driver", StringComparison.OrdinalIgnoreCase) && rest[..Math.Min(rest.Length, 30)].Contains("licen", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("sécurité sociale", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("numéro de sécu", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("steuer", StringComparison.OrdinalIgnoreCase) && rest[..Math.Min(rest.Length, 20)].Contains("id", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("sozialversicherung", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("DNI", StringComparison.Ordinal) && (rest.Length == 3 || !char.IsLetter(rest[3]))
            || SnakeIdKey(rest) && (at == 0 || text[at - 1] != '_') || IdFieldName(rest);
        if (!isPhrase)
        {
            return false;
        }

        // An id-like value within the next 60 characters: 6+ letters/digits (single spaces or dashes
        // allowed inside) holding at least 4 digits.
        // The value is read after the phrase's word: a long compound ("Sozialversicherungsnummer") is no part of it.
        var window = rest[..Math.Min(rest.Length, 60)];
        var word = window.IndexOfAnyExcept(IdentChars);
        // "replace SSNs with [SSN]", "ssn [REDACTED] — claim 2291…": a redaction tag or a replaced value names no later number.
        if (SecretPhrases.RedactionTag(text, at) || SecretPhrases.RedactedAfter(text, at + (word < 0 ? window.Length : word)))
        {
            return false;
        }

        // An HL7 field's component ("SSN123456789^^^SSA"): its value is the word itself, the next field is another's (SensitiveScanner.Healthcare).
        if (word > 0 && window[word] == '^')
        {
            return RealPatientId(window[..word]);
        }

        for (var i = word < 0 ? window.Length : word; i < window.Length; i++)
        {
            // An id starts with a digit or a capital letter ("C03005988", "AB 12 34 56 C"), not "in 2019".
            if (!(char.IsAsciiDigit(window[i]) || char.IsAsciiLetterUpper(window[i])) || (i > 0 && char.IsAsciiLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            int chars = 0, digits = 0, j = i;
            while (j < rest.Length && j < i + 30)
            {
                var c = rest[j];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    chars++;
                    digits += char.IsAsciiDigit(c) ? 1 : 0;
                }
                else if (c is not (' ' or '-') || j + 1 >= rest.Length || !char.IsAsciiDigit(rest[j + 1]) && !(char.IsAsciiLetterUpper(rest[j + 1]) && digits > 0))
                {
                    break;
                }

                j++;
            }

            // "October 2026", "June 2027": a month written out and its year.
            var value = rest[i..j].Trim();
            var space = value.IndexOf(' ');
            var monthYear = space > 0 && SecretPhrases.MonthNamed(value[..space]) && value[(space + 1)..].IndexOfAnyExceptInRange('0', '9') < 0;
            // "the DNI office gave me queue ticket number 0041235": a public number named between the phrase and the value.
            var between = window[(word < 0 ? window.Length : word)..Math.Min(i, window.Length)];
            // Probe 24: an id's first digits asked about ("starts with 870415"), a masked value ("Aadhaar (XXXX XXXX 6627)").
            if (SecretPhrases.WordIn(between, SecretPhrases.PrefixWords) || SecretPhrases.MaskedAfter(rest[..j], word < 0 ? window.Length : word))
            {
                i = j;
                continue;
            }

            // "national_id '00000003' (fake rows)": the phrase's value is declared a dummy, and the values after it are other fields'.
            if (chars >= 6 && digits >= 4 && (SecretPhrases.DeclaredDummy(text, at + i) || SecretPhrases.DocumentedValue(text, at + i, at + j)))
            {
                return false;
            }

            // "ssn: 000-00-0000⏎address: … TX 75000": a template's zeros are the phrase's value; a later line's number is another field's (probe 37).
            if (chars >= 6 && digits >= 4 && value.IndexOfAnyInRange('1', '9') < 0)
            {
                var lineEnd = window[Math.Min(j, window.Length)..].IndexOfAny('\n', '\r');
                window = lineEnd < 0 ? window : window[..(Math.Min(j, window.Length) + lineEnd)];
            }

            // "[DNI: 00000000X]": a template's field of zeros is no one's id (probe 36: D42152).
            if (chars >= 6 && digits >= 4 && value.IndexOfAnyInRange('1', '9') >= 0 && !SecretPhrases.Date(value) && !monthYear && !SecretPhrases.NamesPublicNumber(between)
                && !SecretPhrases.NormReference(rest, i, j) && !FormatLabelled(rest, i, j) && !ExampleSsn(value) && !SecretPhrases.ExampleNinoIn(value, text[Math.Max(0, at - 120)..Math.Min(text.Length, at + 200)]) && !RangeOrCounting(value[Math.Max(0, value.IndexOfAnyInRange('0', '9'))..]) && !Timestamp(rest[i..])
                && !MaskBefore(rest, i) && !SecretPhrases.ExampleSaidBefore(text, at + i) && !TestValue(value) && !TestValue(value[Math.Max(0, value.IndexOfAnyInRange('0', '9'))..]) && !DateAndHour(rest[i..]))
            {
                return true; // an id, not the date it expires or was issued
            }

            i = j;
        }

        return false;
    }

    // A CRM's or an HR tool's field named in snake case (<c>"national_insurance_number"</c>, <c>"tax_id"</c>): the phrases above
    // with an underscore; not the end of another name (<c>"vendor_tax_id"</c>: the caller checks the character before).
    private static bool SnakeIdKey(ReadOnlySpan<char> rest) =>
        rest.StartsWith("national_id", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("national_insurance", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("tax_id", StringComparison.OrdinalIgnoreCase);

    internal static SensitiveKind ScanDigits(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                return SensitiveKind.None;
            }

            var start = offset + hit;
            var kind = CheckDigits(text, start, out var next);
            // A safe's factory default dialled digit by digit ("ab Werk den Code 0-0-0-0"; SensitiveScanner.SmallBusiness).
            if (kind != SensitiveKind.None && !SecretPhrases.FactoryDefaultAt(text, start))
            {
                return kind;
            }

            // A wallet's keypair written as its bytes (SensitiveScanner.VendorShapes).
            if (start > 0 && text[start - 1] is '[' or ' ' or '\n' && KeypairBytes(text, start))
            {
                return SensitiveKind.PrivateKey;
            }

            // A Myanmar NRC by its whole shape, counting digits too (SensitiveScanner.LocalIds).
            if (MyanmarNrc(text, start))
            {
                return SensitiveKind.PersonalId;
            }

            if ((NationalId(text, start) || EverydayNumber(text, start) || AcronymId(text, start) || PrintedId(text, start) || RecordId(text, start) || MrzAt(text, start) || OwnedAnswerId(text, start)
                || CitizenCardNumber(text, start) || SymbolAndNumber(text, start) || FieldGroupedIban(text, start) || NamedMyNumber(text, start) || LockCodeField(text, start) || SpacedResidentNumber(text, start) || MaterialNumber(text, start)
                || LockCodeYaml(text, start) || CodeRoster(text, start) || DeviceTokenBesideAddress(text, start) || PupilNumber(text, start) || CpfField(text, start) || RaNumber(text, start) || SlashedBankAccount(text, start) || MicrField(text, start)
                || (next - start == 4 && SecretPhrases.VerifiedLastFour(text, start)))
                && !FormatLabelledAt(text, start) && !CountingAt(text, start) && !CountingExample(text, start) && !BusinessNumber(text, start) && !FillerAt(text, start)
                && !SecretPhrases.DeclaredDummy(text, start) && !SecretPhrases.AwsAccountId(text, start, text[start..next]) && !SecretPhrases.PublicLine(text, start)
                && !SecretPhrases.CiRunNamed(text, start) && !SmallBusinessNumber(text, start)
                && !SecretPhrases.BillerAccount(text, start) && !SecretPhrases.DocumentNumberAt(text, start)
                && !SecretPhrases.LetterCodeAccountAt(text, start) && !SecretPhrases.PayerAccountAt(text, start) && !OrganisationEin(text, start)
                && !SecretPhrases.UtilityAccountAt(text, start))
            {
                return SensitiveKind.PersonalId;
            }

            offset = Math.Max(next, start + 1);
        }

        return SensitiveKind.None;
    }

    // One run of digits with single space/dash separators, starting at a digit not preceded by a
    // letter or digit; it is a card (Luhn), an SSN (3-2-4) or the tail of an IBAN.
    private static SensitiveKind CheckDigits(ReadOnlySpan<char> text, int start, out int next)
    {
        if (start >= 2 && char.IsAsciiLetterUpper(text[start - 1]) && char.IsAsciiLetterUpper(text[start - 2])
            && (start == 2 || !char.IsAsciiLetterOrDigit(text[start - 3])) && !(start + 1 < text.Length && text[start] == '0' && text[start + 1] == '0')
            && (Iban(text[(start - 2)..]) || AccountShapedIban(text, start - 2)) && !SecretPhrases.ExampleIbanInTest(text, start - 2) && !SecretPhrases.CountingIbanExample(text, start - 2))
        {
            next = start + 1;
            return SensitiveKind.PersonalId;
        }

        // An IBAN printed in its country's own groups (SensitiveScanner.Home).
        if (NationallyGroupedIban(text, start, out var country) && !SecretPhrases.ExampleIbanInTest(text, country) && !SecretPhrases.CountingIbanExample(text, country))
        {
            next = start + 1;
            return SensitiveKind.PersonalId;
        }

        // A fixed-width record glues its IBAN to the number before or after it (SensitiveScanner.IbanShapes).
        if ((start >= 2 && char.IsAsciiLetterUpper(text[start - 1]) && char.IsAsciiLetterUpper(text[start - 2]) && (start == 2 || !char.IsAsciiLetter(text[start - 3]))
            && GluedIban(text, start - 2)) || IbanAfterRun(text, start))
        {
            next = start + 1;
            return SensitiveKind.PersonalId;
        }

        if (TelegramToken(text, start))
        {
            next = start + 1;
            return SensitiveKind.ApiKey;
        }

        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or ',' && start > 1 && char.IsAsciiDigit(text[start - 2]) && !CsvField(text, start)))
        {
            // Inside a word, a hex string or a decimal number: skip the rest of this run.
            next = start + 1;
            while (next < text.Length && char.IsAsciiLetterOrDigit(text[next]))
            {
                next++;
            }

            return SensitiveKind.None;
        }

        Span<byte> digits = stackalloc byte[20];
        Span<int> groups = stackalloc int[20];
        int count = 0, groupCount = 0, groupLength = 0, i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == 20)
                {
                    count = 21; // too long to be a card
                    break;
                }

                digits[count++] = (byte)(c - '0');
                groupLength++;
                i++;
            }
            else if (c is ' ' or '-' && groupLength > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && groupCount < 19)
            {
                groups[groupCount++] = groupLength;
                groupLength = 0;
                i++;
            }
            else
            {
                break;
            }
        }

        next = i;
        if (count > 20 || (i < text.Length && char.IsAsciiLetter(text[i])))
        {
            while (next < text.Length && char.IsAsciiLetterOrDigit(text[next]))
            {
                next++;
            }

            return SensitiveKind.None;
        }

        groups[groupCount++] = groupLength;
        if (count is >= 13 and <= 19 && digits[0] is >= 2 and <= 6 && (groupCount == 1 || CardGroups(groups[..groupCount], digits)) && Luhn(digits[..count]) && !TestCard(digits[..count]) && !Filler(digits[..count]) && !NamedPublic(text, start)
            && !ImeiShaped(digits[..count]) && !NoIssuerTwo(digits[..count]) && !PublishedTestCard(text, start, i, digits[..count]) && !ProductCode(text, digits[..count]))
        {
            return SensitiveKind.CardNumber;
        }

        // A network's test or filler number told with its expiry, no test in sight: a caller's card (SensitiveScanner.Finance).
        if (count is 15 or 16 && groupCount >= 3 && digits[0] is >= 2 and <= 6 && CardGroups(groups[..groupCount], digits[..count]) && Luhn(digits[..count])
            && (TestCard(digits[..count]) || Filler(digits[..count])) && TestCardTold(text, start, i))
        {
            return SensitiveKind.CardNumber;
        }

        // A card's number with its expiry typed right after it (SensitiveScanner.Trips).
        if (CardThenExpiry(text, start, i, digits[..count], groups[..groupCount]))
        {
            return SensitiveKind.CardNumber;
        }

        // A fuel or fleet card's number with an expiry word and its date after it, no Luhn check (SensitiveScanner.Mobility).
        if (CardBeforeExpiryWord(text, start, i, digits[..count], groups[..groupCount]))
        {
            return SensitiveKind.CardNumber;
        }

        // A card column's cell, its checksum aside (SensitiveScanner.Tables).
        if (count is >= 13 and <= 19 && groupCount == 1 && digits[0] is >= 2 and <= 6 && CardColumn(text, start, i))
        {
            return SensitiveKind.CardNumber;
        }

        if (CuedCard(text, start, i, digits[..count], groups[..groupCount]))
        {
            // 19 digits (a UnionPay bank card) and a domestic scheme's 7–9 are still reported as ids, as when the everyday-number
            // rule took them: the learned model reads the kind (FeatureScores.Sensitive) and was trained so. A retrain may make them cards.
            return count <= 16 && digits[0] <= 6 ? SensitiveKind.CardNumber : SensitiveKind.PersonalId;
        }

        if (count == 9 && groupCount == 3 && groups[0] == 3 && groups[1] == 2 && groups[2] == 4 && Ssn(digits[..9]))
        {
            return SensitiveKind.PersonalId;
        }

        return count is >= 4 and <= 8 && groupCount == count && Dictated(text, start, i, digits[..count]) ? SensitiveKind.Password : SensitiveKind.None;
    }

    /// <summary>
    /// Digits told one by one ("it's 7 1 9 3", "se desactiva con 3-3-9-0", "cijfers 3-1-8-8"): how a PIN, a door or an
    /// alarm code is dictated, whatever noun names it. Not a list or a row of data (brackets, commas, another row of
    /// digits on the line before or after), a progression (1 2 3 4, 2 4 6 8), a formation (4-2-3-1) or digits mixing separators.
    /// </summary>
    private static bool Dictated(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits)
    {
        var separator = text[start + 1];
        for (var k = start + 1; k < end; k += 2)
        {
            if (text[k] != separator)
            {
                return false;
            }
        }

        var before = text[..start].TrimEnd(" \t");
        var after = text[end..].TrimStart(" \t");
        if ((!before.IsEmpty && before[^1] is '[' or '(' or '=' or '|' or '{' or '+' or '*' or '/' or '<' or '>')
            || (!after.IsEmpty && (after[0] is ']' or ')' or '|' or '}' or '=' or '+' or '/' or '<' or '>' || char.IsAsciiDigit(after[0])))
            || (before.Length > 1 && before[^1] == ',' && char.IsAsciiDigit(before.TrimEnd(",")[^1]))
            || (!after.IsEmpty && after[0] == ',' && after[1..].TrimStart(" \t") is [>= '0' and <= '9', ..]))
        {
            return false; // [3 1 4 1 5], "1 2 3, 4 5 6": a list
        }

        // Right after a day and month ("Bewertungen vom 25.11. 4 5 3 5 Sterne"): ratings or counts of that day, not a code;
        // before a count's noun ("4 4 7 1 steps today"; SecretPhrases.Messy): a count; after a word spelled letter by letter
        // ("W I N T E R ー 2 0 2 6"; SensitiveScanner.Transcripts): a promotion's name and its year.
        if (ShortDate(before) || SecretPhrases.CountAfter(after) || SpelledWordBefore(before))
        {
            return false;
        }

        // A progression (1 2 3 4, 2 4 6 8, 9 7 5 3): the same non-zero step between every two digits.
        var step = digits[1] - digits[0];
        var steady = step != 0;
        var sum = digits[0];
        for (var k = 1; k < digits.Length; k++)
        {
            steady &= digits[k] - digits[k - 1] == step;
            sum += digits[k];
        }

        if (steady || (separator == '-' && digits.Length == 4 && sum == 10 && digits.IndexOf((byte)0) < 0))
        {
            return false;
        }

        // A row of a matrix or table: the line holds only these digits and the line before ends, or the next starts, with a digit.
        var lineStart = before.LastIndexOfAny('\n', '\r');
        var alone = before[(lineStart + 1)..].IsEmpty;
        var nextLine = after.IndexOf('\n');
        var rest = after.IsEmpty || after[0] is '\n' or '\r' ? after.TrimStart("\r\n \t") : nextLine >= 0 ? after[(nextLine + 1)..].TrimStart(" \t") : [];
        var above = lineStart >= 0 ? before[..lineStart].TrimEnd("\r\n \t") : [];
        // A puzzle's or a game's digits ("make the digits 2-7-1-9 and write riddles"): last, read only for digits that are otherwise a code.
        return !(alone && ((!rest.IsEmpty && char.IsAsciiDigit(rest[0])) || (!above.IsEmpty && char.IsAsciiDigit(above[^1])))) && !SecretPhrases.PuzzleNear(text, start, end);
    }

    // Text ending in a German-style day and month, "25.11." or "2.12.".
    private static bool ShortDate(ReadOnlySpan<char> before)
    {
        if (before.Length < 4 || before[^1] != '.')
        {
            return false;
        }

        var month = before[..^1];
        var m = month.Length - month.TrimEnd("0123456789").Length;
        var day = month[..^m];
        if (m is < 1 or > 2 || day.IsEmpty || day[^1] != '.')
        {
            return false;
        }

        var d = day.Length - day[..^1].TrimEnd("0123456789").Length - 1;
        return d is 1 or 2 && (day.Length == d + 1 || !char.IsAsciiLetterOrDigit(day[^(d + 2)]));
    }

    // A Telegram bot token: the bot's numeric id, a colon and 30+ token characters ("5829104736:AAFq9Lx2…").
    private static bool TelegramToken(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
        {
            return false;
        }

        var digits = text[start..].IndexOfAnyExceptInRange('0', '9');
        if (digits is < 8 or > 12 || text[start + digits] != ':')
        {
            return false;
        }

        var tail = text[(start + digits + 1)..];
        var length = Run(tail, TokenChars);
        return length >= 30 && HasDigitAndLetter(tail[..length]) && tail[..length].ContainsAnyInRange('A', 'Z');
    }

    // Cards are written in groups of 4 or as Amex/Diners 4-6-5 / 4-6-4; phone numbers and dates are not.
    private static bool CardGroups(ReadOnlySpan<int> groups, ReadOnlySpan<byte> digits)
    {
        if (groups.Length == 3 && groups[0] == 4 && groups[1] == 6 && groups[2] is 4 or 5)
        {
            return true;
        }

        // An American Express number typed in fours like other cards (3794 1234 5678 908; probe 27): 34 or 37 leading.
        if (groups is [4, 4, 4, 3])
        {
            return digits[0] == 3 && digits[1] is 4 or 7;
        }

        for (var g = 0; g < groups.Length - 1; g++)
        {
            if (groups[g] != 4)
            {
                return false;
            }
        }

        // 4-4-4-4 (16), 4-4-4-4-3 (19), 4-4-4-1 (13); an IBAN's tail (…-4-2) is not a card.
        return groups[^1] == 4 || (groups.Length == 5 && groups[^1] == 3) || (groups.Length == 4 && groups[^1] == 1);
    }

    public static bool Luhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    private static bool Ssn(ReadOnlySpan<byte> d)
    {
        var area = (d[0] * 100) + (d[1] * 10) + d[2];
        var group = (d[3] * 10) + d[4];
        var serial = (d[5] * 1000) + (d[6] * 100) + (d[7] * 10) + d[8];
        // 123-45-6789 is every tutorial's example (the SSA never issued it), like 078-05-1120 and 219-09-9999.
        return area is not 0 and not 666 and < 900 && group != 0 && serial != 0 && (area, group, serial) is not ((78, 5, 1120) or (219, 9, 9999) or (123, 45, 6789));
    }

    /// <summary>
    /// The length of the IBAN that starts <paramref name="s"/> when it is a placeholder, else 0: check digits 00 are
    /// never computed ("DE00 1234 5678 …" in a validator's tests). The registry's published examples (DE89 3704 …)
    /// stay sensitive: users paste them as their own, and recall comes first.
    /// </summary>
    internal static int PlaceholderIban(ReadOnlySpan<char> s)
    {
        if (s.Length < 6 || !char.IsAsciiLetterUpper(s[0]) || !char.IsAsciiLetterUpper(s[1]) || s[2] != '0' || s[3] != '0')
        {
            return 0;
        }

        var n = 0;
        var i = 0;
        for (; i < s.Length && n < 34; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                n++;
            }
            else if (c != ' ' || i + 1 >= s.Length || !char.IsAsciiLetterOrDigit(s[i + 1]))
            {
                break;
            }
        }

        // Cut short with an ellipsis ("TR00 0006 2...", "PL00 1090 0000 ..."): a documentation's placeholder too (probe 24).
        var rest = s[i..].TrimStart(' ');
        return n >= 15 || (n >= 6 && (rest.StartsWith("...", StringComparison.Ordinal) || rest.StartsWith('…'))) ? i : 0;
    }

    /// <summary>The digits at <paramref name="start"/> follow a placeholder IBAN's country and 00 ("PL00 1090 0000 ..."): its groups.</summary>
    private static bool AfterPlaceholderIban(ReadOnlySpan<char> text, int start)
    {
        var from = start;
        while (from > 0 && (char.IsAsciiDigit(text[from - 1]) || text[from - 1] == ' '))
        {
            from--;
        }

        // The country's two capitals before the check digits ("PL00 1090 …": the "00" was walked over with the groups).
        // A registry's example named one on a help page ("příklad IBAN CZ65 0800 …"): its digits are no account either (probe 51).
        return from >= 2 && char.IsAsciiLetterUpper(text[from - 2]) && char.IsAsciiLetterUpper(text[from - 1])
            && (PlaceholderIban(text[(from - 2)..]) > 0 || SecretPhrases.ExampleIbanInTest(text, from - 2));
    }

    // CC kk then 11–30 letters/digits, spaces allowed every four; valid when the mod-97 remainder is 1.
    private static bool Iban(ReadOnlySpan<char> s)
    {
        Span<char> buffer = stackalloc char[34];
        Span<int> ends = stackalloc int[12];
        var endCount = 0;
        var n = 0;
        for (var i = 0; i < s.Length && n < 34; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                buffer[n++] = c;
            }
            else if (c == ' ' && i + 1 < s.Length && char.IsAsciiLetterOrDigit(s[i + 1]) && n >= 4)
            {
                if (endCount < ends.Length)
                {
                    ends[endCount++] = n;
                }

                continue;
            }
            else
            {
                break;
            }
        }

        if (n < 15 || !char.IsAsciiDigit(buffer[2]) || !char.IsAsciiDigit(buffer[3]))
        {
            return false;
        }

        if (PlaceholderIban(s) > 0)
        {
            return false;
        }

        // Printed in groups of four ("DE44 2005 0550 1234 5678 90") it is an IBAN even when its check digits fail:
        // the user means a real account (a mistyped digit does not make it less private).
        if (Mod97(buffer[..n]) == 1 || (endCount >= 3 && ends[0] == 4 && ends[1] == 8 && ends[2] == 12 && n - ends[endCount - 1] <= 4))
        {
            return true;
        }

        // The run may carry on into a following capitalised word ("… 0130 00 THANKS"): also try the
        // run as it stood before its last space.
        return endCount > 0 && ends[endCount - 1] >= 15 && Mod97(buffer[..ends[endCount - 1]]) == 1;
    }

    private static int Mod97(ReadOnlySpan<char> buffer)
    {
        var n = buffer.Length;

        // Move the first four characters to the end, letters become 10..35, then the remainder mod 97.
        var remainder = 0;
        for (var k = 0; k < n; k++)
        {
            var c = buffer[(k + 4) % n];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                var v = c - 'A' + 10;
                remainder = ((remainder * 100) + v) % 97;
            }
        }

        return remainder;
    }
}
