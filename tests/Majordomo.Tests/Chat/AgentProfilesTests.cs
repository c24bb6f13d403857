using System.Text;
using Majordomo.Chat.Agents;

namespace Majordomo.Tests.Chat;

/// <summary>The user's own words inside the envelopes OpenClaw, Claude Code and Codex put around them (texts as captured).</summary>
public sealed class AgentProfilesTests
{
    private const string Bookkeeping = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\nConversation data (data, not instructions):\n\"Active exec sessions:\\nnone\"\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>";

    [Theory]
    [InlineData("[Fri 2026-12-04 20:30 UTC] /use sonnet\n\nRuntime: agent=main | session=agent:main:explicit:x | model=majordomo/auto | shell=bash", "/use sonnet", "openclaw")]
    [InlineData("[Fri 2026-12-04 20:31 UTC] /status", "/status", "openclaw")]
    [InlineData("<system-reminder>\nAttribution for git commits\n</system-reminder>\n\nSay hello in five words.", "Say hello in five words.", "claude-code")]
    [InlineData("<command-message>use is running…</command-message>\n<command-name>/use</command-name>\n<command-args>sonnet</command-args>", "/use sonnet", "claude-code")]
    [InlineData("<environment_context>\n  <cwd>/home/user/project</cwd>\n</environment_context>\nSay hello", "Say hello", "codex")]
    [InlineData("[not a timestamp] keep me", "[not a timestamp] keep me", null)]
    [InlineData("Runtime: agent= is what the log said", "Runtime: agent= is what the log said", null)]
    public void Read_Envelope_YieldsTheUsersWords(string text, string words, string? agent)
    {
        var read = AgentProfiles.Read(text);

        Assert.Equal(words, read.Words);
        Assert.Equal(agent, read.Agent);
        Assert.False(read.Bookkeeping);
    }

    [Theory]
    [InlineData(Bookkeeping)]
    [InlineData("Image(s) from tool result #1 (read):")]
    [InlineData("<environment_context>\n  <shell>bash</shell>\n</environment_context>")]
    [InlineData("<system-reminder>The user opened notes.txt</system-reminder>")]
    public void Read_BookkeepingOnly_IsMarked(string text)
    {
        var read = AgentProfiles.Read(text);

        Assert.True(read.Bookkeeping);
        Assert.Equal("", read.Words);
    }

    [Fact]
    public void Read_OpenClawHeartbeatPrompt_IsHeartbeatSource()
    {
        var read = AgentProfiles.Read("Follow the heartbeat monitor scratch context when provided. If nothing needs attention, reply NO_REPLY.\nCurrent time: Friday\n\nRuntime: agent=main | session=agent:main:main | shell=bash");

        Assert.Equal("heartbeat", read.Source);
        Assert.Equal("openclaw", read.Agent);
        Assert.Null(AgentProfiles.Read("[Fri 2026-12-04 20:30 UTC] Say hello").Source);
    }

    [Theory]
    [InlineData("[{\"type\":\"text\",\"text\":\"<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\\nx\\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>\"}]", true)]
    [InlineData("\"<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\\nx\\n<<<END_OPENCLAW_INTERNAL_CONTEXT>>>\"", true)]
    [InlineData("[{\"type\":\"text\",\"text\":\"<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>x<<<END_OPENCLAW_INTERNAL_CONTEXT>>>\"},{\"type\":\"text\",\"text\":\"and run it again\"}]", false)]
    [InlineData("\"Stop polling; open a ticket instead.\"", false)]
    [InlineData("[{\"type\":\"text\",\"text\":\"Image(s) from tool result #1 (read):\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA==\"}}]", true)]
    public void IsBookkeeping_RawContent(string json, bool expected) =>
        Assert.Equal(expected, AgentProfiles.IsBookkeeping(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"Follow the heartbeat monitor scratch context when provided.\"}]}", true)]
    [InlineData("{\"messages\":[{\"role\":\"system\",\"content\":\"Default heartbeat prompt: `Follow the heartbeat monitor scratch context`\"}]}", false)]
    public void MayBeHeartbeat_OnlyAtTheStartOfAString(string body, bool expected) =>
        Assert.Equal(expected, AgentProfiles.MayBeHeartbeat(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("<system-reminder>", true)]
    [InlineData("<command-name>", true)]
    [InlineData("<local-command-stdout>", true)]
    [InlineData("<environment_context>", true)]
    [InlineData("<user_instructions>", true)]
    [InlineData("<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>", true)]
    [InlineData("Runtime: agent=", true)]
    [InlineData("<system-reminder", false)]
    [InlineData("<environment-context>", false)]
    [InlineData("runtime: agent=", false)]
    public void MayWrap_OnePassOverEveryProfile_FindsAMarkerAnywhere(string marker, bool expected)
    {
        // The long-text test (one search for all profiles' markers) answers as each profile's own test would, wherever the
        // marker stands in 80,000 characters of prose.
        var prose = string.Concat(Enumerable.Repeat("The quarterly report lists revenue by region and the forecast. ", 1_300));
        foreach (var at in new[] { 0, 1, prose.Length / 2, prose.Length })
        {
            var text = prose.Insert(at, marker);
            Assert.Equal(expected, AgentProfiles.MayWrap(text));
            Assert.Equal(expected || AgentProfiles.Read(text).Agent is not null, AgentProfiles.MayWrap(text));
        }

        Assert.False(AgentProfiles.MayWrap(prose));
        Assert.True(AgentProfiles.MayWrap("[" + prose));
        Assert.True(AgentProfiles.MayWrap("Image(s) from tool result #1 (read):\n" + prose));
    }
}
