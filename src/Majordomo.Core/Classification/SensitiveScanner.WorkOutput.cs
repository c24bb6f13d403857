namespace Majordomo.Classification;

/// <summary>
/// Secrets in what a coding agent reads while it works (probe 35, docs/CLASSIFIER.md "Probe 35 read by category"): a generated
/// password in Terraform's state (<c>random_password</c>'s <c>result</c>), a secret printed on the line under the command that reads
/// it (<c>kubectl get secret … | base64 -d</c>, <c>vault kv get -field=…</c>, <c>terraform output -raw</c>…), a call's quoted secret
/// name with its value as the next argument (<c>define('DB_PASSWORD', '…')</c>, a default in <c>os.getenv('SMTP_PASSWORD', '…')</c>),
/// and an id's field in a request log (<c>"idCard":"…"</c>, <c>certNo=…</c>).
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// The hit <paramref name="at"/> is "password" in <c>random_password</c> and the resource's <c>result</c> holds a quoted value within
    /// the next 1,500 characters, before the next resource (state JSON, <c>terraform state show</c>). <c>(sensitive value)</c> is no value.
    /// </summary>
    private static bool GeneratedPasswordResult(ReadOnlySpan<char> text, int at)
    {
        if (at < 7 || !text[(at - 7)..at].Equals("random_", StringComparison.OrdinalIgnoreCase) || !text[at..].StartsWith("password", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var window = text[(at + 8)..Math.Min(text.Length, at + 1500)];
        foreach (var boundary in (ReadOnlySpan<string>)["\"type\": \"", "\"type\":\"", "resource \""])
        {
            if (window.IndexOf(boundary, StringComparison.Ordinal) is >= 0 and var next)
            {
                window = window[..next];
            }
        }

        for (var from = 0; window[from..].IndexOf("result", StringComparison.Ordinal) is >= 0 and var hit;)
        {
            var rest = window[(from + hit + 6)..].TrimStart("\" \t");
            if (rest is [':' or '=', ..] && rest[1..].TrimStart(" \t") is ['"', .. var quoted] && quoted.IndexOfAny("\"\n") is >= 6 and var close
                && quoted[..close].IndexOfAny(" \t") < 0)
            {
                return true;
            }

            from += hit + 6;
        }

        return false;
    }

    /// <summary>
    /// A command that prints a secret's value on its line (the hit <paramref name="at"/> inside it), and the next line a bare value: one
    /// token of 8–200 characters with a digit and a letter, or mixed case from 12. An error or an empty answer is no value.
    /// </summary>
    private static bool SecretPrintedBelow(ReadOnlySpan<char> text, int at)
    {
        var lineStart = text[Math.Max(0, at - 300)..at].LastIndexOf('\n') is >= 0 and var n ? Math.Max(0, at - 300) + n + 1 : Math.Max(0, at - 300);
        var lineLength = text[at..Math.Min(text.Length, at + 300)].IndexOf('\n');
        if (lineLength < 0)
        {
            return false;
        }

        // The next line's bare value is asked before the command's dozen searches of this line: most lines in code are followed by
        // one with a space in it (issue 16 item 4). Both are pure, so the answer is the same.
        var next = text[(at + lineLength + 1)..];
        return BareValue(next[..(next.IndexOf('\n') is >= 0 and var end ? end : next.Length)].Trim(" \t\r`")) && PrintsSecret(text[lineStart..(at + lineLength)]);
    }

    // The commands that print a stored secret's value alone.
    private static bool PrintsSecret(ReadOnlySpan<char> line) =>
        (line.Contains("kubectl", StringComparison.Ordinal) || line.Contains("oc get", StringComparison.Ordinal)) && line.Contains("secret", StringComparison.Ordinal)
            && (line.Contains("base64 -d", StringComparison.Ordinal) || line.Contains("base64 --decode", StringComparison.Ordinal) || line.Contains("base64 -D", StringComparison.Ordinal))
        || line.Contains("vault ", StringComparison.Ordinal) && line.Contains(" get", StringComparison.Ordinal) && line.Contains("-field=", StringComparison.Ordinal)
        || line.Contains("gcloud secrets versions access", StringComparison.Ordinal)
        || line.Contains("get-secret-value", StringComparison.Ordinal) && line.Contains("text", StringComparison.Ordinal)
        || line.Contains("terraform output -raw", StringComparison.Ordinal)
        || line.Contains("op read ", StringComparison.Ordinal)
        || line.Contains("pass show ", StringComparison.Ordinal)
        || line.Contains("find-generic-password", StringComparison.Ordinal) && line.Contains(" -w", StringComparison.Ordinal);

    /// <summary>
    /// After a call's quoted name (<paramref name="start"/> is the name's first character, <paramref name="i"/> just past its closing
    /// quote and spaces): a comma and a quoted next argument, or <c>) { '</c> (Ruby's <c>ENV.fetch</c> block). <paramref name="i"/> moves
    /// to the value's opening quote. The name must be a call's first argument: a list of names (<c>['password', 'token']</c>) is none.
    /// </summary>
    private static bool CallArgumentValue(ReadOnlySpan<char> text, int start, ref int i)
    {
        if (i >= text.Length || text[i] is not (',' or ')') || text[..(start - 1)].TrimEnd(" \t") is not [.., '('])
        {
            return false;
        }

        var j = i + 1;
        while (j < text.Length && text[j] is ' ' or '\t')
        {
            j++;
        }

        if (text[i] == ')')
        {
            if (j >= text.Length || text[j] != '{')
            {
                return false;
            }

            j++;
            while (j < text.Length && text[j] is ' ' or '\t')
            {
                j++;
            }
        }

        if (j >= text.Length || text[j] is not ('\'' or '"'))
        {
            return false;
        }

        i = j;
        return true;
    }

    // A request log's id fields: "idCard", "id_card_no", "idNo", "certNo" — the whole field name, then a quote, '=' or ':'.
    private static readonly string[] IdFieldNames =
        ["idcard", "id_card", "idcardno", "id_card_no", "idcardnumber", "idno", "id_no", "idnumber", "id_number", "certno", "cert_no", "certificateno"];

    private static bool IdFieldName(ReadOnlySpan<char> rest)
    {
        var length = 0;
        while (length < rest.Length && length < 16 && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] == '_'))
        {
            length++;
        }

        if (length == rest.Length || rest[length] is not ('"' or '\'' or '=' or ':'))
        {
            return false;
        }

        foreach (var name in IdFieldNames)
        {
            if (rest[..length].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The model's call ran a command that prints a secret (<see cref="PrintsSecret"/>) and a tool's result holds a bare value on a
    /// line of its own: the secret travels in the result, its command in the call (<c>vault kv get -field=password …</c>, then
    /// <c>r4JmT9wQ…</c>). An error, a list or a table in the result is no value.
    /// </summary>
    internal static bool SecretPrintedApart(ReadOnlySpan<char> calls, ReadOnlySpan<char> results)
    {
        if (results.IsEmpty || calls.IsEmpty)
        {
            return false;
        }

        var printing = false;
        foreach (var range in calls.Split('\n'))
        {
            printing |= PrintsSecret(calls[range]);
        }

        if (!printing)
        {
            return false;
        }

        foreach (var range in results.Split('\n'))
        {
            if (BareValue(results[range].Trim(" \t\r`")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool BareValue(ReadOnlySpan<char> line) =>
        line.Length is >= 8 and <= 200 && line.IndexOfAny(" \t") < 0 && !Placeholder(line)
        && (HasDigitAndLetter(line) && (line.ContainsAnyInRange('a', 'z') || line.ContainsAnyInRange('A', 'Z'))
            || line.Length >= 12 && line.ContainsAnyInRange('a', 'z') && line.ContainsAnyInRange('A', 'Z'));
}
