using System.Globalization;

namespace Majordomo.Bench.Report;

/// <summary>
/// The results file: one tab-separated line per number, <c>section mode target metric value</c>.
/// Written by <c>latency</c>, by wrk's <c>done()</c> hook and by the runner script (CPU, metadata);
/// read by <c>report</c>.
/// </summary>
internal static class ResultsFile
{
    public static void Append(string path, string section, string mode, string target, string metric, string value) =>
        File.AppendAllText(path, $"{section}\t{mode}\t{target}\t{metric}\t{value}\n");

    public static Results Read(string path)
    {
        var values = new Dictionary<(string Section, string Mode, string Target, string Metric), string>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 5)
            {
                // Last write wins, so a re-run phase replaces the earlier numbers.
                values[(fields[0], fields[1], fields[2], fields[3])] = string.Join('\t', fields[4..]);
            }
        }

        return new Results(values);
    }
}

/// <summary>Parsed results with typed look-ups.</summary>
internal sealed class Results(Dictionary<(string Section, string Mode, string Target, string Metric), string> values)
{
    public string? Text(string section, string mode, string target, string metric) =>
        values.TryGetValue((section, mode, target, metric), out var value) ? value : null;

    public double? Number(string section, string mode, string target, string metric) =>
        Text(section, mode, target, metric) is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    public string Meta(string metric) => Text("meta", "-", "-", metric) ?? "?";

    /// <summary>Every row whose section <paramref name="include"/> accepts, in file order of first write.</summary>
    public List<KeyValuePair<(string Section, string Mode, string Target, string Metric), string>> Rows(Func<string, bool> include) =>
        values.Where(row => include(row.Key.Section)).ToList();

    /// <summary>Sets a value (the report's medians over alternating pairs), replacing what was read.</summary>
    public void Set(string section, string mode, string target, string metric, double value) =>
        values[(section, mode, target, metric)] = value.ToString("R", CultureInfo.InvariantCulture);
}
