using Majordomo.Providers;
using Majordomo.Storage;

namespace Majordomo.Execution;

internal enum ExecutionStatus
{
    /// <summary>An answer reached the client.</summary>
    Answered,

    /// <summary>The upstream refused the request as the client's fault; its answer is returned as is.</summary>
    CallerFault,

    /// <summary>Every entry failed before anything was sent to the client.</summary>
    Exhausted,

    /// <summary>A stream failed after its first byte; it was ended with an error event.</summary>
    StreamFailed,

    /// <summary>The client went away; not a provider failure.</summary>
    Cancelled,
}

/// <summary>What the executor did for one request.</summary>
internal sealed class ExecutionOutcome
{
    public required ExecutionStatus Status { get; init; }

    public required IReadOnlyList<AttemptRecord> Attempts { get; init; }

    public string? AnsweredBy { get; init; }

    public Chat.Usage Usage { get; init; }

    public double? FirstByteMs { get; init; }

    /// <summary>For <see cref="ExecutionStatus.CallerFault"/>: the upstream's status and body.</summary>
    public int UpstreamStatus { get; init; }

    public byte[]? UpstreamBody { get; init; }

    /// <summary>For <see cref="ExecutionStatus.Exhausted"/>: the class shared by every failure, if one.</summary>
    public FailureClass? CommonFailure { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Entries not tried and why (cooling down, rate limited, unhealthy, neverEscalate …).</summary>
    public IReadOnlyList<SkippedEntry>? Skipped { get; init; }

    /// <summary>For <see cref="ExecutionStatus.Exhausted"/>: the soonest time a skipped entry becomes available.</summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <summary>Entries not tried because a budget or quota pool had no room (SPEC §1.7), with the reason and reset time.</summary>
    public IReadOnlyList<RefusedEntry>? Refusals { get; init; }

    /// <summary>Size of the answer as received (bytes, SSE events): the basis of a cost estimate when no usage was reported.</summary>
    public long AnswerBytes { get; set; }

    public long AnswerEvents { get; set; }

    /// <summary>What the request cost, settled by the budget ledger once the chain is done.</summary>
    public Budgets.RequestCost? Cost { get; set; }
}

/// <summary>An entry of the chain the executor did not try, why, and until when (null when unknown).</summary>
internal sealed record SkippedEntry(string Model, string Reason, DateTimeOffset? Until);

/// <summary>A chain entry skipped by a budget (model null: the whole request was refused, e.g. a key's request budget).</summary>
internal sealed record RefusedEntry(string? Model, Catalog.Unavailability Reason);
