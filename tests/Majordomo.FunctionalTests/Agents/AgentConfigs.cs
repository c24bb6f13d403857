namespace Majordomo.FunctionalTests.Agents;

/// <summary>A gateway for agent traffic: both upstream protocols, an alias to switch to, a smart route.</summary>
internal static class AgentConfigs
{
    /// <summary>
    /// "anth" speaks Anthropic, "up" OpenAI. Routes: <c>default</c> (up/a), <c>anthropic</c> (anth/claude),
    /// <c>heartbeat</c> (up/small), <c>auto</c> (smart over up/small and up/big only: simple → up/small, the free one; medium and above → up/big); alias <c>sonnet</c>.
    /// </summary>
    public const string Gateway = """
        {
          "providers": {
            "anth": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1 },
            "up":   { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "local", "retries": 0, "backoffMs": 1 },
          },
          "models": {
            "anth/claude": { "provider": "anth", "upstreamModel": "claude-x", "contextWindow": 200000, "maxOutputTokens": 64000 },
            "up/a":     { "provider": "up", "upstreamModel": "a", "contextWindow": 128000, "maxOutputTokens": 8192 },
            "up/small": { "provider": "up", "upstreamModel": "small", "tier": 0, "quality": 40, "contextWindow": 128000, "capabilities": ["chat"] },
            "up/big":   { "provider": "up", "upstreamModel": "big", "tier": 2, "quality": 90, "contextWindow": 128000, "capabilities": ["chat"],
                          "cost": { "inputPerMTok": 5, "outputPerMTok": 15 } },
          },
          "aliases": { "sonnet": "anth/claude" },
          "routes": {
            "default":   { "chain": ["up/a"] },
            "anthropic": { "chain": ["anth/claude"] },
            "heartbeat": { "chain": ["up/small"] },
            "auto":      { "strategy": "smart" },
          },
          "defaultRoute": "default",
          "selection": {
            "fallbackModel": "up/small",
            "qualityFloors": { "simple": 0, "medium": 60, "complex": 80, "reasoning": 80 },
            // Only up/small and up/big list "chat": auto never picks the other routes' models.
            "taskCapabilities": { "conversation": "chat", "coding": "chat", "math": "chat", "reasoning": "chat", "summarization": "chat",
                                  "extraction": "chat", "creative": "chat", "vision": "chat", "research": "chat", "translation": "chat" },
          },
        }
        """;
}
