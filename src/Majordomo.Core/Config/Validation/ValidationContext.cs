using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Majordomo.Config.Validation;

/// <summary>
/// What every area validator shares: the config being checked, the problems found so far (each with
/// its JSON path), the common checks (unknown keys, ranges, URLs, regexes, time zones), the name
/// lookups and the "did you mean" suggestion.
/// </summary>
internal sealed class ValidationContext(MajordomoConfig config)
{
    public MajordomoConfig Config => config;

    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public Dictionary<string, ProviderConfig> Providers => config.Providers ?? [];

    public Dictionary<string, ModelConfig> Models => config.Models ?? [];

    public Dictionary<string, string> Aliases => config.Aliases ?? [];

    public Dictionary<string, List<ChainEntryConfig>> Chains => config.Chains ?? [];

    public Dictionary<string, RouteConfig> Routes => config.Routes ?? [];

    /// <summary>Every name a route reference may use.</summary>
    public IEnumerable<string> TargetNames => Routes.Keys.Concat(Aliases.Keys).Concat(Models.Keys).Concat(Chains.Keys);

    public void Error(string path, string message) => Errors.Add($"{path}: {message}");

    public void Warn(string path, string message) => Warnings.Add($"{path}: {message}");

    public void Unknown(ConfigSection? section, string path)
    {
        if (section?.Unknown is null)
        {
            return;
        }

        foreach (var key in section.Unknown.Keys)
        {
            Error(ConfigPath.Key(path, key), "unknown key");
        }
    }

    /// <summary>True when the optional section is present; its unknown keys are reported.</summary>
    public bool Present<T>(T? section, string path, [NotNullWhen(true)] out T? present)
        where T : ConfigSection
    {
        Unknown(section, path);
        present = section;
        return section is not null;
    }

    /// <summary>
    /// The entries of a named section, each with its path and its unknown keys reported; an entry that is
    /// not an object is reported and skipped.
    /// </summary>
    public IEnumerable<(string Name, T Value, string Path)> Objects<T>(Dictionary<string, T>? section, string sectionPath)
        where T : ConfigSection
    {
        foreach (var (name, value) in section ?? [])
        {
            var path = ConfigPath.Key(sectionPath, name);
            if (value is null)
            {
                Error(path, "must be an object");
                continue;
            }

            Unknown(value, path);
            yield return (name, value, path);
        }
    }

    /// <summary>The per-call settings a provider, a model and a chain entry share.</summary>
    public void CallSettings(int? retries, int? backoffMs, int? timeoutMs, int? firstTokenTimeoutMs, string path)
    {
        Range(retries, 0, 10, path + ".retries");
        Range(backoffMs, 0, 60_000, path + ".backoffMs");
        Range(timeoutMs, 1, 3_600_000, path + ".timeoutMs");
        Range(firstTokenTimeoutMs, 1, 3_600_000, path + ".firstTokenTimeoutMs");
    }

    public void RateLimits(RateLimitsConfig? limits, string path)
    {
        Unknown(limits, path);
        Range(limits?.Rpm, 1, 1_000_000, path + ".rpm");
        Range(limits?.Tpm, 1, int.MaxValue, path + ".tpm");
    }

    public void Range(int? value, int min, int max, string path)
    {
        if (value is { } v && (v < min || v > max))
        {
            Error(path, $"must be between {min} and {max} (got {v})");
        }
    }

    public void NonNegative(double? value, string path)
    {
        if (value is { } v && (v < 0 || double.IsNaN(v) || double.IsInfinity(v)))
        {
            Error(path, $"must be a non-negative number (got {v})");
        }
    }

    public void TimeZone(string? id, string path)
    {
        if (id is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            Error(path, $"unknown time zone '{id}'");
        }
    }

    /// <summary>Compiles the pattern the way the feature will (culture-invariant, with a timeout).</summary>
    public void Regex(string? pattern, string path)
    {
        if (pattern is null)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException ex)
        {
            Error(path, $"invalid regex: {ex.Message}");
        }
    }

    public static bool IsHttpUrl(string? value, out Uri uri)
    {
        uri = null!;
        return Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == "http" || uri.Scheme == "https");
    }

    /// <summary>The one word a value must be (e.g. a rule action), with the expected words in the message.</summary>
    public bool OneOf(string? value, Vocabulary words, string path, string what)
    {
        if (value is not null && words.Contains(value))
        {
            return true;
        }

        Error(path, $"unknown {what} '{value}' (expected {words.OneOf})");
        return false;
    }

    public bool IsTarget(string name) =>
        Routes.ContainsKey(name) || Aliases.ContainsKey(name) || Models.ContainsKey(name) || Chains.ContainsKey(name);

    /// <summary>The model id a name stands for (a model id, or an alias followed to one), else null.</summary>
    public string? ResolveModel(string name)
    {
        if (Models.ContainsKey(name))
        {
            return name;
        }

        var hops = 0;
        var current = name;
        while (Aliases.TryGetValue(current, out var next) && hops++ < 32)
        {
            current = next;
        }

        return Models.ContainsKey(current) ? current : null;
    }

    /// <summary><c> (did you mean 'x'?)</c> for the closest candidate within a few edits, else empty.</summary>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(name, c);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? $" (did you mean '{best}'?)" : "";
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }

        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
