namespace Majordomo.Classification;

/// <summary>
/// A Steam Guard code of letters only (the nineteenth session; probe 30's <c>ArrivedLetterCode</c> reads one at its digit, so
/// "KXQRT" was never reached): Steam writes its codes with five characters of its own alphabet, capitals without vowels and digits
/// two to nine. Read after a code's noun with "Steam" beside it; "CODE EXPIRED" and "GOLD NOVA" hold vowels.
/// </summary>
internal static partial class SecretPhrases
{
    private const string SteamAlphabet = "23456789BCDFGHJKMNPQRTVWXY";

    private static readonly string[] CodeNouns = ["code", "kod", "código", "codigo", "codice", "код"];

    // In a class of its own: built on the first use, once CodeNouns has initialised.
    private static class LetterCodeStarts
    {
        internal static readonly FoldedWords Nouns = new(CodeNouns);
    }

    /// <summary>The code's noun at <paramref name="at"/> has "Steam" within 40 characters and a Steam code in its line after it.</summary>
    private static bool SteamLetterCodeAt(ReadOnlySpan<char> text, int at)
    {
        // Every trigger's hit asks this: only the nouns whose first character folds like the hit's are compared (FoldedWords, in
        // their order; issue 16 item 4: code dense in "key"). The same first match, so the same answer.
        var rest = text[at..];
        var noun = 0;
        foreach (var word in LetterCodeStarts.Nouns.At(rest))
        {
            noun = noun == 0 && rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? word.Length : noun;
        }

        if (noun == 0 || !text[Math.Max(0, at - 40)..Math.Min(text.Length, at + noun + 40)].Contains("steam", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var after = text[(at + noun)..Math.Min(text.Length, at + noun + 80)];
        var line = after.IndexOfAny('\n', '\r');
        after = line < 0 ? after : after[..line];
        for (var k = 0; k + 5 <= after.Length; k++)
        {
            if ((k == 0 || !char.IsLetterOrDigit(after[k - 1])) && SteamCode(after[k..]))
            {
                return true;
            }
        }

        return false;
    }

    // Five characters of Steam's alphabet, three letters at least, ending there.
    private static bool SteamCode(ReadOnlySpan<char> from)
    {
        var letters = 0;
        for (var k = 0; k < 5; k++)
        {
            if (!SteamAlphabet.Contains(from[k]))
            {
                return false;
            }

            letters += char.IsAsciiLetter(from[k]) ? 1 : 0;
        }

        return letters >= 3 && (from.Length == 5 || !char.IsLetterOrDigit(from[5]));
    }

    // A portal's one-off activation or registration code (DigiD's five characters, a school app's): its nouns, as the phrases read them.
    private static readonly string[] ActivationNouns =
        ["activeringscode", "activatiecode", "activation code", "aktivierungscode", "freischaltcode", "registrierungscode", "registration code", "zugangscode"];

    /// <summary>
    /// An activation code's noun at <paramref name="at"/> and, after its connector in the 24 characters that follow on its line, a code
    /// of five to sixteen capitals and digits holding both ("RW4KT", "K7P2-XQ9M"): shorter than the phrases' digits want
    /// (docs/LABELLING.md: a portal's one-off code is a one-time code).
    /// </summary>
    private static bool ActivationLetterCodeAt(ReadOnlySpan<char> text, int at)
    {
        // Every trigger's hit asks this: one compare turns away the hits no noun starts like (issue 16 item 4).
        var rest = text[at..];
        if (rest.IsEmpty || (rest[0] | 0x20) is not ('a' or 'f' or 'r' or 'z'))
        {
            return false;
        }

        var noun = 0;
        foreach (var word in ActivationNouns)
        {
            noun = noun == 0 && rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? word.Length : noun;
        }

        if (noun == 0 || (at > 0 && char.IsLetter(text[at - 1]) && text[at - 1] != '-'))
        {
            return false;
        }

        var after = rest[noun..Math.Min(rest.Length, noun + 24)];
        var line = after.IndexOfAny('\n', '\r');
        after = (line < 0 ? after : after[..line]).TrimStart(" :");
        after = after.StartsWith("is ", StringComparison.OrdinalIgnoreCase) || after.StartsWith("ist ", StringComparison.OrdinalIgnoreCase) ? after[(after.IndexOf(' ') + 1)..] : after;
        int length = 0, capitals = 0, digits = 0;
        while (length < after.Length && (char.IsAsciiLetterUpper(after[length]) || char.IsAsciiDigit(after[length]) || (after[length] == '-' && length > 0)))
        {
            capitals += char.IsAsciiLetterUpper(after[length]) ? 1 : 0;
            digits += char.IsAsciiDigit(after[length]) ? 1 : 0;
            length++;
        }

        return capitals + digits is >= 5 and <= 16 && capitals > 0 && digits > 0 && (length == after.Length || !char.IsLetterOrDigit(after[length]));
    }
}
