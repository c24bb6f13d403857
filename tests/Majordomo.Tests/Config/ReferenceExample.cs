namespace Majordomo.Tests.Config;

/// <summary>The reference example of SPEC §2, with the anthropic provider switched to an OpenAI-compatible one (anthropic is refused by this build).</summary>
internal static class ReferenceExample
{
    public const string Text = """
        {
          "server": { "urls": ["http://127.0.0.1:4000"],
                      "apiKeys": [ { "name": "openclaw", "key": "${MAJORDOMO_KEY}", "usdDaily": 2.0 } ],
                      "maxRequestBytes": 33554432, "allowProfileOverride": true },
          "storage": { "sqlite": "majordomo.db" },          // or { "postgres": "Host=…;Database=…" } for a fleet
          "providers": {
            "copilot": { "api": "openai", "baseUrl": "https://copilot.example.test/v1", "locality": "cloud",
                         "credentials": [ { "id": "main", "apiKey": "${COPILOT_TOKEN}" } ],
                         "timeoutMs": 120000, "retries": 2, "backoffMs": 500,
                         "rateLimits": { "rpm": 60, "tpm": 200000 } },
            "anthropic": { "api": "openai", "baseUrl": "https://anthropic.example.test", "locality": "cloud",
                           "credentials": [ { "id": "a", "apiKey": "${ANTHROPIC_KEY_A}" },
                                            { "id": "b", "apiKey": "${ANTHROPIC_KEY_B}" } ] },
            "ollama":  { "api": "openai", "baseUrl": "http://127.0.0.1:11434/v1", "locality": "local" }
          },
          "models": {
            "copilot/gpt-4.1":           { "provider": "copilot", "upstreamModel": "gpt-4.1", "tier": 0,
                                           "quality": 70, "capabilities": ["code", "tools", "vision"],
                                           "contextWindow": 128000, "quota": "premium", "multiplier": 0 },
            "copilot/claude-sonnet-4.6": { "provider": "copilot", "upstreamModel": "claude-sonnet-4.6",
                                           "tier": 2, "quality": 90, "capabilities": ["code", "reasoning", "tools"],
                                           "contextWindow": 200000, "quota": "premium", "multiplier": 1,
                                           "fallbacks": ["copilot/claude-haiku-4.5", "copilot/gpt-4.1"] },
            "ollama/qwen2.5-1.5b":       { "provider": "ollama", "upstreamModel": "qwen2.5:1.5b", "tier": 0,
                                           "quality": 20, "contextWindow": 32768,
                                           "cost": { "inputPerMTok": 0, "outputPerMTok": 0 } }
          },
          "aliases": { "sonnet": "copilot/claude-sonnet-4.6", "fast": "copilot/gpt-4.1-nano" },
          "chains":  { "free": [ "copilot/gpt-4.1",
                                 { "model": "gemini/gemini-2.5-pro", "retries": 1, "backoffMs": 250 },
                                 "ollama/qwen2.5-1.5b" ] },
          "routes": {
            "auto":      { "strategy": "smart" },            // rules → classify → select
            "default":   { "chain": "free" },
            "heartbeat": { "chain": ["copilot/gpt-4.1-nano", "ollama/qwen2.5-1.5b"] },
            "premium":   { "chain": ["copilot/claude-opus-4.6", "copilot/claude-sonnet-4.6"], "escalation": true }
          },
          "defaultRoute": "auto",
          "kinds": { "task": "auto", "run": "default" },     // X-Router-Kind → route
          "selfModel": "ollama/qwen2.5-1.5b",
          "rules": [
            { "id": "heartbeat", "priority": 10, "when": { "source": "heartbeat" }, "action": "route", "target": "heartbeat" },
            { "id": "reset",     "priority": 30, "when": { "pattern": "^/(new|reset)\\b" }, "action": "route_self" },
            { "id": "media",     "priority": 50, "when": { "hasMedia": true }, "action": "classify" },
            { "id": "bulk",      "priority": 60, "when": { "source": "cron" }, "action": "queue", "target": "default", "maxWaitMs": 30000 }
          ],
          "classifier": { "mode": "heuristic" },             // or { "mode": "model", "model": "…", "timeoutMs": 5000 }
          "selection": { "qualityTolerance": 5, "escalation": "auto", "sensitiveLocalOnly": true,
                         "fallbackModel": "ollama/qwen2.5-1.5b",
                         "qualityFloors": { "simple": 0, "medium": 40, "complex": 65, "reasoning": 80 },
                         "taskCapabilities": { "coding": "code", "math": "math", "vision": "vision" } },
          "budgets": {
            "usd": { "daily": 5.0, "monthly": 50.0 },
            "quotas": { "premium": { "monthly": 300, "daily": 10, "resetDayOfMonth": 1, "timeZone": "UTC" } },
            "alerts": { "thresholds": [0.8, 0.95], "webhook": "http://127.0.0.1:9000/hook" },
            "degradation": [ { "atUsage": 0.8, "mode": "prefer-cheaper" }, { "atUsage": 0.9, "maxTier": 1 },
                             { "atUsage": 0.95, "maxTier": 0 }, { "atUsage": 1.0, "mode": "local-only" } ]
          },
          "resilience": { "neverEscalate": true,
                          "cooldown": { "initialSeconds": 30, "maxSeconds": 300, "billingSeconds": 600 } },
          "health": { "intervalSeconds": 30, "timeoutMs": 5000, "unhealthyAfter": 3 },
          "loopDetection": { "enabled": true, "historySize": 20, "warningThreshold": 5,
                             "criticalThreshold": 10, "circuitBreakerThreshold": 15,
                             "detectors": { "genericRepeat": true, "pollNoProgress": true, "pingPong": true } }
        }
        """;

    public static string? Env(string name) => name switch
    {
        "MAJORDOMO_KEY" => "gateway-key-123456",
        "COPILOT_TOKEN" => "copilot-token",
        "ANTHROPIC_KEY_A" => "key-a",
        "ANTHROPIC_KEY_B" => "key-b",
        _ => null,
    };
}
