using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Majordomo.Tests.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests that need a real server (SPEC §5: never a mock):
/// <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free loopback port, stopped and
/// deleted on dispose. The server refuses to run as root, so under root it runs as the
/// <c>postgres</c> user (Debian's package creates it) through <c>runuser</c>. When it cannot start,
/// the constructor throws with the reason and the server's log: the tests fail, they never skip.
/// The binaries are found in <c>$MAJORDOMO_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/*/bin</c>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "majordomo";
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asPostgresUser;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBinaries();
        _asPostgresUser = Environment.UserName == "root";
        ReapOrphans(_bin, _asPostgresUser);
        _root = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);

        // Which test host owns this cluster: a host killed before Dispose leaves it running, and the next start stops it.
        File.WriteAllText(Path.Combine(_root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (_asPostgresUser)
        {
            Run("chown", ["-R", "postgres:", _root], asPostgres: false);
        }

        Run(Path.Combine(_bin, "initdb"), ["-D", _data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync"], asPostgres: _asPostgresUser);

        // A port picked free can be taken before the server binds it: try a few.
        string? failure = null;
        for (var attempt = 0; attempt < 3 && Port == 0; attempt++)
        {
            var port = FreePort();
            var (code, output) = StartOn(port);
            if (code == 0)
            {
                Port = port;
            }
            else
            {
                failure = output;
            }
        }

        if (Port == 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start ({_bin}): {failure}{Environment.NewLine}server log:{Environment.NewLine}{ReadLog()}");
        }
    }

    private const string Prefix = "majordomo-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Stops the server (fast shutdown: connections are cut), as a database outage would; <see cref="Start"/> brings it back on the same port.</summary>
    public void Stop()
    {
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "fast", "-w", "stop"], asPostgres: _asPostgresUser);

        // The tests' own pooled connections died with it (the gateways under test find out for themselves).
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the stopped server again on the same port, with the same data.</summary>
    public void Start()
    {
        var (code, output) = StartOn(Port);
        if (code != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start again: {output}{Environment.NewLine}server log:{Environment.NewLine}{ReadLog()}");
        }
    }

    private (int Code, string Output) StartOn(int port)
    {
        var options = $"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        return TryRun(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"], asPostgres: _asPostgresUser);
    }

    /// <summary>Stops and deletes the clusters of test hosts that died without disposing them (their owner's pid is gone).</summary>
    private static void ReapOrphans(string bin, bool asPostgres)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            TryRun(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], asPostgres);
            TryDelete(root);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private string LogFile => Path.Combine(_root, "server.log");

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    /// <remarks>
    /// Timeout 30 s (the store's default is 5 s): on a loaded 2-core CI machine the fleet test's 200
    /// requests at once sometimes waited longer than 5 s for a pooled connection, which is load, not a defect.
    /// </remarks>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database, Timeout = 30 }.ConnectionString;

    /// <summary>Creates a new empty database (unique name, prefixed by <paramref name="hint"/>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string hint)
    {
        var name = $"{Sanitize(hint)}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (Port != 0)
        {
            TryRun(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], asPostgres: _asPostgresUser);
        }

        TryDelete(_root);
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Sanitize(string hint)
    {
        var chars = hint.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray();
        return chars.Length == 0 ? "db" : new string(chars);
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MAJORDOMO_PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "pg_ctl"))
                ? configured
                : throw new InvalidOperationException($"MAJORDOMO_PG_BIN={configured} holds no pg_ctl");
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/pg_ctl): install Debian's 'postgresql' package (.ci/run does) or set MAJORDOMO_PG_BIN");
    }

    /// <summary>A loopback port nobody listens on now (a server that is not there: connection refused at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log written)";
        }
        catch (IOException ex)
        {
            return "(log unreadable: " + ex.Message + ")";
        }
    }

    private static void Run(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var (code, output) = TryRun(file, args, asPostgres);
        if (code != 0)
        {
            throw new InvalidOperationException($"PostgreSQL test server: '{Path.GetFileName(file)} {string.Join(' ', args)}' exited with {code}: {output}");
        }
    }

    private static (int Code, string Output) TryRun(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info)!;

            // pg_ctl's server inherits no pipe of ours (it logs to -l), so reading to the end returns.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out after 90 s");
            }

            return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"could not run {info.FileName}: {ex.Message}");
        }
    }
}

/// <summary>Tests that share one <see cref="PostgresServer"/> (started once for the collection).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
