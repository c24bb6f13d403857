using System.Collections.Frozen;
using Majordomo.Config;

namespace Majordomo.Caching;

/// <summary>
/// <c>cache</c> resolved for one config snapshot (SPEC §8): the store's bounds, the default time to live and,
/// per route, its own (<see cref="TimeSpan.Zero"/>: <c>routes.X.cache: false</c>, never cached there).
/// Null on the snapshot while the cache is off, so a request without it does no cache work at all.
/// </summary>
internal sealed record CacheSettings(TimeSpan Ttl, int MaxEntries, long MaxBytes, FrozenDictionary<string, TimeSpan> Routes)
{
    public const int DefaultTtlSeconds = 300;
    public const int DefaultMaxEntries = 10_000;
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The largest answer kept: an eighth of the store, at most 4 MiB (one answer never evicts most of the rest).</summary>
    public long MaxEntryBytes => Math.Min(MaxBytes / 8, 4L * 1024 * 1024);

    /// <summary>The settings of <paramref name="config"/>; null when the cache is absent or disabled.</summary>
    public static CacheSettings? From(MajordomoConfig config)
    {
        if (config.Cache is not { } cache || cache.Enabled == false)
        {
            return null;
        }

        var ttl = TimeSpan.FromSeconds(cache.TtlSeconds ?? DefaultTtlSeconds);
        var routes = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, route) in config.Routes ?? [])
        {
            if (route?.Cache is { } own)
            {
                routes[name] = own.Enabled == false ? TimeSpan.Zero : own.TtlSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : ttl;
            }
        }

        return new CacheSettings(ttl, cache.MaxEntries ?? DefaultMaxEntries, cache.MaxBytes ?? DefaultMaxBytes, routes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>How long an answer on <paramref name="route"/> is kept; zero when the route is not cached.</summary>
    public TimeSpan TtlFor(string? route) => route is not null && Routes.TryGetValue(route, out var own) ? own : Ttl;
}
