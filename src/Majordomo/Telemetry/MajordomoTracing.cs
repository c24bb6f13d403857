using System.Diagnostics;
using Majordomo.Storage;

namespace Majordomo.Telemetry;

/// <summary>
/// Spans (SPEC §7): one <c>chat {route}</c> span per request and a child per upstream attempt, with
/// the OpenTelemetry GenAI attributes. Without a listener (no <c>telemetry.otlp.traces</c>, no test
/// exporter) <see cref="StartRequest"/> returns null and nothing else runs. Only config names, ids,
/// counts and outcomes go on spans: never prompt or answer text, never upstream error text.
/// </summary>
internal sealed class MajordomoTracing : IDisposable
{
    public const string SourceName = "Majordomo";

    public ActivitySource Source { get; } = new(SourceName);

    /// <summary>
    /// Starts the request span, continuing the caller's W3C <c>traceparent</c>. It becomes
    /// <see cref="Activity.Current"/>, so the upstream call carries it on (HttpClient injects it).
    /// </summary>
    public Activity? StartRequest(string? traceparent, string? tracestate)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(traceparent, tracestate, isRemote: true, out var parent);
        return Source.StartActivity("chat", ActivityKind.Server, parent);
    }

    /// <summary>
    /// Ends the request span from the request's log row and adds one child span per attempt. The
    /// attempts are laid one after another from the span's start (the row keeps each one's duration,
    /// not its start), so backoff waits show after the last attempt, not between them.
    /// </summary>
    public void EndRequest(Activity span, RequestLogRecord row, string? classification)
    {
        span.DisplayName = "chat " + (row.Route ?? row.RequestedModel ?? "default");
        span.SetTag("gen_ai.operation.name", "chat");
        span.SetTag("gen_ai.request.model", row.RequestedModel);
        span.SetTag("majordomo.route", row.Route);
        span.SetTag("majordomo.tier", row.Tier);
        span.SetTag("majordomo.rule", row.Rule);
        span.SetTag("majordomo.classification", classification);
        span.SetTag("majordomo.request_id", row.Id);
        span.SetTag("http.response.status_code", row.Status);
        if (row.AnsweredBy is { } answeredBy)
        {
            span.SetTag("gen_ai.response.model", answeredBy);
            span.SetTag("gen_ai.provider.name", row.Attempts.Count > 0 ? row.Attempts[^1].Provider : null);
            span.SetTag("gen_ai.usage.input_tokens", row.InputTokens);
            span.SetTag("gen_ai.usage.output_tokens", row.OutputTokens);
        }

        if (row.Status >= 400)
        {
            span.SetStatus(ActivityStatusCode.Error, row.ErrorCode);
            span.SetTag("error.type", row.ErrorCode ?? row.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var at = span.StartTimeUtc;
        for (var i = 0; i < row.Attempts.Count; i++)
        {
            var attempt = row.Attempts[i];
            var answered = row.AnsweredBy is not null && i == row.Attempts.Count - 1 && attempt.Outcome == "ok";
            AddAttempt(span, attempt, at, answered ? row : null);
            at += TimeSpan.FromMilliseconds(attempt.DurationMs);
        }

        span.Stop();
    }

    private void AddAttempt(Activity parent, AttemptRecord attempt, DateTime start, RequestLogRecord? answer)
    {
        using var child = Source.StartActivity("chat " + attempt.Model, ActivityKind.Client, parent.Context, startTime: start);
        if (child is null)
        {
            return;
        }

        child.SetTag("gen_ai.operation.name", "chat");
        child.SetTag("gen_ai.provider.name", attempt.Provider);
        child.SetTag("gen_ai.request.model", attempt.Model);
        child.SetTag("majordomo.attempt.outcome", attempt.Outcome);
        child.SetTag("majordomo.credential", attempt.Credential);
        if (attempt.Status is { } status)
        {
            child.SetTag("http.response.status_code", status);
        }

        if (answer is not null)
        {
            child.SetTag("gen_ai.response.model", attempt.Model);
            child.SetTag("gen_ai.usage.input_tokens", answer.InputTokens);
            child.SetTag("gen_ai.usage.output_tokens", answer.OutputTokens);
        }
        else if (attempt.Outcome != "ok")
        {
            child.SetStatus(ActivityStatusCode.Error, attempt.Outcome);
            child.SetTag("error.type", attempt.Outcome);
        }

        child.SetEndTime(start + TimeSpan.FromMilliseconds(attempt.DurationMs));
    }

    public void Dispose() => Source.Dispose();
}
