namespace Majordomo.Chat.Agents;

/// <summary>
/// Codex (npm <c>@openai/codex</c>, captured from 0.171.0): a user message holding only
/// <c>&lt;environment_context&gt;…&lt;/environment_context&gt;</c> (cwd, shell, date, sandbox) precedes the
/// user's words; project instructions come as <c>&lt;user_instructions&gt;</c>. Both are bookkeeping.
/// </summary>
internal sealed class CodexProfile : AgentProfile
{
    public override string Name => "codex";

    public override string[] Markers { get; } = ["<environment_context>", "<user_instructions>"];

    public override string? Strip(string text)
    {
        var rest = RemoveBlocks(text, "<environment_context>", "</environment_context>");
        rest = RemoveBlocks(rest, "<user_instructions>", "</user_instructions>");
        return rest.Length != text.Length ? rest.Trim() : null;
    }
}
