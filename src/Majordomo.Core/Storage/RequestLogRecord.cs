namespace Majordomo.Storage;

/// <summary>One row of the request log: what was asked, how it was routed, every attempt, what it cost in tokens.</summary>
internal sealed record RequestLogRecord
{
    public required string Id { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Ingress { get; init; }
    public string? RequestedModel { get; init; }
    public string? Route { get; init; }
    public string? Tier { get; init; }
    public string? Rule { get; init; }
    public string? AnsweredBy { get; init; }
    public required int Status { get; init; }
    public string? ErrorCode { get; init; }
    public bool Stream { get; init; }
    public double DurationMs { get; init; }
    public double? FirstByteMs { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public bool UsageReported { get; init; }
    public string? Source { get; init; }
    public string? Session { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<AttemptRecord> Attempts { get; init; } = [];

    /// <summary>The loop guard's verdict (the <c>X-Router-Loop</c> value), null when it found no loop.</summary>
    public string? Loop { get; init; }

    /// <summary>USD cost; null when the request reached no model.</summary>
    public double? CostUsd { get; init; }

    /// <summary>True when the token counts behind the cost were estimated (the upstream reported no usage).</summary>
    public bool CostEstimated { get; init; }

    public double QuotaUnits { get; init; }

    /// <summary>The gateway API key's configured name (never the key).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The degradation level in force when the request was routed.</summary>
    public string? Degradation { get; init; }

    /// <summary>Tier 2's classification (SPEC §1.3); all null when the request was not classified.</summary>
    public string? Complexity { get; init; }

    public string? TaskType { get; init; }

    public bool? Sensitive { get; init; }

    /// <summary><c>heuristic</c>, <c>model</c> or <c>heuristic-fallback</c>.</summary>
    public string? ClassifierSource { get; init; }
}

/// <summary>The request log as the request path sees it: a non-blocking enqueue, never a wait on storage.</summary>
internal interface IRequestLog
{
    /// <summary>Queues a record for the background writer; false when the queue is full (the row is dropped and counted).</summary>
    bool TryEnqueue(RequestLogRecord record);
}
