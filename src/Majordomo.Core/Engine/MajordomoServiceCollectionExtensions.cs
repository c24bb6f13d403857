using Majordomo.Config;
using Majordomo.Engine;
using Majordomo.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Options of the embedded router (SPEC §9); the config itself says everything else.</summary>
public sealed class MajordomoOptions
{
    /// <summary>
    /// The SQLite file for the request log, budgets, pins and loop state; overrides <c>storage.sqlite</c>
    /// (unused when <c>storage.postgres</c> is set). Default: <c>storage.sqlite</c>, else
    /// <c>majordomo.db</c>, relative to the config file's folder (the working directory for a config object).
    /// </summary>
    public string? StorePath { get; set; }

    /// <summary>The clock of budgets, cooldowns and the request log (tests pass a fake one).</summary>
    public TimeProvider? Time { get; set; }
}

/// <summary>
/// Registers Majordomo's router as the application's <see cref="IChatClient"/>: every call is routed
/// in-process through the same rules, classifier, selection, chains, budgets, loop guard and request
/// log as the gateway. <c>ChatOptions.ModelId</c> names a route, alias or model as <c>model</c> does over
/// HTTP; <c>ChatOptions.AdditionalProperties</c> <c>source</c>, <c>session</c>, <c>kind</c>,
/// <c>channel</c> and <c>profile</c> are the router's metadata. A refusal throws <see cref="MajordomoException"/>.
/// </summary>
public static class MajordomoServiceCollectionExtensions
{
    /// <summary>Loads the config file (<c>${ENV}</c> references and comments as for <c>majordomo serve</c>); an invalid file throws with every problem.</summary>
    public static IServiceCollection AddMajordomo(this IServiceCollection services, string configPath, Action<MajordomoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        var full = Path.GetFullPath(configPath);
        var loaded = ConfigLoader.LoadFile(full, Environment.GetEnvironmentVariable);
        return Add(services, Valid(loaded.Config, loaded.Errors, full), Path.GetDirectoryName(full)!, configure);
    }

    /// <summary>Uses a config built in code (validated as a file would be; an invalid one throws with every problem).</summary>
    public static IServiceCollection AddMajordomo(this IServiceCollection services, MajordomoConfig config, Action<MajordomoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        var validation = ConfigValidator.Validate(config);
        return Add(services, Valid(config, validation.Errors, "config"), Directory.GetCurrentDirectory(), configure);
    }

    private static MajordomoConfig Valid(MajordomoConfig? config, IReadOnlyList<string> errors, string what) =>
        errors.Count == 0 && config is not null
            ? config
            : throw new InvalidOperationException($"invalid Majordomo config ({what}):" + Environment.NewLine + string.Join(Environment.NewLine, errors));

    private static IServiceCollection Add(IServiceCollection services, MajordomoConfig config, string baseDirectory, Action<MajordomoOptions>? configure)
    {
        var options = new MajordomoOptions();
        configure?.Invoke(options);
        var storePath = Path.GetFullPath(options.StorePath ?? config.Storage?.Sqlite ?? "majordomo.db", baseDirectory);
        services.AddLogging();
        services.AddMetrics();
        services.AddEngine(new EngineSettings(config, storePath) { Time = options.Time ?? TimeProvider.System }, hosted: false);
        services.TryAddSingleton(sp => new MajordomoMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<MajordomoTracing>();
        services.AddSingleton<EngineRuntime>();
        services.AddSingleton<MajordomoChatClient>();
        services.AddSingleton<IChatClient>(sp => sp.GetRequiredService<MajordomoChatClient>());
        return services;
    }
}
