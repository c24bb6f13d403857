using System.Text.Json;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// <c>thinking</c> (Anthropic, a token budget) ⇄ <c>reasoning_effort</c> (OpenAI, a level), for models that
/// list the <c>reasoning</c> capability: budgets below 4,096 tokens are <c>low</c>, below 16,384 <c>medium</c>,
/// else <c>high</c>; the levels become budgets of 1,024 (<c>minimal</c>, <c>low</c>), 4,096 and 16,384 tokens,
/// always under <c>max_tokens</c> (Anthropic requires it) and at least Anthropic's minimum of 1,024.
/// <c>adaptive</c> and <c>disabled</c> thinking ask for no particular effort and are dropped (SPEC §4).
/// </summary>
internal static class Reasoning
{
    public const int MinBudget = 1024;

    /// <summary>The <c>reasoning_effort</c> an Anthropic body's <c>thinking</c> asks for; null for none.</summary>
    public static string? EffortForThinking(JsonElement root)
    {
        if (!root.TryGetProperty("thinking", out var thinking) || ResponseTranslation.Str(thinking, "type") != "enabled")
        {
            return null;
        }

        var budget = ResponseTranslation.Long(thinking, "budget_tokens");
        return budget <= 0 ? null : budget < 4096 ? "low" : budget < 16384 ? "medium" : "high";
    }

    /// <summary>The thinking budget a hub body's <c>reasoning_effort</c> (or Responses <c>reasoning.effort</c>) asks for, under <paramref name="maxTokens"/>; 0 for none.</summary>
    public static int ThinkingBudget(JsonElement root, int maxTokens)
    {
        var budget = ResponseTranslation.Str(root, "reasoning_effort") switch
        {
            "minimal" or "low" => MinBudget,
            "medium" => 4096,
            "high" or "xhigh" => 16384,
            _ => 0,
        };
        return budget == 0 || maxTokens <= MinBudget ? 0 : Math.Min(budget, maxTokens - 1);
    }

    /// <summary>A Responses body's <c>reasoning.effort</c>, when it names a level a chat upstream knows.</summary>
    public static string? ResponsesEffort(JsonElement root) =>
        root.TryGetProperty("reasoning", out var reasoning) && ResponseTranslation.Str(reasoning, "effort") is "minimal" or "low" or "medium" or "high" && ResponseTranslation.Str(reasoning, "effort") is { } effort
            ? effort
            : null;
}
