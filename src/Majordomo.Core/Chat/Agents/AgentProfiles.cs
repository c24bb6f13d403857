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

    // The envelopes that come as a message of their own, each with where it holds its first byte of BookkeepingAnchors.
    private static readonly SearchValues<byte> BookkeepingAnchors = SearchValues.Create("_#-"u8);
    private static readonly (byte[] Marker, int Anchor)[] BookkeepingMarkers =
        [.. new[] { "OPENCLAW_INTERNAL_CONTEXT", "Image(s) from tool result #", "environment_context", "system-reminder" }
            .Select(m => System.Text.Encoding.ASCII.GetBytes(m)).Select(m => (m, m.AsSpan().IndexOfAny(BookkeepingAnchors)))];

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
    public static bool MayBeBookkeeping(ReadOnlySpan<byte> content)
    {
        // One search for a byte each marker holds and prose seldom does; a hit is compared with the markers that hold that
        // byte there. (Four searches, one a marker, cost ~20 us on 80 kB of prose: a search looks first for the marker's
        // first and last bytes at their distance, and "environment_context" opens with "e" and ends with "t".)
        for (var from = 0; from < content.Length;)
        {
            var hit = content[from..].IndexOfAny(BookkeepingAnchors);
            if (hit < 0)
            {
                return false;
            }

            var at = from + hit;
            foreach (var (marker, anchor) in BookkeepingMarkers)
            {
                if (marker[anchor] == content[at] && at >= anchor && content[(at - anchor)..].StartsWith(marker))
                {
                    return true;
                }
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>What <see cref="MayBeBookkeeping"/> answers, by one search of the content per marker (tests compare the two).</summary>
    internal static bool MayBeBookkeepingBySearches(ReadOnlySpan<byte> content)
    {
        foreach (var (marker, _) in BookkeepingMarkers)
        {
            if (content.IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

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
