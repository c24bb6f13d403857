using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Tokenizers;

namespace Majordomo.Chat;

/// <summary>
/// Prompt tokens (SPEC §1.3) with the real o200k BPE tokenizer. The first <see cref="ExactChars"/>
/// characters of a request's text are counted exactly (unless the request has more than <see cref="CountedUpTo"/>:
/// then all of it is estimated); the rest is estimated by a linear model over
/// character classes (<see cref="Features"/>), fitted against the tokenizer (<see cref="Weights"/>;
/// error in docs/CLASSIFIER.md). Short prompts are therefore exact and counting costs a bounded
/// amount whatever the size: BPE costs tenths of a microsecond per character, the class pass about a
/// nanosecond.
/// </summary>
internal sealed class TokenTally
{
    /// <summary>Characters counted exactly per request; beyond this, estimated.</summary>
    public const int ExactChars = 1_000;

    /// <summary>
    /// Request text (characters) up to which the head is counted exactly. Past it the exact head would be a few
    /// percent of the text but cost as much as the rest of a 20k-token prompt's decision (BPE: tenths of a
    /// microsecond a character), so such a request is estimated throughout (issue 16 item 4).
    /// </summary>
    public const int CountedUpTo = 16_384;

    private readonly long _exactChars;

    /// <summary>A tally counting the first <see cref="ExactChars"/> exactly, or (<paramref name="exact"/> false) none.</summary>
    public TokenTally(bool exact = true) => _exactChars = exact ? ExactChars : 0;

    /// <summary>
    /// Tokens per unit of each feature, fitted by least squares on 3,000 windows (200–2,000 chars) of the
    /// dev set's parts A and B against o200k (tests: TokenTallyTests). Emoji are fixed at 1 (too few to fit).
    /// </summary>
    public static ReadOnlySpan<double> Weights => [0.9746, 0.0184, 0.6724, 0.7314, 0.2487, 0.4099, 0.8088, 1.0];

    // Loaded once, on first use: the vocabulary takes a few hundred milliseconds to build. Thread-safe per
    // the library, and immutable from here on.
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"), LazyThreadSafetyMode.ExecutionAndPublication);

    private long _countedChars;
    private long _countedTokens;
    private long _restChars;
    private double _restTokens;

    /// <summary>Exact o200k tokens of <paramref name="text"/>, whatever its length.</summary>
    public static int CountExact(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : O200k.Value.CountTokens(text);

    /// <summary>The class-based estimate of <paramref name="text"/>'s tokens, without the tokenizer.</summary>
    public static double Estimate(ReadOnlySpan<char> text)
    {
        Span<double> features = stackalloc double[FeatureCount];
        Features(text, features);
        var weights = Weights;
        var sum = 0.0;
        for (var i = 0; i < FeatureCount; i++)
        {
            sum += weights[i] * features[i];
        }

        return Math.Max(sum, text.IsEmpty ? 0 : 1);
    }

    /// <summary>Characters seen so far.</summary>
    public long Chars => _countedChars + _restChars;

    /// <summary>True when every character added was counted exactly.</summary>
    public bool IsExact => _restChars == 0;

    public void Add(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var take = (int)Math.Min(text.Length, _exactChars - _countedChars);
        if (take > 0 && take < text.Length && char.IsHighSurrogate(text[take - 1]))
        {
            take--;
        }

        if (take > 0)
        {
            _countedTokens += CountExact(text[..take]);
            _countedChars += take;
        }

        if (take < text.Length)
        {
            _restChars += text.Length - take;
            _restTokens += Estimate(text[take..]);
        }
    }

    /// <summary>Counted tokens plus the estimate for the characters beyond the exact limit.</summary>
    public long Tokens => _countedTokens + (long)Math.Ceiling(_restTokens);

    /// <summary>Number of character-class features (<see cref="Features"/>).</summary>
    public const int FeatureCount = 8;

    /// <summary>
    /// Counts the character classes the estimate is linear in: ASCII words (letter runs), ASCII letters,
    /// digits, ASCII punctuation, line breaks, other non-ASCII below U+2E80 (accented Latin, Cyrillic,
    /// Greek, Arabic…), CJK/kana/hangul, surrogate pairs (emoji). Sixteen characters a step where the CPU
    /// has 256-bit vectors (the text past the exact head of a 20k-token prompt is ~80,000 characters),
    /// the same counts as <see cref="ScalarFeatures"/> (tests compare them); no allocation.
    /// </summary>
    public static void Features(ReadOnlySpan<char> text, Span<double> features)
    {
        if (!Vector256.IsHardwareAccelerated || text.Length < 2 * Vector256<ushort>.Count)
        {
            ScalarFeatures(text, features);
            return;
        }

        // The first character alone (a word may start there), then sixteen at a time, each with the sixteen
        // one character earlier (a letter after a non-letter starts a word); the last partial step by hand.
        Span<double> rest = stackalloc double[FeatureCount];
        ScalarFeatures(text[..1], features);
        var end = 1 + ((text.Length - 1) / Vector256<ushort>.Count * Vector256<ushort>.Count);
        VectorFeatures(text[..end], features);
        if (end < text.Length)
        {
            ScalarFeatures(text[(end - 1)..], rest);
            // The character before the tail was counted already; it only tells whether the tail starts in a word.
            Span<double> overlap = stackalloc double[FeatureCount];
            ScalarFeatures(text.Slice(end - 1, 1), overlap);
            for (var i = 0; i < FeatureCount; i++)
            {
                features[i] += rest[i] - overlap[i];
            }
        }
    }

    /// <summary>Adds the counts of <paramref name="text"/>[1..] (a whole number of vectors) to <paramref name="features"/>.</summary>
    private static void VectorFeatures(ReadOnlySpan<char> text, Span<double> features)
    {
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var zero = Vector256<ushort>.Zero;
        Vector256<ushort> words = zero, letters = zero, digits = zero, punct = zero, lines = zero, other = zero, cjk = zero, pairs = zero;
        var steps = 0;
        for (nuint i = 1; i < (nuint)text.Length; i += (nuint)Vector256<ushort>.Count)
        {
            var c = Vector256.LoadUnsafe(ref start, i);
            var before = Vector256.LoadUnsafe(ref start, i - 1);
            var letter = Vector256.LessThanOrEqual((c | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
            var wasLetter = Vector256.LessThanOrEqual((before | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
            var digit = Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
            var line = Vector256.Equals(c, Vector256.Create((ushort)'\n'));
            var blank = Vector256.Equals(c, Vector256.Create((ushort)' ')) | Vector256.Equals(c, Vector256.Create((ushort)'\t')) | Vector256.Equals(c, Vector256.Create((ushort)'\r'));

            // A true lane is all ones: subtracting it counts one.
            letters -= letter;
            words -= Vector256.AndNot(letter, wasLetter);
            digits -= digit;
            lines -= line;
            if (Vector256.EqualsAll(c & Vector256.Create((ushort)0xFF80), zero))
            {
                // Sixteen ASCII characters (most steps of most prompts): every one not a letter, digit, line break or blank is
                // punctuation, and none is a surrogate, CJK or other non-ASCII.
                punct -= ~(letter | digit | line | blank);
            }
            else
            {
                var ascii = Vector256.LessThan(c, Vector256.Create((ushort)0x80));
                var surrogate = Vector256.LessThanOrEqual(c - Vector256.Create((ushort)0xD800), Vector256.Create((ushort)0x7FF));
                var high = Vector256.LessThanOrEqual(c - Vector256.Create((ushort)0xD800), Vector256.Create((ushort)0x3FF));
                var wide = Vector256.GreaterThanOrEqual(c, Vector256.Create((ushort)0x2E80));
                punct -= Vector256.AndNot(ascii, letter | digit | line | blank);
                pairs -= high;
                cjk -= Vector256.AndNot(wide, surrogate);
                other -= Vector256.AndNot(Vector256.AndNot(Vector256<ushort>.AllBitsSet, ascii), wide);
            }

            // A lane holds 65,535 at most: fold the counts into the totals before one could overflow.
            if (++steps == ushort.MaxValue || i + (nuint)Vector256<ushort>.Count >= (nuint)text.Length)
            {
                ReadOnlySpan<Vector256<ushort>> counts = [words, letters, digits, punct, lines, other, cjk, pairs];
                for (var k = 0; k < FeatureCount; k++)
                {
                    var (low, upper) = Vector256.Widen(counts[k]);
                    features[k] += Vector256.Sum(low) + Vector256.Sum(upper);
                }

                (words, letters, digits, punct, lines, other, cjk, pairs, steps) = (zero, zero, zero, zero, zero, zero, zero, zero, 0);
            }
        }
    }

    /// <summary>The class counts one character at a time (short texts, and the reference the vector pass is tested against).</summary>
    internal static void ScalarFeatures(ReadOnlySpan<char> text, Span<double> features)
    {
        long words = 0, letters = 0, digits = 0, punct = 0, lines = 0, other = 0, cjk = 0, pairs = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = (uint)((c | 0x20) - 'a') <= 'z' - 'a';
            if (letter)
            {
                letters++;
                words += inWord ? 0 : 1;
            }
            else if ((uint)(c - '0') <= 9)
            {
                digits++;
            }
            else if (c == '\n')
            {
                lines++;
            }
            else if (c < 0x80)
            {
                punct += c is ' ' or '\t' or '\r' ? 0 : 1;
            }
            else if (char.IsHighSurrogate(c))
            {
                pairs++;
            }
            else if (c >= 0x2E80 && !char.IsLowSurrogate(c))
            {
                cjk++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                other++;
            }

            inWord = letter;
        }

        features[0] = words;
        features[1] = letters;
        features[2] = digits;
        features[3] = punct;
        features[4] = lines;
        features[5] = other;
        features[6] = cjk;
        features[7] = pairs;
    }
}
