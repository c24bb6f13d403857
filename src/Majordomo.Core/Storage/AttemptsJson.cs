using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
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

    /// <summary>
    /// The ASCII characters Utf8JsonWriter's default encoder writes as they are: a list whose every text is made
    /// of them, and whose durations are plain decimals, is written by hand (<see cref="TryWritePlain"/>).
    /// </summary>
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(PlainAscii());

    /// <summary>Writes <paramref name="attempts"/> into <paramref name="buffer"/> (reset first).</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, IReadOnlyList<AttemptRecord> attempts)
    {
        if (TryWritePlain(buffer, attempts))
        {
            return;
        }

        using var w = new Utf8JsonWriter(buffer);
        WriteWithWriter(buffer, w, attempts);
    }

    /// <summary>The same, through a writer kept by the caller (reset onto <paramref name="buffer"/> here) when the list needs it: one writer per batch writer, not per row.</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, Utf8JsonWriter w, IReadOnlyList<AttemptRecord> attempts)
    {
        if (!TryWritePlain(buffer, attempts))
        {
            WriteWithWriter(buffer, w, attempts);
        }
    }

    /// <summary>Every list through <see cref="Utf8JsonWriter"/>: what <see cref="TryWritePlain"/> must equal byte for byte.</summary>
    internal static void WriteWithWriter(ArrayBufferWriter<byte> buffer, Utf8JsonWriter w, IReadOnlyList<AttemptRecord> attempts)
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

    /// <summary>
    /// The writer's bytes for the usual list, written directly: no escaping checks through the encoder, UTF-16
    /// transcoding or shortest-double formatting (about half the column's cost). False, with the buffer in any state,
    /// when a text needs escaping or a duration is not a plain decimal: the caller then uses the writer.
    /// </summary>
    internal static bool TryWritePlain(ArrayBufferWriter<byte> buffer, IReadOnlyList<AttemptRecord> attempts)
    {
        buffer.ResetWrittenCount();
        Put(buffer, "["u8);
        for (var i = 0; i < attempts.Count; i++)
        {
            var a = attempts[i];
            if (!PlainText(buffer, i == 0 ? "{\"model\":"u8 : ",{\"model\":"u8, a.Model) || !PlainText(buffer, ",\"credential\":"u8, a.Credential))
            {
                return false;
            }

            Put(buffer, ",\"status\":"u8);
            if (a.Status is { } status)
            {
                Utf8Formatter.TryFormat(status, buffer.GetSpan(11), out var written);
                buffer.Advance(written);
            }
            else
            {
                Put(buffer, "null"u8);
            }

            if (!PlainText(buffer, ",\"outcome\":"u8, a.Outcome) || !PlainText(buffer, ",\"provider\":"u8, a.Provider)
                || !PlainText(buffer, ",\"reason\":"u8, a.Reason) || !PlainDuration(buffer, a.DurationMs))
            {
                return false;
            }

            Put(buffer, "}"u8);
        }

        Put(buffer, "]"u8);
        return true;
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

    private static void Put(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    /// <summary>The property's name and value (its separator and quotes included in <paramref name="name"/>), or false when the value needs escaping.</summary>
    private static bool PlainText(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> name, string? value)
    {
        Put(buffer, name);
        if (value is null)
        {
            Put(buffer, "null"u8);
            return true;
        }

        if (value.AsSpan().ContainsAnyExcept(PlainChars))
        {
            return false;
        }

        var span = buffer.GetSpan(value.Length + 2);
        span[0] = (byte)'"';
        Ascii.FromUtf16(value, span[1..], out var written);
        span[written + 1] = (byte)'"';
        buffer.Advance(written + 2);
        return true;
    }

    /// <summary>
    /// <c>Math.Round(ms, 3)</c> as the writer's shortest round-trip form gives it, for a value in [0, 1e9) that is an
    /// exact thousandth (rounding makes it one): below 1e9 no two decimals of at most three places share a double, so
    /// the trimmed decimal is the shortest text that reads back as it.
    /// </summary>
    private static bool PlainDuration(ArrayBufferWriter<byte> buffer, double ms)
    {
        Put(buffer, ",\"duration_ms\":"u8);
        var value = Math.Round(ms, 3);
        if (!(value >= 0 && value < 1e9) || double.IsNegative(value))
        {
            return false;
        }

        var thousandths = (long)Math.Round(value * 1000);
        if (thousandths / 1000.0 != value)
        {
            return false;
        }

        var span = buffer.GetSpan(16);
        Utf8Formatter.TryFormat(thousandths / 1000, span, out var length);
        var fraction = (int)(thousandths % 1000);
        if (fraction != 0)
        {
            span[length++] = (byte)'.';
            span[length++] = (byte)('0' + (fraction / 100));
            if ((fraction %= 100) != 0)
            {
                span[length++] = (byte)('0' + (fraction / 10));
                if ((fraction %= 10) != 0)
                {
                    span[length++] = (byte)('0' + fraction);
                }
            }
        }

        buffer.Advance(length);
        return true;
    }

    private static string PlainAscii()
    {
        var chars = new StringBuilder();
        for (var c = 0; c < 128; c++)
        {
            if (JavaScriptEncoder.Default.FindFirstCharacterToEncodeUtf8([(byte)c]) < 0)
            {
                chars.Append((char)c);
            }
        }

        return chars.ToString();
    }
}
