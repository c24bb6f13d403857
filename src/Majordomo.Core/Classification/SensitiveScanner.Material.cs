namespace Majordomo.Classification;

/// <summary>
/// Secrets carried as the material of a task (after the blind probe <c>sensitive-lookalikes-31</c>, read by category in the seventeenth
/// session): numbers with no noun of their own that the text around them still gives away. A UK sort code and account number
/// written as a pair (<c>04-00-04 21983377</c>) where money is spoken of; a one-time code handed over as the text that brought it
/// has arrived ("the text just arrived: 318 604"); a list of four-digit codes, each after what it opens ("EC 3318, Kredit 0704"),
/// after a PIN's noun. Called from <see cref="ScanDigits"/> at every digit run, so the prefilter reads them too.
/// </summary>
internal static partial class SensitiveScanner
{
    // Money talk near a sort code and account pair: a bill split, a refund, a transfer, a direct debit (probe 31: D37153, D37232).
    private static readonly string[] MoneyCues = ["£", "bank", "pay", "account", "transfer", "debit", "refund", "deposit", "rent", "owe"];

    // A code's message having arrived, in the words before the colon that hands the code over.
    private static readonly string[] ArrivalWords =
    [
        "arrived", "came through", "came in", "just came", "is here", "ist da", "angekommen", "est arrivé", "reçu", "llegó",
        "chegou", "è arrivato", "binnen", "пришёл", "пришел", "到了", "来了", "届いた", "왔어", "왔다",
    ];

    // The message that brings a one-time code.
    private static readonly string[] CodeMessages = ["code", "text", "sms", "message", "otp", "nachricht", "mensaje", "mensagem", "messaggio", "код", "смс", "验证码", "コード", "인증번호", "문자"];

    // A PIN's or a code's noun, in the sentences before a list of labelled four-digit values.
    private static readonly string[] PinNouns =
    [
        "pin", "pins", "geheimzahl", "geheimzahlen", "geheimnummer", "geheimnummern", "codes", "code secret", "codici", "códigos", "claves", "pincode", "пин", "暗証番号", "비밀번호", "密码",
    ];

    /// <summary>Whether a number of the material's kinds starts at the digit <paramref name="start"/> (see the type's summary).</summary>
    private static bool MaterialNumber(ReadOnlySpan<char> text, int start) =>
        SortCodeAndAccount(text, start) || ArrivedCode(text, start) || LabelledPinList(text, start) || ArrivedLetterCode(text, start);

    /// <summary>
    /// A UK sort code and account number as a pair: <c>dd-dd-dd</c>, one space, eight digits ending the number, with money spoken of
    /// within 300 characters. A sort code alone is a branch's (SecretPhrases' "sort"); a delivery note's date and number has no money.
    /// </summary>
    private static bool SortCodeAndAccount(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '-' or '.' or '/') || start + 17 > text.Length)
        {
            return false;
        }

        // Between the two, a space, or a comma, a slash or a semicolon with spaces ("20-91-44, 13309872"; probe 43).
        var pair = text.Slice(start, 8);
        var account = start + 8;
        while (account < text.Length && account - start < 11 && text[account] is ' ' or ',' or '/' or ';')
        {
            account++;
        }

        var end = account + 8;
        if (account == start + 8 || end > text.Length || pair[2] != '-' || pair[5] != '-' || pair[..2].IndexOfAnyExceptInRange('0', '9') >= 0
            || pair[3..5].IndexOfAnyExceptInRange('0', '9') >= 0 || pair[6..8].IndexOfAnyExceptInRange('0', '9') >= 0
            || text[account..end].IndexOfAnyExceptInRange('0', '9') >= 0
            || (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '/')))
        {
            return false;
        }

        var window = text[Math.Max(0, start - 300)..Math.Min(text.Length, end + 300)];
        foreach (var cue in MoneyCues)
        {
            if (window.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A one-time code handed over as its message arrived: four to eight digits (or two groups of three split by a space) right after a
    /// colon, ending the clause, with an arrival word and the message's noun in the 48 characters before the colon ("new code came
    /// through: 551 093", "die SMS ist da: 604 118"). "the text just arrived: your parcel 318 604…" puts words after the colon.
    /// </summary>
    private static bool ArrivedCode(ReadOnlySpan<char> text, int start)
    {
        var before = text[..start].TrimEnd(' ');
        if (before.IsEmpty || before[^1] is not (':' or '：'))
        {
            return false;
        }

        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end - start == 3 && end + 4 <= text.Length && text[end] == ' ' && text.Slice(end + 1, 3).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            end += 4;
        }

        var digits = end - start - (end - start == 7 ? 1 : 0);
        if (digits is < 4 or > 8 || (end < text.Length && !(text[end] is '.' or ',' or '!' or ';' or '\n' or '\r' or '。' or '，' or ' ' or ')')))
        {
            return false;
        }

        var lead = before[Math.Max(0, before.Length - 49)..^1];
        return SecretPhrases.ContainsAny(lead, ArrivalWords) && SecretPhrases.ContainsAny(lead, CodeMessages);
    }

    /// <summary>
    /// A four-digit code after a word naming what it opens, itself one of a list of such pairs ("EC 3318, Kredit 0704, Handy 1952"), with
    /// a PIN's or a code's noun in the 200 characters before the list. Not when every value of the list is a clock time (a bus's
    /// departures "No. 12 0815, No. 7 0940").
    /// </summary>
    private static bool LabelledPinList(ReadOnlySpan<char> text, int start)
    {
        if (start < 2 || text[start - 1] != ' ' || !char.IsLetter(text[start - 2]) || !FourDigits(text, start))
        {
            return false;
        }

        // The first pair of the list: the value after it must be ", Label dddd".
        var after = text[(start + 4)..];
        if (after.IsEmpty || after[0] != ',')
        {
            return false;
        }

        var next = after[1..].TrimStart(' ');
        var word = next.IndexOf(' ');
        if (word <= 0 || next[..word].ContainsAnyInRange('0', '9') || !FourDigits(next, word + 1))
        {
            return false;
        }

        var time = ClockTime(text.Slice(start, 4)) && ClockTime(next.Slice(word + 1, 4));
        return !time && SecretPhrases.ContainsAny(text[Math.Max(0, start - 200)..start], PinNouns);
    }

    /// <summary>
    /// A number counting up one by one: nine digits or more across its separators ("123.456.789-09"), seven or more inside one of its
    /// groups ("900101-1234567"), or all of its six to eight digits ("AB123456C"). Users' own numbers count up so too (the corpus's
    /// "520314-1234567", "1234 5678 9018" are someone's): only with an example's cue (<see cref="CountingExample"/>) is it a format's example.
    /// </summary>
    internal static bool Counting(ReadOnlySpan<char> text, int start)
    {
        int n = 0, run = 0, inGroup = 0, longest = 0, longestInGroup = 0, last = -1;
        for (var i = start; i < text.Length && n < 20; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                if (c is ' ' or '-' or '.' && n > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i - 1]))
                {
                    inGroup = 0;
                    continue;
                }

                break;
            }

            var d = c - '0';
            var next = last >= 0 && d == (last + 1) % 10;
            run = next ? run + 1 : 1;
            inGroup = next && inGroup > 0 ? inGroup + 1 : 1;
            longest = Math.Max(longest, run);
            longestInGroup = Math.Max(longestInGroup, inGroup);
            last = d;
            n++;
        }

        return longest >= 9 || longestInGroup >= 7 || (longest == n && n is >= 6 and <= 8);
    }

    // What shows a format's example: its word before the number, or the same number turned into its other format after it.
    private static readonly string[] ExampleLeads = ["example", "examples", "e.g.", "z.b.", "z. b.", "beispiel", "exemplo", "ejemplo", "esempio", "exemple", "voorbeeld", "przykład", "например", "tipo", "例", "예"];

    private static readonly string[] ExampleTurns = ["→", "->", "=>", "virar", "vire", "apareça", "become", "turn into", "wird zu", "devient", "diventi", "se convierta"];

    /// <summary>
    /// A number counting up (<see cref="Counting"/>) shown as a format's example: an example's word in the 40 characters before it in its
    /// line, or a conversion before or after it (the example and its converted copy) ("Tipo 12345678909 virar 123.456.789-09", "예: 900101-1234567 → …"; probe 31: D37183, D37194, D37201).
    /// </summary>
    internal static bool CountingExample(ReadOnlySpan<char> text, int start)
    {
        if (!Counting(text, start))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 40)..start];
        var line = before.LastIndexOfAny('\n', '\r');
        before = line >= 0 ? before[(line + 1)..] : before;
        var after = text[start..Math.Min(text.Length, start + 48)];
        var stop = after.IndexOfAny('\n', '\r');
        after = stop >= 0 ? after[..stop] : after;
        return SecretPhrases.ContainsAny(before, ExampleLeads) || SecretPhrases.ContainsAny(before, ExampleTurns) || SecretPhrases.ContainsAny(after, ExampleTurns);
    }

    // AWS's documented example keys end their value so (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY): docs/LABELLING.md's
    // "AKIA…EXAMPLE" placeholder, whose secret half the key-name rule read (probe 31: D37205).
    private static bool AwsExampleTail(ReadOnlySpan<char> value) =>
        value.EndsWith("EXAMPLE", StringComparison.Ordinal) || value.EndsWith("EXAMPLEKEY", StringComparison.Ordinal);

    private static bool FourDigits(ReadOnlySpan<char> text, int at) =>
        at + 4 <= text.Length && text.Slice(at, 4).IndexOfAnyExceptInRange('0', '9') < 0 && (at + 4 == text.Length || !char.IsAsciiLetterOrDigit(text[at + 4]));

    private static bool ClockTime(ReadOnlySpan<char> hhmm) => (hhmm[0] - '0') * 10 + (hhmm[1] - '0') < 24 && hhmm[2] < '6';
}
