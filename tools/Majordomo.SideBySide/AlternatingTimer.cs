using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Majordomo.SideBySide;

/// <summary>
/// The decision benchmarks of two bench outputs in one process, batches of ten calls alternating old, new, new, old…: on a
/// machine shared with other work both builds meet the same load, so their percentiles compare where two runs one after the
/// other do not.
/// </summary>
internal static class AlternatingTimer
{
    private const int Warmup = 500;

    public static int Run(string oldDir, string newDir, IReadOnlyList<string> cases, double seconds)
    {
        foreach (var name in cases)
        {
            var (old, fresh) = (Load(oldDir, name), Load(newDir, name));
            for (var i = 0; i < Warmup; i++)
            {
                old();
                fresh();
            }

            var (oldTimes, newTimes) = Alternate(old, fresh, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: old p10 {Percentile(oldTimes, 10):F2} p50 {Percentile(oldTimes, 50):F2} | new p10 {Percentile(newTimes, 10):F2} p50 {Percentile(newTimes, 50):F2} us a call (new/old p10 {Percentile(newTimes, 10) / Percentile(oldTimes, 10):F3}, p50 {Percentile(newTimes, 50) / Percentile(oldTimes, 50):F3}; {oldTimes.Count} batches each)"));
        }

        return 0;
    }

    private static (List<double> Old, List<double> New) Alternate(Action old, Action fresh, double seconds)
    {
        var (oldTimes, newTimes) = (new List<double>(), new List<double>());
        var clock = Stopwatch.StartNew();
        for (var round = 0; clock.Elapsed.TotalSeconds < seconds; round++)
        {
            // Which build goes first changes each round: neither always runs right after the other's allocations.
            if (round % 2 == 0)
            {
                oldTimes.Add(Batch(old));
                newTimes.Add(Batch(fresh));
            }
            else
            {
                newTimes.Add(Batch(fresh));
                oldTimes.Add(Batch(old));
            }
        }

        oldTimes.Sort();
        newTimes.Sort();
        return (oldTimes, newTimes);
    }

    private static double Batch(Action call)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < 10; i++)
        {
            call();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / 10;
    }

    private static double Percentile(List<double> sorted, int percent) => sorted[sorted.Count * percent / 100];

    // The bench's DecisionBenchmarks, set up as BenchmarkDotNet would, and one of its cases as a call.
    private static Action Load(string folder, string name)
    {
        var type = new BuildContext(folder).LoadMain("Majordomo.Bench.dll").GetType("Majordomo.Bench.Decision.DecisionBenchmarks", throwOnError: true)!;
        var bench = Activator.CreateInstance(type)!;
        type.GetMethod("Setup")!.Invoke(bench, null);
        var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new ArgumentException($"no case '{name}' in {folder}");
        if (method.ReturnType != typeof(object))
        {
            // A case returning a value type (a kind, a count) through reflection: its cost is in both builds' figures alike.
            return () => method.Invoke(bench, null);
        }

        var call = method.CreateDelegate<Func<object?>>(bench);
        return () => call();
    }
}
