namespace Majordomo.Config;

/// <summary>
/// Whether the config file the gateway was started with still backs the config in force: the
/// watcher records rejected and applied reloads, <c>/health</c> reads <see cref="Problems"/>. A
/// deletion is seen by looking (no file-system event is promised for it), cached for a second.
/// </summary>
internal sealed class ConfigFileStatus(string? path, TimeProvider time)
{
    private static readonly TimeSpan ExistsCacheFor = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private int _invalidProblems;
    private DateTimeOffset? _invalidSince;
    private (DateTimeOffset At, bool Exists) _lastCheck = (DateTimeOffset.MinValue, true);

    /// <summary>The file now holds a config that was refused; the previous one stays in force.</summary>
    public void Rejected(int problems)
    {
        lock (_lock)
        {
            _invalidSince ??= time.GetUtcNow();
            _invalidProblems = problems;
        }
    }

    /// <summary>The file holds the config in force again.</summary>
    public void Applied()
    {
        lock (_lock)
        {
            _invalidSince = null;
            _invalidProblems = 0;
        }
    }

    /// <summary>
    /// Empty while the file is there and valid. The reload errors themselves stay in the log:
    /// <c>/health</c> answers without a key, and a broken file may hold a secret near the error.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        if (path is null)
        {
            return [];
        }

        if (!Exists())
        {
            return [$"config: the file '{path}' was deleted or moved; the config loaded before stays in force (restore it to reload)"];
        }

        lock (_lock)
        {
            return _invalidSince is { } since
                ? [$"config: the file '{path}' is invalid since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({_invalidProblems} problems, logged as 'Config reload rejected'); the previous config stays in force"]
                : [];
        }
    }

    private bool Exists()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _lastCheck.At < ExistsCacheFor)
            {
                return _lastCheck.Exists;
            }
        }

        var exists = File.Exists(path);
        lock (_lock)
        {
            _lastCheck = (now, exists);
        }

        return exists;
    }
}
