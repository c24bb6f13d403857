using Majordomo.Catalog;
using Majordomo.Chat;

namespace Majordomo.Budgets;

/// <summary>What one request cost: USD, quota units, and whether the token counts were estimated.</summary>
internal sealed record RequestCost(double Usd, bool Estimated, long InputTokens, long OutputTokens, double QuotaUnits)
{
    public static readonly RequestCost Zero = new(0, false, 0, 0, 0);
}

/// <summary>USD from token counts and a model's prices per million tokens (SPEC §1.7).</summary>
internal static class CostCalculator
{
    /// <summary>
    /// <paramref name="inputTokens"/> includes cached tokens (OpenAI's <c>prompt_tokens</c> does);
    /// cached ones are priced at the cache-read price when the model has one.
    /// </summary>
    public static double Usd(ModelEntry model, long inputTokens, long outputTokens, long cachedInputTokens = 0, long cacheWriteTokens = 0)
    {
        var cached = Math.Clamp(cachedInputTokens, 0, Math.Max(0, inputTokens));
        var written = Math.Clamp(cacheWriteTokens, 0, Math.Max(0, inputTokens - cached));
        var plain = Math.Max(0, inputTokens - cached - written);
        return ((plain * model.InputPerMTok)
                + (cached * (model.CacheReadPerMTok ?? model.InputPerMTok))
                + (written * (model.CacheWritePerMTok ?? model.InputPerMTok))
                + (Math.Max(0, outputTokens) * model.OutputPerMTok)) / 1_000_000d;
    }

    public static double Usd(ModelEntry model, in Usage usage) => Usd(model, usage.InputTokens, usage.OutputTokens, usage.CachedInputTokens);

    /// <summary>True when the model charges USD per token (a free or quota-only model does not).</summary>
    public static bool ChargesUsd(ModelEntry model) =>
        model.InputPerMTok > 0 || model.OutputPerMTok > 0 || model.CacheReadPerMTok > 0 || model.CacheWritePerMTok > 0;

    /// <summary>
    /// Output tokens of an answer whose upstream reported no usage: a streamed chunk usually carries one
    /// token; a whole JSON answer is about 4 bytes a token after its ~200-byte envelope.
    /// </summary>
    public static long EstimateOutputTokens(bool stream, long answerBytes, long answerEvents) =>
        stream ? Math.Max(0, answerEvents - 2) : Math.Max(0, (answerBytes - 200) / 4);
}
