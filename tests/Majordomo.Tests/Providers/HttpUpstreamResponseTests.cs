using System.Net.Http.Headers;
using Majordomo.Providers.Http;

namespace Majordomo.Tests.Providers;

/// <summary>The answer's content type is passed on as its parse says (the usual values are not parsed: they already read so).</summary>
public sealed class HttpUpstreamResponseTests
{
    private static string? ContentTypeOf(string? raw)
    {
        var content = new ByteArrayContent([]);
        if (raw is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", raw);
        }

        using var response = new HttpUpstreamResponse(new HttpResponseMessage { Content = content });
        return response.ContentType;
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("text/plain")]
    public void ContentType_AnyValidValue_IsWhatTheParseSays(string raw)
    {
        Assert.Equal(MediaTypeHeaderValue.Parse(raw).ToString(), ContentTypeOf(raw));
    }

    [Fact]
    public void ContentType_NoneOrInvalid_IsNull()
    {
        Assert.Null(ContentTypeOf(null));
        Assert.Null(ContentTypeOf("not a media type;;"));
    }
}
