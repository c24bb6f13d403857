using Majordomo.Execution;

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
        Assert.All(names, n => Assert.Contains(n, Majordomo.Config.ConfigValidator.ErrorClasses));
    }
}
