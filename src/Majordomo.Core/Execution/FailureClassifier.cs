using Majordomo.Config;
using Majordomo.Providers;

namespace Majordomo.Execution;

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
/// Anthropic, OpenRouter, Ollama, vLLM) to a <see cref="FailureClass"/> (STYLE #6). Config rules
/// (<c>resilience.errorRules</c>) are asked first, then the built-in knowledge.
/// </summary>
internal static class FailureClassifier
{
    /// <summary>Classifies an upstream error answer: the config's rules first, then <see cref="FromStatus"/>.</summary>
    public static FailureClass Classify(int status, string? body, ErrorRuleSet? rules) =>
        rules is not null && rules.TryMatch(status, body ?? "", out var ruled) ? ruled : FromStatus(status, body);

    /// <summary>Classifies an error carried in a 2xx answer (an <c>{"error":…}</c> body or stream event).</summary>
    public static FailureClass ClassifyBody(int status, string body, ErrorRuleSet? rules) =>
        rules is not null && rules.TryMatch(status, body, out var ruled) ? ruled : FromBody(body) ?? FailureClass.Transient;

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

        if (ProtocolErrorType(text) is { } typed)
        {
            return typed;
        }

        if (Has(text, RateLimitMarkers) || Has(text, UsageWindowMarkers))
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
        FailureClass.Transient => FailureClassNames.Transient,
        FailureClass.RateLimited => FailureClassNames.RateLimited,
        FailureClass.Timeout => FailureClassNames.Timeout,
        FailureClass.Credential => FailureClassNames.Credential,
        FailureClass.Billing => FailureClassNames.Billing,
        FailureClass.ModelUnavailable => FailureClassNames.ModelUnavailable,
        FailureClass.ContextTooLong => FailureClassNames.ContextTooLong,
        FailureClass.CallerFault => FailureClassNames.CallerFault,
        _ => FailureClassNames.Unknown,
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

    // A subscription's usage window (Claude's 5-hour limit, a plan's quota window) is a limit of the
    // key, not of the service: rate-limited, so the next key is tried and this one cools down.
    private static readonly string[] UsageWindowMarkers =
    [
        "quota window", "usage window", "usage limit", "limit will reset", "limit resets",
    ];

    private static readonly string[] OverloadMarkers =
    [
        "overloaded", "capacity", "temporarily unavailable", "try again later", "server is busy",
    ];

    private static readonly string[] ModelMarkers =
    [
        "model_not_found", "model not found", "no such model", "unknown model", "does not exist", "not found, try pulling",
        "no endpoints found", "not a valid model",
    ];

    /// <summary>
    /// The error types each registered protocol names (<see cref="WireProtocol.ErrorTypes"/>), e.g.
    /// Anthropic's <c>{"type":"error","error":{"type":"overloaded_error"}}</c>, which OpenRouter relays too.
    /// </summary>
    private static FailureClass? ProtocolErrorType(string text)
    {
        foreach (var protocol in Protocols.All)
        {
            foreach (var (marker, failure) in protocol.ErrorTypes)
            {
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return failure;
                }
            }
        }

        return null;
    }

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

/// <summary>
/// <c>resilience.errorRules</c> compiled once per catalog snapshot: a status and/or a body pattern →
/// a class. The first matching rule wins. Patterns run with a match timeout; a pattern that times out
/// on a body simply does not match (the built-in classification applies).
/// </summary>
internal sealed class ErrorRuleSet
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    public static readonly ErrorRuleSet Empty = new([]);

    private readonly Rule[] _rules;

    private ErrorRuleSet(Rule[] rules) => _rules = rules;

    public int Count => _rules.Length;

    /// <summary>Compiles validated rules (the validator has already refused bad regexes and classes with their path).</summary>
    public static ErrorRuleSet Compile(IReadOnlyList<Config.ErrorRuleConfig>? rules)
    {
        if (rules is null || rules.Count == 0)
        {
            return Empty;
        }

        var compiled = new Rule[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var regex = r.Pattern is null
                ? null
                : new System.Text.RegularExpressions.Regex(r.Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase, MatchTimeout);
            compiled[i] = new Rule(r.Status, regex, ParseClass(r.Class!));
        }

        return new ErrorRuleSet(compiled);
    }

    public static FailureClass ParseClass(string name)
    {
        foreach (var failure in Enum.GetValues<FailureClass>())
        {
            if (FailureClassifier.Name(failure) == name)
            {
                return failure;
            }
        }

        throw new ArgumentException($"unknown failure class '{name}'", nameof(name));
    }

    public bool TryMatch(int status, string body, out FailureClass failure)
    {
        foreach (var rule in _rules)
        {
            if (rule.Status is { } s && s != status)
            {
                continue;
            }

            if (rule.Pattern is { } pattern)
            {
                try
                {
                    if (!pattern.IsMatch(body))
                    {
                        continue;
                    }
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    continue;
                }
            }

            failure = rule.Class;
            return true;
        }

        failure = default;
        return false;
    }

    private sealed record Rule(int? Status, System.Text.RegularExpressions.Regex? Pattern, FailureClass Class);
}
