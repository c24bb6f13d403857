using System.Text;
using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.Tests.Chat;

/// <summary>
/// <see cref="JsonStringValue.Unescape"/> replaces a second <see cref="Utf8JsonReader"/> when a prompt's text is made: on
/// every string value the reader accepts, it writes what <c>CopyString</c> writes, and refuses where <c>CopyString</c> throws.
/// </summary>
public sealed class JsonStringValueTests
{
    // Pieces a string value is made of: plain ASCII, UTF-8 of two to four bytes, every short escape, \u escapes of ASCII,
    // of a non-ASCII letter in both hex cases, pairs and lone halves of surrogates, and bytes that are no UTF-8.
    private static readonly byte[][] Pieces =
    [
        "key, token"u8.ToArray(), "é"u8.ToArray(), "密码"u8.ToArray(), "😀"u8.ToArray(), @"\"""u8.ToArray(), @"\\"u8.ToArray(), @"\/"u8.ToArray(),
        @"\b"u8.ToArray(), @"\f"u8.ToArray(), @"\n"u8.ToArray(), @"\r"u8.ToArray(), @"\t"u8.ToArray(), @"\u0041"u8.ToArray(),
        @"\u00e9"u8.ToArray(), @"\u00E9"u8.ToArray(), @"\u5BC6"u8.ToArray(), @"\ud83d\ude00"u8.ToArray(), @"\uD83D"u8.ToArray(),
        @"\uDE00"u8.ToArray(), @"\ud83d\u0041"u8.ToArray(), @"\u0000"u8.ToArray(), [0xC3], [0xE2, 0x82], [0xFF], [0xED, 0xA0, 0x80],
    ];

    [Fact]
    public void Unescape_EveryValueTheReaderAccepts_WritesWhatCopyStringWrites()
    {
        var random = new Random(19);
        var compared = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var value = new List<byte>();
            for (var n = random.Next(1, 7); n > 0; n--)
            {
                value.AddRange(Pieces[random.Next(Pieces.Length)]);
            }

            compared += Compare([.. value]) ? 1 : 0;
        }

        Assert.True(compared > 10_000, $"only {compared} values compared");
    }

    [Theory]
    [InlineData(@"plain text, no escape")]
    [InlineData(@"{\""path\"":\""src/a.cs\"",\""content\"":\""var key = \\\""k\\\"";\\n\""}")]
    [InlineData(@"\ud83d")]
    [InlineData(@"\ude00 after")]
    [InlineData(@"\ud83d\ud83d")]
    public void Unescape_KnownValues_AgreeWithCopyString(string value) => Assert.True(Compare(Encoding.UTF8.GetBytes(value)));

    // Whether the reader took the value (quotes around it) as a string; when it did, that both write the same text.
    private static bool Compare(byte[] value)
    {
        var quoted = new byte[value.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        value.CopyTo(quoted, 1);
        var reader = new Utf8JsonReader(quoted);
        try
        {
            reader.Read();
        }
        catch (JsonException)
        {
            return false; // not a string value: the reading pass refuses the whole body, nothing is unescaped
        }

        var expected = new char[value.Length];
        int expectedCount;
        try
        {
            expectedCount = reader.CopyString(expected);
        }
        catch (InvalidOperationException)
        {
            expectedCount = -1;
        }

        var actual = new char[value.Length];
        var actualCount = JsonStringValue.Unescape(value, actual);
        Assert.Equal(expectedCount, actualCount);
        Assert.Equal(expected.AsSpan(0, Math.Max(0, expectedCount)).ToString(), actual.AsSpan(0, Math.Max(0, actualCount)).ToString());
        return true;
    }
}
