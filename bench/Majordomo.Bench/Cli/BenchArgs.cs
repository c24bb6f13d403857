using System.Globalization;

namespace Majordomo.Bench.Cli;

/// <summary>
/// Minimal <c>--name value</c> / <c>--flag</c> parser. Every option must be read once; anything
/// left over is reported as unknown so a typo never silently falls back to a default.
/// </summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private BenchArgs()
    {
    }

    public static BenchArgs Parse(ReadOnlySpan<string> args)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            parsed._values[name] = value;
        }

        return parsed;
    }

    public string? GetString(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public string GetRequired(string name) =>
        GetString(name) ?? throw new ArgumentException($"--{name} is required");

    public bool GetFlag(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var value))
        {
            return false;
        }

        return value is null || bool.Parse(value);
    }

    /// <summary>Reads an integer option, else the environment variable, else the fallback.</summary>
    public int GetInt(string name, string? environmentVariable, int fallback, int min, int max)
    {
        var text = GetString(name);
        if (text is null && environmentVariable is not null)
        {
            text = Environment.GetEnvironmentVariable(environmentVariable);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"--{name}: '{text}' is not an integer in [{min}, {max}]");
        }

        return value;
    }

    public void EnsureAllRead()
    {
        foreach (var name in _values.Keys)
        {
            if (!_read.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name}");
            }
        }
    }
}
