using Majordomo.Config;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Config;

public class ConfigValidatorTests
{
    private const string DefaultProviders = """
        "providers": {
          "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1",
                 "credentials": [ { "id": "a", "apiKey": "ka" }, { "id": "b", "apiKey": "kb" } ] },
          "q": { "api": "simulated" }
        }
        """;

    private const string DefaultModels = """
        "models": { "p/m": { "provider": "p" }, "q/x": { "provider": "q" } }
        """;

    private static string Cfg(string rest = "", string models = DefaultModels, string providers = DefaultProviders) =>
        "{" + providers + ", " + models + (rest.Length > 0 ? ", " + rest : "") + "}";

    private static IReadOnlyList<string> Errors(string json)
    {
        var result = TestConfig.Load(json);
        Assert.False(result.IsValid, "expected the config to be rejected");
        Assert.Null(result.Config);
        return result.Errors;
    }

    private static string SingleError(string json) => Assert.Single(Errors(json));

    [Fact]
    public void Validate_ReferenceExampleWithAnthropicSwapped_ReportsExactlyItsDanglingModelReferences()
    {
        // The SPEC §2 example names five models it never declares; everything else in it is valid.
        var result = ConfigLoader.Load(ReferenceExample.Text, ReferenceExample.Env);

        Assert.Equal(
        [
            "models[\"copilot/claude-sonnet-4.6\"].fallbacks[0]: unknown model 'copilot/claude-haiku-4.5' (did you mean 'copilot/claude-sonnet-4.6'?)",
            "aliases.fast: unknown model 'copilot/gpt-4.1-nano' (did you mean 'copilot/gpt-4.1'?)",
            "chains.free[1]: unknown model 'gemini/gemini-2.5-pro'",
            "routes.heartbeat.chain[0]: unknown model 'copilot/gpt-4.1-nano' (did you mean 'copilot/gpt-4.1'?)",
            "routes.premium.chain[0]: unknown model 'copilot/claude-opus-4.6' (did you mean 'copilot/claude-sonnet-4.6'?)",
        ], result.Errors);
    }

    [Fact]
    public void Validate_ReferenceExampleWithMissingModelsDeclared_IsValid()
    {
        var text = ReferenceExample.Text.Replace("""
            "ollama/qwen2.5-1.5b":       { "provider": "ollama",
            """, """
            "copilot/claude-haiku-4.5": { "provider": "copilot", "tier": 1 },
            "copilot/gpt-4.1-nano": { "provider": "copilot" },
            "copilot/claude-opus-4.6": { "provider": "copilot", "tier": 2 },
            "gemini/gemini-2.5-pro": { "provider": "anthropic" },
            "ollama/qwen2.5-1.5b":       { "provider": "ollama",
            """, StringComparison.Ordinal);
        Assert.NotEqual(ReferenceExample.Text, text);

        var result = ConfigLoader.Load(text, ReferenceExample.Env);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Validate_AnthropicApi_IsAccepted()
    {
        var result = TestConfig.Load(Cfg(providers: """
            "providers": { "p": { "api": "anthropic", "baseUrl": "https://api.anthropic.com" }, "q": { "api": "simulated" } }
            """));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("anthropic", result.Config!.Providers!["p"]!.Api);
    }

    [Fact]
    public void Validate_AnthropicApiWithoutBaseUrl_IsAnError()
    {
        Assert.Equal("providers.p.baseUrl: is required", SingleError(Cfg(providers: """
            "providers": { "p": { "api": "anthropic" }, "q": { "api": "simulated" } }
            """)));
    }

    [Fact]
    public void Validate_MisspelledApi_ListsAnthropicAmongExpected()
    {
        Assert.Equal("providers.p.api: unknown api 'anthropc' (expected openai, anthropic, openai-responses or simulated)", SingleError(Cfg(providers: """
            "providers": { "p": { "api": "anthropc", "baseUrl": "https://api.anthropic.com" }, "q": { "api": "simulated" } }
            """)));
    }

    [Fact]
    public void Validate_PostgresConnectionString_IsAccepted()
    {
        var result = TestConfig.Load(Cfg("\"storage\": { \"postgres\": \"Host=db;Database=m;Username=u;Password=p\" }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("", "storage.postgres: must be a PostgreSQL connection string")]
    [InlineData("Database=m;Password=hunter2", "storage.postgres: names no Host")]
    [InlineData("Host=db;Password='hunter2", "storage.postgres: is not a connection string of Key=Value pairs")]
    public void Validate_BadPostgresConnectionString_SaysWhatIsWrongWithoutQuotingIt(string connectionString, string expected)
    {
        var error = SingleError(Cfg($"\"storage\": {{ \"postgres\": \"{connectionString}\" }}"));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SqliteAndPostgresBoth_IsAnError()
    {
        Assert.Equal("storage: set storage.sqlite or storage.postgres, not both",
            SingleError(Cfg("\"storage\": { \"sqlite\": \"m.db\", \"postgres\": \"Host=db\" }")));
    }

    [Fact]
    public void Validate_MissingProvidersAndModels_ReportsBoth()
    {
        Assert.Equal(["providers: at least one provider is required", "models: at least one model is required"], Errors("{}"));
    }

    [Fact]
    public void Validate_UnknownProviderInModel_SuggestsTheClosestName()
    {
        Assert.Equal("models[\"p/x\"].provider: unknown provider 'pp' (did you mean 'p'?)",
            SingleError(Cfg(models: "\"models\": { \"p/m\": { \"provider\": \"p\" }, \"p/x\": { \"provider\": \"pp\" } }")));
    }

    [Fact]
    public void Validate_UnknownProviderFarFromAnyName_HasNoSuggestion()
    {
        Assert.Equal("models[\"p/x\"].provider: unknown provider 'completely-different'",
            SingleError(Cfg(models: "\"models\": { \"p/m\": { \"provider\": \"p\" }, \"p/x\": { \"provider\": \"completely-different\" } }")));
    }

    [Fact]
    public void Validate_MissingProviderInModel_IsRequired()
    {
        Assert.Equal("models[\"copilot/gpt-4.1\"].provider: is required",
            SingleError(Cfg(models: "\"models\": { \"copilot/gpt-4.1\": { \"tier\": 1 } }")));
    }

    [Fact]
    public void Validate_UnknownModelInChain_UsesSpecFormatWithoutSuggestionWhenNothingIsClose()
    {
        Assert.Equal("chains.free[2]: unknown model 'qwen/coder'",
            SingleError(Cfg("\"chains\": { \"free\": [ \"p/m\", \"q/x\", \"qwen/coder\" ] }")));
    }

    [Fact]
    public void Validate_UnknownModelInChain_SuggestsACloseModelId()
    {
        Assert.Equal("chains.free[0]: unknown model 'qwen/coder' (did you mean 'qwen/coder2'?)",
            SingleError(Cfg("\"chains\": { \"free\": [ \"qwen/coder\" ] }",
                models: "\"models\": { \"qwen/coder2\": { \"provider\": \"p\" } }")));
    }

    [Fact]
    public void Validate_UnknownModelInChain_SuggestsACloseAlias()
    {
        Assert.Equal("chains.free[0]: unknown model 'sonet' (did you mean 'sonnet'?)",
            SingleError(Cfg("\"aliases\": { \"sonnet\": \"p/m\" }, \"chains\": { \"free\": [ \"sonet\" ] }")));
    }

    [Fact]
    public void Validate_ManyProblems_AllReportedAtOnce()
    {
        var errors = Errors("""
            {
              "providers": { "p": { "api": "openai", "baseUrl": "not a url", "retries": 99 } },
              "models": {
                "copilot/gpt-4.1": { "provider": "copilot", "quality": 101 },
                "p/m": { "provider": "p", "upstreamModle": "x" }
              },
              "chains": { "free": [ "p/m", "nope/model" ], "empty": [] },
              "routes": { "r": { "chain": "nochain" } },
              "defaultRoute": "missing"
            }
            """);

        Assert.Equal(
        [
            "providers.p.baseUrl: 'not a url' is not an http(s) URL without a query string",
            "providers.p.retries: must be between 0 and 10 (got 99)",
            "models[\"copilot/gpt-4.1\"].provider: unknown provider 'copilot'",
            "models[\"copilot/gpt-4.1\"].quality: must be between 0 and 100 (got 101)",
            "models[\"p/m\"].upstreamModle: unknown key",
            "chains.free[1]: unknown model 'nope/model'",
            "chains.empty: a chain needs at least one entry",
            "routes.r.chain: unknown chain 'nochain'",
            "defaultRoute: unknown route 'missing'",
        ], errors);
    }

    [Fact]
    public void Validate_KeysWithSlashOrDot_UseBracketForm()
    {
        var errors = Errors(Cfg(models: """
            "models": { "copilot/gpt-4.1": { "provider": "nope" }, "a.b": { "provider": "p", "tier": -1 } }
            """));

        Assert.Contains("models[\"copilot/gpt-4.1\"].provider: unknown provider 'nope'", errors);
        Assert.Contains("models[\"a.b\"].tier: must be between 0 and 10 (got -1)", errors);
    }

    [Theory]
    [InlineData("ftp://host/v1")]
    [InlineData("/relative/v1")]
    [InlineData("http://host/v1?key=1")]
    public void Validate_BadProviderBaseUrl_IsAnError(string url)
    {
        Assert.Equal($"providers.p.baseUrl: '{url}' is not an http(s) URL without a query string",
            SingleError(Cfg(providers: "\"providers\": { \"p\": { \"api\": \"openai\", \"baseUrl\": \"" + url + "\" }, \"q\": { \"api\": \"simulated\" } }")));
    }

    [Fact]
    public void Validate_TelemetryOtlp_EndpointRequiredUrlProtocolKnownNoUnknownKeys()
    {
        var errors = Errors(Cfg("""
            "telemetry": { "otlp": { "endpoint": "collector:4317", "protocol": "thrift", "trace": true } }
            """));
        var missing = SingleError(Cfg("""
            "telemetry": { "otlp": { "protocol": "grpc" } }
            """));
        var good = TestConfig.Load(Cfg("""
            "telemetry": { "otlp": { "endpoint": "http://127.0.0.1:4318", "protocol": "http/protobuf", "traces": true, "metrics": false } }
            """));

        Assert.Equal(3, errors.Count);
        Assert.Contains("telemetry.otlp.endpoint: 'collector:4317' is not an http(s) URL", errors);
        Assert.Contains(errors, e => e.StartsWith("telemetry.otlp.protocol: ", StringComparison.Ordinal) && e.Contains("http/protobuf", StringComparison.Ordinal));
        Assert.Contains("telemetry.otlp.trace: unknown key", errors);
        Assert.StartsWith("telemetry.otlp.endpoint: is required", missing, StringComparison.Ordinal);
        Assert.True(good.IsValid, string.Join("; ", good.Errors));
        Assert.Equal(false, good.Config!.Telemetry!.Otlp!.Metrics);
    }

    [Fact]
    public void Validate_MissingBaseUrlForOpenAI_IsRequiredButNotForSimulated()
    {
        Assert.Equal("providers.p.baseUrl: is required",
            SingleError(Cfg(providers: "\"providers\": { \"p\": { \"api\": \"openai\" }, \"q\": { \"api\": \"simulated\" } }")));
    }

    [Fact]
    public void Validate_BadServerUrlAndWebhook_AreErrors()
    {
        var errors = Errors(Cfg("""
            "server": { "urls": [ "http://127.0.0.1:4000", "localhost:4000" ] },
            "budgets": { "alerts": { "webhook": "mailto:me@example.test" } }
            """));

        Assert.Equal(
        [
            "server.urls[1]: 'localhost:4000' is not an http(s) URL",
            "budgets.alerts.webhook: 'mailto:me@example.test' is not an http(s) URL",
        ], errors);
    }

    [Fact]
    public void Validate_UnknownApi_IsAnError()
    {
        Assert.Equal("providers.p.api: unknown api 'grpc' (expected openai, anthropic, openai-responses or simulated)",
            SingleError(Cfg(providers: "\"providers\": { \"p\": { \"api\": \"grpc\", \"baseUrl\": \"http://x.test\" }, \"q\": { \"api\": \"simulated\" } }")));
    }

    [Fact]
    public void Validate_AliasCycle_ReportedForEachAlias()
    {
        var errors = Errors(Cfg("\"aliases\": { \"a\": \"b\", \"b\": \"a\" }"));

        Assert.Equal(["aliases.a: alias cycle: a -> b -> a", "aliases.b: alias cycle: b -> a -> b"], errors);
    }

    [Fact]
    public void Validate_SelfAlias_IsACycle()
    {
        Assert.Equal("aliases.a: alias cycle: a -> a", SingleError(Cfg("\"aliases\": { \"a\": \"a\" }")));
    }

    [Fact]
    public void Validate_AliasToAlias_IsValid()
    {
        var config = TestConfig.LoadValid(Cfg("\"aliases\": { \"a\": \"b\", \"b\": \"p/m\" }"));

        Assert.Equal("b", config.Aliases!["a"]);
    }

    [Fact]
    public void Validate_ChainCycle_ReportedWithTheLoop()
    {
        var errors = Errors(Cfg("\"chains\": { \"one\": [ \"p/m\", \"two\" ], \"two\": [ \"one\" ] }"));

        Assert.Equal(["chains.one: chain cycle: one -> two -> one", "chains.two: chain cycle: two -> one -> two"], errors);
    }

    [Fact]
    public void Validate_ChainContainingItself_IsACycle()
    {
        Assert.Equal("chains.one: chain cycle: one -> one", SingleError(Cfg("\"chains\": { \"one\": [ \"p/m\", \"one\" ] }")));
    }

    [Fact]
    public void Validate_ChainInsideChain_IsValid()
    {
        TestConfig.LoadValid(Cfg("\"chains\": { \"inner\": [ \"q/x\" ], \"outer\": [ \"p/m\", \"inner\" ] }, \"routes\": { \"r\": { \"chain\": [ \"inner\", \"p/m\" ] } }"));
    }

    [Fact]
    public void Validate_AliasNamedLikeAModel_IsAClash()
    {
        Assert.Equal("aliases[\"p/m\"]: 'p/m' is also a model id; an alias must have its own name",
            SingleError(Cfg("\"aliases\": { \"p/m\": \"q/x\" }")));
    }

    [Fact]
    public void Validate_RouteNamedLikeAModel_IsAClash()
    {
        Assert.Equal("routes[\"p/m\"]: 'p/m' is also a model id; a route must have its own name",
            SingleError(Cfg("\"routes\": { \"p/m\": { \"chain\": [ \"q/x\" ] } }")));
    }

    [Fact]
    public void Validate_AliasNamedLikeARoute_IsAClash()
    {
        Assert.Equal("aliases.fast: 'fast' is also a route name; an alias must have its own name",
            SingleError(Cfg("\"aliases\": { \"fast\": \"p/m\" }, \"routes\": { \"fast\": { \"chain\": [ \"q/x\" ] } }")));
    }

    [Fact]
    public void Validate_ChainNamedLikeAnAlias_IsAClash()
    {
        Assert.Equal("chains.fast: 'fast' is also a model or alias name; a chain must have its own name",
            SingleError(Cfg("\"aliases\": { \"fast\": \"p/m\" }, \"chains\": { \"fast\": [ \"q/x\" ] }")));
    }

    [Fact]
    public void Validate_EmptyChainsInlineAndNamed_AreErrors()
    {
        var errors = Errors(Cfg("\"chains\": { \"free\": [] }, \"routes\": { \"r\": { \"chain\": [] } }"));

        Assert.Equal(["chains.free: a chain needs at least one entry", "routes.r.chain: a chain needs at least one entry"], errors);
    }

    [Fact]
    public void Validate_RouteWithoutChainOrStrategy_IsAnError()
    {
        Assert.Equal("routes.r: needs a \"chain\" or \"strategy\": \"smart\"", SingleError(Cfg("\"routes\": { \"r\": { \"escalation\": true } }")));
    }

    [Fact]
    public void Validate_UnknownStrategy_IsAnError()
    {
        Assert.Equal("routes.r.strategy: unknown strategy 'random' (expected smart or chain)", SingleError(Cfg("\"routes\": { \"r\": { \"strategy\": \"random\" } }")));
    }

    [Fact]
    public void Validate_SmartRouteWithChain_IsValidWithAWarning()
    {
        var result = TestConfig.Load(Cfg("\"routes\": { \"auto\": { \"strategy\": \"smart\", \"chain\": [ \"p/m\" ] } }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("routes.auto.chain: a smart route ranks the catalog itself; its chain is ignored", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Validate_ModelFallingBackToItself_IsAnError()
    {
        Assert.Equal("models[\"p/m\"].fallbacks[1]: 'p/m' falls back to itself",
            SingleError(Cfg(models: "\"models\": { \"p/m\": { \"provider\": \"p\", \"fallbacks\": [ \"q/x\", \"p/m\" ] }, \"q/x\": { \"provider\": \"q\" } }")));
    }

    [Fact]
    public void Validate_EntryOnTheWrongProvider_IsAnError()
    {
        Assert.Equal("chains.c[0].provider: model 'p/m' is served by provider 'p', not 'q' (chains are provider-scoped)",
            SingleError(Cfg("\"chains\": { \"c\": [ { \"model\": \"p/m\", \"provider\": \"q\" } ] }")));
    }

    [Fact]
    public void Validate_EntryWithUnknownCredential_IsAnError()
    {
        Assert.Equal("chains.c[0].credentials: provider 'p' has no credential 'zz'",
            SingleError(Cfg("\"chains\": { \"c\": [ { \"model\": \"p/m\", \"credentials\": [ \"a\", \"zz\" ] } ] }")));
    }

    [Fact]
    public void Validate_DuplicateCredentialIds_IsAnError()
    {
        Assert.Equal("providers.p.credentials[1].id: duplicate credential id 'a'",
            SingleError(Cfg(providers: """
                "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1",
                                      "credentials": [ { "id": "a", "apiKey": "1" }, { "id": "a", "apiKey": "2" } ] } }
                """, models: "\"models\": { \"p/m\": { \"provider\": \"p\" } }")));
    }

    [Fact]
    public void Validate_BadRegexInRule_IsAnErrorWithPath()
    {
        var error = SingleError(Cfg("\"rules\": [ { \"id\": \"r\", \"action\": \"classify\", \"when\": { \"pattern\": \"^(unclosed\" } } ]"));

        Assert.StartsWith("rules[0].when.pattern: invalid regex: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadRegexInErrorRule_IsAnErrorWithPath()
    {
        var error = SingleError(Cfg("\"resilience\": { \"errorRules\": [ { \"pattern\": \"[a-\", \"class\": \"transient\" } ] }"));

        Assert.StartsWith("resilience.errorRules[0].pattern: invalid regex: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RuleProblems_AllReported()
    {
        var errors = Errors(Cfg("""
            "rules": [
              { "id": "a", "action": "route", "target": "nowhere" },
              { "id": "a", "action": "route" },
              { "id": "c", "action": "explode" },
              { "id": "d", "action": "route_self" },
              { "id": "e", "action": "classify", "when": { "minTokens": 10, "maxTokens": 5 } }
            ]
            """));

        Assert.Equal(
        [
            "rules[0].target: unknown target 'nowhere'",
            "rules[1].id: duplicate rule id 'a'",
            "rules[1].target: is required for action 'route'",
            "rules[2].action: unknown action 'explode' (expected route, route_self, classify, reject or queue)",
            "rules[3].action: route_self needs a top-level selfModel",
            "rules[4].when: minTokens (10) is greater than maxTokens (5)",
        ], errors);
    }

    [Theory]
    [InlineData(10, 5, 15, "(got 10 / 5 / 15)")]
    [InlineData(5, 10, 10, "(got 5 / 10 / 10)")]
    [InlineData(0, 10, 15, "(got 0 / 10 / 15)")]
    public void Validate_LoopDetectionThresholdsOutOfOrder_IsAnError(int warning, int critical, int breaker, string got)
    {
        var error = SingleError(Cfg($"\"loopDetection\": {{ \"warningThreshold\": {warning}, \"criticalThreshold\": {critical}, \"circuitBreakerThreshold\": {breaker} }}"));

        Assert.Equal("loopDetection: thresholds must satisfy 0 < warningThreshold < criticalThreshold < circuitBreakerThreshold " + got, error);
    }

    [Fact]
    public void Validate_LoopDetectionThresholdAgainstDefaults_IsCheckedToo()
    {
        // Only the warning threshold is given; it must still be below the default critical threshold (10).
        Assert.Equal("loopDetection: thresholds must satisfy 0 < warningThreshold < criticalThreshold < circuitBreakerThreshold (got 12 / 10 / 15)",
            SingleError(Cfg("\"loopDetection\": { \"warningThreshold\": 12 }")));
    }

    [Theory]
    [InlineData("\"server\": { \"maxRequestBytes\": 10 }", "server.maxRequestBytes: must be between 1024 and 2147483648 (got 10)")]
    [InlineData("\"health\": { \"intervalSeconds\": 0 }", "health.intervalSeconds: must be between 1 and 86400 (got 0)")]
    [InlineData("\"resilience\": { \"cooldown\": { \"maxSeconds\": 100000 } }", "resilience.cooldown.maxSeconds: must be between 0 and 86400 (got 100000)")]
    [InlineData("\"selection\": { \"qualityFloors\": { \"medium\": 101 } }", "selection.qualityFloors.medium: must be between 0 and 100 (got 101)")]
    [InlineData("\"budgets\": { \"usd\": { \"daily\": -1 } }", "budgets.usd.daily: must be a non-negative number (got -1)")]
    [InlineData("\"budgets\": { \"alerts\": { \"thresholds\": [ 0.5, 1.5 ] } }", "budgets.alerts.thresholds[1]: must be a fraction in (0, 1]")]
    [InlineData("\"budgets\": { \"quotas\": { \"premium\": { \"monthly\": 0 } } }", "budgets.quotas.premium.monthly: is required and must be greater than 0")]
    [InlineData("\"budgets\": { \"quotas\": { \"premium\": { \"monthly\": 10, \"resetDayOfMonth\": 31 } } }", "budgets.quotas.premium.resetDayOfMonth: must be between 1 and 28 (got 31)")]
    [InlineData("\"loopDetection\": { \"historySize\": 1 }", "loopDetection.historySize: must be between 2 and 1000 (got 1)")]
    [InlineData("\"resilience\": { \"errorRules\": [ { \"status\": 700, \"class\": \"transient\" } ] }", "resilience.errorRules[0].status: must be between 100 and 599 (got 700)")]
    public void Validate_OutOfRangeNumber_IsAnErrorWithRange(string section, string expected)
    {
        Assert.Equal(expected, SingleError(Cfg(section)));
    }

    [Fact]
    public void Validate_OutOfRangeModelAndEntryPolicies_AreErrors()
    {
        var errors = Errors(Cfg("\"chains\": { \"c\": [ { \"model\": \"p/m\", \"retries\": 11, \"backoffMs\": -1, \"timeoutMs\": 0 } ] }",
            models: "\"models\": { \"p/m\": { \"provider\": \"p\", \"tier\": 11, \"contextWindow\": 0, \"multiplier\": -0.5 } }"));

        Assert.Equal(
        [
            "models[\"p/m\"].tier: must be between 0 and 10 (got 11)",
            "models[\"p/m\"].contextWindow: must be between 1 and 100000000 (got 0)",
            "models[\"p/m\"].multiplier: must be a non-negative number (got -0.5)",
            "chains.c[0].retries: must be between 0 and 10 (got 11)",
            "chains.c[0].backoffMs: must be between 0 and 60000 (got -1)",
            "chains.c[0].timeoutMs: must be between 1 and 3600000 (got 0)",
        ], errors);
    }

    [Fact]
    public void Validate_DegradationStepsOutOfOrder_IsAnError()
    {
        Assert.Equal("budgets.degradation[1].atUsage: steps must be in increasing order of atUsage",
            SingleError(Cfg("\"budgets\": { \"degradation\": [ { \"atUsage\": 0.9, \"maxTier\": 1 }, { \"atUsage\": 0.8, \"mode\": \"local-only\" } ] }")));
    }

    [Fact]
    public void Validate_DegradationStepWithoutEffect_IsAnError()
    {
        var errors = Errors(Cfg("\"budgets\": { \"degradation\": [ { \"atUsage\": 0.5 }, { \"atUsage\": 0.9, \"mode\": \"panic\" } ] }"));

        Assert.Equal(
        [
            "budgets.degradation[0]: needs a mode or a maxTier",
            "budgets.degradation[1].mode: unknown mode 'panic' (expected normal, prefer-cheaper or local-only)",
        ], errors);
    }

    [Fact]
    public void Validate_UnknownTimeZone_IsAnError()
    {
        var errors = Errors(Cfg("\"budgets\": { \"usd\": { \"timeZone\": \"Mars/Olympus_Mons\" }, \"quotas\": { \"premium\": { \"monthly\": 300, \"timeZone\": \"Not/AZone\" } } }"));

        Assert.Equal(
        [
            "budgets.usd.timeZone: unknown time zone 'Mars/Olympus_Mons'",
            "budgets.quotas.premium.timeZone: unknown time zone 'Not/AZone'",
        ], errors);
    }

    [Fact]
    public void Validate_KnownTimeZones_AreAccepted()
    {
        TestConfig.LoadValid(Cfg("\"budgets\": { \"quotas\": { \"premium\": { \"monthly\": 300, \"timeZone\": \"UTC\" }, \"eu\": { \"monthly\": 1, \"timeZone\": \"Europe/Paris\" } } }"));
    }

    [Fact]
    public void Validate_ModelQuotaNotInPools_IsAnError()
    {
        Assert.Equal("models[\"p/m\"].quota: unknown quota pool 'premiun' (did you mean 'premium'?)",
            SingleError(Cfg("\"budgets\": { \"quotas\": { \"premium\": { \"monthly\": 300 } } }",
                models: "\"models\": { \"p/m\": { \"provider\": \"p\", \"quota\": \"premiun\" } }")));
    }

    [Fact]
    public void Validate_UnknownDefaultRouteKindAndSelfModel_AreErrors()
    {
        var errors = Errors(Cfg("""
            "routes": { "default": { "chain": [ "p/m" ] } },
            "defaultRoute": "defualt",
            "kinds": { "task": "nowhere" },
            "selfModel": "q/y",
            "selection": { "fallbackModel": "zzz" },
            "classifier": { "mode": "model" }
            """));

        Assert.Equal(
        [
            "defaultRoute: unknown route 'defualt' (did you mean 'default'?)",
            "kinds.task: unknown route 'nowhere'",
            "selfModel: unknown model 'q/y' (did you mean 'q/x'?)",
            "classifier.model: is required when mode is 'model'",
            "selection.fallbackModel: unknown model 'zzz'",
        ], errors);
    }

    [Fact]
    public void Validate_ApiKeyProblems_NeverEchoTheKey()
    {
        var errors = Errors(Cfg("""
            "server": { "apiKeys": [
              { "name": "a", "key": "secret-key-1" },
              { "name": "a", "key": "secret-key-1" },
              { "key": "short" },
              { "name": "c" }
            ] }
            """));

        Assert.Equal(
        [
            "server.apiKeys[1].name: duplicate key name 'a'",
            "server.apiKeys[1].key: the same key is configured twice",
            "server.apiKeys[2].name: is required",
            "server.apiKeys[2].key: is too short (at least 8 characters)",
            "server.apiKeys[3].key: is required (use ${ENV_NAME} so the key stays out of the file)",
        ], errors);
        Assert.DoesNotContain(errors, e => e.Contains("secret-key-1", StringComparison.Ordinal) || e.Contains("short'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SimulationFailureRateOutOfRange_IsAnError()
    {
        Assert.Equal("providers.q.simulation.failureRate: must be between 0 and 1",
            SingleError(Cfg(providers: "\"providers\": { \"p\": { \"api\": \"openai\", \"baseUrl\": \"http://127.0.0.1:9\" }, \"q\": { \"api\": \"simulated\", \"simulation\": { \"failureRate\": 1.5 } } }")));
    }

    [Fact]
    public void Validate_HealthPathNeitherPathNorUrl_IsAnError()
    {
        static string With(string healthPath) => DefaultProviders.Replace("\"baseUrl\": \"http://127.0.0.1:9/v1\",", $"\"baseUrl\": \"http://127.0.0.1:9/v1\", \"healthPath\": \"{healthPath}\",", StringComparison.Ordinal);

        Assert.Equal("providers.p.healthPath: 'health' is neither a path starting with '/' nor an http(s) URL", SingleError(Cfg(providers: With("health"))));
        Assert.True(TestConfig.Load(Cfg(providers: With("/api/tags"))).IsValid);
        Assert.True(TestConfig.Load(Cfg(providers: With("http://127.0.0.1:9/health"))).IsValid);
    }

    [Fact]
    public void Validate_CorsOriginWithAPath_IsAnError()
    {
        Assert.Equal("server.cors.origins[1]: 'https://app.example.com/ui' is not an origin such as https://app.example.com (or \"*\")",
            SingleError(Cfg("\"server\": { \"cors\": { \"origins\": [\"https://ok.example.com\", \"https://app.example.com/ui\"] } }")));
        Assert.True(TestConfig.Load(Cfg("\"server\": { \"cors\": { \"origins\": [\"*\"] } }")).IsValid);
    }

    [Fact]
    public void Validate_UnknownErrorClass_ListsTheValidClasses()
    {
        var error = SingleError(Cfg("\"resilience\": { \"errorRules\": [ { \"status\": 418, \"class\": \"teapot\" } ] }"));

        Assert.StartsWith("resilience.errorRules[0].class: unknown class 'teapot' (expected one of ", error, StringComparison.Ordinal);
        Assert.Contains("context-too-long", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" }, \"bad name\": { \"provider\": \"p\" } }", "models[\"bad name\"]")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" }, \"caf\u00e9\": { \"provider\": \"p\" } }", "models[\"caf\u00e9\"]")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"aliases\": { \"new\\nline\": \"p/m\" }", "aliases[\"new\nline\"]")]
    public void Validate_NameNotSafeForHeaders_IsAnError(string sections, string path)
    {
        var errors = Errors(Cfg(models: sections));

        Assert.Contains(path + ": a name must be 1-200 printable ASCII characters without spaces (it is sent in X-Router-* headers)", errors);
    }

    [Fact]
    public void Validate_BudgetsSection_IsEnforcedWithoutWarning()
    {
        var result = TestConfig.Load(Cfg("\"budgets\": { \"usd\": { \"daily\": 5 } }"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("budgets", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NullModel_MustBeAnObject()
    {
        Assert.Equal("models[\"p/m\"]: must be an object", SingleError(Cfg(models: "\"models\": { \"p/m\": null }")));
    }
}
