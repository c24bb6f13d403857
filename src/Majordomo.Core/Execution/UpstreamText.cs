using Majordomo.Providers;

namespace Majordomo.Execution;

/// <summary>
/// Short reasons made of upstream text for the attempts list, the logs and a cut stream's error event.
/// Redaction itself is <see cref="SecretRedactor"/>'s (the one choke point); these clip after it.
/// </summary>
internal static class UpstreamText
{
    /// <summary>A short, single-line reason for logs and the attempts list; never the request or a key.</summary>
    public static string Summarize(SecretRedactor redactor, int status, string body, Credential? credential)
    {
        var text = Clip(redactor.Redact(body, credential));
        return string.IsNullOrWhiteSpace(text) ? $"HTTP {status}" : $"HTTP {status}: {text}";
    }

    /// <summary>At most 300 characters on one line; clipped after redaction, so no key is cut in half and kept.</summary>
    public static string Clip(string text) => (text.Length > 300 ? text[..300] + "…" : text).ReplaceLineEndings(" ");

    /// <summary>The innermost message of a transport error (the socket's own words).</summary>
    public static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }
}
