namespace Majordomo.Classification;

/// <summary>
/// A login written as "user / password" after a system's label in a handover note or a list (probe 20: "Jenkins 관리자: admin /
/// QI2jv4801SVN", "NAS → soporte / Fh28pQzLwe"): a random-looking value (upper and lower case and digits) after a user name and a
/// slash, the pair right after a label's colon or an arrow. Not a documented default ("ubnt / ubnt": no digits), a value kept
/// elsewhere ("root / (voir Bitwarden)"), a ratio or a path.
/// </summary>
internal static partial class SecretPhrases
{
    private static bool SlashPair(ReadOnlySpan<char> text, int start, int end)
    {
        if (start < 5 || text[(start - 3)..start] is not " / ")
        {
            return false;
        }

        // "log into my hetzner account (K0831122947 / Fjord-Pepper-Saddle-9)": a pair in brackets after a log-in's words needs one digit
        // (SecretPhrases.BrowserAgents); a handover's pair after a label, two.
        var token = text[start..end].TrimEnd(".,;");
        var digits = token.Count('0') + token.Count('1') + token.Count('2') + token.Count('3') + token.Count('4') + token.Count('5') + token.Count('6')
            + token.Count('7') + token.Count('8') + token.Count('9');
        if (token.Length is >= 8 and <= 40 && digits >= 1 && end < text.Length && text[end] == ')' && LoginPairBefore(text, start - 3))
        {
            return token.ContainsAnyInRange('A', 'Z') && token.ContainsAnyInRange('a', 'z') && !DummyValue(token);
        }

        if (token.Length is < 8 or > 40 || !token.ContainsAnyInRange('A', 'Z') || !token.ContainsAnyInRange('a', 'z') || digits < 2
            || token.IndexOfAny("./\\:@") >= 0 || DummyValue(token))
        {
            return false;
        }

        // The user: one word of name characters, then the label's colon or an arrow before it.
        var before = text[..(start - 3)];
        var user = before.Length;
        while (user > 0 && (char.IsAsciiLetterOrDigit(before[user - 1]) || before[user - 1] is '.' or '_' or '-'))
        {
            user--;
        }

        if (before.Length - user is < 2 or > 32)
        {
            return false;
        }

        var label = before[..user].TrimEnd(' ');
        return label.Length > 0 && (label[^1] is ':' or '：' || label.EndsWith("→", StringComparison.Ordinal) || label.EndsWith("->", StringComparison.Ordinal));
    }
}
