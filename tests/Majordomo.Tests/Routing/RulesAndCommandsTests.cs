using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Majordomo.Chat;
using Majordomo.Classification;
using Majordomo.Routing;
using Majordomo.Tests.TestSupport;

namespace Majordomo.Tests.Routing;

public class RulesAndCommandsTests
{
    private const string Config = """
        {
          "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
          "models": { "p/m": { "provider": "p" } },
          "routes": { "auto": { "strategy": "smart" }, "r": { "chain": ["p/m"] } },
          "rules": [
            { "id": "third", "priority": 30, "when": { "source": "a" }, "action": "classify" },
            { "id": "first", "priority": 10, "when": { "source": "a" }, "action": "route", "target": "r" },
            { "id": "off", "priority": 1, "enabled": false, "when": { "source": "a" }, "action": "reject" },
            { "id": "second", "priority": 10, "when": { "pattern": "(a+)+$" }, "action": "route", "target": "auto" }
          ]
        }
        """;

    [Fact]
    public void Build_Rules_SortedByPriorityStableDisabledDropped_TargetsResolved()
    {
        var snapshot = RoutingSnapshot.Build(TestConfig.BuildCatalog(Config));

        Assert.Equal(["first", "second", "third"], snapshot.Rules.Select(r => r.Id));
        Assert.Equal("r", snapshot.Rules[0].Target.Plan!.RouteName);
        Assert.True(snapshot.Rules[1].Target.IsSmart);
        Assert.Equal(CompiledRule.MatchTimeout, snapshot.Rules[1].Pattern!.MatchTimeout);
    }

    [Fact]
    public void MatchesMetadata_SourceIsCaseInsensitive_ModelIsExact()
    {
        var rule = new CompiledRule { Id = "x", When = new() { Source = "Heartbeat", Model = "auto" } };

        Assert.True(rule.MatchesMetadata(Request("auto", "heartbeat")));
        Assert.False(rule.MatchesMetadata(Request("AUTO", "heartbeat")));
        Assert.False(rule.MatchesMetadata(Request("auto", null)));
    }

    [Theory]
    [InlineData("do not route this", 0, true)]
    [InlineData("do not route this", 50_000, false)]
    [InlineData("do not route this", 99_983, true)]
    [InlineData("^/reset", 0, true)]
    [InlineData("^/reset", 99_993, false)]
    [InlineData("this$", 99_996, true)]
    public void MatchesPrompt_LongMessage_ReadsOnlyTheFirstAndLastWindow(string pattern, int at, bool matches)
    {
        var words = new StringBuilder(new string('x', 100_000));
        var cue = pattern.StartsWith('^') ? "/reset" : pattern.EndsWith('$') ? "this" : "do not route this";
        words.Remove(at, cue.Length).Insert(at, cue);
        var body = JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = words.ToString() } } });
        var rule = new CompiledRule { Id = "w", Pattern = new Regex(pattern, RegexOptions.None, CompiledRule.MatchTimeout) };

        Assert.Equal(matches, rule.MatchesPrompt(PromptView.Parse(Encoding.UTF8.GetBytes(body), "openai"), out var timedOut));
        Assert.False(timedOut);
    }

    [Fact]
    public void MatchesPrompt_TokensMediaTools()
    {
        var view = PromptView.Parse("""{"messages":[{"role":"user","content":"hello world"}],"tools":[{"type":"function","function":{"name":"f"}}]}"""u8, "openai");

        Assert.True(new CompiledRule { Id = "t", When = new() { HasTools = true, HasMedia = false } }.MatchesPrompt(view, out _));
        Assert.False(new CompiledRule { Id = "t", When = new() { HasTools = false } }.MatchesPrompt(view, out _));
        Assert.False(new CompiledRule { Id = "t", When = new() { MinTokens = 1000 } }.MatchesPrompt(view, out _));
        Assert.True(new CompiledRule { Id = "t", When = new() { MaxTokens = 1000 } }.MatchesPrompt(view, out _));
    }

    [Theory]
    [InlineData("/status", "/status", "")]
    [InlineData("  /use sonnet \n", "/use", "sonnet")]
    [InlineData("/use default", "/use", "default")]
    [InlineData("/use", "/use", "")]
    [InlineData("/use copilot/claude-sonnet-4.6", "/use", "copilot/claude-sonnet-4.6")]
    public void Parse_Commands(string text, string name, string argument)
    {
        Assert.Equal(new Commands.Command(name, argument), Commands.Parse(text));
    }

    [Theory]
    [InlineData("/use sonnet please")]
    [InlineData("please /use sonnet")]
    [InlineData("/user")]
    [InlineData("/statusx")]
    [InlineData("")]
    public void Parse_NotACommand_IsNull(string text)
    {
        Assert.Null(Commands.Parse(text));
    }

    [Fact]
    public void MayBeCommand_ByteScan()
    {
        Assert.True(Commands.MayBeCommand("""{"messages":[{"role":"user","content":"/use x"}]}"""u8));
        Assert.True(Commands.MayBeCommand("""{"messages":[{"role":"user","content":[{"type":"text","text":"/status"}]}]}"""u8));
        Assert.False(Commands.MayBeCommand("""{"messages":[{"role":"user","content":"use /use"}]}"""u8));
    }

    private static ChatRequest Request(string? model, string? source) => new()
    {
        Body = "{}"u8.ToArray(),
        Protocol = "openai",
        Model = model,
        Metadata = new RequestMetadata(source, null, null, null, null),
    };
}
