namespace Majordomo.Classification;

/// <summary>
/// Whether a word of a list may start at a place, by the folds (<see cref="SensitivePrefilter.FoldOf"/>) of the place's first
/// characters: a 65,536-bit table marks every word's first two, a second one the two-character words, and a third a hash of the
/// longer words' first three. Characters equal under OrdinalIgnoreCase fold alike (the prefilter's tests check it for every UTF-16
/// unit), so where a word starts (<c>StartsWith(…, OrdinalIgnoreCase)</c>) the test passes; most places where none does fail it
/// with a lookup or two instead of a multi-string search (issue 16 item 4: rules asked at every trigger's start, in code mostly
/// other rules' "key", "token" and "session").
/// </summary>
internal sealed class WordStarts
{
    private const int Bits = 16;
    private readonly ulong[] _pairs = new ulong[(1 << Bits) / 64];
    private readonly ulong[] _shortPairs = new ulong[(1 << Bits) / 64];
    private readonly ulong[] _triples = new ulong[(1 << Bits) / 64];

    public WordStarts(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            // A surrogate compares as half of a pair under OrdinalIgnoreCase, not by its own fold.
            if (word.Length < 2 || word.AsSpan(0, Math.Min(3, word.Length)).ContainsAnyInRange('\uD800', '\uDFFF'))
            {
                throw new ArgumentException($"'{word}': a word needs two characters, no surrogate among its first three", nameof(words));
            }

            Set(_pairs, Pair(word));
            Set(word.Length == 2 ? _shortPairs : _triples, word.Length == 2 ? Pair(word) : Triple(word));
        }
    }

    /// <summary>False when no word can start <paramref name="rest"/>.</summary>
    public bool MayStart(ReadOnlySpan<char> rest) =>
        rest.Length >= 2 && IsSet(_pairs, Pair(rest)) && (IsSet(_shortPairs, Pair(rest)) || (rest.Length >= 3 && IsSet(_triples, Triple(rest))));

    private static int Pair(ReadOnlySpan<char> s) => SensitivePrefilter.FoldOf(s[0]) << 8 | SensitivePrefilter.FoldOf(s[1]);

    private static int Triple(ReadOnlySpan<char> s) =>
        (int)((uint)(Pair(s) | SensitivePrefilter.FoldOf(s[2]) << 16) * 0x9E37_79B1u >> (32 - Bits));

    private static void Set(ulong[] table, int index) => table[index >> 6] |= 1UL << index;

    private static bool IsSet(ulong[] table, int index) => ((table[index >> 6] >> index) & 1) != 0;
}
