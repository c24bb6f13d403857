namespace Majordomo.Classification;

/// <summary>
/// An app-specific password after a password noun (after the blind probe <c>sensitive-lookalikes-15</c>, docs/CLASSIFIER.md
/// "More languages"): four groups of four lower-case letters joined by spaces or dashes ("qwmz hvtr lpaa xken", the shape mail
/// providers hand out for IMAP and SMTP clients), told with no connector ("the app password … didn't work"). One group at least
/// has no vowel, so four ordinary four-letter words ("this will take time") are no password.
/// </summary>
internal static partial class SecretPhrases
{
    private static bool AppPassword(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 60)];
        var stop = window.IndexOfAny('.', '\n', '?');
        window = stop < 0 ? window : window[..stop];
        for (var i = 0; i + 19 <= window.Length; i++)
        {
            if ((i == 0 || !char.IsLetterOrDigit(window[i - 1])) && LetterGroups(window[i..]))
            {
                return true;
            }
        }

        return false;
    }

    // Four groups of four lower-case ASCII letters, one separator kind, nothing glued after; one group without a vowel.
    private static bool LetterGroups(ReadOnlySpan<char> s)
    {
        var vowelless = false;
        for (var g = 0; g < 4; g++)
        {
            var group = s.Slice(g * 5, 4);
            if (group.ContainsAnyExceptInRange('a', 'z'))
            {
                return false;
            }

            var after = (g * 5) + 4;
            if (g < 3 ? s[after] != s[4] || s[4] is not (' ' or '-') : after < s.Length && (char.IsLetterOrDigit(s[after]) || s[after] is '-' or '_'))
            {
                return false;
            }

            vowelless |= group.IndexOfAny("aeiouy") < 0;
        }

        return vowelless;
    }
}
