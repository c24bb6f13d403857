namespace Majordomo.Chat.Agents;

/// <summary>
/// What one user message says once the known agent envelopes are removed (SPEC §1.10).
/// </summary>
/// <param name="Words">The user's own words (the message itself when no envelope was found).</param>
/// <param name="Agent">The profile whose envelope was found (<c>openclaw</c>, <c>claude-code</c>, <c>codex</c>), or null.</param>
/// <param name="Bookkeeping">True when the message held only an agent's bookkeeping: not a new user turn.</param>
/// <param name="Source">The routing source the envelope shows (<c>heartbeat</c>), or null.</param>
internal readonly record struct AgentText(string Words, string? Agent, bool Bookkeeping, string? Source);

/// <summary>
/// One agent's envelope: how it wraps what the user typed. A profile removes its own wrapping from a
/// user message's text and says what the rest shows (a heartbeat run). Profiles are pure and stateless;
/// <see cref="AgentProfiles"/> runs them all.
/// </summary>
internal abstract class AgentProfile
{
    public abstract string Name { get; }

    /// <summary>
    /// Strings whose presence anywhere in a text means this agent's envelope may wrap it (<see cref="AgentProfiles"/>
    /// looks for every profile's in one pass over a long text).
    /// </summary>
    public abstract string[] Markers { get; }

    /// <summary>Whether the start of <paramref name="text"/> shows this agent's envelope may wrap it (besides <see cref="Markers"/>).</summary>
    public virtual bool MayWrapAtStart(ReadOnlySpan<char> text) => false;

    /// <summary>Cheap test: may <paramref name="text"/> carry this agent's envelope at all?</summary>
    public bool MayWrap(ReadOnlySpan<char> text)
    {
        if (MayWrapAtStart(text))
        {
            return true;
        }

        foreach (var marker in Markers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with this agent's envelope removed; null when nothing of it was found.</summary>
    public abstract string? Strip(string text);

    /// <summary>The routing source the user's words show for this agent (e.g. its heartbeat prompt), or null.</summary>
    public virtual string? SourceOf(string words) => null;

    /// <summary>Removes every <paramref name="open"/> … <paramref name="close"/> block (an unclosed one runs to the end).</summary>
    protected static string RemoveBlocks(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var from = 0;
        while (start >= 0)
        {
            sb.Append(text, from, start - from);
            var end = text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
            from = end < 0 ? text.Length : end + close.Length;
            start = from < text.Length ? text.IndexOf(open, from, StringComparison.Ordinal) : -1;
        }

        sb.Append(text, from, text.Length - from);
        return sb.ToString();
    }

    /// <summary>The inner text of the first <paramref name="open"/> … <paramref name="close"/> block, or null.</summary>
    protected static string? Inner(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text.IndexOf(close, start, StringComparison.Ordinal);
        return end < 0 ? null : text[start..end];
    }
}
