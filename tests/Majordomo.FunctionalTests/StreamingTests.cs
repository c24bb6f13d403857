using System.Net;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>Streaming: chunks flushed as they arrive, and no fallback once the first byte was sent.</summary>
public sealed class StreamingTests : GatewayTest
{
    private static string StreamBody(string model) => $$"""{"model":"{{model}}","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    [Fact]
    public async Task Stream_EachChunkIsFlushedAsItArrives_NotBuffered()
    {
        // The upstream holds the rest of the answer until the client has seen the first chunk:
        // a gateway that buffered would deadlock here and the test would time out.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Script("a", new Scenario.Gated(gate, Chunks: 3));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", StreamBody("up/a"), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = new List<string>();
        await foreach (var e in Sse.ReadEventsAsync(response).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token))
        {
            events.Add(e);
            if (events.Count == 1)
            {
                Assert.Contains("first ", e, StringComparison.Ordinal);
                gate.SetResult();
            }
        }

        Assert.Equal("[DONE]", events[^1]);
        Assert.Contains(events, e => e.Contains("part2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stream_SameProtocol_UpstreamFramingPassesThroughByteForByte()
    {
        // CRLF line ends, a keep-alive comment and an id line: forwarded exactly as the upstream wrote them.
        var chunk = ScenarioUpstream.Chunk("a", "hi", null);
        var finish = ScenarioUpstream.Chunk("a", null, "stop");
        var upstreamBody = $": OPENROUTER PROCESSING\r\n\r\nid: 1\r\ndata: {chunk}\r\n\r\ndata: {finish}\r\n\r\ndata: [DONE]\r\n\r\n";
        Upstream.Script("a", new Scenario.RawStream(upstreamBody));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", StreamBody("up/a"), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(upstreamBody[(upstreamBody.IndexOf("id: 1", StringComparison.Ordinal))..], body[body.IndexOf("id: 1", StringComparison.Ordinal)..]);
        Assert.EndsWith("data: [DONE]\r\n\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_UsageChunkClientDidNotAskFor_IsDroppedEvenWhenItArrivesWithOtherEvents()
    {
        var chunk = ScenarioUpstream.Chunk("a", "hi", null);
        var finish = ScenarioUpstream.Chunk("a", null, "stop");
        const string usageChunk = """{"id":"x","object":"chat.completion.chunk","created":1,"model":"a","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}""";
        Upstream.Script("a", new Scenario.RawStream($"data: {chunk}\n\ndata: {finish}\n\ndata: {usageChunk}\n\ndata: [DONE]\n\n"));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", StreamBody("up/a"), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal(new[] { chunk, finish, "[DONE]" }, events.ToArray());
    }

    [Fact]
    public async Task Stream_ResetAfterFirstChunks_EndsWithErrorEventAndNeverFallsBack()
    {
        // Reset once the client holds both chunks (see FaultInjectionTests.ResetMidStream_SdkSeesAnError_NotACleanEnd).
        var reset = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Script("a", new Scenario.ResetAfterChunks(2, reset.Task));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", StreamBody("default"), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = new List<string>();
        await foreach (var e in Sse.ReadEventsAsync(response))
        {
            events.Add(e);
            if (e.Contains("chunk1", StringComparison.Ordinal))
            {
                reset.TrySetResult();
            }
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/a", Sse.Header(response, "X-Router-Model"));
        Assert.Contains("chunk0", events[0], StringComparison.Ordinal);
        Assert.Contains("chunk1", events[1], StringComparison.Ordinal);
        using var last = JsonDocument.Parse(events[^1]);
        Assert.Equal("upstream_stream_interrupted", last.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("[DONE]", events);

        // Nothing was spliced from another model.
        Assert.Empty(Upstream.ReceivedFor("b"));
    }

    [Fact]
    public async Task Stream_TruncatedWithoutFinishOrDone_EndsWithErrorEvent()
    {
        Upstream.Script("a", new Scenario.TruncateAfterChunks(3));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", StreamBody("default"), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal(4, events.Count);
        using var last = JsonDocument.Parse(events[^1]);
        Assert.Equal("upstream_stream_truncated", last.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(Upstream.ReceivedFor("b"));
    }

    [Fact]
    public async Task Stream_HangAfterFirstChunk_TimesOutWithErrorEventAndNoFallback()
    {
        Upstream.Script("a", new Scenario.HangAfterChunks(1));

        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", StreamBody("patient"), stream: true), HttpCompletionOption.ResponseHeadersRead);
        var events = await Sse.ReadAllEventsAsync(response);

        Assert.Equal(2, events.Count);
        Assert.Contains("chunk0", events[0], StringComparison.Ordinal);
        Assert.Contains("\"error\"", events[1], StringComparison.Ordinal);
        Assert.Empty(Upstream.ReceivedFor("b"));
        await Upstream.ReceivedFor("a").Single().Aborted.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StreamWithSdk_UpstreamCutsMidStream_ClientSeesAnErrorNotACleanEnd()
    {
        // Reset once the SDK has both chunks (see FaultInjectionTests.ResetMidStream_SdkSeesAnError_NotACleanEnd).
        var reset = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Script("a", new Scenario.ResetAfterChunks(2, reset.Task));
        var client = Gateway.ChatClient("default");
        var text = new System.Text.StringBuilder();

        var ex = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
            {
                foreach (var part in update.ContentUpdate)
                {
                    text.Append(part.Text);
                }

                if (text.ToString() == "chunk0 chunk1 ")
                {
                    reset.TrySetResult();
                }
            }
        });

        Assert.Equal("chunk0 chunk1 ", text.ToString());
        Assert.NotNull(ex);
    }

    [Fact]
    public async Task Stream_ClientDisconnects_UpstreamCallIsCancelled()
    {
        Upstream.Script("a", new Scenario.HangAfterChunks(1));
        var request = Sse.Post("/v1/chat/completions", StreamBody("up/a"), stream: true);

        using (var response = await Gateway.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await foreach (var e in Sse.ReadEventsAsync(response))
            {
                break; // read one chunk, then hang up
            }
        }

        await Upstream.ReceivedFor("a").Single().Aborted.WaitAsync(TimeSpan.FromSeconds(10));

        // The gateway is fine afterwards.
        using var health = await Gateway.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
