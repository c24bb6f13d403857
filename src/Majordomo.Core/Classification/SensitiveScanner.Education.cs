namespace Majordomo.Classification;

/// <summary>
/// Schools and universities' platforms (after the probe <c>sensitive-lookalikes-53</c>, docs/CLASSIFIER.md "Probe 53 read by
/// category"): a token passed as a URL's query parameter whose name ends in "token" or "key" (Moodle's <c>wstoken=</c>, an
/// <c>authtoken=</c> or an <c>apitoken=</c> in an access log), with or without the URL's scheme before it.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// The trigger at <paramref name="at"/> ends a query parameter's name glued to a word ("wstoken", "authtoken", "ws_token"): the
    /// name starts right after '?' or '&amp;' and '=' follows it with 16 or more key characters, letters and digits both, no placeholder.
    /// </summary>
    private static bool QueryParameterKey(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        if (start == at || start == 0 || text[start - 1] is not ('?' or '&'))
        {
            return false;
        }

        var end = at;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (end >= text.Length || text[end] != '=' || !IsKeyWord(text[at..end]))
        {
            return false;
        }

        var value = text[(end + 1)..];
        var length = value.IndexOfAnyExcept(KeyValueChars);
        value = (length < 0 ? value : value[..length]).TrimEnd(".,;:");
        return value.Length >= 16 && HasDigitAndLetter(value) && !Placeholder(value);
    }
}
