using System.Text;
using System.Text.Json;
using Majordomo.Chat.Agents;

namespace Majordomo.Chat;

/// <summary>
/// The one walk over the body: the prompt's facts and, in the same pass, the conversation's
/// <see cref="ToolHistory"/> — so the loop guard, the router, budgets and the classifier share one reading.
/// </summary>
internal sealed partial class PromptView
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>What a content value belongs to: tool calls and results count only in a message's own content.</summary>
    private enum Part
    {
        System,
        Message,
        ToolResult,

        /// <summary>The text of a document attached to a message (<see cref="DocumentChars"/>).</summary>
        Document,
    }

    private enum MessageProperty
    {
        Other,
        Role,
        Content,
        ToolCalls,
        FunctionCall,
        ToolCallId,

        // Responses input items.
        ItemType,
        CallId,
        Name,
        Arguments,
        Output,

        // A Responses custom_tool_call's free-form input (Codex's apply_patch: the patch text).
        Input,
    }

    private enum Role
    {
        Other,
        User,
        Assistant,
        System,
        Tool,
        Function,
    }

    private void Read(ReadOnlySpan<byte> body)
    {
        var reader = new BodyReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        Tools.ObjectStart = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                ReadMessages(ref reader, body);
            }
            else if (reader.ValueTextEquals("input"u8))
            {
                // Responses: a string is one user message; an array holds message and function call items.
                reader.Read();
                ReadInput(ref reader, body);
            }
            else if (reader.ValueTextEquals("system"u8))
            {
                reader.Read();
                ReadSystem(ref reader, body);
            }
            else if (reader.ValueTextEquals("instructions"u8))
            {
                reader.Read();
                Note(TextStep.Begin);
                ReadContent(ref reader, body, Part.System);
                Note(TextStep.EndSystem);
            }
            else if (reader.ValueTextEquals("tools"u8) && !_toolsOnly)
            {
                reader.Read();
                ReadToolDefinitions(ref reader);
            }
            else if (reader.ValueTextEquals("response_format"u8))
            {
                reader.Read();
                ReadResponseFormat(ref reader);
            }
            else if (reader.ValueTextEquals("max_tokens"u8) || reader.ValueTextEquals("max_completion_tokens"u8) || reader.ValueTextEquals("max_output_tokens"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var max) && max > 0)
                {
                    MaxOutputTokens = max;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    // Anthropic's top-level system prompt; where it stands is kept for a system message the loop guard may inject.
    private void ReadSystem(ref BodyReader reader, ReadOnlySpan<byte> body)
    {
        Tools.SystemKind = reader.TokenType;
        Tools.SystemStart = (int)reader.TokenStartIndex;
        Note(TextStep.Begin);
        ReadContent(ref reader, body, Part.System);
        Tools.SystemLength = (int)reader.BytesConsumed - Tools.SystemStart;
        Note(TextStep.EndSystem);
    }

    /// <summary>True on a value of <paramref name="kind"/> (its depth given); any other value is skipped.</summary>
    private static bool Enter(ref BodyReader reader, JsonTokenType kind, out int depth)
    {
        depth = reader.CurrentDepth;
        if (reader.TokenType == kind)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    private void ReadToolDefinitions(ref BodyReader reader)
    {
        if (!Enter(ref reader, JsonTokenType.StartArray, out var depth))
        {
            return;
        }

        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ToolDefinitions++;
                ReadToolDefinition(ref reader);
            }
        }
    }

    // The first string-valued "name" inside the definition: OpenAI nests it under "function", Anthropic
    // puts it at the top; a parameter called "name" in a schema has an object value and is passed over.
    private void ReadToolDefinition(ref BodyReader reader)
    {
        var depth = reader.CurrentDepth;
        var named = false;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (!named && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    named = true;
                    _toolNames ??= new StringBuilder();
                    if (_toolNames.Length > 0)
                    {
                        _toolNames.Append(',');
                    }

                    _toolNames.Append(reader.GetString());
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private void ReadResponseFormat(ref BodyReader reader)
    {
        if (!Enter(ref reader, JsonTokenType.StartObject, out var depth))
        {
            return;
        }

        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.CurrentDepth == depth + 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                ResponseFormat = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadMessages(ref BodyReader reader, ReadOnlySpan<byte> body)
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

            MessageCount++;
            Note(TextStep.Begin);
            ReadMessage(ref reader, body);
        }

        Tools.MessagesEnd = (int)reader.TokenStartIndex;
    }

    private void ReadInput(ref BodyReader reader, ReadOnlySpan<byte> body)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            ReadMessages(ref reader, body);
            return;
        }

        Note(TextStep.Begin);
        ReadContent(ref reader, body, Part.Message);
        MessageCount++;
        CountMessage(Role.User, ToolResults);
    }

    private void ReadMessage(ref BodyReader reader, ReadOnlySpan<byte> body)
    {
        var role = Role.Other;
        var toolResultsBefore = ToolResults;
        var message = default(MessageTools);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Every property's value is read; the name decides what is done with it.
            var property = MessagePropertyOf(ref reader);
            reader.Read();
            switch (property)
            {
                case MessageProperty.Role:
                    role = ReadRole(ref reader);
                    break;
                case MessageProperty.Content:
                    ReadMessageContent(ref reader, body, ref message);
                    break;
                case MessageProperty.ToolCalls or MessageProperty.FunctionCall:
                    ReadToolCalls(ref reader, property == MessageProperty.ToolCalls);
                    break;
                case MessageProperty.ToolCallId:
                    message.ToolCallId = ToolHistory.ReadId(ref reader);
                    break;
                case MessageProperty.ItemType or MessageProperty.CallId or MessageProperty.Name or MessageProperty.Arguments or MessageProperty.Output:
                    ReadItemProperty(ref reader, property, body, ref message);
                    break;
                case MessageProperty.Input:
                    // A custom_tool_call's input, read as a call's arguments: for the text the model sent (a patch writing
                    // a .env) and, hashed as ToolHistory.Trail hashes it, for the loop guard (the same patch sent again and again).
                    var start = reader.TokenStartIndex;
                    message.Arguments = reader.TokenType == JsonTokenType.String ? ToolHistory.Arguments(ref reader) : 0;
                    reader.Skip();
                    Note(TextStepOp.Call(start, ref reader));
                    ToolBytes += reader.BytesConsumed - start;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (message.Item == ItemKind.Call)
        {
            // A Responses function_call (or custom_tool_call) item: one tool call, read into the history like an OpenAI tool_calls entry.
            ToolCalls++;
            if (message.Name != 0)
            {
                Tools.Add(StableHash.Combine(message.Name, message.Arguments), message.ToolCallId, message.NameStart, message.NameLength);
            }
        }
        else if (message.Item == ItemKind.Output)
        {
            // A function_call_output (or custom_tool_call_output) item is a tool message answering the call with its call_id.
            role = Role.Tool;
        }

        CountMessage(role, toolResultsBefore);
        if (role == Role.Tool && message.ToolCallId != 0)
        {
            // OpenAI: a tool message answers the call with that id; content may come before or after the id.
            Tools.Attach(message.ToolCallId, message.HasContent ? message.Content : 0);
        }
        else if (role == Role.User && message.Results == 0 && !IsBookkeeping(body, message))
        {
            // A user turn (not an Anthropic user message carrying tool results, nor an agent's
            // bookkeeping message: SPEC §1.8) starts a new task.
            Tools.Clear();
        }
    }

    private static MessageProperty MessagePropertyOf(ref BodyReader reader) =>
        reader.ValueTextEquals("role"u8) ? MessageProperty.Role
        : reader.ValueTextEquals("content"u8) ? MessageProperty.Content
        : reader.ValueTextEquals("tool_calls"u8) ? MessageProperty.ToolCalls
        : reader.ValueTextEquals("function_call"u8) ? MessageProperty.FunctionCall
        : reader.ValueTextEquals("tool_call_id"u8) ? MessageProperty.ToolCallId
        : reader.ValueTextEquals("type"u8) ? MessageProperty.ItemType
        : reader.ValueTextEquals("call_id"u8) ? MessageProperty.CallId
        : reader.ValueTextEquals("name"u8) ? MessageProperty.Name
        : reader.ValueTextEquals("arguments"u8) ? MessageProperty.Arguments
        : reader.ValueTextEquals("output"u8) ? MessageProperty.Output
        : reader.ValueTextEquals("input"u8) ? MessageProperty.Input
        : MessageProperty.Other;

    // A message's own content: its text, and for the tool history its hash and whether it is an agent's bookkeeping.
    private void ReadMessageContent(ref BodyReader reader, ReadOnlySpan<byte> body, ref MessageTools message)
    {
        var start = (int)reader.TokenStartIndex;
        var kind = reader.TokenType;
        var stringHash = kind == JsonTokenType.String ? StableHash.StringContent(reader.ValueSpan) : 0;
        message.HasContent = true;
        message.Results += ReadContent(ref reader, body, Part.Message);
        var raw = body[start..(int)reader.BytesConsumed];
        var hashed = kind is JsonTokenType.String or JsonTokenType.StartArray;
        message.Content = kind == JsonTokenType.String ? stringHash : hashed ? StableHash.Content(raw) : 0;
        message.ContentValue = hashed ? new JsonSpan(start, raw.Length) : JsonSpan.None;
    }

    // Only a user message's content is checked for an agent's bookkeeping, once its role is known (a tool's output is not).
    private static bool IsBookkeeping(ReadOnlySpan<byte> body, in MessageTools message) =>
        message.ContentValue.Length > 0 && AgentProfiles.IsBookkeeping(body.Slice(message.ContentValue.Start, message.ContentValue.Length));

    private static Role ReadRole(ref BodyReader reader) =>
        reader.TokenType != JsonTokenType.String ? Role.Other
        : reader.ValueTextEquals("user"u8) ? Role.User
        : reader.ValueTextEquals("assistant"u8) ? Role.Assistant
        : reader.ValueTextEquals("system"u8) || reader.ValueTextEquals("developer"u8) ? Role.System
        : reader.ValueTextEquals("tool"u8) ? Role.Tool
        : reader.ValueTextEquals("function"u8) ? Role.Function
        : Role.Other;

    // OpenAI tool_calls (an array: each call is counted and, directly in the array, read into the
    // history) or the legacy function_call object (counted only).
    private void ReadToolCalls(ref BodyReader reader, bool calls)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var depth = reader.CurrentDepth;
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ToolCalls++;
                    if (calls && reader.CurrentDepth == depth + 1)
                    {
                        Tools.ReadOpenAICall(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            ToolCalls++;
            reader.Skip();
        }

        Note(TextStepOp.Call(start, ref reader));
        ToolBytes += reader.BytesConsumed - start;
    }

    /// <summary>The prompt facts of one message, once its properties (in any order) are read; its text is noted for later.</summary>
    private void CountMessage(Role role, int toolResultsBefore)
    {
        switch (role)
        {
            case Role.User:
                UserMessages++;
                Note(TextStep.EndUser, ToolResults == toolResultsBefore, UserMessages == 1);
                break;
            case Role.Assistant:
                AssistantMessages++;
                Note(TextStep.EndAssistant);
                break;
            case Role.System:
                Note(TextStep.EndSystem);
                break;
            case Role.Tool or Role.Function:
                ToolResults++;
                Note(TextStep.EndTool);
                break;
        }
    }

    /// <summary>
    /// Reads a content value (string, or array of parts/blocks), noting its text for later, counting media
    /// and tools; in a message's own content, <c>tool_use</c> and <c>tool_result</c> blocks go into the tool
    /// history. Returns the <c>tool_result</c> blocks directly in it.
    /// </summary>
    private int ReadContent(ref BodyReader reader, ReadOnlySpan<byte> body, Part part)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Note(TextStep.Add, part, ref reader);
            return 0;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return 0;
        }

        var results = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            results += ReadBlock(ref reader, body, part);
        }

        return results;
    }

    /// <summary>One part or block (the reader on its <c>{</c>); returns 1 for a <c>tool_result</c> block.</summary>
    private int ReadBlock(ref BodyReader reader, ReadOnlySpan<byte> body, Part part)
    {
        var type = BlockType.None;
        TextStepOp? partText = null;
        var block = default(BlockTools);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? BlockTypeOf(ref reader) : BlockType.None;
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    partText = TextStepOp.At(TextStep.Add, part, ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                // Anthropic tool_result content: text the tool returned, not the user's words.
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                ReadContent(ref reader, body, Part.ToolResult);
                block.Content = StableHash.Content(body[start..(int)reader.BytesConsumed]);
            }
            else if (reader.ValueTextEquals("thinking"u8))
            {
                // Anthropic: the model's reasoning in an earlier turn, sent back upstream with it (a secret it recited there
                // travels again). A redacted_thinking block's data is encrypted by the provider: no text, left unread.
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && part == Part.Message)
                {
                    Note(TextStepOp.At(TextStep.AddThought, part, ref reader));
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                // A document's source: its text travels upstream like a pasted one (a tool's result keeps it as its output).
                reader.Read();
                ReadSource(ref reader, body, DocumentPart(part));
            }
            else if (reader.ValueTextEquals("context"u8))
            {
                // A document's context: text given to the model beside the document.
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    Note(TextStepOp.At(TextStep.Add, DocumentPart(part), ref reader));
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("input"u8))
            {
                reader.Read();
                var start = reader.TokenStartIndex;
                block.Input = StableHash.Json(ref reader);
                Note(TextStepOp.Call(start, ref reader));
                ToolBytes += reader.BytesConsumed - start;
            }
            else if (reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("tool_use_id"u8))
            {
                reader.Read();
                block.Id = ToolHistory.ReadId(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                block.Name = ToolHistory.ReadName(ref reader, out block.NameStart, out block.NameLength);
            }
            else if (reader.ValueTextEquals("is_error"u8))
            {
                reader.Read();
                block.IsError = reader.TokenType == JsonTokenType.True;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        CountBlock(type, partText, part);
        return part == Part.Message ? RecordBlock(type, block) : 0;
    }

    private static Part DocumentPart(Part part) => part == Part.ToolResult ? Part.ToolResult : Part.Document;

    /// <summary>
    /// A block's <c>source</c> (the reader on its value): the <c>data</c> of a <c>text</c> source, the blocks or string
    /// of a <c>content</c> source; base64, url and file sources carry no text.
    /// </summary>
    private void ReadSource(ref BodyReader reader, ReadOnlySpan<byte> body, Part part)
    {
        if (!Enter(ref reader, JsonTokenType.StartObject, out _))
        {
            return;
        }

        var isText = false;
        TextStepOp? data = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isText = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("text"u8);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.String ? TextStepOp.At(TextStep.Add, part, ref reader) : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                ReadContent(ref reader, body, part);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // The type may follow the data: a base64 PDF's data is no text.
        if (isText && data is { } op)
        {
            Note(op);
        }
    }

    private static BlockType BlockTypeOf(ref BodyReader reader) =>
        reader.ValueTextEquals("text"u8) || reader.ValueTextEquals("input_text"u8) || reader.ValueTextEquals("output_text"u8) ? BlockType.Text
        : reader.ValueTextEquals("tool_use"u8) ? BlockType.ToolUse
        : reader.ValueTextEquals("tool_result"u8) ? BlockType.ToolResult
        : reader.ValueTextEquals("image_url"u8) || reader.ValueTextEquals("image"u8) || reader.ValueTextEquals("input_audio"u8)
          || reader.ValueTextEquals("audio"u8) || reader.ValueTextEquals("file"u8) || reader.ValueTextEquals("document"u8)
          || reader.ValueTextEquals("video"u8) || reader.ValueTextEquals("input_image"u8) ? BlockType.Media
        : BlockType.Other;

    private void CountBlock(BlockType type, TextStepOp? partText, Part part)
    {
        switch (type)
        {
            case BlockType.Media:
                MediaParts++;
                break;
            case BlockType.ToolUse:
                ToolCalls++;
                break;
            case BlockType.ToolResult:
                ToolResults++;
                break;
        }

        if (partText is { } op)
        {
            // A text part of the message (or any text of a tool's output) is its text; other blocks' text is only counted.
            Note(part == Part.ToolResult || type is BlockType.None or BlockType.Text ? op : op with { Step = TextStep.CountOnly });
        }
    }

    // Anthropic content blocks: tool_use adds a call, tool_result answers one.
    private int RecordBlock(BlockType type, in BlockTools block)
    {
        if (type == BlockType.ToolUse && block.Name != 0)
        {
            Tools.Add(StableHash.Combine(block.Name, block.Input), block.Id, block.NameStart, block.NameLength);
        }
        else if (type == BlockType.ToolResult)
        {
            if (block.Id != 0)
            {
                Tools.Attach(block.Id, block.IsError ? ~block.Content : block.Content);
            }

            return 1;
        }

        return 0;
    }

    /// <summary>
    /// A property only a Responses input item has (<c>type</c>, <c>call_id</c>, <c>name</c>, <c>arguments</c>,
    /// <c>output</c>); the reader is on its value.
    /// </summary>
    private void ReadItemProperty(ref BodyReader reader, MessageProperty property, ReadOnlySpan<byte> body, ref MessageTools message)
    {
        switch (property)
        {
            case MessageProperty.ItemType:
                message.Item = reader.TokenType != JsonTokenType.String ? ItemKind.None
                    : reader.ValueTextEquals("function_call"u8) || reader.ValueTextEquals("custom_tool_call"u8) ? ItemKind.Call
                    : reader.ValueTextEquals("function_call_output"u8) || reader.ValueTextEquals("custom_tool_call_output"u8) ? ItemKind.Output
                    : ItemKind.None;
                reader.Skip();
                break;
            case MessageProperty.CallId:
                message.ToolCallId = ToolHistory.ReadId(ref reader);
                break;
            case MessageProperty.Name:
                message.Name = ToolHistory.ReadName(ref reader, out message.NameStart, out message.NameLength);
                break;
            case MessageProperty.Arguments:
                var start = reader.TokenStartIndex;
                message.Arguments = ToolHistory.Arguments(ref reader);
                Note(TextStepOp.Call(start, ref reader));
                ToolBytes += reader.BytesConsumed - start;
                break;
            default:
                var outputStart = (int)reader.TokenStartIndex;
                ReadContent(ref reader, body, Part.ToolResult);
                message.HasContent = true;
                message.Content = StableHash.Content(body[outputStart..(int)reader.BytesConsumed]);
                break;
        }
    }

    /// <summary>A content block's <c>type</c>, as far as the prompt's facts tell types apart.</summary>
    private enum BlockType
    {
        None,
        Text,
        ToolUse,
        ToolResult,
        Media,
        Other,
    }

    private enum ItemKind
    {
        None,
        Call,
        Output,
    }

    /// <summary>What a message's properties say about tools, in whatever order they come.</summary>
    private struct MessageTools
    {
        public ItemKind Item;
        public ulong Name;
        public ulong Arguments;
        public int NameStart;
        public int NameLength;
        public ulong ToolCallId;
        public ulong Content;
        public bool HasContent;

        /// <summary>The last string or array <c>content</c> value (length 0 when none), checked for bookkeeping when the message is a user's.</summary>
        public JsonSpan ContentValue;
        public int Results;
    }

    /// <summary>What a content block's properties say about a tool call or result.</summary>
    private struct BlockTools
    {
        public ulong Id;
        public ulong Name;
        public ulong Input;
        public ulong Content;
        public bool IsError;
        public int NameStart;
        public int NameLength;
    }
}
