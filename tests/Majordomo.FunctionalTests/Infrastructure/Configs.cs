namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>Config templates; <c>{UPSTREAM}</c> becomes the scenario upstream's base URL.</summary>
public static class Configs
{
    /// <summary>
    /// One OpenAI-protocol provider with models a, b, c (upstream names "a", "b", "c"), an alias, a chain,
    /// routes and a model with fallbacks. No retries unless a test asks, tiny backoff.
    /// </summary>
    public const string Standard = """
        {
          // comments and trailing commas are allowed
          "providers": {
            "up": { "api": "openai", "baseUrl": "{UPSTREAM}", "locality": "local", "retries": 0, "backoffMs": 1,
                    "credentials": [ { "id": "k1", "apiKey": "sk-test-one" } ] },
          },
          "models": {
            "up/a": { "provider": "up", "upstreamModel": "a", "tier": 0, "quality": 50 },
            "up/b": { "provider": "up", "upstreamModel": "b", "tier": 0, "quality": 50 },
            "up/c": { "provider": "up", "upstreamModel": "c", "tier": 0, "quality": 50 },
            "up/fb": { "provider": "up", "upstreamModel": "fb", "fallbacks": ["up/b"] },
          },
          "aliases": { "alpha": "up/a" },
          "chains": { "abc": ["up/a", "up/b", "up/c"] },
          "routes": {
            "default": { "chain": "abc" },
            "ab": { "chain": ["up/a", "up/b"] },
            "retrying": { "chain": [ { "model": "up/a", "retries": 2, "backoffMs": 1 }, "up/b" ] },
            "quick": { "chain": [ { "model": "up/a", "timeoutMs": 700 }, "up/b" ] },
            // Long enough that the first chunk always arrives in time, even on a loaded machine.
            "patient": { "chain": [ { "model": "up/a", "timeoutMs": 2500 }, "up/b" ] },
            "firsttoken": { "chain": [ { "model": "up/a", "firstTokenTimeoutMs": 500 }, "up/b" ] },
          },
          "defaultRoute": "default",
          "kinds": { "run": "ab" },
        }
        """;
}
