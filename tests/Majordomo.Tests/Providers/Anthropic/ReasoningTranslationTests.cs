using System.Text;
using System.Text.Json;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.Responses;

namespace Majordomo.Tests.Providers.Anthropic;

/// <summary><c>thinking</c> ⇄ <c>reasoning_effort</c> in translation, only for models with the <c>reasoning</c> capability.</summary>
public sealed class ReasoningTranslationTests
{
    private static JsonElement Json(byte[] body) => JsonDocument.Parse(body).RootElement;

    private static byte[] B(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData(2000, "low")]
    [InlineData(8000, "medium")]
    [InlineData(32000, "high")]
    public void AnthropicThinking_BecomesReasoningEffort_ForAReasoningModel(int budget, string effort)
    {
        var body = B($$"""{"model":"m","max_tokens":64000,"thinking":{"type":"enabled","budget_tokens":{{budget}}},"messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(effort, Json(RequestTranslation.AnthropicToOpenAI(body, "o4", reasoning: true)).GetProperty("reasoning_effort").GetString());
        Assert.False(Json(RequestTranslation.AnthropicToOpenAI(body, "gpt-4o", reasoning: false)).TryGetProperty("reasoning_effort", out _));
    }

    [Fact]
    public void AdaptiveThinking_IsDropped()
    {
        var body = B("""{"model":"m","max_tokens":100,"thinking":{"type":"adaptive"},"messages":[{"role":"user","content":"hi"}]}""");

        Assert.False(Json(RequestTranslation.AnthropicToOpenAI(body, "o4", reasoning: true)).TryGetProperty("reasoning_effort", out _));
    }

    [Fact]
    public void ReasoningEffort_BecomesAThinkingBudgetUnderMaxTokens_WithoutSamplingChanges()
    {
        var body = B("""{"model":"m","max_tokens":10000,"temperature":0.2,"reasoning_effort":"high","messages":[{"role":"user","content":"hi"}]}""");

        var root = Json(RequestTranslation.OpenAIToAnthropic(body, "claude", null, reasoning: true));

        Assert.Equal("enabled", root.GetProperty("thinking").GetProperty("type").GetString());
        Assert.Equal(9999, root.GetProperty("thinking").GetProperty("budget_tokens").GetInt32());
        Assert.False(root.TryGetProperty("temperature", out _));

        var plain = Json(RequestTranslation.OpenAIToAnthropic(body, "claude", null, reasoning: false));
        Assert.False(plain.TryGetProperty("thinking", out _));
        Assert.Equal(0.2, plain.GetProperty("temperature").GetDouble(), 3);
    }

    [Fact]
    public void ReasoningEffort_WithTooFewMaxTokens_AsksForNoThinking()
    {
        var body = B("""{"model":"m","max_tokens":800,"reasoning_effort":"low","messages":[{"role":"user","content":"hi"}]}""");

        Assert.False(Json(RequestTranslation.OpenAIToAnthropic(body, "claude", null, reasoning: true)).TryGetProperty("thinking", out _));
    }

    [Fact]
    public void ResponsesReasoningEffort_ReachesAChatReasoningModel_Only()
    {
        var body = B("""{"model":"m","input":"hi","reasoning":{"effort":"medium","summary":"auto"}}""");

        Assert.Equal("medium", Json(ResponsesRequestTranslation.ToChat(body, "o4", reasoning: true)).GetProperty("reasoning_effort").GetString());
        Assert.False(Json(ResponsesRequestTranslation.ToChat(body, "gpt-4o", reasoning: false)).TryGetProperty("reasoning_effort", out _));
    }
}
