using System.Globalization;

namespace Majordomo.Bench.Load;

/// <summary>One reading of another process from <c>/proc</c>: resident memory now and at its peak, open handles, threads.</summary>
internal readonly record struct ProcessSample(double RssMb, double PeakRssMb, int Handles, int Threads, double CpuSeconds)
{
    /// <summary>Clock ticks per second of <c>/proc/PID/stat</c> (USER_HZ: 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Reads <c>/proc/PID/status</c> (VmRSS, VmHWM, Threads), <c>/proc/PID/stat</c> (CPU time) and counts <c>/proc/PID/fd</c>; null once the process is gone.</summary>
    public static ProcessSample? Read(int pid)
    {
        try
        {
            double rss = 0, peak = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line) / 1024.0;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kb(line) / 1024.0;
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = (int)Kb(line);
                }
            }

            var handles = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
            return new ProcessSample(rss, peak, handles, threads, CpuTicks(File.ReadAllText($"/proc/{pid}/stat")) / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime: fields 14 and 15 of <c>/proc/PID/stat</c>, counted after the command name's closing parenthesis.</summary>
    private static long CpuTicks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The number in a <c>/proc/PID/status</c> line such as <c>VmRSS:    123456 kB</c>.</summary>
    private static long Kb(string line)
    {
        var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}

/// <summary>Small statistics shared by the load modes.</summary>
internal static class LoadStats
{
    /// <summary>The nearest-rank percentile of sorted values; NaN when empty.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Least-squares slope of y over x; 0 with fewer than two points.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        double mx = 0, my = 0;
        foreach (var (x, y) in points)
        {
            mx += x;
            my += y;
        }

        mx /= points.Count;
        my /= points.Count;
        double num = 0, den = 0;
        foreach (var (x, y) in points)
        {
            num += (x - mx) * (y - my);
            den += (x - mx) * (x - mx);
        }

        return den == 0 ? 0 : num / den;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
