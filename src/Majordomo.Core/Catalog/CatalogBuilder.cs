using System.Collections.Frozen;
using Majordomo.Config;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Catalog;

/// <summary>Turns a validated config into a <see cref="Catalog"/>. Defaults for unset policy live here.</summary>
internal static class CatalogBuilder
{
    public const int DefaultRetries = 1;
    public const int DefaultBackoffMs = 250;
    public const int DefaultTimeoutMs = 120_000;
    public const long DefaultMaxRequestBytes = 32 * 1024 * 1024;

    public static Catalog Build(MajordomoConfig config, IProviderFactory providers)
    {
        var providerEntries = new Dictionary<string, ProviderEntry>(StringComparer.Ordinal);
        foreach (var (name, p) in config.Providers!)
        {
            var credentials = (p.Credentials ?? []).Select(c => new Credential(c.Id!, c.ApiKey)).ToArray();
            providerEntries[name] = new ProviderEntry
            {
                Name = name,
                Api = p.Api!,
                Locality = p.Locality ?? DefaultLocality(p),
                Credentials = credentials,
                Client = providers.GetOrCreate(name, p),
                Retries = p.Retries ?? DefaultRetries,
                BackoffMs = p.BackoffMs ?? DefaultBackoffMs,
                TimeoutMs = p.TimeoutMs ?? DefaultTimeoutMs,
                FirstTokenTimeoutMs = p.FirstTokenTimeoutMs,
                Rpm = p.RateLimits?.Rpm,
                Tpm = p.RateLimits?.Tpm,
                BaseUrl = p.BaseUrl,
                HealthPath = p.HealthPath,
            };
        }

        var models = new Dictionary<string, ModelEntry>(StringComparer.Ordinal);
        foreach (var (id, m) in config.Models!)
        {
            var upstream = m.UpstreamModel ?? DefaultUpstreamName(id, m.Provider!);
            models[id] = new ModelEntry
            {
                Id = id,
                Provider = providerEntries[m.Provider!],
                UpstreamModel = upstream,
                UpstreamModelJson = OpenAIWire.EncodeJsonString(upstream),
                // A disabled provider disables every model it serves.
                Enabled = (m.Enabled ?? true) && config.Providers![m.Provider!].Enabled != false,
                Tier = m.Tier ?? 0,
                Quality = m.Quality ?? 50,
                Capabilities = m.Capabilities ?? [],
                Reasoning = m.Capabilities?.Contains("reasoning") == true,
                ContextWindow = m.ContextWindow,
                MaxOutputTokens = m.MaxOutputTokens,
                InputPerMTok = m.Cost?.InputPerMTok ?? 0,
                OutputPerMTok = m.Cost?.OutputPerMTok ?? 0,
                CacheReadPerMTok = m.Cost?.CacheReadPerMTok,
                CacheWritePerMTok = m.Cost?.CacheWritePerMTok,
                Quota = m.Quota,
                Multiplier = m.Multiplier ?? 0,
                Retries = m.Retries,
                BackoffMs = m.BackoffMs,
                TimeoutMs = m.TimeoutMs,
                FirstTokenTimeoutMs = m.FirstTokenTimeoutMs,
                Rpm = m.RateLimits?.Rpm,
                Tpm = m.RateLimits?.Tpm,
            };
        }

        var aliases = new Dictionary<string, ModelEntry>(StringComparer.Ordinal);
        foreach (var (name, target) in config.Aliases ?? [])
        {
            aliases[name] = models[FollowAlias(target, config.Aliases!)];
        }

        var resolver = new EntryResolver(config, models, aliases);
        foreach (var (id, m) in config.Models!)
        {
            var self = models[id];
            var chain = new List<ChainEntry> { resolver.Entry(new ChainEntryConfig { Model = id }, self) };
            foreach (var fb in m.Fallbacks ?? [])
            {
                chain.AddRange(resolver.Resolve(fb));
            }

            self.Chain = chain;
        }

        var chains = new Dictionary<string, IReadOnlyList<ChainEntry>>(StringComparer.Ordinal);
        foreach (var name in (config.Chains ?? []).Keys)
        {
            chains[name] = resolver.ResolveChain(name);
        }

        var routes = new Dictionary<string, RouteEntry>(StringComparer.Ordinal);
        foreach (var (name, r) in config.Routes ?? [])
        {
            var smart = r.Strategy == RouteStrategies.Smart;
            IReadOnlyList<ChainEntry> chain;
            if (smart)
            {
                // Ranked per request by Routing/ (rules, classification, selection); no fixed chain.
                chain = [];
            }
            else if (r.Chain!.Name is { } chainName)
            {
                chain = chains.TryGetValue(chainName, out var named) ? named : resolver.Resolve(new ChainEntryConfig { Model = chainName }).ToArray();
            }
            else
            {
                chain = r.Chain.Entries!.SelectMany(resolver.Resolve).ToArray();
            }

            routes[name] = new RouteEntry(name, smart, chain, r.Escalation ?? false);
        }

        var names = routes.Keys.Concat(aliases.Keys).Concat(models.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        return new Catalog
        {
            Config = config,
            Providers = providerEntries.ToFrozenDictionary(StringComparer.Ordinal),
            Models = models.ToFrozenDictionary(StringComparer.Ordinal),
            Aliases = aliases.ToFrozenDictionary(StringComparer.Ordinal),
            Routes = routes.ToFrozenDictionary(StringComparer.Ordinal),
            Chains = chains.ToFrozenDictionary(StringComparer.Ordinal),
            DefaultRoute = config.DefaultRoute,
            MaxRequestBytes = config.Server?.MaxRequestBytes ?? DefaultMaxRequestBytes,
            Kinds = (config.Kinds ?? []).ToFrozenDictionary(StringComparer.Ordinal),
            AllowProfileOverride = config.Server?.AllowProfileOverride == true,
            Health = HealthSettings.From(config.Health),
            Redactor = SecretRedactor.From(config),
            Names = names,
        };
    }

    public static int LocalityRank(string locality) => locality switch
    {
        Localities.Local => 0,
        Localities.Lan => 1,
        _ => 2,
    };

    private static string DefaultLocality(ProviderConfig p)
    {
        if (p.Api == ProviderApis.Simulated)
        {
            return Localities.Cloud;
        }

        return Uri.TryCreate(p.BaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback ? Localities.Local : Localities.Cloud;
    }

    /// <summary><c>ollama/qwen2.5:1.5b</c> served by provider <c>ollama</c> is asked for as <c>qwen2.5:1.5b</c>.</summary>
    private static string DefaultUpstreamName(string id, string provider) =>
        id.StartsWith(provider + "/", StringComparison.Ordinal) ? id[(provider.Length + 1)..] : id;

    private static string FollowAlias(string target, Dictionary<string, string> aliases)
    {
        var current = target;
        for (var hops = 0; hops < 32 && aliases.TryGetValue(current, out var next); hops++)
        {
            current = next;
        }

        return current;
    }

    private sealed class EntryResolver(MajordomoConfig config, Dictionary<string, ModelEntry> models, Dictionary<string, ModelEntry> aliases)
    {
        public ChainEntry[] ResolveChain(string name) =>
            config.Chains![name].SelectMany(Resolve).ToArray();

        public IEnumerable<ChainEntry> Resolve(ChainEntryConfig entry)
        {
            var name = entry.Model!;
            if (models.TryGetValue(name, out var model) || aliases.TryGetValue(name, out model))
            {
                return [Entry(entry, model)];
            }

            // A chain named inside a chain is expanded in place (the validator refuses cycles).
            return ResolveChain(name);
        }

        public ChainEntry Entry(ChainEntryConfig entry, ModelEntry model)
        {
            var provider = model.Provider;
            var credentials = entry.Credentials is { Count: > 0 } ids
                ? provider.Credentials.Where(c => ids.Contains(c.Id)).ToArray()
                : provider.Credentials;
            return new ChainEntry(
                model,
                entry.Retries ?? model.Retries ?? provider.Retries,
                entry.BackoffMs ?? model.BackoffMs ?? provider.BackoffMs,
                entry.TimeoutMs ?? model.TimeoutMs ?? provider.TimeoutMs,
                entry.FirstTokenTimeoutMs ?? model.FirstTokenTimeoutMs ?? provider.FirstTokenTimeoutMs,
                credentials);
        }
    }
}
