namespace Majordomo.Classification;

/// <summary>
/// Credentials in a tool's own options or a connect call's arguments (probe 20, coding agents' commands): <c>redis-cli -a …</c>
/// or <c>--pass …</c>, <c>ldapsearch/ldapwhoami … -w …</c>, <c>smbclient -U user%pass</c>, <c>net use … /user:NAME PASS</c>,
/// <c>rabbitmqctl add_user NAME PASS</c>, <c>ConvertTo-SecureString 'pass' -AsPlainText</c>, PHP's <c>new PDO(dsn, user, pass)</c>
/// and <c>new mysqli(host, user, pass, db)</c>. Not a variable, a placeholder or an upper-case name (<c>-a "$REDIS_PASSWORD"</c>,
/// <c>getenv('DB_PASS')</c>, <c>'USER%PASSWORD'</c>); <c>-W</c> (ldap's prompt) reads nothing.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>A tool's password option or a connect call's password argument at the trigger <paramref name="at"/>.</summary>
    private static bool CommandFlagSecret(ReadOnlySpan<char> text, int at)
    {
        // The command is matched on the text first; its line is cut only then (escaped code has no line breaks to stop a search).
        var rest = text[at..];
        if (rest.IsEmpty)
        {
            return false;
        }

        switch (rest[0] | 0x20)
        {
            case 'r' when rest.StartsWith("redis-cli ", StringComparison.OrdinalIgnoreCase):
                var redis = LineFrom(text, at);
                return OptionValue(redis, " -a ") || OptionValue(redis, " --pass ") || OptionValue(redis, " --pass=");
            case 'l' when rest.StartsWith("ldap", StringComparison.Ordinal) && rest.IndexOf(' ') is > 4 and < 16 and var space && rest[4..space].IndexOfAnyExceptInRange('a', 'z') < 0:
                return OptionValue(LineFrom(text, at), " -w ");
            case 's' when rest.StartsWith("smbclient ", StringComparison.OrdinalIgnoreCase):
                var smb = LineFrom(text, at);
                return SmbUser(smb) || OptionValue(smb, " --password=");
            case 'n' when rest.StartsWith("net use ", StringComparison.OrdinalIgnoreCase):
                return NetUsePassword(LineFrom(text, at));
            case 'r' when rest.StartsWith("rabbitmqctl ", StringComparison.OrdinalIgnoreCase):
                return RabbitUser(LineFrom(text, at)[12..]);
            case 'c' when rest.StartsWith("convertto-securestring", StringComparison.OrdinalIgnoreCase):
                return SecureStringLiteral(LineFrom(text, at)[22..]);
            case 'p' when rest.StartsWith("pdo(", StringComparison.OrdinalIgnoreCase) && at >= 4 && text[(at - 4)..at].Equals("new ", StringComparison.OrdinalIgnoreCase):
                return QuotedArgument(LineFrom(text, at)[4..], 2);
            case 'm' when rest.StartsWith("mysqli(", StringComparison.Ordinal):
                return QuotedArgument(LineFrom(text, at)[7..], 2);
            case 'm' when rest.StartsWith("mysqli_connect(", StringComparison.Ordinal):
                return QuotedArgument(LineFrom(text, at)[15..], 2);
            default:
                return false;
        }
    }

    // The rest of the line from at.
    private static ReadOnlySpan<char> LineFrom(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        var newline = rest.IndexOfAny('\n', '\r');
        return newline < 0 ? rest : rest[..newline];
    }

    // The value after an option on the line ("-a 9fHq…", "--pass=…"), quoted or bare.
    private static bool OptionValue(ReadOnlySpan<char> line, string option)
    {
        var hit = line.IndexOf(option, StringComparison.Ordinal);
        return hit >= 0 && FlagValue(Word(line[(hit + option.Length)..]), minLength: 6);
    }

    // A command's value, and not an upper-case name in any script ('ПОЛЬЗОВАТЕЛЬ%ПАРОЛЬ' in a manual's example).
    private static bool FlagValue(ReadOnlySpan<char> value, int minLength)
    {
        if (!CommandValue(value, minLength))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    // One shell word: a quoted string's inside, else up to the next space.
    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> s)
    {
        s = s.TrimStart(' ');
        if (s.Length > 1 && s[0] is '\'' or '"')
        {
            var close = s[1..].IndexOf(s[0]);
            return close < 0 ? [] : s[1..(close + 1)];
        }

        var end = s.IndexOfAny(" \t");
        return end < 0 ? s : s[..end];
    }

    // smbclient //nas/share -U user%pass
    private static bool SmbUser(ReadOnlySpan<char> line)
    {
        var hit = line.IndexOf(" -U ", StringComparison.Ordinal);
        var user = hit < 0 ? [] : Word(line[(hit + 4)..]);
        var percent = user.IndexOf('%');
        return percent > 0 && FlagValue(user[(percent + 1)..], minLength: 6);
    }

    // net use Z: \\server\share /user:DOMAIN\name PASS: the word after the user that is no other switch.
    private static bool NetUsePassword(ReadOnlySpan<char> line)
    {
        var hit = line.IndexOf("/user:", StringComparison.OrdinalIgnoreCase);
        if (hit < 0)
        {
            return false;
        }

        var after = line[(hit + 6)..];
        var space = after.IndexOf(' ');
        var password = space < 0 ? [] : Word(after[space..]);
        return !password.IsEmpty && password[0] != '/' && FlagValue(password, minLength: 6);
    }

    // rabbitmqctl add_user NAME PASS, rabbitmqctl change_password NAME PASS.
    private static bool RabbitUser(ReadOnlySpan<char> args)
    {
        args = args.TrimStart(' ');
        if (!args.StartsWith("add_user ", StringComparison.Ordinal) && !args.StartsWith("change_password ", StringComparison.Ordinal))
        {
            return false;
        }

        args = args[(args.IndexOf(' ') + 1)..].TrimStart(' ');
        var name = Word(args);
        var rest = args[Math.Min(args.Length, name.Length + (args[0] is '\'' or '"' ? 2 : 0))..];
        return !name.IsEmpty && FlagValue(Word(rest), minLength: 6);
    }

    // ConvertTo-SecureString 'pass' -AsPlainText (or -String "pass"): a literal, not a variable.
    private static bool SecureStringLiteral(ReadOnlySpan<char> args)
    {
        args = args.TrimStart(' ');
        if (args.StartsWith("-String ", StringComparison.OrdinalIgnoreCase))
        {
            args = args[8..].TrimStart(' ');
        }

        return args.Length > 1 && args[0] is '\'' or '"' && FlagValue(Word(args), minLength: 6)
            && args.Contains("-AsPlainText", StringComparison.OrdinalIgnoreCase);
    }

    // The call's argument number index (0-based) when it is a quoted literal: new PDO(dsn, user, 'pass').
    private static bool QuotedArgument(ReadOnlySpan<char> args, int index)
    {
        for (var n = 0; ; n++)
        {
            args = args.TrimStart(' ');
            if (args.IsEmpty)
            {
                return false;
            }

            ReadOnlySpan<char> value = [];
            int end;
            if (args[0] is '\'' or '"')
            {
                var close = args[1..].IndexOf(args[0]);
                if (close < 0)
                {
                    return false;
                }

                value = args[1..(close + 1)];
                end = close + 2;
            }
            else
            {
                end = args.IndexOfAny(",)");
                if (end < 0)
                {
                    return false;
                }
            }

            if (n == index)
            {
                return !value.IsEmpty && FlagValue(value, minLength: 4);
            }

            args = args[end..].TrimStart(' ');
            if (args.IsEmpty || args[0] != ',')
            {
                return false;
            }

            args = args[1..];
        }
    }
}
