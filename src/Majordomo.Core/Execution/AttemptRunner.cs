using System.Runtime.CompilerServices;
using System.Text;
using Majordomo.Chat;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Execution;

/// <summary>
/// Makes one upstream call and says how it ended. Nothing reaches the client before the answer is
/// known to be good: a non-streamed body is checked whole, a stream's first event is read before the
/// answer is committed (until then a failure is invisible to the client and the walk moves on).
/// After the commit, the ingress protocol's <see cref="StreamRelay"/> forwards the events and a failure
/// ends the stream with an error event instead of falling back (no spliced answers).
/// </summary>
internal sealed partial class AttemptRunner(ILogger logger)
{
    /// <summary>Upstream error bodies are read up to this size for classification and pass-through.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>A non-streamed answer larger than this is refused when its length is declared (the next entry is tried), cut when found while forwarding.</summary>
    public const int MaxAnswerBytes = UpstreamResponse.MaxBodyBytes;

    /// <summary>Non-streamed answers up to this size are read whole before the commit; bigger ones are forwarded as they arrive.</summary>
    public const int WholeAnswerBytes = PooledBuffers.MaxKeptBytes;

    // ValueTask throughout: each step is awaited once, and a step that completes synchronously (a whole answer
    // written at once, a stream that arrived in one read) then allocates no Task for its result. The steps every
    // request takes use the pooling builder: one that waits (every upstream call does) reuses a state-machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<AttemptResult> RunAsync(AttemptScope attempt, WireProtocol protocol, ChatRequest request, IClientSink sink, ErrorRuleSet rules)
    {
        var model = attempt.Model;
        UpstreamResponse? response = null;
        try
        {
            var call = new UpstreamCall(request, model.UpstreamModel, model.UpstreamModelJson, attempt.Credential) { MaxOutputTokens = model.MaxOutputTokens, Reasoning = model.Reasoning };
            response = await model.Provider.Client.SendAsync(call, attempt.FirstTokenToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return await RefusedAsync(attempt, response, rules).ConfigureAwait(false);
            }

            if (!request.Stream)
            {
                return await AnswerAsync(attempt, protocol, sink, response, rules).ConfigureAwait(false);
            }

            // A stream, here rather than in methods of its own (each async layer was a state machine and a suspension
            // per request): its first event is peeked before anything is sent, then the answer is committed and each
            // batch relayed and flushed at once, until the end marker or the end of the body.
            var batch = new SseBatch();
            var progress = new StreamProgress { ClientWantsUsage = request.ClientWantsUsage };
            try
            {
                // The first read runs under the first-token timer, as the call did (the reads after it take the attempt's
                // token, so the timer no longer counts once the first event is in); a failure here is still invisible to
                // the client. No token source of its own: the reader takes a token per read.
                bool hasFirst;
                try
                {
                    hasFirst = await response.ReadEventsAsync(batch, attempt.FirstTokenToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    return attempt.Fail(FailureClass.Transient, response.StatusCode, "connection error before the first chunk: " + UpstreamText.Describe(ex));
                }
                catch (UpstreamBodyTooLargeException ex)
                {
                    return attempt.Fail(FailureClass.Transient, response.StatusCode, ex.Message);
                }

                if (RefuseFirst(attempt, protocol, response, batch, hasFirst, rules) is { } refused)
                {
                    return refused;
                }

                var firstByteMs = attempt.ElapsedMs;
                attempt.Committed = true;
                await sink.StartStreamAsync(new AnswerInfo(attempt.Model, attempt.Plan, attempt.Recorder.Count + 1), attempt.ClientAborted).ConfigureAwait(false);
                var relay = protocol.Relay;
                try
                {
                    do
                    {
                        if (relay.Relay(batch, sink, ref progress) is { } upstreamError)
                        {
                            return await StreamFailedAsync(attempt, sink, response, upstreamError, "upstream_error", progress, firstByteMs).ConfigureAwait(false);
                        }

                        await sink.FlushAsync(attempt.ClientAborted).ConfigureAwait(false);
                    }
                    while (!progress.Ended && await response.ReadEventsAsync(batch, attempt.Token).ConfigureAwait(false));
                }
                catch (OperationCanceledException) when (attempt.ClientAborted.IsCancellationRequested)
                {
                    attempt.Record(response.StatusCode, "cancelled", "client disconnected mid-stream");
                    return AttemptResult.Final(StreamOutcome(ExecutionStatus.Cancelled, attempt, progress, firstByteMs));
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or UpstreamBodyTooLargeException)
                {
                    var reason = ex switch
                    {
                        OperationCanceledException => "upstream stream interrupted: " + attempt.TimeoutReason(),
                        UpstreamBodyTooLargeException => "upstream stream interrupted: " + ex.Message,
                        _ => "upstream stream interrupted: " + UpstreamText.Describe(ex),
                    };
                    return await StreamFailedAsync(attempt, sink, response, reason, "upstream_stream_interrupted", progress, firstByteMs).ConfigureAwait(false);
                }

                if (!progress.Ended && !progress.Finished)
                {
                    return await StreamFailedAsync(attempt, sink, response, "upstream ended the stream before the answer was complete", "upstream_stream_truncated", progress, firstByteMs).ConfigureAwait(false);
                }

                attempt.Record(response.StatusCode, "ok", null);
                return AttemptResult.Final(StreamOutcome(ExecutionStatus.Answered, attempt, progress, firstByteMs));
            }
            finally
            {
                // The events' array and the chunk shape's bytes go back to the pool.
                batch.Release();
                progress.ChunkShape?.Release();
            }
        }
        catch (OperationCanceledException) when (attempt.ClientAborted.IsCancellationRequested)
        {
            attempt.Record(null, "cancelled", "client disconnected");
            return AttemptResult.Final(new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = attempt.Recorder.Attempts });
        }
        catch (OperationCanceledException ex)
        {
            return attempt.Fail(FailureClass.Timeout, null, attempt.TimeoutReason(ex));
        }
        catch (UpstreamBodyTooLargeException ex)
        {
            return attempt.Fail(FailureClass.Transient, response?.StatusCode, ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return attempt.Fail(FailureClass.Transient, null, "connection error: " + UpstreamText.Describe(ex));
        }
        catch (IOException ex)
        {
            return attempt.Fail(FailureClass.Transient, response?.StatusCode, "connection error: " + UpstreamText.Describe(ex));
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>An error status: classified; the body is kept for a caller fault, which the client gets as is.</summary>
    private static async ValueTask<AttemptResult> RefusedAsync(AttemptScope attempt, UpstreamResponse response, ErrorRuleSet rules)
    {
        var errorBody = await ReadErrorBodyAsync(attempt, response).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(errorBody);
        var failure = FailureClassifier.Classify(response.StatusCode, text, rules);
        return attempt.Fail(failure, response.StatusCode, attempt.Summarize(response.StatusCode, text), errorBody, response.RetryAfter);
    }

    /// <summary>
    /// A non-streamed answer: up to <see cref="WholeAnswerBytes"/> it is read whole, checked, then written in
    /// one go; a bigger one is checked by its head and forwarded as it arrives (its usage read from the tail),
    /// so answers of tens of megabytes never sit in memory.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<AttemptResult> AnswerAsync(AttemptScope attempt, WireProtocol protocol, IClientSink sink, UpstreamResponse response, ErrorRuleSet rules)
    {
        if (response.ContentLength > MaxAnswerBytes)
        {
            throw new UpstreamBodyTooLargeException(MaxAnswerBytes);
        }

        var (head, length, ended) = await ReadHeadAsync(response, attempt.Token).ConfigureAwait(false);
        try
        {
            return ended
                ? await WholeAnswerAsync(attempt, protocol, sink, response, head.AsMemory(0, length), rules).ConfigureAwait(false)
                : await ForwardAnswerAsync(attempt, protocol, sink, response, head, rules).ConfigureAwait(false);
        }
        finally
        {
            PooledBuffers.Return(head);
        }
    }

    /// <summary>Reads the body into a pooled buffer, grown as needed, until it ends or fills <see cref="WholeAnswerBytes"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(byte[] Buffer, int Length, bool Ended)> ReadHeadAsync(UpstreamResponse response, CancellationToken cancellationToken)
    {
        // One spare byte: a declared length fits and the read that sees the end needs no growth.
        var buffer = PooledBuffers.Rent((int)Math.Min((response.ContentLength ?? 16 * 1024) + 1, WholeAnswerBytes));
        var used = 0;
        try
        {
            while (true)
            {
                if (used == buffer.Length)
                {
                    if (used >= WholeAnswerBytes)
                    {
                        return (buffer, used, false);
                    }

                    var bigger = PooledBuffers.Rent(Math.Min(buffer.Length * 2, WholeAnswerBytes));
                    buffer.AsSpan(0, used).CopyTo(bigger);
                    PooledBuffers.Return(buffer);
                    buffer = bigger;
                }

                var read = await response.ReadBodyPartAsync(buffer.AsMemory(used), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, used, true);
                }

                used += read;
            }
        }
        catch
        {
            PooledBuffers.Return(buffer);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<AttemptResult> WholeAnswerAsync(AttemptScope attempt, WireProtocol protocol, IClientSink sink, UpstreamResponse response, ReadOnlyMemory<byte> body, ErrorRuleSet rules)
    {
        var model = attempt.Model;
        if (Refuse(attempt, protocol, response, body.Span, rules, out var usage) is { } refused)
        {
            return refused;
        }

        var info = new AnswerInfo(model, attempt.Plan, attempt.Recorder.Count + 1);
        attempt.Committed = true;
        attempt.Record(response.StatusCode, "ok", null);
        var attempts = attempt.Recorder.Attempts;
        try
        {
            await sink.WriteBodyAsync(info, body, response.ContentType, attempt.ClientAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The answer was complete; only the client went away while it was written.
            return AttemptResult.Final(new ExecutionOutcome { Status = ExecutionStatus.Cancelled, Attempts = attempts, AnsweredBy = model.Id, Usage = usage, AnswerBytes = body.Length });
        }

        return AttemptResult.Final(new ExecutionOutcome
        {
            Status = ExecutionStatus.Answered,
            Attempts = attempts,
            AnsweredBy = model.Id,
            Usage = usage,
            FirstByteMs = attempt.ElapsedMs,
            AnswerBytes = body.Length,
        });
    }

    /// <summary>The checks made before an answer is committed: an error object in a 2xx, or a body that is not a JSON object.</summary>
    private static AttemptResult? Refuse(AttemptScope attempt, WireProtocol protocol, UpstreamResponse response, ReadOnlySpan<byte> body, ErrorRuleSet rules, out Usage usage)
    {
        var shape = protocol.InspectAnswer(body, out usage);
        if (shape == OpenAIWire.CompletionShape.Error)
        {
            var text = Encoding.UTF8.GetString(body);
            return attempt.Fail(FailureClassifier.ClassifyBody(response.StatusCode, text, rules), response.StatusCode, attempt.Summarize(response.StatusCode, text));
        }

        return shape == OpenAIWire.CompletionShape.NotJson
            ? attempt.Fail(FailureClass.Transient, response.StatusCode, "upstream answered with a body that is not a JSON object")
            : null;
    }

    /// <summary>
    /// A big answer: its head (closed after its last whole property) passes the same checks, then it is
    /// committed and forwarded part by part. A failure after the commit cuts the response short.
    /// </summary>
    private async ValueTask<AttemptResult> ForwardAnswerAsync(AttemptScope attempt, WireProtocol protocol, IClientSink sink, UpstreamResponse response, byte[] head, ErrorRuleSet rules)
    {
        if (Refuse(attempt, protocol, response, BigAnswer.ClosedHead(head), rules, out _) is { } refused)
        {
            return refused;
        }

        var firstByteMs = attempt.ElapsedMs;
        attempt.Committed = true;
        var tail = new AnswerTail();
        long total = head.Length;
        var part = PooledBuffers.Rent(BigAnswer.TailBytes);
        try
        {
            await sink.StartBodyAsync(new AnswerInfo(attempt.Model, attempt.Plan, attempt.Recorder.Count + 1), response.ContentType, attempt.ClientAborted).ConfigureAwait(false);
            tail.Add(head);
            await sink.WriteBodyPartAsync(head, attempt.ClientAborted).ConfigureAwait(false);
            int read;
            while ((read = await response.ReadBodyPartAsync(part, attempt.Token).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxAnswerBytes)
                {
                    throw new UpstreamBodyTooLargeException(MaxAnswerBytes);
                }

                tail.Add(part.AsSpan(0, read));
                await sink.WriteBodyPartAsync(part.AsMemory(0, read), attempt.ClientAborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (attempt.ClientAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            attempt.Record(response.StatusCode, "cancelled", "client disconnected while the answer was forwarded");
            return AttemptResult.Final(ForwardedOutcome(ExecutionStatus.Cancelled, attempt, Usage.None, total, firstByteMs));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or UpstreamBodyTooLargeException)
        {
            var reason = ex is OperationCanceledException ? attempt.TimeoutReason() : UpstreamText.Describe(ex);
            return await ForwardFailedAsync(attempt, sink, response, "upstream answer interrupted: " + reason, total, firstByteMs).ConfigureAwait(false);
        }
        finally
        {
            PooledBuffers.Return(part);
        }

        if (!BigAnswer.EndsObject(tail.Span))
        {
            return await ForwardFailedAsync(attempt, sink, response, "upstream ended the answer before its JSON was complete", total, firstByteMs).ConfigureAwait(false);
        }

        protocol.InspectAnswer(BigAnswer.UsageObject(tail.Span), out var usage);
        attempt.Record(response.StatusCode, "ok", null);
        await sink.EndBodyAsync(complete: true, attempt.ClientAborted).ConfigureAwait(false);
        return AttemptResult.Final(ForwardedOutcome(ExecutionStatus.Answered, attempt, usage, total, firstByteMs));
    }

    /// <summary>A forwarded answer failed after the commit: recorded, and the response cut so the client sees it incomplete.</summary>
    private async ValueTask<AttemptResult> ForwardFailedAsync(AttemptScope attempt, IClientSink sink, UpstreamResponse response, string reason, long total, double firstByteMs)
    {
        reason = UpstreamText.Clip(attempt.Recorder.Redactor.Redact(reason, attempt.Credential));
        attempt.Record(response.StatusCode, "stream-failed", reason);
        try
        {
            await sink.EndBodyAsync(complete: false, attempt.ClientAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client is gone too.
        }

        LogStreamFailed(logger, attempt.Model.Id, reason);
        return AttemptResult.Final(ForwardedOutcome(ExecutionStatus.StreamFailed, attempt, Usage.None, total, firstByteMs));
    }

    // Without usage (a cut answer, or none in the tail) the ticket charges by the bytes delivered.
    private static ExecutionOutcome ForwardedOutcome(ExecutionStatus status, AttemptScope attempt, Usage usage, long total, double firstByteMs) => new()
    {
        Status = status,
        Attempts = attempt.Recorder.Attempts,
        AnsweredBy = attempt.Model.Id,
        Usage = usage,
        FirstByteMs = firstByteMs,
        AnswerBytes = total,
    };

    /// <summary>The checks of a stream's first read before the commit: no event at all, an error event, an event that is not JSON.</summary>
    private static AttemptResult? RefuseFirst(AttemptScope attempt, WireProtocol protocol, UpstreamResponse response, SseBatch batch, bool hasFirst, ErrorRuleSet rules)
    {
        if (!hasFirst)
        {
            return attempt.Fail(FailureClass.Transient, response.StatusCode, "upstream ended the stream without any event");
        }

        var first = batch.Data(0);
        if (protocol.IsErrorEvent(batch.EventType(0), first))
        {
            var text = Encoding.UTF8.GetString(first);
            return attempt.Fail(FailureClassifier.ClassifyBody(response.StatusCode, text, rules), response.StatusCode, attempt.Summarize(response.StatusCode, text));
        }

        // A shape check, not a parse (which was ~0.5 µs of every stream): HTML, plain text or a cut object fail it.
        return !first.SequenceEqual(OpenAIWire.DoneData) && !OpenAIWire.IsObjectShaped(first)
            ? attempt.Fail(FailureClass.Transient, response.StatusCode, "upstream sent a stream event that is not JSON")
            : null;
    }

    /// <summary>A committed stream failed: it ends with an error event that says the answer is incomplete.</summary>
    private async ValueTask<AttemptResult> StreamFailedAsync(AttemptScope attempt, IClientSink sink, UpstreamResponse response, string reason, string code, StreamProgress progress, double firstByteMs)
    {
        var model = attempt.Model;

        // The reason can quote the upstream's error event; it reaches the client, so it is redacted first.
        reason = UpstreamText.Clip(attempt.Recorder.Redactor.Redact(reason, attempt.Credential));
        attempt.Record(response.StatusCode, "stream-failed", reason);
        try
        {
            await sink.WriteStreamErrorAsync($"The answer from '{model.Id}' was cut off: {reason}. It is incomplete.", code, attempt.ClientAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client is gone too; nothing more to tell it.
        }

        LogStreamFailed(logger, model.Id, reason);
        return AttemptResult.Final(StreamOutcome(ExecutionStatus.StreamFailed, attempt, progress, firstByteMs));
    }

    private static ExecutionOutcome StreamOutcome(ExecutionStatus status, AttemptScope attempt, in StreamProgress progress, double firstByteMs) => new()
    {
        Status = status,
        Attempts = attempt.Recorder.Attempts,
        AnsweredBy = attempt.Model.Id,
        // A stream that did not end is charged for what was delivered, not for what the upstream reported so far.
        Usage = status == ExecutionStatus.Answered ? progress.Usage : progress.Delivered(),
        FirstByteMs = firstByteMs,
        AnswerBytes = progress.AnswerBytes,
        AnswerEvents = progress.AnswerEvents,
    };

    /// <summary>The error body, redacted: it is classified, and a caller fault returns it to the client as is.</summary>
    private static async Task<byte[]> ReadErrorBodyAsync(AttemptScope attempt, UpstreamResponse response)
    {
        try
        {
            var body = await response.ReadBodyAsync(MaxErrorBodyBytes, attempt.FirstTokenToken).ConfigureAwait(false);
            return attempt.Recorder.Redactor.RedactBody(body, attempt.Credential);
        }
        catch (UpstreamBodyTooLargeException)
        {
            return Encoding.UTF8.GetBytes("(error body larger than 64 KiB)");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return [];
        }
    }

    [LoggerMessage(EventId = LogEvents.StreamFailedAfterFirstByte, Level = LogLevel.Warning, Message = "Stream from '{Model}' failed after the first byte: {Reason}")]
    private static partial void LogStreamFailed(ILogger logger, string model, string reason);
}
