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

    [Fact]
    public void ShapedScan_RandomStreams_GivesEachEventsOwnFacts()
    {
        // Chunks of a stream share their bytes around the text; these vary them (role, tool calls, a finish, usage,
        // an error, a field after the choices, spacing) and put keys, quotes and escapes inside the text.
        string[] texts = ["", "a", "Requests flow", "w\\\"o", "\\\"content\\\":\\\"x\\\"", "\"content\":\"x\"", "é ✓ 😀", "\\\\", "\\\"finish_reason\\\":\\\"stop\\\" \\\"usage\\\":{} \\\"error\\\"", "ends in \\", new string('x', 70)];
        string[] heads =
        [
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"",
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"",
            "{\"id\":\"chatcmpl-2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"",
            "{\"id\":\"c\",\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"",
            "{\"error\":{\"message\":\"",
            "{\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{\"content\":\"",
            "{ \"choices\" : [ { \"delta\" : { \"content\" : \"",
            "{\"c\":\"",
        ];
        string[] tails =
        [
            "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}",
            "\"},\"finish_reason\":null}],\"usage\":{\"completion_tokens\":3}}",
            "\"},\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Xy\"}",
            "\"}}]},\"finish_reason\":null}],\"usage\":null}",
            "\",\"content\":\"second\",\"arguments\":\"third\"}}]}",
            "\",\"type\":\"server_error\"}}",
            "\"}",
            "\"",
            "",
        ];
        var random = new Random(16);
        var shaped = 0;
        foreach (var vectorised in (bool[])[true, false])
        {
            for (var stream = 0; stream < 400; stream++)
            {
                ChunkShape? shape = null;
                var head = heads[random.Next(heads.Length)];
                var tail = tails[random.Next(tails.Length)];
                for (var chunk = 0; chunk < 12; chunk++)
                {
                    // Mostly the same shape as the chunk before, as a stream's chunks are.
                    if (random.Next(4) == 0)
                    {
                        head = heads[random.Next(heads.Length)];
                    }

                    if (random.Next(4) == 0)
                    {
                        tail = tails[random.Next(tails.Length)];
                    }

                    var bytes = Encoding.UTF8.GetBytes(new string(' ', random.Next(3) == 0 ? 1 : 0) + head + texts[random.Next(texts.Length)] + tail);
                    shaped += shape is not null && shape.Head(bytes) > 0 ? 1 : 0;
                    // The plain scan is the reference (tested above against a search per key).
                    Assert.Equal(OpenAIChunkScan.Scan(bytes, vectorised), OpenAIChunkScan.Scan(bytes, ref shape, vectorised));
                }
            }
        }

        // The shortcut is taken (most chunks share their head with the chunk before), not only the full scan.
        Assert.True(shaped > 1500, $"{shaped} chunks scanned from their text");
    }

    [Fact]
    public void ShapedScan_TheMockStream_ScansEveryChunkAfterTheSecondFromItsText()
    {
        ChunkShape? shape = null;
        var events = MockStreamEvents();
        for (var i = 0; i < events.Count; i++)
        {
            var data = events[i];
            var fromText = shape is not null && shape.Head(data) > 0;
            Assert.Equal(OpenAIChunkScan.Scan(data), OpenAIChunkScan.Scan(data, ref shape));

            // The first chunk carries the role, the last the finish reason, then the usage-only chunk.
            Assert.Equal(i >= 2 && i < events.Count - 2, fromText);
        }
    }

    [Fact]
    public void ShapedScan_ShapeReleasedMidStream_NextChunkScannedWholeThenRemembered_SameFacts()
    {
        ChunkShape? shape = null;
        var events = MockStreamEvents();
        for (var i = 0; i < 5; i++)
        {
            OpenAIChunkScan.Scan(events[i], ref shape);
        }

        // Released (its bytes back in the pool): nothing is remembered, so no chunk takes the shortcut on stale bytes.
        var released = shape!;
        released.Release();
        released.Release(); // twice is harmless
        Assert.Equal(0, released.Head(events[5]));
        Assert.Equal(OpenAIChunkScan.Scan(events[5]), OpenAIChunkScan.Scan(events[5], ref shape));

        // That whole scan remembered the chunk again (in the same object): the next one is scanned from its text.
        Assert.Same(released, shape);
        Assert.True(shape!.Head(events[6]) > 0);
        Assert.Equal(OpenAIChunkScan.Scan(events[6]), OpenAIChunkScan.Scan(events[6], ref shape));
    }

    [Fact]
    public void ShapedScan_ChunkShapeOutgrowsItsBytes_TakesALargerArray_SameFacts()
    {
        ChunkShape? shape = null;
        var small = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]}");
        var big = Encoding.UTF8.GetBytes("{\"id\":\"" + new string('b', 600) + "\",\"choices\":[{\"delta\":{\"content\":\"y\"}}],\"usage\":null}");
        Assert.Equal(OpenAIChunkScan.Scan(small), OpenAIChunkScan.Scan(small, ref shape));
        Assert.Equal(OpenAIChunkScan.Scan(big), OpenAIChunkScan.Scan(big, ref shape));
        Assert.True(shape!.Head(big) > 600);
        Assert.Equal(0, shape.Head(small));
        Assert.Equal(OpenAIChunkScan.Scan(big), OpenAIChunkScan.Scan(big, ref shape));
        shape!.Release();
    }

    // The data of the bench mock's stream with usage (20 chunks, the usage-only chunk), as OpenAI words it.
    private static List<byte[]> MockStreamEvents()
    {
        const string Head = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"bench-model\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,\"delta\":{";
        const string Tail = "},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
        var events = new List<byte[]> { Encoding.UTF8.GetBytes(Head + "\"role\":\"assistant\",\"content\":\"\"" + Tail) };
        for (var i = 1; i < 19; i++)
        {
            events.Add(Encoding.UTF8.GetBytes(Head + "\"content\":\"word" + i + " \"" + Tail));
        }

        events.Add(Encoding.UTF8.GetBytes(Head + "},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}"));
        events.Add(Encoding.UTF8.GetBytes("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"bench-model\",\"choices\":[],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":20,\"total_tokens\":44}}"));
        return events;
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
