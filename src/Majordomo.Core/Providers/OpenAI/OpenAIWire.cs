using System.Buffers;
using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.Providers.OpenAI;

/// <summary>Byte-level helpers for the OpenAI wire format: body rewriting, usage, error and end detection.</summary>
internal static class OpenAIWire
{
    public static ReadOnlySpan<byte> DoneData => "[DONE]"u8;

    /// <summary>
    /// Builds the upstream body from the client's bytes, replacing only the router-owned fields:
    /// <c>model</c>, and <c>stream_options.include_usage</c> when streaming (so usage can be
    /// accounted even when the client did not ask for it). Every other byte is copied as is.
    /// </summary>
    public static byte[] RewriteBody(ChatRequest request, ReadOnlySpan<byte> upstreamModelJson, bool forceIncludeUsage)
    {
        var body = request.Body.Span;
        var at = request.Splices;
        Span<Edit> edits = stackalloc Edit[4];
        var count = 0;
        if (at.Model.IsPresent)
        {
            edits[count++] = new Edit(at.Model.Start, at.Model.End, EditKind.Model);
        }
        else
        {
            edits[count++] = new Edit(at.ObjectStart + 1, at.ObjectStart + 1, EditKind.InsertModel);
        }

        if (forceIncludeUsage && request.Stream && !request.ClientWantsUsage)
        {
            if (at.IncludeUsage.IsPresent)
            {
                edits[count++] = new Edit(at.IncludeUsage.Start, at.IncludeUsage.End, EditKind.True);
            }
            else if (at.StreamOptions.IsPresent && body[at.StreamOptions.Start] == (byte)'{')
            {
                var open = at.StreamOptions.Start + 1;
                var empty = body[open..(at.StreamOptions.End - 1)].Trim(" \t\r\n"u8).IsEmpty;
                edits[count++] = new Edit(open, open, empty ? EditKind.IncludeUsageOnly : EditKind.IncludeUsageComma);
            }
            else if (at.StreamOptions.IsPresent)
            {
                edits[count++] = new Edit(at.StreamOptions.Start, at.StreamOptions.End, EditKind.StreamOptionsObject);
            }
            else
            {
                edits[count++] = new Edit(at.ObjectEnd, at.ObjectEnd, EditKind.AppendStreamOptions);
            }
        }

        if (at.MetadataRemoval.IsPresent)
        {
            edits[count++] = new Edit(at.MetadataRemoval.Start, at.MetadataRemoval.End, EditKind.Remove);
        }
        else if (at.FilteredMetadata is not null)
        {
            edits[count++] = new Edit(at.MetadataValue.Start, at.MetadataValue.End, EditKind.Metadata);
        }

        // By position; an insertion sorts before a removal that starts at the same byte.
        edits[..count].Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));

        // Size first, then one exact allocation: the body is copied once.
        var total = body.Length;
        foreach (var edit in edits[..count])
        {
            total += Replacement(edit.Kind, upstreamModelJson, request).Length + (edit.Kind == EditKind.InsertModel ? upstreamModelJson.Length + 1 : 0) - (edit.End - edit.Start);
        }

        var output = new byte[total];
        var target = output.AsSpan();
        var position = 0;
        foreach (var edit in edits[..count])
        {
            Copy(body[position..edit.Start], ref target);
            Copy(Replacement(edit.Kind, upstreamModelJson, request), ref target);
            if (edit.Kind == EditKind.InsertModel)
            {
                Copy(upstreamModelJson, ref target);
                Copy(","u8, ref target);
            }

            position = edit.End;
        }

        Copy(body[position..], ref target);
        return output;
    }

    private static ReadOnlySpan<byte> Replacement(EditKind kind, ReadOnlySpan<byte> upstreamModelJson, ChatRequest request) => kind switch
    {
        EditKind.Remove => [],
        EditKind.Metadata => request.Splices.FilteredMetadata,
        EditKind.Model => upstreamModelJson,
        EditKind.InsertModel => "\"model\":"u8,
        EditKind.True => "true"u8,
        EditKind.IncludeUsageOnly => "\"include_usage\":true"u8,
        EditKind.IncludeUsageComma => "\"include_usage\":true,"u8,
        EditKind.StreamOptionsObject => "{\"include_usage\":true}"u8,
        _ => ",\"stream_options\":{\"include_usage\":true}"u8,
    };

    private static void Copy(ReadOnlySpan<byte> source, ref Span<byte> target)
    {
        source.CopyTo(target);
        target = target[source.Length..];
    }

    /// <summary>Encodes a model name once as a JSON string literal (with quotes) for splicing.</summary>
    public static byte[] EncodeJsonString(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 8);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStringValue(value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads the <c>usage</c> object of a chunk, if present and not null. Streams that report usage carry
    /// <c>"usage":null</c> in every chunk, so the check must cost a byte scan, not a parse: only a
    /// <c>"usage":</c> followed by <c>{</c> is parsed, and only that object. A quote is always escaped
    /// inside JSON strings, so the raw bytes <c>"usage"</c> can only be a property name.
    /// </summary>
    public static bool TryReadUsage(ReadOnlySpan<byte> json, out Usage usage) =>
        PlainUsage.TryRead(UsageObject(json), out usage) || TryReadUsageByReader(json, out usage);

    /// <summary>The usage read by the JSON reader alone (what <see cref="PlainUsage"/> must agree with).</summary>
    internal static bool TryReadUsageByReader(ReadOnlySpan<byte> json, out Usage usage) => TryReadUsage(json, out usage, ReadUsageObject);

    /// <summary>The usage object <see cref="UsageObject"/> finds, read by the protocol's own <paramref name="readUsage"/>.</summary>
    public static bool TryReadUsage(ReadOnlySpan<byte> json, out Usage usage, UsageReader readUsage)
    {
        usage = Usage.None;
        var rest = UsageObject(json);
        if (rest.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(rest);
            reader.Read();
            usage = readUsage(ref reader);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The bytes from the last <c>"usage":{</c> on (starting at its brace); empty when there is none or it is null.</summary>
    internal static ReadOnlySpan<byte> UsageObject(ReadOnlySpan<byte> json)
    {
        // Every chunk of a stream with usage ends so until the last: its last "usage" is that null, no search needed.
        if (json.EndsWith("\"usage\":null}"u8))
        {
            return [];
        }

        var at = json.LastIndexOf("\"usage\""u8);
        if (at < 0)
        {
            return [];
        }

        var rest = json[(at + 7)..].TrimStart(" \t\r\n"u8);
        if (rest.Length == 0 || rest[0] != (byte)':')
        {
            return [];
        }

        rest = rest[1..].TrimStart(" \t\r\n"u8);
        return rest.Length == 0 || rest[0] != (byte)'{' ? [] : rest;
    }

    // The reader is on the usage object's StartObject; leaves it on its EndObject.
    private static Usage ReadUsageObject(ref Utf8JsonReader reader)
    {
        long input = 0, output = 0, cached = 0;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                reader.Read();
                reader.TryGetInt64(out input);
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                reader.Read();
                reader.TryGetInt64(out output);
            }
            else if (reader.ValueTextEquals("prompt_tokens_details"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var d = reader.CurrentDepth;
                    while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == d))
                    {
                        if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("cached_tokens"u8))
                        {
                            reader.Read();
                            reader.TryGetInt64(out cached);
                        }
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Usage(input, output, cached, true);
    }

    /// <summary>True for a chunk whose only job is carrying usage: <c>"choices":[]</c>.</summary>
    public static bool IsUsageOnlyChunk(ReadOnlySpan<byte> json) =>
        json.IndexOf("\"choices\":[]"u8) >= 0 || json.IndexOf("\"choices\": []"u8) >= 0;

    public enum CompletionShape
    {
        Answer,
        Error,
        NotJson,
    }

    /// <summary>
    /// A non-streamed answer: is it a JSON object, is it an <c>{"error":…}</c>, and its usage. An answer that
    /// names no <c>"error"</c> (nearly every one) is not parsed: it must begin with <c>{</c> and end with
    /// <c>}</c>, and its usage is the last <c>"usage":{</c> in it, as for a stream's events and a big answer's
    /// tail (a full parse was ~1 µs of a ~700-byte answer, the non-stream path's largest item of its own).
    /// One that names it gets the full pass, which tells an error object from an answer that mentions one.
    /// </summary>
    public static CompletionShape InspectCompletion(ReadOnlySpan<byte> json, out Usage usage)
    {
        if (!IsObjectShaped(json))
        {
            usage = Usage.None;
            return CompletionShape.NotJson;
        }

        if (json.IndexOf("\"error\""u8) >= 0)
        {
            return InspectObject(json, out usage, ReadUsageObject, ReadErrorProperty);
        }

        TryReadUsage(json, out usage);
        return CompletionShape.Answer;
    }

    /// <summary>
    /// True when the bytes, whitespace aside, begin with <c>{</c> and end with <c>}</c>: the shape check of
    /// what is forwarded without a parse (HTML, plain text and a cut object fail it; a malformed middle does not).
    /// </summary>
    public static bool IsObjectShaped(ReadOnlySpan<byte> json)
    {
        var trimmed = json.Trim(" \t\r\n"u8);
        return trimmed.Length >= 2 && trimmed[0] == (byte)'{' && trimmed[^1] == (byte)'}';
    }

    private static void ReadErrorProperty(ref Utf8JsonReader reader, ref bool isError)
    {
        var error = reader.ValueTextEquals("error"u8);
        reader.Read();
        if (error)
        {
            isError = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String;
        }

        reader.Skip();
    }

    /// <summary>Reads a <c>usage</c> object, the reader on its start.</summary>
    public delegate Usage UsageReader(ref Utf8JsonReader reader);

    /// <summary>
    /// Reads past one top-level property other than <c>usage</c> (the reader on its name), setting
    /// <paramref name="isError"/> where the protocol says it marks an error.
    /// </summary>
    public delegate void PropertyReader(ref Utf8JsonReader reader, ref bool isError);

    /// <summary>
    /// The one pass each protocol's non-streamed answer check shares: a single JSON object, its
    /// <c>usage</c> read by <paramref name="readUsage"/>, every other property by <paramref name="readProperty"/>.
    /// </summary>
    public static CompletionShape InspectObject(ReadOnlySpan<byte> json, out Usage usage, UsageReader readUsage, PropertyReader readProperty)
    {
        usage = Usage.None;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return CompletionShape.NotJson;
            }

            var isError = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("usage"u8))
                {
                    readProperty(ref reader, ref isError);
                    continue;
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    usage = readUsage(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return CompletionShape.NotJson;
            }

            return isError ? CompletionShape.Error : CompletionShape.Answer;
        }
        catch (JsonException)
        {
            return CompletionShape.NotJson;
        }
    }

    /// <summary>True when a chunk carries a non-null finish_reason.</summary>
    public static bool HasFinishReason(ReadOnlySpan<byte> json) => HasStringValue(json, "\"finish_reason\""u8);

    /// <summary>
    /// True when the first property named <paramref name="quotedName"/> (quotes included) has a string value:
    /// a byte search, no parse, for the per-chunk checks of both protocols' streams.
    /// </summary>
    public static bool HasStringValue(ReadOnlySpan<byte> json, ReadOnlySpan<byte> quotedName)
    {
        var i = json.IndexOf(quotedName);
        if (i < 0)
        {
            return false;
        }

        var rest = json[(i + quotedName.Length)..].TrimStart(" \t\r\n:"u8);
        return rest.Length > 0 && rest[0] == (byte)'"';
    }

    /// <summary>True when a JSON payload is an error object (<c>{"error": …}</c>) rather than an answer.</summary>
    public static bool IsErrorPayload(ReadOnlySpan<byte> json)
    {
        var trimmed = json.TrimStart(" \t\r\n"u8);
        if (trimmed.Length == 0 || trimmed[0] != (byte)'{' || StartsWithAnswerField(trimmed))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(trimmed);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    return reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String;
                }

                if (reader.ValueTextEquals("choices"u8) || reader.ValueTextEquals("id"u8))
                {
                    return false;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    // IsErrorPayload stops at a first property named id or choices: written plainly, it needs no parse.
    private static bool StartsWithAnswerField(ReadOnlySpan<byte> trimmed) =>
        trimmed.StartsWith("{\"id\""u8) || trimmed.StartsWith("{\"choices\""u8);

    private enum EditKind
    {
        Model,
        InsertModel,
        True,
        IncludeUsageOnly,
        IncludeUsageComma,
        StreamOptionsObject,
        AppendStreamOptions,
        Remove,
        Metadata,
    }

    private readonly record struct Edit(int Start, int End, EditKind Kind);
}
