using System.Buffers;

namespace Majordomo.Chat.Agents;

/// <summary>
/// The built-in agent profiles (SPEC §1.10) in one place: the user's own words of a user message
/// (for commands, rule patterns and the classifier), whether it holds only bookkeeping (for the loop
/// guard), and the source an agent's own prompt shows (OpenClaw's heartbeat). The body itself is never
/// changed: upstreams get what the client sent.
/// </summary>
internal static class AgentProfiles
{
    private static readonly AgentProfile[] All = [new OpenClawProfile(), new ClaudeCodeProfile(), new CodexProfile()];

    // Every profile's markers, looked for in one pass (a long message: seven searches of 80,000 characters cost ~20 µs).
    private static readonly SearchValues<string> Markers = SearchValues.Create([.. All.SelectMany(p => p.Markers)], StringComparison.Ordinal);

    /// <summary>The user's words of one user message's text (its text parts joined by newlines).</summary>
    public static AgentText Read(string text)
    {
        string? agent = null;
        var words = text;
        foreach (var profile in All)
        {
            if (profile.MayWrap(words) && profile.Strip(words) is { } stripped)
            {
                agent ??= profile.Name;
                words = stripped;
            }
        }

        if (agent is null)
        {
            return new AgentText(text, null, false, null);
        }

        string? source = null;
        foreach (var profile in All)
        {
            source ??= profile.SourceOf(words);
        }

        return new AgentText(words, agent, words.Length == 0, source);
    }

    /// <summary>Whether any profile's envelope may wrap <paramref name="text"/> (false: <see cref="Read"/> would return it as is).</summary>
    public static bool MayWrap(ReadOnlySpan<char> text)
    {
        foreach (var profile in All)
        {
            if (profile.MayWrapAtStart(text))
            {
                return true;
            }
        }

        return text.ContainsAny(Markers);
    }

    /// <summary>
    /// Cheap test on the raw body before anything is parsed: may it hold an agent's heartbeat prompt as
    /// the start of a JSON string (a user message), not quoted inside a system prompt?
    /// </summary>
    public static bool MayBeHeartbeat(ReadOnlySpan<byte> body) =>
        body.IndexOf("\"Follow the heartbeat monitor scratch context"u8) >= 0 || body.IndexOf("\"Read HEARTBEAT.md if it exists"u8) >= 0;

    /// <summary>
    /// Cheap test on a message's raw JSON content: may it be bookkeeping only? True only when it holds
    /// a marker of an envelope that comes as a message of its own.
    /// </summary>
    public static bool MayBeBookkeeping(ReadOnlySpan<byte> content) =>
        content.IndexOf("OPENCLAW_INTERNAL_CONTEXT"u8) >= 0 || content.IndexOf("Image(s) from tool result #"u8) >= 0 ||
        content.IndexOf("environment_context"u8) >= 0 || content.IndexOf("system-reminder"u8) >= 0;

    /// <summary>
    /// True when a user message's raw JSON <c>content</c> (a string or an array of parts) holds only an
    /// agent's bookkeeping: the loop guard keeps the running task's tool history across it (SPEC §1.8).
    /// </summary>
    public static bool IsBookkeeping(ReadOnlySpan<byte> content)
    {
        if (!MayBeBookkeeping(content))
        {
            return false;
        }

        var text = new System.Text.StringBuilder();
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(content);
            reader.Read();
            if (reader.TokenType == System.Text.Json.JsonTokenType.String)
            {
                text.Append(reader.GetString());
            }
            else if (reader.TokenType == System.Text.Json.JsonTokenType.StartArray)
            {
                var depth = reader.CurrentDepth;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.CurrentDepth == depth + 2 && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.ValueTextEquals("text"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == System.Text.Json.JsonTokenType.String)
                        {
                            text.Append(text.Length > 0 ? "\n" : "").Append(reader.GetString());
                        }
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        return Read(text.ToString()).Bookkeeping;
    }
}
