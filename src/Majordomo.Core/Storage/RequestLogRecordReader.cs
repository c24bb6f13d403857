using System.Data.Common;
using System.Text.Json;

namespace Majordomo.Storage;

/// <summary>
/// Reads a whole <see cref="RequestLogRecord"/> from a row selected in <see cref="Columns"/> order, for
/// every store; the caller reads the timestamp (column 1), whose type differs per engine.
/// </summary>
internal static class RequestLogRecordReader
{
    public const string Columns = """
        id, ts, ingress, requested_model, route, tier, rule, answered_by, status, error_code, stream, duration_ms, first_byte_ms,
        input_tokens, output_tokens, usage_reported, source, session, kind, attempts, loop, cost_usd, cost_estimated, quota_units,
        api_key, degradation, complexity, task_type, sensitive, classifier_source
        """;

    public static RequestLogRecord Read(DbDataReader r, DateTimeOffset timestamp) => new()
    {
        Id = r.GetString(0),
        Timestamp = timestamp,
        Ingress = r.GetString(2),
        RequestedModel = Text(r, 3),
        Route = Text(r, 4),
        Tier = Text(r, 5),
        Rule = Text(r, 6),
        AnsweredBy = Text(r, 7),
        Status = r.GetInt32(8),
        ErrorCode = Text(r, 9),
        Stream = r.GetBoolean(10),
        DurationMs = r.GetDouble(11),
        FirstByteMs = r.IsDBNull(12) ? null : r.GetDouble(12),
        InputTokens = r.GetInt64(13),
        OutputTokens = r.GetInt64(14),
        UsageReported = r.GetBoolean(15),
        Source = Text(r, 16),
        Session = Text(r, 17),
        Kind = Text(r, 18),
        Attempts = Attempts(r.GetString(19)),
        Loop = Text(r, 20),
        CostUsd = r.IsDBNull(21) ? null : r.GetDouble(21),
        CostEstimated = r.GetBoolean(22),
        QuotaUnits = r.GetDouble(23),
        ApiKey = Text(r, 24),
        Degradation = Text(r, 25),
        Complexity = Text(r, 26),
        TaskType = Text(r, 27),
        Sensitive = r.IsDBNull(28) ? null : r.GetBoolean(28),
        ClassifierSource = Text(r, 29),
    };

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The <c>attempts</c> column as <see cref="AttemptsJson"/> writes it.</summary>
    private static AttemptRecord[] Attempts(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attempts = new AttemptRecord[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var a in document.RootElement.EnumerateArray())
        {
            var status = a.GetProperty("status");
            attempts[i++] = new AttemptRecord(
                a.GetProperty("model").GetString()!,
                a.GetProperty("provider").GetString()!,
                a.GetProperty("credential").GetString(),
                status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
                a.GetProperty("outcome").GetString()!,
                a.GetProperty("reason").GetString(),
                a.GetProperty("duration_ms").GetDouble());
        }

        return attempts;
    }
}
