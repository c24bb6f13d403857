using System.Buffers;
using System.Text.Json;
using Majordomo.Chat.Agents;

namespace Majordomo.LoopGuard;

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
/// The tool calls of a conversation since its last user turn, in order, read in one
/// <see cref="Utf8JsonReader"/> pass from either protocol's body, plus the byte positions an
/// injected system message needs. The call array is pooled: dispose the history.
/// </summary>
internal struct ToolHistory : IDisposable
{
    private ToolCall[]? _calls;

    public int Count { get; private set; }

    /// <summary>Index of the closing <c>]</c> of <c>messages</c>; -1 when not found.</summary>
    public int MessagesEnd { get; private set; }

    public int MessageCount { get; private set; }

    /// <summary>Index of the top-level <c>{</c>.</summary>
    public int ObjectStart { get; private set; }

    /// <summary>Anthropic <c>system</c>: the value's first byte and length; -1 when absent.</summary>
    public int SystemStart { get; private set; }

    public int SystemLength { get; private set; }

    public JsonTokenType SystemKind { get; private set; }

    /// <summary>False when the body could not be read to its end; what was read is still usable.</summary>
    public bool Complete { get; private set; }

    public readonly ReadOnlySpan<ToolCall> Calls => _calls is null ? [] : _calls.AsSpan(0, Count);

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 128, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads the body; never throws (malformed input yields what was read before the fault).</summary>
    public static ToolHistory Read(ReadOnlySpan<byte> body)
    {
        var history = new ToolHistory { MessagesEnd = -1, SystemStart = -1, ObjectStart = -1 };
        try
        {
            var reader = new Utf8JsonReader(body, Options);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                history.ObjectStart = (int)reader.TokenStartIndex;
                history.ReadTop(ref reader, body);
                history.Complete = true;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return history;
    }

    public void Dispose()
    {
        if (_calls is { } calls)
        {
            _calls = null;
            ArrayPool<ToolCall>.Shared.Return(calls);
        }
    }

    private void ReadTop(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("messages"u8) || reader.ValueTextEquals("input"u8))
            {
                // Responses `input` items read like messages: function_call / function_call_output items are the calls.
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadMessages(ref reader, body);
                    MessagesEnd = (int)reader.TokenStartIndex;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("system"u8))
            {
                reader.Read();
                SystemKind = reader.TokenType;
                SystemStart = (int)reader.TokenStartIndex;
                reader.Skip();
                SystemLength = (int)reader.BytesConsumed - SystemStart;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadMessages(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            MessageCount++;
            var role = Role.Other;
            ulong toolCallId = 0;
            ulong content = 0;
            var hasContent = false;
            var bookkeeping = false;
            var toolResults = 0;
            var item = default(ResponsesItem);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (item.Read(ref reader))
                {
                }
                else if (reader.ValueTextEquals("role"u8))
                {
                    reader.Read();
                    role = reader.TokenType != JsonTokenType.String ? Role.Other
                        : reader.ValueTextEquals("user"u8) ? Role.User
                        : reader.ValueTextEquals("tool"u8) ? Role.Tool
                        : Role.Other;
                }
                else if (reader.ValueTextEquals("tool_calls"u8))
                {
                    reader.Read();
                    ReadOpenAIToolCalls(ref reader, body);
                }
                else if (reader.ValueTextEquals("tool_call_id"u8))
                {
                    reader.Read();
                    toolCallId = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : 0;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("content"u8))
                {
                    reader.Read();
                    hasContent = true;
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        toolResults += ReadBlocks(ref reader, body);
                        var raw = body[start..(int)reader.BytesConsumed];
                        content = StableHash.Content(raw);
                        bookkeeping = AgentProfiles.IsBookkeeping(raw);
                    }
                    else
                    {
                        var raw = body[(int)reader.TokenStartIndex..(int)reader.BytesConsumed];
                        content = reader.TokenType == JsonTokenType.String ? StableHash.Content(raw) : 0;
                        bookkeeping = reader.TokenType == JsonTokenType.String && AgentProfiles.IsBookkeeping(raw);
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (item.IsCall && item.Name != 0)
            {
                Add(StableHash.Combine(item.Name, item.Arguments), item.CallId, item.NameStart, item.NameLength);
            }
            else if (item.IsOutput && item.CallId != 0)
            {
                Attach(item.CallId, item.Output);
            }
            else if (role == Role.Tool && toolCallId != 0)
            {
                // OpenAI: a tool message answers the call with that id; content may come before or after the id.
                Attach(toolCallId, hasContent ? content : 0);
            }
            else if (role == Role.User && toolResults == 0 && !bookkeeping)
            {
                // A user turn (not an Anthropic user message carrying tool results, nor an agent's
                // bookkeeping message: SPEC §1.8) starts a new task: what the agent did before it is not
                // a loop of the current one.
                Count = 0;
            }
        }
    }

    private void ReadOpenAIToolCalls(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            ulong id = 0, name = 0, arguments = 0;
            int nameStart = 0, nameLength = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : 0;
                    reader.Skip();
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
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                name = StableHash.Bytes(reader.ValueSpan);
                                nameStart = (int)reader.TokenStartIndex + 1;
                                nameLength = reader.ValueSpan.Length;
                            }
                            else
                            {
                                reader.Skip();
                            }
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

    /// <summary>Anthropic content blocks: <c>tool_use</c> adds a call, <c>tool_result</c> answers one. Returns the tool results seen.</summary>
    private int ReadBlocks(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        var results = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var kind = Block.Other;
            ulong id = 0, name = 0, input = 0, content = 0;
            int nameStart = 0, nameLength = 0;
            var isError = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    kind = reader.TokenType != JsonTokenType.String ? Block.Other
                        : reader.ValueTextEquals("tool_use"u8) ? Block.ToolUse
                        : reader.ValueTextEquals("tool_result"u8) ? Block.ToolResult
                        : Block.Other;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("tool_use_id"u8))
                {
                    reader.Read();
                    id = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : 0;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("name"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        name = StableHash.Bytes(reader.ValueSpan);
                        nameStart = (int)reader.TokenStartIndex + 1;
                        nameLength = reader.ValueSpan.Length;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("input"u8))
                {
                    reader.Read();
                    input = StableHash.Json(ref reader);
                }
                else if (reader.ValueTextEquals("content"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    content = StableHash.Content(body[start..(int)reader.BytesConsumed]);
                }
                else if (reader.ValueTextEquals("is_error"u8))
                {
                    reader.Read();
                    isError = reader.TokenType == JsonTokenType.True;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (kind == Block.ToolUse && name != 0)
            {
                Add(StableHash.Combine(name, input), id, nameStart, nameLength);
            }
            else if (kind == Block.ToolResult)
            {
                results++;
                if (id != 0)
                {
                    Attach(id, isError ? ~content : content);
                }
            }
        }

        return results;
    }

    private void Add(ulong call, ulong id, int nameStart, int nameLength)
    {
        _calls ??= ArrayPool<ToolCall>.Shared.Rent(32);
        if (Count == _calls.Length)
        {
            var bigger = ArrayPool<ToolCall>.Shared.Rent(Count * 2);
            _calls.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<ToolCall>.Shared.Return(_calls);
            _calls = bigger;
        }

        _calls[Count++] = new ToolCall { Call = call, Id = id, NameStart = nameStart, NameLength = nameLength };
    }

    // Results follow their calls closely; a result naming no known call (or one already answered) is ignored.
    private readonly void Attach(ulong id, ulong result)
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

    private enum Role
    {
        Other,
        User,
        Tool,
    }

    private enum Block
    {
        Other,
        ToolUse,
        ToolResult,
    }
}

/// <summary>
/// What a Responses input item says of tool calls: a <c>function_call</c> (name, arguments, <c>call_id</c>)
/// or a <c>function_call_output</c> (the result for a <c>call_id</c>). Properties come in any order.
/// </summary>
internal struct ResponsesItem
{
    public bool IsCall;
    public bool IsOutput;
    public ulong CallId;
    public ulong Name;
    public ulong Arguments;
    public ulong Output;
    public int NameStart;
    public int NameLength;

    /// <summary>Reads the property the reader is on when it is one of these; false (nothing consumed) otherwise.</summary>
    public bool Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("type"u8))
        {
            reader.Read();
            IsCall = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("function_call"u8);
            IsOutput = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("function_call_output"u8);
            reader.Skip();
            return true;
        }

        if (reader.ValueTextEquals("call_id"u8))
        {
            reader.Read();
            CallId = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : 0;
            reader.Skip();
            return true;
        }

        if (reader.ValueTextEquals("name"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                Name = StableHash.Bytes(reader.ValueSpan);
                NameStart = (int)reader.TokenStartIndex + 1;
                NameLength = reader.ValueSpan.Length;
            }

            reader.Skip();
            return true;
        }

        if (reader.ValueTextEquals("arguments"u8))
        {
            reader.Read();
            Arguments = ToolHistory.Arguments(ref reader);
            return true;
        }

        if (reader.ValueTextEquals("output"u8))
        {
            reader.Read();
            Output = reader.TokenType == JsonTokenType.String ? StableHash.Bytes(reader.ValueSpan) : StableHash.Json(ref reader);
            reader.Skip();
            return true;
        }

        return false;
    }
}
