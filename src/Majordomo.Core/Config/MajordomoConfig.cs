using System.Text.Json;
using System.Text.Json.Serialization;

namespace Majordomo.Config;

// Raw, declared configuration (SPEC §2). Records mirror the JSON file one to one; the resolved,
// runtime shape lives in Catalog/. Every record keeps unknown keys so the validator can name them.

public abstract record ConfigSection
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed record MajordomoConfig : ConfigSection
{
    public ServerConfig? Server { get; init; }
    public StorageConfig? Storage { get; init; }
    public Dictionary<string, ProviderConfig>? Providers { get; init; }
    public Dictionary<string, ModelConfig>? Models { get; init; }
    public Dictionary<string, string>? Aliases { get; init; }
    public Dictionary<string, List<ChainEntryConfig>>? Chains { get; init; }
    public Dictionary<string, RouteConfig>? Routes { get; init; }
    public string? DefaultRoute { get; init; }
    public Dictionary<string, string>? Kinds { get; init; }
    public string? SelfModel { get; init; }
    public List<RuleConfig>? Rules { get; init; }
    public ClassifierConfig? Classifier { get; init; }
    public SelectionConfig? Selection { get; init; }
    public BudgetsConfig? Budgets { get; init; }
    public ResilienceConfig? Resilience { get; init; }
    public HealthConfig? Health { get; init; }
    public LoopDetectionConfig? LoopDetection { get; init; }
    public CommandsConfig? Commands { get; init; }
    public TelemetryConfig? Telemetry { get; init; }

    /// <summary>The exact response cache (SPEC §8); off when absent.</summary>
    [JsonConverter(typeof(CacheConfigConverter))]
    public CacheConfig? Cache { get; init; }
}

/// <summary><c>telemetry</c> (SPEC §7): export to an OpenTelemetry collector; off when absent.</summary>
public sealed record TelemetryConfig : ConfigSection
{
    public OtlpConfig? Otlp { get; init; }
}

/// <summary><c>telemetry.otlp</c>: the collector's base URL, the protocol, and which signals to send.</summary>
public sealed record OtlpConfig : ConfigSection
{
    public string? Endpoint { get; init; }
    public string? Protocol { get; init; }
    public bool? Traces { get; init; }
    public bool? Metrics { get; init; }
}

public sealed record ServerConfig : ConfigSection
{
    public List<string>? Urls { get; init; }
    public List<ApiKeyConfig>? ApiKeys { get; init; }
    public long? MaxRequestBytes { get; init; }
    public bool? AllowProfileOverride { get; init; }
    public CorsConfig? Cors { get; init; }
}

/// <summary><c>server.cors</c>: browser origins allowed to call <c>/v1/*</c> (SPEC §4); off when absent.</summary>
public sealed record CorsConfig : ConfigSection
{
    /// <summary>Exact origins (<c>https://app.example.com</c>) or <c>["*"]</c>.</summary>
    public List<string>? Origins { get; init; }
}

public sealed record ApiKeyConfig : ConfigSection
{
    public string? Name { get; init; }
    public string? Key { get; init; }
    public double? UsdDaily { get; init; }
    public double? UsdMonthly { get; init; }
    public long? RequestsDaily { get; init; }
    public long? RequestsMonthly { get; init; }

    /// <summary>May read every tenant's <c>/usage</c>, <c>/stats</c> and request log (SPEC §4); other keys see their own.</summary>
    public bool? Admin { get; init; }

    // Records print every property; a key must never reach a log line through ToString().
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", Key = ***");
        return true;
    }
}

public sealed record StorageConfig : ConfigSection
{
    public string? Sqlite { get; init; }
    public string? Postgres { get; init; }

    /// <summary>Keep each request's body (secrets redacted) in the request log, for exact <c>simulate</c> replays. Off by default.</summary>
    public bool? LogPrompts { get; init; }

    /// <summary>What admission does while the shared counters cannot be checked: <c>local-only</c> (default), <c>fail-open</c>, <c>reject</c>.</summary>
    public string? OnOutage { get; init; }

    /// <summary>Request-log rows older than this many days are deleted (both stores); unset keeps them all.</summary>
    public int? RetentionDays { get; init; }
}

public sealed record ProviderConfig : ConfigSection
{
    public string? Api { get; init; }
    public string? BaseUrl { get; init; }
    public string? Locality { get; init; }
    public bool? Enabled { get; init; }

    /// <summary>What the active health check calls: a path appended to <c>baseUrl</c>, or an absolute URL.</summary>
    public string? HealthPath { get; init; }
    public List<CredentialConfig>? Credentials { get; init; }
    public Dictionary<string, string>? Headers { get; init; }
    public int? TimeoutMs { get; init; }
    public int? ConnectTimeoutMs { get; init; }
    public int? FirstTokenTimeoutMs { get; init; }
    public int? Retries { get; init; }
    public int? BackoffMs { get; init; }
    public RateLimitsConfig? RateLimits { get; init; }
    public SimulationConfig? Simulation { get; init; }
}

public sealed record CredentialConfig : ConfigSection
{
    public string? Id { get; init; }
    public string? ApiKey { get; init; }

    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", ApiKey = ***");
        return true;
    }
}

public sealed record RateLimitsConfig : ConfigSection
{
    public int? Rpm { get; init; }
    public int? Tpm { get; init; }
}

/// <summary>Behaviour of an <c>"api": "simulated"</c> provider (the demo catalog, offline tests).</summary>
public sealed record SimulationConfig : ConfigSection
{
    public int? LatencyMs { get; init; }
    public int? ChunkDelayMs { get; init; }
    public int? Chunks { get; init; }
    public double? FailureRate { get; init; }
    public int? Seed { get; init; }
}

public sealed record ModelConfig : ConfigSection
{
    public string? Provider { get; init; }
    public string? UpstreamModel { get; init; }
    public bool? Enabled { get; init; }
    public int? Tier { get; init; }
    public int? Quality { get; init; }
    public List<string>? Capabilities { get; init; }
    public int? ContextWindow { get; init; }
    public int? MaxOutputTokens { get; init; }
    public string? Quota { get; init; }
    public double? Multiplier { get; init; }
    public CostConfig? Cost { get; init; }
    public List<ChainEntryConfig>? Fallbacks { get; init; }
    public int? Retries { get; init; }
    public int? BackoffMs { get; init; }
    public int? TimeoutMs { get; init; }
    public int? FirstTokenTimeoutMs { get; init; }
    public RateLimitsConfig? RateLimits { get; init; }
}

public sealed record CostConfig : ConfigSection
{
    public double? InputPerMTok { get; init; }
    public double? OutputPerMTok { get; init; }
    public double? CacheReadPerMTok { get; init; }
    public double? CacheWritePerMTok { get; init; }
}

/// <summary>A chain entry: either a bare model id string or an object with per-entry overrides.</summary>
[JsonConverter(typeof(ChainEntryConfigConverter))]
public sealed record ChainEntryConfig : ChainEntryFields
{
    public ChainEntryConfig()
    {
    }

    /// <summary>The entry an object form was read into.</summary>
    public ChainEntryConfig(ChainEntryFields fields)
        : base(fields)
    {
    }
}

/// <summary>The fields of a chain entry; the object form is read as this type (no string-or-object converter).</summary>
public record ChainEntryFields : ConfigSection
{
    public string? Model { get; init; }
    public string? Provider { get; init; }
    public List<string>? Credentials { get; init; }
    public int? Retries { get; init; }
    public int? BackoffMs { get; init; }
    public int? TimeoutMs { get; init; }
    public int? FirstTokenTimeoutMs { get; init; }
}

/// <summary>A route's chain: the name of a chain from <c>chains</c>, or an inline list of entries.</summary>
[JsonConverter(typeof(ChainRefConverter))]
public sealed record ChainRef
{
    public string? Name { get; init; }
    public List<ChainEntryConfig>? Entries { get; init; }
}

public sealed record RouteConfig : ConfigSection
{
    public string? Strategy { get; init; }
    public ChainRef? Chain { get; init; }
    public bool? Escalation { get; init; }
    public string? Description { get; init; }

    /// <summary>Loop guard settings for requests on this route, layered over the global <c>loopDetection</c>.</summary>
    public LoopDetectionConfig? LoopDetection { get; init; }

    /// <summary>The response cache on this route: <c>false</c> (never cached) or <c>{ "ttlSeconds": … }</c> over the global <c>cache</c>.</summary>
    [JsonConverter(typeof(CacheConfigConverter))]
    public CacheConfig? Cache { get; init; }
}

public sealed record RuleConfig : ConfigSection
{
    public string? Id { get; init; }
    public int? Priority { get; init; }
    public bool? Enabled { get; init; }
    public RuleWhenConfig? When { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
    public int? MaxWaitMs { get; init; }
    public string? Message { get; init; }
}

public sealed record RuleWhenConfig : ConfigSection
{
    public string? Source { get; init; }
    public string? Channel { get; init; }
    public string? Kind { get; init; }
    public string? Model { get; init; }
    public string? Pattern { get; init; }
    public bool? HasMedia { get; init; }
    public bool? HasTools { get; init; }
    public int? MinTokens { get; init; }
    public int? MaxTokens { get; init; }
}

public sealed record ClassifierConfig : ConfigSection
{
    public string? Mode { get; init; }
    public string? Model { get; init; }
    public int? TimeoutMs { get; init; }
}

public sealed record SelectionConfig : ConfigSection
{
    public int? QualityTolerance { get; init; }
    public string? Escalation { get; init; }
    public bool? SensitiveLocalOnly { get; init; }
    public string? FallbackModel { get; init; }
    public Dictionary<string, int>? QualityFloors { get; init; }
    public Dictionary<string, string>? TaskCapabilities { get; init; }
}

public sealed record BudgetsConfig : ConfigSection
{
    public UsdBudgetConfig? Usd { get; init; }
    public Dictionary<string, QuotaPoolConfig>? Quotas { get; init; }
    public AlertsConfig? Alerts { get; init; }
    public List<DegradationStepConfig>? Degradation { get; init; }
}

public sealed record UsdBudgetConfig : ConfigSection
{
    public double? Daily { get; init; }
    public double? Monthly { get; init; }
    public string? TimeZone { get; init; }
}

public sealed record QuotaPoolConfig : ConfigSection
{
    public double? Monthly { get; init; }
    public double? Daily { get; init; }
    public int? ResetDayOfMonth { get; init; }
    public string? TimeZone { get; init; }
}

public sealed record AlertsConfig : ConfigSection
{
    public List<double>? Thresholds { get; init; }
    public string? Webhook { get; init; }
}

public sealed record DegradationStepConfig : ConfigSection
{
    public double? AtUsage { get; init; }
    public string? Mode { get; init; }
    public int? MaxTier { get; init; }
}

public sealed record ResilienceConfig : ConfigSection
{
    public bool? NeverEscalate { get; init; }
    public int? DeadlineMs { get; init; }
    public int? MaxCooldownWaitMs { get; init; }
    public CooldownConfig? Cooldown { get; init; }
    public List<ErrorRuleConfig>? ErrorRules { get; init; }
}

public sealed record CooldownConfig : ConfigSection
{
    public int? InitialSeconds { get; init; }
    public int? MaxSeconds { get; init; }
    public int? BillingSeconds { get; init; }
}

public sealed record ErrorRuleConfig : ConfigSection
{
    public int? Status { get; init; }
    public string? Pattern { get; init; }
    public string? Class { get; init; }
}

public sealed record HealthConfig : ConfigSection
{
    public bool? Enabled { get; init; }
    public int? IntervalSeconds { get; init; }
    public int? TimeoutMs { get; init; }
    public int? UnhealthyAfter { get; init; }
}

public sealed record LoopDetectionConfig : ConfigSection
{
    public bool? Enabled { get; init; }
    public int? HistorySize { get; init; }
    public int? WarningThreshold { get; init; }
    public int? CriticalThreshold { get; init; }
    public int? CircuitBreakerThreshold { get; init; }
    public LoopDetectorsConfig? Detectors { get; init; }
}

public sealed record LoopDetectorsConfig : ConfigSection
{
    public bool? GenericRepeat { get; init; }
    public bool? PollNoProgress { get; init; }
    public bool? PingPong { get; init; }
}

public sealed record CommandsConfig : ConfigSection
{
    public bool? Enabled { get; init; }
}

/// <summary>
/// <c>cache</c> (SPEC §8), globally and per route. Written as an object, or as <c>true</c> / <c>false</c>
/// (<see cref="CacheConfigConverter"/>: the short form of <c>{ "enabled": … }</c>). <c>maxEntries</c> and
/// <c>maxBytes</c> bound the one in-memory store, so they are global only.
/// </summary>
public sealed record CacheConfig : ConfigSection
{
    public bool? Enabled { get; init; }
    public int? TtlSeconds { get; init; }
    public int? MaxEntries { get; init; }
    public long? MaxBytes { get; init; }
}
