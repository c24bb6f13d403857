using System.Diagnostics;
using System.Globalization;
using Majordomo.Bench.Cli;
using Majordomo.Config;
using Majordomo.Simulation;
using Majordomo.Storage;

namespace Majordomo.Bench.Simulation;

/// <summary>
/// <c>replay</c>: how fast <c>majordomo simulate</c> replays — a synthetic month of request-log rows (OpenClaw
/// on the seed scenario: heartbeats, subagents, smart routing with recorded classifications, premium by
/// name, the default chain) through <see cref="Simulator"/>, timed after one warm-up pass. Rows are built
/// in memory first, so the number is the replay's, not the store's read.
/// </summary>
internal static class ReplayRun
{
    public static async Task<int> RunAsync(BenchArgs options)
    {
        var requests = options.GetInt("requests", null, 300_000, 1_000, 10_000_000);
        var configPath = options.GetString("config") ?? Path.Combine("examples", "openclaw-copilot-quota.json");
        options.EnsureAllRead();
        var loaded = ConfigLoader.LoadFile(configPath, _ => null);
        if (!loaded.IsValid)
        {
            Console.Error.WriteLine(string.Join("\n", loaded.Errors));
            return 2;
        }

        var rows = Month(requests).Select(ReplaySources.FromRow).ToArray();
        await ReplayAsync(loaded.Config!, rows[..Math.Min(rows.Length, 20_000)]); // warm-up: JIT and tiering
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await ReplayAsync(loaded.Config!, rows);
        clock.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replayed {report.Requests} requests in {clock.Elapsed.TotalMilliseconds:0} ms: {report.Requests / clock.Elapsed.TotalSeconds:0} requests/s ({cpuMs * 1000 / report.Requests:0.00} CPU-µs each); " +
            $"{report.QuotaUnits:0.##} quota units, pool out at {report.Pools.FirstOrDefault()?.ExhaustedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}"));
        return 0;
    }

    private static async Task<SimulationReport> ReplayAsync(MajordomoConfig config, ReplayRequest[] rows)
    {
        using var simulator = new Simulator(config, new SimulationOptions());
        foreach (var row in rows)
        {
            await simulator.ReplayAsync(row, CancellationToken.None);
        }

        return await simulator.RunAsync(AsyncEnumerable.Empty<ReplayRequest>(), CancellationToken.None);
    }

    /// <summary><paramref name="count"/> rows spread evenly over November 2026, in a fixed mix.</summary>
    private static IEnumerable<RequestLogRecord> Month(int count)
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(30).Ticks / count;
        for (var i = 0; i < count; i++)
        {
            (string Requested, string? Source, string? Rule, string Tier, string? Complexity, string? Task, string Answered, double Units) mix = (i % 10) switch
            {
                0 or 1 or 2 => ("auto", "heartbeat", "heartbeat", "rule", null, null, "copilot/gpt-5-mini", 0.0),
                3 or 4 => ("auto", "subagent", "subagent", "rule", null, null, "copilot/gpt-5-mini", 0.0),
                5 or 6 => ("auto", null, null, "classified", "medium", "coding", "copilot/gpt-4.1", 0.0),
                7 => ("auto", null, null, "classified", "simple", "conversation", "copilot/gpt-4.1", 0.0),
                8 => ("sonnet", null, null, "alias", null, null, "copilot/claude-sonnet-4.6", 1.0),
                _ => ("default", null, null, "route", null, null, "copilot/gpt-4.1", 0.0),
            };
            var (requested, source, rule, tier, complexity, task, answered, units) = mix;
            yield return new RequestLogRecord
            {
                Id = "r" + i.ToString(CultureInfo.InvariantCulture),
                Timestamp = start.AddTicks(step * i),
                Ingress = "openai",
                RequestedModel = requested,
                Tier = tier,
                Rule = rule,
                AnsweredBy = answered,
                Status = 200,
                InputTokens = 1500 + (i % 7 * 300),
                OutputTokens = 200 + (i % 5 * 50),
                UsageReported = true,
                Source = source,
                Session = "s" + (i % 50).ToString(CultureInfo.InvariantCulture),
                Attempts = [new AttemptRecord(answered, "copilot", "main", 200, "ok", null, 5)],
                QuotaUnits = units,
                Complexity = complexity,
                TaskType = task,
                Sensitive = complexity is null ? null : false,
                PromptTokens = complexity is null ? null : 1400 + (i % 7 * 300),
                HasMedia = complexity is null ? null : false,
                HasTools = complexity is null ? null : true,
            };
        }
    }
}
