using System.Globalization;
using System.Text;
using Majordomo.Budgets;
using Majordomo.Chat;

namespace Majordomo.Routing;

/// <summary>
/// Built-in commands (SPEC §1.1): <c>/use &lt;name&gt;</c>, <c>/use default</c> and <c>/status</c> as the
/// whole last user message. Detection is a vectorised byte search of the body first, so requests
/// that cannot hold a command never parse the prompt for it.
/// </summary>
internal static class Commands
{
    public const string Use = "/use";
    public const string Status = "/status";

    public readonly record struct Command(string Name, string Argument);

    /// <summary>
    /// Cheap pre-check on the raw body: a JSON string starting with <c>/use</c> or <c>/status</c>, or
    /// one where an agent's envelope puts it (OpenClaw's <c>[… UTC] /use</c>, Claude Code's
    /// <c>&lt;command-name&gt;/use</c>); the user's words then decide (SPEC §1.10).
    /// </summary>
    public static bool MayBeCommand(ReadOnlySpan<byte> body) => StartsText(body, "/use"u8) || StartsText(body, "/status"u8);

    // Some occurrence of the command preceded by a string's opening quote, "] " or '>'.
    private static bool StartsText(ReadOnlySpan<byte> body, ReadOnlySpan<byte> command)
    {
        var offset = 0;
        while (body[offset..].IndexOf(command) is var i and >= 0)
        {
            var at = offset + i;
            if (at > 0 && (body[at - 1] is (byte)'"' or (byte)'>' || (at > 1 && body[at - 1] == ' ' && body[at - 2] == ']')))
            {
                return true;
            }

            offset = at + command.Length;
        }

        return false;
    }

    /// <summary>The command in a last user message, or null when the message is not exactly a command.</summary>
    public static Command? Parse(ReadOnlySpan<char> lastUserText)
    {
        var text = lastUserText.Trim();
        if (text.Equals(Status, StringComparison.Ordinal))
        {
            return new Command(Status, "");
        }

        if (text.Equals(Use, StringComparison.Ordinal))
        {
            return new Command(Use, "");
        }

        if (text.StartsWith(Use + " ", StringComparison.Ordinal) || text.StartsWith(Use + "\t", StringComparison.Ordinal))
        {
            var argument = text[Use.Length..].Trim();

            // One name: "/use sonnet please" is a sentence, not a command.
            return argument.ContainsAny(' ', '\n', '\t') ? null : new Command(Use, argument.ToString());
        }

        return null;
    }

    public static string PinnedText(Catalog.Catalog catalog, string target)
    {
        var what = catalog.Routes.TryGetValue(target, out var route)
            ? route.Smart ? $"route '{target}' (smart routing)" : $"route '{target}' ({string.Join(" → ", route.Chain.Select(c => c.Model.Id))})"
            : catalog.Aliases.TryGetValue(target, out var model) ? $"alias '{target}' ({model.Id})" : $"model '{target}'";
        return $"Pinned this session to {what}. Requests without a specific model now go there; send /use default to clear the pin.";
    }

    public static string StatusText(Catalog.Catalog catalog, string session, ChatRequest request, string? pin, DegradationLevel degradation)
    {
        var sb = new StringBuilder(256);
        sb.Append("Majordomo status").Append('\n');
        sb.Append("Session: ").Append(session).Append(request.Metadata.Session is null ? " (derived from the conversation)" : "").Append('\n');
        sb.Append("Pin: ").Append(pin is null ? "none" : pin).Append('\n');
        var current = pin ?? (request.Metadata.Kind is { } kind && catalog.Kinds.TryGetValue(kind, out var k) ? k : null) ?? catalog.DefaultRoute;
        sb.Append("Current route: ").Append(current ?? "none (requests must name a model)");
        if (current is not null && catalog.Routes.TryGetValue(current, out var route) && route.Smart)
        {
            sb.Append(" (smart: rules, classifier, selection)");
        }

        sb.Append('\n');
        sb.Append("Degradation: ").Append(degradation.Name)
            .Append(" (quota/budget usage ").Append((degradation.Usage * 100).ToString("0.#", CultureInfo.InvariantCulture)).Append("%)");
        if (degradation.MaxTier is { } maxTier)
        {
            sb.Append(", max tier ").Append(maxTier);
        }

        if (degradation.LocalOnly)
        {
            sb.Append(", local models only");
        }

        if (degradation.PreferCheaper)
        {
            sb.Append(", preferring cheaper models");
        }

        return sb.ToString();
    }
}
