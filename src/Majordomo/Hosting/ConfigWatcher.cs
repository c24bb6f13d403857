using Majordomo.Catalog;
using Majordomo.Config;
using Majordomo.Gateway;
using Majordomo.Providers;

namespace Majordomo.Hosting;

/// <summary>
/// Watches the config file. A valid change becomes the new <see cref="GatewaySnapshot"/>, built whole
/// before it is swapped in, without a restart (in-flight requests finish on the snapshot they started
/// with); an invalid one is logged with every problem and ignored.
/// </summary>
internal sealed partial class ConfigWatcher(
    string path,
    SnapshotHolder holder,
    SnapshotBuilder snapshots,
    ProviderFactory providers,
    ConfigFileStatus status,
    TimeProvider time,
    ILogger<ConfigWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
    private readonly Lock _lock = new();
    private readonly Lock _reloadLock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private string? _lastText;

    /// <summary>Raised after every reload attempt: true when applied, false when rejected.</summary>
    public event Action<bool, IReadOnlyList<string>>? Reloaded;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        _lastText = TryRead();
        _watcher = new FileSystemWatcher(directory, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Schedule();
        _watcher.Created += (_, _) => Schedule();
        _watcher.Renamed += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _watcher?.Dispose();
            _watcher = null;
            _timer?.Dispose();
            _timer = null;
        }
    }

    // Editors write a file in several steps; wait for them to settle before reading.
    private void Schedule()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => Reload(), null, Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Loads the file now; returns the problems (empty when the new config was applied or unchanged).</summary>
    public IReadOnlyList<string> Reload()
    {
        lock (_reloadLock)
        {
            return ReloadCore();
        }
    }

    private IReadOnlyList<string> ReloadCore()
    {
        var text = TryRead();
        if (text is null)
        {
            return [];
        }

        if (text == _lastText)
        {
            // Put back as it was after a bad edit: the config in force is the file's again.
            status.Applied();
            return [];
        }

        var result = ConfigLoader.Load(text);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                LogRejected(logger, error);
            }

            LogKept(logger, result.Errors.Count);
            status.Rejected(result.Errors.Count);
            Reloaded?.Invoke(false, result.Errors);
            return result.Errors;
        }

        _lastText = text;
        status.Applied();
        var previous = holder.Current.Catalog;
        var next = CatalogBuilder.Build(result.Config!, providers);
        holder.Swap(snapshots.Build(next));
        providers.RetireUnused(next.Providers.Values.Select(p => p.Client));
        foreach (var warning in result.Warnings)
        {
            LogWarning(logger, warning);
        }

        if (!Equals(string.Join(",", previous.Config.Server?.Urls ?? []), string.Join(",", next.Config.Server?.Urls ?? [])) ||
            previous.Config.Storage?.Sqlite != next.Config.Storage?.Sqlite ||
            previous.Config.Storage?.Postgres != next.Config.Storage?.Postgres)
        {
            LogNeedsRestart(logger);
        }

        LogApplied(logger, next.Describe());
        Reloaded?.Invoke(true, []);
        return [];
    }

    private string? TryRead()
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = LogEvents.ConfigReloaded, Level = LogLevel.Information, Message = "Config reloaded: {Catalog}")]
    private static partial void LogApplied(ILogger logger, string catalog);

    [LoggerMessage(EventId = LogEvents.ConfigReloadRejected, Level = LogLevel.Error, Message = "Config reload rejected: {Error}")]
    private static partial void LogRejected(ILogger logger, string error);

    [LoggerMessage(EventId = LogEvents.ConfigKept, Level = LogLevel.Warning, Message = "The previous config stays in force ({Count} problems in the new file)")]
    private static partial void LogKept(ILogger logger, int count);

    [LoggerMessage(EventId = LogEvents.ConfigWarning, Level = LogLevel.Warning, Message = "Config: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = LogEvents.ConfigNeedsRestart, Level = LogLevel.Warning, Message = "server.urls and storage changes take effect at the next restart")]
    private static partial void LogNeedsRestart(ILogger logger);
}
