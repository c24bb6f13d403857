namespace Majordomo.Config.Validation;

/// <summary><c>cache</c> (SPEC §8), globally and per route (<c>routes.X.cache</c>: only <c>enabled</c> and <c>ttlSeconds</c>).</summary>
internal static class CacheValidator
{
    /// <summary>A week: an exact answer kept longer than that is a store, not a cache.</summary>
    public const int MaxTtlSeconds = 7 * 24 * 3600;

    public const int MaxEntries = 10_000_000;

    /// <summary>The smallest store that holds a typical answer; the largest a 64-bit process would sensibly give it (16 GiB).</summary>
    public const long MinBytes = 64 * 1024;

    public const long MaxBytes = 16L * 1024 * 1024 * 1024;

    public static void Validate(ValidationContext c)
    {
        var global = c.Config.Cache;
        if (c.Present(global, "cache", out var cache))
        {
            c.Range(cache.TtlSeconds, 1, MaxTtlSeconds, "cache.ttlSeconds");
            c.Range(cache.MaxEntries, 1, MaxEntries, "cache.maxEntries");
            if (cache.MaxBytes is { } bytes && (bytes < MinBytes || bytes > MaxBytes))
            {
                c.Error("cache.maxBytes", $"must be between {MinBytes} and {MaxBytes} (got {bytes})");
            }
        }

        var on = global is not null && global.Enabled != false;
        foreach (var (name, route) in c.Routes)
        {
            if (route?.Cache is not { } routeCache)
            {
                continue;
            }

            var path = ConfigPath.Key("routes", name) + ".cache";
            c.Unknown(routeCache, path);
            c.Range(routeCache.TtlSeconds, 1, MaxTtlSeconds, path + ".ttlSeconds");
            if (routeCache.MaxEntries is not null)
            {
                c.Error(path + ".maxEntries", "is global only: the cache is one store (set it in the top-level \"cache\")");
            }

            if (routeCache.MaxBytes is not null)
            {
                c.Error(path + ".maxBytes", "is global only: the cache is one store (set it in the top-level \"cache\")");
            }

            if (!on && routeCache.Enabled != false)
            {
                c.Warn(path, "has no effect while the top-level \"cache\" is absent or disabled");
            }
        }
    }
}
