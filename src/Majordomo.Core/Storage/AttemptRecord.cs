namespace Majordomo.Storage;

/// <summary>
/// One upstream call made for a request: what was tried and how it ended. It lives in Storage (not
/// Execution) because it is part of the request-log row: Storage sits above Execution.
/// </summary>
internal sealed record AttemptRecord(
    string Model,
    string Provider,
    string? Credential,
    int? Status,
    string Outcome,
    string? Reason,
    double DurationMs);
