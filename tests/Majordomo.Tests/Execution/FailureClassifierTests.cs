using Majordomo.Execution;
using Majordomo.Providers;

namespace Majordomo.Tests.Execution;

public class FailureClassifierTests
{
    [Theory]
    [InlineData(401, FailureClass.Credential)]
    [InlineData(403, FailureClass.Credential)]
    [InlineData(402, FailureClass.Billing)]
    [InlineData(404, FailureClass.ModelUnavailable)]
    [InlineData(408, FailureClass.Timeout)]
    [InlineData(409, FailureClass.Transient)]
    [InlineData(425, FailureClass.Transient)]
    [InlineData(429, FailureClass.RateLimited)]
    [InlineData(413, FailureClass.ContextTooLong)]
    [InlineData(500, FailureClass.Transient)]
    [InlineData(502, FailureClass.Transient)]
    [InlineData(503, FailureClass.Transient)]
    [InlineData(504, FailureClass.Transient)]
    [InlineData(529, FailureClass.Transient)]
    [InlineData(400, FailureClass.CallerFault)]
    [InlineData(422, FailureClass.CallerFault)]
    public void FromStatus_StatusWithPlainBody_MapsToClass(int status, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.FromStatus(status, "{\"error\":{\"message\":\"something happened\"}}"));
    }

    [Fact]
    public void FromStatus_NullBody_UsesStatusOnly()
    {
        Assert.Equal(FailureClass.CallerFault, FailureClassifier.FromStatus(400, null));
        Assert.Equal(FailureClass.RateLimited, FailureClassifier.FromStatus(429, null));
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"You exceeded your current quota\"}}")]
    [InlineData("You exceeded your current quota, please check your plan and billing details.")]
    public void FromStatus_429InsufficientQuota_IsBillingNotRateLimit(string body)
    {
        Assert.Equal(FailureClass.Billing, FailureClassifier.FromStatus(429, body));
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"context_length_exceeded\"}}")]
    [InlineData("This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.")]
    [InlineData("prompt is too long: 210000 tokens > 200000 maximum")]
    [InlineData("Input is too long for requested model.")]
    public void FromStatus_400WithContextLengthText_IsContextTooLong(string body)
    {
        Assert.Equal(FailureClass.ContextTooLong, FailureClassifier.FromStatus(400, body));
    }

    [Fact]
    public void FromStatus_500SayingContextTooLong_IsContextTooLong()
    {
        Assert.Equal(FailureClass.ContextTooLong, FailureClassifier.FromStatus(500, "llama.cpp: the request exceeds the available context window"));
    }

    [Theory]
    [InlineData(401, "Your credit balance is too low to access the API")]
    [InlineData(403, "insufficient_credit")]
    public void FromStatus_CredentialStatusSayingBilling_IsBilling(int status, string body)
    {
        Assert.Equal(FailureClass.Billing, FailureClassifier.FromStatus(status, body));
    }

    [Theory]
    [InlineData("Rate limit reached for requests", FailureClass.RateLimited)]
    [InlineData("The server is overloaded, try again later", FailureClass.Transient)]
    [InlineData("quota window exhausted", FailureClass.RateLimited)]
    [InlineData("The model `gpt-9` does not exist", FailureClass.ModelUnavailable)]
    [InlineData("Payment required", FailureClass.Billing)]
    public void FromStatus_400WithKnownBodyMarker_UsesTheBody(string body, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.FromStatus(400, body));
    }

    [Fact]
    public void FromStatus_NonErrorStatus_IsTransientUnlessTheBodySaysOtherwise()
    {
        Assert.Equal(FailureClass.Transient, FailureClassifier.FromStatus(200, "{\"error\":{\"message\":\"boom\"}}"));
        Assert.Equal(FailureClass.RateLimited, FailureClassifier.FromStatus(200, "{\"error\":{\"message\":\"Rate limit exceeded\"}}"));
    }

    [Theory]
    [InlineData("CONTEXT_LENGTH_EXCEEDED", FailureClass.ContextTooLong)]
    [InlineData("maximum context length", FailureClass.ContextTooLong)]
    [InlineData("insufficient credit", FailureClass.Billing)]
    [InlineData("Too Many Requests", FailureClass.RateLimited)]
    [InlineData("ratelimit", FailureClass.RateLimited)]
    [InlineData("at capacity", FailureClass.Transient)]
    [InlineData("server is busy", FailureClass.Transient)]
    [InlineData("no such model", FailureClass.ModelUnavailable)]
    [InlineData("model_not_found", FailureClass.ModelUnavailable)]
    public void FromBody_Marker_CaseInsensitive(string text, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.FromBody("error: " + text + "."));
    }

    [Fact]
    public void FromBody_ContextAndRateLimitMarkers_ContextTooLongWins()
    {
        Assert.Equal(FailureClass.ContextTooLong, FailureClassifier.FromBody("rate limit hit; also too many tokens"));
    }

    [Fact]
    public void FromBody_NothingRecognised_IsNull()
    {
        Assert.Null(FailureClassifier.FromBody("invalid value for 'temperature'"));
        Assert.Null(FailureClassifier.FromBody(""));
    }

    [Theory]
    [InlineData(FailureClass.Transient, FailureAction.Retry)]
    [InlineData(FailureClass.Timeout, FailureAction.Retry)]
    [InlineData(FailureClass.RateLimited, FailureAction.Retry)]
    [InlineData(FailureClass.Unknown, FailureAction.Retry)]
    [InlineData(FailureClass.Credential, FailureAction.Rotate)]
    [InlineData(FailureClass.Billing, FailureAction.Rotate)]
    [InlineData(FailureClass.ModelUnavailable, FailureAction.NextEntry)]
    [InlineData(FailureClass.ContextTooLong, FailureAction.NextEntry)]
    [InlineData(FailureClass.CallerFault, FailureAction.FailFast)]
    public void ActionFor_Class_MapsToAction(FailureClass failure, FailureAction expected)
    {
        Assert.Equal(expected, FailureClassifier.ActionFor(failure));
    }

    [Fact]
    public void Name_EveryClass_IsAKnownConfigClassName()
    {
        var names = Enum.GetValues<FailureClass>().Select(FailureClassifier.Name).ToArray();

        Assert.Equal(["transient", "rate-limited", "timeout", "credential", "billing", "model-unavailable", "context-too-long", "caller-fault", "unknown"], names);
        Assert.All(names, n => Assert.Contains(n, Majordomo.Config.FailureClassNames.All.Words));
    }

    [Theory]
    [InlineData(529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", FailureClass.Transient)]
    [InlineData(429, """{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""", FailureClass.RateLimited)]
    [InlineData(401, """{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""", FailureClass.Credential)]
    [InlineData(403, """{"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}""", FailureClass.Credential)]
    [InlineData(404, """{"type":"error","error":{"type":"not_found_error","message":"model: claude-9"}}""", FailureClass.ModelUnavailable)]
    [InlineData(400, """{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}""", FailureClass.ContextTooLong)]
    [InlineData(400, """{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: must be positive"}}""", FailureClass.CallerFault)]
    [InlineData(400, """{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}""", FailureClass.Billing)]
    [InlineData(413, """{"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum allowed number of bytes."}}""", FailureClass.ContextTooLong)]
    [InlineData(500, """{"type":"error","error":{"type":"api_error","message":"Internal server error"}}""", FailureClass.Transient)]
    public void Classify_AnthropicErrorBodies_MapToClass(int status, string body, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.Classify(status, body, null));
    }

    [Theory]
    [InlineData("""{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", FailureClass.Transient)]
    [InlineData("""{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}""", FailureClass.RateLimited)]
    [InlineData("""{"type":"error","error":{"type":"authentication_error","message":"bad key"}}""", FailureClass.Credential)]
    [InlineData("""{"error":{"message":"boom"}}""", FailureClass.Transient)]
    public void ClassifyBody_ErrorEventInA200Stream_UsesItsType(string body, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.ClassifyBody(200, body, null));
    }

    [Theory]
    [InlineData(402, """{"error":{"message":"Insufficient credits. Add more using https://openrouter.ai/credits","code":402}}""", FailureClass.Billing)]
    [InlineData(400, """{"error":{"message":"This endpoint's maximum context length is 131072 tokens. However, you requested about 200000 tokens","code":400}}""", FailureClass.ContextTooLong)]
    [InlineData(404, """{"error":{"message":"No endpoints found for qwen/qwen-9.","code":404}}""", FailureClass.ModelUnavailable)]
    [InlineData(400, """{"error":{"message":"foo/bar is not a valid model ID","code":400}}""", FailureClass.ModelUnavailable)]
    [InlineData(429, """{"error":{"message":"Rate limit exceeded: free-models-per-day","code":429}}""", FailureClass.RateLimited)]
    public void Classify_OpenRouterBodies_MapToClass(int status, string body, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.Classify(status, body, null));
    }

    [Theory]
    [InlineData(404, """{"error":"model 'qwen9:1b' not found, try pulling it first"}""", FailureClass.ModelUnavailable)]
    [InlineData(400, """{"error":"model 'qwen9:1b' not found, try pulling it first"}""", FailureClass.ModelUnavailable)]
    [InlineData(500, """{"error":"llama runner process has terminated: exit status 2"}""", FailureClass.Transient)]
    [InlineData(400, """{"error":{"message":"the input length exceeds the context length","type":"invalid_request_error"}}""", FailureClass.ContextTooLong)]
    [InlineData(503, """{"error":"server busy, please try again. maximum pending requests exceeded"}""", FailureClass.Transient)]
    public void Classify_OllamaBodies_MapToClass(int status, string body, FailureClass expected)
    {
        Assert.Equal(expected, FailureClassifier.Classify(status, body, null));
    }

    [Theory]
    [InlineData(429, """{"error":{"message":"You have reached your 5-hour usage limit. Your limit will reset at 3pm."}}""")]
    [InlineData(403, """{"error":{"message":"usage window exhausted for this plan"}}""")]
    public void Classify_UsageWindow_IsRateLimitedOnTheKey(int status, string body)
    {
        var failure = FailureClassifier.Classify(status, body, null);

        Assert.Equal(status == 403 ? FailureClass.Credential : FailureClass.RateLimited, failure);
        Assert.Equal(FailureClass.RateLimited, FailureClassifier.FromBody(body));
    }

    [Fact]
    public void Classify_ErrorRules_FirstMatchWinsOverBuiltIns()
    {
        var rules = ErrorRuleSet.Compile(
        [
            new Majordomo.Config.ErrorRuleConfig { Status = 400, Pattern = "quota of the tenant", Class = "rate-limited" },
            new Majordomo.Config.ErrorRuleConfig { Pattern = "(?i)maintenance", Class = "transient" },
            new Majordomo.Config.ErrorRuleConfig { Status = 418, Class = "model-unavailable" },
        ]);

        Assert.Equal(FailureClass.RateLimited, FailureClassifier.Classify(400, "over the QUOTA of the tenant", rules));
        Assert.Equal(FailureClass.CallerFault, FailureClassifier.Classify(401 - 1, "something else", rules));
        Assert.Equal(FailureClass.Transient, FailureClassifier.Classify(404, "down for maintenance", rules));
        Assert.Equal(FailureClass.ModelUnavailable, FailureClassifier.Classify(418, "teapot", rules));
        Assert.Equal(FailureClass.Transient, FailureClassifier.ClassifyBody(200, "maintenance window", rules));
        Assert.Equal(FailureClass.CallerFault, FailureClassifier.Classify(400, "status matches but pattern does not", rules));
    }

    [Fact]
    public void ErrorRuleSet_CatastrophicPattern_TimesOutAndDoesNotMatch()
    {
        var rules = ErrorRuleSet.Compile([new Majordomo.Config.ErrorRuleConfig { Pattern = "^(a+)+$", Class = "billing" }]);
        var evil = new string('a', 40_000) + "!";

        Assert.False(rules.TryMatch(400, evil, out _));
        Assert.Equal(FailureClass.CallerFault, FailureClassifier.Classify(400, evil, rules));
    }

    [Fact]
    public void ResilienceSettings_FromConfig_CompilesRulesOnceAndAppliesDefaults()
    {
        var config = Majordomo.Tests.TestSupport.TestConfig.LoadValid("""
            { "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } }, "models": { "p/m": { "provider": "p" } },
              "resilience": { "neverEscalate": false, "maxCooldownWaitMs": 250, "cooldown": { "initialSeconds": 5 },
                              "errorRules": [ { "status": 400, "class": "transient" } ] } }
            """);

        var settings = ResilienceSettings.From(config);

        Assert.False(settings.NeverEscalate);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.MaxCooldownWait);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.CooldownInitial);
        Assert.Equal(TimeSpan.FromSeconds(300), settings.CooldownMax);
        Assert.Equal(TimeSpan.FromSeconds(600), settings.CooldownBilling);
        Assert.Equal(1, settings.Rules.Count);
        Assert.True(ResilienceSettings.Default.NeverEscalate);
        Assert.Equal(TimeSpan.FromSeconds(1), ResilienceSettings.Default.MaxCooldownWait);
    }
}
