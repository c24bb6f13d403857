using System.Text;
using Majordomo.Chat;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.OpenAI;

/// <summary>The OpenAI relay inspects a read's plain content chunks in one go and the special ones event by event.</summary>
public sealed class OpenAIStreamRelayTests
{
    private const string Chunk1 = """{"id":"c","choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}],"usage":null}""";
    private const string Chunk2 = """{"id":"c","choices":[{"index":0,"delta":{"content":" w\"o"},"finish_reason":null}],"usage":null}""";
    private const string Finish = """{"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}""";
    private const string UsageOnly = """{"id":"c","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3}}""";

    private sealed class Recorder : IEventWriter
    {
        public StringBuilder Text { get; } = new();

        public void WriteEvent(string? eventType, ReadOnlySpan<byte> data) => Text.Append("data: ").Append(Encoding.UTF8.GetString(data)).Append("\n\n");

        public void WriteRaw(ReadOnlySpan<byte> events) => Text.Append(Encoding.UTF8.GetString(events));
    }

    private static async Task<(string Written, StreamProgress Progress, string? Error)> RelayOneReadAsync(string upstream, bool clientWantsUsage)
    {
        var reader = new SseBatchReader(new MemoryStream(Encoding.UTF8.GetBytes(upstream)), 1 << 20);
        var batch = new SseBatch();
        Assert.True(await reader.ReadAsync(batch, CancellationToken.None));
        var writer = new Recorder();
        var progress = new StreamProgress { ClientWantsUsage = clientWantsUsage };
        var error = new OpenAIStreamRelay().Relay(batch, writer, ref progress);
        reader.Complete();
        return (writer.Text.ToString(), progress, error);
    }

    [Fact]
    public async Task Relay_PlainChunksThenUsageAndDone_CountsTextFinishAndUsageAndForwardsTheUpstreamBytes()
    {
        // CRLF framing and a comment: the read is forwarded as the upstream wrote it.
        var upstream = $"data: {Chunk1}\r\n\r\n: keep-alive\n\ndata: {Chunk2}\n\ndata: {Finish}\n\ndata: {UsageOnly}\n\ndata: [DONE]\n\n";

        var (written, progress, error) = await RelayOneReadAsync(upstream, clientWantsUsage: true);

        Assert.Null(error);
        Assert.Equal(upstream, written);
        Assert.Equal(5 + 5, progress.TextBytes); // "Hello" and " w\"o" as JSON string bytes
        Assert.True(progress.Finished);
        Assert.True(progress.Ended);
        Assert.Equal(new Usage(7, 3, 0, true), progress.Usage);
    }

    [Fact]
    public async Task Relay_UsageChunkTheClientDidNotAskFor_IsLeftOutAndThePlainPrefixGoesOutAsIs()
    {
        var prefix = $"data: {Chunk1}\r\n\r\ndata: {Finish}\n\n";
        var upstream = prefix + $"data: {UsageOnly}\n\ndata: [DONE]\n\n";

        var (written, progress, _) = await RelayOneReadAsync(upstream, clientWantsUsage: false);

        Assert.Equal(prefix + "data: [DONE]\n\n", written);
        Assert.Equal(3, progress.Usage.OutputTokens);
        Assert.True(progress.Finished);
        Assert.Equal(5, progress.TextBytes);
    }

    [Fact]
    public async Task Relay_ErrorEventAfterPlainChunks_ForwardsTheChunksBeforeItOnly()
    {
        var prefix = $"data: {Chunk1}\n\ndata: {Chunk2}\n\n";
        var upstream = prefix + "data: {\"error\":{\"message\":\"bad key sk-secret\"}}\n\n" + $"data: {Chunk1}\n\n";

        var (written, progress, error) = await RelayOneReadAsync(upstream, clientWantsUsage: true);

        Assert.Equal(prefix, written.Replace("\r", ""));
        Assert.NotNull(error);
        Assert.Equal(10, progress.TextBytes);
        Assert.False(progress.Finished);
    }

    [Fact]
    public async Task Relay_DoneInsideContentText_IsNotTheEndMarker()
    {
        var chunk = """{"choices":[{"delta":{"content":"say [DONE] now"},"finish_reason":null}],"usage":null}""";
        var upstream = $"data: {chunk}\n\ndata: {Finish}\n\n";

        var (written, progress, _) = await RelayOneReadAsync(upstream, clientWantsUsage: true);

        Assert.Equal(upstream, written);
        Assert.False(progress.Ended);
        Assert.True(progress.Finished);
        Assert.Equal(14, progress.TextBytes);
    }

    [Fact]
    public async Task SseBatch_EndOfEachEvent_SplitsTheRawBytesAtEventBoundaries()
    {
        var upstream = "data: a\r\n\r\n: c\n\nevent: x\ndata: b\ndata: c\n\ndata: d\n\n";
        var reader = new SseBatchReader(new MemoryStream(Encoding.UTF8.GetBytes(upstream)), 1 << 20);
        var batch = new SseBatch();
        Assert.True(await reader.ReadAsync(batch, CancellationToken.None));

        var raw = Encoding.UTF8.GetString(batch.Raw.Span);
        Assert.Equal(3, batch.Count);
        Assert.Equal("data: a\r\n\r\n", raw[..batch.End(0)]);
        Assert.Equal("data: a\r\n\r\n: c\n\nevent: x\ndata: b\ndata: c\n\n", raw[..batch.End(1)]);
        Assert.Equal(upstream, raw[..batch.End(2)]);
        Assert.Equal("b\nc", Encoding.UTF8.GetString(batch.Data(1)));
        Assert.Equal("d", Encoding.UTF8.GetString(batch.Data(2)));
        reader.Complete();
    }

    /// <summary>Relays a stream the upstream delivers in the given reads (each a segment of the bytes), as the executor does.</summary>
    private static Task<(string Written, StreamProgress Progress, string? Error)> RelayReadsAsync(bool clientWantsUsage, params string[] reads) =>
        RelayReadsAsync(clientWantsUsage, reads.Select(Encoding.UTF8.GetBytes).ToArray());

    private static async Task<(string Written, StreamProgress Progress, string? Error)> RelayReadsAsync(bool clientWantsUsage, byte[][] reads)
    {
        var reader = new SseBatchReader(new SegmentStream(reads), 1 << 20);
        var batch = new SseBatch();
        var writer = new Recorder();
        var progress = new StreamProgress { ClientWantsUsage = clientWantsUsage };
        var relay = new OpenAIStreamRelay();
        string? error = null;
        while (error is null && !progress.Ended && await reader.ReadAsync(batch, CancellationToken.None))
        {
            error = relay.Relay(batch, writer, ref progress);
        }

        reader.Complete();
        return (writer.Text.ToString(), progress, error);
    }

    [Fact]
    public async Task Relay_UsageChunkSplitAcrossReads_IsReadWhenItsEventIsComplete()
    {
        var usageEvent = $"data: {UsageOnly}\n\n";
        var cut = usageEvent.IndexOf("\"usage\"", StringComparison.Ordinal) + 3;

        var (written, progress, error) = await RelayReadsAsync(true,
            $"data: {Chunk1}\n\ndata: {Finish}\n\n" + usageEvent[..cut], usageEvent[cut..] + "data: [DONE]\n\n");

        Assert.Null(error);
        Assert.Equal(new Usage(7, 3, 0, true), progress.Usage);
        Assert.True(progress.Finished);
        Assert.True(progress.Ended);
        Assert.Equal(5, progress.TextBytes);
        Assert.Equal($"data: {Chunk1}\n\ndata: {Finish}\n\n{usageEvent}data: [DONE]\n\n", written);
    }

    [Fact]
    public async Task Relay_OneEventPerRead_UsageInTheLastEventAndTheEndMarkerFound()
    {
        var (written, progress, error) = await RelayReadsAsync(false,
            $"data: {Chunk1}\n\n", $"data: {Chunk2}\n\n", $"data: {Finish}\n\n", $"data: {UsageOnly}\n\n", "data: [DONE]\n\n", $"data: {Chunk1}\n\n");

        Assert.Null(error);
        Assert.Equal(new Usage(7, 3, 0, true), progress.Usage);
        Assert.True(progress.Ended);
        Assert.Equal(10, progress.TextBytes);
        Assert.Equal(5, progress.AnswerEvents); // nothing after [DONE] is read
        Assert.Equal($"data: {Chunk1}\n\ndata: {Chunk2}\n\ndata: {Finish}\n\ndata: [DONE]\n\n", written);
    }

    [Theory]
    [InlineData("""{"error":{"message":"overloaded"}}""")]
    [InlineData("""{"object":"error","error":{"message":"overloaded"}}""")]
    [InlineData(""" {"error":"overloaded"}""")]
    public async Task Relay_ErrorEventInItsOwnReadOrAfterChunks_EndsTheStreamWithoutIt(string errorEvent)
    {
        var alone = await RelayReadsAsync(true, $"data: {Chunk1}\n\n", $"data: {errorEvent}\n\n", $"data: {Chunk2}\n\n");
        var together = await RelayReadsAsync(true, $"data: {Chunk1}\n\ndata: {errorEvent}\n\ndata: {Chunk2}\n\n");

        foreach (var (written, progress, error) in new[] { alone, together })
        {
            Assert.Contains("overloaded", error);
            Assert.Equal($"data: {Chunk1}\n\n", written);
            Assert.Equal(5, progress.TextBytes);
        }
    }

    [Fact]
    public async Task Relay_ChunkBeginningWithIdThatNamesError_IsAnAnswerChunk()
    {
        // An object whose first property is "id" is never an error event (the parse stops there): it goes out.
        var chunk = """{"id":"c","error":{"message":"ignored"},"choices":[{"delta":{"content":"ok"},"finish_reason":"stop"}]}""";

        foreach (var (written, progress, error) in new[]
        {
            await RelayReadsAsync(true, $"data: {chunk}\n\n"),
            await RelayReadsAsync(true, $"data: {Chunk1}\n\ndata: {chunk}\n\n"),
        })
        {
            Assert.Null(error);
            Assert.EndsWith($"data: {chunk}\n\n", written);
            Assert.True(progress.Finished);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Relay_StreamCutIntoTwoReadsAtEveryByte_CountsAndForwardsAsInOneRead(bool clientWantsUsage)
    {
        // Multi-byte text, an escaped quote, a tool call's arguments and a key straddling every cut.
        var tool = """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"q\":\"é ✓\"}"}}]},"finish_reason":null}],"usage":null}""";
        var text = """{"id":"c","choices":[{"index":0,"delta":{"content":"😀 naïve \" ünï"},"finish_reason":null}],"usage":null}""";
        var upstream = Encoding.UTF8.GetBytes($"data: {Chunk1}\n\ndata: {text}\r\n\r\ndata: {tool}\n\ndata: {Finish}\n\ndata: {UsageOnly}\n\ndata: [DONE]\n\n");
        var whole = await RelayReadsAsync(clientWantsUsage, [upstream]);
        Assert.Null(whole.Error);
        Assert.True(whole.Progress.Ended);
        Assert.True(whole.Progress.Finished);
        Assert.Equal(new Usage(7, 3, 0, true), whole.Progress.Usage);
        Assert.Equal(5 + Encoding.UTF8.GetByteCount("😀 naïve \\\" ünï") + Encoding.UTF8.GetByteCount("{\\\"q\\\":\\\"é ✓\\\"}"), whole.Progress.TextBytes);

        for (var cut = 1; cut < upstream.Length; cut++)
        {
            var (written, progress, error) = await RelayReadsAsync(clientWantsUsage, [upstream[..cut], upstream[cut..]]);
            Assert.Null(error);
            Assert.Equal(whole.Written, written);
            Assert.Equal(whole.Progress.TextBytes, progress.TextBytes);
            Assert.Equal(whole.Progress.Usage, progress.Usage);
            Assert.True(progress.Finished && progress.Ended, $"cut at {cut}");
        }
    }

    [Fact]
    public async Task Relay_ErrorEventMidStreamCutAtEveryByte_EndsTheStreamAfterTheChunksBeforeIt()
    {
        var upstream = Encoding.UTF8.GetBytes($"data: {Chunk1}\n\ndata: {Chunk2}\n\ndata: {{\"error\":{{\"message\":\"overloaded\"}}}}\n\ndata: {Finish}\n\n");
        for (var cut = 1; cut < upstream.Length; cut++)
        {
            var (written, progress, error) = await RelayReadsAsync(true, [upstream[..cut], upstream[cut..]]);
            Assert.Contains("overloaded", error);
            Assert.Equal($"data: {Chunk1}\n\ndata: {Chunk2}\n\n", written);
            Assert.Equal(10, progress.TextBytes);
            Assert.False(progress.Finished);
        }
    }

    // Hands out one segment per read, as a socket delivers what the upstream flushed.
    private sealed class SegmentStream(byte[][] reads) : Stream
    {
        private int _next;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0 || _next == reads.Length)
            {
                return 0;
            }

            var bytes = reads[_next++];
            Assert.True(bytes.Length <= count, "a test read must fit the reader's buffer");
            bytes.CopyTo(buffer, offset);
            return bytes.Length;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
