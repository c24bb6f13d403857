using System.Buffers;
using System.Text.Json;

namespace Majordomo.Storage;

/// <summary>The request log's attempts column, the same JSON in every store: one object per upstream call.</summary>
internal static class AttemptsJson
{
    // Encoded once: a name given as a string is checked for characters to escape on every write.
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Credential = JsonEncodedText.Encode("credential");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Provider = JsonEncodedText.Encode("provider");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText DurationMs = JsonEncodedText.Encode("duration_ms");

    /// <summary>Writes <paramref name="attempts"/> into <paramref name="buffer"/> (reset first).</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, IReadOnlyList<AttemptRecord> attempts)
    {
        using var w = new Utf8JsonWriter(buffer);
        Write(buffer, w, attempts);
    }

    /// <summary>The same, through a writer kept by the caller (reset onto <paramref name="buffer"/> here): one writer per batch writer, not per row.</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, Utf8JsonWriter w, IReadOnlyList<AttemptRecord> attempts)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        w.WriteStartArray();
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];
            w.WriteStartObject();
            WriteOutcome(w, a);
            w.WriteString(Provider, a.Provider);
            w.WriteString(Reason, a.Reason);
            w.WriteNumber(DurationMs, Math.Round(a.DurationMs, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
    }

    /// <summary>Which model and credential an attempt used and how it ended: what every view of an attempt shows.</summary>
    public static void WriteOutcome(Utf8JsonWriter w, AttemptRecord a)
    {
        w.WriteString(Model, a.Model);
        w.WriteString(Credential, a.Credential);

        // An int written as an int: the double overload formats it through the floating-point path.
        if (a.Status is { } status)
        {
            w.WriteNumber(Status, status);
        }
        else
        {
            w.WriteNull(Status);
        }

        w.WriteString(Outcome, a.Outcome);
    }
}
