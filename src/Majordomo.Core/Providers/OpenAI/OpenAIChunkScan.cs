using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Majordomo.Providers.OpenAI;

/// <summary>What <see cref="OpenAIChunkScan"/> found in one stream event's bytes.</summary>
internal struct ChunkFacts
{
    /// <summary>Bytes of every <c>content</c> and <c>arguments</c> string value, escapes counted as written.</summary>
    public long TextBytes;

    /// <summary>A <c>finish_reason</c> has a string value.</summary>
    public bool Finish;

    /// <summary>A <c>usage</c> has an object value (not the <c>null</c> every chunk but the last carries).</summary>
    public bool UsageObject;

    /// <summary>The bytes <c>"error"</c> occur (a name or a value): the event may be an error object.</summary>
    public bool NamesError;
}

/// <summary>
/// One pass over an OpenAI stream event's bytes for every key the relay needs (<c>"content"</c>,
/// <c>"arguments"</c>, <c>"finish_reason"</c>, <c>"usage"</c>, <c>"error"</c>), instead of a search per key:
/// a vector compare finds each quote followed by a key's first letter, and only those positions are
/// compared with the keys. A quote inside a JSON string is always escaped, so a key's bytes with both
/// quotes can only be a name or a whole string value; a <c>content</c> / <c>arguments</c> value is measured
/// and skipped. Nothing is allocated.
/// </summary>
internal static class OpenAIChunkScan
{
    // How far past a block's start its loads reach: the closing quote of "finish_reason".
    private const int Reach = 14;

    public static ChunkFacts Scan(ReadOnlySpan<byte> json) => Scan(json, Vector256.IsHardwareAccelerated);

    /// <summary>The same scan with or without the vector compare (tests run both).</summary>
    internal static ChunkFacts Scan(ReadOnlySpan<byte> json, bool vectorised)
    {
        var facts = default(ChunkFacts);
        var text = default(FirstText);
        ScanFrom(json, 0, ref facts, ref text, vectorised);
        return facts;
    }

    /// <summary>
    /// The same facts, with the stream's <paramref name="shape"/>: an event that begins with the bytes the last
    /// plain text chunk had before its text value (the id, the model, the delta up to <c>"content":"</c>: the same
    /// in every chunk of a stream) is scanned only from that value on, and one that also ends with that chunk's bytes
    /// after the value takes their facts as they were. The scan is a left-to-right pass whose state at a position
    /// depends only on the bytes before it, so equal bytes give equal facts. A plain chunk is remembered (once per
    /// stream and whenever its shape changes).
    /// </summary>
    public static ChunkFacts Scan(ReadOnlySpan<byte> json, ref ChunkShape? shape) => Scan(json, ref shape, Vector256.IsHardwareAccelerated);

    internal static ChunkFacts Scan(ReadOnlySpan<byte> json, ref ChunkShape? shape, bool vectorised)
    {
        var facts = default(ChunkFacts);
        var text = default(FirstText);
        if (shape is not null && shape.Head(json) is var head and > 0)
        {
            // The scan stood on the text value's opening quote here when the shape was taken: measure the value.
            var length = StringLength(json[head..]);
            facts.TextBytes = length;
            var next = Math.Min(json.Length, head + length + 1);
            if (shape.TailMatches(json[next..]))
            {
                facts = shape.TailFacts;
                facts.TextBytes += length;
                return facts;
            }

            ScanFrom(json, next, ref facts, ref text, vectorised);
            return facts;
        }

        ScanFrom(json, 0, ref facts, ref text, vectorised);
        if (text.Count > 0 && text.Clean && text.ValueAt + text.Length < json.Length)
        {
            // Nothing before the first text value, which is closed: remember what surrounds it.
            var tailFacts = facts;
            tailFacts.TextBytes -= text.Length;
            (shape ??= new ChunkShape()).Take(json, text.ValueAt, text.ValueAt + text.Length + 1, tailFacts);
        }

        return facts;
    }

    // From position start on, with the facts found before it (a scan from 0 when start is 0).
    private static void ScanFrom(ReadOnlySpan<byte> json, int start, ref ChunkFacts facts, ref FirstText text, bool vectorised)
    {
        // Positions before next were looked at (or lie inside a measured string value).
        var next = start;
        var from = start;
        if (vectorised && json.Length >= Vector256<byte>.Count + Reach)
        {
            ref var first = ref MemoryMarshal.GetReference(json);

            // The last block whose farthest load (14 bytes on) stays inside; the final block overlaps the one before.
            var last = json.Length - Vector256<byte>.Count - Reach;
            var block = start;
            while (true)
            {
                var at = Math.Min(block, last);
                var mask = Candidates(ref first, (nuint)at);
                var seen = Math.Max(next, block) - at;
                if (seen > 0)
                {
                    mask = seen >= 32 ? 0 : mask & (uint.MaxValue << seen);
                }

                while (mask != 0)
                {
                    var p = at + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (p >= next)
                    {
                        next = Confirm(json, p, ref facts, ref text);
                    }
                }

                if (at == last)
                {
                    // The last few positions (a short key may still start there) are looked at one by one.
                    from = last + Vector256<byte>.Count;
                    break;
                }

                block = Math.Max(block + Vector256<byte>.Count, next);
            }
        }

        for (var p = from; p < json.Length - 1; p++)
        {
            if (p >= next && json[p] == (byte)'"' && IsKeyLetter(json[p + 1]))
            {
                next = Confirm(json, p, ref facts, ref text);
            }
        }
    }

    /// <summary>Where the first measured text value begins, its length, and whether no fact was found before it.</summary>
    private struct FirstText
    {
        public int Count;
        public int ValueAt;
        public int Length;
        public bool Clean;
    }

    // Bit i: a key may start at offset + i. Each key is told by its quotes, its first letter and (for the names
    // that share a first letter and length with ones every chunk carries: "created", "choices", "assistant")
    // one letter near its end, so nearly every candidate is a key.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Candidates(ref byte start, nuint offset)
    {
        var quote = Vector256.Create((byte)'"');
        var v1 = Vector256.LoadUnsafe(ref start, offset + 1);
        var usageOrError = (Vector256.Equals(v1, Vector256.Create((byte)'u')) | Vector256.Equals(v1, Vector256.Create((byte)'e')))
            & Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 6), quote);
        var content = Vector256.Equals(v1, Vector256.Create((byte)'c'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 7), Vector256.Create((byte)'t'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 8), quote);
        var arguments = Vector256.Equals(v1, Vector256.Create((byte)'a'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 9), Vector256.Create((byte)'s'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 10), quote);
        var finish = Vector256.Equals(v1, Vector256.Create((byte)'f'))
            & Vector256.Equals(Vector256.LoadUnsafe(ref start, offset + 14), quote);
        var keys = Vector256.Equals(Vector256.LoadUnsafe(ref start, offset), quote) & (usageOrError | content | arguments | finish);
        return keys.ExtractMostSignificantBits();
    }

    private static bool IsKeyLetter(byte b) => b is (byte)'c' or (byte)'a' or (byte)'f' or (byte)'u' or (byte)'e';

    // json[p] is a quote and json[p + 1] a key's first letter; returns where the scan goes on.
    private static int Confirm(ReadOnlySpan<byte> json, int p, ref ChunkFacts facts, ref FirstText text)
    {
        var rest = json[p..];
        switch (rest[1])
        {
            case (byte)'c' when rest.StartsWith("\"content\""u8):
                return MeasureString(json, p + 9, ref facts, ref text);
            case (byte)'a' when rest.StartsWith("\"arguments\""u8):
                return MeasureString(json, p + 11, ref facts, ref text);
            case (byte)'f' when rest.StartsWith("\"finish_reason\""u8):
                facts.Finish |= ValueStartsWith(rest[15..], (byte)'"');
                return p + 15;
            case (byte)'u' when rest.StartsWith("\"usage\""u8):
                facts.UsageObject |= ValueStartsWith(rest[7..], (byte)'{');
                return p + 7;
            case (byte)'e' when rest.StartsWith("\"error\""u8):
                facts.NamesError = true;
                return p + 7;
            default:
                return p + 1;
        }
    }

    // After a content / arguments name: a string value is measured and the scan goes on after it.
    private static int MeasureString(ReadOnlySpan<byte> json, int afterName, ref ChunkFacts facts, ref FirstText text)
    {
        var rest = json[afterName..];
        var value = AfterColon(rest);
        if (value.IsEmpty || value[0] != (byte)'"')
        {
            return afterName;
        }

        var length = StringLength(value[1..]);
        var valueAt = afterName + (rest.Length - value.Length) + 1;
        if (text.Count++ == 0)
        {
            (text.ValueAt, text.Length, text.Clean) = (valueAt, length, !(facts.Finish || facts.UsageObject || facts.NamesError));
        }

        facts.TextBytes += length;
        return Math.Min(json.Length, valueAt + length + 1);
    }

    // Most delta strings are a few bytes: looked at by hand before the vectorised search of a long one.
    private static int StringLength(ReadOnlySpan<byte> s)
    {
        var end = Math.Min(s.Length, 24);
        for (var i = 0; i < end; i++)
        {
            if (s[i] == (byte)'"')
            {
                return i;
            }

            if (s[i] == (byte)'\\')
            {
                return StreamRelay.StringLength(s);
            }
        }

        return StreamRelay.StringLength(s);
    }

    private static bool ValueStartsWith(ReadOnlySpan<byte> afterName, byte first)
    {
        var value = AfterColon(afterName);
        return !value.IsEmpty && value[0] == first;
    }

    // The bytes after "name": the value, whitespace skipped; empty when no colon follows. By hand: a TrimStart
    // with a set of bytes costs a search call per byte, and most names are followed by the colon at once.
    private static ReadOnlySpan<byte> AfterColon(ReadOnlySpan<byte> afterName)
    {
        var i = SkipSpace(afterName, 0);
        if (i == afterName.Length || afterName[i] != (byte)':')
        {
            return [];
        }

        return afterName[SkipSpace(afterName, i + 1)..];
    }

    private static int SkipSpace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}

/// <summary>
/// A stream's last plain text chunk as <see cref="OpenAIChunkScan"/> remembers it: its bytes up to and with its first
/// text value's opening quote (nothing found in them), and after that value's closing quote, with the facts found
/// there. One per stream, made on its first plain chunk; replaced when a chunk's bytes around its text change. The
/// bytes are held in a pooled array (~250 bytes of garbage a stream before) that the stream's owner gives back with
/// <see cref="Release"/> when the stream ends.
/// </summary>
internal sealed class ChunkShape
{
    private byte[] _bytes = [];
    private int _head;
    private int _tail;

    public ChunkFacts TailFacts { get; private set; }

    /// <summary>The head's length when <paramref name="json"/> begins with it; 0 otherwise (always 0 after <see cref="Release"/>).</summary>
    public int Head(ReadOnlySpan<byte> json) => json.StartsWith(_bytes.AsSpan(0, _head)) ? _head : 0;

    public bool TailMatches(ReadOnlySpan<byte> rest) => rest.SequenceEqual(_bytes.AsSpan(_head, _tail));

    /// <summary>Remembers <paramref name="json"/>'s bytes before <paramref name="head"/> and from <paramref name="tailAt"/> on.</summary>
    public void Take(ReadOnlySpan<byte> json, int head, int tailAt, ChunkFacts tailFacts)
    {
        var tail = json.Length - tailAt;
        if (_bytes.Length < head + tail)
        {
            var old = _bytes;
            _bytes = ArrayPool<byte>.Shared.Rent(head + tail);
            if (old.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(old);
            }
        }

        json[..head].CopyTo(_bytes);
        json[tailAt..].CopyTo(_bytes.AsSpan(head));
        (_head, _tail, TailFacts) = (head, tail, tailFacts);
    }

    /// <summary>Gives the bytes back to the pool: the stream ended. A later chunk would be scanned whole (and remembered again).</summary>
    public void Release()
    {
        var bytes = _bytes;
        (_bytes, _head, _tail) = ([], 0, 0);
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
