using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Config;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.Health;
using Majordomo.LoopGuard;
using Majordomo.Providers;
using Majordomo.Routing;
using Majordomo.Storage;
using Majordomo.Storage.Postgres;
using Majordomo.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Majordomo.Engine;

/// <summary>What the engine is built from: the config (null: unconfigured) and the overrides tests and hosts give.</summary>
internal sealed record EngineSettings(MajordomoConfig? Config, string StorePath)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public int JitterSeed { get; init; } = Environment.TickCount;

    /// <summary>Batch interval of the request-log writer and the loop state store.</summary>
    public TimeSpan? LogFlushInterval { get; init; }
}

/// <summary>A background worker the library's <see cref="EngineRuntime"/> starts (the gateway's host starts them as hosted services).</summary>
internal sealed record EngineWorker(Func<IServiceProvider, IHostedService> Create);

/// <summary>
/// The engine's services, registered once for both faces: the gateway (<c>Hosting/GatewayApp</c>, whose
/// host runs the background workers) and the library (<c>AddMajordomo</c>, where <see cref="EngineRuntime"/>
/// runs them, as the library has no host of its own).
/// </summary>
internal static class EngineServices
{
    /// <summary><paramref name="hosted"/>: the background workers are hosted services (the gateway) or <see cref="EngineWorker"/>s (the library).</summary>
    public static IServiceCollection AddEngine(this IServiceCollection services, EngineSettings settings, bool hosted)
    {
        var time = settings.Time;
        var config = settings.Config;
        services.AddSingleton(time);
        services.AddSingleton(new Jitter(new Random(settings.JitterSeed)));
        services.AddSingleton<ProviderFactory>();
        services.AddSingleton<IProviderFactory>(sp => sp.GetRequiredService<ProviderFactory>());
        services.AddSingleton<SnapshotBuilder>();
        services.AddSingleton(sp =>
        {
            // Built whole now, like every reload: rules compiled, defaults applied, gates bound.
            var catalog = config is not null ? CatalogBuilder.Build(config, sp.GetRequiredService<ProviderFactory>()) : EmptyCatalog.Create();
            return new SnapshotHolder(sp.GetRequiredService<SnapshotBuilder>().Build(catalog), unconfigured: config is null);
        });
        services.AddSingleton<ICatalogSource>(sp => sp.GetRequiredService<SnapshotHolder>());
        var stores = OpenStores(config, settings.StorePath, time);
        AddStores(services, stores, time);
        services.AddSingleton(sp => new RequestLogWriter(
            sp.GetRequiredService<IRequestLogStore>(), time, sp.GetRequiredService<ILogger<RequestLogWriter>>(), settings.LogFlushInterval, sp.GetRequiredService<StoreHealth>()));
        services.AddSingleton<IRequestLog>(sp => sp.GetRequiredService<RequestLogWriter>());
        AddWorker(services, hosted, sp => sp.GetRequiredService<RequestLogWriter>());
        if (config?.Storage?.RetentionDays is { } retentionDays)
        {
            AddWorker(services, hosted, sp => new RequestLogRetention(sp.GetRequiredService<IRequestLogStore>(), retentionDays, time, sp.GetRequiredService<ILogger<RequestLogRetention>>()));
        }
        services.AddSingleton<StoreStatus>();
        services.AddSingleton<Cooldowns>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<HealthTracker>();
        services.AddSingleton(sp => new ResilienceStateWriter(
            sp.GetRequiredService<IHealthLogStore>(), sp.GetRequiredService<ILiveStateStore>(), sp.GetRequiredService<HealthTracker>(), sp.GetRequiredService<Cooldowns>(),
            sp.GetRequiredService<RateLimits>(), time, sp.GetRequiredService<ILogger<ResilienceStateWriter>>()));
        AddWorker(services, hosted, sp => sp.GetRequiredService<ResilienceStateWriter>());
        AddWorker(services, hosted, sp => ActivatorUtilities.CreateInstance<LiveStateWatcher>(sp));
        services.AddSingleton<IHealthProbe, HttpHealthProbe>();
        services.AddSingleton<HealthChecker>();
        AddWorker(services, hosted, sp => sp.GetRequiredService<HealthChecker>());
        AddWorker(services, hosted, sp => ActivatorUtilities.CreateInstance<RequestPathWarmup>(sp));
        services.AddSingleton(sp => new LoopStateStore(
            sp.GetRequiredService<ILoopSessionStore>(), time, sp.GetRequiredService<ILogger<LoopStateStore>>(), settings.LogFlushInterval, sp.GetRequiredService<StoreHealth>()));
        AddWorker(services, hosted, sp => sp.GetRequiredService<LoopStateStore>());
        services.AddSingleton<ToolLoopGuard>();
        AddBudgets(services, hosted, OutageModeWords.For(config?.Storage?.OnOutage, sharedStore: stores.Store.Kind == "postgres"));
        services.AddSingleton<ChainExecutor>();
        services.TryAddSingleton<IDegradationSource, NoDegradation>();
        services.AddSingleton<LatencyTracker>();
        services.AddSingleton(sp => new SessionPins(sp.GetRequiredService<ISessionPinStore>(), sp.GetRequiredService<ILogger<SessionPins>>()));
        AddWorker(services, hosted, sp => ActivatorUtilities.CreateInstance<SessionPinWatcher>(sp));
        services.AddSingleton<RouteDecider>();
        services.AddSingleton<RequestIds>();
        services.AddSingleton<RequestAccounting>();
        services.AddSingleton<RequestServices>();
        services.AddSingleton<Caching.ResponseCache>();
        return services;
    }

    /// <summary>
    /// What must be in place before the first request: migrations run (a store that cannot be opened
    /// stops startup with its reason), then pins, cooldowns and loop state are read back.
    /// </summary>
    public static void Start(IServiceProvider services)
    {
        StoreSync.Wait(services.GetRequiredService<IStore>().MigrateAsync(CancellationToken.None));
        services.GetRequiredService<SessionPins>().Load();
        services.GetRequiredService<ResilienceStateWriter>().Restore();
        services.GetRequiredService<LoopStateStore>().Load();
    }

    private static void AddWorker<T>(IServiceCollection services, bool hosted, Func<IServiceProvider, T> create)
        where T : class, IHostedService
    {
        if (hosted)
        {
            services.AddHostedService(create);
        }
        else
        {
            services.AddSingleton(new EngineWorker(create));
        }
    }

    /// <summary>
    /// The store the config names: the PostgreSQL database of <c>storage.postgres</c>, else the SQLite
    /// file at <paramref name="sqlitePath"/>. Nothing is opened yet (migrations run at start).
    /// </summary>
    public static StoreSet OpenStores(MajordomoConfig? config, string sqlitePath, TimeProvider? time = null) =>
        config?.Storage?.Postgres is { } postgres ? new PostgresStore(postgres, time).CreateSet() : new SqliteStore(sqlitePath).CreateSet();

    /// <summary>The store behind the storage seam: the set as a whole and each kind of state's interface.</summary>
    private static void AddStores(IServiceCollection services, StoreSet stores, TimeProvider time)
    {
        services.AddSingleton(sp => new StoreHealth(time, sp.GetRequiredService<ILoggerFactory>().CreateLogger<StoreHealth>()));
        // Registered by factory so the container disposes the set (and its connections) on shutdown.
        services.AddSingleton(_ => stores);
        services.AddSingleton(_ => stores.Store);
        services.AddSingleton(_ => stores.Requests);
        services.AddSingleton(_ => stores.Budgets);
        services.AddSingleton(_ => stores.Alerts);
        services.AddSingleton(_ => stores.Sessions);
        services.AddSingleton(_ => stores.Loops);
        services.AddSingleton(_ => stores.Health);
        services.AddSingleton(_ => stores.Live);
    }

    /// <summary>Budgets, quota pools and degradation (SPEC §1.7): the ledger, its gates and the alert webhook.</summary>
    private static void AddBudgets(IServiceCollection services, bool hosted, OutageMode outage)
    {
        services.AddSingleton(sp => new AlertWebhook(
            () => sp.GetRequiredService<SnapshotHolder>().Current.Catalog.Config.Budgets?.Alerts?.Webhook,
            sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlertWebhook>>()));
        AddWorker(services, hosted, sp => sp.GetRequiredService<AlertWebhook>());
        services.AddSingleton(sp => new BudgetLedger(
            () => sp.GetRequiredService<SnapshotHolder>().Current.Budgets,
            sp.GetRequiredService<IBudgetStore>(), sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BudgetLedger>>(),
            sp.GetRequiredService<AlertWebhook>(), sp.GetRequiredService<StoreHealth>(), outage));

        // Replaces the default NoDegradation: selection reads the level from the ledger.
        services.AddSingleton<IDegradationSource>(sp => sp.GetRequiredService<BudgetLedger>());
    }
}
