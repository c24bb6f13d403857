using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>
/// Non-streamed answers bigger than what is read whole (1 MB) are forwarded as they arrive (SECURITY.md
/// finding 7): checked by their head before the commit, their usage read from the tail, and cut — never
/// passed off as complete — when the upstream fails after the commit.
/// </summary>
public sealed class BigAnswerTests : GatewayTest
{
    private const string Head = """{"id":"chatcmpl-big","object":"chat.completion","created":1,"model":"a","choices":[{"index":0,"message":{"role":"assistant","content":" """;
    private const string End = "\"" + """},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":345,"total_tokens":357}}""";

    // 2 MB a part: each past what is read whole.
    private static readonly string Text = new('x', 2 * 1024 * 1024);

    [Fact]
    public async Task BigAnswer_ReachesTheClient_BeforeTheUpstreamHasFinished()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Upstream.Script("a", new Scenario.BodyParts([Head + Text, Text + End], gate));

        using var response = await Gateway.Http.SendAsync(Post("ab"), HttpCompletionOption.ResponseHeadersRead);
        var body = new MemoryStream();
        var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];

        // The upstream holds its second half until the client has a megabyte: a gateway that buffered the
        // answer whole would never send it, and this read would time out.
        while (body.Length < 1024 * 1024)
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(read > 0, "the answer ended early");
            body.Write(buffer, 0, read);
        }

        gate.SetResult();
        await stream.CopyToAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/a", Sse.Header(response, "X-Router-Model"));
        var content = JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        Assert.Equal(" " + Text + Text, content);
        var row = await OnlyLogRowAsync();
        Assert.Equal((12, 345), (row.GetProperty("input_tokens").GetInt32(), row.GetProperty("output_tokens").GetInt32()));
    }

    [Fact]
    public async Task BigAnswer_OfficialClient_ReadsItWhole_WithItsUsage()
    {
        Upstream.Script("a", new Scenario.BodyParts([Head + Text, Text, Text + End]));

        var result = await Gateway.ChatClient("ab").CompleteChatAsync([new UserChatMessage("write a lot")]);

        Assert.Equal(1 + (3 * Text.Length), result.Value.Content[0].Text.Length);
        Assert.Equal((12, 345), (result.Value.Usage.InputTokenCount, result.Value.Usage.OutputTokenCount));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BigAnswer_UpstreamFailsAfterTheCommit_ClientSeesACut_ChargedForWhatCame(bool reset)
    {
        // A reset connection, or a clean end before the JSON was closed.
        Upstream.Script("a", new Scenario.BodyParts([Head + Text, Text], ResetAtEnd: reset));

        using var response = await Gateway.Http.SendAsync(Post("ab"), HttpCompletionOption.ResponseHeadersRead);
        var error = await Record.ExceptionAsync(() => response.Content.ReadAsByteArrayAsync());

        Assert.True(error is HttpRequestException or IOException, $"the cut answer was read as complete ({error?.GetType().Name})");
        Assert.Empty(Upstream.ReceivedFor("b")); // committed: no fallback splices another answer on
        var row = await OnlyLogRowAsync();
        var attempt = Assert.Single(row.GetProperty("attempts").EnumerateArray().ToArray());
        Assert.Equal("stream-failed", attempt.GetProperty("outcome").GetString());
        Assert.True(row.GetProperty("output_tokens").GetInt32() > 100_000, "a cut answer is charged by the bytes it delivered");
    }

    [Fact]
    public async Task BigAnswer_ErrorObjectInItsHead_IsRefusedBeforeTheCommit_NextEntryAnswers()
    {
        Upstream.Script("a", new Scenario.BodyParts(["""{"error":{"message":"The server is overloaded","type":"server_error"},"pad":" """ + Text, Text + "\"}"]));

        using var response = await Gateway.Http.SendAsync(Post("ab"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up/b", Sse.Header(response, "X-Router-Model"));
        Assert.Contains("Hello from b", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string model) => new(HttpMethod.Post, "/v1/chat/completions")
    {
        Content = new StringContent($$"""{"model":"{{model}}","messages":[{"role":"user","content":"write a lot"}]}""", Encoding.UTF8, "application/json"),
    };

    private async Task<JsonElement> OnlyLogRowAsync()
    {
        // The log is written in batches off the request path.
        for (var i = 0; ; i++)
        {
            using var response = await Gateway.Http.GetAsync("/v1/requests");
            var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").EnumerateArray().ToArray();
            if (rows.Length > 0 || i == 200)
            {
                return Assert.Single(rows);
            }

            await Task.Delay(25);
        }
    }
}
