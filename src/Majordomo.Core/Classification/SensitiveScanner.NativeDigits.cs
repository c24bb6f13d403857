using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Numbers written in their own script's digits (after the probe <c>sensitive-lookalikes-24</c>, docs/CLASSIFIER.md "Probe 24 read
/// by category"): a Persian کد ملی "۰۰۴۸۲۱۹۳۷۱", an Egyptian id in Arabic-Indic digits, a Bengali voter number "৪৫৮২৯১৩৭৬০". Every rule
/// reads ASCII digits, so a text holding such digits is read once more as a copy of the same length with each one turned into its
/// ASCII digit (and the Arabic thousands and decimal signs into ',' and '.'), as <see cref="Unescaped"/> reads escapes.
/// </summary>
internal static partial class SensitiveScanner
{
    // Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari and Bengali digits.
    private static readonly SearchValues<char> NativeDigitChars = SearchValues.Create(
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9"
        + "\u0966\u0967\u0968\u0969\u096A\u096B\u096C\u096D\u096E\u096F\u09E6\u09E7\u09E8\u09E9\u09EA\u09EB\u09EC\u09ED\u09EE\u09EF");

    /// <summary><paramref name="pass"/> over a copy of <paramref name="text"/> with its script's digits in ASCII, when it holds any.</summary>
    internal static SensitiveKind NativeDigits(ReadOnlySpan<char> text, Pass pass)
    {
        var first = text.IndexOfAny(NativeDigitChars);
        if (first < 0)
        {
            return SensitiveKind.None;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var copy = buffer.AsSpan(0, text.Length);
            text.CopyTo(copy);
            for (var k = first; k < copy.Length; k++)
            {
                copy[k] = copy[k] switch
                {
                    >= '\u0660' and <= '\u0669' => (char)('0' + (copy[k] - '\u0660')),
                    >= '\u06F0' and <= '\u06F9' => (char)('0' + (copy[k] - '\u06F0')),
                    >= '\u0966' and <= '\u096F' => (char)('0' + (copy[k] - '\u0966')),
                    >= '\u09E6' and <= '\u09EF' => (char)('0' + (copy[k] - '\u09E6')),
                    '\u066C' => ',',
                    '\u066B' => '.',
                    _ => copy[k],
                };
            }

            return pass(copy);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
