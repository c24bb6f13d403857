using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary>Gateway keys on <c>/v1/messages</c>: the Anthropic SDK's x-api-key or a Bearer token; errors in Anthropic's shape.</summary>
public sealed class MessagesAuthTests : IAsyncLifetime
{
    private const string Config = """
        {
          "server": { "apiKeys": [ { "name": "agent", "key": "mjd-test-key-123456" } ] },
          "providers": { "anth": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "credentials": [ { "id": "a", "apiKey": "sk-ant-upstream-key" } ] } },
          "models": { "anth/claude": { "provider": "anth", "upstreamModel": "claude-x" } },
          "routes": { "default": { "chain": ["anth/claude"] } },
          "defaultRoute": "default"
        }
        """;

    private ScenarioUpstream _upstream = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScenarioUpstream.StartAsync();
        _gateway = await TestGateway.StartAsync(Config, _upstream);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static MessageCreateParams Params() => new() { Model = "default", MaxTokens = 10, Messages = [new UserMessageParam("hi")] };

    [Fact]
    public async Task Create_SdkWithGatewayKeyAsXApiKey_SucceedsAndTheUpstreamGetsItsOwnKey()
    {
        var client = new AnthropicClient { BaseUrl = _gateway.BaseUrl, ApiKey = "mjd-test-key-123456", MaxRetries = 0 };

        var message = await client.Messages.Create(Params());

        Assert.Equal("Hello from claude-x", message.Content[0].TryPickText(out var t) ? t.Text : null);
        Assert.Equal("sk-ant-upstream-key", Assert.Single(_upstream.Received).Headers["x-api-key"]);
    }

    [Fact]
    public async Task Post_BearerKeyAndAnyAnthropicVersion_Succeeds()
    {
        using var request = Sse.Post("/v1/messages", """{"model":"default","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}""");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "mjd-test-key-123456");
        request.Headers.Add("anthropic-version", "1999-12-31");

        using var response = await _gateway.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Create_WrongKey_Is401AuthenticationErrorThatNeverEchoesTheKey()
    {
        var client = new AnthropicClient { BaseUrl = _gateway.BaseUrl, ApiKey = "wrong-key-987654321", MaxRetries = 0 };

        var ex = await Assert.ThrowsAsync<AnthropicUnauthorizedException>(() => client.Messages.Create(Params()));

        var root = JsonDocument.Parse(ex.ResponseBody).RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString());
        Assert.Equal("authentication_error", root.GetProperty("error").GetProperty("type").GetString());
        Assert.DoesNotContain("wrong-key-987654321", ex.ResponseBody, StringComparison.Ordinal);
        Assert.Empty(_upstream.Received);
    }
}

/// <summary>The request log for Anthropic ingress: protocol and usage read from either upstream protocol's stream.</summary>
public sealed class MessagesLogTests
{
    [Theory]
    [InlineData("up/a")]
    [InlineData("anth/claude")]
    public async Task Stream_OnMessages_IsLoggedAsAnthropicIngressWithUsage(string model)
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(AnthropicConfigs.Mixed, upstream);

        using var response = await gateway.Http.SendAsync(Sse.Post("/v1/messages", $$"""{"model":"{{model}}","max_tokens":5,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true));
        await response.Content.ReadAsStringAsync();
        var requestId = Sse.Header(response, "X-Request-Id");
        await gateway.StopAsync();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ingress, answered_by, status, input_tokens, output_tokens, usage_reported FROM requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", requestId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("anthropic", reader.GetString(0));
        Assert.Equal(model, reader.GetString(1));
        Assert.Equal(200, reader.GetInt32(2));
        Assert.Equal(11, reader.GetInt64(3));
        Assert.Equal(7, reader.GetInt64(4));
        Assert.Equal(1, reader.GetInt32(5));
    }
}

/// <summary>The simulated (demo) provider speaks OpenAI; the bridge lets it answer Anthropic clients too.</summary>
public sealed class MessagesSimulatedTests
{
    private const string Config = """
        {
          "providers": { "sim": { "api": "simulated", "simulation": { "latencyMs": 0, "chunkDelayMs": 0, "chunks": 3 } } },
          "models": { "sim/small": { "provider": "sim" } },
          "routes": { "default": { "chain": ["sim/small"] } },
          "defaultRoute": "default"
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Messages_SimulatedProvider_AnswersInAnthropicShape(bool stream)
    {
        await using var gateway = await TestGateway.StartAsync(Config);
        var client = new AnthropicClient { BaseUrl = gateway.BaseUrl, ApiKey = "unused", MaxRetries = 0 };
        var parameters = new MessageCreateParams { Model = "default", MaxTokens = 50, Messages = [new UserMessageParam("ping from the SDK")] };

        string text;
        if (stream)
        {
            var sb = new System.Text.StringBuilder();
            await foreach (var e in client.Messages.CreateStreaming(parameters))
            {
                if (e.TryPickContentBlockDelta(out var d) && d.Delta.TryPickText(out var t))
                {
                    sb.Append(t.Text);
                }
            }

            text = sb.ToString();
        }
        else
        {
            var message = await client.Messages.Create(parameters);
            text = message.Content[0].TryPickText(out var t) ? t.Text : "";
        }

        Assert.Contains("simulated answer", text, StringComparison.Ordinal);
        Assert.Contains("ping from the SDK", text, StringComparison.Ordinal);
    }
}

/// <summary><c>POST /v1/messages/count_tokens</c>: the router's estimate, no upstream call.</summary>
public sealed class CountTokensTests : GatewayTest
{
    protected override string Config => AnthropicConfigs.Mixed;

    [Fact]
    public async Task CountTokens_Sdk_GetsAnEstimateWithoutCallingAnUpstream()
    {
        var client = new AnthropicClient { BaseUrl = Gateway.BaseUrl, ApiKey = "unused", MaxRetries = 0 };

        var count = await client.Messages.CountTokens(new MessageCountTokensParams
        {
            Model = "default",
            Messages = [new UserMessageParam(string.Concat(Enumerable.Repeat("word ", 400)))],
        });

        Assert.InRange(count.InputTokens, 300, 700);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task CountTokens_ShortPrompt_IsTheO200kCountPlusFraming()
    {
        // CJK runs about a token per one or two characters: a 4-characters-a-token guess would say ~32 here.
        var text = string.Concat(Enumerable.Repeat("今日は良い天気ですね。", 10));
        var client = new AnthropicClient { BaseUrl = Gateway.BaseUrl, ApiKey = "unused", MaxRetries = 0 };

        var count = await client.Messages.CountTokens(new MessageCountTokensParams { Model = "default", Messages = [new UserMessageParam(text)] });

        Assert.Equal(Majordomo.Chat.TokenTally.CountExact(text) + 4, count.InputTokens);
        Assert.True(count.InputTokens > 40, $"counted {count.InputTokens}");
    }

    [Fact]
    public async Task CountTokens_BadBody_Is400InAnthropicShape()
    {
        using var response = await Gateway.Http.SendAsync(Sse.Post("/v1/messages/count_tokens", """{"model":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("type").GetString());
    }
}
