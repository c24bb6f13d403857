using System.Text.Json;
using Majordomo.Chat;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Providers.Responses;

/// <summary>Byte-level helpers for the Responses wire format: event kinds, usage, error detection.</summary>
internal static class ResponsesWire
{
    public const string Created = "response.created", InProgress = "response.in_progress", Completed = "response.completed",
        Incomplete = "response.incomplete", Failed = "response.failed", ItemAdded = "response.output_item.added",
        ItemDone = "response.output_item.done", PartAdded = "response.content_part.added", PartDone = "response.content_part.done",
        TextDelta = "response.output_text.delta", TextDone = "response.output_text.done",
        ArgumentsDelta = "response.function_call_arguments.delta", ArgumentsDone = "response.function_call_arguments.done", Error = "error";

    /// <summary>What the relay needs to know of an event.</summary>
    public enum Kind
    {
        Other,
        Delta,
        End,
        Error,
    }

    /// <summary>The event's kind, from its <c>event:</c> name, else from the data's <c>type</c>.</summary>
    public static Kind EventKind(string? eventType, ReadOnlySpan<byte> data)
    {
        if (eventType is not null)
        {
            return KindOf(eventType);
        }

        var type = TypeOf(data);
        return type.IsEmpty ? (OpenAIWire.IsErrorPayload(data) ? Kind.Error : Kind.Other) : KindOf(type);
    }

    private static Kind KindOf(string type) => type switch
    {
        TextDelta or ArgumentsDelta or "response.refusal.delta" or "response.reasoning_text.delta" or "response.reasoning_summary_text.delta" => Kind.Delta,
        Completed or Incomplete => Kind.End,
        Error or Failed => Kind.Error,
        _ => Kind.Other,
    };

    private static Kind KindOf(ReadOnlySpan<byte> type) =>
        type.EndsWith(".delta"u8) ? Kind.Delta
        : type.SequenceEqual("response.completed"u8) || type.SequenceEqual("response.incomplete"u8) ? Kind.End
        : type.SequenceEqual("error"u8) || type.SequenceEqual("response.failed"u8) ? Kind.Error
        : Kind.Other;

    /// <summary>The top-level <c>type</c> of an event's data (raw bytes; empty when absent).</summary>
    public static ReadOnlySpan<byte> TypeOf(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return [];
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? data.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length) : [];
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return [];
    }

    public static bool IsErrorEvent(string? eventType, ReadOnlySpan<byte> data) => EventKind(eventType, data) == Kind.Error;

    /// <summary>The <c>usage</c> of a response (a whole answer or the <c>response</c> of an end event): the last <c>"usage":{</c> parsed.</summary>
    public static bool TryReadUsage(ReadOnlySpan<byte> json, out Usage usage) => OpenAIWire.TryReadUsage(json, out usage, ReadUsage);

    // The reader is on the usage object's StartObject; leaves it on its EndObject.
    private static Usage ReadUsage(ref Utf8JsonReader reader)
    {
        long input = 0, output = 0, cached = 0;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("input_tokens"u8) && reader.CurrentDepth == depth + 1)
            {
                reader.Read();
                reader.TryGetInt64(out input);
            }
            else if (reader.ValueTextEquals("output_tokens"u8) && reader.CurrentDepth == depth + 1)
            {
                reader.Read();
                reader.TryGetInt64(out output);
            }
            else if (reader.ValueTextEquals("cached_tokens"u8))
            {
                reader.Read();
                reader.TryGetInt64(out cached);
            }
        }

        return new Usage(input, output, cached, true);
    }

    /// <summary>
    /// One pass over a non-streamed answer: one JSON object, an error (a non-null <c>error</c> object —
    /// a response object carries <c>"error": null</c>), and its usage.
    /// </summary>
    public static OpenAIWire.CompletionShape InspectResponse(ReadOnlySpan<byte> json, out Usage usage) =>
        OpenAIWire.InspectObject(json, out usage, ReadUsage, ReadErrorProperty);

    private static void ReadErrorProperty(ref Utf8JsonReader reader, ref bool isError)
    {
        var error = reader.ValueTextEquals("error"u8);
        reader.Read();
        isError |= error && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.String;
        reader.Skip();
    }
}
