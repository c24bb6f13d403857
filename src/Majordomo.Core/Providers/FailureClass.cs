namespace Majordomo.Providers;

/// <summary>
/// What went wrong with an attempt. Retry, rotate, fall back or fail fast act on the class only. It
/// lives with the providers because each protocol names its own error types in these terms
/// (<see cref="WireProtocol.ErrorTypes"/>).
/// </summary>
public enum FailureClass
{
    Transient,
    RateLimited,
    Timeout,
    Credential,
    Billing,
    ModelUnavailable,
    ContextTooLong,
    CallerFault,
    Unknown,
}
