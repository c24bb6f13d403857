using System.CommandLine;
using Majordomo.Catalog;
using Majordomo.Hosting;
using Majordomo.Providers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Cli;

/// <summary>The <c>majordomo</c> command line (SPEC §3). Exit codes: 0 ok, 1 runtime failure, 2 usage or config error.</summary>
internal static class MajordomoCli
{
    public const int Ok = 0;
    public const int RuntimeFailure = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;

        var configOption = new Option<string?>("--config", "-c") { Description = "Config file (default: $MAJORDOMO_CONFIG, then ./majordomo.json)" };
        var urlsOption = new Option<string?>("--urls") { Description = "Listen URLs, separated by ';' (overrides server.urls)" };
        var demoOption = new Option<bool>("--demo") { Description = "Serve the built-in catalog of simulated providers (offline)" };
        var checkDemoOption = new Option<bool>("--demo") { Description = "Check the built-in demo catalog instead of a config file" };
        var routeDemoOption = new Option<bool>("--demo") { Description = "Route with the built-in demo catalog instead of a config file" };
        var pathOption = new Option<string>("--path") { Description = "Where to write the starter config", DefaultValueFactory = _ => ConfigSource.DefaultFileName };
        var forceOption = new Option<bool>("--force") { Description = "Overwrite an existing file" };

        var serve = new Command("serve", "Run the gateway") { configOption, urlsOption, demoOption };
        serve.SetAction((result, _) => ServeAsync(result.GetValue(configOption), result.GetValue(urlsOption), result.GetValue(demoOption), output, errors));

        var check = new Command("check", "Validate a config; exit 0 when valid, 2 when not") { configOption, checkDemoOption };
        check.SetAction(result => Check(result.GetValue(configOption), result.GetValue(checkDemoOption), output, errors));

        var init = new Command("init", "Write a commented starter majordomo.json") { pathOption, forceOption };
        init.SetAction(result => Init(result.GetValue(pathOption)!, result.GetValue(forceOption), output, errors));

        var sourceOption = new Option<string?>("--source") { Description = "X-Router-Source of the request (user, heartbeat, cron, subagent, …)" };
        var modelOption = new Option<string?>("--model", "-m") { Description = "The request's model (a route, alias or model id; default: none → defaultRoute)" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the decision as JSON (the POST /v1/route object)" };
        var promptArgument = new Argument<string?>("prompt") { Description = "The user message to route", Arity = ArgumentArity.ZeroOrOne };
        var evalOption = new Option<string?>("--eval") { Description = "Score the classifier on a labelled JSONL file instead (SPEC §1.3)" };
        var route = new Command("route", "Explain how a prompt would be routed, without calling any model") { configOption, routeDemoOption, sourceOption, modelOption, jsonOption, evalOption, promptArgument };
        route.SetAction((result, ct) => result.GetValue(evalOption) is { } evalFile
            ? RouteEvalCli.EvalAsync(evalFile, result.GetValue(jsonOption), output, errors, ct)
            : RouteAsync(result.GetValue(configOption), result.GetValue(routeDemoOption), result.GetValue(sourceOption), result.GetValue(modelOption), result.GetValue(jsonOption), result.GetValue(promptArgument), output, errors, ct));

        var sinceOption = new Option<string>("--since") { Description = "How far back: 30m, 24h, 7d", DefaultValueFactory = _ => "24h" };

        var reportJsonOption = new Option<bool>("--json") { Description = "Print the report as JSON (the same object as the HTTP endpoint)" };
        var usage = new Command("usage", "Budgets and quota pools: used / limit / %, reset time, degradation level, projected exhaustion") { configOption, reportJsonOption };
        usage.SetAction(result => UsageCli.Usage(result.GetValue(configOption), result.GetValue(reportJsonOption), output, errors));

        var baselineOption = new Option<string?>("--baseline") { Description = "Savings against this model (default: each route's most capable model)" };
        var stats = new Command("stats", "Routing mix, cost, latency, fallbacks and savings from the request log") { configOption, sinceOption, baselineOption, reportJsonOption };
        stats.SetAction(result => UsageCli.Stats(result.GetValue(configOption), result.GetValue(sinceOption), result.GetValue(baselineOption), result.GetValue(reportJsonOption), output, errors));

        var fromStoreOption = new Option<bool>("--from-store") { Description = "Replay the request log of the store the config names" };
        var logOption = new Option<string?>("--log") { Description = "Replay a JSONL file: {\"time\", \"body\", \"headers\"} a line" };
        var failuresOption = new Option<bool>("--failures") { Description = "Replay the recorded upstream failures (skip a model that failed on that request)" };
        var replaySinceOption = new Option<string>("--since") { Description = "How far back the store is replayed: 24h, 7d, 30d", DefaultValueFactory = _ => "30d" };
        var simulate = new Command("simulate", "Replay recorded requests through a config's routing, budgets and pools, without calling any model")
        {
            configOption, fromStoreOption, logOption, replaySinceOption, reportJsonOption, failuresOption,
        };
        simulate.SetAction((result, ct) => SimulateCli.RunAsync(result.GetValue(configOption), result.GetValue(fromStoreOption), result.GetValue(logOption),
            result.GetValue(replaySinceOption), result.GetValue(reportJsonOption), result.GetValue(failuresOption), output, errors, ct));

        var root = new RootCommand("Majordomo: a smart model router for AI agents") { serve, check, init, route, usage, stats, simulate };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await errors.WriteLineAsync("majordomo: " + error.Message).ConfigureAwait(false);
            }

            await errors.WriteLineAsync("Run 'majordomo --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        // serve handles its own stop signals (StopSignals): the parser's handler returns 143 two seconds after SIGTERM,
        // ending the process in the middle of the host's graceful stop (in-flight answers, the request log's flush).
        var invocation = new InvocationConfiguration { Output = output, Error = errors };
        if (parsed.CommandResult.Command == serve)
        {
            invocation.ProcessTerminationTimeout = null;
        }

        return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(string? configPath, string? urls, bool demo, TextWriter output, TextWriter errors)
    {
        using var signals = new StopSignals();
        var source = ConfigSource.Resolve(configPath, demo);
        if (source.Errors.Count > 0)
        {
            await PrintProblemsAsync(errors, source).ConfigureAwait(false);
            return UsageError;
        }

        foreach (var warning in source.Warnings)
        {
            await errors.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
        }

        WebApplication app;
        try
        {
            app = GatewayApp.Build(new GatewayOptions
            {
                Source = source,
                Urls = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Storage.StoreException)
        {
            await errors.WriteLineAsync("majordomo: cannot start: " + ex.Message).ConfigureAwait(false);
            return RuntimeFailure;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                // Not cancelled by a signal: a stop asked for during start still starts, then stops gracefully below.
                await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await errors.WriteLineAsync("majordomo: cannot listen: " + ex.Message).ConfigureAwait(false);
                return RuntimeFailure;
            }

            var addresses = string.Join(", ", app.BoundAddresses());
            await output.WriteLineAsync($"Majordomo {Api.InfoEndpoints.Version} listening on {addresses}").ConfigureAwait(false);
            await output.WriteLineAsync($"config: {source.Description}").ConfigureAwait(false);
            if (source.IsUnconfigured)
            {
                await output.WriteLineAsync(Api.InfoEndpoints.UnconfiguredMessage).ConfigureAwait(false);
            }
            else if (demo)
            {
                var first = app.BoundAddresses().FirstOrDefault() ?? GatewayApp.DefaultUrl;
                await output.WriteLineAsync("Demo mode: every answer is simulated. Try:").ConfigureAwait(false);
                await output.WriteLineAsync($"  curl -N {first}/v1/chat/completions -H 'Content-Type: application/json' -d '{{\"model\":\"default\",\"stream\":true,\"messages\":[{{\"role\":\"user\",\"content\":\"Hello!\"}}]}}'").ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync(signals.Token).ConfigureAwait(false);
        }

        return Ok;
    }

    private static int Check(string? configPath, bool demo, TextWriter output, TextWriter errors)
    {
        var source = ConfigSource.Resolve(configPath, demo);
        if (source.Errors.Count > 0)
        {
            PrintProblemsAsync(errors, source).GetAwaiter().GetResult();
            return UsageError;
        }

        if (source.IsUnconfigured)
        {
            errors.WriteLine("majordomo: no config found. " + Api.InfoEndpoints.UnconfiguredMessage);
            return UsageError;
        }

        using var providers = new ProviderFactory(TimeProvider.System);
        var catalog = CatalogBuilder.Build(source.Config!, providers);
        var warnings = source.Warnings.Concat(ChainPolicy.Warnings(catalog)).ToArray();
        foreach (var warning in warnings)
        {
            output.WriteLine("warning: " + warning);
        }

        output.WriteLine($"OK: {source.Description}: {catalog.Describe()}" + (warnings.Length > 0 ? $" ({warnings.Length} warnings)" : ""));
        return source.Config!.Storage?.Postgres is null ? Ok : CheckSharedStore(source, output, errors);
    }

    /// <summary>
    /// <c>storage.postgres</c>: is the database reachable, and is its schema this build's? Nothing is
    /// changed (the gateway applies pending migrations when it starts). Exit 1 when it cannot be used.
    /// </summary>
    private static int CheckSharedStore(ConfigSource source, TextWriter output, TextWriter errors)
    {
        try
        {
            using var stores = GatewayApp.OpenStores(source, "");
            var schema = Storage.StoreSync.Wait(stores.Store.ReadSchemaAsync(CancellationToken.None));
            if (schema.Version > schema.Latest)
            {
                errors.WriteLine($"majordomo: storage.postgres: the database has schema version {schema.Version}, newer than this build knows ({schema.Latest}); upgrade Majordomo");
                return RuntimeFailure;
            }

            output.WriteLine(schema.IsCurrent
                ? $"storage.postgres: reachable, migrated (schema version {schema.Version})"
                : $"storage.postgres: reachable, {schema.Missing} migration(s) pending (schema version {schema.Version} of {schema.Latest}); 'majordomo serve' applies them at start");
            return Ok;
        }
        catch (Storage.StoreException ex)
        {
            errors.WriteLine($"majordomo: storage.postgres: cannot use the database: {ex.Message}");
            return RuntimeFailure;
        }
    }

    /// <summary>
    /// <c>route</c>: the decision for a one-message request, from the config alone. Runtime state (health,
    /// cooldowns, budgets, session pins) lives in a running gateway; ask its <c>POST /v1/route</c> for that.
    /// </summary>
    private static async Task<int> RouteAsync(string? configPath, bool demo, string? source, string? model, bool json, string? prompt, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (prompt is null)
        {
            await errors.WriteLineAsync("majordomo: route needs a prompt, or --eval FILE.jsonl").ConfigureAwait(false);
            return UsageError;
        }

        var configSource = ConfigSource.Resolve(configPath, demo);
        if (configSource.Errors.Count > 0)
        {
            await PrintProblemsAsync(errors, configSource).ConfigureAwait(false);
            return UsageError;
        }

        if (configSource.IsUnconfigured)
        {
            await errors.WriteLineAsync("majordomo: no config found. " + Api.InfoEndpoints.UnconfiguredMessage).ConfigureAwait(false);
            return UsageError;
        }

        using var providers = new ProviderFactory(TimeProvider.System);
        var catalog = CatalogBuilder.Build(configSource.Config!, providers);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new RouteVerbBody(model, [new RouteVerbMessage("user", prompt)]), RouteVerbJson.Default.RouteVerbBody);
        var request = Providers.OpenAI.OpenAIRequestReader.Parse(body);
        request.Metadata = new Chat.RequestMetadata(string.IsNullOrWhiteSpace(source) ? null : source.Trim(), null, null, null, null);
        var (stores, degradation, unread) = StoredDegradation(configSource);
        using var _ = stores;
        var router = new Routing.RouteDecider(degradation, new Routing.LatencyTracker(),
            new Routing.SessionPins(null, NullLogger<Routing.SessionPins>.Instance), TimeProvider.System, NullLogger<Routing.RouteDecider>.Instance);
        var budgets = Budgets.BudgetPlan.From(configSource.Config!);
        var explanation = await Routing.RouteExplainer.ExplainAsync(router, Routing.RoutingSnapshot.Build(catalog, budgets: budgets), request, null, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(explanation, Routing.RouteExplanationJson.Relaxed.RouteExplanation)).ConfigureAwait(false);
            if (unread is not null)
            {
                await errors.WriteLineAsync("note: degradation " + unread).ConfigureAwait(false);
            }
        }
        else
        {
            await output.WriteAsync(Routing.RouteExplainer.ToText(unread is null ? explanation : explanation with { Degradation = $"{explanation.Degradation} ({unread})" })).ConfigureAwait(false);
        }

        // An unknown model is the caller's mistake (exit 2); a decision that refuses the request is still an answer.
        return explanation.Error?.Code == Routing.RouteResolver.ModelNotFound ? UsageError : Ok;
    }

    /// <summary>
    /// The degradation level a gateway on this config would route at, from the counters in its store;
    /// without a store, "normal" and why (<c>Unread</c>) — never a level presented as read when it was not.
    /// </summary>
    private static (Storage.StoreSet? Stores, Budgets.IDegradationSource Source, string? Unread) StoredDegradation(ConfigSource source)
    {
        var path = GatewayApp.StorePathFor(source);
        if (source.Config!.Storage?.Postgres is null && !File.Exists(path))
        {
            return (null, new Budgets.NoDegradation(), $"not read from the store: no store at '{path}'");
        }

        Storage.StoreSet? stores = null;
        try
        {
            stores = GatewayApp.OpenStores(source, path);
            Storage.StoreSync.Wait(stores.Store.MigrateAsync(CancellationToken.None));
            var plan = Budgets.BudgetPlan.From(source.Config);
            var ledger = new Budgets.BudgetLedger(() => plan, stores.Budgets, stores.Alerts, TimeProvider.System, NullLogger<Budgets.BudgetLedger>.Instance);

            // A command's one look, on the main thread: read the counters now (a shared store answers a round trip later).
            Storage.StoreSync.Wait(ledger.ReadCountersAsync(plan.Limits, TimeProvider.System.GetUtcNow()));
            return (stores, ledger, null);
        }
        catch (Storage.StoreException ex)
        {
            stores?.Dispose();
            return (null, new Budgets.NoDegradation(), "not read from the store: " + ex.Message);
        }
    }

    private static int Init(string path, bool force, TextWriter output, TextWriter errors)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && !force)
        {
            errors.WriteLine($"majordomo: '{full}' already exists; pass --force to overwrite it");
            return UsageError;
        }

        using (var stream = typeof(MajordomoCli).Assembly.GetManifestResourceStream("Majordomo.starter.jsonc")!)
        using (var file = File.Create(full))
        {
            stream.CopyTo(file);
        }

        output.WriteLine($"Wrote {full}. Set the environment variables it names, then run 'majordomo check' and 'majordomo serve'.");
        return Ok;
    }

    private static async Task PrintProblemsAsync(TextWriter errors, ConfigSource source)
    {
        await errors.WriteLineAsync($"majordomo: invalid config ({source.Description}), {source.Errors.Count} problem(s):").ConfigureAwait(false);
        foreach (var error in source.Errors)
        {
            await errors.WriteLineAsync("  " + error).ConfigureAwait(false);
        }
    }
}

internal sealed record RouteVerbMessage(string Role, string Content);

internal sealed record RouteVerbBody(string? Model, IReadOnlyList<RouteVerbMessage> Messages);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RouteVerbBody))]
internal sealed partial class RouteVerbJson : System.Text.Json.Serialization.JsonSerializerContext;
