using System.Text;
using Majordomo.Config;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Config;

public class ConfigLoaderTests
{
    private const string Providers = """
        "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } }
        """;

    [Fact]
    public void Load_MinimalConfig_IsValidWithNoErrorsOrWarnings()
    {
        var result = TestConfig.Load(TestConfig.Minimal);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal("p", result.Config!.Models!["p/m"].Provider);
        Assert.Equal("http://127.0.0.1:9/v1", result.Config.Providers!["p"].BaseUrl);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_Accepted()
    {
        var result = TestConfig.Load("""
            // a line comment
            {
              /* a block comment */
              "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", }, },
              "models": { "p/m": { "provider": "p", "capabilities": ["code", "tools",], }, }, // trailing
            }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["code", "tools"], result.Config!.Models!["p/m"].Capabilities);
    }

    [Fact]
    public void Load_EnvironmentReference_IsReplacedByTheVariable()
    {
        var config = TestConfig.LoadValid("""
            {
              "providers": { "p": { "api": "openai", "baseUrl": "${BASE}/v1",
                                    "credentials": [ { "id": "a", "apiKey": "sk-${KEY}-end" } ] } },
              "models": { "p/m": { "provider": "p" } }
            }
            """, TestConfig.Env(("BASE", "http://10.0.0.1:8080"), ("KEY", "secret")));

        Assert.Equal("http://10.0.0.1:8080/v1", config.Providers!["p"].BaseUrl);
        Assert.Equal("sk-secret-end", config.Providers["p"].Credentials![0].ApiKey);
    }

    [Fact]
    public void Load_UnsetVariableWithDefault_UsesTheDefault()
    {
        var config = TestConfig.LoadValid("""
            {
              "providers": { "p": { "api": "openai", "baseUrl": "${BASE:-http://127.0.0.1:11434/v1}" } },
              "models": { "p/m": { "provider": "p", "upstreamModel": "${MODEL:-qwen2.5:1.5b}" } }
            }
            """);

        Assert.Equal("http://127.0.0.1:11434/v1", config.Providers!["p"].BaseUrl);
        Assert.Equal("qwen2.5:1.5b", config.Models!["p/m"].UpstreamModel);
    }

    [Fact]
    public void Load_SetVariableWithDefault_UsesTheVariable()
    {
        var config = TestConfig.LoadValid("""
            {
              "providers": { "p": { "api": "openai", "baseUrl": "${BASE:-http://127.0.0.1:1/v1}" } },
              "models": { "p/m": { "provider": "p" } }
            }
            """, TestConfig.Env(("BASE", "https://example.test/v1")));

        Assert.Equal("https://example.test/v1", config.Providers!["p"].BaseUrl);
    }

    [Fact]
    public void Load_UnsetVariable_ErrorNamesVariableAndPath()
    {
        var result = TestConfig.Load("""
            {
              "providers": { "copilot": { "api": "openai", "baseUrl": "https://x.test/v1",
                                          "credentials": [ { "id": "main", "apiKey": "${COPILOT_TOKEN}" } ] } },
              "models": { "copilot/gpt-4.1": { "provider": "copilot" } }
            }
            """);

        Assert.False(result.IsValid);
        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal("providers.copilot.credentials[0].apiKey: environment variable 'COPILOT_TOKEN' is not set (use ${COPILOT_TOKEN:-default} to give a default)", error);
    }

    [Fact]
    public void Load_SeveralUnsetVariables_ReportsEachWithItsPath()
    {
        var result = TestConfig.Load("""
            {
              "server": { "apiKeys": [ { "name": "a", "key": "${GATEWAY_KEY}" } ] },
              "providers": { "p": { "api": "openai", "baseUrl": "${BASE}" } },
              "models": { "p/m": { "provider": "p", "upstreamModel": "${UP}" } }
            }
            """);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.StartsWith("server.apiKeys[0].key: environment variable 'GATEWAY_KEY' is not set", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("providers.p.baseUrl: environment variable 'BASE' is not set", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("models[\"p/m\"].upstreamModel: environment variable 'UP' is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyVariableWithoutDefault_IsTreatedAsUnset()
    {
        var result = TestConfig.Load("""
            { "providers": { "p": { "api": "openai", "baseUrl": "${BASE}" } }, "models": { "p/m": { "provider": "p" } } }
            """, TestConfig.Env(("BASE", "")));

        Assert.Equal("providers.p.baseUrl: environment variable 'BASE' is not set (use ${BASE:-default} to give a default)", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("http://x/${BASE", "providers.p.baseUrl: unterminated '${' in a string (expected ${NAME})")]
    [InlineData("${}", "providers.p.baseUrl: '${}' is not a valid environment variable reference")]
    [InlineData("${1ABC}", "providers.p.baseUrl: '${1ABC}' is not a valid environment variable reference")]
    [InlineData("${A B}", "providers.p.baseUrl: '${A B}' is not a valid environment variable reference")]
    [InlineData("${:-x}", "providers.p.baseUrl: '${:-x}' is not a valid environment variable reference")]
    public void Load_MalformedReference_IsAnErrorWithPath(string value, string expected)
    {
        var result = TestConfig.Load("{ \"providers\": { \"p\": { \"api\": \"openai\", \"baseUrl\": \"" + value + "\" } }, \"models\": { \"p/m\": { \"provider\": \"p\" } } }",
            TestConfig.Env(("BASE", "http://127.0.0.1:1")));

        Assert.Equal(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_SubstitutedValueWithQuotesAndBackslashes_StaysIntact()
    {
        const string secret = "a\"b\\c}{\"x\": 1}\\u0041 ${NOT_EXPANDED}";
        var config = TestConfig.LoadValid("""
            {
              "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1",
                                    "credentials": [ { "id": "a", "apiKey": "${SECRET}" } ],
                                    "headers": { "X-Token": "Bearer ${SECRET}" } } },
              "models": { "p/m": { "provider": "p" } }
            }
            """, TestConfig.Env(("SECRET", secret)));

        Assert.Equal(secret, config.Providers!["p"].Credentials![0].ApiKey);
        Assert.Equal("Bearer " + secret, config.Providers["p"].Headers!["X-Token"]);
    }

    [Fact]
    public void Load_ReferenceInsideArrayOfStrings_IsSubstituted()
    {
        var config = TestConfig.LoadValid("""
            {
              "server": { "urls": [ "http://127.0.0.1:${PORT:-4000}", "http://${HOST}:5000" ] },
              "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
              "models": { "p/m": { "provider": "p" } }
            }
            """, TestConfig.Env(("HOST", "0.0.0.0")));

        Assert.Equal(["http://127.0.0.1:4000", "http://0.0.0.0:5000"], config.Server!.Urls);
    }

    [Fact]
    public void Load_DuplicateKey_IsAnErrorNamingTheKey()
    {
        var result = TestConfig.Load("{" + Providers + """
            , "models": { "p/m": { "provider": "p", "tier": 1, "tier": 2 } } }
            """);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("models[\"p/m\"].tier: duplicate key 'tier'", error);
    }

    [Fact]
    public void Load_DuplicateKey_ErrorCarriesItsPath()
    {
        var result = TestConfig.Load("{" + Providers + ",\n\"models\": { \"p/m\": { \"provider\": \"p\", \"tier\": 1, \"tier\": 2 } } }");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("models[\"p/m\"]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"upstreamModle\": 1", "upstreamModle: unknown key")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\", \"upstreamModle\": \"x\" } }", "models[\"p/m\"].upstreamModle: unknown key")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\", \"cost\": { \"inputPerMtok\": 1 } } }", "models[\"p/m\"].cost.inputPerMtok: unknown key")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"chains\": { \"c\": [ { \"model\": \"p/m\", \"retry\": 1 } ] }", "chains.c[0].retry: unknown key")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"server\": { \"url\": [] }", "server.url: unknown key")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"commands\": { \"enable\": false }", "commands.enable: unknown key")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"loopDetection\": { \"detectors\": { \"pingpong\": true } }", "loopDetection.detectors.pingpong: unknown detector; known detectors: genericRepeat, pollNoProgress, pingPong")]
    public void Load_UnknownKey_ReportedWithPath(string rest, string expected)
    {
        var result = TestConfig.Load("{" + Providers + ", " + rest + "}");

        Assert.Equal(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_ApiKeyAdmin_ReadAsBoolAndAWrongTypeNamesTheField()
    {
        var config = TestConfig.LoadValid("{" + Providers + """
            , "models": { "p/m": { "provider": "p" } },
              "server": { "apiKeys": [ { "name": "ops", "key": "ops-key-0001", "admin": true }, { "name": "team", "key": "team-key-001" } ] } }
            """);
        Assert.Equal([true, null], config.Server!.ApiKeys!.Select(k => k.Admin));

        var wrong = TestConfig.Load("{" + Providers + """
            , "models": { "p/m": { "provider": "p" } },
              "server": { "apiKeys": [ { "name": "ops", "key": "ops-key-0001", "admin": "yes" } ] } }
            """);
        Assert.StartsWith("server.apiKeys[0].admin", Assert.Single(wrong.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInProvider_ReportedWithBracketlessPath()
    {
        var result = TestConfig.Load("""
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1", "timeout": 5 } }, "models": { "p/m": { "provider": "p" } } }
            """);

        Assert.Equal("providers.p.timeout: unknown key", Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_WrongTypeForAChain_ReportsPathAndExpectation()
    {
        var result = TestConfig.Load("{" + Providers + """
            , "models": { "p/m": { "provider": "p" } }, "chains": { "free": [ 5 ] } }
            """);

        Assert.Equal("chains.free[0]: expected a model id or an entry object", Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_WrongTypeForARouteChain_ReportsPathAndExpectation()
    {
        var result = TestConfig.Load("{" + Providers + """
            , "models": { "p/m": { "provider": "p" } }, "routes": { "r": { "chain": 5 } } }
            """);

        Assert.Equal("routes.r.chain: expected a chain name or an array of entries", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("\"models\": { \"copilot/gpt-4.1\": { \"provider\": \"p\", \"tier\": \"high\" } }", "models[\"copilot/gpt-4.1\"].tier: expected a whole number")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\", \"enabled\": \"yes\" } }", "models[\"p/m\"].enabled: expected true or false")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\", \"multiplier\": \"one\" } }", "models[\"p/m\"].multiplier: expected a number")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": 5 } }", "models[\"p/m\"].provider: expected a string")]
    [InlineData("\"models\": { \"p/m\": { \"provider\": \"p\" } }, \"server\": { \"urls\": \"http://x\" }", "server.urls: expected an array")]
    [InlineData("\"models\": [] ", "models: expected an object")]
    public void Load_WrongType_ReportsPathAndExpectedType(string rest, string expected)
    {
        var result = TestConfig.Load("{" + Providers + ", " + rest + "}");

        Assert.Equal(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_WrongTypeTier_ReportsTheBracketedPath()
    {
        // The path is right even though the wording is not (see Load_WrongType_ReportsPathAndExpectedType).
        var result = TestConfig.Load("{" + Providers + """
            , "models": { "copilot/gpt-4.1": { "provider": "p", "tier": "high" } } }
            """);

        Assert.False(result.IsValid);
        Assert.StartsWith("models[\"copilot/gpt-4.1\"].tier: expected ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongTypeInChainEntryObject_ReportsFullPath()
    {
        var result = TestConfig.Load("{" + Providers + """
            , "models": { "p/m": { "provider": "p" } }, "chains": { "free": [ "p/m", { "model": "p/m", "retries": "x" } ] } }
            """);

        Assert.Equal("chains.free[1].retries: expected a whole number", Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_NotAnObjectRoot_ReturnsError()
    {
        Assert.Equal("(root): the config must be a JSON object", Assert.Single(TestConfig.Load("[1, 2]").Errors));
        Assert.Equal("(root): the config must be a JSON object", Assert.Single(TestConfig.Load("null").Errors));
        Assert.Equal("(root): the config must be a JSON object", Assert.Single(TestConfig.Load("\"text\"").Errors));
    }

    [Fact]
    public void Load_EmptyString_ReturnsInvalidJsonError()
    {
        var result = TestConfig.Load("");

        Assert.Null(result.Config);
        Assert.StartsWith("config: invalid JSON at line 1, position 1:", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxError_ReportsLineAndPosition()
    {
        var result = TestConfig.Load("{\n  \"providers\": {\n    \"p\": { \"api\" \"openai\" }\n  }\n}");

        Assert.StartsWith("config: invalid JSON at line 3,", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeeplyNestedJson_ReturnsDepthError()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        var result = TestConfig.Load("{" + Providers + ", \"x\": " + nested + "}");

        Assert.Contains("maximum configured depth of 64", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextLargerThanFourMebibytes_RefusedBeforeParsing()
    {
        var huge = "{" + Providers + ", \"models\": { \"p/m\": { \"provider\": \"p\" } }, \"x\": \"" + new string('a', ConfigLoader.MaxConfigBytes) + "\" }";

        var result = TestConfig.Load(huge);

        Assert.Equal($"config: the text is larger than {ConfigLoader.MaxConfigBytes} bytes", Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_BinaryGarbage_ReturnsErrorWithoutThrowing()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF;

        // What LoadFile would read: invalid UTF-8 becomes U+FFFD.
        var result = TestConfig.Load(Encoding.UTF8.GetString(bytes));

        Assert.Null(result.Config);
        Assert.StartsWith("config: invalid JSON", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ControlCharacters_ReturnsErrorWithoutThrowing()
    {
        var result = TestConfig.Load("\0\u0001\u0002 garbage");

        Assert.StartsWith("config: invalid JSON at line 1, position 1:", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LoneSurrogate_ReturnsErrorWithoutThrowing()
    {
        var result = TestConfig.Load("{ \"x\": \"\uD800\" }");

        Assert.Null(result.Config);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void LoadFile_MissingFile_ReturnsErrorNamingIt()
    {
        using var dir = new TempDirectory();
        var path = dir.File("absent.json");

        var result = ConfigLoader.LoadFile(path, TestConfig.NoEnv);

        Assert.Equal($"config: file '{path}' does not exist", Assert.Single(result.Errors));
    }

    [Fact]
    public void LoadFile_FileLargerThanLimit_RefusedWithoutReading()
    {
        using var dir = new TempDirectory();
        var path = dir.File("huge.json");
        using (var file = File.Create(path))
        {
            file.SetLength(ConfigLoader.MaxConfigBytes + 1L);
        }

        var result = ConfigLoader.LoadFile(path, TestConfig.NoEnv);

        Assert.Equal($"config: file '{path}' is {ConfigLoader.MaxConfigBytes + 1L} bytes; the limit is {ConfigLoader.MaxConfigBytes}", Assert.Single(result.Errors));
    }

    [Fact]
    public void LoadFile_ValidFile_LoadsIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("majordomo.json", TestConfig.Minimal);

        var result = ConfigLoader.LoadFile(path, TestConfig.NoEnv);

        Assert.True(result.IsValid);
        Assert.Contains("p/m", result.Config!.Models!.Keys);
    }

    [Fact]
    public void Substitute_ValueContainingReferenceSyntax_IsNotExpandedTwice()
    {
        var errors = new List<string>();

        var result = ConfigLoader.Substitute("${A}-${B}", "x", TestConfig.Env(("A", "${B}"), ("B", "b")), errors);

        Assert.Empty(errors);
        Assert.Equal("${B}-b", result);
    }
}
