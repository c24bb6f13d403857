using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    // The ASCII sieve's tables: the folds of ASCII characters (64: bit 5 is always set), and a 2^20-bit bitmap of hashed
    // four-character windows with which some trigger may start (its first four characters folded; a shorter trigger's
    // with every ASCII fold after it). Triggers whose first characters fold outside
    // ASCII cannot start in an ASCII window and are left to the other sieves. The window is hashed as four bytes in 32
    // bits, so eight windows hash in one AVX2 step; pinned, so an AVX2 gather reads eight of its words at once. The bytes
    // are mixed (x ^ x >> QuadMix) before the multiply: without it the high bytes reach only the hash's top bits, so a
    // short trigger's windows (every two characters after "a#") fell on a lattice that windows such as "t an" and
    // "t fo" hit far more often than the bitmap's 1.2 % density (twenty-third session: 1.9 % → 1.3 % of the docs' positions
    // passed on no trigger, 4.3 % → 0 % of the bench's prose).
    private const int QuadBits = 20;
    private const int QuadMix = 11;
    private const uint QuadMultiplier = 0x9E37_79B1u;
    private static readonly byte[] AsciiFolds = [.. Enumerable.Range(0, 128).Select(c => Fold[c]).Distinct()];
    private static readonly uint[] AsciiQuads = GC.AllocateArray<uint>(1 << (QuadBits - 5), pinned: true);

    // Second ASCII sieve, read where the first one passes: the four-character windows of the triggers of four characters
    // or fewer, and the first five to eight characters of the longer ones ("port" starts "portkod", "report" does not).
    private const int SecondBits = 18;
    private static readonly ulong[] AsciiShort = new ulong[1 << (SecondBits - 6)];
    private static readonly ulong[] AsciiLong = new ulong[1 << (SecondBits - 6)];

    // The first five characters of every longer trigger, hashed: a window the first sieve passes on a long trigger's first
    // four ("the ", "for ", "port", "reve") seldom goes on as one does ("the q", "for n", "port ", "reven"), so one lookup
    // beside the short triggers' turns most such windows away before the tests by length.
    private static readonly ulong[] AsciiFifth = new ulong[1 << (SecondBits - 6)];

    // Which of those tests a window needs, by a 16-bit hash of its four characters: bit 0, the short triggers' window
    // test; bit n (1 to 4), a longer trigger whose first 4 + n characters are known starts with them. Most windows that
    // pass the first sieve (a common word such as "the " starts some phrase) need one or two tests, not five; a window no
    // trigger starts with (a hash collision in the first sieve) needs none.
    private const int LanesBits = 16;
    private static readonly byte[] HeadLanes = new byte[1 << LanesBits];

    // The longer triggers by the top 12 bits of their triple's hash, and the two-character ones.
    private static readonly Entry[][] Buckets = new Entry[4096][];
    private static readonly Entry[] PairEntries = Build();

    /// <summary>Exactly <see cref="SensitiveScanner.Scan"/>'s kind for <paramref name="text"/>.</summary>
    public static SensitiveKind Scan(ReadOnlySpan<char> text) => SensitiveScanner.ReadOnce(text, Whole);

    // The scanner's passes in the same order (SensitiveScanner.Scan), one delegate each. A text all in ASCII holds no non-ASCII
    // trigger and no script digit: one search for a character outside ASCII (it stops at the first) spares both passes their own
    // whole-text search (~5 us each on 80,000 characters of prose).
    private static readonly SensitiveScanner.Pass Once = text => ScanOnce(text, ascii: false);
    private static readonly SensitiveScanner.Pass Whole = text => !text.ContainsAnyExceptInRange('\0', '\u007f') ? ScanOnce(text, ascii: true)
        : ScanOnce(text, ascii: false) is var kind && kind != SensitiveKind.None ? kind : SensitiveScanner.NativeDigits(text, Once);

    private static SensitiveKind ScanOnce(ReadOnlySpan<char> text, bool ascii)
    {
        var kind = ascii ? SensitiveKind.None : SensitiveScanner.ScanNonAsciiTriggers(text);
        if (kind != SensitiveKind.None)
        {
            return kind;
        }

        kind = ScanStarts(text, ascii, scanner: true, out var phrase);
        if (kind != SensitiveKind.None)
        {
            return kind;
        }

        // Both digit passes start at the text's first ASCII digit: one search spares a text without one (prose) their two.
        var digits = text.ContainsAnyInRange('0', '9');
        kind = digits ? SensitiveScanner.ScanDigits(text) : SensitiveKind.None;
        return kind != SensitiveKind.None ? kind : phrase || (digits && PasswordShaped(text)) ? SensitiveKind.Password
            : digits ? SensitiveScanner.ScanMobilityNumbers(text) : SensitiveKind.None;
    }

    /// <summary>Exactly <see cref="SecretPhrases.Contains"/> (tests compare the two; <see cref="Scan"/> reads both lists in one pass).</summary>
    internal static bool ContainsPhrase(ReadOnlySpan<char> text)
    {
        ScanStarts(text, ascii: false, scanner: false, out var phrase);
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
    /// <paramref name="ascii"/>: the caller found no character outside ASCII, so the text is one run (no search for its end).
    /// </summary>
    private static SensitiveKind ScanStarts(ReadOnlySpan<char> text, bool ascii, bool scanner, out bool phrase)
    {
        phrase = false;
        var asciiEnd = ascii ? text.Length : -1;
        var i = 0;
        while (i + 1 < text.Length)
        {
            // Where the next run of ASCII characters ends: inside it the quad sieve below reads four characters a step.
            if (asciiEnd < i)
            {
                asciiEnd = text[i] >= 128 ? i : text[i..].IndexOfAnyExceptInRange('\0', '\u007f') is var run and >= 0 ? i + run : text.Length;
            }

            if (asciiEnd - i >= 4)
            {
                var kind = ScanAscii(text, i, asciiEnd - 4, scanner, ref phrase, out var stop);
                if (kind != SensitiveKind.None || stop)
                {
                    return kind;
                }

                i = asciiEnd - 3;
                continue;
            }

            var found = At(text, i, scanner, ref phrase, out var done);
            if (found != SensitiveKind.None || done)
            {
                return found;
            }

            i++;
        }

        return SensitiveKind.None;
    }

    /// <summary>
    /// Positions <paramref name="from"/> to <paramref name="last"/>, whose four characters from each are all ASCII: one
    /// hash of the four (folded) and one bitmap test per position, eight positions a step where the CPU has AVX2; only
    /// where some trigger's first four characters (or all of a shorter one's) may stand does <see cref="At"/> look closer.
    /// </summary>
    private static SensitiveKind ScanAscii(ReadOnlySpan<char> text, int from, int last, bool scanner, ref bool phrase, out bool stop)
    {
        stop = false;
        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        var j = from;
        if (Avx2.IsSupported)
        {
            // A step reads sixteen characters from j, all in the run (j + 16 <= last + 4), for the windows at j to j + 7. Eight
            // steps' bits are gathered first and read after, so the gathers follow one another with no branch between them
            // that the passes (a few in each 64 positions of prose, at no fixed place) would mispredict.
            ref var chars = ref Unsafe.As<byte, ushort>(ref start);
            while (j + 12 <= last)
            {
                var steps = Math.Min(8, ((last - j - 12) / 8) + 1);
                ulong passed = 0;
                for (var k = 0; k < steps; k++)
                {
                    passed |= (ulong)QuadMask(ref chars, j + (8 * k)) << (8 * k);
                }

                for (; passed != 0; passed &= passed - 1)
                {
                    var at = j + BitOperations.TrailingZeroCount(passed);
                    if (at + 8 <= last + 4 && !SecondAscii(ref start, at))
                    {
                        continue;
                    }

                    var kind = At(text, at, scanner, ref phrase, out stop);
                    if (kind != SensitiveKind.None || stop)
                    {
                        return kind;
                    }
                }

                j += 8 * steps;
            }
        }

        for (; j <= last; j++)
        {
            if (!AsciiMayStart(ref start, j, last + 4))
            {
                continue;
            }

            var kind = At(text, j, scanner, ref phrase, out stop);
            if (kind != SensitiveKind.None || stop)
            {
                return kind;
            }
        }

        return SensitiveKind.None;
    }

    /// <summary>
    /// The first ASCII sieve's two forms at the eight positions from <paramref name="j"/> (sixteen ASCII characters): the
    /// AVX2 step's bits (null without AVX2) and the scalar test's (tests check they agree).
    /// </summary>
    internal static (uint? Vector, uint Scalar) QuadMasks(ReadOnlySpan<char> text, int j)
    {
        if (j < 0 || j + 16 > text.Length || text.Slice(j, 16).ContainsAnyExceptInRange('\0', '\u007f'))
        {
            throw new ArgumentOutOfRangeException(nameof(j), "the step reads sixteen ASCII characters");
        }

        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        uint scalar = 0;
        for (var k = 0; k < 8; k++)
        {
            var bit = QuadHash(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * (j + k))) | AsciiFold);
            scalar |= ((AsciiQuads[bit >> 5] >> bit) & 1) << k;
        }

        return (Avx2.IsSupported ? QuadMask(ref Unsafe.As<byte, ushort>(ref start), j) : null, scalar);
    }

    /// <summary>
    /// The first ASCII sieve at the eight positions from <paramref name="j"/> (sixteen ASCII characters read): bit k set
    /// where the window at j + k passes, exactly as <see cref="AsciiMayStart(ref byte, int, int)"/>'s first test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe uint QuadMask(ref ushort chars, int j)
    {
        // ASCII characters narrowed to bytes and folded (| 0x20), then each position's four bytes as one 32-bit lane.
        var bytes = Vector128.Narrow(Vector128.LoadUnsafe(ref chars, (nuint)j), Vector128.LoadUnsafe(ref chars, (nuint)j + 8)) | Vector128.Create((byte)0x20);
        var windows = Avx2.Shuffle(
            Vector256.Create(bytes, bytes),
            Vector256.Create((byte)0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6, 4, 5, 6, 7, 5, 6, 7, 8, 6, 7, 8, 9, 7, 8, 9, 10)).AsUInt32();
        var bits = Avx2.MultiplyLow(windows ^ (windows >>> QuadMix), Vector256.Create(QuadMultiplier)) >>> (32 - QuadBits);
        fixed (uint* table = AsciiQuads)
        {
            var words = Avx2.GatherVector256(table, (bits >>> 5).AsInt32(), 4);
            return (uint)Avx.MoveMask((Avx2.ShiftRightLogicalVariable(words, bits & Vector256.Create(31u)) << 31).AsSingle());
        }
    }

    /// <summary>The ASCII sieve at <paramref name="at"/> (tests check it passes every trigger's start); <paramref name="asciiEnd"/>: where the text's ASCII run ends.</summary>
    internal static bool AsciiMayStart(ReadOnlySpan<char> text, int at, int asciiEnd)
    {
        if (at < 0 || at + 4 > asciiEnd || asciiEnd > text.Length || text[at..asciiEnd].ContainsAnyExceptInRange('\0', '\u007f'))
        {
            throw new ArgumentOutOfRangeException(nameof(at), "the sieve reads four ASCII characters");
        }

        return AsciiMayStart(ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text)), at, asciiEnd);
    }

    // The four characters at j as 16-bit lanes, folded as Folded() folds ASCII (the caller checked j + 4 <= asciiEnd);
    // where the first bitmap passes and eight characters are ASCII, the second looks at all eight.
    private static bool AsciiMayStart(ref byte start, int j, int asciiEnd)
    {
        var head = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * j)) | AsciiFold;
        var bit = QuadHash(head);
        return ((AsciiQuads[bit >> 5] >> bit) & 1) != 0 && (j + 8 > asciiEnd || SecondAscii(ref start, j));
    }

    // The second test at j, eight ASCII characters from it.
    private static bool SecondAscii(ref byte start, int j) =>
        MayStartAscii(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * j)) | AsciiFold, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, (2 * j) + 8)) | AsciiFold);

    /// <summary>
    /// Whether a trigger may start with the eight ASCII characters <paramref name="head"/> and <paramref name="tail"/>
    /// (folded lanes): a trigger of four characters or fewer by its hashed window, a longer one by its first five to eight.
    /// </summary>
    private static bool MayStartAscii(ulong head, ulong tail)
    {
        // Two lookups that do not wait on each other: the short triggers' window, the longer ones' first five characters.
        var shortBit = ShortHash(head);
        var fifthBit = FifthHash(head, tail);
        var passes = ((AsciiShort[shortBit >> 6] >> shortBit) & 1) | (((AsciiFifth[fifthBit >> 6] >> fifthBit) & 1) << 1);
        if (passes == 0)
        {
            return false;
        }

        var needed = (uint)HeadLanes[LanesHash(head)];
        if ((needed & passes & 1) != 0)
        {
            return true;
        }

        for (needed = (passes & 2) != 0 ? needed >> 1 : 0; needed != 0; needed &= needed - 1)
        {
            var bit = LongHash(head, tail, BitOperations.TrailingZeroCount(needed) + 1);
            if (((AsciiLong[bit >> 6] >> bit) & 1) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The checks of the triggers that start at <paramref name="i"/> (<paramref name="stop"/>: a phrase alone was asked for and found).</summary>
    private static SensitiveKind At(ReadOnlySpan<char> text, int i, bool scanner, ref bool phrase, out bool stop)
    {
        stop = false;

        // First sieve: could a trigger start with these two characters? (ASCII: A and a meet by setting bit 5, as their
        // fold does; others through the table.)
        int c0 = text[i], c1 = text[i + 1];
        bool may;
        if ((c0 | c1) < 128)
        {
            var index = (c0 | 0x20) | ((c1 | 0x20) << 7);
            may = ((AsciiStarts[index >> 6] >> index) & 1) != 0;
        }
        else
        {
            var index = Fold[c0] | (Fold[c1] << 8);
            may = ((Starts[index >> 6] >> index) & 1) != 0;
        }

        if (!may)
        {
            return SensitiveKind.None;
        }

        // Second: a two-character trigger, or a longer one's first three characters (hashed).
        var wide = Wide(Fold[c0], Fold[c1], i + 2 < text.Length ? Fold[text[i + 2]] : End);
        var pair = (int)(wide & 0xFF) | (int)((wide >> 8) & 0xFF00);
        var pairHit = ((Pairs[pair >> 6] >> pair) & 1) != 0;
        var hash = Hash(wide);
        if (!pairHit && (((Triples[hash >> 6] >> hash) & 1) == 0 || !MayStartLong(text, i, wide, hash)))
        {
            return SensitiveKind.None;
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
            stop = phrase && !scanner;
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

    // Four folded ASCII lanes as the four bytes of 32 bits (what QuadMask's shuffle makes), hashed to QuadBits.
    private static int QuadHash(ulong lanes)
    {
        lanes = (lanes | (lanes >> 8)) & 0x0000_FFFF_0000_FFFFUL;
        var window = (uint)(lanes | (lanes >> 16));
        return (int)(((window ^ (window >> QuadMix)) * QuadMultiplier) >> (32 - QuadBits));
    }

    private static int LanesHash(ulong lanes) => (int)((lanes * 0x1656_67B1_9E37_79F9UL) >> (64 - LanesBits));

    private static int ShortHash(ulong lanes) => (int)((lanes * 0xC2B2_AE3D_27D4_EB4FUL) >> (64 - SecondBits));

    // Five folded ASCII characters: the fifth (at most 0x7F) in the first lane's free high byte.
    private static int FifthHash(ulong head, ulong tail) => (int)(((head | ((tail & 0x7F) << 8)) * 0x9E37_79B9_7F4A_7C15UL) >> (64 - SecondBits));

    // The tail's first `lanes` characters; the count is hashed in so that "passe" and "passw…" never share a bit by length.
    private static int LongHash(ulong head, ulong tail, int lanes) =>
        (int)((((head * 0x9E37_79B9_7F4A_7C15UL) ^ ((tail & (ulong.MaxValue >> (64 - (16 * lanes)))) * 0xC2B2_AE3D_27D4_EB4FUL) ^ (ulong)lanes)
            * 0x1656_67B1_9E37_79F9UL) >> (64 - SecondBits));

    /// <summary>Marks the ASCII sieve's windows for <paramref name="trigger"/> (folded lanes, as <see cref="Folded"/> makes them).</summary>
    private static void MarkAscii(string trigger)
    {
        var known = Math.Min(8, trigger.Length);
        ulong head = 0, tail = 0;
        for (var k = 0; k < known; k++)
        {
            // A character that folds outside ASCII: the trigger cannot start in an ASCII window (up to its eighth character).
            if (Fold[trigger[k]] >= 128)
            {
                if (k < 4)
                {
                    return;
                }

                known = -1;
                break;
            }

            (head, tail) = k < 4 ? (head | ((ulong)Fold[trigger[k]] << (16 * k)), tail) : (head, tail | ((ulong)Fold[trigger[k]] << (16 * (k - 4))));
        }

        MarkFollowed(head, Math.Min(4, trigger.Length));
        if (trigger.Length == 4)
        {
            var bit = ShortHash(head);
            AsciiShort[bit >> 6] |= 1UL << bit;
            HeadLanes[LanesHash(head)] |= 1;
        }

        if (trigger.Length > 4 && known > 0)
        {
            var fifth = FifthHash(head, tail);
            AsciiFifth[fifth >> 6] |= 1UL << fifth;
            var bit = LongHash(head, tail, known - 4);
            AsciiLong[bit >> 6] |= 1UL << bit;
            HeadLanes[LanesHash(head)] |= (byte)(1 << (known - 4));
        }

        // A shorter trigger: any ASCII character may follow it.
        static void MarkFollowed(ulong lanes, int known)
        {
            if (known == 4)
            {
                var bit = QuadHash(lanes);
                AsciiQuads[bit >> 5] |= 1u << bit;
                return;
            }

            foreach (var fold in AsciiFolds)
            {
                var next = lanes | ((ulong)fold << (16 * known));
                if (known == 3)
                {
                    var bit = ShortHash(next);
                    AsciiShort[bit >> 6] |= 1UL << bit;
                    HeadLanes[LanesHash(next)] |= 1;
                }

                MarkFollowed(next, known + 1);
            }
        }
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

                MarkAscii(trigger);
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
