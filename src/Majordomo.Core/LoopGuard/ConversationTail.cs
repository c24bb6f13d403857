using System.Buffers;

namespace Majordomo.LoopGuard;

/// <summary>
/// Finds the last elements of a body's top-level conversation array (<c>messages</c>, or a Responses
/// <c>input</c>) by scanning backwards from the end, so the loop guard reads only the tail a detector can
/// see (<c>historySize</c> calls) instead of the whole conversation. The body is JSON the ingress has
/// already accepted (no comments): outside strings only structure, literals and whitespace remain, and a
/// string is closed by the first quote not escaped by an odd run of backslashes. Anything unexpected
/// answers "not found" and the caller reads the whole body instead.
/// </summary>
internal static class ConversationTail
{
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]"u8);

    /// <summary>
    /// Where the tail of the conversation array starts: <paramref name="firstElement"/> is the first byte of the
    /// <paramref name="elements"/>-th element from the end, <paramref name="arrayEnd"/> the index of the array's
    /// closing <c>]</c>. The last top-level member whose value is an array is walked back only as far as the tail;
    /// its name (which precedes it) is checked only when the walk reached its start, then <paramref name="whole"/>
    /// is true and an array of another name is passed over. Otherwise the candidate is returned unchecked: the
    /// caller accepts it only when its tail reads as a conversation and asks again with more elements if not,
    /// which ends in a whole walk and so a checked name.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, int elements, out int firstElement, out int arrayEnd, out bool whole)
    {
        firstElement = arrayEnd = -1;
        whole = false;
        var p = SkipSpaceBack(body, body.Length - 1);
        if (p < 0 || body[p] != (byte)'}')
        {
            return false;
        }

        p--;
        while (true)
        {
            // A top-level member, from its value's last byte back to its name, then the ',' or '{' before it.
            var valueEnd = SkipSpaceBack(body, p);
            if (valueEnd < 0 || body[valueEnd] == (byte)'{')
            {
                return false; // the object's start: no such array
            }

            int valueStart;
            var first = valueEnd;
            if (body[valueEnd] == (byte)']')
            {
                valueStart = Elements(body, valueEnd, elements, out first);
                if (valueStart == -2)
                {
                    (firstElement, arrayEnd) = (first, valueEnd);
                    return true; // more elements than asked for: a candidate
                }
            }
            else
            {
                valueStart = ValueStart(body, valueEnd);
            }

            var colon = valueStart < 0 ? -1 : SkipSpaceBack(body, valueStart - 1);
            if (colon < 0 || body[colon] != (byte)':')
            {
                return false;
            }

            var nameEnd = SkipSpaceBack(body, colon - 1);
            if (nameEnd < 0 || body[nameEnd] != (byte)'"')
            {
                return false;
            }

            var nameStart = StringStart(body, nameEnd);
            if (nameStart < 0)
            {
                return false;
            }

            if (body[valueEnd] == (byte)']' && body.Slice(nameStart + 1, nameEnd - nameStart - 1).SequenceEqual(name))
            {
                (firstElement, arrayEnd, whole) = (first, valueEnd, true);
                return true;
            }

            var before = SkipSpaceBack(body, nameStart - 1);
            if (before < 0 || body[before] != (byte)',')
            {
                return false; // '{': the first member was not it either
            }

            p = before - 1;
        }
    }

    // Walks back over the elements of the array closed at `arrayEnd` until `elements` of them are behind. Returns the
    // index of its '[' when the walk reached it (`first` is then its first element, or `arrayEnd` when empty), -2 when
    // there are more elements than that, -1 when the bytes are not an array.
    private static int Elements(ReadOnlySpan<byte> body, int arrayEnd, int elements, out int first)
    {
        first = arrayEnd;
        var p = arrayEnd - 1;
        for (var found = 0; ; found++)
        {
            var valueEnd = SkipSpaceBack(body, p);
            if (valueEnd < 0)
            {
                return -1;
            }

            if (body[valueEnd] == (byte)'[' && found == 0)
            {
                return valueEnd; // empty
            }

            if (found == elements)
            {
                return -2;
            }

            var valueStart = ValueStart(body, valueEnd);
            if (valueStart < 0)
            {
                return -1;
            }

            first = valueStart;
            var before = SkipSpaceBack(body, valueStart - 1);
            if (before < 0)
            {
                return -1;
            }

            if (body[before] == (byte)'[')
            {
                return before;
            }

            if (body[before] != (byte)',')
            {
                return -1;
            }

            p = before - 1;
        }
    }

    /// <summary>The first byte of the value whose last byte is at <paramref name="end"/>; -1 when it is not one.</summary>
    private static int ValueStart(ReadOnlySpan<byte> body, int end)
    {
        switch (body[end])
        {
            case (byte)'"':
                return StringStart(body, end);
            case (byte)'}' or (byte)']':
                return ContainerStart(body, end);
            default:
                // A number or literal: back to the byte after the separator or whitespace before it.
                var p = end;
                while (p >= 0 && body[p] is not ((byte)',' or (byte)':' or (byte)'[' or (byte)'{' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'"' or (byte)'}' or (byte)']'))
                {
                    p--;
                }

                return p == end ? -1 : p + 1;
        }
    }

    // The '{' or '[' matching the closer at `end`: strings are jumped over whole, so braces inside them do not count.
    private static int ContainerStart(ReadOnlySpan<byte> body, int end)
    {
        var depth = 1;
        var p = end;
        while (true)
        {
            var i = body[..p].LastIndexOfAny(Structure);
            if (i < 0)
            {
                return -1;
            }

            switch (body[i])
            {
                case (byte)'"':
                    i = StringStart(body, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case (byte)'}' or (byte)']':
                    depth++;
                    break;
                default:
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }

            p = i;
        }
    }

    // The opening quote of the string whose closing quote is at `end`: the nearest quote before it not escaped.
    private static int StringStart(ReadOnlySpan<byte> body, int end)
    {
        var p = end;
        while (true)
        {
            var i = body[..p].LastIndexOf((byte)'"');
            if (i < 0)
            {
                return -1;
            }

            var slashes = 0;
            while (i - slashes - 1 >= 0 && body[i - slashes - 1] == (byte)'\\')
            {
                slashes++;
            }

            if (slashes % 2 == 0)
            {
                return i;
            }

            p = i;
        }
    }

    private static int SkipSpaceBack(ReadOnlySpan<byte> body, int p)
    {
        while (p >= 0 && body[p] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            p--;
        }

        return p;
    }
}
