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
internal sealed partial class PromptView : IDisposable
{
    public const string OpenAIProtocol = Providers.OpenAI.OpenAIProtocol.Id;
    public const string AnthropicProtocol = Providers.Anthropic.AnthropicProtocol.Id;

    /// <summary>
    /// The user's own words in the last user message (text parts joined by a newline, known agent
    /// envelopes removed, bookkeeping-only messages passed over: SPEC §1.10); empty when none.
    /// </summary>
    public string LastUserText => AsString(Materialized()._lastUserText);

    /// <summary><see cref="LastUserText"/> without a copy (what the decision reads: a long text is no string).</summary>
    public ReadOnlySpan<char> LastUserChars => Materialized()._lastUserText.Span;

    /// <summary>The agent whose envelope was found (<see cref="AgentProfiles"/>), or null.</summary>
    public string? Agent => Materialized()._agent;

    /// <summary>The source the last user turn shows (an agent's heartbeat prompt: <c>heartbeat</c>), or null.</summary>
    public string? AgentSource => Materialized()._agentSource;

    /// <summary>Text of the first user message; with <see cref="SystemText"/> it derives the session id.</summary>
    public string FirstUserText => AsString(Materialized()._firstUserText);

    /// <summary>System prompt text (OpenAI system/developer messages, Anthropic <c>system</c>).</summary>
    public string SystemText => AsString(Materialized()._systemText);

    /// <summary><see cref="SystemText"/> without a copy.</summary>
    public ReadOnlySpan<char> SystemChars => Materialized()._systemText.Span;

    /// <summary>
    /// Text of every user message in order, whole, joined by a newline (the last one included): agents' envelopes and
    /// bookkeeping messages too. The sensitive scan reads this, not only <see cref="LastUserText"/>: a secret pasted three
    /// turns ago is sent again, and so is a CLAUDE.md in a <c>&lt;system-reminder&gt;</c> around the user's words.
    /// </summary>
    public string UserText => AsString(Materialized()._userText);

    /// <summary><see cref="UserText"/> without a copy.</summary>
    public ReadOnlySpan<char> UserChars => Materialized()._userText.Span;

    /// <summary>
    /// The length the learned features give the user's turns (<c>Classification.LearnedFeatures</c>, "how much earlier turns
    /// carry"): the words of the turn the first later one follows, later turns whole. <see cref="UserText"/> once had this
    /// length; it now holds every turn whole, and the trained model keeps the count it was trained on.
    /// </summary>
    public int UserTurnsChars => Materialized()._userTurnsChars ?? _lastUserText.Length;

    /// <summary>
    /// Text of documents attached to user messages (Anthropic <c>document</c> blocks whose source is <c>text</c> or
    /// <c>content</c>, and their <c>context</c>), joined by a newline: a contract or a W-2 sent as a document travels
    /// upstream like a pasted one. Not the user's words (<see cref="LastUserText"/>); a document inside a tool's result is
    /// that tool's output (<see cref="ToolResultText"/>).
    /// </summary>
    public ReadOnlySpan<char> DocumentChars => Materialized()._documentText.Span;

    /// <summary>
    /// Text tools returned (OpenAI <c>tool</c> messages, Anthropic <c>tool_result</c> content), joined by a
    /// newline: an agent that reads a <c>.env</c> file sends its contents upstream with the next turn.
    /// </summary>
    public string ToolResultText => AsString(Materialized()._toolResultText);

    /// <summary><see cref="ToolResultText"/> without a copy.</summary>
    public ReadOnlySpan<char> ToolResultChars => Materialized()._toolResultText.Span;

    /// <summary>
    /// What the model wrote in earlier turns and is sent back upstream with this request: its messages' text and its
    /// tool calls' arguments (one <c>name: value</c> line per value), joined by a newline. An agent that logged in with
    /// a password it was given sends the password again in every later turn's history.
    /// </summary>
    public ReadOnlySpan<char> AssistantChars => Materialized()._assistantText.Span;

    /// <summary>
    /// Each user turn that answers the model's message just before it, read beside that message (the model's last
    /// <see cref="AskedTail"/> characters, a line break, the user's first <see cref="AnswerHead"/>), pairs separated by
    /// <see cref="PairSeparator"/>: "What's the code on the card?" then "4471" is a code given, though neither turn alone
    /// shows it. Bounded by the turns' ends, not their length: a long turn adds at most a few hundred characters.
    /// </summary>
    public ReadOnlySpan<char> AnsweredChars => Materialized()._answeredText.Span;

    /// <summary>What separates the pairs of <see cref="AnsweredChars"/> (no text holds it: each pair is read alone).</summary>
    public const char PairSeparator = '\u001e';

    /// <summary>How much of the model's message an answer is read beside (its last sentences: where a question stands).</summary>
    internal const int AskedTail = 200;

    /// <summary>How much of the user's answer is read beside the question (a bare value opens the turn).</summary>
    internal const int AnswerHead = 200;

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
    public long TextChars => Materialized()._chars;

    /// <summary>Bytes of tool-call arguments and structured tool inputs.</summary>
    public long ToolBytes { get; private set; }

    /// <summary><c>max_tokens</c> / <c>max_completion_tokens</c> when given.</summary>
    public int? MaxOutputTokens { get; private set; }

    public bool HasMedia => MediaParts > 0;

    public bool HasTools => ToolDefinitions > 0 || ToolCalls > 0 || ToolResults > 0;

    /// <summary>The conversation's tool calls since its last user turn (the loop guard's input), read in the same pass.</summary>
    public ToolHistory Tools { get; } = new();

    /// <summary>
    /// Prompt tokens: message text counted with the o200k tokenizer (<see cref="TokenTally"/>: exact up to
    /// its limit, extrapolated at the request's own ratio beyond), ~3 bytes a token for JSON tool
    /// arguments, a few tokens of framing per message, a flat cost per image and tool definition. The one
    /// count behind context fit and <c>/v1/messages/count_tokens</c>; a USD reservation takes the larger of
    /// it and an upper bound from the body's size (<c>BudgetTicket.ReservedInputTokens</c>).
    /// </summary>
    public int EstimatedPromptTokens => Recorded?.Tokens ??
        (int)Math.Min(int.MaxValue, TextTokens + ToolBytes / 3 + (4 * MessageCount) + (85L * MediaParts) + (ToolDefinitions * 60L));

    /// <summary>
    /// Set only on a view made from a request-log row (<c>majordomo simulate</c> without the prompt's text):
    /// the facts the row kept stand in for the text.
    /// </summary>
    public RecordedPrompt? Recorded { get; private init; }

    /// <summary>A view of a prompt whose text was not kept: its recorded facts only (no text, so no pattern or classifier reads it).</summary>
    public static PromptView FromRecord(RecordedPrompt recorded) => new()
    {
        Recorded = recorded,
        MediaParts = recorded.HasMedia ? 1 : 0,
        ToolDefinitions = recorded.HasTools ? 1 : 0,
        MaxOutputTokens = recorded.MaxOutputTokens,
        MessageCount = 1,
        UserMessages = 1,
    };

    /// <summary>
    /// The session id used when the client sends none (SPEC §1.1): a stable hash of the system prompt
    /// and the first user message, the same in every process (string.GetHashCode is randomised).
    /// </summary>
    public string DerivedSessionId
    {
        get
        {
            var hash = 14695981039346656037UL;
            hash = Fnv(hash, SystemChars);
            hash = Fnv(hash, "\u0001");
            hash = Fnv(hash, Materialized()._firstUserText.Span);
            return "h-" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    // The text values the one pass found, noted as byte ranges of the body in reading order (with what
    // to do with each): strings are made only when a text property is first read, so a request that only
    // needs its tool history or counts (the loop guard, a named model) never copies its prompt's text.
    private readonly List<TextStepOp> _steps = [];
    private ReadOnlyMemory<byte> _body;
    private bool _materialized;
    private bool _toolsOnly;

    // The texts, each a string or (when long) a slice of the arena's pooled arrays: see TextArena.
    private readonly TextArena _arena = new();
    private ReadOnlyMemory<char> _lastUserText;
    private string? _agent;
    private string? _agentSource;
    private ReadOnlyMemory<char> _firstUserText;
    private ReadOnlyMemory<char> _systemText;
    private ReadOnlyMemory<char> _userText;
    private ReadOnlyMemory<char> _toolResultText;
    private ReadOnlyMemory<char> _assistantText;
    private ReadOnlyMemory<char> _answeredText;
    private ReadOnlyMemory<char> _documentText;
    private int? _userTurnsChars;
    private long _chars;

    // Every text in reading order; tokenized on first use, so a request that never asks for its token
    // count (a named model under the loop guard) does not pay the tokenizer.
    private List<ReadOnlyMemory<char>>? _texts;
    private long _textTokens = -1;
    private ArenaText? _userTextBuilder;
    private ArenaText? _toolText;
    private ArenaText? _assistantBuilder;
    private ArenaText? _answeredBuilder;
    private ArenaText? _documentBuilder;
    private StringBuilder? _toolNames;
    private bool _disposed;

    /// <summary>Reads <paramref name="body"/> and makes every text at once (the span is not kept).</summary>
    public static PromptView Parse(ReadOnlySpan<byte> body, string protocol)
    {
        var view = Walk(body, protocol);
        view.Materialize(body);
        return view;
    }

    /// <summary>
    /// Reads <paramref name="body"/> once for counts, positions and the tool history; the texts are made
    /// from <paramref name="body"/> when first asked for, so it must stay valid while the view is used.
    /// </summary>
    public static PromptView ParseDeferred(ReadOnlyMemory<byte> body, string protocol)
    {
        var view = Walk(body.Span, protocol);
        view._body = body;
        return view;
    }

    /// <summary>
    /// Reads <paramref name="body"/> for the loop guard alone: the tool history, counts and positions, no text noted
    /// and the tool definitions skipped, so the text properties of the view are empty. The guard's own reading of a
    /// request nothing else reads whole (a named model); the span is not kept.
    /// </summary>
    public static PromptView ParseToolsOnly(ReadOnlySpan<byte> body, string protocol)
    {
        return Walk(body, protocol, toolsOnly: true);
    }

    /// <summary>Whether this view holds the tool history without the texts (<see cref="ParseToolsOnly"/>).</summary>
    public bool ToolsOnly => _toolsOnly;

    private static PromptView Walk(ReadOnlySpan<byte> body, string protocol, bool toolsOnly = false)
    {
        var view = new PromptView { _toolsOnly = toolsOnly };
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

        view.ToolNames = view._toolNames?.ToString() ?? "";
        _ = protocol; // both shapes are told apart by their keys; kept for callers' clarity and future use
        return view;
    }

    /// <summary>Whether the texts have been made (tests of the guard-only path, which must not make them).</summary>
    internal bool TextsMade => _materialized;

    /// <summary>
    /// Returns the pooled arrays that hold long texts (the request is done: the caller that made the request disposes
    /// it, when the body's own pooled buffer goes back). The texts read as a disposed object afterwards.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _lastUserText = _firstUserText = _systemText = _userText = _toolResultText = _assistantText = _answeredText = _documentText = default;
        _texts = null;
        _arena.Dispose();
        Tools.Dispose();
    }

    private static string AsString(ReadOnlyMemory<char> text) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetString(text, out var s, out var start, out var length) && start == 0 && length == s.Length
            ? s
            : new string(text.Span);

    private PromptView Materialized()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_materialized)
        {
            Materialize(_body.Span);
        }

        return this;
    }

    /// <summary>Makes the texts from the noted steps, in reading order: what the pass would have built as it went.</summary>
    private void Materialize(ReadOnlySpan<byte> body)
    {
        _materialized = true;
        var text = new ArenaText(_arena);

        // The model's message just before the current one, when it had text: the next user turn answers it.
        var asked = ReadOnlyMemory<char>.Empty;
        foreach (var step in _steps)
        {
            switch (step.Step)
            {
                case TextStep.Begin:
                    text.Clear();
                    break;
                case TextStep.Add when step.Part == Part.Document:
                    AddDocument(step.Decode(body, _arena));
                    break;
                case TextStep.Add:
                    AddText(step.Decode(body, _arena), text, step.Part);
                    break;
                case TextStep.CountOnly:
                    CountText(step.Decode(body, _arena));
                    break;
                case TextStep.EndUser:
                    CountUserTurn(text, step.NoResults, step.FirstUser, asked);
                    asked = default;
                    break;
                case TextStep.EndSystem:
                    _systemText = _systemText.IsEmpty ? text.Build() : text.Length == 0 ? _systemText
                        : new ArenaText(_arena).Append(_systemText).AppendLine().Append(text.Build()).Build();
                    asked = default;
                    break;
                case TextStep.EndTool:
                    if (text.Length > 0)
                    {
                        ToolText().Append(text.Build());
                    }

                    asked = default;
                    break;
                case TextStep.EndAssistant:
                    // A message of tool calls alone asks nothing; its results come between it and any user turn.
                    asked = text.Length > 0 ? text.Build() : default;
                    if (!asked.IsEmpty)
                    {
                        AssistantText().Append(asked);
                    }

                    break;
                case TextStep.AddThought:
                    AssistantText().Append(step.Decode(body, _arena));
                    break;
                case TextStep.AddCall:
                    JsonLines.Append(body.Slice(step.Start, step.Length), _assistantBuilder ??= new ArenaText(_arena), _arena);
                    break;
            }
        }

        _userText = _userTextBuilder?.Build() ?? _userText;
        _toolResultText = _toolText?.Build() ?? default;
        _documentText = _documentBuilder?.Build() ?? default;
        _assistantText = _assistantBuilder?.Build() ?? default;
        _answeredText = _answeredBuilder?.Build() ?? default;
        _steps.Clear();
        _body = default;
    }

    private void Note(TextStep step, bool noResults = false, bool firstUser = false)
    {
        if (!_toolsOnly)
        {
            _steps.Add(new TextStepOp(step, Part.Message, 0, 0, false, noResults, firstUser));
        }
    }

    private void Note(TextStep step, Part part, ref BodyReader reader)
    {
        if (!_toolsOnly)
        {
            _steps.Add(TextStepOp.At(step, part, ref reader));
        }
    }

    private void Note(TextStepOp step)
    {
        if (!_toolsOnly)
        {
            _steps.Add(step);
        }
    }

    private void CountUserTurn(ArenaText text, bool noResults, bool firstUser, ReadOnlyMemory<char> asked)
    {
        var raw = text.Build();
        if (!raw.IsEmpty)
        {
            AddUserTurn(raw);
        }

        if (!raw.IsEmpty || noResults)
        {
            // An Anthropic user turn holding only tool results is not what the user said last,
            // nor is an agent's bookkeeping message.
            var words = ReadAgentText(raw);
            _agent ??= words.Agent;
            if (!words.Bookkeeping)
            {
                _lastUserText = words.Words;
                _agentSource = words.Source;
                Answered(asked, words.Words);
            }

            if (firstUser || _firstUserText.Length == 0)
            {
                _firstUserText = raw;
            }
        }
    }

    /// <summary>
    /// Adds a user turn, whole, to <see cref="UserText"/> (a builder only from the second turn on: one turn's text is its
    /// own), and counts <see cref="UserTurnsChars"/> the way the features always have.
    /// </summary>
    private void AddUserTurn(ReadOnlyMemory<char> raw)
    {
        if (_userTextBuilder is null && !_userText.IsEmpty)
        {
            _userTextBuilder = new ArenaText(_arena).Append(_userText);
        }

        if (_userTextBuilder is null)
        {
            _userText = raw;
        }
        else
        {
            _userTextBuilder.AppendLine().Append(raw);
        }

        if (_userTurnsChars is null && !_lastUserText.IsEmpty)
        {
            _userTurnsChars = _lastUserText.Length;
        }

        _userTurnsChars += 1 + raw.Length;
    }

    /// <summary>Notes a user turn's start beside the end of the model's message it answers (<see cref="AnsweredChars"/>).</summary>
    private void Answered(ReadOnlyMemory<char> asked, ReadOnlyMemory<char> answer)
    {
        answer = answer.TrimStart();
        if (asked.IsEmpty || answer.IsEmpty)
        {
            return;
        }

        var question = asked.Length <= AskedTail ? asked : asked[WordStart(asked.Span, asked.Length - AskedTail)..];
        var head = answer.Length <= AnswerHead ? answer : answer[..WordEnd(answer.Span, AnswerHead)];
        if (_answeredBuilder is { Length: > 0 })
        {
            _answeredBuilder.Append(PairSeparatorText);
        }

        (_answeredBuilder ??= new ArenaText(_arena)).Append(question).AppendLine().Append(head);
    }

    private static readonly ReadOnlyMemory<char> PairSeparatorText = PairSeparator.ToString().AsMemory();

    // A cut made inside a word moves to the word's end (at most 40 characters on), so no value is read in part.
    private static int WordStart(ReadOnlySpan<char> text, int at)
    {
        for (var limit = Math.Min(text.Length, at + 40); at < limit && !char.IsWhiteSpace(text[at - 1]); at++)
        {
        }

        return at;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int at)
    {
        for (var limit = Math.Min(text.Length, at + 40); at < limit && !char.IsWhiteSpace(text[at]); at++)
        {
        }

        return at;
    }

    /// <summary>
    /// The user's words of a user message (<see cref="AgentProfiles.Read"/>); a long message no agent's envelope may
    /// wrap is its own words without being made a string.
    /// </summary>
    private (ReadOnlyMemory<char> Words, string? Agent, bool Bookkeeping, string? Source) ReadAgentText(ReadOnlyMemory<char> raw)
    {
        if (TextArena.IsPooled(raw) && !AgentProfiles.MayWrap(raw.Span))
        {
            return (raw, null, false, null);
        }

        var words = AgentProfiles.Read(AsString(raw));
        return (words.Words.AsMemory(), words.Agent, words.Bookkeeping, words.Source);
    }

    private long TextTokens
    {
        get
        {
            if (_textTokens < 0)
            {
                var tally = new TokenTally(exact: Materialized()._chars <= TokenTally.CountedUpTo);
                foreach (var text in Materialized()._texts ?? [])
                {
                    tally.Add(text.Span);
                }

                _textTokens = tally.Tokens;
            }

            return _textTokens;
        }
    }

    private void CountText(ReadOnlyMemory<char> text)
    {
        _chars += text.Length;
        if (text.Length > 0)
        {
            (_texts ??= []).Add(text);
        }
    }

    /// <summary>Counts a text and adds it to the part's text: a tool's output to <see cref="ToolResultText"/>, any other to <paramref name="text"/>.</summary>
    private void AddText(ReadOnlyMemory<char> part, ArenaText text, Part kind)
    {
        CountText(part);
        if (kind != Part.ToolResult)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            text.Append(part);
        }
        else if (part.Length > 0)
        {
            ToolText().Append(part);
        }
    }

    /// <summary>The text of a document attached to a user message (<see cref="DocumentChars"/>), on a line of its own.</summary>
    private void AddDocument(ReadOnlyMemory<char> part)
    {
        CountText(part);
        if (part.Length > 0)
        {
            _documentBuilder ??= new ArenaText(_arena);
            if (_documentBuilder.Length > 0)
            {
                _documentBuilder.AppendLine();
            }

            _documentBuilder.Append(part);
        }
    }

    /// <summary>The tool output collected so far, a line break added when it holds some already.</summary>
    private ArenaText ToolText()
    {
        _toolText ??= new ArenaText(_arena);
        if (_toolText.Length > 0)
        {
            _toolText.AppendLine();
        }

        return _toolText;
    }

    /// <summary>The model's text collected so far, a line break added when it holds some already.</summary>
    private ArenaText AssistantText()
    {
        _assistantBuilder ??= new ArenaText(_arena);
        if (_assistantBuilder.Length > 0)
        {
            _assistantBuilder.AppendLine();
        }

        return _assistantBuilder;
    }

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>What the text pass does at one point of the reading; see <see cref="Materialize"/>.</summary>
    private enum TextStep : byte
    {
        /// <summary>A new message (or system value): its text starts empty.</summary>
        Begin,

        /// <summary>A text value: counted and added to the current text (a tool's output: to the tool text).</summary>
        Add,

        /// <summary>A text value that is counted (tokens, characters) but belongs to no text, e.g. a tool_use block's text.</summary>
        CountOnly,
        EndUser,
        EndSystem,
        EndTool,
        EndAssistant,

        /// <summary>A tool call's arguments (a JSON value, raw in the body): read as lines into the model's text, not counted.</summary>
        AddCall,

        /// <summary>An Anthropic <c>thinking</c> block's text: the model's words (not an answer a user turn replies to), not counted.</summary>
        AddThought,
    }

    /// <summary>One step: for a text value, where its string is in the body (quotes excluded) and whether it holds escapes.</summary>
    private readonly record struct TextStepOp(TextStep Step, Part Part, int Start, int Length, bool Escaped, bool NoResults, bool FirstUser)
    {
        public static TextStepOp At(TextStep step, Part part, ref BodyReader reader) =>
            new(step, part, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped, false, false);

        /// <summary>A whole JSON value from <paramref name="start"/> to where the reader has consumed, quotes and brackets included.</summary>
        public static TextStepOp Call(long start, ref BodyReader reader) =>
            new(TextStep.AddCall, Part.Message, (int)start, (int)(reader.BytesConsumed - start), false, false, false);

        /// <summary>The value's text: a string, or when long a slice of a pooled array of <paramref name="arena"/>.</summary>
        public ReadOnlyMemory<char> Decode(ReadOnlySpan<byte> body, TextArena arena)
        {
            var value = body.Slice(Start, Length);
            if (Length <= TextArena.LongChars && !Escaped)
            {
                // Decoded characters never outnumber the value's bytes (UTF-8, escapes): a short value stays short.
                return Encoding.UTF8.GetString(value).AsMemory();
            }

            var array = arena.Rent(Length);
            // The reading pass read this value as a JSON string: unescaped without a second reader's validation. An escape no
            // string can hold (a lone surrogate) or invalid UTF-8 reads as empty, as a failed read did before.
            var written = Escaped ? Math.Max(0, JsonStringValue.Unescape(value, array)) : Encoding.UTF8.GetChars(value, array);
            if (written > TextArena.LongChars)
            {
                return new ReadOnlyMemory<char>(array, 0, written);
            }

            var text = new string(array, 0, written);
            arena.Return(array);
            return text.AsMemory();
        }
    }
}

/// <summary>
/// What a request-log row keeps of a prompt (issue 17): enough to route it again without its text —
/// the token estimate, the output cap, media and tools, and the classification and rule it got then.
/// </summary>
internal sealed record RecordedPrompt(int Tokens, int? MaxOutputTokens, bool HasMedia, bool HasTools, string? Complexity, string? TaskType, bool Sensitive, string? Rule);
