using System.Text;
using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.Tests.Chat;

/// <summary>
/// <see cref="BodyReader"/> reads a long string itself and restarts the reader past it: on any body, valid or broken, it
/// gives the tokens, positions, depths and values of one <see cref="Utf8JsonReader"/> and throws on the same step.
/// </summary>
public sealed class BodyReaderTests
{
    // What a string is made of: text, UTF-8, every escape, \u escapes good and bad, a backslash at the end, control bytes.
    private static readonly string[] Pieces =
    [
        "key, token = value; ", "é", "密码", "😀", @"\""", @"\\", @"\/", @"\b", @"\f", @"\n", @"\r", @"\t", @"\u0041", @"\u00e9",
        @"\uD83D\uDE00", @"\uDE00", @"\\n", @"\\\""", @"\u00", @"\uZZZZ", @"\x", @"\a", "\t", "\n", "\u0001", "  ", "{\\\"a\\\":1}",
        "0123456789abcdef0123456789abcdef",
    ];

    [Fact]
    public void Read_RandomBodies_SameTokensAsTheReader()
    {
        var random = new Random(5);
        var longStrings = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var body = new StringBuilder();
            Value(body, random, 0);
            var bytes = Encoding.UTF8.GetBytes(body.ToString());
            bytes = Break(bytes, random);
            var options = random.Next(2) == 0
                ? new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 }
                : new JsonReaderOptions { MaxDepth = random.Next(3, 64) };
            longStrings += Compare(bytes, options, new Random(i));
        }

        Assert.True(longStrings > 2_500, $"only {longStrings} long strings read");
    }

    [Fact]
    public void Read_LongEscapedToolOutput_OneStringWithTheReadersSpan()
    {
        var code = string.Concat(Enumerable.Repeat("if (x) {\n\treturn \"<a>\";\n}\n", 200));
        var body = "{\"messages\":[{\"role\":\"tool\",\"content\":" + JsonSerializer.Serialize(JsonSerializer.Serialize(new { content = code })) + "}]}";
        var bytes = Encoding.UTF8.GetBytes(body);
        var reader = new BodyReader(bytes);
        var plain = new Utf8JsonReader(bytes);
        var strings = 0;
        while (reader.Read())
        {
            Assert.True(plain.Read());
            Assert.Equal(plain.TokenType, reader.TokenType);
            Assert.Equal(plain.TokenStartIndex, reader.TokenStartIndex);
            Assert.Equal(plain.BytesConsumed, reader.BytesConsumed);
            Assert.True(plain.ValueSpan.SequenceEqual(reader.ValueSpan));
            if (reader.ReadHere)
            {
                Assert.True(reader.ValueIsEscaped);
                Assert.Equal(plain.GetString(), reader.GetString());
                strings++;
            }
        }

        Assert.False(plain.Read());
        Assert.Equal(1, strings);
    }

    [Fact]
    public void StringEnd_EveryRule_AsTheReader()
    {
        Assert.Equal(3, BodyReader.StringEnd("abc\"x"u8, out var escaped));
        Assert.False(escaped);
        Assert.Equal(9, BodyReader.StringEnd(@"a\u00e9\"""" x"u8, out escaped));
        Assert.True(escaped);
        Assert.Equal(-1, BodyReader.StringEnd(@"a\x"""u8, out _));
        Assert.Equal(-1, BodyReader.StringEnd(@"a\u00g9"""u8, out _));
        Assert.Equal(-1, BodyReader.StringEnd("a\tb\""u8, out _));
        Assert.Equal(-1, BodyReader.StringEnd(@"abc\"u8, out _));
        Assert.Equal(-1, BodyReader.StringEnd("abc"u8, out _));
    }

    // Reads `bytes` with both readers in step, now and then skipping; the long strings the body reader read itself.
    private static int Compare(byte[] bytes, JsonReaderOptions options, Random random)
    {
        var reader = new BodyReader(bytes, options);
        var plain = new Utf8JsonReader(bytes, options);
        var longStrings = 0;
        for (var step = 0; ; step++)
        {
            var skip = random.Next(8) == 0;
            bool? read = null;
            bool? plainRead = null;
            Exception? error = null;
            Exception? plainError = null;
            try
            {
                if (skip)
                {
                    reader.Skip();
                }
                else
                {
                    read = reader.Read();
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                error = e;
            }

            try
            {
                if (skip)
                {
                    plain.Skip();
                }
                else
                {
                    plainRead = plain.Read();
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                plainError = e;
            }

            Assert.Equal(plainError is JsonException, error is JsonException);
            Assert.Equal(plainError is InvalidOperationException, error is InvalidOperationException);
            if (error is not null)
            {
                return longStrings;
            }

            Assert.Equal(plainRead, read);
            if (read == false)
            {
                return longStrings;
            }

            Assert.Equal(plain.TokenType, reader.TokenType);
            Assert.Equal(plain.TokenStartIndex, reader.TokenStartIndex);
            Assert.Equal(plain.BytesConsumed, reader.BytesConsumed);
            Assert.Equal(plain.CurrentDepth, reader.CurrentDepth);
            if (plain.TokenType is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number)
            {
                Assert.True(plain.ValueSpan.SequenceEqual(reader.ValueSpan), $"step {step}");
                Assert.Equal(plain.ValueIsEscaped, reader.ValueIsEscaped);
                Assert.Equal(Text(ref plain), Text(ref reader));
            }

            if (reader.ReadHere)
            {
                Assert.True(plain.TokenType == JsonTokenType.String && plain.ValueSpan.Length >= BodyReader.LongString);
                longStrings++;
            }
        }
    }

    // The value as text and whether it equals "key" (a number's digits), or where either throws.
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.TokenType == JsonTokenType.Number
                ? (reader.TryGetInt32(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")
                : reader.ValueTextEquals("key"u8) + (reader.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return "throws";
        }
    }

    // The value as text and whether it equals "key" (a number's digits), or where either throws.
    private static string Text(ref BodyReader reader)
    {
        try
        {
            return reader.TokenType == JsonTokenType.Number
                ? (reader.TryGetInt32(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")
                : reader.ValueTextEquals("key"u8) + (reader.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return "throws";
        }
    }

    private static void Value(StringBuilder body, Random random, int depth)
    {
        Space(body, random);
        switch (depth > 6 ? random.Next(3, 7) : random.Next(7))
        {
            case 0:
                body.Append('{');
                for (var n = random.Next(4); n > 0; n--)
                {
                    Space(body, random);
                    String(body, random, random.Next(6) == 0);
                    Space(body, random);
                    body.Append(':');
                    Value(body, random, depth + 1);
                    body.Append(n > 1 ? "," : "");
                }

                Space(body, random);
                body.Append('}');
                break;
            case 1 or 2:
                body.Append('[');
                for (var n = random.Next(5); n > 0; n--)
                {
                    Value(body, random, depth + 1);
                    Space(body, random);
                    body.Append(n > 1 ? "," : "");
                }

                body.Append(']');
                break;
            case 3 or 4:
                String(body, random, random.Next(3) > 0);
                break;
            case 5:
                body.Append(random.Next(-1000, 100_000));
                break;
            default:
                body.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
        }

        Space(body, random);
    }

    private static void String(StringBuilder body, Random random, bool longOne)
    {
        body.Append('"');
        var length = longOne ? random.Next(BodyReader.LongString - 40, 4 * BodyReader.LongString) : random.Next(0, 40);
        var start = body.Length;
        // A quarter of the strings hold no escape, one in eight breaks a rule (a bad escape, a control byte), the rest keep them.
        var kind = random.Next(8);
        while (body.Length - start < length)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            var bad = piece is @"\u00" or @"\uZZZZ" or @"\x" or @"\a" || piece[0] < ' ';
            if (kind < 2 ? piece.Contains('\\') || bad : bad && (kind > 2 || random.Next(4) > 0))
            {
                continue;
            }

            body.Append(piece);
        }

        body.Append('"');
    }

    private static void Space(StringBuilder body, Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                body.Append(' ');
                break;
            case 1:
                body.Append("\n\t ");
                break;
            case 2:
                body.Append("/* c */");
                break;
            case 3:
                body.Append(new string(' ', 40)); // past the body reader's look for the quote
                break;
        }
    }

    // A fifth of the bodies are broken: cut short, a byte changed, or a comma or a colon dropped or doubled.
    private static byte[] Break(byte[] bytes, Random random)
    {
        if (bytes.Length < 2 || random.Next(5) > 0)
        {
            return bytes;
        }

        var at = random.Next(bytes.Length);
        return random.Next(4) switch
        {
            0 => bytes[..at],
            1 => [.. bytes[..at], (byte)"\",:\\ {}[]x\u0001"[random.Next(11)], .. bytes[(at + 1)..]],
            2 => [.. bytes[..at], (byte)',', .. bytes[at..]],
            _ => [.. bytes[..at], .. bytes[(at + 1)..]],
        };
    }
}
