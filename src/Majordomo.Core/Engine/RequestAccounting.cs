using System.Diagnostics;
using Majordomo.Budgets;
using Majordomo.Chat;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.LoopGuard;
using Majordomo.Routing;
using Majordomo.Storage;
using Majordomo.Telemetry;

namespace Majordomo.Engine;

/// <summary>
/// The end of every request, whichever face took it (an HTTP ingress or the library's
/// <c>IChatClient</c>): one request-log row, the metrics recorded from it, the request span closed.
/// </summary>
internal sealed partial class RequestAccounting(IRequestLog requestLog, MajordomoMetrics metrics, MajordomoTracing tracing, TimeProvider time, ILogger<RequestAccounting> logger)
{
    /// <param name="startedTimestamp">The request's start (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="span">The request span (null while nothing listens).</param>
    /// <param name="routed">False for a request refused before routing (it counts for the loop guard, not in <c>majordomo_requests_total</c>).</param>
    public void Record(string requestId, ChatRequest request, RoutePlan? plan, int status, string? errorCode, ExecutionOutcome? outcome, long startedTimestamp, Activity? span,
        DegradationLevel level, string? tier = null, LoopVerdict? loop = null, bool routed = true, GatewaySnapshot? snapshot = null, string? cache = null)
    {
        var duration = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        var usage = outcome?.Usage ?? Usage.None;
        if (outcome is { Status: ExecutionStatus.Cancelled or ExecutionStatus.StreamFailed, Cost: { } charged } && !usage.Reported)
        {
            // A stream cut short is logged with the tokens it was charged for (estimated, so not "reported").
            usage = new Usage(charged.InputTokens, charged.OutputTokens, 0, Reported: false);
        }

        var prompt = request.PromptRead ? request.Prompt : null;
        var row = new RequestLogRecord
        {
            Id = requestId,
            Timestamp = time.GetUtcNow(),
            Ingress = request.Protocol,
            RequestedModel = request.Model,
            Route = plan?.RouteName,
            Tier = plan?.Tier ?? tier,
            Rule = plan?.Rule,
            AnsweredBy = outcome?.Status is ExecutionStatus.Answered or ExecutionStatus.StreamFailed ? outcome.AnsweredBy : null,
            Status = status,
            ErrorCode = errorCode,
            Stream = request.Stream,
            DurationMs = duration,
            FirstByteMs = outcome?.FirstByteMs,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            UsageReported = usage.Reported,
            Source = request.Metadata.Source,
            Session = request.Metadata.Session ?? request.DerivedSession ?? loop?.Session,
            Kind = request.Metadata.Kind,
            Attempts = outcome?.Attempts ?? [],
            CostUsd = outcome?.Cost?.Usd,
            CostEstimated = outcome?.Cost?.Estimated ?? false,
            QuotaUnits = outcome?.Cost?.QuotaUnits ?? 0,
            ApiKey = request.ApiKeyName,
            Degradation = level.Name,
            Loop = loop?.Header,
            Complexity = plan?.Classified?.Complexity,
            TaskType = plan?.Classified?.TaskType,
            Sensitive = plan?.Classified?.Sensitive,
            ClassifierSource = plan?.Classified?.Source,
            Channel = request.Metadata.Channel,
            Cache = cache,
            Body = snapshot is { LogPrompts: true } ? LoggedBody(snapshot, request) : null,
            // Replay facts come free when routing read the prompt; a named model's request is never parsed for them.
            PromptTokens = prompt?.EstimatedPromptTokens,
            MaxOutputTokens = prompt?.MaxOutputTokens,
            HasMedia = prompt?.HasMedia,
            HasTools = prompt?.HasTools,
        };
        requestLog.TryEnqueue(row);

        metrics.Record(row, routed, LoopLevelName(loop?.Level ?? LoopLevel.None));
        if (span is not null)
        {
            tracing.EndRequest(span, row, plan?.Classification);
        }

        LogRequest(logger, requestId, request.Model ?? "(default)", outcome?.AnsweredBy ?? "-", status, outcome?.Attempts.Count ?? 0, duration);
    }

    /// <summary>The <c>level</c> label of <c>majordomo_loop_guard_total</c>; null when no loop was found.</summary>
    /// <summary>
    /// <c>storage.logPrompts</c>: the body as the store keeps it, through the one redaction choke point
    /// (<c>SecretRedactor</c>: provider and gateway keys, bearer tokens, <c>sk-</c> keys, key-named JSON properties).
    /// </summary>
    private static string LoggedBody(GatewaySnapshot snapshot, ChatRequest request) =>
        System.Text.Encoding.UTF8.GetString(snapshot.Catalog.Redactor.RedactBody(request.Body.ToArray()));

    private static string? LoopLevelName(LoopLevel level) => level switch
    {
        LoopLevel.Warning => "warning",
        LoopLevel.Critical => "critical",
        LoopLevel.Breaker => "breaker",
        _ => null,
    };

    [LoggerMessage(EventId = LogEvents.RequestHandled, Level = LogLevel.Debug, Message = "{RequestId} {Requested} -> {Model} {Status} ({Attempts} attempts, {DurationMs:F1} ms)")]
    private static partial void LogRequest(ILogger logger, string requestId, string requested, string model, int status, int attempts, double durationMs);
}
