using Majordomo.Chat;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// Reads an Anthropic Messages body in one pass, like <see cref="OpenAIRequestReader"/> (whose pass it
/// shares): <c>model</c>, <c>stream</c>, the router's <c>metadata</c> keys and the spans to rewrite, plus
/// the checks Anthropic makes (required <c>max_tokens</c>, user/assistant roles with content).
/// </summary>
internal static class AnthropicRequestReader
{
    public static ChatRequest Parse(ReadOnlyMemory<byte> body) => OpenAIRequestReader.Parse(body, anthropic: true);
}
