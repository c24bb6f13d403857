using System.Buffers;
using System.Text.Json;

namespace Majordomo.Storage;

/// <summary>The request log's attempts column, the same JSON in every store: one object per upstream call.</summary>
internal static class AttemptsJson
{
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
            w.WriteString("provider", a.Provider);
            w.WriteString("reason", a.Reason);
            w.WriteNumber("duration_ms", Math.Round(a.DurationMs, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
    }

    /// <summary>Which model and credential an attempt used and how it ended: what every view of an attempt shows.</summary>
    public static void WriteOutcome(Utf8JsonWriter w, AttemptRecord a)
    {
        w.WriteString("model", a.Model);
        w.WriteString("credential", a.Credential);
        w.WriteNumberOrNull("status", a.Status);
        w.WriteString("outcome", a.Outcome);
    }
}
