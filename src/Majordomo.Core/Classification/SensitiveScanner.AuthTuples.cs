namespace Majordomo.Classification;

/// <summary>
/// A password handed to an HTTP client as a pair of strings (probe 39's leftovers, docs/CLASSIFIER.md): requests' and httpx's
/// <c>auth=('user', 'pass')</c> and <c>session.auth = (…)</c>, an <c>HTTPBasicAuth(…)</c>, <c>BasicAuth(…)</c> or
/// <c>DigestAuth(…)</c> call. The second quoted string is the password.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// Whether the "auth" at <paramref name="at"/> opens an auth tuple or call whose second quoted string is a password: six
    /// characters or more, not the user's name, not a placeholder or a documented dummy, with a digit and a letter (a bare word
    /// such as <c>'pass'</c> or <c>'secret'</c> is the docs' stand-in).
    /// </summary>
    private static bool AuthTuple(ReadOnlySpan<char> text, int at)
    {
        var i = at + 4;
        if (i + 6 > text.Length || !text[at..i].Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var before = text[..at];
        if (text[i] == '(')
        {
            // A call: the name ends in Basic or Digest ("HTTPBasicAuth(", "aiohttp.BasicAuth(", "HTTPDigestAuth(").
            if (!before.EndsWith("basic", StringComparison.OrdinalIgnoreCase) && !before.EndsWith("digest", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        else
        {
            // A keyword or an attribute: "auth=(", "session.auth = (".
            if (at > 0 && (char.IsLetterOrDigit(before[^1]) || before[^1] == '_'))
            {
                return false;
            }

            i = SkipSpaces(text, i);
            if (i >= text.Length || text[i] != '=')
            {
                return false;
            }

            i = SkipSpaces(text, i + 1);
            if (i >= text.Length || text[i] != '(')
            {
                return false;
            }
        }

        var user = QuotedAt(text, SkipSpaces(text, i + 1), out i);
        i = SkipSpaces(text, i);
        if (user.IsEmpty || i >= text.Length || text[i] != ',')
        {
            return false;
        }

        var password = QuotedAt(text, SkipSpaces(text, i + 1), out i);
        i = SkipSpaces(text, i);
        return i < text.Length && text[i] is ')' or ',' && password.Length >= 6 && !password.Equals(user, StringComparison.OrdinalIgnoreCase)
            && password.IndexOfAny(" \t") < 0 && HasDigitAndLetter(password) && !Placeholder(password);
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    // The content of a quoted string opening at i (' or ", on its line, at most 128 characters); empty when none opens there.
    private static ReadOnlySpan<char> QuotedAt(ReadOnlySpan<char> text, int i, out int after)
    {
        after = i;
        if (i >= text.Length || text[i] is not ('\'' or '"'))
        {
            return [];
        }

        var body = text[(i + 1)..Math.Min(text.Length, i + 130)];
        var close = body.IndexOfAny(text[i], '\n');
        if (close < 1 || body[close] == '\n')
        {
            return [];
        }

        after = i + close + 2;
        return body[..close];
    }
}
