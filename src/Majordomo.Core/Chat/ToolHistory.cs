using System.Buffers;
using System.Text.Json;

namespace Majordomo.Chat;

/// <summary>
/// One tool call of the conversation: a canonical hash of name + normalised arguments, the hash of
/// its result (0 and <see cref="HasResult"/> false until a result names it), and where its name is
/// in the body (for the injected message; never copied unless a loop is reported). A call the ingress
/// parse noted (<see cref="Pending"/>) holds where its arguments and result are instead of their hashes,
/// which <see cref="ToolHistory.Window"/> takes only for the calls the loop guard looks at.
/// </summary>
internal struct ToolCall
{
    public ulong Call;
    public ulong Result;
    public ulong Id;
    public bool HasResult;
    public int NameStart;
    public int NameLength;

    /// <summary>Noted by position only: <see cref="Call"/> and <see cref="Result"/> are not hashed yet.</summary>
    internal bool Pending;

    /// <summary>The arguments are an Anthropic <c>input</c> value (hashed as JSON), not OpenAI <c>arguments</c> (JSON text in a string).</summary>
    internal bool InputValue;

    internal bool ResultIsError;

    /// <summary>The arguments' value in the body (quotes included); length 0 when absent.</summary>
    internal JsonSpan Arguments;

    /// <summary>The result's value in the body (quotes included); length 0 when it has none to hash.</summary>
    internal JsonSpan ResultValue;
}

/// <summary>
/// The tool calls of a conversation since its last user turn, in order, plus the byte positions an
/// injected system message needs. Filled by the one reading of the body (<see cref="PromptView"/>),
/// in either protocol; the loop guard reads it from <see cref="PromptView.Tools"/>.
/// </summary>
internal sealed partial class ToolHistory : IDisposable
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

    /// <summary>
    /// One OpenAI <c>tool_calls</c> element (the reader on its <c>{</c>; left on its <c>}</c>): hashed now, or when
    /// <paramref name="pending"/> (the ingress parse) noted by position for <see cref="Window"/> to hash.
    /// </summary>
    internal void ReadOpenAICall(ref BodyReader reader, bool pending = false)
    {
        ulong id = 0, name = 0, arguments = 0;
        int nameStart = 0, nameLength = 0;
        var argumentsValue = default(JsonSpan);
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
                        name = ReadName(ref reader, out nameStart, out nameLength, hash: !pending);
                    }
                    else if (reader.ValueTextEquals("arguments"u8))
                    {
                        reader.Read();
                        if (pending)
                        {
                            argumentsValue = ValueAt(ref reader);
                        }
                        else
                        {
                            arguments = Arguments(ref reader);
                        }
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
        if (name != 0 && pending)
        {
            AddPending(id, nameStart, nameLength, argumentsValue, inputValue: false);
        }
        else if (name != 0)
        {
            Add(StableHash.Combine(name, arguments), id, nameStart, nameLength);
        }
    }

    /// <summary>An id (the reader on its value; left on its end): the hash of a string, 0 for any other value.</summary>
    internal static ulong ReadId(ref BodyReader reader)
    {
        var id = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : 0;
        reader.Skip();
        return id;
    }

    /// <summary>
    /// A tool's name (the reader on its value): its hash (1 when <paramref name="hash"/> is false: noted by position
    /// only) and where it stands in the body; 0 when no string.
    /// </summary>
    internal static ulong ReadName(ref BodyReader reader, out int start, out int length, bool hash = true)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            start = length = 0;
            return 0;
        }

        start = (int)reader.TokenStartIndex + 1;
        length = reader.ValueSpan.Length;
        return hash ? StableHash.Bytes(reader.ValueSpan) : 1;
    }

    internal void Add(ulong call, ulong id, int nameStart, int nameLength) =>
        Next() = new ToolCall { Call = call, Id = id, NameStart = nameStart, NameLength = nameLength };

    // The calls live in a pooled array (an agent's long conversation holds hundreds), returned when the request is done.
    private ref ToolCall Next()
    {
        _calls ??= ArrayPool<ToolCall>.Shared.Rent(16);
        if (Count == _calls.Length)
        {
            var larger = ArrayPool<ToolCall>.Shared.Rent(Count * 2);
            _calls.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<ToolCall>.Shared.Return(_calls);
            _calls = larger;
        }

        return ref _calls[Count++];
    }

    /// <summary>Returns the pooled array of calls (the request or view is done); the history reads as empty afterwards.</summary>
    public void Dispose()
    {
        if (_calls is { } calls)
        {
            _calls = null;
            Count = 0;
            ArrayPool<ToolCall>.Shared.Return(calls);
        }
    }

    // Results follow their calls closely; a result naming no known call (or one already answered) is ignored.
    internal void Attach(ulong id, ulong result)
    {
        if (Unanswered(id) is { } i)
        {
            ref var call = ref _calls![i];
            call.Result = result;
            call.HasResult = true;
        }
    }

    private int? Unanswered(ulong id)
    {
        for (var i = Count - 1; _calls is not null && i >= 0 && i >= Count - 256; i--)
        {
            if (_calls[i].Id == id && !_calls[i].HasResult)
            {
                return i;
            }
        }

        return null;
    }

    // OpenAI arguments are JSON text inside a JSON string; a few clients send the object itself.
    internal static ulong Arguments(ref BodyReader reader)
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
