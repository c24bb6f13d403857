using System.Net;
using System.Text;
using System.Text.Json;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary>Malformed, hostile and huge input: a clear error in the OpenAI shape, never a crash, and the gateway stays healthy.</summary>
public sealed class BadInputTests : GatewayTest
{
    private const string SmallLimitConfig = """
        {
          "server": { "maxRequestBytes": 65536 },
          "providers": { "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0 } },
          "models": { "up/a": { "provider": "up", "upstreamModel": "a" } },
          "routes": { "default": { "chain": ["up/a"] } },
          "defaultRoute": "default"
        }
        """;

    protected override string Config => SmallLimitConfig;

    private async Task<(HttpStatusCode Status, JsonElement Error)> PostAsync(string body)
    {
        using var response = await Gateway.Http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return (response.StatusCode, doc.RootElement.GetProperty("error").Clone());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"model\": \"up/a\", \"messages\": [", "not valid JSON")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1,2,3]", "must be a JSON object")]
    [InlineData("\"just a string\"", "must be a JSON object")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} trailing", "not valid JSON")]
    [InlineData("{\"model\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'model' must be a string")]
    [InlineData("{\"model\":\"up/a\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'stream' must be true or false")]
    [InlineData("{\"model\":\"up/a\",\"messages\":{}}", "'messages' must be an array")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[]}", "at least one message")]
    [InlineData("{\"model\":\"up/a\"}", "'messages' is required")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[42]}", "'messages[0]' must be an object")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"content\":\"no role\"}]}", "'messages[0].role' is required")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":7}]}", "'messages[0].role' must be a non-empty string")]
    [InlineData("{\"model\":\"up/a\",\"stream\":true,\"stream_options\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'stream_options' must be an object")]
    // Issue 11 finding 8: wrong types that used to reach the upstream.
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", "'messages[0].role' must be one of")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":42}]}", "'messages[0].content' must be")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":{}}]}", "'messages[0].content' must be")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":[1]}]}", "'messages[0].content[0]' must be an object")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}", "'messages[0].content[0].type' is required")]
    [InlineData("{\"model\":\"up/a\",\"max_tokens\":-5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'max_tokens' must be a positive integer")]
    [InlineData("{\"model\":\"up/a\",\"max_tokens\":\"10\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'max_tokens' must be a positive integer")]
    [InlineData("{\"model\":\"up/a\",\"tools\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "'tools' must be an array")]
    [InlineData("{\"model\":\"up/a\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":\"x\"}]}", "'messages[0].tool_calls' must be an array")]
    public async Task Post_MalformedBody_400WithClearMessage(string body, string expected)
    {
        var (status, error) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Post_InvalidUtf8_400NeverForwarded()
    {
        var body = Encoding.UTF8.GetBytes("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":\"caf\u00e9\"}]}");
        body[^6] = 0xFF; // the second byte of "é"

        using var response = await Gateway.Http.PostAsync("/v1/chat/completions", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request body is not valid UTF-8.", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Post_DeeplyNestedJson_400NotACrash()
    {
        var nested = new string('[', 5000) + new string(']', 5000);
        var (status, error) = await PostAsync("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"x\":" + nested + "}]}]}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid JSON", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_413()
    {
        var big = "{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', 200_000) + "\"}]}";

        var (status, error) = await PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("request_too_large", error.GetProperty("code").GetString());
        Assert.Contains("65536", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_413WithoutReadingItAll()
    {
        // No Content-Length: the limit is enforced while reading.
        using var response = await Gateway.Http.PostAsync("/v1/chat/completions", ChunkedOverLimit());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimitStillArriving_413Read_NoBrokenUpload()
    {
        // The client is still sending when the 413 is written. The gateway used to close the connection then: the client's
        // next write failed (broken pipe) and it never read the answer. It now reads the rest and discards it (up to the
        // limit again, or 1 MiB). The body arrives in paced writes, so the client is sending after the refusal every time.
        for (var n = 0; n < 3; n++)
        {
            using var response = await Gateway.Http.PostAsync("/v1/chat/completions", ChunkedOverLimit(blocks: 16, pausedAfter: 5));
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("request_too_large", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        }

        Assert.Empty(Upstream.Received);
    }

    // JSON in 16 KiB writes without a Content-Length (256 KiB by default, four times the 64 KiB limit); the writes after
    // the first pausedAfter wait 30 ms each, as a slow uplink sends.
    private static PushStreamContent ChunkedOverLimit(int blocks = 16, int pausedAfter = int.MaxValue) => new(async stream =>
    {
        var block = Encoding.UTF8.GetBytes(new string('y', 16 * 1024));
        await stream.WriteAsync("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":\""u8.ToArray());
        for (var i = 0; i < blocks; i++)
        {
            if (i >= pausedAfter)
            {
                await stream.FlushAsync();
                await Task.Delay(30);
            }

            await stream.WriteAsync(block);
        }

        await stream.WriteAsync("\"}]}"u8.ToArray());
    });

    [Fact]
    public async Task Post_BodyJustUnderLimit_IsServed()
    {
        var filler = new string('z', 60_000);
        using var response = await Gateway.Http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":\"" + filler + "\"}]}", Encoding.UTF8, "application/json"));
        var status = response.StatusCode;

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Post_HostileModelName_404EchoesItSafely()
    {
        var name = "evil\u0000\r\nX-Injected: 1" + new string('a', 500);
        var body = JsonSerializer.Serialize(new { model = name, messages = new[] { new { role = "user", content = "hi" } } });

        using var response = await Gateway.Http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Injected"));
        Assert.True(text.Length < 2000, "the echoed name is truncated");
    }

    [Fact]
    public async Task Post_HugeBodyToOtherEndpoints_RefusedAndGatewayStaysHealthy()
    {
        var huge = new ByteArrayContent(new byte[5 * 1024 * 1024]);

        var ex = await Record.ExceptionAsync(async () =>
        {
            using var response = await Gateway.Http.PostAsync("/v1/models", huge);
            Assert.True((int)response.StatusCode is 405 or 413, $"status {(int)response.StatusCode}");
        });

        // Either a JSON error or the server closing the upload is fine; a crash or a hang is not.
        Assert.True(ex is null or HttpRequestException or IOException, ex?.ToString());
        using var health = await Gateway.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverOneMegabyteButUnderConfiguredLimit_IsServed()
    {
        await using var gateway = await TestGateway.StartAsync(Configs.Standard, Upstream);
        var filler = new string('z', 3 * 1024 * 1024);

        using var response = await gateway.Http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":\"up/a\",\"messages\":[{\"role\":\"user\",\"content\":\"" + filler + "\"}]}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownEndpointAndWrongMethod_JsonErrors()
    {
        using var notFound = await Gateway.Http.GetAsync("/v1/nothing-here");
        using var wrongMethod = await Gateway.Http.GetAsync("/v1/chat/completions");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("unknown_endpoint", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("method_not_allowed", await wrongMethod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAFloodOfBadInput_GatewayIsHealthyAndServes()
    {
        var random = new Random(5);
        var tasks = new List<Task>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            tasks.Add(Gateway.Http.PostAsync("/v1/chat/completions", new ByteArrayContent(bytes)).ContinueWith(t =>
            {
                Assert.True(t.IsCompletedSuccessfully);
                Assert.True((int)t.Result.StatusCode is 400 or 413, $"status {(int)t.Result.StatusCode}");
            }, TaskScheduler.Default));
        }

        await Task.WhenAll(tasks);

        using var ok = await Gateway.Http.PostAsync("/v1/chat/completions", new StringContent("""{"model":"up/a","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var health = await Gateway.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private sealed class PushStreamContent(Func<Stream, Task> write) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => write(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
