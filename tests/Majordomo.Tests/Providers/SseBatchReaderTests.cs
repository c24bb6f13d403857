using System.IO.Pipelines;
using System.Text;
using Majordomo.Providers;

namespace Majordomo.Tests.Providers;

public sealed class SseBatchReaderTests
{
    private static async Task<List<(string? Type, string Data)>> ReadAllAsync(Stream stream, int maxEventBytes = 1 << 20)
    {
        var reader = new SseBatchReader(stream, maxEventBytes);
        var batch = new SseBatch();
        var events = new List<(string?, string)>();
        while (await reader.ReadAsync(batch, CancellationToken.None))
        {
            Assert.True(batch.Count > 0);
            for (var i = 0; i < batch.Count; i++)
            {
                events.Add((batch.EventType(i), Encoding.UTF8.GetString(batch.Data(i))));
            }
        }

        reader.Complete();
        return events;
    }

    private static MemoryStream Text(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public async Task ReadAsync_OpenAIStream_YieldsEachDataPayload()
    {
        var events = await ReadAllAsync(Text("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n"));

        Assert.Equal(new[] { "{\"a\":1}", "{\"b\":2}", "[DONE]" }, events.Select(e => e.Data).ToArray());
        Assert.All(events, e => Assert.Null(e.Type));
    }

    [Fact]
    public async Task ReadAsync_CrLfCommentsAndNoSpace_AreHandled()
    {
        var events = await ReadAllAsync(Text(": OPENROUTER PROCESSING\r\n\r\ndata:{\"x\":1}\r\n\r\nid: 7\r\nretry: 100\r\ndata: y\r\n\r\n"));

        Assert.Equal(new[] { "{\"x\":1}", "y" }, events.Select(e => e.Data).ToArray());
    }

    [Fact]
    public async Task ReadAsync_MultiLineDataAndEventType_JoinedWithNewline()
    {
        var events = await ReadAllAsync(Text("event: message_start\ndata: line1\ndata: line2\n\nevent: ping\ndata: {}\n\n"));

        Assert.Equal(("message_start", "line1\nline2"), events[0]);
        Assert.Equal(("ping", "{}"), events[1]);
    }

    [Fact]
    public async Task ReadAsync_EventSplitAcrossReads_IsReassembledAndBatchesFollowArrivals()
    {
        var pipe = new Pipe();
        var reader = new SseBatchReader(pipe.Reader.AsStream(), 1 << 20);
        var batch = new SseBatch();

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: {\"first\":"));
        var pending = reader.ReadAsync(batch, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted); // half an event is not an event

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("1}\n\ndata: two\n\ndata: thr"));
        Assert.True(await pending);
        Assert.Equal(2, batch.Count); // everything complete that arrived together
        Assert.Equal("{\"first\":1}", Encoding.UTF8.GetString(batch.Data(0)));
        Assert.Equal("two", Encoding.UTF8.GetString(batch.Data(1)));

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("ee\n\n"));
        await pipe.Writer.CompleteAsync();
        Assert.True(await reader.ReadAsync(batch, CancellationToken.None));
        Assert.Equal("three", Encoding.UTF8.GetString(Assert.Single(new[] { batch.Data(0).ToArray() })));
        Assert.False(await reader.ReadAsync(batch, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_WaitingForTheUpstream_TheBatchHoldsNoArray()
    {
        // Thousands of idle paced streams: neither the reader's buffer nor the batch's events array (nor a
        // stale reference to the buffer given back to the pool) may stay with a stream between arrivals.
        var pipe = new Pipe();
        var reader = new SseBatchReader(pipe.Reader.AsStream(), 1 << 20);
        var batch = new SseBatch();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: one\n\n"));
        Assert.True(await reader.ReadAsync(batch, CancellationToken.None));
        Assert.Equal("one", Encoding.UTF8.GetString(batch.Data(0)));

        var pending = reader.ReadAsync(batch, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, reader.BufferLength);
        Assert.False(batch.HoldsArrays);

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: two\n\n"));
        Assert.True(await pending);
        Assert.Equal("two", Encoding.UTF8.GetString(Assert.Single(new[] { batch.Data(0).ToArray() })));
    }

    [Fact]
    public async Task ReadAsync_EventsStraddlingBufferSegments_AreParsedWhole()
    {
        // 10 KB events cross the reader's 16 KB segments, exercising the multi-segment parser.
        var payloads = Enumerable.Range(0, 5).Select(i => new string((char)('a' + i), 10_000)).ToArray();
        var text = string.Concat(payloads.Select((p, i) => (i % 2 == 0 ? "data: " : "event: e\r\ndata:") + p + (i % 2 == 0 ? "\n\n" : "\r\n\r\n")));

        var events = await ReadAllAsync(Text(text));

        Assert.Equal(payloads, events.Select(e => e.Data).ToArray());
        Assert.Equal(new string?[] { null, "e", null, "e", null }, events.Select(e => e.Type).ToArray());
    }

    [Fact]
    public async Task ReadAsync_TrailingEventWithoutBlankLine_IsDropped()
    {
        var events = await ReadAllAsync(Text("data: complete\n\ndata: cut off"));

        Assert.Equal("complete", Assert.Single(events).Data);
    }

    [Fact]
    public async Task ReadAsync_EventLargerThanLimit_Throws()
    {
        var huge = "data: " + new string('x', 5000);

        await Assert.ThrowsAsync<UpstreamBodyTooLargeException>(() => ReadAllAsync(Text(huge), maxEventBytes: 1024));
    }

    [Fact]
    public async Task ReadAsync_BlankLinesWithoutData_DispatchNothing()
    {
        var events = await ReadAllAsync(Text("\n\n\nevent: only-type\n\ndata: real\n\n"));

        Assert.Equal("real", Assert.Single(events).Data);
    }

    [Fact]
    public async Task ReadAsync_EventBiggerThanTheFirstBuffer_GrowsItAndKeepsTheEventWhole()
    {
        // Arrives 1 KB a read, so the event is pending across several reads and outgrows the first buffer.
        var big = new string('b', 3 * SseBatchReader.InitialBufferBytes);
        var bytes = Encoding.UTF8.GetBytes("data: small\n\ndata: " + big + "\n\ndata: after\n\n");
        var reader = new SseBatchReader(new TrickleStream(bytes, 1024), 1 << 20);
        var batch = new SseBatch();
        Assert.Equal(0, reader.BufferLength); // nothing held before the first read

        var events = new List<string>();
        var largestBuffer = 0;
        while (await reader.ReadAsync(batch, CancellationToken.None))
        {
            largestBuffer = Math.Max(largestBuffer, reader.BufferLength);
            for (var i = 0; i < batch.Count; i++)
            {
                events.Add(Encoding.UTF8.GetString(batch.Data(i)));
            }
        }

        Assert.Equal(new[] { "small", big, "after" }, events.ToArray());
        Assert.True(largestBuffer > big.Length, $"buffer {largestBuffer} B for a {big.Length} B event");
        Assert.Equal(0, reader.BufferLength); // returned at the end of the stream
    }

    [Fact]
    public async Task ReadAsync_OneByteAReadStream_ParsesEveryEvent()
    {
        var text = "event: message_start\r\ndata: {\"a\":1}\r\n\r\n: keep-alive\n\ndata: x\ndata: y\n\ndata: [DONE]\n\n";
        var reader = new SseBatchReader(new TrickleStream(Encoding.UTF8.GetBytes(text), 1), 1 << 20);
        var batch = new SseBatch();
        var events = new List<(string?, string)>();
        while (await reader.ReadAsync(batch, CancellationToken.None))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                events.Add((batch.EventType(i), Encoding.UTF8.GetString(batch.Data(i))));
            }
        }

        Assert.Equal(new (string?, string)[] { ("message_start", "{\"a\":1}"), (null, "x\ny"), (null, "[DONE]") }, events.ToArray());
    }

    [Fact]
    public async Task ReadAsync_WaitingWithNothingPending_HoldsNoBuffer_AndAHalfEventKeepsIt()
    {
        var pipe = new Pipe();
        var reader = new SseBatchReader(pipe.Reader.AsStream(), 1 << 20);
        var batch = new SseBatch();

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: one\n\n"));
        Assert.True(await reader.ReadAsync(batch, CancellationToken.None));
        Assert.True(reader.BufferLength > 0); // the batch's events are views of it

        var waiting = reader.ReadAsync(batch, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, reader.BufferLength); // silent upstream: the buffer is back in the pool

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: tw"));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.True(reader.BufferLength > 0); // half an event is kept until the rest arrives

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("o\n\n"));
        Assert.True(await waiting);
        Assert.Equal("two", Encoding.UTF8.GetString(batch.Data(0)));

        reader.Complete();
        Assert.Equal(0, reader.BufferLength);
    }

    // Hands out at most `piece` bytes a read; a zero-byte read returns at once (like a stream without that support).
    private sealed class TrickleStream(byte[] bytes, int piece) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, piece), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
