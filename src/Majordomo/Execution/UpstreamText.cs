using Majordomo.Providers;

namespace Majordomo.Execution;

/// <summary>What the executor makes of upstream text: short reasons for the attempts list, and the text a client sees.</summary>
internal static class UpstreamText
{
    /// <summary>
    /// The one way upstream text reaches a client (a caller-fault body returned as is, the reason in a
    /// cut stream's error event). Today it passes unchanged; redaction of what an upstream echoes
    /// belongs here, so every path that carries upstream text to a client gets it.
    /// </summary>
    public static byte[] ForClient(byte[] body, Credential? credential)
    {
        _ = credential;
        return body;
    }

    /// <inheritdoc cref="ForClient(byte[], Credential?)"/>
    public static string ForClient(string text, Credential? credential)
    {
        _ = credential;
        return text;
    }

    /// <summary>
    /// Upstream error text can echo the key it was sent ("Incorrect API key provided: sk-…"); reasons
    /// reach the client, the logs and the store, so the credential's key is cut out of them.
    /// </summary>
    public static string Redact(string reason, Credential? credential)
    {
        var key = credential?.ApiKey;
        if (string.IsNullOrEmpty(key) || key.Length < 8)
        {
            return reason;
        }

        reason = reason.Replace(key, "***", StringComparison.Ordinal);

        // Also a masked echo that keeps a long prefix of the key.
        var prefix = key[..Math.Min(key.Length - 4, 12)];
        return prefix.Length >= 8 ? reason.Replace(prefix, "***", StringComparison.Ordinal) : reason;
    }

    /// <summary>A short, single-line reason for logs and the attempts list; never the request or a key.</summary>
    public static string Summarize(int status, string body)
    {
        var text = body.Length > 300 ? body[..300] + "…" : body;
        text = text.ReplaceLineEndings(" ");
        return string.IsNullOrWhiteSpace(text) ? $"HTTP {status}" : $"HTTP {status}: {text}";
    }

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
