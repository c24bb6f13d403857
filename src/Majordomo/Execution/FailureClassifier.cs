namespace Majordomo.Execution;

/// <summary>What went wrong with an attempt. Retry, rotate, fall back or fail fast act on the class only.</summary>
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

/// <summary>What the executor does next with a failed attempt.</summary>
public enum FailureAction
{
    /// <summary>Retry the same entry and credential after a backoff, then move on.</summary>
    Retry,

    /// <summary>Try the next credential of the same provider, else the next entry.</summary>
    Rotate,

    /// <summary>Skip to the next entry of the chain.</summary>
    NextEntry,

    /// <summary>Return the upstream's answer to the client as is.</summary>
    FailFast,
}

/// <summary>
/// The one place that maps upstream failures (status codes, transport errors, error bodies of OpenAI,
/// OpenRouter, Ollama, vLLM) to a <see cref="FailureClass"/> (STYLE #6).
/// </summary>
public static class FailureClassifier
{
    public static FailureClass FromStatus(int status, string? body)
    {
        var text = body ?? "";
        switch (status)
        {
            case 401 or 403:
                return Has(text, BillingMarkers) ? FailureClass.Billing : FailureClass.Credential;
            case 402:
                return FailureClass.Billing;
            case 404:
                return FailureClass.ModelUnavailable;
            case 408:
                return FailureClass.Timeout;
            case 409 or 425:
                return FailureClass.Transient;
            case 413:
                return FailureClass.ContextTooLong;
            case 429:
                return Has(text, BillingMarkers) ? FailureClass.Billing : FailureClass.RateLimited;
            case >= 500:
                return Has(text, ContextMarkers) ? FailureClass.ContextTooLong : FailureClass.Transient;
            case >= 400:
                return FromBody(text) ?? FailureClass.CallerFault;
            default:
                return FromBody(text) ?? FailureClass.Transient;
        }
    }

    /// <summary>Classifies by what an error body says; null when it says nothing we recognise.</summary>
    public static FailureClass? FromBody(string text)
    {
        if (Has(text, ContextMarkers))
        {
            return FailureClass.ContextTooLong;
        }

        if (Has(text, BillingMarkers))
        {
            return FailureClass.Billing;
        }

        if (Has(text, RateLimitMarkers))
        {
            return FailureClass.RateLimited;
        }

        if (Has(text, OverloadMarkers))
        {
            return FailureClass.Transient;
        }

        if (Has(text, ModelMarkers))
        {
            return FailureClass.ModelUnavailable;
        }

        return null;
    }

    public static FailureAction ActionFor(FailureClass failure) => failure switch
    {
        FailureClass.Transient or FailureClass.Timeout or FailureClass.Unknown => FailureAction.Retry,
        FailureClass.RateLimited => FailureAction.Retry,
        FailureClass.Credential or FailureClass.Billing => FailureAction.Rotate,
        FailureClass.ModelUnavailable or FailureClass.ContextTooLong => FailureAction.NextEntry,
        _ => FailureAction.FailFast,
    };

    public static string Name(FailureClass failure) => failure switch
    {
        FailureClass.Transient => "transient",
        FailureClass.RateLimited => "rate-limited",
        FailureClass.Timeout => "timeout",
        FailureClass.Credential => "credential",
        FailureClass.Billing => "billing",
        FailureClass.ModelUnavailable => "model-unavailable",
        FailureClass.ContextTooLong => "context-too-long",
        FailureClass.CallerFault => "caller-fault",
        _ => "unknown",
    };

    private static readonly string[] ContextMarkers =
    [
        "context_length_exceeded", "maximum context length", "context length", "context window", "prompt is too long",
        "too many tokens", "reduce the length", "input is too long",
    ];

    private static readonly string[] BillingMarkers =
    [
        "insufficient_quota", "insufficient credit", "insufficient_credit", "credit balance", "billing", "payment required",
        "exceeded your current quota",
    ];

    private static readonly string[] RateLimitMarkers = ["rate limit", "rate_limit", "ratelimit", "too many requests"];

    private static readonly string[] OverloadMarkers =
    [
        "overloaded", "capacity", "quota window", "usage window", "temporarily unavailable", "try again later", "server is busy",
    ];

    private static readonly string[] ModelMarkers = ["model_not_found", "model not found", "no such model", "unknown model", "does not exist"];

    private static bool Has(string text, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
