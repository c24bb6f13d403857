using System.Text;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.OpenAI;

/// <summary>
/// The one-pass key scan of an OpenAI stream event agrees with a search per key (the relay's checks before it)
/// wherever the keys fall against the vector blocks, with and without the vector compare.
/// </summary>
public sealed class OpenAIChunkScanTests
{
    public static TheoryData<string> Chunks() =>
    [
        """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Requests","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}""",
        """{"id":"c","choices":[{"index":0,"delta":{"content":" w\"o \\ é ✓ 😀"},"finish_reason":null}],"usage":null}""",
        """{"id":"c","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}""",
        """{"id":"c","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":2}}}""",
        """{"id":"c","choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":"f","arguments":"{\"a\":\"\\\"usage\\\":{\"}"}}]},"finish_reason":null}]}""",
        """{"error":{"message":"overloaded","type":"server_error"}}""",
        "{ \"choices\" : [ { \"delta\" : { \"content\" :\t\"spaced\" } , \"finish_reason\" :\r\n\"length\" } ] , \"usage\" : { \"completion_tokens\" : 1 } }",
        """{"choices":[{"delta":{"content":"a \"content\":\"x\" and \"finish_reason\":\"stop\" and \"error\" and \"usage\":{} quoted"},"finish_reason":null}],"usage":null}""",
        """{"choices":[{"delta":{"content":"unterminated \" string""",
        """{"choices":[{"delta":{"content":null,"role":"content","arguments":"x"}}],"usage":"none","finish_reason":1}""",
        """{"a":"content","b":"error"}""",
        "\"content\":\"x\"",
        """[DONE]""",
        "",
    ];

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Scan_AtEveryOffsetAndLength_AgreesWithASearchPerKey(string chunk)
    {
        // Padding before and after moves each key across the 32-byte blocks and the overlapped last block.
        for (var before = 0; before <= 40; before++)
        {
            foreach (var after in (int[])[0, 1, 7, 31, 32, 33])
            {
                var bytes = Encoding.UTF8.GetBytes(new string(' ', before) + chunk + new string(' ', after));
                var expected = PerKey(bytes);
                foreach (var vectorised in (bool[])[true, false])
                {
                    var facts = OpenAIChunkScan.Scan(bytes, vectorised);
                    Assert.True(expected.TextBytes == facts.TextBytes, $"text bytes {facts.TextBytes}, expected {expected.TextBytes} (before {before}, after {after}, vectorised {vectorised})");
                    Assert.True(expected.Finish == facts.Finish, $"finish (before {before}, after {after}, vectorised {vectorised})");
                    Assert.True(expected.UsageObject == facts.UsageObject, $"usage (before {before}, after {after}, vectorised {vectorised})");
                    Assert.True(expected.NamesError == facts.NamesError, $"error (before {before}, after {after}, vectorised {vectorised})");
                }
            }
        }
    }

    [Fact]
    public void Scan_KeysInsideAMeasuredLongString_AreNotCountedAgain()
    {
        var inner = string.Concat(Enumerable.Repeat("""\"content\":\"xx\" """, 20));
        var json = Encoding.UTF8.GetBytes($$$"""{"choices":[{"delta":{"content":"{{{inner}}}"},"finish_reason":"stop"}],"usage":{"completion_tokens":1}}""");

        foreach (var vectorised in (bool[])[true, false])
        {
            var facts = OpenAIChunkScan.Scan(json, vectorised);
            Assert.Equal(Encoding.UTF8.GetByteCount(inner), facts.TextBytes);
            Assert.True(facts.Finish);
            Assert.True(facts.UsageObject);
            Assert.False(facts.NamesError);
        }
    }

    [Fact]
    public void Scan_EveryKeyAtEveryPositionOfALongEvent_IsFound()
    {
        // One key of each kind placed at each offset of a 100-byte run of filler that has quotes and key letters.
        string[] keys = ["\"content\":\"ab\"", "\"arguments\":\"abc\"", "\"finish_reason\":\"stop\"", "\"usage\":{}", "\"error\":1"];
        foreach (var key in keys)
        {
            for (var at = 0; at <= 100; at++)
            {
                var filler = string.Concat(Enumerable.Repeat("\"cafue\":0,", 11));
                var json = Encoding.UTF8.GetBytes("{" + filler[..at] + key + "," + filler[at..] + "}");
                var expected = PerKey(json);
                var facts = OpenAIChunkScan.Scan(json, vectorised: true);
                Assert.Equal(expected, facts);
                Assert.True(facts.TextBytes > 0 || facts.Finish || facts.UsageObject || facts.NamesError, $"{key} at {at}");
            }
        }
    }

    /// <summary>The relay's checks before the one-pass scan: a vectorised search per key.</summary>
    private static ChunkFacts PerKey(ReadOnlySpan<byte> json) => new()
    {
        TextBytes = StringBytes(json, "\"content\""u8) + StringBytes(json, "\"arguments\""u8),
        Finish = AnyValueStartsWith(json, "\"finish_reason\""u8, (byte)'"'),
        UsageObject = AnyValueStartsWith(json, "\"usage\""u8, (byte)'{'),
        NamesError = json.IndexOf("\"error\""u8) >= 0,
    };

    private static bool AnyValueStartsWith(ReadOnlySpan<byte> json, ReadOnlySpan<byte> key, byte first)
    {
        int at;
        while ((at = json.IndexOf(key)) >= 0)
        {
            json = json[(at + key.Length)..];
            var rest = json.TrimStart(" \t\r\n"u8);
            if (rest.Length > 0 && rest[0] == (byte)':')
            {
                rest = rest[1..].TrimStart(" \t\r\n"u8);
                if (rest.Length > 0 && rest[0] == first)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static long StringBytes(ReadOnlySpan<byte> json, ReadOnlySpan<byte> key)
    {
        long total = 0;
        int at;
        while ((at = json.IndexOf(key)) >= 0)
        {
            json = json[(at + key.Length)..].TrimStart(" \t\r\n"u8);
            if (json.IsEmpty || json[0] != (byte)':')
            {
                continue;
            }

            json = json[1..].TrimStart(" \t\r\n"u8);
            if (json.IsEmpty || json[0] != (byte)'"')
            {
                continue;
            }

            var s = json[1..];
            var i = 0;
            while (i < s.Length && s[i] != (byte)'"')
            {
                i += s[i] == (byte)'\\' ? 2 : 1;
            }

            i = Math.Min(i, s.Length);
            total += i;
            json = json[Math.Min(json.Length, i + 2)..];
        }

        return total;
    }
}
