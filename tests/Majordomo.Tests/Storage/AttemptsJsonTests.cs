using System.Buffers;
using System.Text;
using System.Text.Json;
using Majordomo.Storage;

namespace Majordomo.Tests.Storage;

/// <summary>The attempts column written by hand for the usual list: the same bytes Utf8JsonWriter gives, or the writer itself.</summary>
public sealed class AttemptsJsonTests
{
    [Fact]
    public void Write_RandomLists_SameBytesAsTheWriterAndMostWrittenByHand()
    {
        var random = new Random(1606);
        var plain = 0;
        const int Lists = 20_000;
        for (var n = 0; n < Lists; n++)
        {
            var attempts = new AttemptRecord[random.Next(4)];
            for (var i = 0; i < attempts.Length; i++)
            {
                attempts[i] = new AttemptRecord(
                    Text(random)!, Text(random)!, Text(random), random.Next(5) == 0 ? null : random.Next(-1000, 1000),
                    Text(random)!, Text(random), Duration(random));
            }

            var expected = WithWriter(attempts);
            if (AttemptsJson.TryWritePlain(new ArrayBufferWriter<byte>(), attempts))
            {
                plain++;
            }

            var actual = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(actual))
            {
                AttemptsJson.Write(actual, w, attempts);
            }

            Assert.Equal(expected, Encoding.UTF8.GetString(actual.WrittenSpan));
            var alone = new ArrayBufferWriter<byte>();
            AttemptsJson.Write(alone, attempts);
            Assert.Equal(expected, Encoding.UTF8.GetString(alone.WrittenSpan));
        }

        // Texts mostly of plain characters and durations mostly ordinary: the hand path must carry most lists.
        Assert.InRange(plain, Lists / 3, Lists);
    }

    [Fact]
    public void TryWritePlain_EveryAsciiCharacterAlone_WrittenAsTheWriterDoesOrRefused()
    {
        for (var c = 0; c < 128; c++)
        {
            AttemptRecord[] attempts = [new("m" + (char)c, "p", null, 200, "ok", ((char)c).ToString(), 1)];
            var buffer = new ArrayBufferWriter<byte>();
            if (AttemptsJson.TryWritePlain(buffer, attempts))
            {
                Assert.Equal(WithWriter(attempts), Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
            else
            {
                // Refused only for a character the writer escapes.
                Assert.Contains("\\", WithWriter(attempts), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Write_EdgeDurations_SameBytesAsTheWriter()
    {
        double[] durations = [0.0, -0.0, 0.0004, 0.0005, 0.001, 0.1, 4.2505, 4.251, 12.0, 999_999_999.9994, 999_999_999.9996, 1e15, -3.25, double.Epsilon];
        foreach (var ms in durations)
        {
            AttemptRecord[] attempts = [new("m", "p", "c", 200, "ok", null, ms)];
            var buffer = new ArrayBufferWriter<byte>();
            AttemptsJson.Write(buffer, attempts);
            Assert.Equal(WithWriter(attempts), Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    private static string WithWriter(IReadOnlyList<AttemptRecord> attempts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer);
        AttemptsJson.WriteWithWriter(buffer, w, attempts);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private const string Plain = "abcxyzABCXYZ0189-_./:@ ,;=()[]{}|~!?#$%^*";
    private const string Other = "\"\\<>&'+`\u0000\u001f\u007f\u00e9\u65e5\ud83d\ude00\t\n";

    private static string? Text(Random random)
    {
        if (random.Next(10) == 0)
        {
            return null;
        }

        var chars = new char[random.Next(12)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(60) == 0 ? Other[random.Next(Other.Length)] : Plain[random.Next(Plain.Length)];
        }

        return new string(chars);
    }

    private static double Duration(Random random) => random.Next(12) switch
    {
        0 => random.NextDouble() * 1e-3,
        1 => random.NextDouble() * 1e12,
        2 => -random.NextDouble() * 100,
        3 => Math.Round(random.NextDouble() * 100, random.Next(4)),
        4 => random.Next(100_000),
        _ => random.NextDouble() * Math.Pow(10, random.Next(7)),
    };
}
