using System.Buffers;
using System.Globalization;

namespace Majordomo.Classification;

/// <summary>
/// Numbers written in their own script's digits (after the probe <c>sensitive-lookalikes-24</c>, docs/CLASSIFIER.md "Probe 24 read
/// by category"): a Persian کد ملی "۰۰۴۸۲۱۹۳۷۱", an Egyptian id in Arabic-Indic digits, a Bengali voter number "৪৫৮২৯১৩৭৬০"; since
/// probe 34 every script's digits (a Khmer PIN, a Burmese wallet's). Every rule reads ASCII digits, so a text holding such digits is
/// read once more as a copy of the same length with each one turned into its ASCII digit (and the Arabic thousands and decimal signs
/// into ',' and '.'), as <see cref="ReadOnce"/> reads escapes.
/// </summary>
internal static partial class SensitiveScanner
{
    // The zero of every script whose ten digits follow it in Unicode: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu, Pashto),
    // N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar
    // (and Shan), Khmer, Mongolian, Limbu, New Tai Lue, Tai Tham, Balinese, Sundanese, Lepcha, Ol Chiki, Vai, Saurashtra, Kayah Li,
    // Javanese, Tai Laing, Cham, Meetei Mayek and the full-width digits (probe 34: a Khmer PIN "៧៧១៩", a Lao card's "໓໗໒໘").
    private const string ScriptZeros = "\u0660\u06F0\u07C0\u0966\u09E6\u0A66\u0AE6\u0B66\u0BE6\u0C66\u0CE6\u0D66\u0DE6\u0E50\u0ED0\u0F20"
        + "\u1040\u1090\u17E0\u1810\u1946\u19D0\u1A80\u1A90\u1B50\u1BB0\u1C40\u1C50\uA620\uA8D0\uA900\uA9D0\uA9F0\uAA50\uABF0\uFF10";

    private static readonly SearchValues<char> NativeDigitChars = SearchValues.Create(
        ScriptZeros.SelectMany(zero => Enumerable.Range(zero, 10).Select(digit => (char)digit)).ToArray());

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
                    '\u066C' => ',',
                    '\u066B' => '.',
                    var c when NativeDigitChars.Contains(c) => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)),
                    var c => c,
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
