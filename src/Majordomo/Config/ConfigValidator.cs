using System.Text.RegularExpressions;

namespace Majordomo.Config;

public sealed record ValidationResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>
/// Checks a whole config at once and reports every problem with its JSON path (STYLE #2):
/// unknown keys, dangling references, name clashes, cycles, bad URLs, bad regexes, out-of-range numbers.
/// </summary>
public static class ConfigValidator
{
    public static readonly IReadOnlySet<string> SupportedApis = new HashSet<string>(StringComparer.Ordinal) { "openai", "anthropic", "simulated" };
    public static readonly IReadOnlySet<string> Localities = new HashSet<string>(StringComparer.Ordinal) { "local", "lan", "cloud" };
    public static readonly IReadOnlySet<string> RuleActions = new HashSet<string>(StringComparer.Ordinal) { "route", "route_self", "classify", "reject", "queue" };
    public static readonly IReadOnlySet<string> ErrorClasses = new HashSet<string>(StringComparer.Ordinal)
    {
        "transient", "rate-limited", "timeout", "credential", "billing", "model-unavailable", "context-too-long", "caller-fault", "unknown",
    };

    public static ValidationResult Validate(MajordomoConfig config)
    {
        var v = new Validator(config);
        v.Run();
        return new ValidationResult(v.Errors, v.Warnings);
    }

    private sealed class Validator(MajordomoConfig config)
    {
        public List<string> Errors { get; } = [];
        public List<string> Warnings { get; } = [];

        private Dictionary<string, ProviderConfig> Providers => config.Providers ?? [];
        private Dictionary<string, ModelConfig> Models => config.Models ?? [];
        private Dictionary<string, string> Aliases => config.Aliases ?? [];
        private Dictionary<string, List<ChainEntryConfig>> Chains => config.Chains ?? [];
        private Dictionary<string, RouteConfig> Routes => config.Routes ?? [];

        private void Error(string path, string message) => Errors.Add($"{path}: {message}");

        private void Warn(string path, string message) => Warnings.Add($"{path}: {message}");

        public void Run()
        {
            Unknown(config, "");
            HeaderSafeNames();
            Server(config.Server);
            Storage(config.Storage);
            ProvidersSection();
            ModelsSection();
            AliasesSection();
            ChainsSection();
            RoutesSection();
            References();
            Rules();
            Classifier();
            Selection();
            Budgets();
            Resilience();
            Health();
            LoopDetection();
            Unknown(config.Commands, "commands");
        }

        private void Unknown(ConfigSection? section, string path)
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

        // Model, alias, route and chain names travel in X-Router-* headers: printable ASCII only.
        private void HeaderSafeNames()
        {
            Check("models", config.Models?.Keys);
            Check("aliases", config.Aliases?.Keys);
            Check("routes", config.Routes?.Keys);
            Check("chains", config.Chains?.Keys);

            void Check(string section, IEnumerable<string>? names)
            {
                foreach (var name in names ?? [])
                {
                    if (name.Length == 0 || name.Length > 200 || name.Any(c => c is < (char)0x21 or > (char)0x7E))
                    {
                        Error(ConfigPath.Key(section, name), "a name must be 1-200 printable ASCII characters without spaces (it is sent in X-Router-* headers)");
                    }
                }
            }
        }

        private void Server(ServerConfig? server)
        {
            if (server is null)
            {
                return;
            }

            Unknown(server, "server");
            for (var i = 0; i < (server.Urls?.Count ?? 0); i++)
            {
                var url = server.Urls![i];
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    Error(ConfigPath.Index("server.urls", i), $"'{url}' is not an http(s) URL");
                }
            }

            if (server.MaxRequestBytes is { } max && (max < 1024 || max > 1L << 31))
            {
                Error("server.maxRequestBytes", $"must be between 1024 and {1L << 31} (got {max})");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (server.ApiKeys?.Count ?? 0); i++)
            {
                var key = server.ApiKeys![i];
                var path = ConfigPath.Index("server.apiKeys", i);
                Unknown(key, path);
                if (string.IsNullOrWhiteSpace(key.Name))
                {
                    Error(path + ".name", "is required");
                }
                else if (!names.Add(key.Name))
                {
                    Error(path + ".name", $"duplicate key name '{key.Name}'");
                }

                if (string.IsNullOrEmpty(key.Key))
                {
                    Error(path + ".key", "is required (use ${ENV_NAME} so the key stays out of the file)");
                }
                else if (key.Key.Length < 8)
                {
                    Error(path + ".key", "is too short (at least 8 characters)");
                }
                else if (!keys.Add(key.Key))
                {
                    // Never echo the key itself.
                    Error(path + ".key", "the same key is configured twice");
                }

                NonNegative(key.UsdDaily, path + ".usdDaily");
                NonNegative(key.UsdMonthly, path + ".usdMonthly");
                if (key.RequestsDaily is < 0)
                {
                    Error(path + ".requestsDaily", "must not be negative");
                }

                if (key.RequestsMonthly is < 0)
                {
                    Error(path + ".requestsMonthly", "must not be negative");
                }
            }
        }

        private void Storage(StorageConfig? storage)
        {
            if (storage is null)
            {
                return;
            }

            Unknown(storage, "storage");
            if (storage.Postgres is not null)
            {
                Error("storage.postgres", "PostgreSQL storage is not available in this build yet; use storage.sqlite");
            }

            if (storage.Sqlite is { Length: 0 })
            {
                Error("storage.sqlite", "must be a file path");
            }
        }

        private void ProvidersSection()
        {
            if (Providers.Count == 0)
            {
                Error("providers", "at least one provider is required");
                return;
            }

            foreach (var (name, p) in Providers)
            {
                var path = ConfigPath.Key("providers", name);
                if (p is null)
                {
                    Error(path, "must be an object");
                    continue;
                }

                Unknown(p, path);
                if (string.IsNullOrEmpty(p.Api))
                {
                    Error(path + ".api", "is required (openai, anthropic or simulated)");
                }
                else if (!SupportedApis.Contains(p.Api))
                {
                    Error(path + ".api", $"unknown api '{p.Api}' (expected openai, anthropic or simulated)");
                }

                if (p.Api != "simulated")
                {
                    if (string.IsNullOrEmpty(p.BaseUrl))
                    {
                        Error(path + ".baseUrl", "is required");
                    }
                    else if (!Uri.TryCreate(p.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || !string.IsNullOrEmpty(uri.Query))
                    {
                        Error(path + ".baseUrl", $"'{p.BaseUrl}' is not an http(s) URL without a query string");
                    }
                }
                else
                {
                    Unknown(p.Simulation, path + ".simulation");
                    if (p.Simulation?.FailureRate is { } rate && (rate < 0 || rate > 1))
                    {
                        Error(path + ".simulation.failureRate", "must be between 0 and 1");
                    }

                    Range(p.Simulation?.LatencyMs, 0, 600_000, path + ".simulation.latencyMs");
                    Range(p.Simulation?.ChunkDelayMs, 0, 60_000, path + ".simulation.chunkDelayMs");
                    Range(p.Simulation?.Chunks, 1, 10_000, path + ".simulation.chunks");
                }

                if (p.Locality is not null && !Localities.Contains(p.Locality))
                {
                    Error(path + ".locality", $"unknown locality '{p.Locality}' (expected local, lan or cloud)");
                }

                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < (p.Credentials?.Count ?? 0); i++)
                {
                    var c = p.Credentials![i];
                    var cpath = ConfigPath.Index(path + ".credentials", i);
                    Unknown(c, cpath);
                    if (string.IsNullOrWhiteSpace(c.Id))
                    {
                        Error(cpath + ".id", "is required");
                    }
                    else if (!ids.Add(c.Id))
                    {
                        Error(cpath + ".id", $"duplicate credential id '{c.Id}'");
                    }

                    if (c.ApiKey is { Length: 0 })
                    {
                        // ${KEY:-} says "empty is fine": requests with this credential go without a key.
                        Warn(cpath + ".apiKey", "is empty; requests with this credential are sent without an API key");
                    }
                }

                Range(p.TimeoutMs, 1, 3_600_000, path + ".timeoutMs");
                Range(p.ConnectTimeoutMs, 1, 600_000, path + ".connectTimeoutMs");
                Range(p.FirstTokenTimeoutMs, 1, 3_600_000, path + ".firstTokenTimeoutMs");
                Range(p.Retries, 0, 10, path + ".retries");
                Range(p.BackoffMs, 0, 60_000, path + ".backoffMs");
                Unknown(p.RateLimits, path + ".rateLimits");
                Range(p.RateLimits?.Rpm, 1, 1_000_000, path + ".rateLimits.rpm");
                Range(p.RateLimits?.Tpm, 1, int.MaxValue, path + ".rateLimits.tpm");
            }
        }

        private void ModelsSection()
        {
            if (Models.Count == 0)
            {
                Error("models", "at least one model is required");
                return;
            }

            foreach (var (id, m) in Models)
            {
                var path = ConfigPath.Key("models", id);
                if (m is null)
                {
                    Error(path, "must be an object");
                    continue;
                }

                Unknown(m, path);
                if (string.IsNullOrWhiteSpace(id))
                {
                    Error(path, "a model id must not be empty");
                }

                if (string.IsNullOrEmpty(m.Provider))
                {
                    Error(path + ".provider", "is required");
                }
                else if (!Providers.ContainsKey(m.Provider))
                {
                    Error(path + ".provider", $"unknown provider '{m.Provider}'{Suggest(m.Provider, Providers.Keys)}");
                }

                if (m.UpstreamModel is { Length: 0 })
                {
                    Error(path + ".upstreamModel", "is empty");
                }

                Range(m.Tier, 0, 10, path + ".tier");
                Range(m.Quality, 0, 100, path + ".quality");
                Range(m.ContextWindow, 1, 100_000_000, path + ".contextWindow");
                Range(m.MaxOutputTokens, 1, 100_000_000, path + ".maxOutputTokens");
                Range(m.Retries, 0, 10, path + ".retries");
                Range(m.BackoffMs, 0, 60_000, path + ".backoffMs");
                Range(m.TimeoutMs, 1, 3_600_000, path + ".timeoutMs");
                Range(m.FirstTokenTimeoutMs, 1, 3_600_000, path + ".firstTokenTimeoutMs");
                Unknown(m.RateLimits, path + ".rateLimits");
                Range(m.RateLimits?.Rpm, 1, 1_000_000, path + ".rateLimits.rpm");
                Range(m.RateLimits?.Tpm, 1, int.MaxValue, path + ".rateLimits.tpm");
                NonNegative(m.Multiplier, path + ".multiplier");
                Unknown(m.Cost, path + ".cost");
                NonNegative(m.Cost?.InputPerMTok, path + ".cost.inputPerMTok");
                NonNegative(m.Cost?.OutputPerMTok, path + ".cost.outputPerMTok");
                NonNegative(m.Cost?.CacheReadPerMTok, path + ".cost.cacheReadPerMTok");
                NonNegative(m.Cost?.CacheWritePerMTok, path + ".cost.cacheWritePerMTok");
                if (m.Quota is not null && config.Budgets?.Quotas is { } pools && !pools.ContainsKey(m.Quota))
                {
                    Error(path + ".quota", $"unknown quota pool '{m.Quota}'{Suggest(m.Quota, pools.Keys)}");
                }

                if (m.Fallbacks is not null)
                {
                    Entries(m.Fallbacks, path + ".fallbacks", [id]);
                }
            }
        }

        private void AliasesSection()
        {
            foreach (var (name, target) in Aliases)
            {
                var path = ConfigPath.Key("aliases", name);
                if (Models.ContainsKey(name))
                {
                    Error(path, $"'{name}' is also a model id; an alias must have its own name");
                }

                if (Routes.ContainsKey(name))
                {
                    Error(path, $"'{name}' is also a route name; an alias must have its own name");
                }

                if (string.IsNullOrEmpty(target))
                {
                    Error(path, "must name a model");
                    continue;
                }

                // An alias may point at another alias; follow it and refuse cycles.
                var seen = new List<string> { name };
                var current = target;
                while (Aliases.TryGetValue(current, out var next))
                {
                    if (seen.Contains(current))
                    {
                        Error(path, $"alias cycle: {string.Join(" -> ", seen)} -> {current}");
                        current = "";
                        break;
                    }

                    seen.Add(current);
                    current = next;
                }

                if (current.Length > 0 && !Models.ContainsKey(current))
                {
                    Error(path, $"unknown model '{current}'{Suggest(current, Models.Keys)}");
                }
            }
        }

        private void ChainsSection()
        {
            foreach (var (name, entries) in Chains)
            {
                var path = ConfigPath.Key("chains", name);
                if (Models.ContainsKey(name) || Aliases.ContainsKey(name))
                {
                    Error(path, $"'{name}' is also a model or alias name; a chain must have its own name");
                }

                if (entries is null || entries.Count == 0)
                {
                    Error(path, "a chain needs at least one entry");
                    continue;
                }

                Entries(entries, path, []);
                ChainCycle(name, [name], path);
            }
        }

        private void ChainCycle(string chain, List<string> stack, string path)
        {
            if (!Chains.TryGetValue(chain, out var entries) || entries is null)
            {
                return;
            }

            foreach (var e in entries)
            {
                if (e?.Model is { } m && Chains.ContainsKey(m) && !Models.ContainsKey(m) && !Aliases.ContainsKey(m))
                {
                    if (stack.Contains(m))
                    {
                        Error(path, $"chain cycle: {string.Join(" -> ", stack)} -> {m}");
                        return;
                    }

                    stack.Add(m);
                    ChainCycle(m, stack, path);
                    stack.RemoveAt(stack.Count - 1);
                }
            }
        }

        private void Entries(List<ChainEntryConfig> entries, string path, HashSet<string> self)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                var epath = ConfigPath.Index(path, i);
                if (e is null || string.IsNullOrEmpty(e.Model))
                {
                    Error(epath, "an entry must name a model");
                    continue;
                }

                Unknown(e, epath);
                var model = ResolveModel(e.Model);
                if (model is null)
                {
                    if (Chains.ContainsKey(e.Model) && self.Count == 0)
                    {
                        continue; // a chain inside a chain is expanded in place
                    }

                    Error(epath, $"unknown model '{e.Model}'{Suggest(e.Model, Models.Keys.Concat(Aliases.Keys))}");
                    continue;
                }

                if (self.Contains(model))
                {
                    Error(epath, $"'{e.Model}' falls back to itself");
                }

                if (e.Provider is not null && Models.TryGetValue(model, out var mc) && mc?.Provider != e.Provider)
                {
                    Error(epath + ".provider", $"model '{model}' is served by provider '{mc?.Provider}', not '{e.Provider}' (chains are provider-scoped)");
                }

                if (e.Credentials is not null && Models.TryGetValue(model, out var mc2) && mc2?.Provider is { } prov && Providers.TryGetValue(prov, out var pc))
                {
                    foreach (var cred in e.Credentials)
                    {
                        if (pc?.Credentials?.Any(c => c.Id == cred) != true)
                        {
                            Error(epath + ".credentials", $"provider '{prov}' has no credential '{cred}'");
                        }
                    }
                }

                Range(e.Retries, 0, 10, epath + ".retries");
                Range(e.BackoffMs, 0, 60_000, epath + ".backoffMs");
                Range(e.TimeoutMs, 1, 3_600_000, epath + ".timeoutMs");
                Range(e.FirstTokenTimeoutMs, 1, 3_600_000, epath + ".firstTokenTimeoutMs");
            }
        }

        private string? ResolveModel(string name)
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

        private void RoutesSection()
        {
            foreach (var (name, route) in Routes)
            {
                var path = ConfigPath.Key("routes", name);
                if (route is null)
                {
                    Error(path, "must be an object");
                    continue;
                }

                Unknown(route, path);
                if (route.LoopDetection is not null)
                {
                    LoopDetectionSection(route.LoopDetection, config.LoopDetection, path + ".loopDetection");
                }

                if (Models.ContainsKey(name))
                {
                    Error(path, $"'{name}' is also a model id; a route must have its own name");
                }

                var strategy = route.Strategy ?? (route.Chain is null ? null : "chain");
                switch (strategy)
                {
                    case "smart":
                        if (route.Chain is not null)
                        {
                            Warn(path + ".chain", "a smart route ranks the catalog itself; its chain is ignored");
                        }

                        break;
                    case "chain":
                        if (route.Chain is null)
                        {
                            Error(path + ".chain", "is required for a chain route");
                        }
                        else if (route.Chain.Name is { } chainName)
                        {
                            if (!Chains.ContainsKey(chainName) && ResolveModel(chainName) is null)
                            {
                                Error(path + ".chain", $"unknown chain '{chainName}'{Suggest(chainName, Chains.Keys)}");
                            }
                        }
                        else if (route.Chain.Entries is null || route.Chain.Entries.Count == 0)
                        {
                            Error(path + ".chain", "a chain needs at least one entry");
                        }
                        else
                        {
                            Entries(route.Chain.Entries, path + ".chain", []);
                        }

                        break;
                    case null:
                        Error(path, "needs a \"chain\" or \"strategy\": \"smart\"");
                        break;
                    default:
                        Error(path + ".strategy", $"unknown strategy '{strategy}' (expected smart or chain)");
                        break;
                }
            }
        }

        private bool IsTarget(string name) =>
            Routes.ContainsKey(name) || Aliases.ContainsKey(name) || Models.ContainsKey(name) || Chains.ContainsKey(name);

        private IEnumerable<string> TargetNames => Routes.Keys.Concat(Aliases.Keys).Concat(Models.Keys).Concat(Chains.Keys);

        private void References()
        {
            if (config.DefaultRoute is { } dr && !IsTarget(dr))
            {
                Error("defaultRoute", $"unknown route '{dr}'{Suggest(dr, TargetNames)}");
            }

            foreach (var (kind, target) in config.Kinds ?? [])
            {
                if (string.IsNullOrEmpty(target) || !IsTarget(target))
                {
                    Error(ConfigPath.Key("kinds", kind), $"unknown route '{target}'{Suggest(target ?? "", TargetNames)}");
                }
            }

            if (config.SelfModel is { } self && ResolveModel(self) is null)
            {
                Error("selfModel", $"unknown model '{self}'{Suggest(self, Models.Keys)}");
            }
        }

        private void Rules()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (config.Rules?.Count ?? 0); i++)
            {
                var rule = config.Rules![i];
                var path = ConfigPath.Index("rules", i);
                if (rule is null)
                {
                    Error(path, "must be an object");
                    continue;
                }

                Unknown(rule, path);
                Unknown(rule.When, path + ".when");
                if (string.IsNullOrWhiteSpace(rule.Id))
                {
                    Error(path + ".id", "is required");
                }
                else if (!ids.Add(rule.Id))
                {
                    Error(path + ".id", $"duplicate rule id '{rule.Id}'");
                }

                if (rule.Action is null || !RuleActions.Contains(rule.Action))
                {
                    Error(path + ".action", $"unknown action '{rule.Action}' (expected route, route_self, classify, reject or queue)");
                }
                else if (rule.Action is "route" or "queue")
                {
                    if (string.IsNullOrEmpty(rule.Target))
                    {
                        Error(path + ".target", $"is required for action '{rule.Action}'");
                    }
                    else if (!IsTarget(rule.Target))
                    {
                        Error(path + ".target", $"unknown target '{rule.Target}'{Suggest(rule.Target, TargetNames)}");
                    }
                }
                else if (rule.Action == "route_self" && config.SelfModel is null)
                {
                    Error(path + ".action", "route_self needs a top-level selfModel");
                }

                Range(rule.MaxWaitMs, 0, 600_000, path + ".maxWaitMs");
                if (rule.When?.Pattern is { } pattern)
                {
                    try
                    {
                        _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
                    }
                    catch (ArgumentException ex)
                    {
                        Error(path + ".when.pattern", $"invalid regex: {ex.Message}");
                    }
                }

                if (rule.When is { MinTokens: { } min, MaxTokens: { } max } && min > max)
                {
                    Error(path + ".when", $"minTokens ({min}) is greater than maxTokens ({max})");
                }
            }
        }

        private void Classifier()
        {
            var c = config.Classifier;
            if (c is null)
            {
                return;
            }

            Unknown(c, "classifier");
            if (c.Mode is not null and not "heuristic" and not "model")
            {
                Error("classifier.mode", $"unknown mode '{c.Mode}' (expected heuristic or model)");
            }

            if (c.Mode == "model")
            {
                if (string.IsNullOrEmpty(c.Model))
                {
                    Error("classifier.model", "is required when mode is 'model'");
                }
                else if (ResolveModel(c.Model) is null)
                {
                    Error("classifier.model", $"unknown model '{c.Model}'{Suggest(c.Model, Models.Keys)}");
                }
            }

            Range(c.TimeoutMs, 1, 600_000, "classifier.timeoutMs");
        }

        private void Selection()
        {
            var s = config.Selection;
            if (s is null)
            {
                return;
            }

            Unknown(s, "selection");
            Range(s.QualityTolerance, 0, 100, "selection.qualityTolerance");
            if (s.Escalation is not null and not "auto" and not "explicit")
            {
                Error("selection.escalation", $"unknown value '{s.Escalation}' (expected auto or explicit)");
            }

            if (s.FallbackModel is { } fb && ResolveModel(fb) is null)
            {
                Error("selection.fallbackModel", $"unknown model '{fb}'{Suggest(fb, Models.Keys)}");
            }

            foreach (var (level, floor) in s.QualityFloors ?? [])
            {
                if (level is not ("simple" or "medium" or "complex" or "reasoning"))
                {
                    Error(ConfigPath.Key("selection.qualityFloors", level), "unknown complexity (expected simple, medium, complex or reasoning)");
                }

                Range(floor, 0, 100, ConfigPath.Key("selection.qualityFloors", level));
            }
        }

        private void Budgets()
        {
            var b = config.Budgets;
            if (b is null)
            {
                return;
            }

            Unknown(b, "budgets");
            Unknown(b.Usd, "budgets.usd");
            NonNegative(b.Usd?.Daily, "budgets.usd.daily");
            NonNegative(b.Usd?.Monthly, "budgets.usd.monthly");
            TimeZone(b.Usd?.TimeZone, "budgets.usd.timeZone");
            foreach (var (name, pool) in b.Quotas ?? [])
            {
                var path = ConfigPath.Key("budgets.quotas", name);
                if (pool is null)
                {
                    Error(path, "must be an object");
                    continue;
                }

                Unknown(pool, path);
                if (pool.Monthly is null or <= 0)
                {
                    Error(path + ".monthly", "is required and must be greater than 0");
                }

                NonNegative(pool.Daily, path + ".daily");
                Range(pool.ResetDayOfMonth, 1, 28, path + ".resetDayOfMonth");
                TimeZone(pool.TimeZone, path + ".timeZone");
            }

            Unknown(b.Alerts, "budgets.alerts");
            for (var i = 0; i < (b.Alerts?.Thresholds?.Count ?? 0); i++)
            {
                var t = b.Alerts!.Thresholds![i];
                if (t is <= 0 or > 1)
                {
                    Error(ConfigPath.Index("budgets.alerts.thresholds", i), "must be a fraction in (0, 1]");
                }
            }

            if (b.Alerts?.Webhook is { } hook && (!Uri.TryCreate(hook, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")))
            {
                Error("budgets.alerts.webhook", $"'{hook}' is not an http(s) URL");
            }

            double previous = -1;
            for (var i = 0; i < (b.Degradation?.Count ?? 0); i++)
            {
                var step = b.Degradation![i];
                var path = ConfigPath.Index("budgets.degradation", i);
                Unknown(step, path);
                if (step.AtUsage is not { } at || at < 0 || at > 10)
                {
                    Error(path + ".atUsage", "is required and must be a usage fraction (0.8 = 80 %)");
                    continue;
                }

                if (at <= previous)
                {
                    Error(path + ".atUsage", "steps must be in increasing order of atUsage");
                }

                previous = at;
                if (step.Mode is null && step.MaxTier is null)
                {
                    Error(path, "needs a mode or a maxTier");
                }

                if (step.Mode is not null and not "normal" and not "prefer-cheaper" and not "local-only")
                {
                    Error(path + ".mode", $"unknown mode '{step.Mode}' (expected normal, prefer-cheaper or local-only)");
                }

                Range(step.MaxTier, 0, 10, path + ".maxTier");
            }
        }

        private void Resilience()
        {
            var r = config.Resilience;
            if (r is null)
            {
                return;
            }

            Unknown(r, "resilience");
            Range(r.DeadlineMs, 1, 3_600_000, "resilience.deadlineMs");
            Range(r.MaxCooldownWaitMs, 0, 60_000, "resilience.maxCooldownWaitMs");
            Unknown(r.Cooldown, "resilience.cooldown");
            Range(r.Cooldown?.InitialSeconds, 0, 86_400, "resilience.cooldown.initialSeconds");
            Range(r.Cooldown?.MaxSeconds, 0, 86_400, "resilience.cooldown.maxSeconds");
            Range(r.Cooldown?.BillingSeconds, 0, 86_400, "resilience.cooldown.billingSeconds");
            if (r.Cooldown is { InitialSeconds: { } initial, MaxSeconds: { } max } && max < initial)
            {
                Error("resilience.cooldown.maxSeconds", $"is {max}, below initialSeconds ({initial})");
            }
            for (var i = 0; i < (r.ErrorRules?.Count ?? 0); i++)
            {
                var rule = r.ErrorRules![i];
                var path = ConfigPath.Index("resilience.errorRules", i);
                Unknown(rule, path);
                if (rule.Status is null && rule.Pattern is null)
                {
                    Error(path, "needs a status, a pattern or both");
                }

                Range(rule.Status, 100, 599, path + ".status");
                if (rule.Class is null || !ErrorClasses.Contains(rule.Class))
                {
                    Error(path + ".class", $"unknown class '{rule.Class}' (expected one of {string.Join(", ", ErrorClasses)})");
                }

                if (rule.Pattern is { } pattern)
                {
                    try
                    {
                        _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
                    }
                    catch (ArgumentException ex)
                    {
                        Error(path + ".pattern", $"invalid regex: {ex.Message}");
                    }
                }
            }
        }

        private void Health()
        {
            var h = config.Health;
            if (h is null)
            {
                return;
            }

            Unknown(h, "health");
            Range(h.IntervalSeconds, 1, 86_400, "health.intervalSeconds");
            Range(h.TimeoutMs, 1, 600_000, "health.timeoutMs");
            Range(h.UnhealthyAfter, 1, 100, "health.unhealthyAfter");
        }

        private void LoopDetection()
        {
            if (config.LoopDetection is { } l)
            {
                LoopDetectionSection(l, null, "loopDetection");
            }
        }

        // A route's section is layered over the global one, so its thresholds are checked as they apply.
        private void LoopDetectionSection(LoopDetectionConfig l, LoopDetectionConfig? global, string path)
        {
            Unknown(l, path);
            if (l.Detectors?.Unknown is { } unknownDetectors)
            {
                foreach (var key in unknownDetectors.Keys)
                {
                    Error(ConfigPath.Key(path + ".detectors", key), "unknown detector; known detectors: genericRepeat, pollNoProgress, pingPong");
                }
            }

            Range(l.HistorySize, 2, 1000, path + ".historySize");
            var warning = l.WarningThreshold ?? global?.WarningThreshold ?? 5;
            var critical = l.CriticalThreshold ?? global?.CriticalThreshold ?? 10;
            var breaker = l.CircuitBreakerThreshold ?? global?.CircuitBreakerThreshold ?? 15;
            var history = l.HistorySize ?? global?.HistorySize ?? 20;
            if (!(warning > 0 && warning < critical && critical < breaker))
            {
                Error(path, $"thresholds must satisfy 0 < warningThreshold < criticalThreshold < circuitBreakerThreshold (got {warning} / {critical} / {breaker})");
            }
            else if (history is >= 2 and <= 1000 && history < breaker)
            {
                // Counts are calls within the last historySize calls: a smaller window could never reach the breaker.
                Error(path + ".historySize", $"must be at least circuitBreakerThreshold ({breaker}), or the breaker can never trip (got {history})");
            }
        }

        private void Range(int? value, int min, int max, string path)
        {
            if (value is { } v && (v < min || v > max))
            {
                Error(path, $"must be between {min} and {max} (got {v})");
            }
        }

        private void NonNegative(double? value, string path)
        {
            if (value is { } v && (v < 0 || double.IsNaN(v) || double.IsInfinity(v)))
            {
                Error(path, $"must be a non-negative number (got {v})");
            }
        }

        private void TimeZone(string? id, string path)
        {
            if (id is null)
            {
                return;
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            {
                Error(path, $"unknown time zone '{id}'");
            }
        }

        private static string Suggest(string name, IEnumerable<string> candidates)
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
}
