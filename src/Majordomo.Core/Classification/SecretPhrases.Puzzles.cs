namespace Majordomo.Classification;

/// <summary>
/// Games and puzzles outside the noun rules, after the train file <c>sensitive-categories-19</c> (probe 17's categories) and probe 18's
/// leftovers (docs/CLASSIFIER.md "Probe 17's categories landed"): digits told one by one for an escape room's lock ("make the digits
/// 2-7-1-9 and write riddles for each"), a children's club's password written as an assignment ("club secreto con contraseña:
/// 'tortuga voladora'"), and a number with a smudged digit to be found after a card's noun ("4539 1488 0343 6?67", probe 18). The same cues as the noun rules'
/// (<see cref="GameValue"/>), read only where a rule has found a value.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>Whether a puzzle's or a game's cue stands within 400 characters of the digits <paramref name="start"/>..<paramref name="end"/>.</summary>
    internal static bool PuzzleNear(ReadOnlySpan<char> text, int start, int end) => CueNear(text, start, end, PuzzleCues);

    /// <summary>Whether a children's club's cue stands within 400 characters of the password <paramref name="at"/>..<paramref name="end"/>.</summary>
    internal static bool ClubNear(ReadOnlySpan<char> text, int at, int end) => CueNear(text, at, end, ClubCues);

    /// <summary>
    /// Whether the noun's sentence after <paramref name="end"/> holds a number with a hole to be found, a '?' or '_' between two
    /// digits ("4539 1488 0343 6?67"): a puzzle's number, not a value written in full.
    /// </summary>
    private static bool SmudgedNumber(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 80)];
        after = after[..SentenceEnd(after)];
        for (var i = 1; i + 1 < after.Length; i++)
        {
            if (after[i] is '?' or '_' && char.IsAsciiDigit(after[i - 1]) && char.IsAsciiDigit(after[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CueNear(ReadOnlySpan<char> text, int at, int end, ReadOnlySpan<string> cues)
    {
        var near = text[Math.Max(0, at - 400)..Math.Min(text.Length, end + 400)];
        foreach (var cue in cues)
        {
            if (near.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
