namespace Majordomo.Chat.Agents;

/// <summary>
/// Claude Code (npm <c>@anthropic-ai/claude-code</c>, captured from 2.1.332): the first user message
/// starts with <c>&lt;system-reminder&gt;</c> blocks (attribution, context) before the user's words, and
/// slash commands travel as <c>&lt;command-name&gt;/x&lt;/command-name&gt;&lt;command-args&gt;…&lt;/command-args&gt;</c>
/// (with a <c>&lt;command-message&gt;</c> echo and <c>&lt;local-command-stdout&gt;</c> output): the user's
/// words for a command are the name and its arguments.
/// </summary>
internal sealed class ClaudeCodeProfile : AgentProfile
{
    private const string ReminderOpen = "<system-reminder>";
    private const string ReminderClose = "</system-reminder>";
    private const string CommandName = "<command-name>";

    public override string Name => "claude-code";

    public override string[] Markers { get; } = [ReminderOpen, CommandName, "<local-command-"];

    public override string? Strip(string text)
    {
        var rest = RemoveBlocks(text, ReminderOpen, ReminderClose);
        var found = rest.Length != text.Length;
        if (Inner(rest, CommandName, "</command-name>") is { } name)
        {
            var args = Inner(rest, "<command-args>", "</command-args>")?.Trim();
            return string.IsNullOrEmpty(args) ? name.Trim() : name.Trim() + " " + args;
        }

        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[
            ("<local-command-stdout>", "</local-command-stdout>"), ("<local-command-stderr>", "</local-command-stderr>"),
            ("<local-command-caveat>", "</local-command-caveat>")])
        {
            var before = rest.Length;
            rest = RemoveBlocks(rest, open, close);
            found |= rest.Length != before;
        }

        return found ? rest.Trim() : null;
    }
}
