using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Developer artefacts that look like secrets and are not (probe 20's false alarms): a CI cache's key (<c>Cache restored from
/// key: nuget-Linux-267a…</c>: a hash of lock files), a container's default password that only repeats a word of its own
/// variable (<c>POSTGRES_PASSWORD=postgres</c>, <c>MYSQL_ROOT_PASSWORD=root</c>), and the JWTs that documentation prints
/// (jwt.io's, RFC 7519's). Each is read after the value test, so the common case pays nothing.
/// </summary>
internal static partial class SensitiveScanner
{
    // The signatures of the JWTs printed in the standard and on jwt.io: an example to decode, not a session.
    private static readonly string[] PublishedJwtSignatures =
    [
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", // jwt.io's HS256 example
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", // RFC 7519 §3.1
    ];

    /// <summary>The key named at <paramref name="start"/> is a CI cache's ("Cache restored from key: …", "cache key: …").</summary>
    internal static bool CacheKeyLine(ReadOnlySpan<char> text, int start)
    {
        var lineStart = text[..start].LastIndexOfAny('\n', '\r') + 1;
        return text[lineStart..start].Contains("cache", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The password <paramref name="value"/> is one of its own variable's words (<paramref name="name"/>): a documented default.</summary>
    private static bool NameEchoed(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (value.Length < 3)
        {
            return false;
        }

        foreach (var range in name.SplitAny("_-."))
        {
            if (name[range].Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A published example JWT starts within 80 characters after <paramref name="end"/> (a noun's value).</summary>
    internal static bool PublishedJwtNear(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var jwt = window.IndexOf("eyJ", StringComparison.Ordinal);
        return jwt >= 0 && PublishedJwt(text[(end + jwt)..]);
    }

    /// <summary>The token run holding <paramref name="start"/> is a published example JWT.</summary>
    internal static bool InPublishedJwt(ReadOnlySpan<char> text, int start)
    {
        var from = start;
        while (from > 0 && Base64Chars.Contains(text[from - 1]))
        {
            from--;
        }

        return text[from..].StartsWith("eyJ", StringComparison.Ordinal) && PublishedJwt(text[from..]);
    }

    /// <summary>The JWT starting <paramref name="rest"/> carries a published example's signature.</summary>
    private static bool PublishedJwt(ReadOnlySpan<char> rest)
    {
        var length = Run(rest, Base64Chars);
        var token = rest[..length];
        var dot = token.LastIndexOf('.');
        var signature = dot < 0 ? token : token[(dot + 1)..];
        foreach (var published in PublishedJwtSignatures)
        {
            if (signature.Equals(published, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A letters-only tail (Hugging Face's tokens) read as random: 30 letters or more, the case changing at least ten times, and two
    /// runs of capitals or more ("pIVfxrutfNHOCib…"); words in camel case ("ThisIsJustAnExample…") put one capital at a time.
    /// </summary>
    private static bool RandomCase(ReadOnlySpan<char> tail)
    {
        if (tail.Length < 30 || tail.ContainsAnyExcept(AsciiLetters))
        {
            return false;
        }

        int changes = 0, capitalRuns = 0;
        for (var i = 1; i < tail.Length; i++)
        {
            changes += char.IsAsciiLetterUpper(tail[i]) != char.IsAsciiLetterUpper(tail[i - 1]) ? 1 : 0;
            capitalRuns += char.IsAsciiLetterUpper(tail[i]) && char.IsAsciiLetterUpper(tail[i - 1]) && (i < 2 || !char.IsAsciiLetterUpper(tail[i - 2])) ? 1 : 0;
        }

        return changes >= 10 && capitalRuns >= 2;
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// A compose file's or an env file's password that repeats the user variable's value a few lines away (<c>POSTGRES_USER: keycloak</c>
    /// … <c>POSTGRES_PASSWORD: keycloak</c>): a demo default, like <see cref="NameEchoed"/>'s.
    /// </summary>
    private static bool UserEchoed(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> value)
    {
        if (value.Length < 2)
        {
            return false;
        }

        var window = text[Math.Max(0, start - 300)..Math.Min(text.Length, start + 300)];
        foreach (var range in window.SplitAny('\n', '\r'))
        {
            var line = window[range].Trim().TrimStart("- ");
            var separator = line.IndexOfAny('=', ':');
            if (separator <= 0)
            {
                continue;
            }

            var key = line[..separator].Trim(" \"'");
            if ((key.EndsWith("USER", StringComparison.OrdinalIgnoreCase) || key.EndsWith("USERNAME", StringComparison.OrdinalIgnoreCase))
                && line[(separator + 1)..].Trim(" \"'").Equals(value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The value at <paramref name="at"/> sits under a SealedSecret's <c>encryptedData:</c> (every line between them indented deeper):
    /// ciphertext only the cluster's controller can open, like SOPS's <c>ENC[…]</c>.
    /// </summary>
    internal static bool InSealedBlock(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 1500)..at];
        var block = before.LastIndexOf("encryptedData:", StringComparison.Ordinal);
        if (block < 0)
        {
            return false;
        }

        var lineStart = before[..block].LastIndexOf('\n') + 1;
        var indent = block - lineStart;
        var rest = before[block..];
        var newline = rest.IndexOf('\n');
        rest = newline < 0 ? [] : rest[(newline + 1)..];
        foreach (var range in rest.Split('\n'))
        {
            var line = rest[range];
            if (!line.IsWhiteSpace() && line.IndexOfAnyExcept(' ') <= indent)
            {
                return false;
            }
        }

        return true;
    }
}
