using System.Buffers;
using System.Text.Json;

namespace Majordomo.Chat;

/// <summary>
/// One tool call of the conversation: a canonical hash of name + normalised arguments, the hash of
/// its result (0 and <see cref="HasResult"/> false until a result names it), and where its name is
/// in the body (for the injected message; never copied unless a loop is reported).
/// </summary>
internal struct ToolCall
{
    public ulong Call;
    public ulong Result;
    public ulong Id;
    public bool HasResult;
    public int NameStart;
    public int NameLength;
}

/// <summary>
/// The tool calls of a conversation since its last user turn, in order, plus the byte positions an
/// injected system message needs. Filled by the one reading of the body (<see cref="PromptView"/>),
/// in either protocol; the loop guard reads it from <see cref="PromptView.Tools"/>.
/// </summary>
internal sealed class ToolHistory
{
    private ToolCall[]? _calls;

    public int Count { get; private set; }

    /// <summary>Index of the closing <c>]</c> of <c>messages</c>; -1 when not found.</summary>
    public int MessagesEnd { get; internal set; } = -1;

    /// <summary>Index of the top-level <c>{</c>; -1 when the body is no object.</summary>
    public int ObjectStart { get; internal set; } = -1;

    /// <summary>Anthropic <c>system</c>: the value's first byte and length; -1 when absent.</summary>
    public int SystemStart { get; internal set; } = -1;

    public int SystemLength { get; internal set; }

    public JsonTokenType SystemKind { get; internal set; }

    public ReadOnlySpan<ToolCall> Calls => _calls is null ? [] : _calls.AsSpan(0, Count);

    /// <summary>
    /// False when <paramref name="body"/> cannot hold a tool call: neither <c>tool_calls</c> nor <c>tool_use</c>
    /// can be written without the bytes <c>tool_</c>, nor a Responses <c>function_call</c> item without those,
    /// unless an escape (<c>\u</c>) spells them. One vectorised search each, far cheaper than any reading.
    /// </summary>
    public static bool MayHoldCalls(ReadOnlySpan<byte> body) =>
        body.IndexOf("tool_"u8) >= 0 || body.IndexOf("function_call"u8) >= 0 || body.IndexOf("\\u"u8) >= 0;

    /// <summary>Whether a user turn cleared the history (the loop guard's tail read then needs nothing before it).</summary>
    public bool Restarted { get; private set; }

    /// <summary>A user turn starts a new task: what the agent did before it is not a loop of the current one.</summary>
    internal void Clear()
    {
        Count = 0;
        Restarted = true;
    }

    /// <summary>One OpenAI <c>tool_calls</c> element (the reader on its <c>{</c>; left on its <c>}</c>).</summary>
    internal void ReadOpenAICall(ref Utf8JsonReader reader)
    {
        ulong id = 0, name = 0, arguments = 0;
        int nameStart = 0, nameLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = ReadId(ref reader);
            }
            else if (reader.ValueTextEquals("function"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("name"u8))
                    {
                        reader.Read();
                        name = ReadName(ref reader, out nameStart, out nameLength);
                    }
                    else if (reader.ValueTextEquals("arguments"u8))
                    {
                        reader.Read();
                        arguments = Arguments(ref reader);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // A call without a name is no call a tool could have run; it cannot be part of a loop.
        if (name != 0)
        {
            Add(StableHash.Combine(name, arguments), id, nameStart, nameLength);
        }
    }

    /// <summary>An id (the reader on its value; left on its end): the hash of a string, 0 for any other value.</summary>
    internal static ulong ReadId(ref Utf8JsonReader reader)
    {
        var id = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : 0;
        reader.Skip();
        return id;
    }

    /// <summary>A tool's name (the reader on its value): its hash and where it stands in the body; 0 when no string.</summary>
    internal static ulong ReadName(ref Utf8JsonReader reader, out int start, out int length)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            start = length = 0;
            return 0;
        }

        start = (int)reader.TokenStartIndex + 1;
        length = reader.ValueSpan.Length;
        return StableHash.Bytes(reader.ValueSpan);
    }

    internal void Add(ulong call, ulong id, int nameStart, int nameLength)
    {
        _calls ??= new ToolCall[16];
        if (Count == _calls.Length)
        {
            Array.Resize(ref _calls, Count * 2);
        }

        _calls[Count++] = new ToolCall { Call = call, Id = id, NameStart = nameStart, NameLength = nameLength };
    }

    // Results follow their calls closely; a result naming no known call (or one already answered) is ignored.
    internal void Attach(ulong id, ulong result)
    {
        if (_calls is null)
        {
            return;
        }

        for (var i = Count - 1; i >= 0 && i >= Count - 256; i--)
        {
            ref var call = ref _calls[i];
            if (call.Id == id && !call.HasResult)
            {
                call.Result = result;
                call.HasResult = true;
                return;
            }
        }
    }

    // OpenAI arguments are JSON text inside a JSON string; a few clients send the object itself.
    internal static ulong Arguments(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return StableHash.Json(ref reader);
        }

        if (!reader.ValueIsEscaped)
        {
            return StableHash.JsonText(reader.ValueSpan);
        }

        var length = reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(buffer);
            return StableHash.JsonText(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
