using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;

namespace Majordomo.Chat;

/// <summary>
/// A fast 64-bit hash that is the same in every process (state survives restarts; string.GetHashCode
/// and HashCode are randomised), plus a canonical hash of a JSON value: object keys in any order and
/// whitespace give the same hash, so <c>{"a":1,"b":2}</c> and <c>{ "b":2, "a":1 }</c> are one call.
/// Nothing is built or sorted: an object's members are combined with an order-independent sum.
/// </summary>
internal static class StableHash
{
    private const ulong Prime1 = 0x9E3779B97F4A7C15UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong ObjectTag = 0x6F626A6563740001UL;
    private const ulong ArrayTag = 0x6172726179000002UL;
    private const ulong NumberTag = 0x6E756D6265720003UL;
    private const ulong StringTag = 0x737472696E670004UL;

    /// <summary>
    /// Hashes bytes eight at a time, in four independent lanes while 32 or more remain: each step then waits only on
    /// its own lane, so a tool's output of a few hundred bytes hashes several times faster than through one chain
    /// (FNV would cost about a byte per cycle).
    /// </summary>
    public static ulong Bytes(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var h = seed ^ ((ulong)data.Length * Prime1);
        if (data.Length >= 32)
        {
            ulong v1 = h, v2 = h ^ Prime1, v3 = h ^ Prime2, v4 = ~h;
            do
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[16..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[24..]));
                data = data[32..];
            }
            while (data.Length >= 32);

            h = Round(Round(Round(Round(h, v1), v2), v3), v4);
        }

        while (data.Length >= 8)
        {
            h = Round(h, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < data.Length; i++)
        {
            tail |= (ulong)data[i] << (8 * i);
        }

        return Finish(Round(h, tail));
    }

    private static ulong Round(ulong h, ulong value) => BitOperations.RotateLeft((h ^ value) * Prime1, 29) * Prime2;

    public static ulong Combine(ulong a, ulong b) => Finish((a * Prime1) ^ BitOperations.RotateLeft(b, 23) ^ Prime2);

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>
    /// Canonical hash of the value the reader is on (it must be on the value's first token); leaves the
    /// reader on the value's last token. Strings are hashed as written (escaped form): a client
    /// serialises the same text the same way every time.
    /// </summary>
    public static ulong Json(ref BodyReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    ulong sum = 0;
                    ulong count = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = Bytes(reader.ValueSpan, StringTag);
                        reader.Read();
                        sum += Combine(name, Json(ref reader));
                        count++;
                    }

                    return Combine(ObjectTag ^ count, sum);
                }

            case JsonTokenType.StartArray:
                {
                    var h = ArrayTag;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        h = Combine(h, Json(ref reader));
                    }

                    return h;
                }

            case JsonTokenType.String:
                return Bytes(reader.ValueSpan, StringTag);
            case JsonTokenType.Number:
                return Bytes(reader.ValueSpan, NumberTag);
            case JsonTokenType.True:
                return 0x7472756500000005UL;
            case JsonTokenType.False:
                return 0x66616C7365000006UL;
            default:
                return 0x6E756C6C00000007UL;
        }
    }

    /// <summary>
    /// Canonical hash of JSON text held in a JSON string (OpenAI <c>function.arguments</c>). Text that
    /// is not JSON (a model can emit anything) is hashed as is, trimmed.
    /// </summary>
    public static ulong JsonText(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new BodyReader(text, new JsonReaderOptions { MaxDepth = 64 });
            if (reader.Read())
            {
                var h = Json(ref reader);
                if (!reader.Read())
                {
                    return h;
                }
            }
        }
        catch (JsonException)
        {
        }

        return Bytes(text.Trim(" \t\r\n"u8), StringTag);
    }

    /// <summary>
    /// <see cref="Content"/> of a string value, from the reader standing on it: what the reading already
    /// holds, so the common string content is not read a second time.
    /// </summary>
    public static ulong StringContent(ReadOnlySpan<byte> valueSpan) => Bytes(valueSpan, StringTag);

    /// <summary>
    /// Canonical hash of a message or tool-result <c>content</c> value given as JSON: a string and an
    /// array of text blocks carrying the same text hash alike (clients send a tool's output either way,
    /// sometimes alternating), other blocks hash canonically. <paramref name="json"/> is the value's bytes.
    /// </summary>
    public static ulong Content(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new BodyReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read())
            {
                return 0;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                return Bytes(reader.ValueSpan, StringTag);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return Json(ref reader);
            }

            ulong h = 0;
            var pieces = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var piece = reader.TokenType == JsonTokenType.StartObject ? Block(ref reader) : Json(ref reader);
                h = pieces++ == 0 ? piece : Combine(h, piece);
            }

            return h;
        }
        catch (JsonException)
        {
            return Bytes(json);
        }
    }

    /// <summary>A text block hashes as its text alone; any other block canonically, member by member.</summary>
    private static ulong Block(ref BodyReader reader)
    {
        ulong sum = 0;
        ulong count = 0;
        ulong text = 0;
        var hasText = false;
        var isText = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Bytes(reader.ValueSpan, StringTag);
            var nameIsText = reader.ValueTextEquals("text"u8);
            var nameIsType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (nameIsType)
            {
                isText &= reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("text"u8);
            }
            else if (nameIsText && reader.TokenType == JsonTokenType.String)
            {
                text = Bytes(reader.ValueSpan, StringTag);
                hasText = true;
            }
            else
            {
                // Anything besides type and text (cache_control, citations…) makes it a block to compare whole.
                isText = false;
            }

            sum += Combine(name, Json(ref reader));
            count++;
        }

        return isText && hasText ? text : Combine(ObjectTag ^ count, sum);
    }
}
