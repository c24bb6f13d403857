using System.Runtime.CompilerServices;
using Majordomo.Api;
using Majordomo.Config;
using Majordomo.Dashboard;
using Majordomo.Engine;
using Majordomo.Gateway;
using Majordomo.Monitoring;
using Majordomo.Providers;
using Majordomo.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

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

        // No appsettings reload: its watch on the working folder would wake on every store (WAL) write there.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
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
        // it in one line ("cannot listen: …"). Quiet until started, so later host errors still show. A category's
        // filter replaces the minimum level for it, so the filter applies that level itself.
        var started = new StrongBox<bool>(false);
        var minimum = options.MinimumLogLevel;
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= minimum && (started.Value || level < LogLevel.Error));

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
        if (source.IsUnconfigured && options.StorePath is null)
        {
            // After the hosted services stopped (the request-log writer has closed its connection).
            app.Lifetime.ApplicationStopped.Register(() => DeleteStore(storePath));
        }

        ExposureCheck.Warn(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Majordomo.Hosting"), config, urls);
        app.MapMajordomo();
        return app;
    }

    public static IServiceCollection AddMajordomo(this IServiceCollection services, GatewayOptions options, ConfigSource source, string storePath)
    {
        var time = options.Time ?? TimeProvider.System;
        services.AddEngine(new EngineSettings(source.Config, storePath) { Time = time, JitterSeed = options.JitterSeed, LogFlushInterval = options.LogFlushInterval }, hosted: true);
        services.AddSingleton<ExplainEndpoint>();
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

    public static WebApplication MapMajordomo(this WebApplication app)
    {
        // Migrations run and state is read back before the first request.
        EngineServices.Start(app.Services);

        // The first snapshot is built here, before the first request, as every reload builds its own.
        var holder = app.Services.GetRequiredService<SnapshotHolder>();
        var endpoints = GatewayEndpoints.All(app.Services);
        app.Use((context, next) => HeaderLimit.Exceeded(context.Request.Headers)
            ? (GatewayEndpoints.ForPath(endpoints, context.Request.Path)?.Ingress ?? Ingress.OpenAI)
                .WriteErrorAsync(context, 431, HeaderLimit.Message, "invalid_request_error", "headers_too_large")
            : next(context));
        app.Use((context, next) => Cors.Apply(context, holder.Current.Cors) ? Task.CompletedTask : next(context));

        // A request for one of the table's own method and path goes straight to its handler: endpoint routing (the
        // matcher's candidates with the catch-all fallback, the endpoint middleware) costs ~0.5 µs and ~440 B a request
        // (bench `hostpath`). Anything else ("/", a trailing slash, a wrong method, an unknown path) is routed as before.
        var direct = endpoints.Select(endpoint => (endpoint.Method, new PathString(endpoint.Path), Handler: HandlerOf(endpoint, holder))).ToArray();
        app.Use((context, next) =>
        {
            var request = context.Request;
            foreach (var (method, path, handler) in direct)
            {
                if (request.Path.Equals(path) && HttpMethods.Equals(request.Method, method))
                {
                    return handler(context);
                }
            }

            return next(context);
        });
        app.UseRouting();
        foreach (var endpoint in endpoints)
        {
            app.MapMethods(endpoint.Path, [endpoint.Method], HandlerOf(endpoint, holder));
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

    private static RequestDelegate HandlerOf(GatewayEndpoint endpoint, SnapshotHolder holder)
    {
        var handler = endpoint.Handler;
        var ingress = endpoint.Ingress;
        return endpoint.NeedsConfig
            ? context => holder.IsUnconfigured ? NotConfiguredAsync(context, ingress) : handler(context)
            : handler;
    }

    private static Task NotConfiguredAsync(HttpContext context, Ingress ingress) =>
        ingress.WriteErrorAsync(context, 503, InfoEndpoints.UnconfiguredMessage, "server_error", "not_configured");

    /// <summary>
    /// The store the config names: the PostgreSQL database of <c>storage.postgres</c>, else the SQLite
    /// file at <paramref name="sqlitePath"/>. Nothing is opened yet (migrations run at start).
    /// </summary>
    internal static StoreSet OpenStores(ConfigSource source, string sqlitePath, TimeProvider? time = null) => EngineServices.OpenStores(source.Config, sqlitePath, time);

    /// <summary>
    /// Relative SQLite paths are relative to the config file's folder, else to the working directory.
    /// Without any config nothing worth keeping is recorded, so the store goes to the temp folder rather
    /// than leaving a majordomo.db wherever <c>serve</c> was first tried: one file per process (two
    /// unconfigured gateways would otherwise share one file, its locks and its migrations), deleted at a
    /// graceful stop (<see cref="Build"/>).
    /// </summary>
    public static string StorePathFor(ConfigSource source)
    {
        if (source.IsUnconfigured)
        {
            return Path.Combine(Path.GetTempPath(), $"majordomo-unconfigured-{Environment.ProcessId}.db");
        }

        var configured = source.Config?.Storage?.Sqlite;
        if (configured is null)
        {
            return Path.GetFullPath(source.Description.StartsWith("built-in demo", StringComparison.Ordinal) ? "majordomo-demo.db" : "majordomo.db");
        }

        var baseDir = source.FilePath is { } file ? Path.GetDirectoryName(file)! : Directory.GetCurrentDirectory();
        return Path.GetFullPath(configured, baseDir);
    }

    private static void DeleteStore(string path)
    {
        Storage.Sqlite.SqliteStore.ReleaseFiles();
        foreach (var file in (string[])[path, path + "-wal", path + "-shm"])
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left in the temp folder: it held nothing worth keeping.
            }
        }
    }

    /// <summary>The addresses Kestrel actually bound (resolves port 0).</summary>
    public static IReadOnlyList<string> BoundAddresses(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
}
