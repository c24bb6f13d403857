using System.Runtime.CompilerServices;
using Majordomo.Api;
using Majordomo.Budgets;
using Majordomo.Catalog;
using Majordomo.Config;
using Majordomo.Dashboard;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.Health;
using Majordomo.LoopGuard;
using Majordomo.Monitoring;
using Majordomo.Providers;
using Majordomo.Routing;
using Majordomo.Storage;
using Majordomo.Storage.Postgres;
using Majordomo.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Majordomo.Hosting;

/// <summary>How to run the gateway: the config source plus overrides for tests and the CLI.</summary>
public sealed record GatewayOptions
{
    public required ConfigSource Source { get; init; }

    /// <summary>Listen URLs; overrides <c>server.urls</c>. Use <c>http://127.0.0.1:0</c> for an ephemeral port.</summary>
    public IReadOnlyList<string>? Urls { get; init; }

    public TimeProvider? Time { get; init; }

    public int JitterSeed { get; init; } = Environment.TickCount;

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Overrides <c>storage.sqlite</c> (tests point it at a temp file); unused when <c>storage.postgres</c> is set.</summary>
    public string? StorePath { get; init; }

    /// <summary>Batch interval of the request-log writer.</summary>
    public TimeSpan? LogFlushInterval { get; init; }

    /// <summary>Runs after the gateway's own registrations (tests add model gates or a degradation source).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>Builds the gateway: services (<c>AddMajordomo</c>) and endpoints (<c>MapMajordomo</c>).</summary>
public static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:4000";

    /// <summary>Body limit for every endpoint but <c>POST /v1/chat/completions</c>.</summary>
    public const long DefaultBodyLimit = 1024 * 1024;

    public static WebApplication Build(GatewayOptions options)
    {
        var source = options.Source;
        if (source.Errors.Count > 0)
        {
            throw new InvalidOperationException("invalid config:" + Environment.NewLine + string.Join(Environment.NewLine, source.Errors));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // With this category enabled at any level, hosting starts an Activity and a log scope for every
        // request; the request log and headers already say what each request did.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        // A failed start (a busy port) is logged by the host with its whole stack trace; the caller says
        // it in one line ("cannot listen: …"). Quiet until started, so later host errors still show.
        var started = new StrongBox<bool>(false);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => started.Value || level < LogLevel.Error);

        var config = source.Config;
        var urls = options.Urls ?? config?.Server?.Urls ?? [DefaultUrl];
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;

            // Endpoints other than chat completions take no body worth more than this; the chat endpoint
            // raises the limit per request to the live server.maxRequestBytes and answers a clear 413.
            k.Limits.MaxRequestBodySize = DefaultBodyLimit;

            // Kestrel refuses headers above its limit before the app runs, with an empty body: its limit is
            // raised and Api/HeaderLimit answers the usual limit in JSON.
            k.Limits.MaxRequestHeadersTotalSize = HeaderLimit.KestrelLimit;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var storePath = options.StorePath ?? StorePathFor(source);
        builder.Services.AddMajordomo(options, source, storePath);

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => started.Value = true);
        ExposureCheck.Warn(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Majordomo.Hosting"), config, urls);
        app.MapMajordomo();
        return app;
    }

    public static IServiceCollection AddMajordomo(this IServiceCollection services, GatewayOptions options, ConfigSource source, string storePath)
    {
        var time = options.Time ?? TimeProvider.System;
        services.AddSingleton(time);
        services.AddSingleton(new Jitter(new Random(options.JitterSeed)));
        services.AddSingleton<ProviderFactory>();
        services.AddSingleton<IProviderFactory>(sp => sp.GetRequiredService<ProviderFactory>());
        services.AddSingleton<SnapshotBuilder>();
        services.AddSingleton(sp =>
        {
            // Built whole now, like every reload: rules compiled, defaults applied, gates bound.
            var catalog = source.Config is { } config ? CatalogBuilder.Build(config, sp.GetRequiredService<ProviderFactory>()) : EmptyCatalog.Create();
            return new SnapshotHolder(sp.GetRequiredService<SnapshotBuilder>().Build(catalog), unconfigured: source.Config is null);
        });
        services.AddSingleton<ICatalogSource>(sp => sp.GetRequiredService<SnapshotHolder>());
        var stores = OpenStores(source, storePath, time);
        AddStores(services, stores, time);
        services.AddSingleton(sp => new RequestLogWriter(
            sp.GetRequiredService<IRequestLogStore>(), time, sp.GetRequiredService<ILogger<RequestLogWriter>>(), options.LogFlushInterval, sp.GetRequiredService<StoreHealth>()));
        services.AddSingleton<IRequestLog>(sp => sp.GetRequiredService<RequestLogWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<RequestLogWriter>());
        if (source.Config?.Storage?.RetentionDays is { } retentionDays)
        {
            services.AddHostedService(sp => new RequestLogRetention(sp.GetRequiredService<IRequestLogStore>(), retentionDays, time, sp.GetRequiredService<ILogger<RequestLogRetention>>()));
        }
        services.AddSingleton<StoreStatus>();
        services.AddSingleton<Cooldowns>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<HealthTracker>();
        services.AddSingleton(sp => new ResilienceStateWriter(
            sp.GetRequiredService<IHealthLogStore>(), sp.GetRequiredService<ILiveStateStore>(), sp.GetRequiredService<HealthTracker>(), sp.GetRequiredService<Cooldowns>(),
            sp.GetRequiredService<RateLimits>(), time, sp.GetRequiredService<ILogger<ResilienceStateWriter>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ResilienceStateWriter>());
        services.AddHostedService<LiveStateWatcher>();
        services.AddSingleton<IHealthProbe, HttpHealthProbe>();
        services.AddSingleton<HealthChecker>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthChecker>());
        services.AddHostedService<Classification.TokenizerWarmup>();
        services.AddSingleton(sp => new LoopStateStore(
            sp.GetRequiredService<ILoopSessionStore>(), time, sp.GetRequiredService<ILogger<LoopStateStore>>(), options.LogFlushInterval, sp.GetRequiredService<StoreHealth>()));
        services.AddHostedService(sp => sp.GetRequiredService<LoopStateStore>());
        services.AddSingleton<ToolLoopGuard>();
        AddBudgets(services, OutageModeWords.For(source.Config?.Storage?.OnOutage, sharedStore: stores.Store.Kind == "postgres"));
        services.AddSingleton<ChainExecutor>();
        services.TryAddSingleton<IDegradationSource, NoDegradation>();
        services.AddSingleton<LatencyTracker>();
        services.AddSingleton(sp => new SessionPins(sp.GetRequiredService<ISessionPinStore>(), sp.GetRequiredService<ILogger<SessionPins>>()));
        services.AddHostedService<SessionPinWatcher>();
        services.AddSingleton<RouteDecider>();
        services.AddSingleton<ExplainEndpoint>();
        services.AddSingleton<RequestIds>();
        services.AddSingleton<ChatCompletionsEndpoint>();
        services.AddSingleton<ResponseStore>();
        services.AddSingleton<InfoEndpoints>();
        services.AddSingleton<UsageEndpoints>();
        services.AddSingleton<DashboardPage>();
        services.AddSingleton<RequestLogEndpoint>();
        services.AddMajordomoTelemetry(source.Config?.Telemetry?.Otlp);
        services.AddSingleton(new ConfigFileStatus(source.FilePath, time));
        if (source.FilePath is { } path)
        {
            services.AddSingleton(sp => new ConfigWatcher(
                path, sp.GetRequiredService<SnapshotHolder>(), sp.GetRequiredService<SnapshotBuilder>(), sp.GetRequiredService<ProviderFactory>(),
                sp.GetRequiredService<ConfigFileStatus>(), time, sp.GetRequiredService<ILogger<ConfigWatcher>>()));
            services.AddHostedService(sp => sp.GetRequiredService<ConfigWatcher>());
        }

        options.ConfigureServices?.Invoke(services);
        return services;
    }

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
    private static void AddBudgets(IServiceCollection services, OutageMode outage)
    {
        services.AddSingleton(sp => new AlertWebhook(
            () => sp.GetRequiredService<SnapshotHolder>().Current.Catalog.Config.Budgets?.Alerts?.Webhook,
            sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlertWebhook>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertWebhook>());
        services.AddSingleton(sp => new BudgetLedger(
            () => sp.GetRequiredService<SnapshotHolder>().Current.Budgets,
            sp.GetRequiredService<IBudgetStore>(), sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BudgetLedger>>(),
            sp.GetRequiredService<AlertWebhook>(), sp.GetRequiredService<StoreHealth>(), outage));

        // Replaces the default NoDegradation: selection reads the level from the ledger.
        services.AddSingleton<IDegradationSource>(sp => sp.GetRequiredService<BudgetLedger>());
    }

    public static WebApplication MapMajordomo(this WebApplication app)
    {
        // Migrations run before the first request; a store that cannot be opened stops startup with its reason.
        StoreSync.Wait(app.Services.GetRequiredService<IStore>().MigrateAsync(CancellationToken.None));
        app.Services.GetRequiredService<SessionPins>().Load();
        app.Services.GetRequiredService<ResilienceStateWriter>().Restore();
        app.Services.GetRequiredService<LoopStateStore>().Load();

        // The first snapshot is built here, before the first request, as every reload builds its own.
        var holder = app.Services.GetRequiredService<SnapshotHolder>();
        var endpoints = GatewayEndpoints.All(app.Services);
        app.Use((context, next) => HeaderLimit.Exceeded(context.Request.Headers)
            ? (GatewayEndpoints.ForPath(endpoints, context.Request.Path)?.Ingress ?? Ingress.OpenAI)
                .WriteErrorAsync(context, 431, HeaderLimit.Message, "invalid_request_error", "headers_too_large")
            : next(context));
        app.Use((context, next) => Cors.Apply(context, holder.Current.Cors) ? Task.CompletedTask : next(context));
        foreach (var endpoint in endpoints)
        {
            var handler = endpoint.Handler;
            var ingress = endpoint.Ingress;
            app.MapMethods(endpoint.Path, [endpoint.Method], endpoint.NeedsConfig
                ? context => holder.IsUnconfigured ? NotConfiguredAsync(context, ingress) : handler(context)
                : handler);
        }

        var dashboard = app.Services.GetRequiredService<DashboardPage>();

        // A browser (Accept: text/html) gets the dashboard; scripts and curl keep the endpoint list (JSON or text).
        app.MapGet("/", context => DashboardPage.WantsPage(context.Request) ? dashboard.HandleAsync(context) : GatewayEndpoints.WriteIndexAsync(context, endpoints));
        // "{*path}" rather than the default "{*path:nonfile}": /.env and /swagger/index.html get the JSON 404 too.
        app.MapFallback("{*path}", context =>
        {
            var known = GatewayEndpoints.ForPath(endpoints, context.Request.Path);
            return known is not null
                ? known.Ingress.WriteErrorAsync(context, 405, $"Method {context.Request.Method} is not allowed on {context.Request.Path}.", "invalid_request_error", "method_not_allowed")
                : Errors.WriteAsync(context, 404, $"Unknown endpoint {context.Request.Method} {context.Request.Path}. Majordomo serves {GatewayEndpoints.List(endpoints, " and ")}.", "invalid_request_error", "unknown_endpoint");
        });
        return app;
    }

    private static Task NotConfiguredAsync(HttpContext context, Ingress ingress) =>
        ingress.WriteErrorAsync(context, 503, InfoEndpoints.UnconfiguredMessage, "server_error", "not_configured");

    /// <summary>
    /// The store the config names: the PostgreSQL database of <c>storage.postgres</c>, else the SQLite
    /// file at <paramref name="sqlitePath"/>. Nothing is opened yet (migrations run at start).
    /// </summary>
    internal static StoreSet OpenStores(ConfigSource source, string sqlitePath, TimeProvider? time = null) =>
        source.Config?.Storage?.Postgres is { } postgres ? new PostgresStore(postgres, time).CreateSet() : new SqliteStore(sqlitePath).CreateSet();

    /// <summary>
    /// Relative SQLite paths are relative to the config file's folder, else to the working directory.
    /// Without any config nothing worth keeping is recorded, so the store goes to the temp folder rather
    /// than leaving a majordomo.db wherever <c>serve</c> was first tried.
    /// </summary>
    public static string StorePathFor(ConfigSource source)
    {
        if (source.IsUnconfigured)
        {
            return Path.Combine(Path.GetTempPath(), "majordomo-unconfigured.db");
        }

        var configured = source.Config?.Storage?.Sqlite;
        if (configured is null)
        {
            return Path.GetFullPath(source.Description.StartsWith("built-in demo", StringComparison.Ordinal) ? "majordomo-demo.db" : "majordomo.db");
        }

        var baseDir = source.FilePath is { } file ? Path.GetDirectoryName(file)! : Directory.GetCurrentDirectory();
        return Path.GetFullPath(configured, baseDir);
    }

    /// <summary>The addresses Kestrel actually bound (resolves port 0).</summary>
    public static IReadOnlyList<string> BoundAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
}
