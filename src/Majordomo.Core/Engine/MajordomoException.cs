namespace Majordomo.Engine;

/// <summary>
/// A request the router refused or could not answer, thrown by the library's <c>IChatClient</c>: the
/// same status, code and message an HTTP client of the gateway gets in its error body (SPEC §4).
/// </summary>
public sealed class MajordomoException : Exception
{
    public MajordomoException()
    {
    }

    public MajordomoException(string message)
        : base(message)
    {
    }

    public MajordomoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal or failure with the HTTP status and error code the gateway would send.</summary>
    public MajordomoException(int status, string code, string message, string requestId)
        : base(message)
    {
        Status = status;
        Code = code;
        RequestId = requestId;
    }

    /// <summary>The HTTP status the gateway would answer with (400 <c>loop_detected</c>, 429 <c>budget_exceeded</c>, 502 <c>upstream_failed</c> …).</summary>
    public int Status { get; }

    /// <summary>The error code (SPEC §4), e.g. <c>loop_detected</c>, <c>budget_exceeded</c>, <c>model_not_found</c>.</summary>
    public string Code { get; } = "";

    /// <summary>The request's id in the request log.</summary>
    public string? RequestId { get; }
}
