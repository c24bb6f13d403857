using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>The real <c>majordomo</c> executable in a child process, as a user runs it.</summary>
public sealed partial class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process) => _process = process;

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public static GatewayProcess Start(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "majordomo.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "MAJORDOMO_CONFIG", "MAJORDOMO_BASE_URL", "MAJORDOMO_MODEL", "MAJORDOMO_API_KEY", "MAJORDOMO_API" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var gateway = new GatewayProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gateway._stdout)
            {
                gateway._stdout.AppendLine(e.Data);
            }

            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                gateway._listening.TrySetResult(match.Groups[1].Value);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gateway._stderr)
                {
                    gateway._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => gateway._listening.TrySetException(new InvalidOperationException("the process exited before listening"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return gateway;
    }

    /// <summary>The first address from the "listening on" line.</summary>
    public int Id => _process.Id;

    public Task<string> ListeningAsync(TimeSpan timeout) => _listening.Task.WaitAsync(timeout);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drain output
        return _process.ExitCode;
    }

    /// <summary>Asks for a graceful stop (SIGTERM) and waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await SignalTermAsync();
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Sends SIGTERM, as systemd or <c>docker stop</c> does, without waiting for the exit.</summary>
    public async Task SignalTermAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, no final flush (a crash, an OOM kill, <c>kill -9</c>).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"listening on (http://[^,\s]+)")]
    private static partial Regex ListeningLine();
}
