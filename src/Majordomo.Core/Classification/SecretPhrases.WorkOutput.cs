using System.Buffers;
using System.Text.Unicode;

namespace Majordomo.Classification;

/// <summary>
/// What a coding agent reads while it works that only looks like a key (probe 35, docs/CLASSIFIER.md "Probe 35 read by category"),
/// checked only where a shape rule has already fired (<see cref="PublicLookAlike"/>): a cloud resource's id (<c>eipalloc-0a1b…</c>,
/// RDS's <c>db-D4GV…</c>), an IAM principal's unique id (<c>AROA…:session</c>), a Go module hash (<c>h1:…=</c>), a regex's character
/// ranges (<c>A-Za-z0-9</c>), a percent-encoded query, a publishable key named so on its line, an id the sentence calls an example,
/// and base64 whose decoded text is readable and holds no secret (a certificate, a JSON of feature flags).
/// </summary>
internal static partial class SecretPhrases
{
    private static bool WorkLookAlike(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<char> token) =>
        CloudResourceId(token) || PrincipalId(token) || ModuleHash(token) || CharacterRanges(token) || PercentEncoded(token)
        || PublishableNamed(text, start, token) || ExampleAfter(text, end) || DecodesToPublicText(text, start, end)
        || text[start..end].EndsWith("...", StringComparison.Ordinal) || (end < text.Length && text[end] == '…'); // a value cut short: "pypi-AgENdGVzdC5…"

    private static readonly SearchValues<char> UpperAndDigitChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    // eipalloc-0a1b2c3d4e5f60718, i-0b4f2e9a7c1d38e56, sg-…, subnet-…: a lower-case type, a dash and 8 or 17 lower-case hex digits;
    // db-D4GVH8PYUT0IN8YYPOJJ93AZ72, cluster-4ZK7…: RDS's resource ids, 26 capitals and digits. A token's tail is neither.
    private static bool CloudResourceId(ReadOnlySpan<char> token)
    {
        var dash = token.IndexOf('-');
        if (dash is < 1 or > 12 || token[..dash].IndexOfAnyExceptInRange('a', 'z') >= 0)
        {
            return false;
        }

        var tail = token[(dash + 1)..];
        return tail.Length is 8 or 17 && tail.IndexOfAnyExcept(LowerHex) < 0 && tail.ContainsAnyInRange('0', '9')
            || tail.Length == 26 && token[..dash] is "db" or "cluster" && tail.IndexOfAnyExcept(UpperAndDigitChars) < 0;
    }

    // AROAUXYZ7QKD3EXAMPLE:GitHubActions: an IAM role's, user's or group's unique id (AROA, AIDA, AGPA…), with a session's name after
    // a colon. It names a principal and opens nothing; an access key's id (AKIA, ASIA) is not among these.
    private static bool PrincipalId(ReadOnlySpan<char> token)
    {
        var id = token.IndexOf(':') is >= 0 and var colon ? token[..colon] : token;
        return id.Length is 20 or 21 && (id.StartsWith("AROA", StringComparison.Ordinal) || id.StartsWith("AIDA", StringComparison.Ordinal)
            || id.StartsWith("AGPA", StringComparison.Ordinal) || id.StartsWith("ANPA", StringComparison.Ordinal)) && id[4..].IndexOfAnyExcept(UpperAndDigitChars) < 0;
    }

    internal static readonly SearchValues<char> LowerHexChars = SearchValues.Create("0123456789abcdef");

    // "key: /Users/ana/.ssh/id_ed25519", "ssl_key = /etc/ssl/private/web.key": a key's file, named by its path (a key's value is no path).
    private static readonly string[] PathStarts = ["/Users/", "/home/", "/etc/", "/var/", "/opt/", "/root/", "/tmp/", "/run/", "/srv/", "~/", "./", "../"];

    internal static bool PathAfter(ReadOnlySpan<char> text, int at)
    {
        var value = text[at..Math.Min(text.Length, at + 16)].TrimStart(" \t:=\"'`");
        foreach (var start in PathStarts)
        {
            if (value.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // go.sum's "h1:" and a SHA-256 in base64: a module's hash.
    private static bool ModuleHash(ReadOnlySpan<char> token) =>
        token.StartsWith("h1:", StringComparison.Ordinal) && token.Length is 46 or 47 && token[3..].IndexOfAnyExcept(Base64Chars) < 0;

    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    // [A-Za-z0-9_-], [A-HJ-NP-Z2-9]: a regex's character class, two ranges or more (and single characters between them).
    private static bool CharacterRanges(ReadOnlySpan<char> token)
    {
        var ranges = 0;
        var i = 0;
        while (i < token.Length)
        {
            if (i + 2 < token.Length && token[i + 1] == '-' && char.IsAsciiLetterOrDigit(token[i]) && char.IsAsciiLetterOrDigit(token[i + 2]) && token[i] < token[i + 2])
            {
                ranges++;
                i += 3;
            }
            else if (token[i] is '_' or '-' or '.' or '+')
            {
                i++;
            }
            else
            {
                return false;
            }
        }

        return ranges >= 2;
    }

    // scope=repository%3Ashop%2Fapi%3Apull, redirect=https%3A%2F%2F…: a URL's percent-encoded text, every '%' an escape, two or more of
    // them and a colon among them. A password sent in a form is encoded too ("Gannet%21Cliff%2B204"), and an X bearer token's base64
    // ("…%2FFN2…%3D…"), but neither holds a colon.
    private static bool PercentEncoded(ReadOnlySpan<char> token)
    {
        if (!token.Contains("%3A", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var escapes = 0;
        for (var at = token.IndexOf('%'); at >= 0; at = token[(at + 1)..].IndexOf('%') is var next and >= 0 ? at + 1 + next : -1)
        {
            if (at + 2 >= token.Length || !HexChars.Contains(token[at + 1]) || !HexChars.Contains(token[at + 2]))
            {
                return false;
            }

            escapes++;
        }

        return escapes >= 2;
    }

    // publishableKey: 'pk_live_…', STRIPE_PUBLISHABLE_KEY=pk_test_…: a publishable key named so on its line (made to ship in pages).
    private static bool PublishableNamed(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token)
    {
        if (!token.StartsWith("pk_", StringComparison.Ordinal))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 80)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        // Stripe's own key, however short it is pasted ("uso Stripe con la clave pk_live_51Nf…"; SecretPhrases.Trips).
        // Stripe's key said to sit in a web page (its checkout page's JavaScript, the browser): made to ship there (probe 55).
        return before.Contains("publishable", StringComparison.OrdinalIgnoreCase)
            || ((token.StartsWith("pk_live_", StringComparison.Ordinal) || token.StartsWith("pk_test_", StringComparison.Ordinal))
                && (StripeInLine(text, start) || ContainsAny(text[Math.Max(0, start - 120)..Math.Min(text.Length, start + 120)], PageWords)));
    }

    private static readonly string[] PageWords =
        ["javascript", "checkout page", "page source", "browser", "frontend", "front-end", "front end", "html", "client-side", "no front", "en el front"];

    // "Nei test userò RSSMRA85T10A562S che è l'esempio di Wikipedia": the sentence calls the value an example right after it.
    private static readonly string[] ExampleNouns = ["example", "esempio", "ejemplo", "exemplo", "exemple", "beispiel", "voorbeeld", "przykład", "пример", "例"];

    private static bool ExampleAfter(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 48)];
        var stop = after.IndexOfAny(".\n!?;");
        after = stop >= 0 ? after[..stop] : after;
        return SensitiveScanner.ExampleWordIn(after, ExampleNouns);
    }

    /// <summary>
    /// Base64 of 24 characters or more whose bytes are readable UTF-8 text — with a space, a line break or JSON's and YAML's marks, so
    /// not a bare token — in which the scanner finds nothing: a Secret's non-secret data, a kubeconfig's CA certificate. A decoded
    /// password (one bare word) or a decoded file with a password in it stays a secret.
    /// </summary>
    private static bool DecodesToPublicText(ReadOnlySpan<char> text, int start, int end)
    {
        var padded = end;
        while (padded < text.Length && padded - end < 2 && text[padded] == '=')
        {
            padded++;
        }

        var value = text[start..padded];
        if (value.Length < 24 || value.Length % 4 != 0 || value.Length > 16384 || value.IndexOfAnyExcept(Base64Chars) >= 0)
        {
            return false;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(value.Length);
        var chars = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(value, bytes, out var written)
                || Utf8.ToUtf16(bytes.AsSpan(0, written), chars, out _, out var decodedLength, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return false;
            }

            var decoded = chars.AsSpan(0, decodedLength);
            foreach (var c in decoded)
            {
                if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                {
                    return false;
                }
            }

            return decoded.IndexOfAny(" \n{\":") >= 0 && SensitiveScanner.Scan(decoded) == SensitiveKind.None;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Run ID: 12098477123, job id 61044829173, Build ID: 88213907415: a CI system's numbers, named so just before (one may pass an id's checks).
    private static readonly string[] CiRunNames = ["run id", "run_id", "runid", "job id", "job_id", "jobid", "build id", "build_id", "buildid", "pipeline id", "pipeline_id", "execution id"];

    internal static bool CiRunNamed(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 24)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..].TrimEnd(" \t:#=\"'");
        foreach (var name in CiRunNames)
        {
            if (before.EndsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a secret's noun ending at <paramref name="end"/>: '=' or ':' and a value cut short by "..." or "…" ("password =
    /// pypi-AgEIcHlwaS5vcmc...", trimmed to its public prefix). What travels is no secret.
    /// </summary>
    private static bool TrimmedValue(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 80)].TrimStart(" \t\"'");
        if (rest is not [':' or '=', ..])
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t\"'");
        var stop = rest.IndexOfAny(" \t\r\n\"'");
        var value = stop < 0 ? rest : rest[..stop];
        return value.Length >= 8 && (value.EndsWith("...", StringComparison.Ordinal) || value.EndsWith('…'));
    }

    // The registry's published example IBANs (the UK's, Germany's, France's, Spain's, the Netherlands', Italy's, Belgium's…).
    private static readonly string[] ExampleIbans =
    [
        "GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606", "ES9121000418450200051332", "NL91ABNA0417164300",
        "IT60X0542811101000000123456", "BE68539007547034", "CH9300762011623852957", "AT611904300234573201",
        // The twenty-first session: the registry's newer French example, a German bank's help page's, Poland's and Portugal's.
        "FR7630006000011234567890189", "DE02120300000000202051", "PL61109010140000071219812874", "PT50000201231234567890154",
        // Probe 51: the registry's examples for the Nordic, Baltic and central European countries, Ireland, Luxembourg and the Balkans.
        "FI2112345600000785", "SE4550000000058398257466", "DK5000400440116243", "NO9386011117947", "IS140159260076545510730339",
        "CZ6508000000192000145399", "SK3112000000198742637541", "HU42117730161111101800000000", "RO49AAAA1B31007593840000",
        "BG80BNBG96611020345678", "HR1210010051863000160", "SI56263300012039086", "EE382200221020145685", "LV80BANK0000435195001",
        "LT121000011101001000", "IE29AIBK93115212345678", "LU280019400644750000", "GR1601101250000000012300695",
    ];

    // A help page's or a manual's word that names the IBAN after it an example ("Beispiel-IBAN DE02 …", "l'exemple d'IBAN donné est …").
    private static readonly string[] ExampleIbanWords =
    [
        "example", "exemple", "beispiel", "ejemplo", "esempio", "exemplo", "przykład", "voorbeeld", "exempel", "eksempel", "esimerkki", "příklad",
        // Probe 45: a sample's and a help page's words ("the sample IBAN from the Deutsche Bank FAQ", "Muster-IBAN").
        "sample", "muster", "help page", "faq", "hilfeseite",
    ];

    /// <summary>
    /// The IBAN at <paramref name="start"/> is a published example on a validator's test line (<c>assert is_valid_iban("GB82 WEST …")</c>):
    /// a fixture. Pasted as anyone's account, outside a test, the example stays sensitive (docs/LABELLING.md).
    /// </summary>
    internal static bool ExampleIbanInTest(ReadOnlySpan<char> text, int start)
    {
        Span<char> compact = stackalloc char[34];
        var length = 0;
        for (var i = start; i < text.Length && length < compact.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == ' '); i++)
        {
            if (text[i] != ' ')
            {
                compact[length++] = text[i];
            }
        }

        var found = false;
        foreach (var example in ExampleIbans)
        {
            found |= compact[..length].StartsWith(example, StringComparison.Ordinal);
        }

        if (!found)
        {
            return false;
        }

        var lineStart = text[..start].LastIndexOf('\n') + 1;
        var line = text[lineStart..start];

        // A bank's help page names its example as one before it, in its sentence: no one's account (pasted as one's own, the same
        // example stays sensitive).
        var sentence = line[Math.Max(0, line.Length - 80)..];
        sentence = sentence[(sentence.LastIndexOfAny(".!?") + 1)..];
        if (ExampleCueIn(sentence))
        {
            return true;
        }

        // Or names it one right after it, in its sentence ("gives GB82 WEST 1234 5698 7654 32 as an example IBAN"; probe 46).
        var after = text[start..Math.Min(text.Length, start + 34 + 8 + 30)];
        var stop = after.IndexOfAny(".!?\n");
        if (ExampleCueIn(stop < 0 ? after : after[..stop]))
        {
            return true;
        }

        foreach (var word in (ReadOnlySpan<string>)["assert", "expect(", "is_valid", "isvalid", "validate", "test_", "@test"])
        {
            if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An example's word in the span, not a name's first word: "Muster Bau Oy", "Sample Logistics AB" name the payee (a capitalised word
    /// follows), and the registry's example IBAN paid to them is pasted as an account (sensitive-categories-131); "Muster-IBAN", "sample
    /// IBAN", "Beispiel: DE02 …" stay cues.
    /// </summary>
    private static bool ExampleCueIn(ReadOnlySpan<char> span)
    {
        foreach (var word in ExampleIbanWords)
        {
            foreach (var hit in Occurrences(span, word))
            {
                var end = hit + word.Length;
                var name = end + 2 < span.Length && span[end] == ' ' && char.IsUpper(span[end + 1]) && char.IsLower(span[end + 2]);
                if (!name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "exited with code 1", "failed with code 2", "returned code 137": a process's status.
    private static bool ExitStatus(ReadOnlySpan<char> before)
    {
        foreach (var verb in (ReadOnlySpan<string>)["exited with", "failed with", "returned with", "terminated with", "returned", "exit"])
        {
            if (before.EndsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "iban.is_valid(\"DE89 3704 …\")": the value after an IBAN's noun is a published example on a test's line (ExampleIbanInTest).
    // The IBAN may stand further on in the noun's sentence ("L'exemple d'IBAN donné dans le guide de la banque est FR76 …", probe 46;
    // "the example IBAN from the Bundesbank help page (DE89 3704 …)", probe 45): the first two capitals and two digits within 80
    // characters, before the sentence ends.
    private static bool ExampleIbanAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        for (var k = 0; k + 4 <= window.Length && window[k] is not ('\n' or '?' or '!'); k++)
        {
            if (char.IsAsciiLetterUpper(window[k]) && char.IsAsciiLetterUpper(window[k + 1]) && char.IsAsciiDigit(window[k + 2]) && char.IsAsciiDigit(window[k + 3])
                && (k == 0 || !char.IsAsciiLetterOrDigit(window[k - 1])))
            {
                return ExampleIbanInTest(text, end + k);
            }
        }

        return false;
    }
}
