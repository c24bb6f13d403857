using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Majordomo.FunctionalTests.Budgets;
using Majordomo.FunctionalTests.Infrastructure;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests;

/// <summary>
/// Chat Completions and Messages clients (the official OpenAI .NET <c>ChatClient</c> and the Anthropic SDK)
/// answered by an <c>"api": "openai-responses"</c> upstream through the hub: the scenario upstream's
/// <c>/v1/responses</c> answers (13 input / 5 output tokens), streamed and not, with tools and errors.
/// </summary>
public sealed class ResponsesUpstreamTests : GatewayTest
{
    protected override string Config => ResponsesTests.ResponsesConfig;

    private static readonly ChatTool WeatherTool = ChatTool.CreateFunctionTool(
        "get_weather", "Weather for a city", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));

    private AnthropicClient Anthropic() => new() { BaseUrl = Gateway.BaseUrl, ApiKey = "unused", MaxRetries = 0 };

    [Fact]
    public async Task CompleteChat_ResponsesUpstream_TranslatesRequestAnswerAndUsage_UsageLogged()
    {
        Upstream.Script("r", new Scenario.Ok("Bonjour"));
        var options = new ChatCompletionOptions { Temperature = 0.5f, MaxOutputTokenCount = 100, EndUserId = "user-7" };

        ClientResult<ChatCompletion> result = await Gateway.ChatClient("resp/r").CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage("Say hello")], options);

        Assert.Equal("Bonjour", result.Value.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.Equal((13, 5), (result.Value.Usage.InputTokenCount, result.Value.Usage.OutputTokenCount));
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/responses", received.Path);
        Assert.Equal("Bearer sk-resp-one", received.Authorization);
        var root = received.Json().RootElement;
        Assert.Equal("r", root.GetProperty("model").GetString());
        Assert.Equal("Be brief.", root.GetProperty("instructions").GetString());
        var input = Assert.Single(root.GetProperty("input").EnumerateArray());
        Assert.Equal(("message", "user"), (input.GetProperty("type").GetString(), input.GetProperty("role").GetString()));
        Assert.Equal("Say hello", input.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(100, root.GetProperty("max_output_tokens").GetInt32());
        Assert.Equal(0.5, root.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal("user-7", root.GetProperty("user").GetString());
        Assert.False(root.GetProperty("store").GetBoolean());
        Assert.False(root.TryGetProperty("messages", out _));

        await BudgetTests.WaitForRowsAsync(Gateway.StorePath, 1);
        var row = BudgetTests.Query(Gateway.StorePath, "SELECT status, input_tokens, output_tokens FROM requests")[0];
        Assert.Equal((200L, 13L, 5L), ((long)row[0]!, (long)row[1]!, (long)row[2]!));
    }

    [Fact]
    public async Task CompleteChatStreaming_ResponsesUpstream_StreamsChunksWithUsage_UsageLogged()
    {
        Upstream.Script("r", new Scenario.Ok("The quick brown fox jumps"));

        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        await foreach (var update in Gateway.ChatClient("resp/r").CompleteChatStreamingAsync([new UserChatMessage("go")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.Equal("The quick brown fox jumps", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal((13, 5), (usage!.InputTokenCount, usage.OutputTokenCount));
        var root = Assert.Single(Upstream.Received).Json().RootElement;
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.False(root.TryGetProperty("stream_options", out _));

        await BudgetTests.WaitForRowsAsync(Gateway.StorePath, 1);
        var row = BudgetTests.Query(Gateway.StorePath, "SELECT status, input_tokens, output_tokens FROM requests")[0];
        Assert.Equal((200L, 13L, 5L), ((long)row[0]!, (long)row[1]!, (long)row[2]!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CompleteChat_ToolRoundTripThroughResponsesUpstream_Survives(bool stream)
    {
        Upstream.Script("r", new Scenario.ToolCall("get_weather", """{"city":"Oslo"}""", "call_7"), new Scenario.Ok("It is 3C in Oslo."));
        var client = Gateway.ChatClient("resp/r");
        var options = new ChatCompletionOptions { Tools = { WeatherTool }, ToolChoice = ChatToolChoice.CreateAutoChoice() };
        List<ChatMessage> messages = [new UserChatMessage("Weather in Oslo?")];

        var (id, name, arguments, finish) = stream ? await StreamToolCallAsync(client, messages, options) : await ToolCallAsync(client, messages, options);
        Assert.Equal(("call_7", "get_weather", ChatFinishReason.ToolCalls), (id, name, finish));
        Assert.Equal("Oslo", JsonDocument.Parse(arguments).RootElement.GetProperty("city").GetString());

        messages.Add(new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall(id, name, BinaryData.FromString(arguments))]));
        messages.Add(new ToolChatMessage(id, "3C, cloudy"));
        ClientResult<ChatCompletion> answer = await client.CompleteChatAsync(messages, options);

        Assert.Equal("It is 3C in Oslo.", answer.Value.Content[0].Text);
        var first = Upstream.Received[0].Json().RootElement;
        var tool = Assert.Single(first.GetProperty("tools").EnumerateArray());
        Assert.Equal(("function", "get_weather", false), (tool.GetProperty("type").GetString(), tool.GetProperty("name").GetString(), tool.GetProperty("strict").GetBoolean()));
        Assert.Equal("city", tool.GetProperty("parameters").GetProperty("required")[0].GetString());
        Assert.Equal("auto", first.GetProperty("tool_choice").GetString());
        var input = Upstream.Received[1].Json().RootElement.GetProperty("input").EnumerateArray().ToArray();
        Assert.Equal(["message", "function_call", "function_call_output"], input.Select(i => i.GetProperty("type").GetString()));
        Assert.Equal(("call_7", "get_weather"), (input[1].GetProperty("call_id").GetString(), input[1].GetProperty("name").GetString()));
        Assert.Equal(("call_7", "3C, cloudy"), (input[2].GetProperty("call_id").GetString(), input[2].GetProperty("output").GetString()));
    }

    private static async Task<(string Id, string Name, string Arguments, ChatFinishReason? Finish)> ToolCallAsync(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options)
    {
        ChatCompletion completion = await client.CompleteChatAsync(messages, options);
        var call = Assert.Single(completion.ToolCalls);
        return (call.Id, call.FunctionName, call.FunctionArguments.ToString(), completion.FinishReason);
    }

    private static async Task<(string Id, string Name, string Arguments, ChatFinishReason? Finish)> StreamToolCallAsync(ChatClient client, List<ChatMessage> messages, ChatCompletionOptions options)
    {
        string? id = null, name = null;
        var arguments = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync(messages, options))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                id ??= call.ToolCallId;
                name ??= call.FunctionName;
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        return (id!, name!, arguments.ToString(), finish);
    }

    [Fact]
    public async Task Messages_ResponsesUpstream_AnswersInAnthropicShape_StreamedAndNot()
    {
        Upstream.Script("r", new Scenario.Ok("Hej"), new Scenario.Ok("Hej igen"));
        var parameters = new MessageCreateParams { Model = "resp/r", MaxTokens = 64, System = "Be brief.", Messages = [new UserMessageParam("hi")] };

        var message = await Anthropic().Messages.Create(parameters);

        Assert.Equal("Hej", string.Concat(message.Content.Select(b => b.TryPickText(out var t) ? t.Text : "")));
        Assert.Equal(StopReason.EndTurn, message.StopReason!.Value());
        Assert.Equal((13, 5), (message.Usage.InputTokens, message.Usage.OutputTokens));
        var root = Upstream.Received[0].Json().RootElement;
        Assert.Equal(("/v1/responses", "Be brief.", 64), (Upstream.Received[0].Path, root.GetProperty("instructions").GetString(), root.GetProperty("max_output_tokens").GetInt32()));

        var text = new StringBuilder();
        var types = new List<string>();
        long? output = null;
        await foreach (var e in Anthropic().Messages.CreateStreaming(parameters))
        {
            types.Add(e.Json.GetProperty("type").GetString()!);
            if (e.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var t))
            {
                text.Append(t.Text);
            }

            if (e.TryPickDelta(out var messageDelta))
            {
                output = messageDelta.Usage.OutputTokens;
                Assert.Equal(StopReason.EndTurn, messageDelta.Delta.StopReason!.Value());
            }
        }

        Assert.Equal("Hej igen", text.ToString());
        Assert.Equal("message_start", types[0]);
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], types[^3..]);
        Assert.Equal(5, output);
    }

    [Fact]
    public async Task UpstreamError_IsMappedToEachIngressErrorShape_TypeAndMessageKept()
    {
        const string body = """{"error":{"message":"Invalid schema for function 'x'","type":"invalid_request_error","param":"tools","code":"invalid_function_parameters"}}""";
        Upstream.Script("r", new Scenario.Status(400, body), new Scenario.Status(400, body));

        using var chat = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", """{"model":"resp/r","messages":[{"role":"user","content":"hi"}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
        var openAI = JsonDocument.Parse(await chat.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(("invalid_request_error", "invalid_function_parameters"), (openAI.GetProperty("type").GetString(), openAI.GetProperty("code").GetString()));
        Assert.Contains("Invalid schema", openAI.GetProperty("message").GetString(), StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<AnthropicBadRequestException>(() => Anthropic().Messages.Create(new MessageCreateParams { Model = "resp/r", MaxTokens = 5, Messages = [new UserMessageParam("hi")] }));
        var anthropic = JsonDocument.Parse(ex.ResponseBody).RootElement;
        Assert.Equal("error", anthropic.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", anthropic.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("Invalid schema", anthropic.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, Upstream.Received.Count);
    }
}
