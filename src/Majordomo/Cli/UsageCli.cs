using System.Text.Json;
using Majordomo.Budgets;
using Majordomo.Hosting;
using Majordomo.Storage;
using Majordomo.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Cli;

/// <summary>
/// <c>majordomo usage</c> and <c>majordomo stats</c>: read the store a gateway with this config writes
/// (counters, alerts, request log) and print what <c>GET /usage</c> and <c>GET /stats</c> answer.
/// Reservations in flight in a running gateway are already in the stored counters.
/// </summary>
internal static class UsageCli
{
    public static int Usage(string? configPath, bool json, TextWriter output, TextWriter errors) =>
        WithStore(configPath, errors, (source, store) =>
        {
            var plan = BudgetPlan.From(source.Config!);
            var ledger = new BudgetLedger(() => plan, store.Budgets, store.Alerts, TimeProvider.System, NullLogger<BudgetLedger>.Instance);
            var report = UsageReports.BuildAsync(ledger, store.Alerts, null, null, CancellationToken.None).GetAwaiter().GetResult();
            output.Write(json ? JsonSerializer.Serialize(report, BudgetJson.Default.UsageReport) + Environment.NewLine : UsageReports.Render(report));
            return MajordomoCli.Ok;
        });

    public static int Stats(string? configPath, string? since, string? baselineModel, bool json, TextWriter output, TextWriter errors)
    {
        if (!StatsReports.TryParseSince(since, out var span))
        {
            errors.WriteLine($"majordomo: --since '{since}' is not a duration such as 30m, 24h or 7d");
            return MajordomoCli.UsageError;
        }

        return WithStore(configPath, errors, (source, store) =>
        {
            using var providers = new Providers.ProviderFactory(TimeProvider.System);
            if (SavingsBaseline.Create(Catalog.CatalogBuilder.Build(source.Config!, providers), baselineModel) is not { } baseline)
            {
                errors.WriteLine($"majordomo: --baseline '{baselineModel}' is not a model or alias of the config");
                return MajordomoCli.UsageError;
            }

            var now = TimeProvider.System.GetUtcNow();
            var report = StatsReports.BuildAsync(store.Requests, now - span, now.AddSeconds(1), null, CancellationToken.None, baseline).GetAwaiter().GetResult();
            output.Write(json ? JsonSerializer.Serialize(report, BudgetJson.Default.StatsReport) + Environment.NewLine : StatsReports.Render(report));
            return MajordomoCli.Ok;
        });
    }

    internal static int WithStore(string? configPath, TextWriter errors, Func<ConfigSource, StoreSet, int> run)
    {
        var source = ConfigSource.Resolve(configPath, demo: false);
        if (source.Errors.Count > 0)
        {
            errors.WriteLine($"majordomo: invalid config ({source.Description}), {source.Errors.Count} problem(s):");
            foreach (var error in source.Errors)
            {
                errors.WriteLine("  " + error);
            }

            return MajordomoCli.UsageError;
        }

        if (source.IsUnconfigured || source.Config is null)
        {
            errors.WriteLine("majordomo: no config found. " + Api.InfoEndpoints.UnconfiguredMessage);
            return MajordomoCli.UsageError;
        }

        if (source.Config.Storage?.Postgres is not null)
        {
            // The fleet's shared database: the same numbers every instance sees.
            try
            {
                using var shared = GatewayApp.OpenStores(source, "");
                StoreSync.Wait(shared.Store.MigrateAsync(CancellationToken.None));
                return run(source, shared);
            }
            catch (StoreException ex)
            {
                errors.WriteLine($"majordomo: cannot read the PostgreSQL store (storage.postgres): {ex.Message}");
                return MajordomoCli.RuntimeFailure;
            }
        }

        // A store that does not exist yet has counted nothing: read an empty one rather than create it here.
        var path = GatewayApp.StorePathFor(source);
        var temporary = !File.Exists(path);
        if (temporary)
        {
            errors.WriteLine($"note: no store at '{path}' yet; nothing has been recorded.");
            path = Path.Combine(Path.GetTempPath(), "majordomo-empty-" + Guid.NewGuid().ToString("N") + ".db");
        }

        try
        {
            using var stores = new SqliteStore(path).CreateSet();
            StoreSync.Wait(stores.Store.MigrateAsync(CancellationToken.None));
            return run(source, stores);
        }
        catch (StoreException ex)
        {
            errors.WriteLine($"majordomo: cannot read the store '{path}': {ex.Message}");
            return MajordomoCli.RuntimeFailure;
        }
        finally
        {
            if (temporary)
            {
                SqliteStore.ReleaseFiles();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }
}
