using System.Buffers;
using System.Collections.Frozen;

namespace Majordomo.Classification;

/// <summary>
/// Secrets recognised by their category's shape rather than by a phrase around them (issue 13 item 3: every
/// unseen probe showed phrasing-based rules missing what no noun announces). Read on the runs of token
/// characters that hold a digit (<see cref="ShapedRun"/>, so <see cref="SensitivePrefilter"/> reads them too):
/// a random credential of any vendor (20+ mixed characters), a base32 authenticator secret in groups, an
/// Italian fiscal code, a list of recovery codes one a line. After a cue noun (<see cref="Check"/>): seed words,
/// and digits spelled as words ("three-seven-nine-two", "siedem, cztery, jeden, zero").
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>A category's shape in the run <paramref name="start"/>..<paramref name="end"/> (it holds an ASCII digit, or nothing is read).</summary>
    private static bool CategoryRun(ReadOnlySpan<char> text, int start, int end)
    {
        var run = text[start..end];
        if (run.IndexOfAnyInRange('0', '9') < 0)
        {
            return false;
        }

        var token = run.Trim(".,;:!?-");
        return RandomKey(text, start, token) || Base32Groups(text, start, end) || (FiscalCode(token) && !SensitiveScanner.ShownAsExample(text, start)) || CodeList(text, start);
    }

    /// <summary>
    /// A credential from a generator, whatever its vendor: 20+ letters and digits in both cases (16+ base32 in capitals,
    /// 24+ lower case with letters past f) changing class as random text does — not a word, an identifier in camel
    /// case, a hex hash, a UUID, a path or URL (a slash), an integrity hash or a data URI's base64.
    /// </summary>
    private static bool RandomKey(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token)
    {
        // Only a part random by RandomPart's counts is taken below: a token with none ("LoadOrder12Async", an identifier in code with two
        // digits) is turned away before the dummy values and the searches for a public name on its line (issue 16 item 4). Every test
        // here is pure, so the answer is the same.
        if (token.Length < 16 || token.IndexOfAnyExcept(KeyChars) >= 0 || !AnyRandomPart(token) || token.StartsWith("sha", StringComparison.OrdinalIgnoreCase)
            || text[..start].EndsWith("base64,", StringComparison.OrdinalIgnoreCase) || DummyValue(token) || token.EndsWith("EXAMPLE", StringComparison.Ordinal)
            || SensitiveScanner.MacSuffixedName(token))
        {
            return false;
        }

        // "PublicKey = HIgo9x…", "public key: …": named public on its line.
        var before = text[Math.Max(0, start - 40)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        if (before.Contains("public", StringComparison.OrdinalIgnoreCase) || before.Contains("pubkey", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "0x3fA1b27C…": hex digits in mixed case are an Ethereum address's checksum case (public, as a hash is), not a key.
        if (token.StartsWith("0x", StringComparison.Ordinal) ? token[2..].IndexOfAnyExcept(HexChars) < 0 : token.IndexOfAnyExcept(HexChars) < 0)
        {
            return false;
        }

        // "SG.x9Kq2….zP8n…": dotted or colon-joined parts are read one by one.
        foreach (var range in token.SplitAny(".:"))
        {
            if (RandomPart(token[range]) && !CamelWords(token[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyRandomPart(ReadOnlySpan<char> token)
    {
        foreach (var range in token.SplitAny(".:"))
        {
            if (RandomPart(token[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RandomPart(ReadOnlySpan<char> part)
    {
        int upper = 0, lower = 0, digits = 0, alnum = 0, changes = 0, repeat = 1, maxRepeat = 1, base32 = 0;
        var pastHex = false;
        var previousClass = -1;
        var previous = '\0';
        foreach (var c in part)
        {
            var cls = char.IsAsciiLetterUpper(c) ? 0 : char.IsAsciiLetterLower(c) ? 1 : char.IsAsciiDigit(c) ? 2 : -1;
            if (cls < 0)
            {
                previousClass = -1;
                continue;
            }

            alnum++;
            upper += cls == 0 ? 1 : 0;
            lower += cls == 1 ? 1 : 0;
            digits += cls == 2 ? 1 : 0;
            pastHex |= cls == 1 && c > 'f';
            base32 += cls == 0 || c is >= '2' and <= '7' ? 1 : 0;
            changes += previousClass >= 0 && previousClass != cls ? 1 : 0;
            repeat = c == previous ? repeat + 1 : 1;
            maxRepeat = Math.Max(maxRepeat, repeat);
            previous = c;
            previousClass = cls;
        }

        if (maxRepeat >= 4 || digits < 2)
        {
            return false;
        }

        return upper >= 2 && lower >= 2 && alnum >= 20 && changes >= 0.4 * (alnum - 1)
            || upper == 0 && pastHex && alnum >= 24 && lower >= 6 && digits >= 4 && changes >= 0.28 * (alnum - 1)
            || lower == 0 && base32 == alnum && alnum >= 16 && upper >= 8 && digits >= 3 && changes >= 0.2 * (alnum - 1);
    }

    private static readonly SearchValues<char> KeyChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+.:");

    /// <summary>
    /// An authenticator's setup key printed in groups of four ("4KQM 7ZTX NB2P VWLA"): four groups or more of base32. Typed by hand a
    /// key may carry a digit base32 lacks ("7KQX MZ2P 4TVR 9WLA H3DN", asked why the app rejects it): five capital groups or more, three
    /// of them mixing letters and digits, are read as a key too (a value written in full stays one when it is mistyped; probe 45).
    /// </summary>
    private static bool Base32Groups(ReadOnlySpan<char> text, int start, int end) =>
        end - start == 4 && (KeyGroups(text, start, wide: false) || KeyGroups(text, start, wide: true));

    private static bool KeyGroups(ReadOnlySpan<char> text, int start, bool wide)
    {
        if (!KeyGroup(text, start, wide))
        {
            return false;
        }

        // Back to the first group, then count forward.
        var first = start;
        while (first >= 5 && text[first - 1] == ' ' && KeyGroup(text, first - 5, wide))
        {
            first -= 5;
        }

        // "test card 4242 4242 …" is no key: a key's groups mix letters and digits, in one case.
        int groups = 0, letters = 0, mixed = 0, upper = 0;
        for (var at = first; KeyGroup(text, at, wide); at += 5)
        {
            groups++;
            var group = text.Slice(at, 4);
            foreach (var c in group)
            {
                letters += char.IsAsciiLetter(c) ? 1 : 0;
                upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            }

            mixed += group.IndexOfAnyInRange('0', '9') >= 0 && group.IndexOfAnyExceptInRange('0', '9') >= 0 ? 1 : 0;

            if (at + 4 >= text.Length || text[at + 4] != ' ')
            {
                break;
            }
        }

        // Wide groups: an IBAN's ("GB29 NWBK 6016 1331 9268 19") and a parcel's ("JJ01 4600 0088 …") have one or two lettered groups.
        // A key fingerprint's groups are hex ("C1FB 4E4C 569E 875A …"): a wide key has a letter past F.
        return wide ? groups >= 5 && letters >= 10 && mixed >= 3 && groups * 4 - letters >= 3 && PastHex(text[first..(first + groups * 5 - 1)])
            : groups >= 4 && letters >= 8 && mixed >= 1 && (upper == 0 || upper == letters);
    }

    // Four base32 characters (one case) standing as a word of their own; wide, four capitals and digits.
    private static bool KeyGroup(ReadOnlySpan<char> text, int at, bool wide)
    {
        // A sentence's mark after the last group ends the key, not the group ("… 4WVA NB7C. did I mix up a letter?").
        if (at < 0 || at + 4 > text.Length || (at > 0 && IsTokenChar(text[at - 1]))
            || (at + 4 < text.Length && IsTokenChar(text[at + 4]) && !(text[at + 4] is '.' or ',' or '!' or '?' or ':' or ')' && (at + 5 == text.Length || text[at + 5] is ' ' or '\n' or '\r'))))
        {
            return false;
        }

        var group = text.Slice(at, 4);
        return wide ? group.IndexOfAnyExcept(UpperAlnum) < 0 : group.IndexOfAnyExcept(Base32Upper) < 0 || group.IndexOfAnyExcept(Base32Lower) < 0;
    }

    private static bool PastHex(ReadOnlySpan<char> groups) => groups.IndexOfAnyInRange('G', 'Z') >= 0;

    private static readonly SearchValues<char> UpperAlnum = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    private static readonly SearchValues<char> Base32Upper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    private static readonly SearchValues<char> Base32Lower = SearchValues.Create("abcdefghijklmnopqrstuvwxyz234567");

    /// <summary>An Italian codice fiscale (tessera sanitaria): RSSMRA71C14H501Z.</summary>
    private static bool FiscalCode(ReadOnlySpan<char> token)
    {
        if (token.Length != 16 || DocumentedDummy(token))
        {
            return false;
        }

        for (var i = 0; i < 16; i++)
        {
            var digit = i is 6 or 7 or 9 or 10 or 12 or 13 or 14;
            if (digit ? !char.IsAsciiDigit(token[i]) : !char.IsAsciiLetterUpper(token[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Recovery or backup codes one a line ("8f2kd-91xmq", "4829 1173"): four lines or more of one shape, each a code of
    /// letters and digits (two halves, or 8–12 characters with a letter past f), read from the first code's line.
    /// </summary>
    private static bool CodeList(ReadOnlySpan<char> text, int start)
    {
        // Only a list's number or bullet may come before the code on its line. Read back from the code to the first other
        // character, which must be the line's break: a search for the break itself would read a whole text without one
        // (JSON-escaped output, minified code) for every digit-holding run.
        var other = text[..start].LastIndexOfAnyExcept(" \t-*•0123456789.)");
        if (other >= 0 && text[other] is not ('\n' or '\r'))
        {
            return false;
        }

        var lineStart = other + 1;

        var shape = CodeShape(Line(text, lineStart, out var next));
        if (shape == 0)
        {
            return false;
        }

        var lines = 1;
        while (lines < 4 && next < text.Length && CodeShape(Line(text, next, out next)) == shape)
        {
            lines++;
        }

        return lines >= 4;
    }

    // The line at `from` without a list's number or bullet; `next` is where the following line starts.
    private static ReadOnlySpan<char> Line(ReadOnlySpan<char> text, int from, out int next)
    {
        var length = text[from..].IndexOfAny('\n', '\r');
        var line = length < 0 ? text[from..] : text.Slice(from, length);
        next = length < 0 ? text.Length : from + length + 1;
        while (next < text.Length && text[next] is '\n' or '\r')
        {
            next++;
        }

        line = line.Trim(" \t");
        var marker = line.IndexOfAnyExcept("-*•0123456789.)");
        if (marker > 0 && marker < line.Length && line[marker] == ' ' && line[..marker].IndexOfAny(".)-*•") >= 0)
        {
            line = line[marker..].TrimStart(' ');
        }

        return line;
    }

    // A code's shape as a number (0: not a code): its length and where a single space or dash splits it.
    private static int CodeShape(ReadOnlySpan<char> line)
    {
        if (line.Length is < 8 or > 13)
        {
            return 0;
        }

        var split = line.IndexOfAny(' ', '-');
        var halves = split > 0 && line.LastIndexOfAny(' ', '-') == split && split * 2 + 1 == line.Length;
        var body = halves ? line[..split] : line;
        int letters = 0, digits = 0;
        var pastHex = false;
        foreach (var c in line)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return 0;
            }

            letters += char.IsAsciiLetter(c) ? 1 : 0;
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            pastHex |= char.IsAsciiLetter(c) && (c | 0x20) > 'f';
        }

        var code = digits >= 1 && (halves && split >= 4 || (split < 0 && letters >= 1 && pastHex && line.Length <= 12));
        return code && body.Length > 0 ? line.Length * 16 + (halves ? split + 1 : 0) : 0;
    }

    /// <summary>Twelve words or more after a wallet or recovery cue: lower-case words of 3–8 letters, no word of one or two letters (prose has them) and no common word.</summary>
    private static bool SeedWords(ReadOnlySpan<char> text, int from)
    {
        var window = text[from..Math.Min(text.Length, from + 100)];
        for (var i = 0; i < window.Length; i++)
        {
            if (SeedLetter(window[i]) && (i == 0 || !char.IsLetterOrDigit(window[i - 1])) && SeedRun(text[(from + i)..]) >= 12)
            {
                return true;
            }
        }

        return false;
    }

    // Lower-case Latin letters, accents too: BIP-39's Spanish, French, Italian and Czech lists and a user's own words ("sabão", "ábaco").
    private static bool SeedLetter(char c) => char.IsAsciiLetterLower(c) || (c is >= '\u00df' and < '\u0250' && char.IsLower(c));

    // How many seed-like words follow one another from the start of `rest`.
    private static int SeedRun(ReadOnlySpan<char> rest)
    {
        var words = 0;
        var gaps = 0;
        var i = 0;
        while (i < rest.Length)
        {
            var length = 0;
            // Lower-case Latin letters, accents too: BIP-39's Spanish, French, Italian and Czech lists and a user's own words ("sabão").
            while (i + length < rest.Length && SeedLetter(rest[i + length]))
            {
                length++;
            }

            if (length is < 3 or > 8 || (i + length < rest.Length && char.IsLetterOrDigit(rest[i + length])) || CommonWords.Contains(rest.Slice(i, length)))
            {
                return words;
            }

            words++;
            i += length;

            // A space, a line break or a comma; a numbered list's "2." or "2)" between words.
            var gap = 0;
            if (i + 2 < rest.Length && rest[i] == ',' && rest[i + 1] == ' ' && gaps < 2 && SeedGap(rest[(i + 2)..]) is > 0 and var unknown)
            {
                // "oyster, [missing], clever": a word the user does not know still holds its place (one or two; more is a template).
                gaps++;
                words++;
                i += 2 + unknown;
            }
            else if (i + 1 < rest.Length && rest[i] == ' ' && gaps < 2 && SeedGap(rest[(i + 1)..]) is > 0 and var blank)
            {
                // "hollow autumn ___ embrace", "ankle broccoli ____": the same blank between words written with spaces, or closing them (probe 46).
                gaps++;
                words++;
                i += 1 + blank;
            }

            while (i + gap < rest.Length && gap < 6 && (rest[i + gap] is ' ' or '\n' or '\r' or ',' or '\t' or '.' or ')' || char.IsAsciiDigit(rest[i + gap])))
            {
                gap++;
            }

            // A full stop right after a word ends the sentence (a list's "2." follows a space).
            if (gap == 0 || rest[i] is '.' or ')')
            {
                return words;
            }

            i += gap;
        }

        return words;
    }

    // Words of three letters or more that prose uses all the time and the BIP-39 list does not hold.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonWords = FrozenSet.ToFrozenSet(
    [
        "the", "and", "for", "you", "with", "this", "that", "have", "from", "they", "will", "what", "was", "were", "has", "had", "but", "not",
        "are", "its", "our", "your", "did", "does", "just", "been", "into", "than", "then", "them", "there", "their", "these", "those", "when",
        "where", "which", "who", "why", "how", "would", "could", "should", "her", "his", "him", "she", "yes", "les", "des", "une", "que",
        "qui", "est", "pas", "con", "del", "las", "los", "por", "para", "como", "una", "und", "der", "die", "das", "ein", "eine", "mit", "ist",
        "het", "een", "van", "och", "att", "som", "det", "che", "non", "per", "sono", "nie", "jest", "bir", "ile", "için", "meu", "minha",
        "mais", "mas", "isso", "esta", "este", "sur", "dans", "avec", "pour", "mon", "mes", "nicht", "auch", "ich", "sie", "wir",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Digits spelled as words, four or more in a row, joined by dashes, commas or spaces, in any corpus language
    /// ("three-seven-nine-two", "siedem, cztery, jeden, zero", "sete-três-três-um"): a code told aloud. Not counting
    /// ("one, two, three, four": steps of one or two), a repeated word, or a football formation ("four-two-three-one").
    /// </summary>
    private static bool SpelledDigits(ReadOnlySpan<char> text, int at)
    {
        Span<int> digits = stackalloc int[8];
        var count = 0;
        var i = at;
        while (count < 8)
        {
            var length = 0;
            while (i + length < text.Length && char.IsLetter(text[i + length]))
            {
                length++;
            }

            if (length == 0 || !Spelled.DigitWords.TryGetValue(text.Slice(i, length), out var digit))
            {
                break;
            }

            digits[count++] = digit;
            i += length;
            var gap = 0;
            while (i + gap < text.Length && gap < 3 && text[i + gap] is '-' or ',' or ' ' or '–')
            {
                gap++;
            }

            if (gap == 0 || text.Slice(i, gap).Count(' ') > 1)
            {
                break;
            }

            i += gap;
        }

        if (count < 4)
        {
            return false;
        }

        var told = digits[..count];
        var step = told[1] - told[0];
        var progression = Math.Abs(step) <= 2;
        var sum = 0;
        var small = true;
        for (var k = 0; k < count; k++)
        {
            progression &= k == 0 || told[k] - told[k - 1] == step;
            sum += told[k];
            small &= told[k] is >= 1 and <= 5;
        }

        return !progression && !(small && sum == 10 && count <= 5);
    }

    // Lower-case digit words of the corpus languages (CJK numerals are left out: they are parts of ordinary words). In a class of
    // their own: SecretPhrases' trigger list is built from them while its fields initialise, in whatever order the files give.
    private static class Spelled
    {
        internal static readonly (string Word, int Digit)[] DigitWordList =
        [
            ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
            ("null", 0), ("eins", 1), ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8), ("neun", 9),
            ("zéro", 0), ("un", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("sept", 7), ("huit", 8), ("neuf", 9),
            ("cero", 0), ("uno", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9),
            ("um", 1), ("dois", 2), ("três", 3), ("quatro", 4), ("sete", 7), ("oito", 8), ("nove", 9),
            ("due", 2), ("tre", 3), ("quattro", 4), ("cinque", 5), ("sei", 6), ("sette", 7), ("otto", 8),
            ("nul", 0), ("een", 1), ("één", 1), ("twee", 2), ("drie", 3), ("vijf", 5), ("zes", 6), ("zeven", 7), ("negen", 9),
            ("jeden", 1), ("dwa", 2), ("trzy", 3), ("cztery", 4), ("pięć", 5), ("sześć", 6), ("siedem", 7), ("osiem", 8), ("dziewięć", 9),
            ("ноль", 0), ("один", 1), ("два", 2), ("три", 3), ("четыре", 4), ("пять", 5), ("шесть", 6), ("семь", 7), ("восемь", 8), ("девять", 9),
            ("noll", 0), ("ett", 1), ("två", 2), ("fyra", 4), ("fem", 5), ("sex", 6), ("sju", 7), ("åtta", 8), ("nio", 9),
            ("sıfır", 0), ("bir", 1), ("iki", 2), ("üç", 3), ("dört", 4), ("beş", 5), ("altı", 6), ("yedi", 7), ("sekiz", 8), ("dokuz", 9),
            .. LanguageDigits.Words, // SecretPhrases.Languages
            .. KoreanDigits.Words, // SecretPhrases.Dictation
        ];

        /// <summary>The list cut into its languages (each row counts up from zero or one; a second word for one digit, "één", stays in its row), words of two letters or more.</summary>
        internal static IEnumerable<string[]> Languages()
        {
            var row = new List<string>();
            var previous = int.MaxValue;
            foreach (var (word, digit) in DigitWordList)
            {
                if (digit < previous && row.Count > 0)
                {
                    yield return [.. row];
                    row.Clear();
                }

                previous = digit;
                if (word.Length >= 2)
                {
                    row.Add(word);
                }
            }

            yield return [.. row];
        }

        internal static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> DigitWords =
            DigitWordList.ToFrozenDictionary(w => w.Word, w => w.Digit, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Where a spelled code can start (triggers of <see cref="Check"/>): a digit word followed by a dash or a comma, or two digit
    /// words of one language joined by a space ("five one", "sept deux": a lone "one " is too common a start to read).
    /// </summary>
    private static IEnumerable<string> SpelledTriggers =>
        Spelled.DigitWordList.Where(w => w.Word.Length >= 2).SelectMany(w => new[] { w.Word + "-", w.Word + "," })
            .Concat(Spelled.Languages().SelectMany(words => words.SelectMany(first => words.Select(second => first + " " + second))));

    // Only a digit word right before a dash or a comma starts a spelled code (a cheap test before the dictionary).
    private static bool SpelledAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && char.IsLetter(text[at - 1]))
        {
            return false;
        }

        var length = 0;
        while (at + length < text.Length && char.IsLetter(text[at + length]))
        {
            length++;
        }

        // Both readers open on this same word and stop at once unless it is a digit word: one lookup for the two (issue 16 item 4).
        return at + length < text.Length && text[at + length] is '-' or ',' or ' ' && length > 0 && Spelled.DigitWords.ContainsKey(text.Slice(at, length))
            && (SpelledDigits(text, at) || PausedDigits(text, at));
    }

    /// <summary>
    /// A password told bare next to a login or reuse cue ("for the Netflix account? — honeybadger19", "логин ivanova.m, для входа
    /// Zhuravl-7731", "it's Pickles2016 basically everywhere"): a word and 2–4 digits anywhere in the cue's sentence, or on the
    /// answer line after a question. Not a product or a technology with its version ("windows11", "iPhone15", "python310").
    /// </summary>
    private static bool BareValue(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 100)..at];
        var start = at - before.Length + (before.LastIndexOfAny(SentenceEnds) + 1);
        var after = text[end..Math.Min(text.Length, end + 100)];
        var stop = after.IndexOfAny(SentenceEnds);
        var to = end + (stop < 0 ? after.Length : stop);
        if (stop >= 0 && after[stop] is '?' or '？')
        {
            // The answer on the next line or turn.
            var line = text[Math.Min(text.Length, to + 1)..].TrimStart(" \r\n");
            var lineEnd = line.IndexOfAny('\n', '\r');
            to = text.Length - line.Length + Math.Min(lineEnd < 0 ? line.Length : lineEnd, 120);
        }

        var region = text[start..to];
        for (var i = 0; i < region.Length; i++)
        {
            if (char.IsLetter(region[i]) && (i == 0 || !BareChar(region[i - 1])))
            {
                var length = 0;
                while (i + length < region.Length && BareChar(region[i + length]))
                {
                    length++;
                }

                if (BareToken(region.Slice(i, length).TrimEnd(".,;:!?")) && !Handle(region, i, length))
                {
                    return true;
                }

                i += length;
            }
        }

        return false;
    }

    // Letters of any script ("Ромашка1960", "Blåbär2024"), digits and the joins a token may hold.
    private static bool BareChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';

    // A user name, not a password: named so just before ("mi cuenta de correo es pedro1985", "username: mike1987") or an address after it.
    private static bool Handle(ReadOnlySpan<char> region, int at, int length)
    {
        var after = region[(at + length)..].TrimStart(' ');
        if (after.StartsWith("@", StringComparison.Ordinal) || after.StartsWith("en gmail", StringComparison.OrdinalIgnoreCase) || after.StartsWith("on gmail", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var before = region[..at].TrimEnd(" :=\"'«“„");
        for (var words = 0; words < 2 && before.Length > 0; words++)
        {
            var start = before.Length;
            while (start > 0 && (char.IsLetter(before[start - 1]) || before[start - 1] == '-'))
            {
                start--;
            }

            var word = before[start..];
            if (HandleNouns.Contains(word))
            {
                return true;
            }

            // Past one connector ("is", "es", "to", "ist", "est", "é"…) to the noun before it.
            if (!OneOf(word, Connectors))
            {
                return false;
            }

            before = before[..start].TrimEnd(" :=");
        }

        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HandleNouns = FrozenSet.ToFrozenSet(
    [
        "user", "username", "usernames", "name", "nick", "nickname", "handle", "gamertag", "tag", "email", "e-mail", "mail", "correo", "gmail",
        "nome", "nombre", "nom", "pseudo", "usuario", "utente", "benutzer", "benutzername", "nutzername", "gebruikersnaam", "gebruiker",
        "användarnamn", "användare", "kullanıcı", "adı", "identifiant", "instagram", "twitter", "tiktok", "minecraft", "discord", "steam",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?\n\r。？！");

    // A word of 4+ letters (lower case or capitalised), at most one '-', '_' or '.', then 2–4 digits: "bluewhale77", "Zhuravl-7731".
    private static bool BareToken(ReadOnlySpan<char> token)
    {
        var letters = 0;
        while (letters < token.Length && char.IsLetter(token[letters]))
        {
            letters++;
        }

        if (letters < 4 || letters > 20 || letters == token.Length)
        {
            return false;
        }

        for (var k = 1; k < letters; k++)
        {
            if (char.IsUpper(token[k]))
            {
                return false; // "iPhone15", "PlayStation5": a product's name
            }
        }

        // "kasztan_84" reads as a user name; "Zhuravl-7731" and "Kumsal.2024" as passwords.
        var tail = token[letters..];
        tail = tail[0] is '-' or '.' ? tail[1..] : tail;
        // "password123" is a test fixture's dummy (docs/LABELLING.md; probe 31: D37345).
        return tail.Length is >= 2 and <= 4 && tail.IndexOfAnyExceptInRange('0', '9') < 0 && !TechStems.Contains(token[..letters]) && !DummyValue(token);
    }

    // Names that take a version or a year: a product, not a password.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TechStems = FrozenSet.ToFrozenSet(
    [
        "windows", "win", "office", "ubuntu", "debian", "fedora", "centos", "rhel", "python", "java", "node", "php", "html", "ipv", "utf", "iso",
        "covid", "iphone", "galaxy", "pixel", "xbox", "playstation", "macos", "ios", "android", "mysql", "postgres", "postgresql", "redis",
        "dotnet", "net", "gpt", "claude", "gemini", "llama", "qwen", "mistral", "phi", "tls", "ssl", "http", "oauth", "sha", "md", "rfc", "en",
        "din", "ecma", "es", "jdk", "jre", "vue", "angular", "react", "next", "laravel", "rails", "django", "spring", "kotlin", "swift", "scala",
        "ruby", "perl", "lua", "go", "rust", "cuda", "opencv", "tensorflow", "torch", "pytorch", "model", "version", "release", "build", "sprint",
        "ticket", "issue", "order", "invoice", "room", "flight", "gate", "seat", "page", "line", "item", "step", "level", "week", "year", "day",
        "class", "grade", "group", "team", "table", "test", "case", "user", "admin", "server", "host", "node", "worker", "web", "api", "db",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
