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
/// <remarks>
/// The file's own metadata is read once every <see cref="PollInterval"/>, rather than a
/// <see cref="FileSystemWatcher"/> on its folder: inotify watches folders, not names, so the SQLite file
/// and its WAL beside the config (the default layout) made every page write an event the watcher's
/// thread woke to read and discard (~0.8 CPU-µs per request). One stat a second costs nothing per request
/// and sees only this file: in-place edits, replacements by rename, deletion and restoration.
/// </remarks>
internal sealed partial class ConfigWatcher(
    string path,
    SnapshotHolder holder,
    SnapshotBuilder snapshots,
    ProviderFactory providers,
    ConfigFileStatus status,
    TimeProvider time,
    ILogger<ConfigWatcher> logger) : IHostedService, IDisposable
{
    /// <summary>How often the file's size and time of last write are compared with the last seen.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
    private readonly Lock _lock = new();
    private readonly Lock _reloadLock = new();
    private ITimer? _poll;
    private ITimer? _timer;
    private FileStamp _stamp;
    private string? _lastText;
    private int _checks;

    /// <summary>Raised after every reload attempt: true when applied, false when rejected.</summary>
    public event Action<bool, IReadOnlyList<string>>? Reloaded;

    /// <summary>How many times a change of the file scheduled a reload check (tests: nothing else does).</summary>
    internal int Checks => Volatile.Read(ref _checks);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lastText = TryRead();
        lock (_lock)
        {
            _stamp = FileStamp.Of(path);
            _poll = time.CreateTimer(_ => Poll(), null, PollInterval, PollInterval);
        }

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
            _poll?.Dispose();
            _poll = null;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Poll()
    {
        var stamp = FileStamp.Of(path);
        lock (_lock)
        {
            if (stamp == _stamp)
            {
                return;
            }

            _stamp = stamp;
        }

        Schedule();
    }

    // Editors write a file in several steps; wait for them to settle before reading.
    private void Schedule()
    {
        Interlocked.Increment(ref _checks);
        lock (_lock)
        {
            if (_poll is null)
            {
                return; // stopped
            }

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

    /// <summary>What a poll compares: a write changes the time of last write (nanoseconds on Linux), a replacement usually the size too.</summary>
    private readonly record struct FileStamp(bool Exists, DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(true, file.LastWriteTimeUtc, file.Length) : default;
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
