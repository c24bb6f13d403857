using System.Collections.Frozen;
using Majordomo.Config;

namespace Majordomo.Gateway;

/// <summary><c>server.cors.origins</c> resolved once per snapshot: any origin (<c>*</c>) or a set of exact ones.</summary>
internal sealed class CorsOrigins
{
    private readonly FrozenSet<string> _origins;

    private CorsOrigins(bool any, FrozenSet<string> origins)
    {
        Any = any;
        _origins = origins;
    }

    public bool Any { get; }

    /// <summary>Null (CORS off) when no origin is configured.</summary>
    public static CorsOrigins? From(CorsConfig? cors) => cors?.Origins is not { Count: > 0 } origins
        ? null
        : new CorsOrigins(origins.Contains("*"), origins.Where(o => o != "*").ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    public bool Allows(string origin) => Any || _origins.Contains(origin);
}
