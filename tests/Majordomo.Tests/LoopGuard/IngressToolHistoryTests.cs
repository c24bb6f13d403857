using System.Text;
using System.Text.Json.Nodes;
using Majordomo.Chat;
using Majordomo.LoopGuard;
using Majordomo.Providers;
using Majordomo.Providers.OpenAI;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.LoopGuard;

/// <summary>
/// The ingress parse notes the tool history in its own pass (issue 16 item 3): the same calls, results, positions and
/// verdicts as the guard's own reading (<see cref="PromptView.ParseToolsOnly"/>), and the guard then reads nothing.
/// </summary>
public sealed class IngressToolHistoryTests : IDisposable
{
    private const string Config = ConversationTailTests.Config;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Every corpus train and dev body (the held-out test split and the blind probes are never read) the ingress accepts.
    [Fact]
    public void CorpusBodies_SameHistoryAsTheToolsOnlyReading()
    {
        var compared = 0;
        var withCalls = 0;
        foreach (var file in TestCorpus.TrainAndDev())
        {
            Assert.DoesNotContain($"{Path.DirectorySeparatorChar}test{Path.DirectorySeparatorChar}", file, StringComparison.Ordinal);
            foreach (var line in File.ReadLines(file))
            {
                if (JsonNode.Parse(line) is not JsonObject { } row
                    || (row["body"]?.DeepClone() ?? (row["messages"] is { } messages ? new JsonObject { ["model"] = "r", ["messages"] = messages.DeepClone() } : null)) is not JsonObject body)
                {
                    continue;
                }

                var protocol = row["protocol"]?.GetValue<string>() ?? (body["system"] is not null || AnthropicBlocks(body) ? "anthropic" : "openai");
                if (protocol == "anthropic")
                {
                    body["max_tokens"] ??= 1024;
                }

                if (SameAsToolsOnly(Encoding.UTF8.GetBytes(body.ToJsonString()), protocol, $"{Path.GetFileName(file)}: {row["id"]}") is { } calls)
                {
                    compared++;
                    withCalls += calls > 0 ? 1 : 0;
                }
            }
        }

        Assert.InRange(compared, 700, int.MaxValue);
        Assert.InRange(withCalls, 100, int.MaxValue);
    }

    // As the classifier's evaluation tells a body without a protocol: tool_use or tool_result blocks are Anthropic's.
    private static bool AnthropicBlocks(JsonObject body) =>
        body["messages"] is JsonArray messages && messages.Any(m => m?["content"] is JsonArray blocks
            && blocks.Any(b => b?["type"]?.GetValue<string>() is "tool_use" or "tool_result"));

    // Every step of every recorded loop transcript (the functional tests' bodies), in its protocol.
    [Fact]
    public void LoopTranscripts_EveryStep_SameHistoryAndVerdictAsTheToolsOnlyReading()
    {
        var folder = Path.Combine(TestConfig.RepoRoot(), "tests", "Majordomo.FunctionalTests", "Data", "LoopGuard");
        var steps = 0;
        var loops = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var transcript = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var protocol = transcript["protocol"]!.GetValue<string>();
            var messages = transcript["messages"]!.AsArray();
            for (var upto = 1; upto <= messages.Count; upto++)
            {
                var body = new JsonObject { ["model"] = "r" };
                if (transcript["system"] is { } system)
                {
                    body["system"] = system.DeepClone();
                }

                if (protocol == "anthropic")
                {
                    body["max_tokens"] = 1024;
                }

                body["messages"] = new JsonArray(messages.Take(upto).Select(m => m!.DeepClone()).ToArray());
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                Assert.NotNull(SameAsToolsOnly(bytes, protocol, $"{Path.GetFileName(file)} upto {upto}"));
                loops += SameVerdict(bytes, protocol, $"t{steps}") == LoopLevel.None ? 0 : 1;
                steps++;
            }
        }

        Assert.InRange(steps, 100, int.MaxValue);
        Assert.InRange(loops, 10, steps - 10);
    }

    // Random conversations in the three shapes, with structure-like text, repeated ids, user turns, a system prompt.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomConversations_SameHistoryAndVerdictAsTheToolsOnlyReading(int seed)
    {
        var random = new Random(seed);
        var loops = 0;
        foreach (var shape in new[] { "openai", "anthropic", "openai-responses" })
        {
            for (var n = 0; n < 20; n++)
            {
                var json = Encoding.UTF8.GetString(ConversationTailTests.RandomConversation(random, shape == "openai-responses" ? "responses" : shape, random.Next(0, 90)));
                var prefix = shape switch
                {
                    "anthropic" => """{"max_tokens":64,"system":[{"type":"text","text":"be brief"}],"tools":[{"name":"read","input_schema":{"type":"object"}}],""",
                    "openai-responses" => """{"instructions":"x","tools":[{"type":"function","name":"read"}],""",
                    _ => """{"tools":[{"type":"function","function":{"name":"read"}}],""",
                };
                json = shape == "anthropic" ? prefix + json[1..] : random.Next(2) == 0 ? prefix + json[1..] : json;
                var body = Encoding.UTF8.GetBytes(json);
                Assert.NotNull(SameAsToolsOnly(body, shape, $"{shape} {seed}/{n}"));
                loops += SameVerdict(body, shape, $"r{seed}-{n}") == LoopLevel.None ? 0 : 1;
            }
        }

        Assert.InRange(loops, 3, 57);
    }

    // A named model's agent request: the guard reads nothing (the prompt is never read, the body is not walked again)
    // and allocates nothing when there is no loop; a looping one is flagged as by the guard's own reading.
    [Fact]
    public void Evaluate_IngressHistory_ReadsNothingAndAllocatesNothing()
    {
        var guard = Guard();
        var loop = new LoopSettingsSet(TestConfig.BuildCatalog(Config));
        var distinct = ConversationTailTests.Conversation(24, 0, 0);
        for (var i = 0; i < 3; i++)
        {
            var request = Protocols.OpenAI.Parse(distinct, toolHistory: true);
            request.Metadata = new RequestMetadata(null, null, "alloc", null, null);
            Assert.True(request.ToolsCollected);
            Assert.Equal(24, request.Tools!.Count);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var verdict = guard.Evaluate(loop, request);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(LoopLevel.None, verdict.Level);
            Assert.False(request.PromptRead);
            if (i > 0)
            {
                Assert.Equal(0, allocated); // the guard's own reading (ParseToolsOnly) allocates a view and a history
            }
        }

        var looping = Protocols.OpenAI.Parse(ConversationTailTests.Conversation(24, 12, 24), toolHistory: true);
        looping.Metadata = new RequestMetadata(null, null, "alloc-loop", null, null);
        var flagged = guard.Evaluate(loop, looping);
        Assert.NotEqual(LoopLevel.None, flagged.Level);
        Assert.False(looping.PromptRead);
        Assert.Equal("read_file", flagged.ToolName);
    }

    // Bodies without tool calls: the ingress notes nothing (no history made), as the guard's MayHoldCalls skip did.
    [Fact]
    public void Parse_BodyWithoutToolCalls_NotesNoHistory()
    {
        var request = Protocols.OpenAI.Parse("""{"model":"r","messages":[{"role":"user","content":"hi"}]}"""u8.ToArray(), toolHistory: true);
        Assert.True(request.ToolsCollected);
        Assert.Null(request.Tools);
        var plain = Protocols.OpenAI.Parse("""{"model":"r","messages":[{"role":"user","content":"hi"}]}"""u8.ToArray());
        Assert.False(plain.ToolsCollected);
        Assert.Equal(LoopLevel.None, Guard().Evaluate(new LoopSettingsSet(TestConfig.BuildCatalog(Config)), request).Level);
    }

    // A long conversation: only the guard's window of calls is hashed, so its share stays bounded by historySize.
    [Fact]
    public void Window_HashesOnlyTheCallsItTakes()
    {
        var body = ConversationTailTests.Conversation(249, 0, 0);
        var tools = Protocols.OpenAI.Parse(body, toolHistory: true).Tools!;
        Assert.Equal(249, tools.Count);
        var window = tools.Window(body, 20);
        Assert.Equal(20, window.Length);
        var calls = tools.Calls;
        Assert.All(calls[..229].ToArray(), c => Assert.True(c.Pending));
        Assert.All(calls[229..].ToArray(), c => Assert.False(c.Pending));
        var reading = PromptView.ParseToolsOnly(body, "openai").Tools.Calls;
        Assert.Equal(Keys(reading[^20..]), Keys(window));
    }

    /// <summary>
    /// Parses <paramref name="body"/> as the ingress does and compares its tool history with the tools-only reading's;
    /// returns the number of calls, or null when the ingress refuses the body.
    /// </summary>
    private static int? SameAsToolsOnly(byte[] body, string protocol, string what)
    {
        ChatRequest request;
        try
        {
            request = Protocols.Get(protocol)!.Parse(body, toolHistory: true);
        }
        catch (RequestValidationException)
        {
            return null;
        }

        var reading = PromptView.ParseToolsOnly(body, protocol);
        Assert.True(request.ToolsCollected);
        if (request.Tools is not { } tools)
        {
            Assert.False(ToolHistory.MayHoldCalls(body), what);
            Assert.Equal(0, reading.Tools.Count);
            return 0;
        }

        var expected = reading.Tools;
        var calls = tools.Window(body, int.MaxValue);
        Assert.True(Keys(expected.Calls).SequenceEqual(Keys(calls)), what);
        Assert.Equal((reading.MessageCount, expected.MessagesEnd, expected.ObjectStart), (request.MessageCount, tools.MessagesEnd, tools.ObjectStart));
        if (protocol == "anthropic")
        {
            Assert.Equal((expected.SystemStart, expected.SystemLength, expected.SystemKind), (tools.SystemStart, tools.SystemLength, tools.SystemKind));
        }

        return calls.Length;
    }

    /// <summary>The verdict from the ingress's history equals the one from the guard's own reading, for a named route.</summary>
    private LoopLevel SameVerdict(byte[] body, string protocol, string session)
    {
        var guard = Guard();
        var loop = new LoopSettingsSet(TestConfig.BuildCatalog(Config));
        var ingress = Protocols.Get(protocol)!.Parse(body, toolHistory: true);
        var plain = Protocols.Get(protocol)!.Parse(body);
        ingress.Metadata = new RequestMetadata(null, null, session + "-i", null, null);
        plain.Metadata = new RequestMetadata(null, null, session + "-p", null, null);
        var fromIngress = guard.Evaluate(loop, ingress);
        var own = guard.Evaluate(loop, plain);
        Assert.False(ingress.PromptRead);
        Assert.Equal((own.Level, own.Count, own.Detector, own.ToolName, own.MessageCount, own.MessagesEnd, own.ObjectStart, own.SystemStart, own.SystemLength, own.SystemKind),
            (fromIngress.Level, fromIngress.Count, fromIngress.Detector, fromIngress.ToolName, fromIngress.MessageCount, fromIngress.MessagesEnd, fromIngress.ObjectStart, fromIngress.SystemStart, fromIngress.SystemLength, fromIngress.SystemKind));
        if (own.Level is LoopLevel.Warning or LoopLevel.Critical)
        {
            Assert.Equal(LoopInjection.Inject(body, own, protocol), LoopInjection.Inject(body, fromIngress, protocol));
        }

        return own.Level;
    }

    private static (ulong, ulong, bool, ulong, int, int)[] Keys(ReadOnlySpan<ToolCall> calls)
    {
        var keys = new (ulong, ulong, bool, ulong, int, int)[calls.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            keys[i] = (calls[i].Call, calls[i].Result, calls[i].HasResult, calls[i].Id, calls[i].NameStart, calls[i].NameLength);
        }

        return keys;
    }

    private ToolLoopGuard Guard() => ConversationTailTests.Guard(_dir.File("ingress.db"));
}
