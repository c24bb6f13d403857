namespace Majordomo.Classification;

/// <summary>
/// A PostgreSQL password file's line (the twentieth session, docs/CLASSIFIER.md "Leftovers of probes 33 and 36"):
/// <c>host:port:database:user:password</c>. Its last field is a password whatever its shape ("…:billing_rw:Vq7pL2mxR9tw" has no
/// symbol the shape reader asks for), unless it is the user's name again (<c>localhost:5432:*:postgres:postgres</c>, the default
/// docs/LABELLING.md names) or a placeholder. The whole line is read by its fields, not as one password-shaped token.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>
    /// Whether the token is a password file's line (five fields, the port digits or '*'): then whether its password is real (six
    /// characters or more, not the user's name, no placeholder's brackets or capitals, a digit, a symbol or both cases); null when
    /// the token is no such line.
    /// </summary>
    private static bool? PgpassLine(ReadOnlySpan<char> token)
    {
        Span<Range> fields = stackalloc Range[6];
        if (token.Split(fields, ':') != 5)
        {
            return null;
        }

        var host = token[fields[0]];
        var port = token[fields[1]];
        var user = token[fields[3]];
        var password = token[fields[4]];
        if (host.IsEmpty || user.IsEmpty || token[fields[2]].IsEmpty || !(port is "*" || (port.Length is >= 2 and <= 5 && port.IndexOfAnyExceptInRange('0', '9') < 0)))
        {
            return null;
        }

        var placeholder = password.IndexOfAny("$<>{}*") >= 0 || password.IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") < 0;
        var mixed = password.ContainsAnyInRange('0', '9') || password.IndexOfAnyExceptInRange('a', 'z') >= 0 && password.IndexOfAnyExceptInRange('A', 'Z') >= 0;
        return password.Length >= 6 && !password.Equals(user, StringComparison.OrdinalIgnoreCase) && !placeholder && mixed && !DummyValue(password);
    }
}
