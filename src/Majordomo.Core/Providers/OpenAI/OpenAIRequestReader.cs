using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.Providers.OpenAI;

/// <summary>A client error found while parsing a request body; becomes a 400 in the ingress shape.</summary>
internal sealed class RequestValidationException(string message, string? param = null) : Exception(message)
{
    public string? Param { get; } = param;
}

/// <summary>
/// Reads an OpenAI Chat Completions body in one <see cref="Utf8JsonReader"/> pass: finds what routing
/// needs (model, stream, stream_options, metadata) and the byte ranges to rewrite, and checks the shape.
/// Everything else (tools, response_format, unknown fields) is skipped, not copied, not allocated.
/// </summary>
internal static partial class OpenAIRequestReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 128, CommentHandling = JsonCommentHandling.Disallow };

    public static ChatRequest Parse(ReadOnlyMemory<byte> body) => Parse(body, Dialect.OpenAI, toolHistory: false);

    /// <summary>Which ingress's body the shared pass reads.</summary>
    internal enum Dialect
    {
        OpenAI,
        Anthropic,

        /// <summary>OpenAI Responses: <c>input</c> items instead of <c>messages</c> (<see cref="ReadResponsesField"/>).</summary>
        Responses,
    }

    internal static ChatRequest Parse(ReadOnlyMemory<byte> body, bool anthropic) => Parse(body, anthropic ? Dialect.Anthropic : Dialect.OpenAI, toolHistory: false);

    /// <summary>
    /// Every ingress protocol shares this pass: the fields routing needs and the rewrite spans are the
    /// same; Anthropic adds required <c>max_tokens</c>, a top-level <c>system</c> and user/assistant roles
    /// only; Responses reads <c>input</c>, <c>instructions</c> and <c>previous_response_id</c>. With
    /// <paramref name="toolHistory"/> (a client's request, which the loop guard reads) the pass also notes the
    /// conversation's tool calls (<see cref="ChatRequest.Tools"/>), unless the body cannot hold one
    /// (<see cref="ToolHistory.MayHoldCalls"/>).
    /// </summary>
    internal static ChatRequest Parse(ReadOnlyMemory<byte> body, Dialect dialect, bool toolHistory = false)
    {
        var span = body.Span;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new RequestValidationException(dialect switch
            {
                Dialect.Anthropic => "The request body is empty; expected a JSON object with 'model', 'max_tokens' and 'messages'.",
                Dialect.Responses => "The request body is empty; expected a JSON object with 'model' and 'input'.",
                _ => "The request body is empty; expected a JSON object with 'model' and 'messages'.",
            });
        }

        // The reader does not check the UTF-8 inside strings it skips; one vectorised pass does.
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            throw new RequestValidationException("The request body is not valid UTF-8.");
        }

        var tools = toolHistory && ToolHistory.MayHoldCalls(span) ? new ToolHistory() : null;
        var reader = new BodyReader(span, ReaderOptions, longStrings: false);
        try
        {
            return ParseCore(ref reader, body, dialect, tools, toolHistory);
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException($"The request body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).");
        }
        catch (InvalidOperationException)
        {
            throw new RequestValidationException("The request body is not valid JSON.");
        }
    }

    private static ChatRequest ParseCore(ref BodyReader reader, ReadOnlyMemory<byte> body, Dialect dialect, ToolHistory? tools, bool toolsCollected)
    {
        var anthropic = dialect == Dialect.Anthropic;
        var responses = dialect == Dialect.Responses;
        var input = default(ResponsesInput);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RequestValidationException("The request body must be a JSON object.");
        }

        var objectStart = (int)reader.TokenStartIndex;
        string? model = null;
        var modelSpan = JsonSpan.None;
        var stream = false;
        var wantsUsage = false;
        var streamOptions = JsonSpan.None;
        var includeUsage = JsonSpan.None;
        var messageCount = -1;
        string? source = null, channel = null, session = null, kind = null, profile = null;
        var metadataRemoval = JsonSpan.None;
        var metadataValue = JsonSpan.None;
        byte[]? filteredMetadata = null;
        var hasMaxTokens = false;

        // End of the previous property's value: a property removed after the first one takes the comma before it.
        var previousValueEnd = -1;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var propertyStart = (int)reader.TokenStartIndex;

            // Property name.
            if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    model = reader.GetString();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    throw new RequestValidationException("'model' must be a string.", "model");
                }

                modelSpan = new JsonSpan((int)reader.TokenStartIndex, ValueLength(ref reader));
            }
            else if (reader.ValueTextEquals("stream"u8))
            {
                reader.Read();
                stream = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False or JsonTokenType.Null => false,
                    _ => throw new RequestValidationException("'stream' must be true or false.", "stream"),
                };
            }
            else if (reader.ValueTextEquals("stream_options"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var depth = reader.CurrentDepth;
                    while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
                    {
                        if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("include_usage"u8))
                        {
                            reader.Read();
                            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null))
                            {
                                throw new RequestValidationException("'stream_options.include_usage' must be true or false.", "stream_options.include_usage");
                            }

                            wantsUsage = reader.TokenType == JsonTokenType.True;
                            includeUsage = new JsonSpan((int)reader.TokenStartIndex, ValueLength(ref reader));
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            reader.Skip();
                        }
                    }

                    streamOptions = new JsonSpan(start, (int)reader.TokenStartIndex + 1 - start);
                }
                else if (reader.TokenType == JsonTokenType.Null)
                {
                    streamOptions = new JsonSpan(start, 4);
                }
                else
                {
                    throw new RequestValidationException("'stream_options' must be an object.", "stream_options");
                }
            }
            else if (responses && ReadResponsesField(ref reader, ref input, body.Span, tools))
            {
            }
            else if (!responses && reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new RequestValidationException("'messages' must be an array of message objects.", "messages");
                }

                messageCount = ReadMessages(ref reader, anthropic, body.Span, tools);
            }
            else if (anthropic && reader.ValueTextEquals("max_tokens"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var maxTokens) || maxTokens < 1)
                {
                    throw new RequestValidationException("'max_tokens' must be a positive integer.", "max_tokens");
                }

                hasMaxTokens = true;
            }
            else if (anthropic && reader.ValueTextEquals("system"u8))
            {
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.StartArray or JsonTokenType.Null))
                {
                    throw new RequestValidationException("'system' must be a string or an array of text blocks.", "system");
                }

                if (tools is not null)
                {
                    // Where the loop guard's message would join the system prompt.
                    tools.SystemKind = reader.TokenType;
                    tools.SystemStart = (int)reader.TokenStartIndex;
                }

                reader.Skip();
                if (tools is not null)
                {
                    tools.SystemLength = (int)reader.BytesConsumed - tools.SystemStart;
                }
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var valueStart = (int)reader.TokenStartIndex;
                    var depth = reader.CurrentDepth;
                    var routerKeys = 0;
                    var otherKeys = 0;
                    while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
                    {
                        if (reader.TokenType != JsonTokenType.PropertyName)
                        {
                            continue;
                        }

                        var known = true;
                        if (reader.ValueTextEquals("source"u8)) { source = ReadMetaString(ref reader); }
                        else if (reader.ValueTextEquals("channel"u8)) { channel = ReadMetaString(ref reader); }
                        else if (reader.ValueTextEquals("session"u8)) { session = ReadMetaString(ref reader); }
                        else if (reader.ValueTextEquals("kind"u8)) { kind = ReadMetaString(ref reader); }
                        else if (reader.ValueTextEquals("profile"u8)) { profile = ReadMetaString(ref reader); }
                        else if (reader.ValueTextEquals("cache"u8)) { reader.Read(); reader.Skip(); } // the response cache's opt-out (SPEC §8), read by Caching/CacheKey
                        else { known = false; }

                        if (known)
                        {
                            routerKeys++;
                        }
                        else
                        {
                            otherKeys++;
                            reader.Read();
                            reader.Skip();
                        }
                    }

                    var valueEnd = (int)reader.BytesConsumed;
                    if (routerKeys > 0)
                    {
                        // The router consumes its own keys: OpenAI refuses `metadata` unless `store` is set.
                        if (otherKeys == 0)
                        {
                            metadataRemoval = previousValueEnd >= 0
                                ? new JsonSpan(previousValueEnd, valueEnd - previousValueEnd)
                                : new JsonSpan(propertyStart, AfterComma(body.Span, valueEnd) - propertyStart);
                        }
                        else
                        {
                            metadataValue = new JsonSpan(valueStart, valueEnd - valueStart);
                            filteredMetadata = WithoutRouterKeys(body.Span[valueStart..valueEnd]);
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (FieldFor(ref reader, dialect) is { } field)
            {
                reader.Read();
                CheckField(ref reader, field);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            previousValueEnd = (int)reader.BytesConsumed;
        }

        var objectEnd = (int)reader.TokenStartIndex;

        // Nothing but whitespace may follow the object.
        if (reader.Read())
        {
            throw new RequestValidationException("The request body has data after the JSON object.");
        }

        if (responses)
        {
            messageCount = input.Count;
        }
        else if (messageCount < 0)
        {
            throw new RequestValidationException("'messages' is required: an array with at least one message.", "messages");
        }

        if (messageCount == 0 && !responses)
        {
            throw new RequestValidationException("'messages' must contain at least one message.", "messages");
        }

        if (anthropic && !hasMaxTokens)
        {
            throw new RequestValidationException("'max_tokens' is required: the most tokens the answer may have.", "max_tokens");
        }

        if (tools is not null)
        {
            tools.ObjectStart = objectStart;
        }

        return new ChatRequest
        {
            Body = body,
            Tools = tools,
            ToolsCollected = toolsCollected,
            Protocol = dialect switch
            {
                Dialect.Anthropic => Anthropic.AnthropicProtocol.Id,
                Dialect.Responses => Responses.ResponsesProtocol.Id,
                _ => OpenAIProtocol.Id,
            },
            Model = string.IsNullOrWhiteSpace(model) ? null : model,
            Stream = stream,
            ClientWantsUsage = wantsUsage,
            MessageCount = messageCount,
            // Most bodies carry no metadata: the shared empty one then, not an object per request.
            Metadata = source is null && channel is null && session is null && kind is null && profile is null
                ? RequestMetadata.Empty
                : new RequestMetadata(source, channel, session, kind, profile),
            Splices = new(modelSpan, streamOptions, includeUsage, metadataRemoval, metadataValue, filteredMetadata, objectStart, objectEnd),
            Responses = responses ? input.Facts() : null,
        };
    }

    // The metadata property came first: it takes the comma (and spacing) after it.
    private static int AfterComma(ReadOnlySpan<byte> body, int index)
    {
        while (index < body.Length && body[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            index++;
        }

        if (index < body.Length && body[index] == (byte)',')
        {
            index++;
            while (index < body.Length && body[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                index++;
            }
        }

        return index;
    }

    private static byte[] WithoutRouterKeys(ReadOnlySpan<byte> metadata)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(metadata.Length);
        using (var writer = new Utf8JsonWriter(output))
        {
            var reader = new Utf8JsonReader(metadata);
            reader.Read();
            writer.WriteStartObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var routerOwned = reader.ValueTextEquals("source"u8) || reader.ValueTextEquals("channel"u8) ||
                    reader.ValueTextEquals("session"u8) || reader.ValueTextEquals("kind"u8) || reader.ValueTextEquals("profile"u8) || reader.ValueTextEquals("cache"u8);
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (!routerOwned)
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(metadata[start..(int)reader.BytesConsumed], skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static int ValueLength(ref BodyReader reader) =>
        (int)(reader.BytesConsumed - reader.TokenStartIndex);

    private static string? ReadMetaString(ref BodyReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            var s = reader.GetString();
            return string.IsNullOrWhiteSpace(s) || s.Length > 256 ? null : s;
        }

        reader.Skip();
        return null;
    }

    private static int ReadMessages(ref BodyReader reader, bool anthropic, ReadOnlySpan<byte> body, ToolHistory? tools)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestValidationException($"'messages[{count}]' must be an object with a 'role'.", $"messages[{count}]");
            }

            var hasRole = false;
            var hasContent = false;
            var message = default(ToolMessage);

            // Every value is consumed whole, so the next token is a property of this message or its end.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("role"u8))
                {
                    reader.Read();
                    CheckRole(ref reader, count, anthropic);
                    message.Role = tools is null ? ToolRole.Other : ToolHistory.RoleOf(ref reader);
                    hasRole = true;
                }
                else if (reader.ValueTextEquals("content"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    var kind = reader.TokenType;
                    message.Results += ReadContent(ref reader, count, anthropic, anthropic ? tools : null);
                    if (tools is not null)
                    {
                        ToolHistory.NoteContent(ref message, new JsonSpan(start, (int)reader.BytesConsumed - start), kind);
                    }

                    hasContent = true;
                }
                else if (!anthropic && reader.ValueTextEquals("tool_calls"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        ReadToolCalls(ref reader, count, tools);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        throw new RequestValidationException($"'messages[{count}].tool_calls' must be an array of tool calls.", $"messages[{count}].tool_calls");
                    }
                }
                else if (tools is not null && !anthropic && reader.ValueTextEquals("tool_call_id"u8))
                {
                    reader.Read();
                    message.CallId = ToolHistory.ReadId(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!hasRole)
            {
                throw new RequestValidationException($"'messages[{count}].role' is required.", $"messages[{count}].role");
            }

            if (anthropic && !hasContent)
            {
                throw new RequestValidationException($"'messages[{count}].content' is required.", $"messages[{count}].content");
            }

            tools?.EndMessage(body, message);
            count++;
        }

        if (tools is not null)
        {
            tools.MessagesEnd = (int)reader.TokenStartIndex;
        }

        return count;
    }

    /// <summary>
    /// A message's <c>tool_calls</c> (the reader on the array's start): each element must be an object; with a tool
    /// history, each is noted in it. The path is only spelled out for an error.
    /// </summary>
    private static void ReadToolCalls(ref BodyReader reader, int index, ToolHistory? tools)
    {
        var element = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestValidationException($"'messages[{index}].tool_calls[{element}]' must be a tool call object.", $"messages[{index}].tool_calls[{element}]");
            }

            if (tools is null)
            {
                reader.Skip();
            }
            else
            {
                tools.ReadOpenAICall(ref reader, pending: true);
            }

            element++;
        }
    }

    private static void CheckRole(ref BodyReader reader, int index, bool anthropic)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length == 0)
        {
            throw new RequestValidationException($"'messages[{index}].role' must be a non-empty string.", $"messages[{index}].role");
        }

        if (anthropic)
        {
            // Claude Code sends `system` entries inside `messages` (SPEC §4): accepted, forwarded as is
            // to Anthropic upstreams and folded into the system prompt in translation.
            if (!(reader.ValueTextEquals("user"u8) || reader.ValueTextEquals("assistant"u8) || reader.ValueTextEquals("system"u8)))
            {
                throw new RequestValidationException($"'messages[{index}].role' must be 'user', 'assistant' or 'system'.", $"messages[{index}].role");
            }

            return;
        }

        if (!(reader.ValueTextEquals("user"u8) || reader.ValueTextEquals("assistant"u8) || reader.ValueTextEquals("system"u8) ||
              reader.ValueTextEquals("developer"u8) || reader.ValueTextEquals("tool"u8) || reader.ValueTextEquals("function"u8)))
        {
            throw new RequestValidationException($"'messages[{index}].role' must be one of 'system', 'developer', 'user', 'assistant', 'tool' or 'function'.", $"messages[{index}].role");
        }
    }

    /// <summary>
    /// A message's content: a string, an array of typed parts, or (OpenAI, e.g. beside tool calls) null. Returns the
    /// <c>tool_result</c> blocks in it when <paramref name="tools"/> (an Anthropic message's) notes them.
    /// </summary>
    private static int ReadContent(ref BodyReader reader, int index, bool anthropic, ToolHistory? tools)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return 0;
            case JsonTokenType.Null when !anthropic:
                return 0;
            case JsonTokenType.StartArray:
                break;
            default:
                throw new RequestValidationException(anthropic
                    ? $"'messages[{index}].content' must be a string or an array of content blocks."
                    : $"'messages[{index}].content' must be a string, an array of content parts or null.", $"messages[{index}].content");
        }

        return ReadParts(ref reader, "messages", index, tools);
    }

    /// <summary>
    /// An array of typed parts (the reader is on its start), the content of <c>{list}[{index}]</c>: each an object
    /// with a non-empty string <c>type</c>. The path is only spelled out for an error. With <paramref name="tools"/>
    /// (Anthropic blocks) tool_use and tool_result blocks are noted in it; returns the tool_result blocks.
    /// </summary>
    private static int ReadParts(ref BodyReader reader, string list, int index, ToolHistory? tools = null)
    {
        var part = 0;
        var results = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestValidationException($"'{list}[{index}].content[{part}]' must be an object with a 'type'.", $"{list}[{index}].content[{part}]");
            }

            var hasType = false;
            var block = default(ToolBlock);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                if (!isType && tools is not null && ToolHistory.ReadBlockProperty(ref reader, ref block))
                {
                    continue;
                }

                reader.Read();
                if (isType)
                {
                    if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length == 0)
                    {
                        throw new RequestValidationException($"'{list}[{index}].content[{part}].type' must be a non-empty string.", $"{list}[{index}].content[{part}].type");
                    }

                    block.Type = tools is null ? ToolItem.None : ToolHistory.BlockTypeOf(ref reader);
                    hasType = true;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!hasType)
            {
                throw new RequestValidationException($"'{list}[{index}].content[{part}].type' is required.", $"{list}[{index}].content[{part}].type");
            }

            results += tools?.EndBlock(block) ?? 0;
            part++;
        }

        return results;
    }

    /// <summary>An array (the reader is on its start) whose elements must all be objects; their contents are skipped.</summary>
    private static void ReadObjects(ref BodyReader reader, string path, string what)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestValidationException($"'{path}[{index}]' must be {what}.", $"{path}[{index}]");
            }

            reader.Skip();
            index++;
        }
    }
}
