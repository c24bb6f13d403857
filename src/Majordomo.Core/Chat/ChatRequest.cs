using System.Globalization;

namespace Majordomo.Chat;

/// <summary>Routing metadata from the <c>X-Router-*</c> headers or the body's <c>metadata</c> object (a header wins).</summary>
internal sealed record RequestMetadata(string? Source, string? Channel, string? Session, string? Kind, string? Profile)
{
    public static readonly RequestMetadata Empty = new(null, null, null, null, null);
}

/// <summary>A byte range inside the client's body; <see cref="Start"/> is -1 when absent.</summary>
internal readonly record struct JsonSpan(int Start, int Length)
{
    public static readonly JsonSpan None = new(-1, 0);

    public bool IsPresent => Start >= 0;

    public int End => Start + Length;
}

/// <summary>
/// What a Responses body (<c>POST /v1/responses</c>) adds: where <c>input</c> is (a string, or an array of
/// items), the <c>previous_response_id</c> it continues, whether the answer may be stored, and the hosted
/// tools (<c>web_search</c>, …) it offers, comma-separated (null when none).
/// </summary>
internal sealed record ResponsesFacts(JsonSpan Input, bool InputIsString, string? PreviousResponseId, JsonSpan PreviousResponseIdValue, bool Store, string? HostedTools);

/// <summary>
/// The byte ranges of the client's body the router may rewrite when it forwards the body as is (STYLE #4):
/// the <c>model</c> value, <c>stream_options</c> and its <c>include_usage</c>, and the top-level braces.
/// <paramref name="MetadataRemoval"/> is what to cut when <c>metadata</c> held only router-owned keys (the
/// property with its separating comma); when it mixed router-owned and other keys,
/// <paramref name="MetadataValue"/> is its value and <paramref name="FilteredMetadata"/> the value without them.
/// </summary>
internal readonly record struct BodySplices(
    JsonSpan Model, JsonSpan StreamOptions, JsonSpan IncludeUsage,
    JsonSpan MetadataRemoval, JsonSpan MetadataValue, byte[]? FilteredMetadata,
    int ObjectStart, int ObjectEnd)
{
    public static readonly BodySplices None = new(JsonSpan.None, JsonSpan.None, JsonSpan.None, JsonSpan.None, JsonSpan.None, null, 0, 0);
}

/// <summary>
/// A chat request as received: the client's exact bytes plus what routing needs, parsed once.
/// Same-protocol forwarding splices router-owned fields into <see cref="Body"/> (STYLE #4).
/// Disposed by whoever made it when the request is done, with the body's buffer: that returns the pooled
/// arrays holding the prompt's long texts (<see cref="TextArena"/>).
/// </summary>
internal sealed class ChatRequest : IDisposable
{
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The ingress protocol: <c>openai</c> (chat completions) or <c>anthropic</c> (messages).</summary>
    public required string Protocol { get; init; }

    /// <summary>The client's <c>anthropic-beta</c> header, forwarded to Anthropic-protocol upstreams of Anthropic clients.</summary>
    public string? AnthropicBeta { get; set; }

    public string? Model { get; init; }

    /// <summary>
    /// The session id derived from the prompt (SPEC §1.1) once something needed it (pins, commands, the loop
    /// guard); logged when the client sent no <c>X-Router-Session</c>. Null when nothing read the prompt.
    /// </summary>
    public string? DerivedSession { get; set; }

    public bool Stream { get; init; }

    /// <summary>True when the client itself asked for <c>stream_options.include_usage</c>.</summary>
    public bool ClientWantsUsage { get; init; }

    public int MessageCount { get; init; }

    public RequestMetadata Metadata { get; set; } = RequestMetadata.Empty;

    /// <summary>The configured name of the gateway API key that authorised the request (never the key itself).</summary>
    public string? ApiKeyName { get; set; }

    /// <summary>The session id of SPEC §1.1: <c>X-Router-Session</c> (or body metadata), else derived from the prompt.</summary>
    public string SessionId => Metadata.Session ?? (DerivedSession ??= Prompt.DerivedSessionId);

    /// <summary>
    /// What session pins and loop state are kept under (SPEC §1.1): the session id, scoped by the gateway
    /// key name when keys are configured, so tenants sending the same id (or the same first messages) never
    /// share a pin or a loop history. The name's length leads, so no name and id can spell another tenant's key.
    /// </summary>
    public string SessionKey => ApiKeyName is { } name
        ? string.Create(CultureInfo.InvariantCulture, $"{name.Length}:{name}:{SessionId}")
        : SessionId;

    /// <summary>Where the router may rewrite <see cref="Body"/>, found by the one parse.</summary>
    internal BodySplices Splices { get; init; } = BodySplices.None;

    /// <summary>The Responses-only facts; null for the other protocols.</summary>
    internal ResponsesFacts? Responses { get; init; }

    /// <summary>
    /// The conversation's tool calls since its last user turn, noted by the ingress parse in its own pass over the
    /// messages (by position: the loop guard hashes those it looks at, <see cref="ToolHistory.Window"/>). Null when the
    /// body holds no call or when the parse was not asked to note them (<see cref="ToolsCollected"/>).
    /// </summary>
    internal ToolHistory? Tools { get; init; }

    /// <summary>Whether the ingress parse noted the tool history (<see cref="Tools"/>); else the loop guard reads it itself.</summary>
    internal bool ToolsCollected { get; init; }

    private PromptView? _prompt;

    /// <summary>
    /// The prompt as the loop guard, the router, the classifier and budgets read it: parsed from
    /// <see cref="Body"/> at most once, on first use, so a request naming a model never parses it.
    /// </summary>
    public PromptView Prompt => _prompt ??= PromptView.ParseDeferred(Body, Protocol);

    /// <summary>A prompt view made elsewhere (a replayed request-log row: <see cref="PromptView.FromRecord"/>), used instead of parsing <see cref="Body"/>.</summary>
    internal PromptView ReplayedPrompt
    {
        init => _prompt = value;
    }

    /// <summary>Whether <see cref="Prompt"/> has been read (tests of the named-model fast path).</summary>
    internal bool PromptRead => _prompt is not null;

    public void Dispose()
    {
        _prompt?.Dispose();
        Tools?.Dispose();
    }
}

/// <summary>Token usage as reported by the upstream (or estimated when it reports none).</summary>
internal readonly record struct Usage(long InputTokens, long OutputTokens, long CachedInputTokens, bool Reported)
{
    public static readonly Usage None = new(0, 0, 0, false);
}
