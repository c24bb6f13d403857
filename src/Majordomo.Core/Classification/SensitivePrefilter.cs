using System.Runtime.InteropServices;

namespace Majordomo.Classification;

/// <summary>
/// <see cref="SensitiveScanner.Scan"/>'s answer, found with one cheap pass over the text instead of three full
/// searches (issue 16 item 4: a 20k-token prompt's scan cost most of its decision). The rules are the scanner's
/// and <see cref="SecretPhrases"/>' own, called at the same places in the same order; only how those places are
/// found differs: every position's first three characters, case-folded, are looked up in a bitmap made from the
/// rules' trigger lists (<see cref="SensitiveScanner.TriggerWords"/>, <see cref="SecretPhrases.TriggerPhrases"/>); a
/// hit compares the next eight folded characters with the triggers that start that way (two integer compares each),
/// and only a trigger that still fits is compared as the rules' searches do (OrdinalIgnoreCase). Password-shaped tokens need two digits, so only
/// runs around a digit are read. Recall cannot differ: the equivalence test runs both on every prompt of the
/// corpus's train and dev splits and the test devsets, and on generated look-alikes.
/// </summary>
internal static class SensitivePrefilter
{
    private const byte ScannerTrigger = 1;
    private const byte PhraseTrigger = 2;

    // Past the text's end: no character folds to it.
    private const byte End = 255;

    // The ASCII fold of four characters at once (16-bit lanes): bit 5 set.
    private const ulong AsciiFold = 0x0020_0020_0020_0020UL;
    private const ulong NonAscii = 0xFF80_FF80_FF80_FF80UL;

    // OrdinalIgnoreCase compares characters by their invariant upper case: equal characters fold to one byte
    // (ASCII with bit 5 set, so A and a meet; other characters in one of 127 buckets), so a fold never hides a
    // match; characters that merely share a fold cost a comparison, never a miss.
    private static readonly byte[] Fold = BuildFold();

    // Every trigger's first two folded characters (exact: 7 bits each when both are ASCII, else 8), then the
    // two-character triggers alone, and a 16-bit hash of the longer ones' first three: a set bit means "some
    // trigger may start here".
    private static readonly ulong[] AsciiStarts = new ulong[256];
    private static readonly ulong[] Starts = new ulong[1024];
    private static readonly ulong[] Pairs = new ulong[1024];
    private static readonly ulong[] Triples = new ulong[1024];

    // Third sieve: the three-character triggers' hashed triples alone, and a 16-bit hash of the longer triggers' first
    // four characters. Common prose triples ("por" in "report", "eve" in "revenue") start long triggers too; the fourth
    // character turns most of those away before the bucket compare.
    private static readonly ulong[] ShortTriples = new ulong[1024];
    private static readonly ulong[] Quads = new ulong[1024];

    // The longer triggers by the top 12 bits of their triple's hash, and the two-character ones.
    private static readonly Entry[][] Buckets = new Entry[4096][];
    private static readonly Entry[] PairEntries = Build();

    /// <summary>Exactly <see cref="SensitiveScanner.Scan"/>'s kind for <paramref name="text"/>.</summary>
    public static SensitiveKind Scan(ReadOnlySpan<char> text)
    {
        var kind = SensitiveScanner.ScanNonAsciiTriggers(text);
        if (kind != SensitiveKind.None)
        {
            return kind;
        }

        kind = ScanStarts(text, scanner: true, out var phrase);
        kind = kind != SensitiveKind.None ? kind : SensitiveScanner.ScanDigits(text);
        return kind != SensitiveKind.None || !(phrase || PasswordShaped(text)) ? kind : SensitiveKind.Password;
    }

    /// <summary>Exactly <see cref="SecretPhrases.Contains"/> (tests compare the two; <see cref="Scan"/> reads both lists in one pass).</summary>
    internal static bool ContainsPhrase(ReadOnlySpan<char> text)
    {
        ScanStarts(text, scanner: false, out var phrase);
        return phrase;
    }

    /// <summary>The fold of <paramref name="c"/> (tests check that characters equal under OrdinalIgnoreCase fold alike).</summary>
    internal static byte FoldOf(char c) => Fold[c];

    /// <summary><see cref="SecretPhrases.PasswordShaped"/>, reading only the runs of token characters that hold a digit.</summary>
    internal static bool PasswordShaped(ReadOnlySpan<char> text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var hit = text[from..].IndexOfAnyInRange('0', '9');
            if (hit < 0)
            {
                return false;
            }

            var start = from + hit;
            while (start > 0 && SecretPhrases.IsTokenChar(text[start - 1]))
            {
                start--;
            }

            var end = from + hit + 1;
            while (end < text.Length && SecretPhrases.IsTokenChar(text[end]))
            {
                end++;
            }

            if (SecretPhrases.ShapedRun(text, start, end))
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    /// <summary>
    /// The scanner's ASCII trigger checks in text order (the first kind found is returned) and whether a secret
    /// phrase holds a value (<paramref name="phrase"/>; the scanner's kinds come first, so it is only a fallback).
    /// </summary>
    private static SensitiveKind ScanStarts(ReadOnlySpan<char> text, bool scanner, out bool phrase)
    {
        phrase = false;
        if (text.Length < 2)
        {
            return SensitiveKind.None;
        }

        var asciiStarts = AsciiStarts;
        int c0 = text[0];
        for (var i = 0; i + 1 < text.Length; i++)
        {
            // First sieve, per character: could a trigger start with these two characters? (ASCII: A and a meet
            // by setting bit 5, as their fold does; others through the table.)
            int c1 = text[i + 1];
            bool may;
            if ((c0 | c1) < 128)
            {
                var index = (c0 | 0x20) | ((c1 | 0x20) << 7);
                may = ((asciiStarts[index >> 6] >> index) & 1) != 0;
            }
            else
            {
                var index = Fold[c0] | (Fold[c1] << 8);
                may = ((Starts[index >> 6] >> index) & 1) != 0;
            }

            c0 = c1;
            if (!may)
            {
                continue;
            }

            // Second: a two-character trigger, or a longer one's first three characters (hashed).
            var wide = Wide(Fold[text[i]], Fold[c1], i + 2 < text.Length ? Fold[text[i + 2]] : End);
            var pair = (int)(wide & 0xFF) | (int)((wide >> 8) & 0xFF00);
            var pairHit = ((Pairs[pair >> 6] >> pair) & 1) != 0;
            var hash = Hash(wide);
            if (!pairHit && (((Triples[hash >> 6] >> hash) & 1) == 0 || !MayStartLong(text, i, wide, hash)))
            {
                continue;
            }

            var found = Matches(text, i, pairHit ? PairEntries : [], Buckets[hash >> 4] ?? []);
            if ((found & ScannerTrigger) != 0 && scanner)
            {
                var kind = SensitiveScanner.Check(text, i);
                if (kind != SensitiveKind.None)
                {
                    return kind;
                }
            }

            if ((found & PhraseTrigger) != 0 && !phrase)
            {
                phrase = SecretPhrases.Check(text, i);
                if (phrase && !scanner)
                {
                    return SensitiveKind.None;
                }
            }
        }

        return SensitiveKind.None;
    }

    /// <summary>Whether a three-character trigger, or a longer one's first four characters, may start at <paramref name="at"/>.</summary>
    private static bool MayStartLong(ReadOnlySpan<char> text, int at, ulong wide, int hash)
    {
        if (((ShortTriples[hash >> 6] >> hash) & 1) != 0)
        {
            return true;
        }

        var quad = Hash(wide | ((ulong)(at + 3 < text.Length ? Fold[text[at + 3]] : End) << 48));
        return ((Quads[quad >> 6] >> quad) & 1) != 0;
    }

    /// <summary>Which lists have a trigger starting at <paramref name="at"/> (compared as the rules' searches do).</summary>
    private static byte Matches(ReadOnlySpan<char> text, int at, Entry[] pairs, Entry[] triples)
    {
        var rest = text[at..];
        var (low, high) = (Folded(rest), Folded(rest.Length > 4 ? rest[4..] : []));
        byte found = 0;
        foreach (var entries in (ReadOnlySpan<Entry[]>)[pairs, triples])
        {
            foreach (var entry in entries)
            {
                if ((low & entry.LowMask) == entry.Low && (high & entry.HighMask) == entry.High && (found & entry.Lists) != entry.Lists
                    && rest.StartsWith(entry.Trigger, StringComparison.OrdinalIgnoreCase))
                {
                    found |= entry.Lists;
                }
            }
        }

        return found;
    }

    /// <summary>Up to four folded characters as 16-bit lanes; lanes past the end hold <see cref="End"/>.</summary>
    private static ulong Folded(ReadOnlySpan<char> s)
    {
        if (s.Length >= 4)
        {
            var word = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(s[..4]));
            if ((word & NonAscii) == 0)
            {
                return word | AsciiFold;
            }
        }

        ulong lanes = 0;
        for (var k = 0; k < 4; k++)
        {
            lanes |= (ulong)(k < s.Length ? Fold[s[k]] : End) << (16 * k);
        }

        return lanes;
    }

    private static ulong Wide(byte f0, byte f1, byte f2) => f0 | ((ulong)f1 << 16) | ((ulong)f2 << 32);

    private static int Hash(ulong wide) => (int)((wide * 0x9E37_79B9_7F4A_7C15UL) >> 48);

    private static byte[] BuildFold()
    {
        var fold = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant((char)c);
            fold[c] = upper < 128 ? (byte)(upper | 0x20) : (byte)(128 + (upper % 127));
        }

        return fold;
    }

    /// <summary>Fills the bitmaps and buckets from the rules' trigger lists; returns the two-character triggers.</summary>
    private static Entry[] Build()
    {
        var buckets = new Dictionary<int, List<Entry>>();
        var pairs = new List<Entry>();
        foreach (var (triggers, list) in new[] { (SensitiveScanner.TriggerWords.AsEnumerable(), ScannerTrigger), (SecretPhrases.TriggerPhrases, PhraseTrigger) })
        {
            foreach (var trigger in triggers)
            {
                if (trigger.Length < 2)
                {
                    throw new InvalidOperationException($"trigger '{trigger}': the prefilter reads two characters at least");
                }

                var wide = Wide(Fold[trigger[0]], Fold[trigger[1]], trigger.Length > 2 ? Fold[trigger[2]] : (byte)0);
                var start = Fold[trigger[0]] | (Fold[trigger[1]] << 8);
                Starts[start >> 6] |= 1UL << start;
                if (Fold[trigger[0]] < 128 && Fold[trigger[1]] < 128)
                {
                    var ascii = Fold[trigger[0]] | (Fold[trigger[1]] << 7);
                    AsciiStarts[ascii >> 6] |= 1UL << ascii;
                }

                List<Entry> entries;
                if (trigger.Length == 2)
                {
                    var pair = (int)(wide & 0xFF) | (int)((wide >> 8) & 0xFF00);
                    Pairs[pair >> 6] |= 1UL << pair;
                    entries = pairs;
                }
                else
                {
                    var hash = Hash(wide);
                    Triples[hash >> 6] |= 1UL << hash;
                    if (trigger.Length == 3)
                    {
                        ShortTriples[hash >> 6] |= 1UL << hash;
                    }
                    else
                    {
                        var quad = Hash(wide | ((ulong)Fold[trigger[3]] << 48));
                        Quads[quad >> 6] |= 1UL << quad;
                    }

                    if (!buckets.TryGetValue(hash >> 4, out entries!))
                    {
                        buckets[hash >> 4] = entries = [];
                    }
                }

                var same = entries.FindIndex(e => e.Trigger.Equals(trigger, StringComparison.OrdinalIgnoreCase));
                if (same >= 0)
                {
                    entries[same] = entries[same] with { Lists = (byte)(entries[same].Lists | list) };
                }
                else
                {
                    entries.Add(Entry.For(trigger, list));
                }
            }
        }

        foreach (var (bucket, entries) in buckets)
        {
            Buckets[bucket] = [.. entries];
        }

        return [.. pairs];
    }

    /// <summary>A trigger with its first eight folded characters (and masks for shorter ones) and the lists it is from.</summary>
    private readonly record struct Entry(string Trigger, byte Lists, ulong Low, ulong LowMask, ulong High, ulong HighMask)
    {
        public static Entry For(string trigger, byte lists)
        {
            ulong low = 0, lowMask = 0, high = 0, highMask = 0;
            for (var k = 0; k < Math.Min(8, trigger.Length); k++)
            {
                var lane = (ulong)Fold[trigger[k]] << (16 * (k % 4));
                var mask = 0xFFFFUL << (16 * (k % 4));
                (low, lowMask, high, highMask) = k < 4 ? (low | lane, lowMask | mask, high, highMask) : (low, lowMask, high | lane, highMask | mask);
            }

            return new Entry(trigger, lists, low, lowMask, high, highMask);
        }
    }
}
