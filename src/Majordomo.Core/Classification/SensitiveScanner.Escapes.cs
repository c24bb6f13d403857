using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Majordomo.Classification;

/// <summary>
/// Text that is itself a JSON string (a tool's output inside the body: "…\npassword: Gabbiano_Blu_1977\nContatore…", a notes or
/// mail tool's JSON) is read once, as what it says. Its line breaks, tabs and quotes hide behind <c>\n</c>, <c>\r</c>, <c>\t</c>
/// and <c>\"</c>, and every character System.Text.Json or Python's <c>json.dumps</c> does not write as itself (anything outside
/// ASCII, quotes, <c>&lt;&gt;&amp;'+</c>) behind <c>\uXXXX</c>: "mot de passe\u00a0: …", "\u5bc6\u7801" (密码).
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>One whole pass of the rules over a text (<see cref="Scan"/>'s or the prefilter's).</summary>
    internal delegate SensitiveKind Pass(ReadOnlySpan<char> text);

    /// <summary>
    /// <paramref name="pass"/> over what <paramref name="text"/> says: when it holds <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\"</c>,
    /// <c>\/</c> or <c>\uXXXX</c>, over a copy with each escape turned into the character it stands for, not over the raw text (a
    /// second reading of the raw text cost as much as the first and found, in escaped code, mostly false alarms:
    /// docs/PERFORMANCE.md). Any other text is read as it is, without a copy.
    /// </summary>
    internal static SensitiveKind ReadOnce(ReadOnlySpan<char> text, Pass pass)
    {
        var first = text.IndexOf('\\');
        if (first < 0 || !HasEscape(text[first..]))
        {
            return pass(text);
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            return pass(Unescaped(text, first, buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The copy <see cref="ReadOnce"/> reads, written into <paramref name="into"/> (as long as the text at least): the text
    /// between backslashes copied as it is, each escape turned into its character. A run of backslashes before an escape's letter
    /// is one escape written several times over (a JSON string inside a JSON string: <c>\\n</c>, <c>\\\"</c>, <c>\\u00e9</c>), read
    /// as that character; backslashes that start no escape stay.
    /// </summary>
    private static ReadOnlySpan<char> Unescaped(ReadOnlySpan<char> text, int first, Span<char> into)
    {
        text[..first].CopyTo(into);
        var written = first;
        for (var k = first; k >= 0;)
        {
            // Most escapes are one backslash and a letter: the run's end is looked for only when a second backslash follows.
            var letter = k + 1 < text.Length && text[k + 1] != '\\' ? k + 1 : text[k..].IndexOfAnyExcept('\\') is var run and >= 0 ? k + run : text.Length;
            int from;
            if (Escape(text, letter, out var decoded, out var length))
            {
                into[written++] = decoded;
                from = letter + length;
            }
            else
            {
                into[written..][..(letter - k)].Fill('\\');
                written += letter - k;
                from = letter;
            }

            k = CopyToBackslash(text, from, into, ref written);
        }

        return into[..written];
    }

    /// <summary>
    /// Copies <paramref name="text"/> from <paramref name="from"/> up to its next backslash into <paramref name="into"/> at
    /// <paramref name="written"/>; that backslash's index, or -1 at the text's end. Escaped code has an escape every ten characters or
    /// so: eight characters a step, each stored as it is read, instead of a search and a copy call per escape (issue 16 item 4). The
    /// copy is never ahead of the text (an escape shortens it), so a whole step's store fits the buffer.
    /// </summary>
    private static int CopyToBackslash(ReadOnlySpan<char> text, int from, Span<char> into, ref int written)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            var source = MemoryMarshal.Cast<char, ushort>(text);
            var target = MemoryMarshal.Cast<char, ushort>(into);
            var backslash = Vector128.Create((ushort)'\\');
            while (from + Vector128<ushort>.Count <= text.Length)
            {
                var chunk = Vector128.Create(source.Slice(from, Vector128<ushort>.Count));
                chunk.CopyTo(target[written..]);
                var found = Vector128.Equals(chunk, backslash).ExtractMostSignificantBits();
                if (found != 0)
                {
                    var at = BitOperations.TrailingZeroCount(found);
                    written += at;
                    return from + at;
                }

                from += Vector128<ushort>.Count;
                written += Vector128<ushort>.Count;
            }
        }

        for (; from < text.Length; from++)
        {
            if (text[from] == '\\')
            {
                return from;
            }

            into[written++] = text[from];
        }

        return -1;
    }

    // The escape whose letter is at i (after a backslash): n, r, t, a quote, a slash, or u and four hex digits (a surrogate pair
    // is two of them, decoded one after the other); its character and the letter's length with what follows it.
    private static bool Escape(ReadOnlySpan<char> text, int i, out char decoded, out int length)
    {
        (decoded, length) = i < text.Length ? text[i] switch
        {
            'n' => ('\n', 1),
            'r' => ('\r', 1),
            't' => ('\t', 1),
            '"' => ('"', 1),
            '/' => ('/', 1),
            'u' when i + 4 < text.Length && ushort.TryParse(text.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) => ((char)code, 5),
            _ => ('\0', 0),
        } : ('\0', 0);
        return length > 0;
    }

    private static bool HasEscape(ReadOnlySpan<char> text)
    {
        for (var k = text.IndexOf('\\'); k >= 0 && k + 1 < text.Length; k = text[(k + 1)..].IndexOf('\\') is var next && next < 0 ? -1 : k + 1 + next)
        {
            if (Escape(text, k + 1, out _, out _))
            {
                return true;
            }
        }

        return false;
    }
}
