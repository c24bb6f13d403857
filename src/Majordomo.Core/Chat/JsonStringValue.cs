using System.Buffers;
using System.Buffers.Text;
using System.Text.Unicode;

namespace Majordomo.Chat;

/// <summary>
/// Unescapes a JSON string value the prompt's reading pass has already read whole (issue 16 item 4). Making a text by
/// a second <see cref="System.Text.Json.Utf8JsonReader"/> over the value validated every byte again before copying it:
/// a 100 kB tool output of escaped code paid ~10 % of its whole routing decision for that second check. The reading pass
/// took the value as a JSON string, so every escape in it is one of JSON's; what is left to refuse is what
/// <c>Utf8JsonReader.CopyString</c> refuses when it makes the text: invalid UTF-8 and an escaped surrogate outside a pair.
/// </summary>
internal static class JsonStringValue
{
    /// <summary>
    /// Writes the text of <paramref name="value"/> (the bytes between the quotes) to <paramref name="destination"/>, which
    /// holds at least as many characters as <paramref name="value"/> has bytes; the count written, or -1 where
    /// <c>CopyString</c> throws.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> value, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var slash = value.IndexOf((byte)'\\');
            var run = slash < 0 ? value : value[..slash];
            // A backslash never splits a UTF-8 sequence, and an escape's scalar never continues one: each run decodes alone.
            if (Utf8.ToUtf16(run, destination[written..], out _, out var chars, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return -1;
            }

            written += chars;
            if (slash < 0)
            {
                return written;
            }

            var used = Escape(value[slash..], destination[written..], out chars);
            if (used < 0)
            {
                return -1;
            }

            written += chars;
            value = value[(slash + used)..];
        }
    }

    // One escape at the start of `escape`: the bytes it takes and the characters it writes; -1 for a lone surrogate.
    private static int Escape(ReadOnlySpan<byte> escape, Span<char> destination, out int chars)
    {
        chars = 1;
        if (escape.Length < 2)
        {
            return -1;
        }

        char? simple = escape[1] switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            _ => null,
        };
        if (simple is { } c)
        {
            destination[0] = c;
            return 2;
        }

        if (escape[1] != (byte)'u' || !Hex(escape, out var unit))
        {
            return -1;
        }

        if (!char.IsSurrogate(unit))
        {
            destination[0] = unit;
            return 6;
        }

        // A high surrogate escaped and the low one escaped right after it; anything else is refused, as CopyString does.
        if (!char.IsHighSurrogate(unit) || escape.Length < 12 || escape[6] != (byte)'\\' || escape[7] != (byte)'u'
            || !Hex(escape[6..], out var low) || !char.IsLowSurrogate(low))
        {
            return -1;
        }

        destination[0] = unit;
        destination[1] = low;
        chars = 2;
        return 12;
    }

    // The four hex digits of a `\uXXXX` at the start of `escape`.
    private static bool Hex(ReadOnlySpan<byte> escape, out char unit)
    {
        unit = '\0';
        if (escape.Length < 6 || !Utf8Parser.TryParse(escape.Slice(2, 4), out ushort value, out var used, 'X') || used != 4)
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
