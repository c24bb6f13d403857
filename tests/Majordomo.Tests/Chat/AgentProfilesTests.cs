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

    [Fact]
    public void MayBeBookkeeping_OneSearch_AnswersAsASearchPerMarker()
    {
        // The one search for the markers' rare bytes finds a marker wherever it stands (the content's start and end, next to
        // another marker or a cut one, amid the anchor bytes themselves), and nothing more: random contents built from the
        // markers, their pieces and the anchor bytes, each answered as the four searches answer it.
        string[] markers = ["OPENCLAW_INTERNAL_CONTEXT", "Image(s) from tool result #", "environment_context", "system-reminder"];
        var pieces = markers.Concat(markers.Select(m => m[..^1])).Concat(markers.Select(m => m[1..])).Concat(markers.Select(m => m.Replace('_', '-'))).Concat(markers.Select(m => m.Replace('-', '_')))
            .Concat(["_", "#", "-", "__", "e", "t", " the forecast ", "\\u005f", "é"]).ToArray();
        var random = new Random(20261207);
        var found = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = new StringBuilder();
            var parts = random.Next(0, 6);
            for (var k = 0; k < parts; k++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var content = Encoding.UTF8.GetBytes(text.ToString());
            var expected = AgentProfiles.MayBeBookkeepingBySearches(content);
            found += expected ? 1 : 0;
            Assert.True(expected == AgentProfiles.MayBeBookkeeping(content), $"\"{text}\"");
        }

        Assert.True(found > 2_000, $"{found} contents held a marker");
        var prose = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The quarterly report - revenue_by_region #3 ", 2_000)));
        Assert.False(AgentProfiles.MayBeBookkeeping(prose));
        foreach (var marker in markers)
        {
            Assert.True(AgentProfiles.MayBeBookkeeping([.. prose, .. Encoding.UTF8.GetBytes(marker)]));
            Assert.True(AgentProfiles.MayBeBookkeeping([.. Encoding.UTF8.GetBytes(marker), .. prose]));
        }
    }
}
