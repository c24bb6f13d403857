using System.Text.Json;
using System.Text.Json.Serialization;

namespace Majordomo.Api;

public sealed record OpenAIError(string Message, string Type, string? Code, string? Param = null)
{
    [JsonPropertyName("attempts")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AttemptSummary>? Attempts { get; init; }

    /// <summary>Candidates not tried (cooling down, rate limited, unhealthy …) and until when.</summary>
    [JsonPropertyName("unavailable")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UnavailableSummary>? Unavailable { get; init; }

    /// <summary>The soonest time a candidate becomes available again.</summary>
    [JsonPropertyName("available_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? AvailableAt { get; init; }
}

public sealed record UnavailableSummary(string Model, string Reason, DateTimeOffset? Until);

public sealed record OpenAIErrorEnvelope(OpenAIError Error);

public sealed record AttemptSummary(string Model, string Provider, string? Credential, int? Status, string Outcome, string? Reason, double DurationMs);

public sealed record ModelListEntry(string Id, string Object, long Created, string OwnedBy)
{
    [JsonPropertyName("majordomo")]
    public ModelListInfo? Majordomo { get; init; }
}

public sealed record ModelListInfo(string Kind, string? Provider, int? Tier, string? Target, IReadOnlyList<string>? Chain);

public sealed record ModelList(string Object, IReadOnlyList<ModelListEntry> Data);

public sealed record HealthReport(
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
}

public sealed record HealthDetails(
    bool ActiveChecks,
    IReadOnlyList<ProviderHealthSummary> Providers,
    IReadOnlyList<ModelHealthSummary> Models,
    IReadOnlyList<CooldownSummary> Cooldowns);

public sealed record ProviderHealthSummary(string Provider, int Healthy, int Unhealthy);

public sealed record ModelHealthSummary(string Model, string Provider, bool Healthy, int ConsecutiveFailures, double? LatencyMs, string? LastError, DateTimeOffset? Since);

public sealed record CooldownSummary(string Provider, string Credential, string Model, string Reason, int Strikes, DateTimeOffset Until);

public sealed record HealthStore(string Kind, bool Reachable, string? Error, long Written, long Dropped);

public sealed record HealthModels(int Total, int Healthy, int Unhealthy);

public sealed record HealthBudget(bool Enforced, string Note);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OpenAIErrorEnvelope))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(HealthReport))]
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
