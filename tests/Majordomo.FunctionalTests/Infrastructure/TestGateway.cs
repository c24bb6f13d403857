using System.ClientModel;
using System.ClientModel.Primitives;
using Majordomo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>
/// The real gateway on Kestrel at 127.0.0.1 with an ephemeral port, a config file in a temp folder
/// (with <c>{UPSTREAM}</c> replaced by the scenario upstream's URL) and a real SQLite file.
/// </summary>
internal sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGateway(WebApplication app, string directory, string configPath)
    {
        _app = app;
        Directory = directory;
        ConfigPath = configPath;
        BaseUrl = app.BoundAddresses().First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string BaseUrl { get; }

    public string Directory { get; }

    public string ConfigPath { get; }

    public string StorePath => Path.Combine(Directory, "majordomo.db");

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A model of the current catalog snapshot.</summary>
    public Majordomo.Catalog.ModelEntry Catalog(string model) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Majordomo.Gateway.SnapshotHolder>(_app.Services).Current.Catalog.Models[model];

    public static async Task<TestGateway> StartAsync(string configJson, ScenarioUpstream? upstream = null, Func<string, string?>? getEnv = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null, string? directory = null, TimeProvider? time = null)
    {
        // A given directory (and its majordomo.db) is reused: a restart on the same store.
        directory ??= Path.Combine(Path.GetTempPath(), "majordomo-ft-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(directory);
        var configPath = Path.Combine(directory, "majordomo.json");
        await File.WriteAllTextAsync(configPath, Render(configJson, upstream));
        var source = ConfigSource.Resolve(configPath, demo: false, getEnv);
        if (source.Errors.Count > 0)
        {
            throw new InvalidOperationException("test config is invalid: " + string.Join("; ", source.Errors));
        }

        var app = GatewayApp.Build(new GatewayOptions
        {
            Source = source,
            Urls = ["http://127.0.0.1:0"],
            StorePath = Path.Combine(directory, "majordomo.db"),
            LogFlushInterval = TimeSpan.FromMilliseconds(20),
            MinimumLogLevel = LogLevel.Warning,
            JitterSeed = 1,
            Time = time,
            ConfigureServices = services,
        });
        await app.StartAsync();
        return new TestGateway(app, directory, configPath);
    }

    public static string Render(string configJson, ScenarioUpstream? upstream) =>
        upstream is null ? configJson : configJson.Replace("{UPSTREAM}", upstream.BaseUrl, StringComparison.Ordinal);

    /// <summary>An official OpenAI SDK client pointed at the gateway, with the SDK's own retries off.</summary>
    public ChatClient ChatClient(string model, string apiKey = "unused")
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(BaseUrl + "/v1"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(60),
        };
        return new ChatClient(model, new ApiKeyCredential(apiKey), options);
    }

    public OpenAIClient OpenAIClient(string apiKey = "unused") => new(new ApiKeyCredential(apiKey), new OpenAIClientOptions
    {
        Endpoint = new Uri(BaseUrl + "/v1"),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    });

    /// <summary>Stops the gateway gracefully (flushes the request log); safe to call twice.</summary>
    public async Task StopAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
    }

    /// <summary>When false, disposing leaves the folder (and its store) for a restarted gateway.</summary>
    public bool DeleteDirectoryOnDispose { get; set; } = true;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(stop.Token);
        }
        catch (ObjectDisposedException)
        {
        }

        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!DeleteDirectoryOnDispose)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
