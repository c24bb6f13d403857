using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Anthropic;

/// <summary>
/// Byte-level helpers for the Anthropic Messages wire format: what the executor needs to know about an
/// answer (usage, end, error) without deserialising it, and the stop-reason and error-type mappings.
/// </summary>
internal static class AnthropicWire
{
    /// <summary>The <c>anthropic-version</c> sent upstream (the only stable version of the Messages API).</summary>
    public const string Version = "2023-06-01";

    /// <summary>
    /// <c>max_tokens</c> is required by Anthropic and optional in OpenAI's protocol. When an OpenAI client
    /// sends none and the model has no <c>maxOutputTokens</c>, this is sent: every Claude model accepts it
    /// (the smallest output limit is 4096), the same default LiteLLM uses.
    /// </summary>
    public const int DefaultMaxTokens = 4096;

    // Event names, interned so that comparing them is a reference check in the common case.
    public const string MessageStart = "message_start";
    public const string MessageDelta = "message_delta";
    public const string MessageStop = "message_stop";
    public const string ContentBlockStart = "content_block_start";
    public const string ContentBlockDelta = "content_block_delta";
    public const string ContentBlockStop = "content_block_stop";
    public const string Ping = "ping";
    public const string Error = "error";

    public static string FinishReasonFor(string? stopReason) => stopReason switch
    {
        "max_tokens" or "model_context_window_exceeded" => "length",
        "tool_use" => "tool_calls",
        "refusal" => "content_filter",
        _ => "stop", // end_turn, stop_sequence, pause_turn
    };

    public static string StopReasonFor(string? finishReason) => finishReason switch
    {
        "length" => "max_tokens",
        "tool_calls" or "function_call" => "tool_use",
        "content_filter" => "refusal",
        _ => "end_turn",
    };

    /// <summary>Anthropic's error type for an HTTP status (their documented mapping).</summary>
    public static string ErrorTypeFor(int status) => status switch
    {
        400 or 405 or 415 or 422 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        504 => "timeout_error",
        _ => "api_error",
    };

    /// <summary>
    /// One pass over a non-streamed Messages answer: a single JSON object, an error
    /// (<c>{"type":"error",…}</c>) or an answer, and its usage.
    /// </summary>
    public static OpenAIWire.CompletionShape InspectMessage(ReadOnlySpan<byte> json, out Usage usage) =>
        OpenAIWire.InspectObject(json, out usage, static (ref reader) => ReadUsageObject(ref reader, Usage.None), ReadErrorProperty);

    private static void ReadErrorProperty(ref Utf8JsonReader reader, ref bool isError)
    {
        if (reader.ValueTextEquals("type"u8))
        {
            reader.Read();
            isError |= reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("error"u8);
            return;
        }

        var error = reader.ValueTextEquals("error"u8);
        reader.Read();
        isError |= error && reader.TokenType == JsonTokenType.StartObject;
        reader.Skip();
    }

    /// <summary>True when an event is an Anthropic <c>error</c> event (by its name, else by its data's type).</summary>
    public static bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data) =>
        eventType is not null ? eventType == Error : TypeOf(data) == Error;

    /// <summary>
    /// What one stream event tells the executor: the usage so far (message_start carries the input,
    /// message_delta the output), whether the answer finished (a stop_reason) and whether it ended
    /// (message_stop). Content deltas, the bulk of a stream, are recognised by name and not parsed.
    /// </summary>
    public static void Inspect(string? eventType, ReadOnlySpan<byte> data, ref Usage usage, ref bool finished, ref bool ended)
    {
        var type = eventType ?? TypeOf(data);
        switch (type)
        {
            case ContentBlockDelta or ContentBlockStart or ContentBlockStop or Ping:
                return;
            case MessageStop:
                ended = true;
                return;
            case MessageStart:
                usage = ReadNestedUsage(data, "message"u8, usage);
                return;
            case MessageDelta:
                usage = ReadNestedUsage(data, default, usage);
                finished |= HasStopReason(data);
                return;
        }
    }

    /// <summary>The <c>type</c> of an event's data, for streams that send no <c>event:</c> lines.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? Intern(reader.ValueSpan) ?? reader.GetString() : null;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>The known event names as shared strings (no allocation per event).</summary>
    public static string? Intern(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("content_block_delta"u8) => ContentBlockDelta,
        _ when name.SequenceEqual("content_block_start"u8) => ContentBlockStart,
        _ when name.SequenceEqual("content_block_stop"u8) => ContentBlockStop,
        _ when name.SequenceEqual("message_start"u8) => MessageStart,
        _ when name.SequenceEqual("message_delta"u8) => MessageDelta,
        _ when name.SequenceEqual("message_stop"u8) => MessageStop,
        _ when name.SequenceEqual("ping"u8) => Ping,
        _ when name.SequenceEqual("error"u8) => Error,
        _ => null,
    };

    private static bool HasStopReason(ReadOnlySpan<byte> data) => OpenAI.OpenAIWire.HasStringValue(data, "\"stop_reason\""u8);

    // Reads "usage" at the top level, or inside the object named by container (message_start's "message").
    private static Usage ReadNestedUsage(ReadOnlySpan<byte> data, ReadOnlySpan<byte> container, Usage current)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            reader.Read();
            var depth = container.IsEmpty ? 1 : 2;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1 && !container.IsEmpty && reader.ValueTextEquals(container))
                {
                    reader.Read();
                    continue; // step into the container
                }

                if (reader.CurrentDepth == depth && reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.StartObject ? ReadUsageObject(ref reader, current) : current;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return current;
    }

    /// <summary>
    /// Anthropic's usage: <c>input_tokens</c> excludes cache reads and writes, so the prompt total (what
    /// OpenAI calls prompt_tokens) is their sum; cache reads are the cached input. Fields absent from a
    /// later event (message_delta often carries only output_tokens) keep their earlier values.
    /// </summary>
    private static Usage ReadUsageObject(ref Utf8JsonReader reader, Usage current)
    {
        long? input = null, output = null, cacheRead = null, cacheWrite = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            ref var target = ref input;
            if (reader.ValueTextEquals("input_tokens"u8)) { target = ref input; }
            else if (reader.ValueTextEquals("output_tokens"u8)) { target = ref output; }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8)) { target = ref cacheRead; }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8)) { target = ref cacheWrite; }
            else
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
            {
                target = value;
            }
        }

        // A message_delta may repeat the input as 0 (some proxies do); an earlier, real count wins.
        var hasInput = (input ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0) > 0 || (current.InputTokens == 0 && input is not null);
        var cached = cacheRead ?? (hasInput ? 0 : current.CachedInputTokens);
        var totalInput = hasInput ? (input ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0) : current.InputTokens;
        return new Usage(totalInput, output ?? current.OutputTokens, cached, true);
    }
}
