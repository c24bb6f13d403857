using System.Text;
using BenchmarkDotNet.Attributes;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Config;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Bench.Decision;

/// <summary>
/// The full routing decision of SPEC §6 ("rules + heuristic classifier + selection over 50 models"):
/// <see cref="RouteDecider.DecideAsync(RoutingSnapshot, ChatRequest, string?, CancellationToken)"/> on a
/// parsed request, for a smart route with eight rules none of which match, two model gates that answer
/// from a dictionary (as health and cooldowns do), and prompts of ~40 and ~20,000 tokens. Parsing the
/// HTTP body (the ingress) is not part of it; reading the prompt for rules and the classifier is (a fresh
/// request each call). The <c>20k:</c> cases split the long prompt's time into its parts.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class DecisionBenchmarks
{
    private RouteDecider _router = null!;
    private RoutingSnapshot _snapshot = null!;
    private ChatRequest _short = null!;
    private ChatRequest _long = null!;
    private ChatRequest _heartbeat = null!;
    private ChatRequest _named = null!;
    private ChatRequest _escaped = null!;
    private Classification.Classification _longCues = null!;

    public static int Run(string[] args) => InProcessBenchmarks.Run<DecisionBenchmarks>(args);

    [GlobalSetup]
    public void Setup()
    {
        var loaded = ConfigLoader.Load(CatalogJson(), _ => null);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        }

        var providers = new ProviderFactory(TimeProvider.System);
        _snapshot = RoutingSnapshot.Build(CatalogBuilder.Build(loaded.Config!, providers), [new LookupGate("health"), new LookupGate("cooldown")]);
        _router = new RouteDecider(
            new NoDegradation(), new LatencyTracker(),
            new SessionPins(null, NullLogger<SessionPins>.Instance), TimeProvider.System, NullLogger<RouteDecider>.Instance);

        const string question = "Can you look at this function and tell me why it returns null when the list is empty? " +
            "I think the loop never runs but I am not sure what the right fix is, and whether I should throw instead.";
        _short = Request(Body(question), null);
        var big = new StringBuilder(90_000);
        while (big.Length < 80_000)
        {
            big.Append("The quarterly report lists revenue by region, churn by cohort and the forecast for next year. ");
        }

        _long = Request(Body(big + "\nSummarise the above in five bullet points."), null);
        _escaped = Request(ToolLoopBody(EscapedToolOutput()), null);
        if (SensitivePrefilter.Scan(_escaped.Prompt.ToolResultChars) != SensitiveKind.None)
        {
            throw new InvalidOperationException("the escaped tool output must hold no secret (it measures the rescan's cost)");
        }

        _heartbeat = Request(Body("ping"), "heartbeat");
        _named = Request(Body(question, "m07"), null);
        _longCues = HeuristicClassifier.ClassifyWithCues(_long.Prompt);

        // Warm the snapshot (built once per catalog) and check the setup decides what it should.
        Expect(Decide(_short), RouteTier.Classified);
        Expect(Decide(_long), RouteTier.Classified);
        Expect(Decide(_escaped), RouteTier.Classified);
        Expect(Decide(_heartbeat), RouteTier.Rule);
        Expect(Decide(_named), RouteTier.Direct);
    }

    [Benchmark(Description = "smart, ~40-token prompt")]
    public object? ShortPrompt() => Decide(_short).Plan;

    [Benchmark(Description = "smart, ~20k-token prompt")]
    public object? LongPrompt() => Decide(_long).Plan;

    // Where the long prompt's time goes: its reading (text made), the Tier 1 rules, the classifier, the sensitive scan
    // alone (full and prefiltered), the token count (reading included).
    [Benchmark(Description = "20k: prompt read + texts made")]
    public int LongPromptRead()
    {
        using var view = PromptView.ParseDeferred(_long.Body, _long.Protocol);
        return view.LastUserChars.Length;
    }

    [Benchmark(Description = "20k: rules (pattern windows)")]
    public bool LongPromptRules()
    {
        var any = false;
        foreach (var rule in _snapshot.Rules)
        {
            any |= rule.NeedsPrompt && rule.MatchesPrompt(_long.Prompt, out _);
        }

        return any;
    }

    [Benchmark(Description = "20k: heuristic classifier")]
    public object LongPromptClassify() => HeuristicClassifier.Classify(_long.Prompt);

    [Benchmark(Description = "20k: cue scorer (scan included, no learned model)")]
    public object LongPromptCues() => HeuristicClassifier.ClassifyWithCues(_long.Prompt);

    [Benchmark(Description = "20k: learned model on the cue scorer's answer")]
    public object LongPromptLearned() => LearnedModel.Shipped!.Apply(_long.Prompt, _longCues);

    [Benchmark(Description = "20k: sensitive scan of the user text, full (the reference)")]
    public SensitiveKind LongPromptSensitive() => SensitiveScanner.Scan(_long.Prompt.UserChars);

    [Benchmark(Description = "20k: sensitive scan, prefiltered (what the classifier runs)")]
    public SensitiveKind LongPromptPrefiltered() => SensitivePrefilter.Scan(_long.Prompt.UserChars);

    [Benchmark(Description = "smart, ~20k-token tool output of JSON-escaped code")]
    public object? EscapedToolOutput20k() => Decide(_escaped).Plan;

    // No secret in it; the scan reads it once, through its escapes (SensitiveScanner.ReadOnce).
    [Benchmark(Description = "20k: sensitive scan of the JSON-escaped tool output, prefiltered")]
    public SensitiveKind EscapedToolOutputScan() => SensitivePrefilter.Scan(_escaped.Prompt.ToolResultChars);

    [Benchmark(Description = "20k: token count")]
    public int LongPromptTokens()
    {
        using var view = PromptView.ParseDeferred(_long.Body, _long.Protocol);
        return view.EstimatedPromptTokens;
    }

    [Benchmark(Description = "smart, rule match on source")]
    public object? RuleMatch() => Decide(_heartbeat).Plan;

    [Benchmark(Baseline = true, Description = "named model (no smart routing)")]
    public object? NamedModel() => Decide(_named).Plan;

    // A fresh request per call: a request keeps its one prompt reading, so reusing one would measure the reading once.
    // Disposed after, as the endpoint does with the body: its long texts' pooled arrays go back.
    private RouteDecision Decide(ChatRequest request)
    {
        using var fresh = Fresh(request);
        return _router.DecideAsync(_snapshot, fresh, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static ChatRequest Fresh(ChatRequest r) => new()
    {
        Body = r.Body,
        Protocol = r.Protocol,
        Model = r.Model,
        Stream = r.Stream,
        MessageCount = r.MessageCount,
        Metadata = r.Metadata,
        Splices = r.Splices,
        ClientWantsUsage = r.ClientWantsUsage,
    };

    private static void Expect(RouteDecision decision, string tier)
    {
        if (decision.Plan?.Tier != tier)
        {
            throw new InvalidOperationException($"expected tier {tier}, got {decision.Plan?.Tier ?? decision.Error?.Message}");
        }
    }

    private static ChatRequest Request(string body, string? source)
    {
        var request = OpenAIRequestReader.Parse(Encoding.UTF8.GetBytes(body));
        request.Metadata = new RequestMetadata(source, null, "bench-session", null, null);
        return request;
    }

    private static string Body(string text, string model = "auto") =>
        "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a careful assistant.\"},{\"role\":\"user\",\"content\":" +
        System.Text.Json.JsonSerializer.Serialize(text) + "}]}";

    // An agent's turn after a file-reading tool that answers in JSON: the file's code is one JSON string, so every line
    // break, tab and quote in it is an escape (~80,000 characters, ~20k tokens; no secret, ordinary code words: token, key, session).
    private static string EscapedToolOutput()
    {
        var code = new StringBuilder(90_000);
        for (var i = 0; code.Length < 80_000; i++)
        {
            code.Append($$"""
                public async Task<Order?> LoadOrder{{i}}Async(string key, CancellationToken cancellationToken)
                {
                	if (_cache.TryGetValue(key, out var cached))
                	{
                		_logger.LogDebug("order {Key} served from the session cache ({Count} entries)", key, _cache.Count);
                		return cached;
                	}

                	var order = await _store.FindAsync(key, cancellationToken).ConfigureAwait(false);
                	_metrics.Record("orders.load", order is null ? "miss" : "hit");
                	return order;
                }


                """);
        }

        return System.Text.Json.JsonSerializer.Serialize(new { path = "src/Orders/OrderService.cs", content = code.ToString() });
    }

    private static string ToolLoopBody(string toolOutput) =>
        "{\"model\":\"auto\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a coding agent.\"}," +
        "{\"role\":\"user\",\"content\":\"Why does loading an order sometimes time out?\"}," +
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"src/Orders/OrderService.cs\\\"}\"}}]}," +
        "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":" + System.Text.Json.JsonSerializer.Serialize(toolOutput) + "}]}";

    /// <summary>50 models over a local, a LAN and three cloud providers, with mixed tiers, prices, qualities and capabilities.</summary>
    private static string CatalogJson()
    {
        var models = new StringBuilder();
        string[] providers = ["local", "lan", "cloudA", "cloudB", "cloudC"];
        string[] caps = ["\"code\"", "\"code\",\"tools\"", "\"vision\"", "\"code\",\"reasoning\",\"vision\"", ""];
        for (var i = 0; i < 50; i++)
        {
            var provider = providers[i % providers.Length];
            var paid = provider.StartsWith("cloud", StringComparison.Ordinal);
            models.Append($$"""
                "m{{i:D2}}": { "provider": "{{provider}}", "upstreamModel": "m{{i}}", "tier": {{i % 3}}, "quality": {{20 + ((i * 37) % 80)}},
                               "capabilities": [{{caps[i % caps.Length]}}], "contextWindow": {{(i % 4 == 0 ? 32_000 : 200_000)}}
                               {{(paid ? $$""", "cost": { "inputPerMTok": {{(i % 7) * 0.5}}, "outputPerMTok": {{(i % 5) * 2.0}} }""" : "")}} },
                """);
        }

        return $$"""
            {
              "providers": {
                "local":  { "api": "openai", "baseUrl": "http://127.0.0.1:11434/v1", "locality": "local" },
                "lan":    { "api": "openai", "baseUrl": "http://10.0.0.5:8000/v1", "locality": "lan" },
                "cloudA": { "api": "openai", "baseUrl": "https://a.example/v1", "locality": "cloud" },
                "cloudB": { "api": "openai", "baseUrl": "https://b.example/v1", "locality": "cloud" },
                "cloudC": { "api": "openai", "baseUrl": "https://c.example/v1", "locality": "cloud" }
              },
              "models": { {{models}} },
              "routes": { "auto": { "strategy": "smart" }, "heartbeat": { "chain": ["m00"] }, "default": { "chain": ["m01", "m00"] } },
              "defaultRoute": "auto",
              "selfModel": "m00",
              "rules": [
                { "id": "heartbeat", "priority": 10, "when": { "source": "heartbeat" }, "action": "route", "target": "heartbeat" },
                { "id": "reset", "priority": 20, "when": { "pattern": "^/(new|reset)\\b" }, "action": "route_self" },
                { "id": "media", "priority": 30, "when": { "hasMedia": true }, "action": "classify" },
                { "id": "cron", "priority": 40, "when": { "source": "cron" }, "action": "queue", "target": "default", "maxWaitMs": 30000 },
                { "id": "ops", "priority": 50, "when": { "channel": "ops" }, "action": "route", "target": "default" },
                { "id": "secret", "priority": 60, "when": { "pattern": "(?i)do not route this" }, "action": "reject" },
                { "id": "huge", "priority": 70, "when": { "minTokens": 150000 }, "action": "route", "target": "m01" },
                { "id": "tools", "priority": 80, "when": { "hasTools": true, "channel": "agents" }, "action": "route", "target": "m02" }
              ],
              "selection": { "qualityTolerance": 5, "fallbackModel": "m00" }
            }
            """;
    }

    /// <summary>A gate like health or cooldowns: a dictionary lookup that finds nothing wrong.</summary>
    private sealed class LookupGate(string name) : IModelGate
    {
        private readonly Dictionary<string, Unavailability> _down = new(StringComparer.Ordinal) { ["m49"] = new Unavailability("unhealthy", null) };

        public string Name => name;

        public Unavailability? Check(ModelEntry model, in GateContext context) => _down.TryGetValue(model.Id, out var u) ? u : null;
    }
}
