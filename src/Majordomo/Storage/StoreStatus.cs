using Majordomo.Storage.Sqlite;

namespace Majordomo.Storage;

/// <summary>Store reachability and log-writer counters for <c>/health</c>; the probe result is cached briefly.</summary>
public sealed class StoreStatus(SqliteStore store, RequestLogWriter writer, TimeProvider time)
{
    private readonly Lock _lock = new();
    private (DateTimeOffset At, bool Ok, string? Error) _last;

    public long Written => writer.Written;

    public long Dropped => writer.Dropped;

    public (bool Reachable, string? Error) Probe()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now - _last.At < TimeSpan.FromSeconds(1))
            {
                return (_last.Ok, _last.Error);
            }
        }

        bool ok;
        string? error = null;
        try
        {
            using var connection = store.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            command.ExecuteScalar();
            ok = true;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            ok = false;
            error = ex.Message;
        }

        lock (_lock)
        {
            _last = (now, ok, error);
        }

        return (ok, error);
    }
}
