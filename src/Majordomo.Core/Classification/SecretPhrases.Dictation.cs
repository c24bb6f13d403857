namespace Majordomo.Classification;

/// <summary>
/// Codes read aloud in a conversation, after the blind probe <c>sensitive-lookalikes-17</c> (docs/CLASSIFIER.md, "Conversations"):
/// a speaker pauses inside a code ("six one nine, uh, zero four four", "шесть, восемь, ноль... эээ, два, два, один",
/// "6 0 4 … 呃 … 9 1 7"), and Korean reads digits with its Sino-Korean words ("삼, 칠, 영, 일, 팔, 구"). A pause is an
/// ellipsis or a hesitation word between two digits; the guards of a spelled code hold (no counting, no repeated word).
/// </summary>
internal static partial class SecretPhrases
{
    // Hesitation words of the corpus languages, lower case: what a speaker says while looking at the rest of a code.
    private static readonly string[] Hesitations =
    [
        "uh", "uhh", "um", "umm", "er", "erm", "ehm", "eh", "hmm", "mm", "äh", "ähm", "öhm", "euh", "heu", "bah", "eeh", "ehh", "este", "pues",
        "ahn", "éé", "cioè", "ehhm", "eee", "ee", "yyy", "эээ", "ээ", "э", "ммм", "мм", "ну", "şey", "ııı", "öö", "呃", "嗯",
        "额", "那个", "えーと", "えっと", "あの", "ええと", "어", "음", "저",
    ];

    // One-syllable Korean digits start a spelled code only with a comma after them ("삼,"): alone they are parts of words.
    private static IEnumerable<string> DictationTriggers => KoreanDigits.Words.Select(d => d.Word + ",");

    // Sino-Korean digit words, read one syllable a digit ("삼, 칠, 영, 일"); appended to Spelled.DigitWordList (a class of its
    // own for the same reason: the trigger list is built from it while SecretPhrases' fields initialise).
    private static class KoreanDigits
    {
        internal static readonly (string Word, int Digit)[] Words =
        [
            ("공", 0), ("영", 0), ("일", 1), ("이", 2), ("삼", 3), ("사", 4), ("오", 5), ("육", 6), ("칠", 7), ("팔", 8), ("구", 9),
        ];
    }

    /// <summary>
    /// Digits told one at a time with a pause inside ("nine, uh, zero", "ноль... эээ, два", "4 … 呃 … 9"): four to eight digits
    /// (single ASCII digits or digit words) from <paramref name="at"/>, joined by spaces, commas or dashes, with at least one
    /// ellipsis or hesitation word between two of them. Not counting (a steady step), not one digit repeated.
    /// </summary>
    private static bool PausedDigits(ReadOnlySpan<char> text, int at)
    {
        Span<int> digits = stackalloc int[9];
        var count = 0;
        var pauses = 0;
        var i = at;
        while (count < 9 && i < text.Length)
        {
            var length = DigitToken(text, i, out var digit);
            if (length == 0)
            {
                break;
            }

            digits[count++] = digit;
            i += length;
            var gap = Gap(text, i);
            var pause = PauseAt(text, i + gap);
            if (pause > 0)
            {
                pauses++;
                gap += pause;
                gap += Gap(text, i + gap);
            }

            if (gap == 0)
            {
                break;
            }

            i += gap;
        }

        if (count is < 4 or > 8 || pauses == 0)
        {
            return false;
        }

        var told = digits[..count];
        var step = told[1] - told[0];
        var steady = true;
        for (var k = 1; k < count; k++)
        {
            steady &= told[k] - told[k - 1] == step;
        }

        return !steady;
    }

    /// <summary>The first place in <paramref name="window"/> where a paused code starts (a noun's value told with a hesitation).</summary>
    private static bool PausedValue(ReadOnlySpan<char> window)
    {
        for (var i = 0; i < window.Length; i++)
        {
            if ((i == 0 || !char.IsLetterOrDigit(window[i - 1])) && DigitToken(window, i, out _) > 0 && PausedDigits(window, i))
            {
                return true;
            }
        }

        return false;
    }

    // A single ASCII digit or a whole digit word at i: its length, or 0.
    private static int DigitToken(ReadOnlySpan<char> text, int i, out int digit)
    {
        digit = 0;
        if (char.IsAsciiDigit(text[i]))
        {
            digit = text[i] - '0';
            return i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) ? 0 : 1;
        }

        var length = 0;
        while (i + length < text.Length && char.IsLetter(text[i + length]))
        {
            length++;
        }

        if (length == 0)
        {
            return 0;
        }

        return Spelled.DigitWords.TryGetValue(text.Slice(i, length), out digit) ? length : 0;
    }

    // Separators between two digits: up to three of space, comma, dash.
    private static int Gap(ReadOnlySpan<char> text, int i)
    {
        var gap = 0;
        while (i + gap < text.Length && gap < 3 && text[i + gap] is ' ' or ',' or '-' or '–' or '、')
        {
            gap++;
        }

        return gap;
    }

    // An ellipsis ("...", "…", "……") or a hesitation word (with a trailing ellipsis or comma) at i: its length, or 0.
    private static int PauseAt(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        var found = false;
        for (var round = 0; round < 3 && i < text.Length; round++)
        {
            var dots = 0;
            while (i + dots < text.Length && text[i + dots] is '.' or '…' or '‥')
            {
                dots++;
            }

            if (dots > 0 && (dots >= 3 || text[i] is '…' or '‥'))
            {
                found = true;
                i += dots;
                i += Gap(text, i);
                continue;
            }

            var length = 0;
            while (i + length < text.Length && char.IsLetter(text[i + length]))
            {
                length++;
            }

            if (length == 0 || !IsHesitation(text.Slice(i, length)))
            {
                break;
            }

            found = true;
            i += length;
            i += Gap(text, i);
        }

        return found ? i - start : 0;
    }

    private static bool IsHesitation(ReadOnlySpan<char> word)
    {
        foreach (var h in Hesitations)
        {
            if (word.Equals(h, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
