using System.Text;
using Majordomo.Chat;
using Majordomo.LoopGuard;
using Majordomo.Providers.Anthropic;
using Majordomo.Providers.OpenAI;
using Majordomo.Providers.Responses;
using Majordomo.Storage.Sqlite;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Majordomo.Tests.LoopGuard;

/// <summary>The loop guard reads the conversation's tail (<c>historySize</c> calls), found from the end of the body.</summary>
public sealed class ConversationTailTests : IDisposable
{
    internal const string Config = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": { "p/m": { "provider": "p" } },
          "routes": { "r": { "chain": ["p/m"] }, "auto": { "strategy": "smart" } }
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Tail(string json, int elements, out bool whole)
    {
        var body = Encoding.UTF8.GetBytes(json);
        Assert.True(ConversationTail.TryFind(body, "messages"u8, elements, out var first, out var end, out whole));
        return Encoding.UTF8.GetString(body.AsSpan(first, end + 1 - first));
    }

    [Fact]
    public void TryFind_StringsWithQuotesBracesAndBackslashes_SplitOnlyBetweenElements()
    {
        const string json = """
            { "model": "m", "messages" : [ {"role":"user","content":"a } ] { [ \" , :"} ,
              {"role":"tool","content":"ends in a backslash \\","n":[1,{"x":"]"}]},{"role":"assistant","content":"say \"messages\": [\\\"x\\\"]"} ],
              "stream": true, "tools": [{"name":"messages","x":{"messages":[1,2]}}], "n": -1.5e3, "z": null }
            """;

        Assert.Equal("""{"role":"assistant","content":"say \"messages\": [\\\"x\\\"]"} ]""", Tail(json, 1, out var whole));
        Assert.False(whole);
        Assert.StartsWith("""{"role":"tool","content":"ends in a backslash \\",""", Tail(json, 2, out _), StringComparison.Ordinal);
        Assert.StartsWith("""{"role":"user","content":"a } ] {""", Tail(json, 3, out whole), StringComparison.Ordinal);
        Assert.True(whole);
        Assert.StartsWith("""{"role":"user",""", Tail(json, 50, out whole), StringComparison.Ordinal);
        Assert.True(whole);
    }

    [Theory]
    [InlineData("""{"messages":"not an array"}""")]
    [InlineData("""{"model":"m","input":[{"role":"user"}]}""")]
    [InlineData("""{"x":{"messages":[{"role":"user"}]}}""")]
    [InlineData("""[{"messages":[]}]""")]
    [InlineData("")]
    public void TryFind_NoTopLevelMessagesArray_IsNotFound(string json) =>
        Assert.False(ConversationTail.TryFind(Encoding.UTF8.GetBytes(json), "messages"u8, 4, out _, out _, out _));

    private static readonly byte[] Mangles = "\"{}[],: \\x"u8.ToArray();

    [Fact]
    public void TryFind_TruncatedOrMangledBodies_NeverThrow()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"a \" } ] \\"},{"role":"tool","content":[1,{"x":"]"}]}],"stream":true}""");
        var random = new Random(7);
        for (var i = 0; i <= body.Length; i++)
        {
            ConversationTail.TryFind(body.AsSpan(0, i), "messages"u8, 1, out _, out _, out _);
            ConversationTail.TryFind(body.AsSpan(i), "messages"u8, 3, out _, out _, out _);
            var mangled = (byte[])body.Clone();
            mangled[random.Next(mangled.Length)] = Mangles[random.Next(Mangles.Length)];
            ConversationTail.TryFind(mangled, "messages"u8, 2, out _, out _, out _);
            ToolLoopGuard.TailHistory(new ChatRequest { Body = mangled, Protocol = OpenAIProtocol.Id }, 15);
        }
    }

    [Fact]
    public void TryFind_EmptyArray_IsWhole()
    {
        Assert.Equal("]", Tail("""{"messages":[ ]}""", 4, out var whole));
        Assert.True(whole);
    }

    private static string OpenAICall(int i, string path, string result) =>
        $$$""",{"role":"assistant","content":null,"tool_calls":[{"id":"c{{{i}}}","type":"function","function":{"name":"read_file","arguments":"{\"path\":\"{{{path}}}\"}"}}]},{"role":"tool","tool_call_id":"c{{{i}}}","content":"{{{result}}}"}""";

    /// <summary>A user turn, then <paramref name="calls"/> read_file calls; those in [loopFrom, loopTo) repeat one call and result.</summary>
    internal static byte[] Conversation(int calls, int loopFrom, int loopTo)
    {
        var sb = new StringBuilder("""{"model":"r","messages":[{"role":"user","content":"Fix the build."}""");
        for (var i = 0; i < calls; i++)
        {
            var looping = i >= loopFrom && i < loopTo;
            sb.Append(OpenAICall(i, looping ? "a.cs" : $"f{i}.cs", looping ? "same" : $"text {i} " + new string('x', 300)));
        }

        return Encoding.UTF8.GetBytes(sb.Append("],\"stream\":false}").ToString());
    }

    private ToolLoopGuard Guard() => Guard(_dir.File("tail.db"));

    internal static ToolLoopGuard Guard(string database)
    {
        var store = new SqliteStore(database);
        store.Migrate();
        return new ToolLoopGuard(new LoopStateStore(new SqliteLoopSessionStore(store), TimeProvider.System, NullLogger<LoopStateStore>.Instance),
            TimeProvider.System, NullLogger<ToolLoopGuard>.Instance);
    }

    private LoopVerdict Evaluate(ChatRequest request, string session = "s-tail")
    {
        request.Metadata = new RequestMetadata(null, null, session, null, null);
        return Guard().Evaluate(new LoopSettingsSet(TestConfig.BuildCatalog(Config)), request);
    }

    /// <summary>The conversation of <see cref="Conversation"/> asking for <paramref name="model"/> instead of the plain route.</summary>
    private static byte[] ConversationFor(string model, int calls, int loopFrom, int loopTo) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Conversation(calls, loopFrom, loopTo)).Replace("\"model\":\"r\"", model is null ? "\"model\":null" : $"\"model\":\"{model}\"", StringComparison.Ordinal));

    // A smart route reads the whole prompt to classify it: the guard makes that one reading (ChatRequest.Prompt, which
    // routing then reuses) instead of reading the tail first, and decides as the tail read does for a named route.
    [Theory]
    [InlineData(0, 12, "none", 0)] // the early loop is outside historySize
    [InlineData(100, 112, "critical", 12)]
    [InlineData(106, 112, "warning", 6)]
    [InlineData(92, 112, "breaker", 20)]
    public void Evaluate_LongConversation_SmartRoute_ReadsTheWholePromptOnceAndDecidesAsTheTail(int loopFrom, int loopTo, string level, int count)
    {
        var calls = loopTo == 12 ? 112 : loopTo;
        var named = OpenAIRequestReader.Parse(ConversationFor("r", calls, loopFrom, loopTo));
        var smart = OpenAIRequestReader.Parse(ConversationFor("auto", calls, loopFrom, loopTo));
        Assert.True(smart.Body.Length > ToolLoopGuard.TailWorthBytes(20));

        var byTail = Evaluate(named, "s-named");
        var byWhole = Evaluate(smart, "s-smart");

        Assert.Equal(level, LoopVerdict.LevelName(byWhole.Level));
        Assert.Equal((byTail.Level, byTail.Count, byTail.Detector, byTail.MessageCount), (byWhole.Level, byWhole.Count, byWhole.Detector, byWhole.MessageCount));
        Assert.Equal(count, byWhole.Count);
        Assert.True(smart.PromptRead); // the one reading, made by the guard, there for routing
        Assert.Equal(level != "none", named.PromptRead); // the named route read only its tail, unless a loop was reported
    }

    [Fact]
    public void WholeReadingComes_SmartOrDefaultSmartRouteOrReadPromptOrLoopStateWithoutSession()
    {
        const string config = """
            {
              "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
              "models": { "p/m": { "provider": "p" } },
              "routes": { "r": { "chain": ["p/m"] }, "auto": { "strategy": "smart" } },
              "defaultRoute": "auto"
            }
            """;
        var catalog = TestConfig.BuildCatalog(config);
        var guard = Guard();
        bool Comes(string? model, string? session = "s")
        {
            var request = OpenAIRequestReader.Parse(ConversationFor(model!, 2, 0, 0));
            request.Metadata = new RequestMetadata(null, null, session, null, null);
            return guard.WholeReadingComes(catalog, ToolLoopGuard.RouteFor(catalog, request.Metadata, request.Model), request);
        }

        Assert.True(Comes("auto"));
        Assert.True(Comes(null)); // the default route is smart
        Assert.False(Comes("r"));
        Assert.False(Comes("p/m"));
        Assert.False(Comes("r", session: null)); // no loop state to clear: no session id needed

        var read = OpenAIRequestReader.Parse(ConversationFor("r", 2, 0, 0));
        _ = read.Prompt;
        Assert.True(guard.WholeReadingComes(catalog, "r", read));

        // A looping session leaves state behind: a request naming no session then derives its id from the prompt.
        var looping = OpenAIRequestReader.Parse(ConversationFor("r", 12, 0, 12));
        looping.Metadata = new RequestMetadata(null, null, "looping", null, null);
        Assert.NotEqual(LoopLevel.None, guard.Evaluate(new LoopSettingsSet(catalog), looping).Level);
        Assert.True(Comes("r", session: null));
        Assert.False(Comes("r"));
    }

    [Fact]
    public void Evaluate_LongConversation_EarlyLoopOutsideHistorySize_IsNotFlaggedAndOnlyTheTailIsRead()
    {
        // 12 identical calls (critical if seen), then 100 distinct ones: the default historySize (20) sees only those.
        var body = Conversation(112, 0, 12);
        var request = OpenAIRequestReader.Parse(body);
        Assert.True(body.Length > ToolLoopGuard.TailWorthBytes(20));

        var verdict = Evaluate(request);

        Assert.Equal(LoopLevel.None, verdict.Level);
        Assert.False(request.PromptRead); // the whole conversation was never read
        var tail = ToolLoopGuard.TailHistory(request, 20)!;
        Assert.InRange(tail.Count, 20, 23); // the tail's calls, not the conversation's 112
    }

    [Theory]
    [InlineData(100, 112, "critical", 12)]
    [InlineData(106, 112, "warning", 6)]
    [InlineData(92, 112, "breaker", 20)] // 20 repeats fill the window exactly
    public void Evaluate_LongConversation_LoopInsideHistorySize_IsFlaggedAsByTheWholeReading(int loopFrom, int loopTo, string level, int count)
    {
        var body = Conversation(loopTo, loopFrom, loopTo);
        Assert.True(body.Length > ToolLoopGuard.TailWorthBytes(20)); // read from the tail

        var verdict = Evaluate(OpenAIRequestReader.Parse(body));

        Assert.Equal(level, LoopVerdict.LevelName(verdict.Level));
        Assert.Equal(count, verdict.Count);
        Assert.Equal(PromptView.Parse(body, "openai").MessageCount, verdict.MessageCount); // the verdict's positions come from the whole reading
    }

    [Fact]
    public void Evaluate_UserTurnAfterTheLoop_TailStopsThereAndNothingIsFlagged()
    {
        var sb = new StringBuilder("""{"model":"r","messages":[{"role":"user","content":"go"}""");
        for (var i = 0; i < 12; i++)
        {
            sb.Append(OpenAICall(i, "a.cs", "same"));
        }

        sb.Append(""",{"role":"user","content":"Now something else."}""");
        for (var i = 12; i < 16; i++)
        {
            sb.Append(OpenAICall(i, $"f{i}.cs", "x"));
        }

        var request = OpenAIRequestReader.Parse(Encoding.UTF8.GetBytes(sb.Append("]}").ToString()));

        Assert.Equal(LoopLevel.None, Evaluate(request).Level);
        var tail = ToolLoopGuard.TailHistory(request, 20)!;
        Assert.True(tail.Restarted);
        Assert.Equal(4, tail.Count);
    }

    // Conversations in the three shapes with calls drawn from a small alphabet (so loops of every kind come and go),
    // user turns now and then, and text that looks like structure: the tail's window equals the whole reading's.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TailHistory_RandomConversations_SameWindowAsTheWholeReading(int seed)
    {
        var random = new Random(seed);
        foreach (var shape in new[] { "openai", "anthropic", "responses" })
        {
            for (var n = 0; n < 20; n++)
            {
                var body = RandomConversation(random, shape, random.Next(0, 90));
                var request = new ChatRequest
                {
                    Body = body,
                    Protocol = shape switch { "anthropic" => AnthropicProtocol.Id, "responses" => ResponsesProtocol.Id, _ => OpenAIProtocol.Id },
                };
                foreach (var historySize in new[] { 15, 20, 40 })
                {
                    var tail = ToolLoopGuard.TailHistory(request, historySize);
                    Assert.NotNull(tail);
                    var whole = PromptView.Parse(body, request.Protocol).Tools.Calls;
                    var expected = whole.Length > historySize ? whole[^historySize..] : whole;
                    var calls = tail.Calls;
                    var actual = calls.Length > historySize ? calls[^historySize..] : calls;
                    Assert.Equal(Keys(expected), Keys(actual));
                }
            }
        }
    }

    // The guard's own reading of the tools alone (a named model's request) sees what the whole reading sees: the same
    // calls and results, message count and the positions an injected message needs, in the three shapes, with a
    // system prompt and tool definitions or without; and the guard decides the same from either.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ParseToolsOnly_RandomConversations_SameHistoryAndPositionsAsTheWholeReading(int seed)
    {
        var random = new Random(seed);
        var catalog = TestConfig.BuildCatalog(Config);
        var guard = Guard();
        var loops = 0;
        foreach (var shape in new[] { "openai", "anthropic", "responses" })
        {
            for (var n = 0; n < 20; n++)
            {
                var json = Encoding.UTF8.GetString(RandomConversation(random, shape, random.Next(0, 90)));
                if (random.Next(2) == 0)
                {
                    json = """{"system":[{"type":"text","text":"be brief"}],"instructions":"x","tools":[{"name":"read","input_schema":{"type":"object"}}],""" + json[1..];
                }

                var body = Encoding.UTF8.GetBytes(json);
                var protocol = shape switch { "anthropic" => AnthropicProtocol.Id, "responses" => ResponsesProtocol.Id, _ => OpenAIProtocol.Id };
                var whole = PromptView.Parse(body, protocol);
                var tools = PromptView.ParseToolsOnly(body, protocol);

                Assert.True(tools.ToolsOnly);
                Assert.Equal(Keys(whole.Tools.Calls), Keys(tools.Tools.Calls));
                Assert.Equal((whole.MessageCount, whole.Tools.MessagesEnd, whole.Tools.ObjectStart, whole.Tools.SystemStart, whole.Tools.SystemLength, whole.Tools.SystemKind, whole.Tools.Restarted),
                    (tools.MessageCount, tools.Tools.MessagesEnd, tools.Tools.ObjectStart, tools.Tools.SystemStart, tools.Tools.SystemLength, tools.Tools.SystemKind, tools.Tools.Restarted));
                Assert.Equal(whole.Tools.Calls.ToArray().Select(c => (c.NameStart, c.NameLength)), tools.Tools.Calls.ToArray().Select(c => (c.NameStart, c.NameLength)));
                Assert.Equal("", tools.LastUserText); // no text is noted

                var named = new ChatRequest { Body = body, Protocol = protocol, Model = "r", Metadata = new RequestMetadata(null, null, $"n{seed}-{n}", null, null) };
                var smart = new ChatRequest { Body = body, Protocol = protocol, Model = "auto", Metadata = new RequestMetadata(null, null, $"s{seed}-{n}", null, null) };
                var own = guard.Evaluate(new LoopSettingsSet(catalog), named);
                var shared = guard.Evaluate(new LoopSettingsSet(catalog), smart);
                Assert.False(named.PromptRead);
                Assert.Equal(ToolHistory.MayHoldCalls(body), smart.PromptRead); // the smart route's one reading, made by the guard
                Assert.Equal((shared.Level, shared.Count, shared.Detector, shared.ToolName, shared.MessageCount, shared.MessagesEnd, shared.SystemStart),
                    (own.Level, own.Count, own.Detector, own.ToolName, own.MessageCount, own.MessagesEnd, own.SystemStart));
                loops += own.Level == LoopLevel.None ? 0 : 1;
            }
        }

        Assert.InRange(loops, 3, 57); // loops come and go: both kinds of verdict were compared
    }

    private static (ulong, ulong, bool)[] Keys(ReadOnlySpan<ToolCall> calls)
    {
        var keys = new (ulong, ulong, bool)[calls.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            keys[i] = (calls[i].Call, calls[i].Result, calls[i].HasResult);
        }

        return keys;
    }

    internal static byte[] RandomConversation(Random random, string shape, int turns)
    {
        string[] texts = ["ok", "same", "a } ] \\\" {", "ends \\\\", "{\\\"k\\\":[1]}"];
        var sb = new StringBuilder(shape == "responses" ? """{"model":"r","input":[""" : """{"model":"r","messages":[""");
        sb.Append(shape == "responses" ? """{"role":"user","content":"start"}""" : """{"role":"user","content":"start"}""");
        for (var i = 0; i < turns; i++)
        {
            var id = $"id{i % 7}"; // ids repeat, as some clients' do
            var path = $"p{random.Next(3)}";
            var text = texts[random.Next(texts.Length)];
            if (random.Next(25) == 0)
            {
                sb.Append(""",{"role":"user","content":"next task"}""");
                continue;
            }

            sb.Append(shape switch
            {
                "anthropic" => $$$""",{"role":"assistant","content":[{"type":"tool_use","id":"{{{id}}}","name":"read","input":{"path":"{{{path}}}"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"{{{id}}}","content":"{{{text}}}"{{{(random.Next(6) == 0 ? ",\"is_error\":true" : "")}}}}]}""",
                "responses" => $$$""",{"type":"function_call","call_id":"{{{id}}}","name":"read","arguments":"{\"path\":\"{{{path}}}\"}"},{"type":"function_call_output","call_id":"{{{id}}}","output":"{{{text}}}"}""",
                _ => $$$""",{"role":"assistant","tool_calls":[{"id":"{{{id}}}","type":"function","function":{"name":"read","arguments":"{\"path\":\"{{{path}}}\"}"}}]},{"role":"tool","tool_call_id":"{{{id}}}","content":"{{{text}}}"}""",
            });
        }

        sb.Append(random.Next(2) == 0 ? "]}" : """], "stream": true, "metadata": {"messages": "[x]", "input": [1]}}""");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
