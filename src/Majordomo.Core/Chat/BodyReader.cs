using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Majordomo.Chat;

/// <summary>
/// A <see cref="Utf8JsonReader"/> over a whole request body that reads a long string value itself (issue 16 item 4). Once a
/// string holds an escape, the reader checks the rest of it one byte at a time (<c>ConsumeStringAndValidate</c>): a 100 kB
/// tool output of JSON-escaped code paid ~15 % of its whole routing decision there. Here a long string is checked sixteen
/// bytes a step, with the reader's own rules (every escape one of JSON's, four hex digits after <c>\u</c>, no control
/// byte), and the reader goes on past it from the state it has after an empty string in the same place. Every token, its
/// positions (in the whole body), its depth and its value are the reader's; a string that breaks a rule, or any other value,
/// is read by the reader itself, so it throws where it would. What differs is an exception's line and byte position past a
/// long string (the reader never saw it): <c>OpenAIRequestReader</c>, which reports them, reads with <c>longStrings: false</c>.
/// </summary>
internal ref struct BodyReader
{
    /// <summary>A string shorter than this is left to the reader (its own fast path is a vector search too).</summary>
    internal const int LongString = 256;

    private readonly ReadOnlySpan<byte> _body;
    private readonly bool _longStrings;
    private Utf8JsonReader _reader;

    // Where _reader's buffer starts in the body.
    private int _offset;

    // When the token is a long string read here: its opening quote and its closing one; -1 otherwise.
    private int _open;
    private int _close;
    private bool _escaped;

    public BodyReader(ReadOnlySpan<byte> body, JsonReaderOptions options = default, bool longStrings = true)
    {
        _body = body;
        _longStrings = longStrings;
        _reader = new Utf8JsonReader(body, options);
        _open = -1;
    }

    public JsonTokenType TokenType => _reader.TokenType;

    public int CurrentDepth => _reader.CurrentDepth;

    public long TokenStartIndex => _open >= 0 ? _open : _offset + _reader.TokenStartIndex;

    public long BytesConsumed => _offset + _reader.BytesConsumed;

    public ReadOnlySpan<byte> ValueSpan => _open >= 0 ? _body[(_open + 1).._close] : _reader.ValueSpan;

    public bool ValueIsEscaped => _open >= 0 ? _escaped : _reader.ValueIsEscaped;

    /// <summary>Whether the token is a long string read here (tests).</summary>
    internal bool ReadHere => _open >= 0;

    public bool Read()
    {
        _open = -1;
        return (_longStrings && ReadLongString()) || _reader.Read();
    }

    /// <summary>As <see cref="Utf8JsonReader.Skip"/> (the body is one final block), by <see cref="Read"/>.</summary>
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = CurrentDepth;
            do
            {
                Read();
            }
            while (depth < CurrentDepth);
        }
    }

    public bool ValueTextEquals(scoped ReadOnlySpan<byte> utf8Text)
    {
        if (_open < 0)
        {
            return _reader.ValueTextEquals(utf8Text);
        }

        var single = Single();
        return single.ValueTextEquals(utf8Text);
    }

    public bool ValueTextEquals(string? text)
    {
        if (_open < 0)
        {
            return _reader.ValueTextEquals(text);
        }

        var single = Single();
        return single.ValueTextEquals(text);
    }

    public string? GetString()
    {
        if (_open < 0)
        {
            return _reader.GetString();
        }

        var single = Single();
        return single.GetString();
    }

    public int CopyString(scoped Span<byte> utf8Destination)
    {
        if (_open < 0)
        {
            return _reader.CopyString(utf8Destination);
        }

        var single = Single();
        return single.CopyString(utf8Destination);
    }

    // A number is never a long string: the reader's own.
    public bool TryGetInt32(out int value) => _open < 0 ? _reader.TryGetInt32(out value) : Single().TryGetInt32(out value);

    public bool TryGetDouble(out double value) => _open < 0 ? _reader.TryGetDouble(out value) : Single().TryGetDouble(out value);

    // The long string alone, read by a reader of its own: what a value's accessors answer is the reader's.
    private Utf8JsonReader Single()
    {
        var single = new Utf8JsonReader(_body[_open..(_close + 1)]);
        single.Read();
        return single;
    }

    // The next token when it is a long string that keeps the rules: read here, the reader restarted past it. Whitespace and at
    // most one comma may stand before its quote (a comment, or anything else, is the reader's).
    private bool ReadLongString()
    {
        var at = _offset + (int)_reader.BytesConsumed;
        var rest = _body[at..];
        var quote = 0;
        var comma = false;
        while (quote < rest.Length && quote < 32)
        {
            var b = rest[quote];
            if (b == (byte)',' && !comma)
            {
                comma = true;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                break;
            }

            quote++;
        }

        if (quote >= rest.Length || quote >= 32 || rest[quote] != (byte)'"')
        {
            return false;
        }

        var end = StringEnd(rest[(quote + 1)..], out var escaped);
        if (end < LongString)
        {
            return false;
        }

        // The reader's state after an empty string where this one stands: a property's name, a misplaced value or a comma where
        // none belongs leaves it to the reader.
        Span<byte> stand = stackalloc byte[34];
        rest[..(quote + 1)].CopyTo(stand);
        stand[quote + 1] = (byte)'"';
        var empty = new Utf8JsonReader(stand[..(quote + 2)], isFinalBlock: false, _reader.CurrentState);
        try
        {
            if (!empty.Read() || empty.TokenType != JsonTokenType.String)
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        _open = at + quote;
        _close = _open + 1 + end;
        _escaped = escaped;
        _offset = _close + 1;
        _reader = new Utf8JsonReader(_body[_offset..], isFinalBlock: true, empty.CurrentState);
        return true;
    }

    /// <summary>
    /// Where the string whose bytes (after its opening quote) are <paramref name="text"/> closes, when every escape in it is one
    /// of JSON's (<c>\" \\ \/ \b \f \n \r \t</c>, <c>\u</c> and four hex digits) and no control byte stands before its quote;
    /// -1 when it breaks a rule or does not close. The rules of <c>Utf8JsonReader</c>'s <c>ConsumeStringAndValidate</c>.
    /// </summary>
    internal static int StringEnd(ReadOnlySpan<byte> text, out bool escaped)
    {
        escaped = false;
        var at = 0;

        // The quotes, backslashes and control bytes of the sixteen bytes from `step`, those before `at` dropped: an escape every
        // few bytes (escaped code) is found in the step already read.
        var step = 0;
        var found = 0u;
        while (true)
        {
            var next = found != 0 ? step + BitOperations.TrailingZeroCount(found) : NextSpecial(text, at, out step, out found);
            if (next < 0)
            {
                return -1;
            }

            var b = text[next];
            if (b == (byte)'"')
            {
                return next;
            }

            if (b != (byte)'\\' || next + 1 >= text.Length)
            {
                return -1;
            }

            escaped = true;
            switch (text[next + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    at = next + 2;
                    break;
                case (byte)'u' when next + 5 < text.Length && Hex(text[next + 2]) && Hex(text[next + 3]) && Hex(text[next + 4]) && Hex(text[next + 5]):
                    at = next + 6;
                    break;
                default:
                    return -1;
            }

            found = at - step < Vector128<byte>.Count ? found & (uint.MaxValue << (at - step)) : 0;
        }
    }

    private static bool Hex(byte b) => char.IsAsciiHexDigit((char)b);

    // The first quote, backslash or control byte at or after `at`, -1 when none; with the vector step it stands in and that step's
    // finds (none past the vector steps, where it is read a byte at a time).
    private static int NextSpecial(ReadOnlySpan<byte> text, int at, out int step, out uint found)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(text);
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var space = Vector128.Create((byte)' ');
            for (; at <= text.Length - Vector128<byte>.Count; at += Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref start, (nuint)at);
                found = (Vector128.Equals(bytes, quote) | Vector128.Equals(bytes, backslash) | Vector128.LessThan(bytes, space)).ExtractMostSignificantBits();
                if (found != 0)
                {
                    step = at;
                    return at + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        step = at;
        found = 0;
        for (; at < text.Length; at++)
        {
            if (text[at] is (byte)'"' or (byte)'\\' or < (byte)' ')
            {
                return at;
            }
        }

        return -1;
    }
}
