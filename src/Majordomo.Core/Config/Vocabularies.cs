namespace Majordomo.Config;

// The words config keys accept, each vocabulary defined once, in the order of the config's sections. They live in Config, not in the feature
// that gives them meaning, because the validator (Config) must read them and a folder uses only folders
// above it; the owning feature (named on each) maps them to its own types through these constants.

/// <summary><c>providers.X.api</c>. Owner: Providers (<c>Providers/Protocols</c>, the protocol registry, names each protocol with these).</summary>
internal static class ProviderApis
{
    public const string OpenAI = "openai", Anthropic = "anthropic", OpenAIResponses = "openai-responses", Simulated = "simulated";

    public static readonly Vocabulary All = new(OpenAI, Anthropic, OpenAIResponses, Simulated);
}

/// <summary><c>providers.X.locality</c>. Owner: Catalog (ordering) and Routing (local-only degradation).</summary>
internal static class Localities
{
    public const string Local = "local", Lan = "lan", Cloud = "cloud";

    public static readonly Vocabulary All = new(Local, Lan, Cloud);

    /// <summary>Local and LAN models count as local for <c>local-only</c> and self routing.</summary>
    public static bool IsLocal(string? locality) => locality is Local or Lan;
}

/// <summary><c>routes.X.strategy</c>. Owner: Catalog.</summary>
internal static class RouteStrategies
{
    public const string Smart = "smart", Chain = "chain";

    public static readonly Vocabulary All = new(Smart, Chain);
}

/// <summary><c>rules[i].action</c>. Owner: Routing (Tier 1 rules).</summary>
internal static class RuleActions
{
    public const string Route = "route", RouteSelf = "route_self", Classify = "classify", Reject = "reject", Queue = "queue";

    public static readonly Vocabulary All = new(Route, RouteSelf, Classify, Reject, Queue);
}

/// <summary><c>classifier.mode</c>. Owner: Classification / Routing.</summary>
internal static class ClassifierModes
{
    public const string Heuristic = "heuristic", Model = "model";

    public static readonly Vocabulary All = new(Heuristic, Model);
}

/// <summary>Complexity levels of SPEC §1.3 (<c>selection.qualityFloors</c>, classifier answers), lower case on the wire. Owner: Classification.</summary>
internal static class Complexity
{
    public const string Simple = "simple", Medium = "medium", Complex = "complex", Reasoning = "reasoning";

    public static readonly IReadOnlyList<string> All = [Simple, Medium, Complex, Reasoning];

    public static readonly Vocabulary Words = new(Simple, Medium, Complex, Reasoning);
}

/// <summary><c>selection.escalation</c>. Owner: Routing (selection).</summary>
internal static class Escalations
{
    public const string Auto = "auto", Explicit = "explicit";

    public static readonly Vocabulary All = new(Auto, Explicit);
}

/// <summary><c>budgets.degradation[i].mode</c>. Owner: Budgets (the degradation curve).</summary>
internal static class DegradationModes
{
    public const string Normal = "normal", PreferCheaper = "prefer-cheaper", LocalOnly = "local-only";

    public static readonly Vocabulary All = new(Normal, PreferCheaper, LocalOnly);
}

/// <summary><c>storage.onOutage</c>. Owner: Budgets (<c>OutageMode</c>).</summary>
internal static class OutageModes
{
    public const string LocalOnly = "local-only", FailOpen = "fail-open", Reject = "reject";

    public static readonly Vocabulary All = new(LocalOnly, FailOpen, Reject);
}

/// <summary>Failure classes (<c>resilience.errorRules[i].class</c>, attempt records). Owner: Execution (<c>FailureClassifier</c>).</summary>
internal static class FailureClassNames
{
    public const string Transient = "transient", RateLimited = "rate-limited", Timeout = "timeout", Credential = "credential", Billing = "billing",
        ModelUnavailable = "model-unavailable", ContextTooLong = "context-too-long", CallerFault = "caller-fault", Unknown = "unknown";

    public static readonly Vocabulary All = new(Transient, RateLimited, Timeout, Credential, Billing, ModelUnavailable, ContextTooLong, CallerFault, Unknown);
}

/// <summary>Loop detectors (<c>loopDetection.detectors</c> keys). Owner: LoopGuard.</summary>
internal static class LoopDetectorNames
{
    public const string GenericRepeat = "genericRepeat", PollNoProgress = "pollNoProgress", PingPong = "pingPong";

    public static readonly Vocabulary All = new(GenericRepeat, PollNoProgress, PingPong);
}

/// <summary><c>telemetry.otlp.protocol</c>. Owner: Monitoring (<c>TelemetryServices</c> maps them to the exporter's protocol).</summary>
internal static class OtlpProtocols
{
    public const string Grpc = "grpc", HttpProtobuf = "http/protobuf";

    public static readonly Vocabulary All = new(Grpc, HttpProtobuf);
}
