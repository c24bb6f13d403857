namespace Majordomo.FunctionalTests;

/// <summary>Configs with an Anthropic-protocol provider; the scenario upstream serves both protocols.</summary>
internal static class AnthropicConfigs
{
    /// <summary>
    /// "anth" speaks Anthropic Messages ({UPSTREAM} ends in /v1, so calls go to /v1/messages), "up" speaks
    /// OpenAI. Models anth/claude (upstream "claude-x"), anth/limited (maxOutputTokens 1234), up/a.
    /// </summary>
    public const string Mixed = """
        {
          "server": { "maxRequestBytes": 200000 },
          "providers": {
            "anth": { "api": "anthropic", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1,
                      "credentials": [ { "id": "a1", "apiKey": "sk-ant-test-one" } ] },
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "retries": 0, "backoffMs": 1,
                    "credentials": [ { "id": "k1", "apiKey": "sk-test-one" } ] },
          },
          "models": {
            "anth/claude": { "provider": "anth", "upstreamModel": "claude-x" },
            "anth/limited": { "provider": "anth", "upstreamModel": "claude-limited", "maxOutputTokens": 1234 },
            "up/a": { "provider": "up", "upstreamModel": "a" },
            "up/b": { "provider": "up", "upstreamModel": "b" },
          },
          "aliases": { "sonnet": "anth/claude" },
          "routes": {
            "default": { "chain": ["anth/claude", "up/a"] },
            "openai-first": { "chain": ["up/a", "anth/claude"] },
            "patient": { "chain": [ { "model": "anth/claude", "timeoutMs": 3000 }, "up/a" ] },
          },
          "defaultRoute": "default",
        }
        """;
}
