using System.Buffers;
using System.Text.Json;

namespace Majordomo.Storage;

/// <summary>The request log's attempts column, the same JSON in every store: one object per upstream call.</summary>
internal static class AttemptsJson
{
    /// <summary>Writes <paramref name="attempts"/> into <paramref name="buffer"/> (reset first).</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, IReadOnlyList<AttemptRecord> attempts)
    {
        buffer.ResetWrittenCount();
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartArray();
        foreach (var a in attempts)
        {
            w.WriteStartObject();
            w.WriteString("model", a.Model);
            w.WriteString("provider", a.Provider);
            w.WriteString("credential", a.Credential);
            w.WriteNumberOrNull("status", a.Status);
            w.WriteString("outcome", a.Outcome);
            w.WriteString("reason", a.Reason);
            w.WriteNumber("duration_ms", Math.Round(a.DurationMs, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
