using System.Buffers;
using System.Globalization;
using System.Text;

namespace Majordomo.Classification;

/// <summary>
/// Numbers written in their own script's digits (after the probe <c>sensitive-lookalikes-24</c>, docs/CLASSIFIER.md "Probe 24 read
/// by category"): a Persian کد ملی "۰۰۴۸۲۱۹۳۷۱", an Egyptian id in Arabic-Indic digits, a Bengali voter number "৪৫৮২৯১৩৭৬০"; since
/// probe 34 every script's digits (a Khmer PIN, a Burmese wallet's). Every rule reads ASCII digits, so a text holding such digits is
/// read once more as a copy of the same length with each one turned into its ASCII digit (and the Arabic thousands and decimal signs
/// into ',' and '.'), as <see cref="ReadOnce"/> reads escapes. Two ways of writing digits that are no decimal digits are read too
/// (the nineteenth session): Ethiopic units written one by one (<see cref="EthiopicRun"/>) and the Burmese letter wa typed for zero
/// (<see cref="WaAsZero"/>). Since probe 39 the full-width forms of ASCII's letters and signs are read as ASCII in the same copy (a
/// token typed in an East Asian input method's full-width mode, "ｇｈｐ＿ｘ７Ｋ２…", a Wi-Fi key "Ｋｉｍ＆Ｌｅｅ２０２６＃").
/// </summary>
internal static partial class SensitiveScanner
{
    // The zero of every script whose ten digits follow it in Unicode: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu, Pashto),
    // N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar
    // (and Shan), Khmer, Mongolian, Limbu, New Tai Lue, Tai Tham, Balinese, Sundanese, Lepcha, Ol Chiki, Vai, Saurashtra, Kayah Li,
    // Javanese, Tai Laing, Cham, Meetei Mayek and the full-width digits (probe 34: a Khmer PIN "៧៧១៩", a Lao card's "໓໗໒໘").
    private const string ScriptZeros = "\u0660\u06F0\u07C0\u0966\u09E6\u0A66\u0AE6\u0B66\u0BE6\u0C66\u0CE6\u0D66\u0DE6\u0E50\u0ED0\u0F20"
        + "\u1040\u1090\u17E0\u1810\u1946\u19D0\u1A80\u1A90\u1B50\u1BB0\u1C40\u1C50\uA620\uA8D0\uA900\uA9D0\uA9F0\uAA50\uABF0\uFF10";

    // The high surrogates of the planes that hold a script's decimal digits past the BMP (Unicode Nd): Osmanya, Hanifi Rohingya,
    // the Brahmi family (Brahmi, Chakma, Sharada, Newa, Tirhuta, Modi, Takri, Ahom…), Mro and Pahawh Hmong, the mathematical bold
    // and monospace digits a "fancy font" app pastes ("my pin is 𝟒𝟖𝟐𝟕"), Wancho, Nyiakeng Puachue Hmong and Adlam. Not U+D83E:
    // its plane's segmented digits are rare and every emoji of its block would pay for the second reading.
    private const string DigitPlanes = "\uD801\uD803\uD804\uD805\uD806\uD807\uD81A\uD835\uD838\uD83A";

    private static readonly SearchValues<char> NativeDigitChars = SearchValues.Create(
        [.. ScriptZeros.SelectMany(zero => Enumerable.Range(zero, 10).Select(digit => (char)digit)), .. DigitPlanes]);

    // The full-width forms of ASCII's '!' to '~' (U+FF01–U+FF5E), in ASCII's order.
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';

    // Ethiopic's units one to nine; its tens and hundreds (፲ … ፼) are signs of their own, and it has no zero.
    private static readonly SearchValues<char> EthiopicUnits = SearchValues.Create("\u1369\u136A\u136B\u136C\u136D\u136E\u136F\u1370\u1371");

    /// <summary>
    /// <paramref name="pass"/> over a copy of <paramref name="text"/> with its script's digits in ASCII, when it holds any. A digit
    /// past the BMP is two UTF-16 units and becomes one ASCII digit, so that copy is shorter than the text (a pass returns a kind,
    /// no position).
    /// </summary>
    internal static SensitiveKind NativeDigits(ReadOnlySpan<char> text, Pass pass)
    {
        var native = text.IndexOfAny(NativeDigitChars);
        var ethiopic = text.IndexOfAny(EthiopicUnits);
        var wide = text.IndexOfAnyInRange(FullWidthFirst, FullWidthLast);
        var first = native < 0 ? ethiopic : ethiopic < 0 ? native : Math.Min(native, ethiopic);
        first = first < 0 ? wide : wide < 0 ? first : Math.Min(first, wide);
        if (first < 0)
        {
            return SensitiveKind.None;
        }

        // A wa before the first Burmese digit ("ဝ၉…") belongs to its number too.
        var wa = native < 0 ? text.Length : Math.Max(0, native - 8);
        var from = Math.Min(first, wa);
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text[..from].CopyTo(buffer);
            var written = from;
            var folded = false;
            for (var k = from; k < text.Length; k++)
            {
                var c = text[k];
                if (char.IsHighSurrogate(c) && k + 1 < text.Length && NativeDigitChars.Contains(c) && PlaneDigit(c, text[k + 1]) is var value and >= 0)
                {
                    buffer[written++] = (char)('0' + value);
                    folded = true;
                    k++;
                    continue;
                }

                buffer[written++] = c switch
                {
                    '\u066C' => ',',
                    '\u066B' => '.',
                    _ when char.IsHighSurrogate(c) => c,
                    _ when NativeDigitChars.Contains(c) => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)),
                    _ when EthiopicUnits.Contains(c) && EthiopicRun(text, k) => (char)('0' + CharUnicodeInfo.GetDigitValue(c)),
                    Wa when k >= wa && WaAsZero(text, k) => '0',
                    >= FullWidthFirst and <= FullWidthLast => (char)(c - FullWidthFirst + '!'),
                    _ => c,
                };
                folded |= buffer[written - 1] != c;
            }

            // A mathematical letter with no digit beside it ("𝐇𝐞𝐥𝐥𝐨") leaves the text as it was: nothing new to read.
            return folded ? pass(buffer.AsSpan(0, written)) : SensitiveKind.None;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The decimal value of the digit past the BMP written as <paramref name="high"/> and <paramref name="low"/>, or -1.</summary>
    private static int PlaneDigit(char high, char low) =>
        char.IsLowSurrogate(low) && Rune.GetUnicodeCategory(new Rune(high, low)) == UnicodeCategory.DecimalDigitNumber
            ? (int)Rune.GetNumericValue(new Rune(high, low)) : -1;

    /// <summary>
    /// The Ethiopic unit at <paramref name="k"/> stands beside another unit, with no ten's or hundred's sign next to the run: its
    /// numerals never put two units side by side (12 is ፲፪, 200 is ፪፻), so "፬፯፪፱" is a number written digit by digit (a PIN),
    /// while "፲፮" and "፳፻፲፰" stay numerals.
    /// </summary>
    private static bool EthiopicRun(ReadOnlySpan<char> text, int k)
    {
        int from = k, to = k + 1;
        while (from > 0 && EthiopicUnits.Contains(text[from - 1]))
        {
            from--;
        }

        while (to < text.Length && EthiopicUnits.Contains(text[to]))
        {
            to++;
        }

        return to - from >= 2 && !(from > 0 && EthiopicNumberSign(text[from - 1])) && !(to < text.Length && EthiopicNumberSign(text[to]));
    }

    // ፲ (ten) to ፼ (ten thousand).
    private static bool EthiopicNumberSign(char c) => c is >= '\u1372' and <= '\u137C';

    // Burmese ဝ (the letter wa) looks like ၀ (zero) and is typed for it ("၄ဝ၇ဝ", "ဝ၉-…").
    private const char Wa = '\u101D';

    /// <summary>
    /// The wa at <paramref name="k"/> is a zero: it stands in a run of Burmese digits and was holding one real digit at least, and it
    /// starts no syllable — no vowel sign or medial after it, and no consonant closed by the asat or a stacked consonant ("ဝင်", "ဝယ်",
    /// "ဝါ" are words).
    /// </summary>
    private static bool WaAsZero(ReadOnlySpan<char> text, int k)
    {
        if (k + 1 < text.Length && (text[k + 1] is >= '\u102B' and <= '\u103E'
            || (text[k + 1] is >= '\u1000' and <= '\u102A' && k + 2 < text.Length && text[k + 2] is '\u103A' or '\u1039')))
        {
            return false;
        }

        int from = k, to = k + 1;
        while (from > 0 && BurmeseDigitOrWa(text[from - 1]))
        {
            from--;
        }

        while (to < text.Length && BurmeseDigitOrWa(text[to]))
        {
            to++;
        }

        return text[from..to].ContainsAnyInRange('\u1040', '\u1049');
    }

    private static bool BurmeseDigitOrWa(char c) => c is >= '\u1040' and <= '\u1049' or Wa;
}
