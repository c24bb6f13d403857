namespace Majordomo.Classification;

/// <summary>
/// Credentials passed on a command line: a login command's password option or positional key
/// (<c>docker login -u deploy -p …</c>, <c>acmectl auth login prod-eu Vq7Lr2…</c>, <c>--token=…</c>) and <c>curl -u user:pass</c>.
/// Not a variable or a placeholder (<c>-p "$REGISTRY_PASS"</c>, <c>--with-token &lt; token.txt</c>), not a host, path or address.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>A login command's secret or curl's user:password on the line of the trigger at <paramref name="at"/>.</summary>
    private static bool CommandLineSecret(ReadOnlySpan<char> text, int at)
    {
        var line = LineFrom(text, at);
        if (line.StartsWith("curl ", StringComparison.Ordinal))
        {
            return CurlUser(line[5..]) || CurlCertificate(line[5..]);
        }

        return line.StartsWith("login ", StringComparison.Ordinal) && CommandBefore(text, at) && LoginArguments(line[6..]);
    }

    // "docker ", "$ acmectl auth ", "helm registry ": lower-case command words from the line's start (after a shell prompt).
    private static bool CommandBefore(ReadOnlySpan<char> text, int at)
    {
        var lineStart = text[..at].LastIndexOfAny('\n', '\r') + 1;
        var before = text[lineStart..at];
        before = before[(before.LastIndexOf('`') + 1)..].TrimStart(" \t").TrimEnd(' ');
        // A shell prompt, a YAML list's dash (a CI file's script), a traced command's '+' (a CI log).
        if (before.StartsWith("$ ", StringComparison.Ordinal) || before.StartsWith("> ", StringComparison.Ordinal) || before.StartsWith("# ", StringComparison.Ordinal)
            || before.StartsWith("- ", StringComparison.Ordinal) || before.StartsWith("+ ", StringComparison.Ordinal))
        {
            before = before[2..];
        }

        if (before.IsEmpty || !char.IsAsciiLetterLower(before[0]))
        {
            return false;
        }

        var words = 1;
        foreach (var c in before)
        {
            if (c == ' ')
            {
                words++;
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return words <= 3;
    }

    private static bool LoginArguments(ReadOnlySpan<char> args)
    {
        var expectValue = false;
        var secretOption = false;
        while (!args.IsEmpty)
        {
            args = args.TrimStart(' ');
            var space = args.IndexOf(' ');
            var token = (space < 0 ? args : args[..space]).Trim("'\"`");
            args = space < 0 ? [] : args[space..];
            if (token.IsEmpty || token[0] is '<' or '|' or '>' or '&' or ';')
            {
                break;
            }

            if (expectValue)
            {
                expectValue = false;
                if (secretOption && CommandValue(token, minLength: 6))
                {
                    return true;
                }

                continue;
            }

            if (token[0] == '-')
            {
                var equals = token.IndexOf('=');
                var name = equals < 0 ? token : token[..equals];
                secretOption = name is "-p" or "--password" or "--pass" or "--token" or "--api-key" or "--apikey" or "--secret" or "--key" or "--access-token" or "--auth-token";
                if (equals > 0)
                {
                    if (secretOption && CommandValue(token[(equals + 1)..], minLength: 6))
                    {
                        return true;
                    }
                }
                else
                {
                    expectValue = !name.StartsWith("--with", StringComparison.Ordinal) && !name.EndsWith("-stdin", StringComparison.Ordinal) && name.Length > 1;
                }

                continue;
            }

            // A positional key: long, random-looking (both cases and digits), not a host, path or address.
            if (token.Length >= 12 && token.IndexOfAny("./:@\\$") < 0 && token.ContainsAnyInRange('a', 'z') && token.ContainsAnyInRange('A', 'Z')
                && token.Count('0') + token.Count('1') + token.Count('2') + token.Count('3') + token.Count('4') + token.Count('5') + token.Count('6') + token.Count('7') + token.Count('8') + token.Count('9') >= 2
                && CommandValue(token, minLength: 12))
            {
                return true;
            }
        }

        return false;
    }

    // curl -u admin:kestrel2291 (or --user): a password after the user's colon.
    private static bool CurlUser(ReadOnlySpan<char> args)
    {
        foreach (var flag in (ReadOnlySpan<string>)[" -u ", " --user ", "-u ", "--user="])
        {
            var hit = args.IndexOf(flag, StringComparison.Ordinal);
            if (hit < 0 || (flag[0] != ' ' && hit != 0 && flag != "--user="))
            {
                continue;
            }

            var value = args[(hit + flag.Length)..].TrimStart(' ');
            var end = value.IndexOfAny(" \t");
            value = (end < 0 ? value : value[..end]).Trim("'\"");
            var colon = value.IndexOf(':');
            if (colon > 0 && CommandValue(value[(colon + 1)..], minLength: 3) && !value[..colon].Equals(value[(colon + 1)..], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // curl --cert client.p12:passphrase (a PKCS#12 or PEM file, then its passphrase after the colon).
    private static bool CurlCertificate(ReadOnlySpan<char> args)
    {
        var hit = args.IndexOf("--cert ", StringComparison.Ordinal);
        var file = hit < 0 ? [] : Word(args[(hit + 7)..]);
        var colon = file.LastIndexOf(':');
        return colon > 4 && file[(colon - 4)..colon] is ".p12" or ".pfx" or ".pem" or ".crt" && CommandValue(file[(colon + 1)..], minLength: 6);
    }

    private static bool CommandValue(ReadOnlySpan<char> value, int minLength) =>
        value.Length >= minLength && !Placeholder(value) && value[0] != '-' && !value.Equals("password", StringComparison.OrdinalIgnoreCase)
        && !value.Equals("pass", StringComparison.OrdinalIgnoreCase) && !(value.ContainsAnyInRange('A', 'Z') && !value.ContainsAnyInRange('a', 'z'));
}
