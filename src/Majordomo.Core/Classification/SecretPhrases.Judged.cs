namespace Majordomo.Classification;

/// <summary>
/// Codes and numbers named as something judged, compared or faked rather than used (probe 39's leftovers, docs/CLASSIFIER.md): a
/// PIN asked about as a bad one ("Is 0000 a bad PIN? Same as 1234?"), digits compared across scripts ("٥ vs ۵ vs 0"), a test
/// fixture's zero PIN; and a hospital's patient number printed like a document's ("UHID: AIIMS/2026/0448197").
/// </summary>
internal static partial class SecretPhrases
{
    // Words that judge a code's quality right before its noun ("a bad PIN", "eine schlechte PIN", "un mauvais code").
    private static readonly string[] QualityWords =
    [
        "bad", "weak", "good", "strong", "safe", "unsafe", "secure", "insecure", "common", "obvious", "terrible", "guessable",
        "schlechte", "schlechter", "schlechtes", "schwache", "schwacher", "sichere", "sicherer", "gute", "guter",
        "mauvais", "mauvaise", "faible", "bon", "bonne", "malo", "mala", "débil", "debil", "buen", "buena", "ruim", "fraco", "fraca",
        "cattivo", "cattiva", "debole", "slechte", "zwakke", "goede", "słaby", "słabe", "dobry",
    ];

    /// <summary>
    /// The noun at <paramref name="at"/> is judged by a quality word right before it, in a sentence that names a code of four to
    /// eight digits before the noun ("Is 0000 a bad PIN?"): the question asks about that example, and what follows it compares
    /// examples ("Same as 1234 right?") rather than answering with one's own.
    /// </summary>
    private static bool JudgedExampleQuestion(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 60)..at];
        before = before[(before.LastIndexOfAny(".!?\n\r") + 1)..].TrimEnd(' ');
        var space = before.LastIndexOf(' ');
        if (!OneOf(before[(space + 1)..], QualityWords))
        {
            return false;
        }

        var head = before[..Math.Max(0, space)];
        for (var i = 0; i < head.Length; i++)
        {
            // Any script's digits: the text is read before its digits are folded to ASCII ("Is ০০০০ a bad PIN?").
            if (!char.IsDigit(head[i]) || (i > 0 && char.IsLetterOrDigit(head[i - 1])))
            {
                continue;
            }

            var length = 1;
            while (i + length < head.Length && char.IsDigit(head[i + length]))
            {
                length++;
            }

            if (length is >= 4 and <= 8 && (i + length == head.Length || !char.IsLetter(head[i + length])))
            {
                return true;
            }

            i += length;
        }

        return false;
    }

    /// <summary>A comparison's "vs", "vs." or "versus" stands right before the number at <paramref name="i"/> or right after it ending at <paramref name="end"/>.</summary>
    private static bool Versus(ReadOnlySpan<char> window, int i, int end)
    {
        var before = window[..i].TrimEnd(' ');
        var after = window[end..].TrimStart(' ');
        return before.EndsWith(" vs", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" vs.", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" versus", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("vs ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("vs. ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("versus ", StringComparison.OrdinalIgnoreCase);
    }

    // Words that make a file or a sentence a test's setup: its zero PIN is a fixture's.
    private static readonly string[] FixtureWords = ["fixture", "test", "seed", "factory", "faker", "sandbox", "mock"];

    /// <summary>
    /// The value after the noun ending at <paramref name="end"/> is four or five zeros (quoted or not) and a test's word stands in
    /// the 300 characters before the noun at <paramref name="at"/>: a fixture's PIN. The same zeros typed as one's own stay a weak
    /// code (docs/LABELLING.md).
    /// </summary>
    private static bool ZeroPinInFixture(ReadOnlySpan<char> text, int at, int end) =>
        LeadingZeros(text[end..Math.Min(text.Length, end + 16)].TrimStart(" \t:=>\"'")) && WordIn(text[Math.Max(0, at - 300)..at], FixtureWords);

    /// <summary>
    /// The first number of <paramref name="answer"/> (a question's next line) is four or five zeros and a test's word stands in the 300
    /// characters before the noun at <paramref name="at"/>: a fixture's field under a question about it, no one's answer.
    /// </summary>
    private static bool ZerosInFixture(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> answer)
    {
        var digit = answer.IndexOfAnyInRange('0', '9');
        return digit >= 0 && (digit == 0 || !char.IsLetterOrDigit(answer[digit - 1])) && LeadingZeros(answer[digit..])
            && WordIn(text[Math.Max(0, at - 300)..at], FixtureWords);
    }

    // Four or five zeros opening the value, ending it.
    private static bool LeadingZeros(ReadOnlySpan<char> value)
    {
        var zeros = value.IndexOfAnyExcept('0');
        zeros = zeros < 0 ? value.Length : zeros;
        return zeros is 4 or 5 && (zeros == value.Length || !char.IsLetterOrDigit(value[zeros]));
    }

    /// <summary>A format's placeholder letters: three or more of X, Y, N, D or M in a row ("784-YYYY-NNNNNNN-C", "DE00XXXX").</summary>
    private static bool FormatLetters(ReadOnlySpan<char> token)
    {
        var run = 1;
        for (var k = 1; k < token.Length; k++)
        {
            run = token[k] == token[k - 1] && token[k] is 'X' or 'Y' or 'N' or 'D' or 'M' ? run + 1 : 1;
            if (run == 3)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A hospital's patient number's noun: its value may be printed like a document's ("UHID: AIIMS/2026/0448197").</summary>
    private static bool HospitalNumberNoun(string phrase) => phrase is "UHID" or "MRD" or "mrn" or "hospital number" or "hosp no" or "hosp. no";
}
