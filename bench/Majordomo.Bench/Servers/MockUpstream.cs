using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Majordomo.Bench.Servers;

/// <summary>
/// A fast fake OpenAI upstream. <c>POST /v1/chat/completions</c> answers a fixed completion, or with
/// <c>"stream": true</c> an SSE stream of N chunks, each written and flushed on its own, then a usage
/// chunk when <c>stream_options.include_usage</c> is true, then <c>data: [DONE]</c>.
/// <c>GET /v1/models</c> lists the one model; <c>GET /health</c> answers 200.
/// Chunk count and per-chunk delay default to the command-line values and can be overridden per
/// request with the query (<c>?chunks=N&amp;delay_ms=D</c>) or the headers <c>x-mock-chunks</c> /
/// <c>x-mock-delay-ms</c>. Only <c>stream</c> and <c>stream_options</c> are read from the body.
/// Paced (with a <see cref="PacedClock"/>): chunks wait for the shared clock's ticks instead of a delay of
/// their own, and each carries its number (<see cref="MockPayloads.NumberedFrame"/>) for the order check.
/// </summary>
internal sealed class MockUpstream
{
    private const int MaxRequestBytes = 4 * 1024 * 1024;
    private const int MaxDelayMs = 60_000;

    private readonly int _defaultChunks;
    private readonly int _defaultDelayMs;
    private readonly ReadOnlyMemory<byte>[] _usageFrames = new ReadOnlyMemory<byte>[MockPayloads.MaxChunks + 1];
    private readonly PacedClock? _clock;
    private readonly ReadOnlyMemory<byte>[][] _numbered = [new ReadOnlyMemory<byte>[MockPayloads.MaxChunks], new ReadOnlyMemory<byte>[MockPayloads.MaxChunks]];

    public MockUpstream(int chunks, int delayMs, PacedClock? clock = null)
    {
        _defaultChunks = chunks;
        _defaultDelayMs = delayMs;
        _clock = clock;
    }

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if (string.Equals(path, "/v1/chat/completions", StringComparison.Ordinal))
        {
            return HttpMethods.IsPost(request.Method)
                ? ChatCompletionsAsync(context)
                : WriteAsync(context.Response, StatusCodes.Status405MethodNotAllowed, "application/json", MockPayloads.NotFound);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            if (string.Equals(path, "/v1/models", StringComparison.Ordinal))
            {
                return WriteAsync(context.Response, StatusCodes.Status200OK, "application/json", MockPayloads.Models);
            }

            if (string.Equals(path, "/health", StringComparison.Ordinal))
            {
                return WriteAsync(context.Response, StatusCodes.Status200OK, "application/json", MockPayloads.Health);
            }
        }

        return WriteAsync(context.Response, StatusCodes.Status404NotFound, "application/json", MockPayloads.NotFound);
    }

    private async Task ChatCompletionsAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var reader = context.Request.BodyReader;
        RequestFlags flags;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxRequestBytes)
            {
                reader.AdvanceTo(buffer.End);
                await WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "application/json", MockPayloads.TooLarge);
                return;
            }

            if (result.IsCompleted)
            {
                flags = ParseFlags(buffer);
                reader.AdvanceTo(buffer.End);
                break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        if (flags == RequestFlags.Invalid)
        {
            await WriteAsync(context.Response, StatusCodes.Status400BadRequest, "application/json", MockPayloads.BadRequest);
            return;
        }

        if ((flags & RequestFlags.Stream) == 0)
        {
            await WriteAsync(context.Response, StatusCodes.Status200OK, "application/json", MockPayloads.Completion);
            return;
        }

        var chunks = ReadOverride(context.Request, "chunks", "x-mock-chunks", _defaultChunks, MockPayloads.MinChunks, MockPayloads.MaxChunks);
        var delayMs = ReadOverride(context.Request, "delay_ms", "x-mock-delay-ms", _defaultDelayMs, 0, MaxDelayMs);
        try
        {
            await StreamAsync(context.Response, chunks, delayMs, (flags & RequestFlags.IncludeUsage) != 0, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client hung up mid-stream; nothing to do.
        }
    }

    private async Task StreamAsync(HttpResponse response, int chunks, int delayMs, bool includeUsage, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var writer = response.BodyWriter;
        var frames = includeUsage ? MockPayloads.FramesWithUsage : MockPayloads.Frames;
        for (var i = 0; i < chunks; i++)
        {
            if (i > 0 && _clock is not null)
            {
                await _clock.NextTick.WaitAsync(cancellationToken);
            }
            else if (i > 0 && delayMs > 0)
            {
                await Task.Delay(delayMs, cancellationToken);
            }

            var frame = _clock is not null ? Numbered(i, chunks, includeUsage)
                : i == 0 ? frames.First : i == chunks - 1 ? frames.Last : frames.Middle;
            if (!await WriteFrameAsync(writer, frame, cancellationToken))
            {
                return;
            }
        }

        if (includeUsage && !await WriteFrameAsync(writer, UsageFrame(chunks - 1), cancellationToken))
        {
            return;
        }

        await WriteFrameAsync(writer, MockPayloads.Done, cancellationToken);
    }

    /// <summary>Writes one SSE frame and flushes it; false when the client has gone.</summary>
    private static async ValueTask<bool> WriteFrameAsync(PipeWriter writer, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var flush = await writer.WriteAsync(frame, cancellationToken);
        return !flush.IsCompleted && !flush.IsCanceled;
    }

    private ReadOnlyMemory<byte> Numbered(int index, int count, bool includeUsage)
    {
        // Benign race as for usage frames; the last chunk of a shorter stream differs, so it is not cached.
        if (index == count - 1)
        {
            return MockPayloads.NumberedFrame(index, count, includeUsage);
        }

        var cache = _numbered[includeUsage ? 1 : 0];
        var frame = cache[index];
        if (frame.IsEmpty)
        {
            frame = MockPayloads.NumberedFrame(index, MockPayloads.MaxChunks + 1, includeUsage);
            cache[index] = frame;
        }

        return frame;
    }

    private ReadOnlyMemory<byte> UsageFrame(int completionTokens)
    {
        // Benign race: two requests may both build the same frame; either copy is correct.
        var frame = _usageFrames[completionTokens];
        if (frame.IsEmpty)
        {
            frame = MockPayloads.BuildUsageFrame(completionTokens);
            _usageFrames[completionTokens] = frame;
        }

        return frame;
    }

    private static Task WriteAsync(HttpResponse response, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.BodyWriter.WriteAsync(body).AsTask();
    }

    private static int ReadOverride(HttpRequest request, string queryName, string headerName, int fallback, int min, int max)
    {
        StringValues text = default;
        if (request.QueryString.HasValue)
        {
            text = request.Query[queryName];
        }

        if (StringValues.IsNullOrEmpty(text))
        {
            text = request.Headers[headerName];
        }

        if (StringValues.IsNullOrEmpty(text)
            || !int.TryParse(text.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return fallback;
        }

        return Math.Clamp(value, min, max);
    }

    /// <summary>Reads the top-level <c>stream</c> and <c>stream_options.include_usage</c> in one pass.</summary>
    private static RequestFlags ParseFlags(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return RequestFlags.Invalid;
            }

            var flags = RequestFlags.None;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return flags;
                }

                if (reader.ValueTextEquals("stream"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.True)
                    {
                        flags |= RequestFlags.Stream;
                    }
                }
                else if (reader.ValueTextEquals("stream_options"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        continue;
                    }

                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var isIncludeUsage = reader.ValueTextEquals("include_usage"u8);
                        reader.Read();
                        if (isIncludeUsage && reader.TokenType == JsonTokenType.True)
                        {
                            flags |= RequestFlags.IncludeUsage;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return RequestFlags.Invalid;
        }
        catch (JsonException)
        {
            return RequestFlags.Invalid;
        }
    }

    [Flags]
    private enum RequestFlags
    {
        None = 0,
        Stream = 1,
        IncludeUsage = 2,
        Invalid = 4,
    }
}
