using Majordomo.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Majordomo.Tests.Api;

public sealed class HeaderLimitTests
{
    [Fact]
    public void Exceeded_CountsNamesValuesAndSeparators_UpToTheLimitExactly()
    {
        // Many headers (more than a small pooled array holds) and a header with several values: each
        // counts its name, ": " and the line end once, and every value.
        var headers = new HeaderDictionary { ["X-Multi"] = new StringValues(["abc", "de"]) };
        long total = "X-Multi".Length + 4 + 5;
        for (var i = 0; i < 40; i++)
        {
            var name = $"X-H{i:D2}";
            headers[name] = "v";
            total += name.Length + 4 + 1;
        }

        var last = "X-Last";
        headers[last] = new string('p', (int)(HeaderLimit.MaxBytes - total - last.Length - 4));
        Assert.False(HeaderLimit.Exceeded(headers));

        headers[last] = new string('p', (int)(HeaderLimit.MaxBytes - total - last.Length - 4 + 1));
        Assert.True(HeaderLimit.Exceeded(headers));
    }

    [Fact]
    public void Exceeded_NoHeaders_False() => Assert.False(HeaderLimit.Exceeded(new HeaderDictionary()));
}
