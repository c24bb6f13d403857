using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.LoopGuard;

/// <summary>
/// Splices the loop guard's system message into the client's bytes without re-serialising them
/// (STYLE #4). OpenAI: a <c>system</c> message appended to <c>messages</c> — last, so the model reads it
/// right before its next step, and after every cached prefix (prompt caches stay valid). Anthropic:
/// appended to top-level <c>system</c> (string or text blocks), the only place that protocol takes one.
/// Responses: a <c>system</c> message item appended to <c>input</c>, read like <c>messages</c>.
/// </summary>
internal static class LoopInjection
{
    public const string Marker = "[Majordomo loop guard]";

    public static string Message(LoopVerdict verdict)
    {
        var recent = verdict.ToolName is { Length: > 0 } name ? $" (most recently '{name}')" : "";
        return verdict.Level == LoopLevel.Critical
            ? string.Create(CultureInfo.InvariantCulture,
                $"{Marker} STOP. You are stuck in a loop: your last {verdict.Count} tool calls{recent} repeated calls you had already made, with the same arguments, and got nothing new back. Do not make those calls again. Change your approach now: use a different tool or different arguments, work with the results you already have, or stop and tell the user what you tried and what is blocking you. If the loop goes on, this session's requests will be refused at {verdict.BreakerThreshold} repeated calls.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{Marker} You are repeating yourself: your last {verdict.Count} tool calls{recent} repeated calls you had already made, with the same arguments, and the results did not change. Calling them again will not give a different answer. Use what you already have, try a different approach, or tell the user what is blocking you.");
    }

    /// <summary>The client's body with the warning or critical message added; the body itself when the verdict adds nothing.</summary>
    public static byte[] Inject(ReadOnlySpan<byte> body, LoopVerdict verdict, string protocol)
    {
        if (verdict.Level is not (LoopLevel.Warning or LoopLevel.Critical))
        {
            return body.ToArray();
        }

        var text = Message(verdict);
        return protocol == PromptView.AnthropicProtocol ? AnthropicSystem(body, verdict, text) : OpenAIMessage(body, verdict, text);
    }

    private static byte[] OpenAIMessage(ReadOnlySpan<byte> body, LoopVerdict verdict, string text)
    {
        if (verdict.MessagesEnd < 0)
        {
            return body.ToArray();
        }

        var insert = new ArrayBufferWriter<byte>(text.Length + 48);
        if (verdict.MessageCount > 0)
        {
            insert.Write(","u8);
        }

        insert.Write("{\"role\":\"system\",\"content\":"u8);
        WriteString(insert, text);
        insert.Write("}"u8);
        return Splice(body, verdict.MessagesEnd, verdict.MessagesEnd, insert.WrittenSpan);
    }

    private static byte[] AnthropicSystem(ReadOnlySpan<byte> body, LoopVerdict verdict, string text)
    {
        var insert = new ArrayBufferWriter<byte>(text.Length + 48);
        if (verdict.SystemStart < 0)
        {
            if (verdict.ObjectStart < 0)
            {
                return body.ToArray();
            }

            insert.Write("\"system\":"u8);
            WriteString(insert, text);
            var afterBrace = verdict.ObjectStart + 1;
            var empty = body[afterBrace..].TrimStart(" \t\r\n"u8) is [(byte)'}', ..];
            if (!empty)
            {
                insert.Write(","u8);
            }

            return Splice(body, afterBrace, afterBrace, insert.WrittenSpan);
        }

        var start = verdict.SystemStart;
        var end = start + verdict.SystemLength;
        switch (verdict.SystemKind)
        {
            case JsonTokenType.String:
                {
                    // Inside the closing quote: the client's text stays byte for byte, ours follows it.
                    WriteString(insert, "\n\n" + text);
                    var escaped = insert.WrittenSpan[1..^1];
                    return Splice(body, end - 1, end - 1, escaped);
                }

            case JsonTokenType.StartArray:
                {
                    var close = end - 1;
                    var empty = body[(start + 1)..close].Trim(" \t\r\n"u8).IsEmpty;
                    insert.Write(empty ? "{\"type\":\"text\",\"text\":"u8 : ",{\"type\":\"text\",\"text\":"u8);
                    WriteString(insert, text);
                    insert.Write("}"u8);
                    return Splice(body, close, close, insert.WrittenSpan);
                }

            default:
                // null (or a shape the upstream will refuse anyway): replaced by our text.
                WriteString(insert, text);
                return Splice(body, start, end, insert.WrittenSpan);
        }
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStringValue(value);
    }

    private static byte[] Splice(ReadOnlySpan<byte> body, int from, int to, ReadOnlySpan<byte> insert)
    {
        var output = new byte[body.Length - (to - from) + insert.Length];
        body[..from].CopyTo(output);
        insert.CopyTo(output.AsSpan(from));
        body[to..].CopyTo(output.AsSpan(from + insert.Length));
        return output;
    }

    internal static string? DecodeName(ReadOnlySpan<byte> raw) =>
        raw.IsEmpty || raw.Length > 200 || raw.IndexOf((byte)'\\') >= 0 ? null : Encoding.UTF8.GetString(raw);
}
