using Majordomo.Config;

namespace Majordomo.Providers;

internal interface IProviderFactory
{
    IChatProvider GetOrCreate(string name, ProviderConfig config);
}

/// <summary>
/// Builds provider adapters and keeps them across config reloads when their connection settings are
/// unchanged, so a reload keeps warm connection pools. Adapters no longer used are disposed after a
/// grace period, long enough for in-flight requests on the old snapshot to finish.
/// </summary>
internal sealed class ProviderFactory(TimeProvider time) : IProviderFactory, IDisposable
{
    private static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(15);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, IChatProvider> _live = new(StringComparer.Ordinal);

    public IChatProvider GetOrCreate(string name, ProviderConfig config)
    {
        var key = Key(name, config);
        lock (_lock)
        {
            if (!_live.TryGetValue(key, out var provider))
            {
                // Each adapter speaks its own protocol; the bridge serves clients of the others.
                provider = Protocols.CreateAdapter(name, config, time);
                _live[key] = provider;
            }

            return provider;
        }
    }

    /// <summary>
    /// Disposes, after a grace period, every adapter not in <paramref name="inUse"/> (the adapters the
    /// new catalog holds). The caller names them so that this folder does not depend on the catalog.
    /// </summary>
    public void RetireUnused(IEnumerable<IChatProvider> inUse)
    {
        var used = inUse.ToHashSet();
        List<IChatProvider> retired;
        lock (_lock)
        {
            retired = [];
            foreach (var (key, provider) in _live.ToArray())
            {
                if (!used.Contains(provider))
                {
                    _live.Remove(key);
                    retired.Add(provider);
                }
            }
        }

        if (retired.Count > 0)
        {
            _ = Task.Delay(RetireAfter, time).ContinueWith(_ => retired.ForEach(p => p.Dispose()), TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var provider in _live.Values)
            {
                provider.Dispose();
            }

            _live.Clear();
        }
    }

    // Everything that shapes the connection pool or the wire calls; policy (retries, timeouts of
    // attempts) is read per request from the catalog and does not need a new adapter.
    private static string Key(string name, ProviderConfig c)
    {
        var headers = c.Headers is null ? "" : string.Join(";", c.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "=" + h.Value));
        var sim = c.Simulation is null ? "" : $"{c.Simulation.LatencyMs}|{c.Simulation.ChunkDelayMs}|{c.Simulation.Chunks}|{c.Simulation.FailureRate}|{c.Simulation.Seed}";
        return $"{name}|{c.Api}|{c.BaseUrl}|{c.ConnectTimeoutMs}|{headers}|{sim}";
    }
}
