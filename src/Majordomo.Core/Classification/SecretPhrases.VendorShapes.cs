using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Credentials probe 30 showed missed, by their documented shape or their place (docs/CLASSIFIER.md, "Leftovers of probes 30 and 31"),
/// read on a run of token characters holding a digit (<see cref="ShapedRun"/>, so <see cref="SensitivePrefilter"/> reads them too): a
/// quoted secret passed as a later positional argument of a client's constructor or login call (<c>Client('AC…', 'ef2a…')</c>), a
/// JetBrains activation code (a licence id, a dash, then hundreds of base64 characters), an X/Twitter app bearer token (twenty-odd
/// <c>A</c>s, then a URL-encoded tail), and a long random value given as "mine is" after a secret's noun ("com qual segredo? O meu é
/// 5e41…").
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>The run <paramref name="start"/>..<paramref name="end"/> (<paramref name="token"/>) is a credential by its vendor's shape or its place.</summary>
    private static bool VendorShape(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<char> token) =>
        token.Length >= 20 && (PositionalCredential(text, start, end, token) || LicenceBlob(token) || XBearer(token) || OwnSecretValue(text, start, token));

    // A call whose name says it builds a client or logs in: its later quoted arguments are the credentials (Twilio's Client(sid, token),
    // Plivo's RestClient(auth_id, auth_token), Twilio.init(…), login(user, password)).
    private static readonly string[] ClientCallNames = ["client", "twilio", "auth", "login", "credential", "connect", "session", "init", "sdk"];

    /// <summary>
    /// A quoted value of 20+ letters and digits (a hex token too) that is not a call's first argument, in a call named by
    /// <see cref="ClientCallNames"/> on its line. A checksum passed to a verifier and an environment read (<c>os.environ[…]</c>) are not.
    /// </summary>
    private static bool PositionalCredential(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<char> token)
    {
        if (start < 4 || end >= text.Length || text[start - 1] is not ('\'' or '"') || text[end] != text[start - 1] || token.Length > 100
            || token.IndexOfAnyExcept(LettersAndDigits) >= 0 || !token.ContainsAnyInRange('0', '9') || token.IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return false;
        }

        var before = text[Math.Max(0, start - 160)..(start - 1)];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        if (before.TrimEnd(' ') is not [.., ','])
        {
            return false;
        }

        var open = before.LastIndexOf('(');
        if (open <= 0 || before[open..].IndexOf(')') >= 0)
        {
            return false;
        }

        // require('twilio')('AC…', '…'): the client is the module the first call loads (probe 35).
        var callEnd = open;
        if (before[open - 1] == ')' && before[..(open - 1)].LastIndexOf('(') is > 0 and var inner)
        {
            callEnd = inner;
        }

        var name = callEnd;
        while (name > 0 && (char.IsAsciiLetterOrDigit(before[name - 1]) || before[name - 1] is '_' or '.' or '$'))
        {
            name--;
        }

        return Named(before[name..open], ClientCallNames);
    }

    /// <summary>
    /// A JetBrains activation code: a licence id of ten capitals and digits, a dash, then 200+ base64 characters (the licence, its
    /// signature and certificate, dash-separated). A data URI's base64 has no such id before it.
    /// </summary>
    private static bool LicenceBlob(ReadOnlySpan<char> token)
    {
        if (token.Length < 200 || token[10] != '-' || token[..10].IndexOfAnyExcept(UpperAndDigits) >= 0 || !token[..10].ContainsAnyInRange('0', '9')
            || !token[..10].ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        var body = token[11..];
        return body.IndexOfAnyExcept(LicenceChars) < 0 && body.ContainsAnyInRange('a', 'z') && body.ContainsAnyInRange('A', 'Z') && body.ContainsAnyInRange('0', '9');
    }

    private static readonly SearchValues<char> LicenceChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-");

    /// <summary>
    /// An X/Twitter app bearer token: eighteen or more <c>A</c>s (its zero-padded header), then 40+ letters, digits and URL escapes
    /// (<c>%3D</c>, <c>%2F</c>). A zero IV in base64 (<c>AAAA…==</c>) ends at its padding.
    /// </summary>
    private static bool XBearer(ReadOnlySpan<char> token)
    {
        var tail = token.TrimStart('A');
        return token.Length - tail.Length >= 18 && tail.Length >= 40 && tail.IndexOfAnyExcept(EscapedTokenChars) < 0 && tail.ContainsAnyInRange('0', '9')
            && tail.ContainsAnyInRange('a', 'z');
    }

    private static readonly SearchValues<char> EscapedTokenChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%-_");

    // "mine is" in the corpus languages: the user's own value of what the sentence before named.
    private static readonly string[] MineIs =
    [
        "mine is", "mine's", "o meu é", "a minha é", "el mío es", "el mio es", "la mía es", "la mia es", "le mien est", "la mienne est", "meiner ist",
        "meine ist", "meins ist", "il mio è", "la mia è", "de mijne is", "mój to", "moja to", "мой:", "мой —",
    ];

    // A secret's noun in the sentences before "mine is": a signing secret, a key, a token.
    private static readonly string[] SecretNounsBefore =
    [
        "secret", "segredo", "chave", "clave", "key", "token", "geheimnis", "schlüssel", "segreto", "chiave", "clé", "sleutel", "klucz", "ключ", "секрет",
    ];

    /// <summary>
    /// A random value of 32+ hex digits or 24+ mixed letters and digits right after "mine is", with a secret's noun in the 160 characters
    /// before: the user's own signing secret or key. A checksum compared as "mine is …" has no secret's noun.
    /// </summary>
    private static bool OwnSecretValue(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token)
    {
        var before = text[Math.Max(0, start - 20)..start].TrimEnd(" :\"'");
        // Every "mine is" ends in one of these: most runs are turned away by one compare.
        if (before.IsEmpty || char.ToLowerInvariant(before[^1]) is not ('s' or 't' or 'é' or 'è' or 'o' or 'й' or '—'))
        {
            return false;
        }

        foreach (var mine in MineIs)
        {
            if (before.EndsWith(mine, StringComparison.OrdinalIgnoreCase))
            {
                var hex = token.Length >= 32 && token.IndexOfAnyExcept(LowerHex) < 0;
                var random = token.Length >= 24 && token.IndexOfAnyExcept(LettersAndDigits) < 0 && RandomPart(token);
                return (hex || random) && Named(text[Math.Max(0, start - 160)..start], SecretNounsBefore);
            }
        }

        return false;
    }
}
