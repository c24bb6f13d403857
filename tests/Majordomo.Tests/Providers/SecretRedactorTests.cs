using System.Text;
using Majordomo.Config;
using Majordomo.Providers;

namespace Majordomo.Tests.Providers;

public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor Redactor = SecretRedactor.From(new MajordomoConfig
    {
        Server = new ServerConfig { ApiKeys = [new ApiKeyConfig { Name = "team", Key = "gateway-key-AAAA1111" }] },
        Providers = new Dictionary<string, ProviderConfig>
        {
            ["p"] = new()
            {
                Credentials = [new CredentialConfig { Id = "k", ApiKey = "provider+key/BBBB2222" }],
                Headers = new Dictionary<string, string> { ["X-Custom-Token"] = "Token custom-CCCC3333", ["anthropic-version"] = "2023-06-01" },
            },
        },
    });

    [Theory]
    [InlineData("you sent gateway-key-AAAA1111 twice", "you sent *** twice")]
    [InlineData("key provider+key/BBBB2222 refused", "key *** refused")]
    [InlineData("Incorrect API key provided: provider+key****2222", "Incorrect API key provided: *******2222")]
    [InlineData("header custom-CCCC3333", "header ***")]
    [InlineData("Authorization: Bearer unknown.token-123456789", "Authorization: Bearer ***")]
    [InlineData("authorization: Basic dXNlcjpwYXNzd29yZA==", "authorization: Basic ***")]
    [InlineData("bad key sk-proj-abcdefghijklmnop", "bad key sk-***")]
    [InlineData("\"x-api-key\": \"whatever-it-is\"", "\"x-api-key\": \"***\"")]
    [InlineData("GET /v1/models?key=AIzaSyD-xyz&alt=json", "GET /v1/models?key=***&alt=json")]
    [InlineData("version 2023-06-01 is fine", "version 2023-06-01 is fine")]
    [InlineData("max_tokens: 4096 is too large", "max_tokens: 4096 is too large")]
    public void Redact_Text_CutsEverySecret(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Fact]
    public void Redact_CredentialNoLongerConfigured_IsCutToo()
    {
        var credential = new Credential("old", "rotated-out-DDDD4444");

        Assert.Equal("echo ***", Redactor.Redact("echo rotated-out-DDDD4444", credential));
    }

    [Fact]
    public void RedactBody_EscapedKeyInJson_IsFoundAndCut()
    {
        // System.Text.Json's default encoder writes '+' as \u002B: a plain byte search would miss it.
        var body = Encoding.UTF8.GetBytes("""{"error":{"message":"key provider\u002Bkey/BBBB2222 invalid","type":"invalid_request_error"},"n":1,"ok":true,"x":null}""");

        var text = Encoding.UTF8.GetString(Redactor.RedactBody(body));

        Assert.Equal("""{"error":{"message":"key *** invalid","type":"invalid_request_error"},"n":1,"ok":true,"x":null}""", text);
    }

    [Fact]
    public void RedactBody_KeyNamedProperty_ValueMaskedWhateverItLooksLike()
    {
        var body = Encoding.UTF8.GetBytes("""{"headers":{"x-api-key":"short1","authorization":"Bearer zz","accept":"*/*"}}""");

        var text = Encoding.UTF8.GetString(Redactor.RedactBody(body));

        Assert.Equal("""{"headers":{"x-api-key":"***","authorization":"***","accept":"*/*"}}""", text);
    }

    [Fact]
    public void RedactBody_NothingToCut_ReturnsTheSameArray()
    {
        var body = Encoding.UTF8.GetBytes("""{ "error": { "message": "context too long", "code": "context_length_exceeded" } }""");

        Assert.Same(body, Redactor.RedactBody(body));
    }

    [Fact]
    public void RedactBody_NotJson_RedactedAsText()
    {
        var body = Encoding.UTF8.GetBytes("<html>bad key gateway-key-AAAA1111</html>");

        Assert.Equal("<html>bad key ***</html>", Encoding.UTF8.GetString(Redactor.RedactBody(body)));
    }

    [Fact]
    public void Redact_ShortConfiguredValues_AreNotSecrets()
    {
        var redactor = new SecretRedactor(["abc", null, "12345678"]);

        Assert.Equal("abc and ***", redactor.Redact("abc and 12345678"));
    }
}
