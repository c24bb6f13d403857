namespace Majordomo.Config.Validation;

/// <summary><c>providers</c>: api, base URL, simulation, locality, credentials, timeouts and rate limits.</summary>
internal static class ProviderValidator
{
    public static void Validate(ValidationContext c)
    {
        if (c.Providers.Count == 0)
        {
            c.Error("providers", "at least one provider is required");
            return;
        }

        foreach (var (name, p, path) in c.Objects(c.Providers, "providers"))
        {
            if (string.IsNullOrEmpty(p.Api))
            {
                c.Error(path + ".api", $"is required ({ProviderApis.All.OneOf})");
            }
            else
            {
                c.OneOf(p.Api, ProviderApis.All, path + ".api", "api");
            }

            if (p.Api != ProviderApis.Simulated)
            {
                if (string.IsNullOrEmpty(p.BaseUrl))
                {
                    c.Error(path + ".baseUrl", "is required");
                }
                else if (!ValidationContext.IsHttpUrl(p.BaseUrl, out var uri) || !string.IsNullOrEmpty(uri.Query))
                {
                    c.Error(path + ".baseUrl", $"'{p.BaseUrl}' is not an http(s) URL without a query string");
                }
            }
            else
            {
                c.Unknown(p.Simulation, path + ".simulation");
                if (p.Simulation?.FailureRate is { } rate && (rate < 0 || rate > 1))
                {
                    c.Error(path + ".simulation.failureRate", "must be between 0 and 1");
                }

                c.Range(p.Simulation?.LatencyMs, 0, 600_000, path + ".simulation.latencyMs");
                c.Range(p.Simulation?.ChunkDelayMs, 0, 60_000, path + ".simulation.chunkDelayMs");
                c.Range(p.Simulation?.Chunks, 1, 10_000, path + ".simulation.chunks");
            }

            if (p.HealthPath is { } health && !health.StartsWith('/') && !ValidationContext.IsHttpUrl(health, out _))
            {
                c.Error(path + ".healthPath", $"'{health}' is neither a path starting with '/' nor an http(s) URL");
            }

            if (p.Locality is not null)
            {
                c.OneOf(p.Locality, Localities.All, path + ".locality", "locality");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (p.Credentials?.Count ?? 0); i++)
            {
                var credential = p.Credentials![i];
                var cpath = ConfigPath.Index(path + ".credentials", i);
                c.Unknown(credential, cpath);
                if (string.IsNullOrWhiteSpace(credential.Id))
                {
                    c.Error(cpath + ".id", "is required");
                }
                else if (!ids.Add(credential.Id))
                {
                    c.Error(cpath + ".id", $"duplicate credential id '{credential.Id}'");
                }

                if (credential.ApiKey is { Length: 0 })
                {
                    // ${KEY:-} says "empty is fine": requests with this credential go without a key.
                    c.Warn(cpath + ".apiKey", "is empty; requests with this credential are sent without an API key");
                }
            }

            c.CallSettings(p.Retries, p.BackoffMs, p.TimeoutMs, p.FirstTokenTimeoutMs, path);
            c.Range(p.ConnectTimeoutMs, 1, 600_000, path + ".connectTimeoutMs");
            c.RateLimits(p.RateLimits, path + ".rateLimits");
        }
    }
}
