namespace Majordomo.Classification;

/// <summary>
/// A smart lock's codes in an agent's traffic, after the blind probe <c>sensitive-lookalikes-22</c> (docs/CLASSIFIER.md, "Probe 22
/// read by category"): a home assistant's tool call that sets a user code (<c>"usercode":"530981"</c>) and a lock's state listing its
/// guest codes (<c>"guest_codes":[{"name":"母","code":"770412"}]</c>). A JSON key naming a code or a PIN with four to eight digits as
/// its quoted value, in a lock's context; not an error's or a status's code (no lock word before it).
/// </summary>
internal static partial class SensitiveScanner
{
    private static readonly string[] LockCodeKeys =
    [
        "code", "usercode", "user_code", "pin", "pincode", "pin_code", "passcode", "keypad_code", "access_code", "entry_code", "guest_code", "door_code",
    ];

    private static readonly string[] LockWords = ["lock", "keypad", "usercode", "user_code", "guest_code", "door", "gate", "schloss", "serrure", "cerradura", "nuki"];

    /// <summary>Whether the digits at <paramref name="start"/> are a lock code's quoted value in JSON (read through an escaped copy too: spaces may stand before the quotes).</summary>
    internal static bool LockCodeField(ReadOnlySpan<char> text, int start)
    {
        if (start < 6 || text[start - 1] != '"')
        {
            return false;
        }

        var j = start - 2;
        while (j > 0 && text[j] == ' ')
        {
            j--;
        }

        if (text[j] != ':')
        {
            return false;
        }

        j--;
        while (j > 0 && text[j] == ' ')
        {
            j--;
        }

        if (j <= 0 || text[j] != '"')
        {
            return false;
        }

        j--;
        while (j > 0 && text[j] == ' ')
        {
            j--;
        }

        var keyEnd = j + 1;
        while (j >= 0 && (char.IsAsciiLetter(text[j]) || text[j] == '_'))
        {
            j--;
        }

        var key = text[(j + 1)..keyEnd];
        if (!SecretPhrases.OneOf(key, LockCodeKeys))
        {
            return false;
        }

        var run = text[start..].IndexOfAnyExceptInRange('0', '9');
        if (run is < 4 or > 8)
        {
            return false;
        }

        var close = text[(start + run)..].TrimStart(' ');
        if (close.IsEmpty || close[0] != '"')
        {
            return false;
        }

        return LockNamedBefore(text, start);
    }

    // A lock, keypad or door named in the 400 characters before a code.
    private static bool LockNamedBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 400)..start];
        foreach (var word in LockWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
