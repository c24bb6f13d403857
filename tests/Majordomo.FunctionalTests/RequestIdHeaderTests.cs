using System.Net;
using Majordomo.FunctionalTests.Infrastructure;

namespace Majordomo.FunctionalTests;

/// <summary>
/// <c>X-Request-Id</c> (SPEC §4) is set once, when the request starts, and every answer keeps it: a streamed or
/// whole answer, a command reply, a routing error and an exhausted chain each carry exactly one, distinct per request.
/// </summary>
public sealed class RequestIdHeaderTests : GatewayTest
{
    private static string Body(string model, bool stream = false, string content = "hi") =>
        $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"{{content}}"}]}""";

    [Fact]
    public async Task EveryAnswerKind_CarriesExactlyOneRequestId()
    {
        Upstream.Script("c", new Scenario.Status(503, """{"error":{"message":"overloaded"}}"""));
        var ids = new List<string>();

        using (var whole = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("up/b"))))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            ids.Add(OneRequestId(whole));
        }

        using (var streamed = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("up/b", stream: true), stream: true), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
            Assert.Equal("up/b", Sse.Header(streamed, "X-Router-Model"));
            ids.Add(OneRequestId(streamed));
            Assert.NotEmpty(await Sse.ReadAllEventsAsync(streamed));
        }

        using (var messages = await Gateway.Http.SendAsync(Sse.Post("/v1/messages", """{"model":"up/b","max_tokens":20,"stream":true,"messages":[{"role":"user","content":"hi"}]}""", stream: true), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
            ids.Add(OneRequestId(messages));
        }

        using (var command = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("default", content: "/status"))))
        {
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
            Assert.Equal("self", Sse.Header(command, "X-Router-Tier"));
            ids.Add(OneRequestId(command));
        }

        using (var unknown = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("no/such-model"))))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            ids.Add(OneRequestId(unknown));
        }

        using (var exhausted = await Gateway.Http.SendAsync(Sse.Post("/v1/chat/completions", Body("up/c"))))
        {
            Assert.Equal(HttpStatusCode.BadGateway, exhausted.StatusCode);
            Assert.Equal("1", Sse.Header(exhausted, "X-Router-Attempts"));
            ids.Add(OneRequestId(exhausted));
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private static string OneRequestId(HttpResponseMessage response)
    {
        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.StartsWith("req_", id, StringComparison.Ordinal);
        return id;
    }
}
