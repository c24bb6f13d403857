namespace Majordomo.FunctionalTests.Routing;

/// <summary>
/// A catalog for smart routing tests. Every quality floor is 65 and every task type needs "code", so
/// what the filters do does not depend on how the classifier judges a prompt.
/// Static order on <c>auto</c> (floor 65, tolerance 5): loc/coder, loc/coder2, loc/narrow (local, free,
/// quality 70 / 61 / 60… see below), lan/box, cloud/cheap, cloud/mid, cloud/big; then the fallback loc/small.
/// </summary>
public static class SmartConfigs
{
    public const string Models = """
          "models": {
            "loc/small":  { "provider": "loc",   "upstreamModel": "small",  "tier": 0, "quality": 20, "contextWindow": 100000, "capabilities": ["code"] },
            "loc/coder":  { "provider": "loc",   "upstreamModel": "coder",  "tier": 0, "quality": 70, "contextWindow": 32000, "capabilities": ["code"] },
            "loc/coder2": { "provider": "loc",   "upstreamModel": "coder2", "tier": 0, "quality": 61, "contextWindow": 32000, "capabilities": ["code"] },
            "loc/narrow": { "provider": "loc",   "upstreamModel": "narrow", "tier": 0, "quality": 60, "contextWindow": 1000, "capabilities": ["code"] },
            "loc/plain":  { "provider": "loc",   "upstreamModel": "plain",  "tier": 0, "quality": 99, "contextWindow": 32000 },
            "loc/paid":   { "provider": "loc",   "upstreamModel": "paid",   "tier": 0, "quality": 66, "contextWindow": 32000, "capabilities": ["code"],
                            "cost": { "inputPerMTok": 5, "outputPerMTok": 5 } },
            "loc/weak":   { "provider": "loc",   "upstreamModel": "weak",   "tier": 0, "quality": 30, "contextWindow": 32000, "capabilities": ["code"] },
            "loc/off":    { "provider": "loc",   "upstreamModel": "off",    "tier": 0, "quality": 99, "enabled": false, "capabilities": ["code"] },
            "lan/box":    { "provider": "lan",   "upstreamModel": "box",    "tier": 0, "quality": 70, "contextWindow": 32000, "capabilities": ["code"] },
            "cloud/cheap": { "provider": "cloud", "upstreamModel": "cheap", "tier": 0, "quality": 70, "capabilities": ["code"],
                             "cost": { "inputPerMTok": 0.1, "outputPerMTok": 0.4 } },
            "cloud/mid":  { "provider": "cloud", "upstreamModel": "mid",    "tier": 1, "quality": 80, "capabilities": ["code"],
                            "cost": { "inputPerMTok": 1, "outputPerMTok": 4 } },
            "cloud/big":  { "provider": "cloud", "upstreamModel": "big",    "tier": 2, "quality": 95, "capabilities": ["code"],
                            "cost": { "inputPerMTok": 10, "outputPerMTok": 30 } }
          },
        """;

    /// <summary>The expected attempt chain of an ordinary short user prompt on <c>auto</c>.</summary>
    public static readonly string[] NormalChain =
        ["loc/coder", "loc/coder2", "loc/narrow", "loc/paid", "lan/box", "cloud/cheap", "cloud/mid", "cloud/big", "loc/small"];

    public static string Build(string rules = "[]", string selection = "", string extra = "") => """
        {
          "providers": {
            "loc":   { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "local", "retries": 0, "backoffMs": 1 },
            "lan":   { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "lan",   "retries": 0, "backoffMs": 1 },
            "cloud": { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "cloud", "retries": 0, "backoffMs": 1 }
          },
        """ + Models + """
          "aliases": { "big": "cloud/big", "small": "loc/small" },
          "routes": {
            "auto":        { "strategy": "smart" },
            "auto-esc":    { "strategy": "smart", "escalation": true },
            "cheap-route": { "chain": ["cloud/cheap"] },
            "heartbeat":   { "chain": ["loc/small"] },
            "fixed":       { "chain": ["lan/box", "loc/small"] }
          },
          "defaultRoute": "auto",
          "kinds": { "job": "fixed" },
          "selfModel": "loc/small",
        """ + extra + """
          "rules": RULES,
          "selection": {
            "qualityTolerance": 5,
            "fallbackModel": "loc/small",
            "qualityFloors": { "simple": 65, "medium": 65, "complex": 65, "reasoning": 65 },
            "taskCapabilities": { "conversation": "code", "coding": "code", "math": "code", "reasoning": "code", "summarization": "code",
                                  "extraction": "code", "creative": "code", "vision": "code", "research": "code", "agentic": "code", "translation": "code" }
            SELECTION
          }
        }
        """.Replace("RULES", rules, StringComparison.Ordinal).Replace("SELECTION", selection, StringComparison.Ordinal);

    /// <summary>Rules covering every condition and action; each keyed by a metadata value no other test sends.</summary>
    public const string Rules = """
        [
          { "id": "off",       "priority": 1,  "enabled": false, "when": { "source": "user" }, "action": "reject", "message": "disabled rules never fire" },
          { "id": "late-hb",   "priority": 50, "when": { "source": "heartbeat" }, "action": "reject", "message": "a later rule never wins" },
          { "id": "hb",        "priority": 10, "when": { "source": "heartbeat" }, "action": "route", "target": "heartbeat" },
          { "id": "ops",       "priority": 20, "when": { "channel": "ops" }, "action": "route", "target": "cheap-route" },
          { "id": "batch",     "priority": 21, "when": { "kind": "batch" }, "action": "route", "target": "lan/box" },
          { "id": "esc-only",  "priority": 22, "when": { "model": "auto-esc", "source": "probe" }, "action": "route", "target": "cloud/mid" },
          { "id": "reset",     "priority": 30, "when": { "pattern": "^/(new|reset)\\b" }, "action": "route_self" },
          { "id": "media",     "priority": 40, "when": { "hasMedia": true }, "action": "route", "target": "big" },
          { "id": "tools",     "priority": 41, "when": { "hasTools": true }, "action": "route", "target": "cloud/mid" },
          { "id": "short",     "priority": 42, "when": { "channel": "sized", "maxTokens": 50 }, "action": "route", "target": "lan/box" },
          { "id": "long",      "priority": 43, "when": { "channel": "sized", "minTokens": 51 }, "action": "route", "target": "cloud/cheap" },
          { "id": "blocked",   "priority": 60, "when": { "source": "spam" }, "action": "reject", "message": "No spam here, please." },
          { "id": "bulk",      "priority": 70, "when": { "source": "cron" }, "action": "queue", "target": "cheap-route", "maxWaitMs": 10000 },
          { "id": "bulk-fast", "priority": 71, "when": { "source": "cron-fast" }, "action": "queue", "target": "cheap-route", "maxWaitMs": 200 },
          { "id": "think",     "priority": 80, "when": { "channel": "classify-me" }, "action": "classify" },
          { "id": "combo",     "priority": 90, "when": { "source": "combo", "channel": "x" }, "action": "route", "target": "fixed" }
        ]
        """;
}
