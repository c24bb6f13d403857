using Majordomo.Chat;

namespace Majordomo.Providers.OpenAI;

/// <summary>
/// A usage object in the plain form upstreams write it (no spaces, names of letters and underscores, values
/// non-negative integers or objects of them: <c>{"prompt_tokens":24,"completion_tokens":20,…,"prompt_tokens_details":
/// {"cached_tokens":0}}</c>) read by hand: the JSON reader's construction and token walk were most of a stream's
/// last chunk. Anything else (spaces, escapes, nulls, other values, deeper nesting, a leading zero, a number
/// of 19 digits) is not read here and goes to the JSON reader, so what is read here is what the reader reads:
/// the counts of the three names it looks for, the last of each when one repeats.
/// </summary>
internal static class PlainUsage
{
    private const int MaxDigits = 18; // any 18-digit number fits a long

    /// <summary>True with the usage when <paramref name="obj"/> begins with a plain usage object.</summary>
    public static bool TryRead(ReadOnlySpan<byte> obj, out Usage usage)
    {
        usage = default;
        long input = 0, output = 0, cached = 0;
        if (obj.IsEmpty || obj[0] != (byte)'{')
        {
            return false;
        }

        var i = 1;
        if (At(obj, i) == (byte)'}')
        {
            usage = new Usage(0, 0, 0, true);
            return true;
        }

        while (true)
        {
            if (!Name(obj, ref i, out var name) || At(obj, i) != (byte)':')
            {
                return false;
            }

            i++;
            if (At(obj, i) == (byte)'{')
            {
                // Only the details object is read; any other object is skipped, as the reader skips it. A known count
                // given as an object would make the reader throw: left to it.
                if (name.SequenceEqual("prompt_tokens"u8) || name.SequenceEqual("completion_tokens"u8))
                {
                    return false;
                }

                var details = name.SequenceEqual("prompt_tokens_details"u8);
                if (!Flat(obj, ref i, details, ref cached))
                {
                    return false;
                }
            }
            else if (!Number(obj, ref i, out var value))
            {
                return false;
            }
            else if (name.SequenceEqual("prompt_tokens"u8))
            {
                input = value;
            }
            else if (name.SequenceEqual("completion_tokens"u8))
            {
                output = value;
            }

            switch (At(obj, i))
            {
                case (byte)',':
                    i++;
                    continue;
                case (byte)'}':
                    usage = new Usage(input, output, cached, true);
                    return true;
                default:
                    return false;
            }
        }
    }

    // An object of counts at obj[i]; with details, its cached_tokens (the last one) is taken. i ends after it.
    private static bool Flat(ReadOnlySpan<byte> obj, ref int i, bool details, ref long cached)
    {
        i++;
        if (At(obj, i) == (byte)'}')
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!Name(obj, ref i, out var name) || At(obj, i) != (byte)':')
            {
                return false;
            }

            i++;
            if (!Number(obj, ref i, out var value))
            {
                return false;
            }

            if (details && name.SequenceEqual("cached_tokens"u8))
            {
                cached = value;
            }

            switch (At(obj, i))
            {
                case (byte)',':
                    i++;
                    continue;
                case (byte)'}':
                    i++;
                    return true;
                default:
                    return false;
            }
        }
    }

    // "name" of lower-case letters and underscores at obj[i]; i ends after its closing quote.
    private static bool Name(ReadOnlySpan<byte> obj, ref int i, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (At(obj, i) != (byte)'"')
        {
            return false;
        }

        var start = ++i;
        while (At(obj, i) is >= (byte)'a' and <= (byte)'z' or (byte)'_')
        {
            i++;
        }

        if (i == start || At(obj, i) != (byte)'"')
        {
            return false;
        }

        name = obj[start..i];
        i++;
        return true;
    }

    // A JSON integer ≥ 0 of at most 18 digits (no leading zero) at obj[i]; i ends after it.
    private static bool Number(ReadOnlySpan<byte> obj, ref int i, out long value)
    {
        value = 0;
        var start = i;
        while (At(obj, i) is >= (byte)'0' and <= (byte)'9')
        {
            value = (value * 10) + (obj[i] - '0');
            i++;
        }

        var digits = i - start;

        // What follows must end the number: a fraction or an exponent is the reader's to judge.
        return digits is > 0 and <= MaxDigits && (digits == 1 || obj[start] != (byte)'0') && At(obj, i) is (byte)',' or (byte)'}';
    }

    private static int At(ReadOnlySpan<byte> s, int i) => i < s.Length ? s[i] : -1;
}
