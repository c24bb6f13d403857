namespace Majordomo.Chat.Agents;

/// <summary>
/// OpenClaw (npm <c>openclaw</c>, captured from 2026.9.6): the user's text is prefixed
/// <c>[Fri 2026-12-04 18:27 UTC] </c>, the first turn ends with a <c>Runtime: agent=… | …</c> line,
/// every turn and tool result is followed by a user message holding only
/// <c>&lt;&lt;&lt;BEGIN_OPENCLAW_INTERNAL_CONTEXT&gt;&gt;&gt; … &lt;&lt;&lt;END_OPENCLAW_INTERNAL_CONTEXT&gt;&gt;&gt;</c>,
/// and an image a tool returned travels to OpenAI models as a user message
/// <c>Image(s) from tool result #1 (read):</c>. Its heartbeat run's prompt starts with
/// <see cref="HeartbeatPrompt"/>.
/// </summary>
internal sealed class OpenClawProfile : AgentProfile
{
    public const string BeginContext = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>";
    public const string EndContext = "<<<END_OPENCLAW_INTERNAL_CONTEXT>>>";

    /// <summary>The start of OpenClaw's default heartbeat prompt (and of the older one).</summary>
    public const string HeartbeatPrompt = "Follow the heartbeat monitor scratch context";
    private const string LegacyHeartbeatPrompt = "Read HEARTBEAT.md if it exists";
    private const string RuntimeLine = "Runtime: agent=";
    private const string ToolImages = "Image(s) from tool result #";

    public override string Name => "openclaw";

    public override string[] Markers { get; } = [BeginContext, RuntimeLine];

    public override bool MayWrapAtStart(ReadOnlySpan<char> text) => text.StartsWith('[') || text.StartsWith(ToolImages, StringComparison.Ordinal);

    public override string? Strip(string text)
    {
        var rest = RemoveBlocks(text, BeginContext, EndContext);
        var found = rest.Length != text.Length;

        if (rest.StartsWith(ToolImages, StringComparison.Ordinal))
        {
            // The caption of images a tool returned: part of that tool result, not something the user said.
            var lineEnd = rest.IndexOf('\n');
            rest = lineEnd < 0 ? "" : rest[(lineEnd + 1)..];
            found = true;
        }

        var trimmed = rest.AsSpan().TrimStart();
        if (TimestampLength(trimmed) is var stamp and > 0)
        {
            rest = trimmed[stamp..].ToString();
            found = true;
        }

        var runtime = rest.IndexOf(RuntimeLine, StringComparison.Ordinal);
        if (runtime >= 0 && (runtime == 0 || rest[runtime - 1] == '\n'))
        {
            var lineEnd = rest.IndexOf('\n', runtime);
            var line = lineEnd < 0 ? rest.AsSpan(runtime) : rest.AsSpan(runtime, lineEnd - runtime);
            if (line.Contains(" | session=", StringComparison.Ordinal))
            {
                rest = string.Concat(rest.AsSpan(0, runtime), lineEnd < 0 ? "" : rest.AsSpan(lineEnd + 1));
                found = true;
            }
        }

        return found ? rest.Trim() : null;
    }

    public override string? SourceOf(string words) =>
        words.StartsWith(HeartbeatPrompt, StringComparison.Ordinal) || words.StartsWith(LegacyHeartbeatPrompt, StringComparison.Ordinal)
            ? "heartbeat"
            : null;

    // "[Fri 2026-12-04 18:27 UTC] ": a weekday, an ISO date and a time in brackets, then a space.
    private static int TimestampLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 20 || text[0] != '[' || text[4] != ' ')
        {
            return 0;
        }

        var close = text[..Math.Min(text.Length, 48)].IndexOf("] ");
        if (close < 16)
        {
            return 0;
        }

        var date = text.Slice(5, 10);
        for (var i = 0; i < date.Length; i++)
        {
            var ok = i is 4 or 7 ? date[i] == '-' : char.IsAsciiDigit(date[i]);
            if (!ok)
            {
                return 0;
            }
        }

        return close + 2;
    }
}
