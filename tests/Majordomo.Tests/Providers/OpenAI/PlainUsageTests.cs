using System.Text;
using Majordomo.Chat;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.OpenAI;

/// <summary>The hand read of a plain usage object agrees with the JSON reader's on every form, plain or not.</summary>
public sealed class PlainUsageTests
{
    [Theory]
    [InlineData("""{"id":"c","choices":[],"usage":{"prompt_tokens":24,"completion_tokens":20,"total_tokens":44}}""", 24, 20, 0)]
    [InlineData("""{"usage":{"prompt_tokens":24,"completion_tokens":17,"total_tokens":41,"prompt_tokens_details":{"cached_tokens":3,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"cached_tokens":9}},"service_tier":"default"}""", 24, 17, 3)]
    [InlineData("""{"usage":{}}""", 0, 0, 0)]
    [InlineData("""{"usage":{"completion_tokens":5,"completion_tokens":6}}""", 0, 6, 0)]
    public void PlainForms_AreReadByHand_AsTheReaderReadsThem(string json, long input, long output, long cached)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(PlainUsage.TryRead(OpenAIWire.UsageObject(bytes), out var plain));
        Assert.Equal(new Usage(input, output, cached, true), plain);
        Assert.True(OpenAIWire.TryReadUsageByReader(bytes, out var read));
        Assert.Equal(read, plain);
    }

    [Fact]
    public void RandomUsageObjects_ReadAsTheReaderReadsThem()
    {
        // Names the reader looks for and others; values plain and not (spaces, nulls, floats, negatives, leading zeros,
        // long numbers, strings, arrays, nesting, escapes, cut short), so both the hand read and its fallback are used.
        string[] names = ["prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details", "cached_tokens", "completion_tokens_details", "x", "Prompt_tokens", "prompt\\u005ftokens", ""];
        string[] numbers = ["0", "7", "24", "123456789012345678", "1234567890123456789", "01", "-3", "1.5", "1e3", "null", "\"9\"", "[]", "true"];
        var random = new Random(16);
        var plain = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var json = "{\"id\":\"c\",\"usage\":" + Object(random, names, numbers, depth: 0) + (random.Next(5) == 0 ? "" : "}");
            if (random.Next(20) == 0)
            {
                json = json[..random.Next(json.Length)];
            }

            var bytes = Encoding.UTF8.GetBytes(json);
            plain += PlainUsage.TryRead(OpenAIWire.UsageObject(bytes), out _) ? 1 : 0;
            var expected = Outcome(() => (OpenAIWire.TryReadUsageByReader(bytes, out var u), u));
            var actual = Outcome(() => (OpenAIWire.TryReadUsage(bytes, out var u), u));
            Assert.True(expected == actual, $"{json}: reader {expected}, with the hand read {actual}");
        }

        Assert.True(plain > 3000, $"{plain} read by hand");
    }

    private static string Outcome(Func<(bool Read, Usage Usage)> read)
    {
        try
        {
            return read().ToString();
        }
        catch (Exception ex)
        {
            return ex.GetType().Name;
        }
    }

    private static string Object(Random random, string[] names, string[] numbers, int depth)
    {
        var members = new List<string>();
        for (var m = random.Next(6); m > 0; m--)
        {
            var name = names[random.Next(names.Length)];
            var value = depth < 2 && random.Next(4) == 0
                ? Object(random, names, numbers, depth + 1)
                : random.Next(3) > 0 ? numbers[random.Next(4)] : numbers[random.Next(numbers.Length)];
            var colon = random.Next(15) == 0 ? ": " : ":";
            members.Add($"\"{name}\"{colon}{value}");
        }

        var comma = random.Next(15) == 0 ? ", " : ",";
        return "{" + string.Join(comma, members) + "}";
    }
}
