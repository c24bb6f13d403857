namespace Majordomo.Classification;

/// <summary>
/// An id's noun that is a common word in another language (the leftovers of probes 20–25, <c>sensitive-categories-37</c>): the Spanish
/// NIE is Polish "nie" (not) and German "nie" (never), and a Polish sentence with a number after it ("co jest nie tak w tym logu" above
/// a log line) read as an NIE answered on the next line. The noun counts in capitals ("NIE", as Spain prints it) or before a value of
/// the NIE's own shape (X, Y or Z, seven digits, a letter: "mi nie es x4827163s"). French "combinaison" (a lock's combination, probe
/// 23) is a ski suit or a wetsuit too: its size or its price after it is no code.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>Whether the "nie" at <paramref name="at"/> is the Spanish id's noun: in capitals, or an NIE-shaped value within 40 characters after it.</summary>
    private static bool NieNoun(ReadOnlySpan<char> text, int at)
    {
        if (text.Slice(at, 3).SequenceEqual("NIE"))
        {
            return true;
        }

        var after = text[(at + 3)..Math.Min(text.Length, at + 43)];
        for (var i = 0; i < after.Length; i++)
        {
            if (after[i] is 'x' or 'y' or 'z' or 'X' or 'Y' or 'Z' && (i == 0 || !char.IsLetterOrDigit(after[i - 1])) && NieShape(after[(i + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    // Seven digits (spaces, dots or dashes between them) and a letter after the X, Y or Z.
    private static bool NieShape(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        var i = 0;
        for (; i < rest.Length && digits < 7; i++)
        {
            if (char.IsAsciiDigit(rest[i]))
            {
                digits++;
            }
            else if (rest[i] is not (' ' or '.' or '-' or '·'))
            {
                return false;
            }
        }

        while (i < rest.Length && rest[i] is ' ' or '.' or '-' or '·')
        {
            i++;
        }

        return digits == 7 && i < rest.Length && char.IsAsciiLetter(rest[i]) && (i + 1 == rest.Length || !char.IsLetterOrDigit(rest[i + 1]));
    }

    private static readonly string[] SuitWords =
    [
        "taille", "ski", "plongée", "néoprène", "pointure", "travail", "moto", "cycliste", "pilote", "€", "euros", "prix", "size", "wetsuit",
    ];

    /// <summary>Whether a suit's word (its size, its sport, its price) stands in the 60 characters after the noun ending at <paramref name="end"/>.</summary>
    private static bool SuitNamed(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 60)];
        foreach (var word in SuitWords)
        {
            if (after.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
