using System.Text;
using System.Text.Json;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.Anthropic;

public sealed class AnthropicRequestReaderTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Parse_RecordedRequest_ReadsRoutingFields()
    {
        var request = AnthropicRequestReader.Parse(Fixtures.Bytes("anthropic-request-tools.json"));

        Assert.Equal("anthropic", request.Protocol);
        Assert.Equal("sonnet", request.Model);
        Assert.True(request.Stream);
        Assert.Equal(5, request.MessageCount);
        Assert.Equal("cron", request.Metadata.Source);
    }

    [Fact]
    public void RewriteBody_AnthropicRequest_ReplacesModelAndDropsOnlyRouterMetadata()
    {
        var request = AnthropicRequestReader.Parse(B("""{"model":"sonnet","max_tokens":5,"metadata":{"user_id":"u1","session":"s"},"messages":[{"role":"user","content":"hi"}],"x_unknown":[1,2]}"""));

        var body = OpenAIWire.RewriteBody(request, OpenAIWire.EncodeJsonString("claude-up"), forceIncludeUsage: false);

        Assert.Equal("""{"model":"claude-up","max_tokens":5,"metadata":{"user_id":"u1"},"messages":[{"role":"user","content":"hi"}],"x_unknown":[1,2]}""", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", "'max_tokens' is required")]
    [InlineData("""{"model":"m","max_tokens":"100","messages":[{"role":"user","content":"hi"}]}""", "'max_tokens' must be a positive integer")]
    [InlineData("""{"model":"m","max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "'max_tokens' must be a positive integer")]
    [InlineData("""{"model":"m","max_tokens":10}""", "'messages' is required")]
    [InlineData("""{"model":"m","max_tokens":10,"messages":[]}""", "at least one message")]
    [InlineData("""{"model":"m","max_tokens":10,"messages":[{"role":"tool","content":"x"}]}""", "must be 'user', 'assistant' or 'system'")]
    [InlineData("""{"model":"m","max_tokens":10,"messages":[{"role":"user"}]}""", "'messages[0].content' is required")]
    [InlineData("""{"model":"m","max_tokens":10,"messages":[{"role":"user","content":5}]}""", "must be a string or an array")]
    [InlineData("""{"model":"m","max_tokens":10,"system":5,"messages":[{"role":"user","content":"x"}]}""", "'system' must be a string")]
    [InlineData("""{"model":5,"max_tokens":10,"messages":[{"role":"user","content":"x"}]}""", "'model' must be a string")]
    [InlineData("""{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"x"}""", "not valid JSON")]
    [InlineData("", "The request body is empty")]
    public void Parse_BadInput_ThrowsAClearMessage(string json, string expected)
    {
        var ex = Assert.Throws<RequestValidationException>(() => AnthropicRequestReader.Parse(B(json)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SystemEntryInsideMessages_AcceptedAsClaudeCodeSendsIt()
    {
        var request = AnthropicRequestReader.Parse(B("""{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"y"},{"role":"system","content":[{"type":"text","text":"# Environment"}]}]}"""));

        Assert.Equal(2, request.MessageCount);
    }

    [Fact]
    public void Parse_OpenAIProtocol_StillAcceptsSystemRoleAndNoMaxTokens()
    {
        var request = OpenAIRequestReader.Parse(B("""{"model":"m","messages":[{"role":"system","content":"x"},{"role":"user","content":"y"}]}"""));

        Assert.Equal("openai", request.Protocol);
        Assert.Equal(2, request.MessageCount);
        _ = JsonDocument.Parse(request.Body);
    }
}
