using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Secrets and look-alikes in an agent's traffic (after probe 14, read by category; <c>SensitiveAgentTrafficTests</c>): a table a
/// tool read whose header names an id or a password column (<c>nom;num_passeport;…</c>, the rows below it hold the values), a PIN
/// told in the sentence after its noun ("… the card's PIN. The current one is 2580"), a security answer in brackets after its
/// question ("first pet (Biscuit)"), seed words with a gap ("[missing]") in their list; and the public values an agent reads that are
/// shaped like keys: ULIDs (<c>01JE8K…</c>, a prefix such as <c>req_</c> too), an ad click id in a URL (<c>gclid=…</c>), a bech32
/// public address or recipient (<c>age1…</c>, <c>bc1…</c>), a WireGuard listing's peer keys, a secret's name in a store's resource
/// name (an ARN's <c>:secret:name</c>), a digest named by its algorithm, a year named as such, a default login (<c>admin/admin</c>).
/// </summary>
internal static partial class SecretPhrases
{
    // Nouns agents' material names ids by: the official name of Japan's My Number on a withholding slip or a form.
    // Security questions in the plural, where the singular is no prefix ("domande di sicurezza: … (Gaeta)").
    private static IEnumerable<(string, Want)> AgentPhrases() =>
    [
        ("個人番号", Want.Digits), ("domande di sicurezza", Want.Answer), ("perguntas de segurança", Want.Answer), ("preguntas de seguridad", Want.Answer),
        ("questions de sécurité", Want.Answer), ("questions secrètes", Want.Answer), ("beveiligingsvragen", Want.Answer), ("pytania bezpieczeństwa", Want.Answer),
    ];

    /// <summary>Whether a shape rule's run <paramref name="start"/>..<paramref name="end"/> is a public value an agent reads (ULID, click id, public address, peer key).</summary>
    private static bool AgentLookAlike(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<char> token) =>
        Ulid(token) || ClickId(text, start) || PublicAddress(token) || PeerKey(text, start, end)
        || text[start..].StartsWith("arn:", StringComparison.Ordinal) || NounInResourceName(text, start) || Base58Address(text, start, token);

    // 01JE8K4W7Q2M9V3T6R5Y8P1N0B (or req_01JE…): 26 Crockford base32 capitals whose first ten are a millisecond time between 2016 and
    // 2040 — a sortable id, not a key (a random 26-character value starts with such a time about once in 200).
    private static bool Ulid(ReadOnlySpan<char> token)
    {
        var underscore = token.IndexOf('_');
        if (underscore is > 1 and <= 8 && token[..underscore].IndexOfAnyExceptInRange('a', 'z') < 0)
        {
            token = token[(underscore + 1)..];
        }

        if (token.Length != 26 || token.IndexOfAnyExcept(Crockford) >= 0)
        {
            return false;
        }

        long time = 0;
        foreach (var c in token[..10])
        {
            time = (time * 32) + CrockfordDigits.IndexOf(c);
        }

        return time is >= 1_451_606_400_000 and < 2_208_988_800_000;
    }

    private const string CrockfordDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static readonly SearchValues<char> Crockford = SearchValues.Create(CrockfordDigits);

    // "?gclid=Cj0KCQiA…", "&fbclid=IwAR…", "&msclkid=…", "&gbraid=…": an ad platform's click id in a URL's query; it names a click.
    private static bool ClickId(ReadOnlySpan<char> text, int start)
    {
        if (start < 2 || text[start - 1] != '=')
        {
            return false;
        }

        var before = text[Math.Max(0, start - 24)..(start - 1)];
        var from = before.LastIndexOfAny('?', '&');
        if (from < 0)
        {
            return false;
        }

        var name = before[(from + 1)..];
        return name.EndsWith("clid", StringComparison.OrdinalIgnoreCase) || name.EndsWith("clkid", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("braid", StringComparison.OrdinalIgnoreCase) || name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase);
    }

    // age1…, npub1…, bc1…, ltc1…, tb1…: a bech32 public address or encryption recipient, lower-case by the format (age's and nostr's
    // secret keys start AGE-SECRET-KEY-1 and nsec1 instead).
    private static bool PublicAddress(ReadOnlySpan<char> token)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["age1", "npub1", "bc1", "ltc1", "tb1"])
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal) && token.Length - prefix.Length >= 38
                && token[prefix.Length..].IndexOfAnyExcept(LowerAndDigits) < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> LowerAndDigits = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    // A WireGuard peer's public key (32 bytes in base64, 43 characters and '='): named "peer:" or "public key:" on its line, or the
    // first column of a listing followed by a tab and a number (`wg show wg0 latest-handshakes`, `transfer`).
    private static bool PeerKey(ReadOnlySpan<char> text, int start, int end)
    {
        var key = text[start..];
        var run = key.IndexOfAnyExcept(Base64Letters);
        if (run < 0 || run is < 43 or > 44 || (run == 43 && key[43] != '='))
        {
            return false;
        }

        var lineStart = text[..start].LastIndexOfAny('\n', '\r') + 1;
        var before = text[lineStart..start];
        if (before.Contains("peer", StringComparison.OrdinalIgnoreCase) || before.Contains("public", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var after = key[44..];
        return before.IsWhiteSpace() && after.Length >= 2 && after[0] == '\t' && char.IsAsciiDigit(after[1]) && end <= start + 44;
    }

    private static readonly SearchValues<char> Base64Letters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    /// <summary>
    /// A secret noun inside a resource's name: an ARN (<c>arn:aws:secretsmanager:…:secret:api-key-Xr8d2Q</c>) or a store's path
    /// (<c>projects/p/secrets/db-pass/versions/3</c>) names where a secret is kept, not its value.
    /// </summary>
    internal static bool NounInResourceName(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]) && text[from - 1] is not ('"' or '\'' or '`' or '='))
        {
            from--;
        }

        var token = text[from..at];
        return token.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) || token.EndsWith("/", StringComparison.Ordinal) && token.Contains("projects/", StringComparison.Ordinal);
    }

    // Connectors that state a value again in the sentence after the noun's ("The current one is 2580", "番号は 7092").
    private static readonly string[] AgainConnectors =
    [
        " is ", " was ", " be ", " es ", " era ", " ser ", " est ", " était ", " être ", " ist ", " war ", " sein ", " é ", " è ", " essere ", " это ",
        " jest ", " är ", " zijn ", "は", "是", "는 ", "은 ", " var ", " był ", " было ", " была ",
        // Probe 30: the verb that set it ("… wants my PIN. I think I set it to 834474", "I changed it to 550912 last month").
        " set it to ", " set to ", " changed it to ", " changed to ", " reset it to ", " switched it to ", " updated it to ",
    ];

    // "… set it to 550912 last month": when it was set may follow the value.
    private static readonly string[] WhenWords = ["last", "yesterday", "today", "earlier", "recently", "this"];

    private static bool StartsWithWhen(ReadOnlySpan<char> tail)
    {
        foreach (var word in WhenWords)
        {
            if (tail.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (tail.Length == word.Length || !char.IsLetter(tail[word.Length])))
            {
                return true;
            }
        }

        return false;
    }

    // Words that may follow the value and still end its clause ("… est 61829 et le distributeur …").
    private static readonly string[] Conjunctions = ["and", "but", "et", "mais", "und", "aber", "y", "pero", "e", "mas", "ma", "en", "maar", "i", "ale", "и", "но", "ve", "och", "men", .. RomanisedConjunctions, .. WorldConjunctions];

    /// <summary>
    /// A PIN or a password stated in the sentence after its noun's, by a back reference ("Mi banco me pidió cambiar el PIN. El actual
    /// es 2580", "暗証番号を間違えた。番号は 7092 だった"): a connector in the next sentence's first 24 characters, then 4–8 digits that are
    /// not a year and end their clause (not "is 2500 yen").
    /// </summary>
    private static bool ValueInNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 80)];
        var head = next[..Math.Min(next.Length, 24)];
        foreach (var connector in AgainConnectors)
        {
            var hit = head.IndexOf(connector, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                continue;
            }

            // After a verb that set it, when it was set may follow the value ("… set it to 550912 last month").
            if (PinValue(next[(hit + connector.Length)..].TrimStart(" \t"), setVerb: connector.EndsWith(" to ", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    // 4–8 digits that are not a year and end their clause (not "2500 yen", not a longer value's first group).
    private static bool PinValue(ReadOnlySpan<char> value, bool setVerb = false)
    {
        var digits = value.IndexOfAnyExceptInRange('0', '9');
        digits = digits < 0 ? value.Length : digits;
        if (digits is < 4 or > 8 || (digits == 4 && value[0] is '1' or '2' && value[1] is '9' or '0'))
        {
            return false;
        }

        // "900101-1234567 같은 형식": a longer value's first group, or a format's example, is no PIN.
        if (digits < value.Length && value[digits] is '-' or '.' or '/' or ',' && digits + 1 < value.Length && char.IsAsciiDigit(value[digits + 1]))
        {
            return false;
        }

        var tail = value[digits..].TrimStart(" \t");
        return tail.IsEmpty || !char.IsLetterOrDigit(tail[0]) || IsCjk(tail[0]) || StartsWithConjunction(tail) || (setVerb && StartsWithWhen(tail));
    }

    private static bool StartsWithConjunction(ReadOnlySpan<char> tail)
    {
        foreach (var word in Conjunctions)
        {
            if (tail.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (tail.Length == word.Length || !char.IsLetter(tail[word.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A security question's answer in brackets after it ("nome do primeiro animal (Pipoca)", "mother's maiden name (Kowalczyk)"): one to
    /// three capitalised words, no digits; not a remark such as "(optional)" or "(e.g. …)".
    /// </summary>
    private static bool BracketedAnswer(ReadOnlySpan<char> window)
    {
        var open = window.IndexOf('(');
        if (open < 0)
        {
            return false;
        }

        var inner = window[(open + 1)..];
        var close = inner.IndexOf(')');
        if (close is < 2 or > 30)
        {
            return false;
        }

        inner = inner[..close].Trim();
        if (inner.IsEmpty || !char.IsUpper(inner[0]) || inner.ContainsAnyInRange('0', '9') || inner.IndexOfAny(".,:;?!/=") >= 0)
        {
            return false;
        }

        var words = 0;
        foreach (var range in inner.Split(' '))
        {
            words += inner[range].IsEmpty ? 0 : 1;
        }

        return words <= 3 && !Described(inner, 0, inner.Length, false);
    }

    /// <summary>"admin/admin", "root:root": a device's default login, the same word twice.</summary>
    private static bool RepeatedPair(ReadOnlySpan<char> value)
    {
        var split = value.IndexOfAny('/', ':');
        return split > 0 && value[..split].Equals(value[(split + 1)..], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"sha256:9f86…", "@sha256:…": a run right after an algorithm's name is a digest, whatever its length in the window.</summary>
    private static bool AlgorithmNamed(ReadOnlySpan<char> window, int start)
    {
        var before = window[..start];
        if (!before.EndsWith(":", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var algorithm in (ReadOnlySpan<string>)["sha1", "sha224", "sha256", "sha384", "sha512", "md5", "blake2b", "blake3"])
        {
            if (before[..^1].EndsWith(algorithm, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value that names something by its digest ("app@sha256:1f3c…", "sha512:…"), not a key.</summary>
    private static bool DigestReference(ReadOnlySpan<char> value)
    {
        var colon = value.IndexOf(':');
        return colon > 0 && AlgorithmNamed(value, colon + 1);
    }

    // Year words after a four-digit year ("po 2000 roku", "in the year 2000", "2000年", "2000 yılı").
    private static readonly string[] YearNouns = ["roku", "rok", "year", "jahr", "année", "año", "ano", "anno", "jaar", "år", "года", "год", "році", "yılı", "yılında", "年", "년"];

    // Units glued to a count by a dash ("11-stellig", "6-digit", "12-character"): a length, not a code.
    private static readonly string[] DashedUnits = ["stellig", "digit", "char", "zeichen", "chiffre", "cifr", "dígito", "digito", "cyfr", "знач", "haneli", "siffr", "cijfer",
        "year", "jahr", "month", "week", "day", "hour", "minute", "año", "anno"]; // "10-year card" (probe 18): a duration

    /// <summary>A count and its unit joined by a dash, "11-stellig", "6-digit".</summary>
    private static bool DashedUnit(ReadOnlySpan<char> run)
    {
        var dash = run.IndexOf('-');
        if (dash <= 0 || run[..dash].IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        foreach (var unit in DashedUnits)
        {
            if (run[(dash + 1)..].StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A four-digit year 1900–2099 followed by a word naming it a year.</summary>
    private static bool NamedYear(ReadOnlySpan<char> window, int start, int end)
    {
        if (end - start != 4 || window[start] is not ('1' or '2') || window[start + 1] is not ('9' or '0'))
        {
            return false;
        }

        var after = window[end..].TrimStart(" \t");
        foreach (var noun in YearNouns)
        {
            if (after.StartsWith(noun, StringComparison.OrdinalIgnoreCase) && (after.Length == noun.Length || !char.IsLetter(after[noun.Length]) || noun[0] > 0x2E80))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A table a tool read (CSV, TSV, a semicolon export, a Markdown table) whose header names an id or a password column
    /// (<c>nom;prenom;num_passeport</c>, <c>tenant,phone,ssn</c>): the rows below hold the values, read at that column. The noun
    /// (<paramref name="at"/>..<paramref name="end"/>) sits in a header field of letters alone; a value is 5–24 letters and digits
    /// with four digits or more (not a date), or for a password column any six characters that are not a mask.
    /// </summary>
    private static bool HeaderColumn(ReadOnlySpan<char> text, int at, int end, bool password, bool pin = false)
    {
        // Cheap first: the noun starts its field or follows a name's '_' ("num_passeport"), and its field ends at a delimiter.
        if (at > 0 && text[at - 1] is not (',' or ';' or '\t' or '|' or '_' or '\n' or ' ' or '"'))
        {
            return false;
        }

        var fieldEnd = end;
        while (fieldEnd < text.Length && (char.IsLetter(text[fieldEnd]) || text[fieldEnd] is '_' or '-' or '.'))
        {
            fieldEnd++;
        }

        // A box table's cell is padded to its column's width ("| insurance_no | birth_date |"; mysql, psql).
        var padded = fieldEnd;
        while (padded < text.Length && text[padded] == ' ')
        {
            padded++;
        }

        if (padded >= text.Length || text[padded] is not (',' or ';' or '\t' or '|' or '\n' or '\r' or '"') || (padded > fieldEnd && text[padded] != '|'))
        {
            return false;
        }

        var lineStart = text[..at].LastIndexOf('\n') + 1;
        var lineEnd = text[at..].IndexOf('\n');
        lineEnd = lineEnd < 0 ? text.Length : at + lineEnd;
        var line = text[lineStart..lineEnd].TrimEnd('\r');
        var delimiter = line.Count(';') >= 2 ? ';' : line.Count('\t') >= 2 ? '\t' : line.Count('|') >= 2 ? '|' : line.Count(',') >= 2 ? ',' : '\0';
        // "| root password, override in production |": a comma inside a pipe table's cell ends a description's clause, not a header (probe 35).
        if (delimiter == '\0' || line.Length > 400 || line.ContainsAnyInRange('0', '9') || (text[padded] is ',' or ';' or '\t' or '|' && text[padded] != delimiter))
        {
            return false;
        }

        var column = text[lineStart..at].Count(delimiter);
        var inn = text[at..end].Equals("инн", StringComparison.OrdinalIgnoreCase);
        var rows = text[lineEnd..Math.Min(text.Length, lineEnd + 2000)];
        var read = 0;
        foreach (var range in rows.Split('\n'))
        {
            var row = rows[range].TrimEnd('\r');
            if (row.IsEmpty || BoxBorder(row))
            {
                continue;
            }

            if (++read > 20 || row.Count(delimiter) < line.Count(delimiter))
            {
                return false;
            }

            // An organisation's row: its register and tax numbers are public (SecretPhrases.Tables).
            if (OrganisationRow(row) || (inn && TenDigitCell(row, delimiter, column)))
            {
                continue;
            }

            var index = 0;
            foreach (var cell in row.Split(delimiter))
            {
                if (index++ == column)
                {
                    if (ColumnValue(row[cell].Trim(" \"'"), password) || (pin && PinCell(row[cell].Trim(" \"'"))))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }

    // A box table's border or rule ("+------+-----+", "-----+------", "|---|---|"): no row of values.
    private static bool BoxBorder(ReadOnlySpan<char> row) => row.IndexOfAnyExcept("+-=|: ") < 0;

    private static bool ColumnValue(ReadOnlySpan<char> value, bool password)
    {
        if (password)
        {
            return value.Length >= 6 && value.IndexOfAnyExcept("*xX•.-_ ") >= 0 && !value.Equals("REDACTED", StringComparison.OrdinalIgnoreCase) && !DummyValue(value)
                && !RemovedTag(value);
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ' ' or '/'))
            {
                return false;
            }

            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return value.Length is >= 5 and <= 24 && digits >= 4 && !Date(value) && !SensitiveScanner.FormatMask(value) && !ZeroFilled(value) && !FixtureCell(value);
    }

    // A gap in a list of seed words the user does not know: "[missing]", "(?)", "???", "___", "…".
    private static int SeedGap(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return 0;
        }

        if (rest[0] is '[' or '(' or '<')
        {
            var close = rest.IndexOfAny("])>");
            return close is > 0 and <= 14 && rest[1..close].IndexOfAny(" \n,") < 0 ? close + 1 : 0;
        }

        var run = rest.IndexOfAnyExcept("?_*…");
        run = run < 0 ? rest.Length : run;
        return run is >= 1 and <= 8 && (run == rest.Length || !char.IsLetterOrDigit(rest[run])) ? run : 0;
    }
}
