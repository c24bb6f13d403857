using System.Text.Json;
using Majordomo.Budgets;
using Majordomo.Hosting;
using Majordomo.Simulation;

namespace Majordomo.Cli;

/// <summary>
/// <c>majordomo simulate</c> (SPEC §3): replay the request log (<c>--from-store</c>, the store the config
/// names) or a JSONL file (<c>--log</c>) through the config given with <c>--config</c>, without calling a model.
/// </summary>
internal static class SimulateCli
{
    public static async Task<int> RunAsync(string? configPath, bool fromStore, string? log, string? since, bool json, bool failures,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (fromStore == (log is not null))
        {
            await errors.WriteLineAsync("majordomo: simulate needs exactly one of --from-store or --log FILE.jsonl").ConfigureAwait(false);
            return MajordomoCli.UsageError;
        }

        if (!StatsReports.TryParseSince(since, out var span))
        {
            await errors.WriteLineAsync($"majordomo: --since '{since}' is not a duration such as 30m, 24h or 30d").ConfigureAwait(false);
            return MajordomoCli.UsageError;
        }

        var options = new SimulationOptions(failures);
        if (log is not null)
        {
            return await FromLogAsync(configPath, log, json, options, output, errors, cancellationToken).ConfigureAwait(false);
        }

        return UsageCli.WithStore(configPath, errors, (source, stores) =>
        {
            using var simulator = new Simulator(source.Config!, options);
            var now = TimeProvider.System.GetUtcNow();
            var skipped = new Counter();
            var report = simulator.RunAsync(ReplaySources.FromStoreAsync(stores.Requests, now - span, now.AddSeconds(1), skipped, cancellationToken), cancellationToken)
                .GetAwaiter().GetResult();
            Print(report, json, output);
            if (skipped.Value > 0)
            {
                errors.WriteLine($"note: {skipped.Value} logged requests were not replayed (router commands, cache hits, loop-guard refusals)");
            }

            return MajordomoCli.Ok;
        });
    }

    private static async Task<int> FromLogAsync(string? configPath, string log, bool json, SimulationOptions options, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var source = ConfigSource.Resolve(configPath, demo: false);
        if (source.Errors.Count > 0 || source.Config is null)
        {
            await errors.WriteLineAsync(source.Errors.Count > 0
                ? $"majordomo: invalid config ({source.Description}): " + string.Join("; ", source.Errors)
                : "majordomo: no config found. " + Api.InfoEndpoints.UnconfiguredMessage).ConfigureAwait(false);
            return MajordomoCli.UsageError;
        }

        if (!File.Exists(log))
        {
            await errors.WriteLineAsync($"majordomo: --log '{log}' does not exist").ConfigureAwait(false);
            return MajordomoCli.UsageError;
        }

        // Lines may come in any order: the replay is in time order (a stable sort keeps equal times in file order).
        var requests = new List<ReplayRequest>();
        try
        {
            using var reader = File.OpenText(log);
            await foreach (var request in ReplaySources.FromJsonlAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                requests.Add(request);
            }
        }
        catch (ReplayInputException ex)
        {
            await errors.WriteLineAsync($"majordomo: --log '{log}': {ex.Message}").ConfigureAwait(false);
            return MajordomoCli.UsageError;
        }

        var ordered = requests.Select((r, i) => (r, i)).OrderBy(x => x.r.Time).ThenBy(x => x.i).Select(x => x.r).ToAsyncEnumerable();
        using var simulator = new Simulator(source.Config, options);
        Print(await simulator.RunAsync(ordered, cancellationToken).ConfigureAwait(false), json, output);
        return MajordomoCli.Ok;
    }

    private static void Print(SimulationReport report, bool json, TextWriter output)
    {
        if (!json)
        {
            output.Write(report.ToText());
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            report.WriteJson(writer);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
