using Majordomo.Budgets;
using Majordomo.Chat;
using Majordomo.LoopGuard;
using Majordomo.Providers.OpenAI;
using Majordomo.Routing;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.Chat;

/// <summary>The request is read once: one <see cref="PromptView"/> per request, shared by the loop guard, the router and budgets.</summary>
public sealed class RequestReadingTests : IDisposable
{
    private const string Config = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": { "p/m": { "provider": "p" } },
          "routes": { "auto": { "strategy": "smart" }, "r": { "chain": ["p/m"] } }
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ChatRequest Request(string model, string? session = null)
    {
        var request = OpenAIRequestReader.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"model":"{{model}}","messages":[{"role":"user","content":"Explain how a hash map handles collisions."}]}"""));
        request.Metadata = new RequestMetadata(null, null, session, null, null);
        return request;
    }

    private static RouteDecider Router() => new(new NoDegradation(), new LatencyTracker(),
        new SessionPins(null, NullLogger<SessionPins>.Instance), TimeProvider.System, NullLogger<RouteDecider>.Instance);

    [Fact]
    public void Prompt_ReadTwice_ParsedOnceAndShared()
    {
        var request = Request("auto");

        Assert.False(request.PromptRead);
        Assert.Same(request.Prompt, request.Prompt);
        Assert.True(request.PromptRead);
    }

    [Fact]
    public async Task LoopGuardRouterAndTicket_SmartRoute_ShareTheOneReading()
    {
        var catalog = TestConfig.BuildCatalog(Config);
        var store = new SqliteStore(_dir.File("m.db"));
        store.Migrate();
        var state = new LoopStateStore(new SqliteLoopSessionStore(store), TimeProvider.System, NullLogger<LoopStateStore>.Instance);
        state.Set("other", new LoopSessionState(LoopLevel.Warning, "genericRepeat", 5, DateTimeOffset.UnixEpoch)); // forces the derived session id
        var guard = new ToolLoopGuard(state, TimeProvider.System, NullLogger<ToolLoopGuard>.Instance);
        var request = Request("auto");

        guard.Evaluate(new LoopSettingsSet(catalog), request);
        var read = request.Prompt;
        var decision = await Router().DecideAsync(RoutingSnapshot.Build(catalog), request, null, CancellationToken.None);

        Assert.NotNull(decision.Plan);
        Assert.Same(read, request.Prompt);
    }

    /// <summary>Six identical <c>read_file</c> calls, each answered the same: a pollNoProgress loop (warning at 5).</summary>
    private static byte[] LoopingBody(string model)
    {
        var messages = new System.Text.StringBuilder("""{"role":"user","content":"Fix the build."}""");
        for (var i = 0; i < 6; i++)
        {
            messages.Append($$$""",{"role":"assistant","tool_calls":[{"id":"c{{{i}}}","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"a.cs\"}"}}]},{"role":"tool","tool_call_id":"c{{{i}}}","content":"same"}""");
        }

        return System.Text.Encoding.UTF8.GetBytes($$"""{"model":"{{model}}","messages":[{{messages}}]}""");
    }

    [Fact]
    public void Evaluate_PromptAlreadyRead_JudgesTheSharedReadingNotTheBodyAgain()
    {
        var catalog = TestConfig.BuildCatalog(Config);
        var store = new SqliteStore(_dir.File("l.db"));
        store.Migrate();
        var guard = new ToolLoopGuard(new LoopStateStore(new SqliteLoopSessionStore(store), TimeProvider.System, NullLogger<LoopStateStore>.Instance),
            TimeProvider.System, NullLogger<ToolLoopGuard>.Instance);
        var body = LoopingBody("r");
        var request = OpenAIRequestReader.Parse(body);
        var read = request.Prompt;

        // Blank the body after the one reading (keeping the bytes the guard's pre-check looks for, but no call):
        // a guard that walked the body again would find no calls at all.
        var blank = """{"note":"tool_"}"""u8;
        blank.CopyTo(body);
        body.AsSpan(blank.Length).Fill((byte)' ');
        var verdict = guard.Evaluate(new LoopSettingsSet(catalog), request);

        Assert.Same(read, request.Prompt);
        Assert.Equal(6, read.Tools.Count);
        Assert.Equal(LoopLevel.Warning, verdict.Level);
        Assert.Equal(6, verdict.Count);
    }

    private ToolLoopGuard Guard(string file)
    {
        var store = new SqliteStore(_dir.File(file));
        store.Migrate();
        return new ToolLoopGuard(new LoopStateStore(new SqliteLoopSessionStore(store), TimeProvider.System, NullLogger<LoopStateStore>.Instance),
            TimeProvider.System, NullLogger<ToolLoopGuard>.Instance);
    }

    [Fact]
    public void Evaluate_NamedModelWithoutTools_NeverReadsThePrompt()
    {
        var request = Request("r");

        var verdict = Guard("n.db").Evaluate(new LoopSettingsSet(TestConfig.BuildCatalog(Config)), request);

        Assert.Equal(LoopLevel.None, verdict.Level);
        Assert.False(request.PromptRead);
    }

    [Fact]
    public void Evaluate_ToolKeysWrittenWithEscapes_StillFindsTheLoop()
    {
        var json = System.Text.Encoding.UTF8.GetString(LoopingBody("r")).Replace("tool_", "tool\\u005f", StringComparison.Ordinal);
        var request = OpenAIRequestReader.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        var verdict = Guard("e.db").Evaluate(new LoopSettingsSet(TestConfig.BuildCatalog(Config)), request);

        Assert.DoesNotContain("tool_", json, StringComparison.Ordinal);
        Assert.Equal(LoopLevel.Warning, verdict.Level);
    }

    [Fact]
    public void Parse_AgentConversation_ToolHistoryAndPromptFactsFromOnePass()
    {
        var view = PromptView.Parse(LoopingBody("r"), "openai");

        Assert.Equal(13, view.MessageCount);
        Assert.Equal(6, view.ToolCalls);
        Assert.Equal(6, view.ToolResults);
        Assert.Equal(6, view.Tools.Count);
        Assert.All(view.Tools.Calls.ToArray(), call => Assert.True(call.HasResult));
        Assert.Equal("Fix the build.", view.LastUserText);
    }

    [Fact]
    public void Evaluate_SmartRoute_ReadsTheSharedToolHistoryWithoutMakingTheTexts()
    {
        var request = OpenAIRequestReader.Parse(LoopingBody("auto"));
        request.Metadata = new RequestMetadata(null, null, "s-texts", null, null);

        Guard("t.db").Evaluate(new LoopSettingsSet(TestConfig.BuildCatalog(Config)), request);

        Assert.True(request.PromptRead); // the one reading, there for routing
        Assert.Equal(6, request.Prompt.Tools.Count);
        Assert.False(request.Prompt.TextsMade);
        Assert.Equal("Fix the build.", request.Prompt.LastUserText);
        Assert.True(request.Prompt.TextsMade);
    }

    [Fact]
    public void Evaluate_NamedRoute_ReadsTheToolsAloneAndDecidesAsTheWholeReading()
    {
        var catalog = TestConfig.BuildCatalog(Config);
        var named = OpenAIRequestReader.Parse(LoopingBody("r"));
        named.Metadata = new RequestMetadata(null, null, "s-named", null, null);
        var smart = OpenAIRequestReader.Parse(LoopingBody("auto"));
        smart.Metadata = new RequestMetadata(null, null, "s-smart", null, null);

        var own = Guard("n.db").Evaluate(new LoopSettingsSet(catalog), named);
        var shared = Guard("s.db").Evaluate(new LoopSettingsSet(catalog), smart);

        Assert.False(named.PromptRead); // nothing else reads a named route's prompt: the guard read the tools alone
        Assert.NotEqual(LoopLevel.None, own.Level);
        Assert.Equal((shared.Level, shared.Count, shared.Detector, shared.ToolName, shared.MessageCount, shared.MessagesEnd, shared.ObjectStart),
            (own.Level, own.Count, own.Detector, own.ToolName, own.MessageCount, own.MessagesEnd + 3, own.ObjectStart)); // "auto" is 3 bytes longer than "r"
    }

    [Fact]
    public async Task DecideAsync_NamedRoute_NeverReadsThePrompt()
    {
        var request = Request("r");

        var decision = await Router().DecideAsync(RoutingSnapshot.Build(TestConfig.BuildCatalog(Config)), request, null, CancellationToken.None);

        Assert.Equal("r", decision.Plan!.RouteName);
        Assert.False(request.PromptRead);
    }
}
