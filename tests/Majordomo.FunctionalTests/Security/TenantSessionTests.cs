using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Majordomo.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Majordomo.FunctionalTests.Security;

/// <summary>
/// Sessions are scoped by gateway key (SPEC §1.1, issue 11 finding 5): two tenants sending the same
/// <c>X-Router-Session</c>, or the same first messages, never share a <c>/use</c> pin, a <c>/status</c>
/// answer or a loop history.
/// </summary>
public sealed class TenantSessionTests
{
    private const string Alice = "mjd-alice-key-000001";
    private const string Carol = "mjd-carol-key-000002";

    private static readonly string Config = Configs.Standard.Replace(
        "\"providers\": {",
        $$"""
        "server": { "apiKeys": [ { "name": "alice", "key": "{{Alice}}" }, { "name": "carol", "key": "{{Carol}}" } ] },
        "providers": {
        """,
        StringComparison.Ordinal);

    [Fact]
    public async Task Use_SameSessionHeader_PinsOnlyTheTenantThatSentIt()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);

        using (var pinned = await SendAsync(gateway, Alice, Messages(("user", "/use up/b")), "shared"))
        {
            Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        }

        Assert.Equal("up/b", await ModelForAsync(gateway, Alice, Messages(("user", "hello")), "shared"));
        Assert.Equal("up/a", await ModelForAsync(gateway, Carol, Messages(("user", "hello")), "shared"));
        Assert.Contains("Pin: none\n", await StatusAsync(gateway, Carol, Messages(("user", "/status")), "shared"), StringComparison.Ordinal);
        Assert.Contains("Pin: up/b\n", await StatusAsync(gateway, Alice, Messages(("user", "/status")), "shared"), StringComparison.Ordinal);
        Assert.Contains("Session: shared\n", await StatusAsync(gateway, Alice, Messages(("user", "/status")), "shared"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_SameDerivedSession_PinsOnlyTheTenantThatSentIt()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        (string, string) system = ("system", "You are helpful."), first = ("user", "/use up/b"), answer = ("assistant", "Pinned.");

        using (var pinned = await SendAsync(gateway, Alice, Messages(system, first), session: null))
        {
            Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        }

        var next = Messages(system, first, answer, ("user", "Now a question"));
        Assert.Equal("up/b", await ModelForAsync(gateway, Alice, next, session: null));
        Assert.Equal("up/a", await ModelForAsync(gateway, Carol, next, session: null));
        var status = Messages(system, first, answer, ("user", "/status"));
        Assert.Contains("Pin: none\n", await StatusAsync(gateway, Carol, status, session: null), StringComparison.Ordinal);
        Assert.Contains("Pin: up/b\n", await StatusAsync(gateway, Alice, status, session: null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopState_SameSession_KeptPerTenant()
    {
        await using var upstream = await ScenarioUpstream.StartAsync();
        await using var gateway = await TestGateway.StartAsync(Config, upstream);
        var transcript = LoopTranscript.Load("openai-job-poll-no-progress");

        // Alice's agent loops up to the breaker.
        foreach (var calls in new[] { 6, 11, 16 })
        {
            using var response = await SendAsync(gateway, Alice, transcript.Body(calls), "shared");
        }

        await WaitForAsync(() => Levels(gateway).SequenceEqual(["breaker"]));

        // Carol's agent, same session id, polls to a warning: her own state, not Alice's overwritten.
        using (var response = await SendAsync(gateway, Carol, transcript.Body(6), "shared"))
        {
            Assert.Equal("warning;poll=5", Sse.Header(response, "X-Router-Loop"));
        }

        await WaitForAsync(() => Levels(gateway).SequenceEqual(["breaker", "warning"]));

        // Carol makes progress: her state is cleared, Alice's breaker state stays.
        var progressed = transcript.Upto(6);
        progressed["messages"]!.AsArray().Add(new JsonObject { ["role"] = "user", ["content"] = "Stop polling; open a ticket instead." });
        using (var response = await SendAsync(gateway, Carol, progressed.ToJsonString(), "shared"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("", Sse.Header(response, "X-Router-Loop"));
        }

        await gateway.StopAsync();
        Assert.Equal(["breaker"], Levels(gateway));
    }

    private static string Messages(params (string Role, string Content)[] messages) =>
        new JsonObject
        {
            ["model"] = "default",
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]),
        }.ToJsonString();

    private static async Task<HttpResponseMessage> SendAsync(TestGateway gateway, string key, string body, string? session)
    {
        using var request = Sse.Post("/v1/chat/completions", body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (session is not null)
        {
            request.Headers.Add("X-Router-Session", session);
        }

        return await gateway.Http.SendAsync(request);
    }

    private static async Task<string> ModelForAsync(TestGateway gateway, string key, string body, string? session)
    {
        using var response = await SendAsync(gateway, key, body, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Sse.Header(response, "X-Router-Model");
    }

    private static async Task<string> StatusAsync(TestGateway gateway, string key, string body, string? session)
    {
        using var response = await SendAsync(gateway, key, body, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }

    /// <summary>The stored loop levels, whatever the stored session keys look like, in order.</summary>
    private static List<string> Levels(TestGateway gateway)
    {
        using var connection = new SqliteConnection($"Data Source={gateway.StorePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT level FROM loop_sessions WHERE session LIKE '%shared' ORDER BY level";
        using var reader = command.ExecuteReader();
        var levels = new List<string>();
        while (reader.Read())
        {
            levels.Add(reader.GetString(0));
        }

        return levels;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
