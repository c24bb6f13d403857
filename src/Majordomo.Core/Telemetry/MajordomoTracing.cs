using System.Diagnostics;
using Majordomo.Storage;

namespace Majordomo.Telemetry;

/// <summary>
/// Spans (SPEC §7): one <c>chat {route}</c> span per request and a child per upstream attempt, with
/// the OpenTelemetry GenAI attributes. Without a listener (no <c>telemetry.otlp</c> traces, no test
/// exporter) <see cref="StartRequest"/> returns null, no attempt span is made and nothing else runs.
/// Only config names, ids, counts and outcomes go on spans: never prompt or answer text, never
/// upstream error text, never a key.
/// </summary>
internal sealed class MajordomoTracing : IDisposable
{
    public const string SourceName = "Majordomo";

    /// <summary>The answered attempt's span, kept open on the request span until the usage is known.</summary>
    private const string AnswerSpan = "majordomo.answer";

    public ActivitySource Source { get; } = new(SourceName);

    /// <summary>
    /// Starts the request span, continuing the caller's W3C <c>traceparent</c>. It becomes
    /// <see cref="Activity.Current"/>, so the upstream call carries the trace on (HttpClient injects
    /// <c>traceparent</c> from it) and the executor finds it (<see cref="CurrentRequest"/>).
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

    /// <summary>The request span of the running request, or null when none is recorded.</summary>
    public Activity? CurrentRequest() =>
        Activity.Current is { } current && ReferenceEquals(current.Source, Source) && current.Kind == ActivityKind.Server ? current : null;

    /// <summary>
    /// One attempt's span, made when the attempt is recorded (<c>Execution/AttemptRecorder</c>), from its
    /// start to now. The answered attempt's span stays open until <see cref="EndRequest"/> adds its usage.
    /// </summary>
    public void Attempt(Activity request, AttemptRecord attempt, string upstreamModel)
    {
        var previous = Activity.Current;
        var end = DateTime.UtcNow;
        var span = Source.StartActivity("chat " + attempt.Model, ActivityKind.Client, request.Context, startTime: end - TimeSpan.FromMilliseconds(attempt.DurationMs));

        // Starting a span makes it current; the request span stays the current one for what follows.
        Activity.Current = previous;
        if (span is null)
        {
            return;
        }

        span.SetTag("gen_ai.operation.name", "chat");
        span.SetTag("gen_ai.provider.name", attempt.Provider);
        span.SetTag("gen_ai.system", attempt.Provider);
        span.SetTag("gen_ai.request.model", upstreamModel);
        span.SetTag("majordomo.model", attempt.Model);
        span.SetTag("majordomo.attempt.outcome", attempt.Outcome);
        span.SetTag("majordomo.credential", attempt.Credential);
        if (attempt.Status is { } status)
        {
            span.SetTag("http.response.status_code", status);
        }

        span.SetEndTime(end);
        if (attempt.Outcome == "ok")
        {
            span.SetTag("gen_ai.response.model", upstreamModel);
            request.SetCustomProperty(AnswerSpan, span);
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, attempt.Outcome);
        span.SetTag("error.type", attempt.Outcome);
        span.Stop();
    }

    /// <summary>Ends the request span from the request's log row (and the answered attempt's span with its usage).</summary>
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
        span.SetTag("majordomo.attempts", row.Attempts.Count);
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

        if (span.GetCustomProperty(AnswerSpan) is Activity answer)
        {
            answer.SetTag("gen_ai.usage.input_tokens", row.InputTokens);
            answer.SetTag("gen_ai.usage.output_tokens", row.OutputTokens);
            answer.Stop();
        }

        span.Stop();
    }

    public void Dispose() => Source.Dispose();
}
