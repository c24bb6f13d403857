using System.Diagnostics;
using Majordomo.Bench.Cli;

namespace Majordomo.Bench.Decision;

/// <summary>
/// <c>decisiontime</c>: one <see cref="DecisionBenchmarks"/> case called in batches of ten for a few seconds, timed two
/// ways: the wall clock per batch (p10 and p50 over the batches) and the process's CPU time per call. On a loaded machine
/// the wall clock counts the time other processes held the core; p10 and CPU time count less of it, so two builds run one
/// after the other in the same minutes compare better by those (BenchmarkDotNet's medians swing with the load).
/// </summary>
internal static class DecisionTimer
{
    public static int Run(BenchArgs args)
    {
        var name = args.GetString("case") ?? "long";
        var seconds = args.GetInt("seconds", null, 3, 1, 600);
        args.EnsureAllRead();

        var bench = new DecisionBenchmarks();
        bench.Setup();
        Func<object?> call = name switch
        {
            "long" => bench.LongPrompt,
            "short" => bench.ShortPrompt,
            "read" => () => bench.LongPromptRead(),
            "tokens" => () => bench.LongPromptTokens(),
            "scan" => () => bench.LongPromptPrefiltered(),
            "cues" => bench.LongPromptCues,
            "learned" => bench.LongPromptLearned,
            "escaped" => bench.EscapedToolOutput20k,
            "escapedscan" => () => bench.EscapedToolOutputScan(),
            _ => throw new ArgumentException($"--case: long, short, read, tokens, scan, cues, learned, escaped or escapedscan, not '{name}'"),
        };

        // Warm up past tiering (the JIT's optimised code), then time.
        for (var i = 0; i < 500; i++)
        {
            call();
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var batches = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < 10; i++)
            {
                call();
            }

            batches.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / 10);
        }

        process.Refresh();
        var cpuPerCall = (process.TotalProcessorTime - cpu).TotalMicroseconds / (batches.Count * 10);
        batches.Sort();
        Console.WriteLine($"{name}: p10 {batches[batches.Count / 10]:F1} us, p50 {batches[batches.Count / 2]:F1} us (wall, {batches.Count} batches of 10); {cpuPerCall:F1} us CPU per call");
        return 0;
    }
}
