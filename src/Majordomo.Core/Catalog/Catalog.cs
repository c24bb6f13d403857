using System.Collections.Frozen;
using Majordomo.Config;
using Majordomo.Providers;

namespace Majordomo.Catalog;

/// <summary>A provider as resolved from config, with its built adapter.</summary>
internal sealed class ProviderEntry
{
    public required string Name { get; init; }
    public required string Api { get; init; }
    public required string Locality { get; init; }
    public required IReadOnlyList<Credential> Credentials { get; init; }
    public required IChatProvider Client { get; init; }
    public int Retries { get; init; }
    public int BackoffMs { get; init; }
    public int TimeoutMs { get; init; }
    public int? FirstTokenTimeoutMs { get; init; }

    /// <summary>Declared <c>rateLimits</c> of the provider (requests / tokens per minute).</summary>
    public int? Rpm { get; init; }

    public int? Tpm { get; init; }

    /// <summary>Base URL from the config, for health checks.</summary>
    public string? BaseUrl { get; init; }

    /// <summary><c>providers.X.healthPath</c>: null for the protocol's model list.</summary>
    public string? HealthPath { get; init; }
}

internal sealed class ModelEntry
{
    public required string Id { get; init; }
    public required ProviderEntry Provider { get; init; }
    public required string UpstreamModel { get; init; }
    public required byte[] UpstreamModelJson { get; init; }
    public bool Enabled { get; init; } = true;
    public int Tier { get; init; }
    public int Quality { get; init; }
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Lists the <c>reasoning</c> capability (read once here, not per request): thinking requests are translated for it.</summary>
    public bool Reasoning { get; init; }
    public int? ContextWindow { get; init; }

    /// <summary>The answer-length limit; sent as <c>max_tokens</c> to Anthropic upstreams when an OpenAI client gives none.</summary>
    public int? MaxOutputTokens { get; init; }
    public double InputPerMTok { get; init; }
    public double OutputPerMTok { get; init; }

    /// <summary>Price of cached input tokens read (per million); null = the input price.</summary>
    public double? CacheReadPerMTok { get; init; }

    /// <summary>Price of input tokens written to the cache (per million); null = the input price.</summary>
    public double? CacheWritePerMTok { get; init; }
    public string? Quota { get; init; }
    public double Multiplier { get; init; }
    public int? Retries { get; init; }
    public int? BackoffMs { get; init; }
    public int? TimeoutMs { get; init; }
    public int? FirstTokenTimeoutMs { get; init; }

    /// <summary>Declared <c>rateLimits</c> of the model, on top of its provider's.</summary>
    public int? Rpm { get; init; }

    public int? Tpm { get; init; }

    /// <summary>The model itself followed by its <c>fallbacks</c>: what a request naming this model tries.</summary>
    public IReadOnlyList<ChainEntry> Chain { get; internal set; } = [];

    public bool IsFree => Multiplier == 0 && InputPerMTok == 0 && OutputPerMTok == 0;
}

/// <summary>One step of an attempt chain: a model plus the per-entry policy resolved from entry, model and provider.</summary>
internal sealed record ChainEntry(ModelEntry Model, int Retries, int BackoffMs, int TimeoutMs, int? FirstTokenTimeoutMs, IReadOnlyList<Credential> Credentials);

internal enum TargetKind
{
    Route,
    Alias,
    Model,
    Chain,
}

internal sealed record RouteEntry(string Name, bool Smart, IReadOnlyList<ChainEntry> Chain, bool Escalation);

/// <summary>
/// The immutable, resolved view of one config: what the request path reads. A request takes the
/// current snapshot once and uses it throughout (YARP's Config / Model / State split).
/// </summary>
internal sealed class Catalog
{
    public required MajordomoConfig Config { get; init; }
    public required FrozenDictionary<string, ProviderEntry> Providers { get; init; }
    public required FrozenDictionary<string, ModelEntry> Models { get; init; }
    public required FrozenDictionary<string, ModelEntry> Aliases { get; init; }
    public required FrozenDictionary<string, RouteEntry> Routes { get; init; }
    public required FrozenDictionary<string, IReadOnlyList<ChainEntry>> Chains { get; init; }
    public string? DefaultRoute { get; init; }
    public long MaxRequestBytes { get; init; }

    /// <summary><c>kinds</c>: <c>X-Router-Kind</c> value → route name.</summary>
    public FrozenDictionary<string, string> Kinds { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary><c>server.allowProfileOverride</c>.</summary>
    public bool AllowProfileOverride { get; init; }

    /// <summary><c>health.*</c> with defaults applied.</summary>
    public HealthSettings Health { get; init; } = HealthSettings.Default;

    /// <summary>Cuts this config's provider and gateway keys out of upstream text (the one redaction choke point).</summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.None;

    /// <summary>All names a client may put in <c>model</c>, sorted, for error messages and <c>/v1/models</c>.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>Short human description of this snapshot, for logs.</summary>
    public string Describe() =>
        $"{Providers.Count} providers, {Models.Count} models, {Aliases.Count} aliases, {Chains.Count} chains, {Routes.Count} routes" +
        (DefaultRoute is null ? "" : $", default route '{DefaultRoute}'");
}

internal static class EmptyCatalog
{
    /// <summary>A catalog with nothing in it, for a gateway started without configuration.</summary>
    public static Catalog Create() => new()
    {
        Config = new MajordomoConfig(),
        Providers = FrozenDictionary<string, ProviderEntry>.Empty,
        Models = FrozenDictionary<string, ModelEntry>.Empty,
        Aliases = FrozenDictionary<string, ModelEntry>.Empty,
        Routes = FrozenDictionary<string, RouteEntry>.Empty,
        Chains = FrozenDictionary<string, IReadOnlyList<ChainEntry>>.Empty,
        MaxRequestBytes = CatalogBuilder.DefaultMaxRequestBytes,
        Names = [],
    };
}
