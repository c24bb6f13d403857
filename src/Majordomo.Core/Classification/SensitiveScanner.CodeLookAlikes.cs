namespace Majordomo.Classification;

// Long agent traffic's code and logs around a secret's name (probe 25, `sensitive-categories-31`): a Python condition on a
// password variable ("if not password: raise ConfigError"), a masked key in a log ("api_key=sk_live_****30c2"), a test's key that
// says it is none ("sk_test_not_a_real_key_000000") and a document's word in a pasted data row beside a photo.
internal static partial class SensitiveScanner
{
    private static readonly string[] ConditionWords = ["if", "elif", "while", "not", "and", "or", "assert"];

    // "if not password: raise …", "while token: …": the colon ends a condition on a variable, what follows is a statement.
    private static bool ConditionColon(ReadOnlySpan<char> text, int start, int end)
    {
        if (end >= text.Length || text[end] != ':')
        {
            return false;
        }

        var before = text[..start].TrimEnd(" \t");
        var from = before.Length;
        while (from > 0 && char.IsAsciiLetterLower(before[from - 1]))
        {
            from--;
        }

        var word = before[from..];
        if (from > 0 && !char.IsWhiteSpace(before[from - 1]))
        {
            return false;
        }

        foreach (var condition in ConditionWords)
        {
            if (word.SequenceEqual(condition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A value masked by a run of three or more asterisks or bullets ("sk_live_****30c2", "Ab••••12"): shown so no one can read it.</summary>
    internal static bool Masked(ReadOnlySpan<char> token) =>
        token.Contains("***", StringComparison.Ordinal) || token.Contains("•••", StringComparison.Ordinal);

    private static readonly string[] FakeWords = ["not_a_real", "notareal", "not-a-real", "fake", "dummy", "placeholder"];

    // A provider key whose own tail says it is none ("sk_test_not_a_real_key_000000", "ghp_fake0000…"): a test fixture's stand-in.
    private static bool FakeTail(ReadOnlySpan<char> tail)
    {
        foreach (var word in FakeWords)
        {
            if (tail.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A Slack token's tail: a digit in it and no stand-in's word ("your", "token", "fake").
    private static bool SlackTail(ReadOnlySpan<char> tail) =>
        tail.ContainsAnyInRange('0', '9') && !FakeTail(tail) && !tail.Contains("your", StringComparison.OrdinalIgnoreCase) && !tail.Contains("token", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The digits at <paramref name="start"/> (single spaces, dots or dashes between them) are nine or more of one digit repeated or
    /// counting up ("000000000000", "111.111.111-11", "1 23 45 67 890 123 45"): a test's filler or a form's printed example, no one's id.
    /// </summary>
    internal static bool FillerAt(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] is ' ' or '.' or '-' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
        {
            end++;
        }

        var run = text[start..end];
        var digits = run.Length - run.Count(' ') - run.Count('.') - run.Count('-');
        return digits >= 9 && (run.IndexOfAnyExcept([run[0], ' ', '.', '-']) < 0 || RangeOrCounting(run));
    }

    // A '<' with a '>' after it inside a value: "pypi-<TU_TOKEN_AQUI>", "hvs.<token>".
    internal static bool TemplateHole(ReadOnlySpan<char> value) => value.IndexOf('<') is >= 0 and var open && value[open..].IndexOf('>') > 1;

    // "password: pwd }", "pass = passwd)": an unquoted value that is a password's usual variable name is that variable.
    private static bool SecretVariable(ReadOnlySpan<char> value) =>
        value.Equals("pwd", StringComparison.OrdinalIgnoreCase) || value.Equals("pw", StringComparison.OrdinalIgnoreCase) || value.Equals("passwd", StringComparison.OrdinalIgnoreCase)
        || value.Equals("pass", StringComparison.OrdinalIgnoreCase) || value.Equals("password", StringComparison.OrdinalIgnoreCase) || value.Equals("secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether one of <paramref name="words"/> stands in <paramref name="text"/> outside a pasted data row: a photo's subject is what the
    /// user says around it, not a CSV's or a table's cell ("…;open;Kreditkarte endet auf 6014" in an export under a chart's photo).
    /// </summary>
    internal static bool NamedOutsideRows(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            foreach (var hit in SecretPhrases.Occurrences(text, word))
            {
                if (CardOfMachine(text, hit, hit + word.Length))
                {
                    continue;
                }

                var lineStart = text[..hit].LastIndexOf('\n') + 1;
                var lineEnd = text[hit..].IndexOf('\n');
                var line = text[lineStart..(lineEnd < 0 ? text.Length : hit + lineEnd)];
                if (line.Count(';') < 3 && line.Count('|') < 3 && line.Count('\t') < 3)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
