using Majordomo.Api;
using Majordomo.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Majordomo.Tests.Api;

public sealed class MetadataHeadersTests
{
    private static readonly RequestMetadata FromBody = new("body-source", "body-channel", null, "body-kind", null);

    [Fact]
    public void MetadataFromHeaders_NoRouterHeaders_IsTheBodysOwn()
    {
        var headers = new HeaderDictionary { ["Authorization"] = "Bearer k", ["X-Stainless-Lang"] = "python", ["X-Router-Other"] = "x" };
        Assert.Same(FromBody, ChatCompletionsEndpoint.MetadataFromHeaders(headers, FromBody));
    }

    [Fact]
    public void MetadataFromHeaders_RandomHeaders_AsLookupsByNameGaveThem()
    {
        // The one pass over the headers gives what a lookup of each name gave: any letter case, the first value
        // trimmed, blank or over-long values ignored, other X-Router-* and look-alike names ignored.
        string[] fields = ["Source", "Channel", "Session", "Kind", "Profile"];
        string[] others = ["X-Router-Other", "X-Router-", "X-Routerx-Source", "X-Router-Sources", "Source", "X-Stainless-Lang", "Authorization"];
        string?[] values = ["a", "  padded  ", "", "   ", new string('v', 256), new string('w', 257), null];
        var random = new Random(16);
        var nonBody = 0;
        for (var round = 0; round < 2_000; round++)
        {
            var headers = new HeaderDictionary();
            for (var n = random.Next(0, 9); n > 0; n--)
            {
                var name = random.Next(3) == 0 ? others[random.Next(others.Length)] : "X-Router-" + fields[random.Next(fields.Length)];
                name = Case(name, random);
                var value = values[random.Next(values.Length)];
                headers[name] = value is null ? new StringValues(["first", "second"]) : new StringValues(value);
            }

            var expected = ByLookups(headers, FromBody);
            var actual = ChatCompletionsEndpoint.MetadataFromHeaders(headers, FromBody);
            Assert.Equal(expected, actual);
            nonBody += ReferenceEquals(actual, FromBody) ? 0 : 1;
        }

        Assert.True(nonBody > 500, $"{nonBody} of 2000 had metadata from headers");
    }

    private static string Case(string name, Random random) =>
        random.Next(3) switch { 0 => name.ToLowerInvariant(), 1 => name.ToUpperInvariant(), _ => name };

    // The lookups by name the endpoint made before.
    private static RequestMetadata ByLookups(IHeaderDictionary headers, RequestMetadata body)
    {
        var source = Header(headers, "X-Router-Source");
        var channel = Header(headers, "X-Router-Channel");
        var session = Header(headers, "X-Router-Session");
        var kind = Header(headers, "X-Router-Kind");
        var profile = Header(headers, "X-Router-Profile");
        return source is null && channel is null && session is null && kind is null && profile is null
            ? body
            : new(source ?? body.Source, channel ?? body.Channel, session ?? body.Session, kind ?? body.Kind, profile ?? body.Profile);
    }

    private static string? Header(IHeaderDictionary headers, string name)
    {
        var value = headers[name];
        if (value.Count == 0)
        {
            return null;
        }

        var s = value[0];
        return string.IsNullOrWhiteSpace(s) || s.Length > 256 ? null : s.Trim();
    }
}
