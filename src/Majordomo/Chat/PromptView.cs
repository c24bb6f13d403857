using System.Text;
using System.Text.Json;
using Majordomo.Chat.Agents;

namespace Majordomo.Chat;

/// <summary>
/// What rules, the classifier, sessions and the loop guard need to know about a prompt, read once
/// from the client's body in either protocol: OpenAI chat (string or array content, system/developer
/// messages, tool_calls, tool messages) and Anthropic Messages (top-level <c>system</c>, content
/// blocks, tool_use/tool_result). Never throws: a body it cannot read yields what was read so far.
/// </summary>
internal sealed class PromptView
{
    public const string OpenAIProtocol = Providers.OpenAI.OpenAIProtocol.Id;
    public const string AnthropicProtocol = Providers.Anthropic.AnthropicProtocol.Id;

    /// <summary>
    /// The user's own words in the last user message (text parts joined by a newline, known agent
    /// envelopes removed, bookkeeping-only messages passed over: SPEC §1.10); empty when none.
    /// </summary>
    public string LastUserText { get; private set; } = "";

    /// <summary>The agent whose envelope was found (<see cref="AgentProfiles"/>), or null.</summary>
    public string? Agent { get; private set; }

    /// <summary>The source the last user turn shows (an agent's heartbeat prompt: <c>heartbeat</c>), or null.</summary>
    public string? AgentSource { get; private set; }

    /// <summary>Text of the first user message; with <see cref="SystemText"/> it derives the session id.</summary>
    public string FirstUserText { get; private set; } = "";

    /// <summary>System prompt text (OpenAI system/developer messages, Anthropic <c>system</c>).</summary>
    public string SystemText { get; private set; } = "";

    /// <summary>
    /// Text of every user message in order, joined by a newline (the last one included). The sensitive
    /// scan reads this, not only <see cref="LastUserText"/>: a secret pasted three turns ago is sent again.
    /// </summary>
    public string UserText { get; private set; } = "";

    /// <summary>
    /// Text tools returned (OpenAI <c>tool</c> messages, Anthropic <c>tool_result</c> content), joined by a
    /// newline: an agent that reads a <c>.env</c> file sends its contents upstream with the next turn.
    /// </summary>
    public string ToolResultText { get; private set; } = "";

    /// <summary>Names of the tool definitions offered (<c>tools[].function.name</c> or <c>tools[].name</c>), comma-separated.</summary>
    public string ToolNames { get; private set; } = "";

    /// <summary><c>response_format.type</c> when the client demands one (<c>json_object</c>, <c>json_schema</c>, <c>text</c>).</summary>
    public string? ResponseFormat { get; private set; }

    public int MessageCount { get; private set; }

    public int UserMessages { get; private set; }

    public int AssistantMessages { get; private set; }

    /// <summary>Tool results in the conversation (OpenAI <c>tool</c> messages, Anthropic <c>tool_result</c> blocks).</summary>
    public int ToolResults { get; private set; }

    /// <summary>Tool calls made by the assistant so far (OpenAI <c>tool_calls</c>, Anthropic <c>tool_use</c>).</summary>
    public int ToolCalls { get; private set; }

    /// <summary>Tool definitions offered to the model (<c>tools</c>).</summary>
    public int ToolDefinitions { get; private set; }

    /// <summary>Image, audio, video, file or document parts anywhere in the conversation.</summary>
    public int MediaParts { get; private set; }

    /// <summary>Characters of text in all messages (system, user, assistant, tool).</summary>
    public long TextChars { get; private set; }

    /// <summary>Bytes of tool-call arguments and structured tool inputs.</summary>
    public long ToolBytes { get; private set; }

    /// <summary><c>max_tokens</c> / <c>max_completion_tokens</c> when given.</summary>
    public int? MaxOutputTokens { get; private set; }

    public bool HasMedia => MediaParts > 0;

    public bool HasTools => ToolDefinitions > 0 || ToolCalls > 0 || ToolResults > 0;

    /// <summary>
    /// Prompt tokens: message text counted with the o200k tokenizer (<see cref="TokenTally"/>: exact up to
    /// its limit, extrapolated at the request's own ratio beyond), ~3 bytes a token for JSON tool
    /// arguments, a few tokens of framing per message, a flat cost per image and tool definition. The one
    /// count behind context fit and <c>/v1/messages/count_tokens</c>; a USD reservation takes the larger of
    /// it and an upper bound from the body's size (<c>BudgetTicket.ReservedInputTokens</c>).
    /// </summary>
    public int EstimatedPromptTokens =>
        (int)Math.Min(int.MaxValue, _tokens.Tokens + ToolBytes / 3 + (4 * MessageCount) + (85L * MediaParts) + (ToolDefinitions * 60L));

    /// <summary>
    /// The session id used when the client sends none (SPEC §1.1): a stable hash of the system prompt
    /// and the first user message, the same in every process (string.GetHashCode is randomised).
    /// </summary>
    public string DerivedSessionId
    {
        get
        {
            var hash = 14695981039346656037UL;
            hash = Fnv(hash, SystemText);
            hash = Fnv(hash, "\u0001");
            hash = Fnv(hash, FirstUserText);
            return "h-" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private readonly TokenTally _tokens = new();
    private StringBuilder? _userText;
    private StringBuilder? _toolText;
    private StringBuilder? _toolNames;

    public static PromptView Parse(ReadOnlySpan<byte> body, string protocol)
    {
        var view = new PromptView();
        try
        {
            view.Read(body);
        }
        catch (JsonException)
        {
            // Keep what was read; the ingress has already answered malformed bodies with a 400.
        }
        catch (InvalidOperationException)
        {
        }

        view.UserText = view._userText?.ToString() ?? view.LastUserText;
        view.ToolResultText = view._toolText?.ToString() ?? "";
        view.ToolNames = view._toolNames?.ToString() ?? "";

        _ = protocol; // both shapes are told apart by their keys; kept for callers' clarity and future use
        return view;
    }

    private void Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                ReadMessages(ref reader);
            }
            else if (reader.ValueTextEquals("input"u8))
            {
                // Responses: a string is one user message; an array holds messages and function call items.
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    var text = new StringBuilder();
                    ReadContent(ref reader, text, isToolResult: false);
                    MessageCount++;
                    EndMessage("user", text, ToolResults);
                }
                else
                {
                    ReadMessages(ref reader);
                }
            }
            else if (reader.ValueTextEquals("system"u8) || reader.ValueTextEquals("instructions"u8))
            {
                reader.Read();
                var sb = new StringBuilder();
                ReadContent(ref reader, sb, isToolResult: false);
                Append(SystemText, sb, out var system);
                SystemText = system;
            }
            else if (reader.ValueTextEquals("tools"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    var depth = reader.CurrentDepth;
                    while (reader.Read() && reader.CurrentDepth > depth)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            ToolDefinitions++;
                            ReadToolDefinition(ref reader);
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
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

    // The first string-valued "name" inside the definition: OpenAI nests it under "function", Anthropic
    // puts it at the top; a parameter called "name" in a schema has an object value and is passed over.
    private void ReadToolDefinition(ref Utf8JsonReader reader)
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

    private void ReadResponseFormat(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var depth = reader.CurrentDepth;
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

    private void ReadMessages(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        var text = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            MessageCount++;
            text.Clear();
            string? role = null;
            var toolResultsBefore = ToolResults;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("role"u8))
                {
                    reader.Read();
                    role = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    // Responses items: a function call or its output stands for a tool call or a tool message.
                    reader.Read();
                    if (reader.ValueTextEquals("function_call"u8))
                    {
                        ToolCalls++;
                    }
                    else if (reader.ValueTextEquals("function_call_output"u8))
                    {
                        role = "tool";
                    }

                    reader.Skip();
                }
                else if (reader.ValueTextEquals("arguments"u8))
                {
                    reader.Read();
                    var start = reader.TokenStartIndex;
                    reader.Skip();
                    ToolBytes += reader.BytesConsumed - start;
                }
                else if (reader.ValueTextEquals("output"u8))
                {
                    reader.Read();
                    ReadContent(ref reader, text, isToolResult: false);
                }
                else if (reader.ValueTextEquals("content"u8))
                {
                    reader.Read();
                    ReadContent(ref reader, text, isToolResult: false);
                }
                else if (reader.ValueTextEquals("tool_calls"u8) || reader.ValueTextEquals("function_call"u8))
                {
                    reader.Read();
                    var start = reader.TokenStartIndex;
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        var depth = reader.CurrentDepth;
                        while (reader.Read() && reader.CurrentDepth > depth)
                        {
                            if (reader.TokenType == JsonTokenType.StartObject)
                            {
                                ToolCalls++;
                                reader.Skip();
                            }
                        }
                    }
                    else if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ToolCalls++;
                        reader.Skip();
                    }

                    ToolBytes += reader.BytesConsumed - start;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            EndMessage(role, text, toolResultsBefore);
        }
    }

    /// <summary>What one message adds once read: user words (agent envelopes removed), system text, tool results.</summary>
    private void EndMessage(string? role, StringBuilder text, int toolResultsBefore)
    {
        switch (role)
        {
            case "user":
                UserMessages++;
                if (text.Length > 0)
                {
                    // Only from the second user turn on: one turn's text is LastUserText itself.
                    if (_userText is null && LastUserText.Length > 0)
                    {
                        _userText = new StringBuilder(LastUserText);
                    }

                    if (_userText is not null)
                    {
                        _userText.Append('\n').Append(text);
                    }
                }

                if (text.Length > 0 || ToolResults == toolResultsBefore)
                {
                    // An Anthropic user turn holding only tool results is not what the user said last,
                    // nor is an agent's bookkeeping message.
                    var raw = text.ToString();
                    var words = AgentProfiles.Read(raw);
                    Agent ??= words.Agent;
                    if (!words.Bookkeeping)
                    {
                        LastUserText = words.Words;
                        AgentSource = words.Source;
                    }

                    if (UserMessages == 1 || FirstUserText.Length == 0)
                    {
                        FirstUserText = raw;
                    }
                }

                break;
            case "assistant":
                AssistantMessages++;
                break;
            case "system" or "developer":
                Append(SystemText, text, out var system);
                SystemText = system;
                break;
            case "tool" or "function":
                ToolResults++;
                AppendTool(text);
                break;
        }
    }

    /// <summary>Reads a content value (string, or array of parts/blocks) into <paramref name="text"/>, counting media and tools.</summary>
    private void ReadContent(ref Utf8JsonReader reader, StringBuilder text, bool isToolResult)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var s = reader.GetString() ?? "";
            TextChars += s.Length;
            _tokens.Add(s);
            if (!isToolResult)
            {
                AppendPart(text, s);
            }
            else
            {
                AppendTool(s);
            }

            return;
        }

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

            string? type = null;
            string? partText = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        partText = reader.GetString();
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
                    ReadContent(ref reader, text, isToolResult: true);
                }
                else if (reader.ValueTextEquals("input"u8))
                {
                    reader.Read();
                    var start = reader.TokenStartIndex;
                    reader.Skip();
                    ToolBytes += reader.BytesConsumed - start;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            switch (type)
            {
                case "image_url" or "image" or "input_audio" or "audio" or "file" or "document" or "video" or "input_image":
                    MediaParts++;
                    break;
                case "tool_use":
                    ToolCalls++;
                    break;
                case "tool_result":
                    ToolResults++;
                    break;
            }

            if (partText is not null)
            {
                TextChars += partText.Length;
                _tokens.Add(partText);
                if (!isToolResult && type is null or "text" or "input_text")
                {
                    AppendPart(text, partText);
                }
                else if (isToolResult)
                {
                    AppendTool(partText);
                }
            }
        }
    }

    private void AppendTool(StringBuilder part)
    {
        if (part.Length > 0)
        {
            _toolText ??= new StringBuilder();
            if (_toolText.Length > 0)
            {
                _toolText.Append('\n');
            }

            _toolText.Append(part);
        }
    }

    private void AppendTool(string part)
    {
        if (part.Length > 0)
        {
            _toolText ??= new StringBuilder();
            if (_toolText.Length > 0)
            {
                _toolText.Append('\n');
            }

            _toolText.Append(part);
        }
    }

    private static void AppendPart(StringBuilder text, string part)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(part);
    }

    private static void Append(string existing, StringBuilder more, out string joined) =>
        joined = existing.Length == 0 ? more.ToString() : more.Length == 0 ? existing : existing + "\n" + more;

    private static ulong Fnv(ulong hash, string s)
    {
        foreach (var c in s)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
