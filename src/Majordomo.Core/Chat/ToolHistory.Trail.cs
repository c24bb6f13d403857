using System.Text.Json;
using Majordomo.Chat.Agents;

namespace Majordomo.Chat;

/// <summary>
/// The tool history as the ingress parse collects it in its own pass over the messages (issue 16 item 3): the parse
/// calls these at each tool call, result, block and message end, and each call is noted by position only — its id
/// hashed (results are matched by it), its name, arguments and result left where they are in the body. The loop guard
/// hashes only the calls its window takes (<see cref="Window"/>), so the guard's share of a long conversation is bounded
/// by <c>historySize</c>, and no value is unescaped into a string. The hashes are those of <see cref="PromptView"/>'s
/// reading, call for call.
/// </summary>
internal sealed partial class ToolHistory
{
    private static readonly JsonReaderOptions ValueOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>
    /// The last <paramref name="size"/> calls, each noted call hashed now from <paramref name="body"/> (the body the
    /// history was collected from). Calls read by <see cref="PromptView"/> are hashed already.
    /// </summary>
    public ReadOnlySpan<ToolCall> Window(ReadOnlySpan<byte> body, int size)
    {
        if (_calls is null)
        {
            return [];
        }

        var from = Math.Max(0, Count - size);
        var window = _calls.AsSpan(from, Count - from);
        foreach (ref var call in window)
        {
            if (call.Pending)
            {
                Hash(body, ref call);
            }
        }

        return window;
    }

    private static void Hash(ReadOnlySpan<byte> body, ref ToolCall call)
    {
        var name = StableHash.Bytes(body.Slice(call.NameStart, call.NameLength));
        var arguments = call.Arguments.Length == 0 ? 0 : ArgumentsHash(body.Slice(call.Arguments.Start, call.Arguments.Length), call.InputValue);
        call.Call = StableHash.Combine(name, arguments);
        if (call.HasResult)
        {
            var result = call.ResultValue.Length == 0 ? 0 : ResultHash(body.Slice(call.ResultValue.Start, call.ResultValue.Length));
            call.Result = call.ResultIsError ? ~result : result;
        }

        call.Pending = false;
    }

    // As the reading hashes them in place: Anthropic input canonically, OpenAI arguments as the JSON text they hold.
    private static ulong ArgumentsHash(ReadOnlySpan<byte> value, bool input)
    {
        try
        {
            var reader = new BodyReader(value, ValueOptions);
            reader.Read();
            return input ? StableHash.Json(ref reader) : Arguments(ref reader);
        }
        catch (JsonException)
        {
            return StableHash.Bytes(value);
        }
    }

    // A string's hash from its bytes between the quotes (no reader needed); an array of blocks canonically.
    private static ulong ResultHash(ReadOnlySpan<byte> value) =>
        value.Length >= 2 && value[0] == (byte)'"' ? StableHash.StringContent(value[1..^1]) : StableHash.Content(value);

    /// <summary>Where the value the reader is on stands in the body (the reader left on its end).</summary>
    internal static JsonSpan ValueAt(ref BodyReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new JsonSpan(start, (int)reader.BytesConsumed - start);
    }

    internal void AddPending(ulong id, int nameStart, int nameLength, JsonSpan arguments, bool inputValue) =>
        Next() = new ToolCall { Id = id, NameStart = nameStart, NameLength = nameLength, Pending = true, Arguments = arguments, InputValue = inputValue };

    private void AttachPending(ulong id, JsonSpan result, bool isError)
    {
        if (Unanswered(id) is { } i)
        {
            ref var call = ref _calls![i];
            call.ResultValue = result;
            call.ResultIsError = isError;
            call.HasResult = true;
        }
    }

    /// <summary>
    /// The end of one message or Responses item the ingress read: a Responses <c>function_call</c> (or
    /// <c>custom_tool_call</c>) is a call, a tool message or <c>function_call_output</c> (<c>custom_tool_call_output</c>) answers one, and a user's turn (not one carrying tool results, nor an
    /// agent's bookkeeping: SPEC §1.8) starts a new task — as <see cref="PromptView"/>'s reading decides.
    /// </summary>
    internal void EndMessage(ReadOnlySpan<byte> body, in ToolMessage message)
    {
        if (message.Item == ToolItem.Call)
        {
            if (message.Named)
            {
                AddPending(message.CallId, message.NameStart, message.NameLength, message.Arguments, inputValue: false);
            }

            return;
        }

        if (message.Role == ToolRole.Tool || message.Item == ToolItem.Output)
        {
            if (message.CallId != 0)
            {
                AttachPending(message.CallId, message.Result, isError: false);
            }
        }
        else if (message.Role == ToolRole.User && message.Results == 0 && Count > 0
            && !(message.Content.Length > 0 && AgentProfiles.IsBookkeeping(body.Slice(message.Content.Start, message.Content.Length))))
        {
            Clear();
        }
    }

    /// <summary>A message's <c>role</c> as far as the history tells roles apart (the reader on its value).</summary>
    internal static ToolRole RoleOf(ref BodyReader reader) =>
        reader.TokenType != JsonTokenType.String ? ToolRole.Other
        : reader.ValueTextEquals("user"u8) ? ToolRole.User
        : reader.ValueTextEquals("tool"u8) ? ToolRole.Tool
        : ToolRole.Other;

    /// <summary>A message's <c>content</c> value (<paramref name="value"/>, of <paramref name="kind"/>): a string or an array is its text and result.</summary>
    internal static void NoteContent(ref ToolMessage message, JsonSpan value, JsonTokenType kind)
    {
        var text = kind is JsonTokenType.String or JsonTokenType.StartArray ? value : default;
        message.Content = text;
        message.Result = text;
    }

    /// <summary>
    /// One property of an Anthropic content block the history needs (the reader on its name): its value is read and
    /// true returned; false, nothing read, for any other property.
    /// </summary>
    internal static bool ReadBlockProperty(ref BodyReader reader, ref ToolBlock block)
    {
        if (reader.ValueTextEquals("text"u8))
        {
            return false;
        }

        if (reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("tool_use_id"u8))
        {
            reader.Read();
            block.Id = ReadId(ref reader);
        }
        else if (reader.ValueTextEquals("name"u8))
        {
            reader.Read();
            block.Named = ReadName(ref reader, out block.NameStart, out block.NameLength, hash: false) != 0;
        }
        else if (reader.ValueTextEquals("input"u8))
        {
            reader.Read();
            block.Input = ValueAt(ref reader);
        }
        else if (reader.ValueTextEquals("content"u8))
        {
            reader.Read();
            block.Content = ValueAt(ref reader);
        }
        else if (reader.ValueTextEquals("is_error"u8))
        {
            reader.Read();
            block.IsError = reader.TokenType == JsonTokenType.True;
            reader.Skip();
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>A block's <c>type</c> (the reader on its string value).</summary>
    internal static ToolItem BlockTypeOf(ref BodyReader reader) =>
        reader.ValueTextEquals("tool_use"u8) ? ToolItem.Call
        : reader.ValueTextEquals("tool_result"u8) ? ToolItem.Output
        : ToolItem.None;

    /// <summary>The end of an Anthropic content block in a message's own content: a tool_use adds a call, a tool_result answers one (returns 1).</summary>
    internal int EndBlock(in ToolBlock block)
    {
        if (block.Type == ToolItem.Call && block.Named)
        {
            AddPending(block.Id, block.NameStart, block.NameLength, block.Input, inputValue: true);
        }
        else if (block.Type == ToolItem.Output)
        {
            if (block.Id != 0)
            {
                AttachPending(block.Id, block.Content, block.IsError);
            }

            return 1;
        }

        return 0;
    }
}

/// <summary>A message's role, as far as the tool history tells roles apart.</summary>
internal enum ToolRole : byte
{
    Other,
    User,
    Tool,
}

/// <summary>What a block or Responses item is to the tool history: a call, a call's output, or neither.</summary>
internal enum ToolItem : byte
{
    None,
    Call,
    Output,
}

/// <summary>What one message (or Responses item) says about tools, noted by the ingress parse in whatever order its properties come.</summary>
internal struct ToolMessage
{
    public ToolRole Role;
    public ToolItem Item;
    public ulong CallId;
    public bool Named;
    public int NameStart;
    public int NameLength;
    public JsonSpan Arguments;

    /// <summary>The last string or array <c>content</c> (length 0 when none): a user's is checked for bookkeeping.</summary>
    public JsonSpan Content;

    /// <summary>What answers the call when the message is a tool's: its content or <c>output</c>.</summary>
    public JsonSpan Result;

    /// <summary>Anthropic <c>tool_result</c> blocks in the content (a user message carrying them is no user turn).</summary>
    public int Results;
}

/// <summary>What an Anthropic content block says about a tool call or result, noted by position.</summary>
internal struct ToolBlock
{
    public ToolItem Type;
    public ulong Id;
    public bool Named;
    public int NameStart;
    public int NameLength;
    public JsonSpan Input;
    public JsonSpan Content;
    public bool IsError;
}
