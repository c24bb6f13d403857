using System.Text.Json;
using System.Text.Json.Serialization;

namespace Majordomo.Api;

internal sealed record OpenAIError(string Message, string Type, string? Code, string? Param = null)
{
    [JsonPropertyName("attempts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AttemptSummary>? Attempts { get; init; }

    /// <summary>A 503 from selection: every candidate and why it was excluded.</summary>
    [JsonPropertyName("candidates")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExcludedSummary>? Candidates { get; init; }

    /// <summary>The soonest time an excluded candidate becomes available again, when a gate knows it.</summary>
    [JsonPropertyName("available_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? AvailableAt { get; init; }
}

internal sealed record ExcludedSummary(string Model, string Reason, DateTimeOffset? Until);

internal sealed record OpenAIErrorEnvelope(OpenAIError Error);

/// <summary>Anthropic's error shape: <c>{"type":"error","error":{"type","message"},"request_id"}</c>; <c>code</c> and <c>attempts</c> are the router's additions.</summary>
internal sealed record AnthropicErrorEnvelope(string Type, AnthropicError Error)
{
    [JsonPropertyName("request_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}

internal sealed record AnthropicError(string Type, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AttemptSummary>? Attempts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExcludedSummary>? Candidates { get; init; }

    [JsonPropertyName("available_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? AvailableAt { get; init; }
}

internal sealed record AttemptSummary(string Model, string Provider, string? Credential, int? Status, string Outcome, string? Reason, double DurationMs);

internal sealed record ModelListEntry(string Id, string Object, long Created, string OwnedBy)
{
    /// <summary>The model's <c>contextWindow</c> (a route's or alias's: of the model it resolves to first).</summary>
    [JsonPropertyName("context_length")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ContextLength { get; init; }

    /// <summary>The model's <c>maxOutputTokens</c>, like <see cref="ContextLength"/>.</summary>
    [JsonPropertyName("max_output_tokens")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxOutputTokens { get; init; }

    [JsonPropertyName("majordomo")]
    public ModelListInfo? Majordomo { get; init; }
}

internal sealed record ModelListInfo(string Kind, string? Provider, int? Tier, string? Target, IReadOnlyList<string>? Chain)
{
    /// <summary>False for a model with <c>"enabled": false</c> or of a provider with <c>"enabled": false</c>: it never answers.</summary>
    public bool Enabled { get; init; } = true;
}

internal sealed record ModelList(string Object, IReadOnlyList<ModelListEntry> Data);

internal sealed record HealthReport(
    string Status,
    string Version,
    bool Configured,
    string? Message,
    HealthStore Store,
    HealthModels Models,
    string? Config,
    HealthBudget Budget)
{
    /// <summary>Health per provider and model, and the cooldowns in force (SPEC §1.9).</summary>
    public HealthDetails? Health { get; init; }

    /// <summary>Why the status is <c>degraded</c>, one line each (SPEC §4); empty when it is <c>ok</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>
/// <c>/health</c> for a caller without a gateway key while keys are configured: whether the gateway
/// works, not what it routes to (model ids, providers, credentials and budget names need a key).
/// </summary>
internal sealed record PublicHealthReport(string Status, string Version, IReadOnlyList<string> Problems);

internal sealed record HealthDetails(
    bool ActiveChecks,
    IReadOnlyList<ProviderHealthSummary> Providers,
    IReadOnlyList<ModelHealthSummary> Models,
    IReadOnlyList<CooldownSummary> Cooldowns);

internal sealed record ProviderHealthSummary(string Provider, int Healthy, int Unhealthy);

internal sealed record ModelHealthSummary(string Model, string Provider, bool Healthy, int ConsecutiveFailures, double? LatencyMs, string? LastError, DateTimeOffset? Since);

internal sealed record CooldownSummary(string Provider, string Credential, string Model, string Reason, int Strikes, DateTimeOffset Until);

internal sealed record HealthStore(string Kind, bool Reachable, string? Error, long Written, long Dropped, long Held);

internal sealed record HealthModels(int Total, int Healthy, int Unhealthy);

/// <summary>The budget summary of <c>/health</c>: whether budgets apply, the degradation level, the fullest limit.</summary>
internal sealed record HealthBudget(bool Enforced, string Note)
{
    public string Level { get; init; } = "normal";

    public double Usage { get; init; }

    public IReadOnlyList<string> Exhausted { get; init; } = [];
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OpenAIErrorEnvelope))]
[JsonSerializable(typeof(AnthropicErrorEnvelope))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(PublicHealthReport))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

internal static class ApiJson
{
    /// <summary>
    /// Error messages quote names ('up/a'); the default encoder would write them as \u0027. Responses are
    /// application/json, never embedded in HTML, so the relaxed encoder is safe and keeps them readable.
    /// </summary>
    public static ApiJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
