using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Credentials and codes probe 30 showed missed (docs/CLASSIFIER.md, "Leftovers of probes 30 and 31"): an incoming-webhook URL of a
/// self-hosted chat (Mattermost's <c>/hooks/&lt;26 characters&gt;</c>, Rocket.Chat's <c>/hooks/&lt;id&gt;/&lt;token&gt;</c>), a wallet's
/// keypair written as its bytes (a Solana <c>id.json</c>: 64 numbers of 0–255), and a code of capitals and digits handed over as its
/// message arrived (Steam Guard's "the email just came: 6QRXW").
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// The URL whose "://" starts <paramref name="rest"/> has a <c>/hooks/</c> segment with a chat hook's key after it (read at the URL's
    /// "://", a trigger already: a trigger of its own starting with '/' would slow the search down in escaped JSON, where slashes abound).
    /// </summary>
    private static bool ChatHookInUrl(ReadOnlySpan<char> rest)
    {
        var stop = rest.IndexOfAny(" \t\r\n\"'<>`)]");
        var url = stop < 0 ? rest : rest[..stop];
        var hooks = url.IndexOf("/hooks/", StringComparison.OrdinalIgnoreCase);
        return hooks > 0 && ChatHook(url[hooks..]);
    }

    /// <summary>
    /// <paramref name="rest"/> starts with <c>/hooks/</c> and the path's next segment, or the one after it, is a random key of 20+
    /// letters and digits with both. A repository's numbered hook (<c>settings/hooks/448812093</c>) and a docs placeholder
    /// (<c>xxx-generatedkey-xxx</c>) are not.
    /// </summary>
    private static bool ChatHook(ReadOnlySpan<char> rest)
    {
        var path = rest[7..];
        for (var segment = 0; segment < 2 && !path.IsEmpty; segment++)
        {
            var length = Run(path, LettersAndDigitsOnly);
            var key = path[..length];
            if (length >= 20 && (length == path.Length || path[length] is not ('-' or '_' or '.')) && HasDigitAndLetter(key))
            {
                return true;
            }

            path = length < path.Length && path[length] == '/' ? path[(length + 1)..] : [];
        }

        return false;
    }

    private static readonly SearchValues<char> LettersAndDigitsOnly = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    // What names a wallet's secret keypair before its bytes: Solana's id.json, a keypair or signer built from bytes, a secret key.
    private static readonly string[] KeypairCues = ["keypair", "id.json", "secret", "private", "signer", "from_bytes", "wallet", "seed"];

    private static readonly string[] SeedCues = ["secret", "private", "seed"];

    /// <summary>
    /// The digit at <paramref name="start"/> opens a bracketed list of exactly 64 numbers of 0–255 (a Solana keypair: secret and public
    /// key), or 32 named secret or private (an Ed25519 seed), with a keypair's cue in the 200 characters before. A thumbnail's 64 grey
    /// values name no key; a public key's 32 bytes are public.
    /// </summary>
    private static bool KeypairBytes(ReadOnlySpan<char> text, int start)
    {
        var open = text[..start].TrimEnd(" \n\r\t");
        if (open.IsEmpty || open[^1] != '[')
        {
            return false;
        }

        var count = ByteListLength(text[start..]);
        if (count is not (32 or 64))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 200)..start];
        return count == 64 ? SecretPhrases.ContainsAny(before, KeypairCues)
            : SecretPhrases.ContainsAny(before, SeedCues) && !before.Contains("pub", StringComparison.OrdinalIgnoreCase);
    }

    // How many numbers of 0–255 the list holds up to its ']' (comma-separated, blanks allowed); 0 when anything else stands in it.
    private static int ByteListLength(ReadOnlySpan<char> list)
    {
        var close = list.IndexOf(']');
        if (close < 0 || close > 64 * 6)
        {
            return 0;
        }

        var count = 0;
        foreach (var range in list[..close].Split(','))
        {
            var number = list[..close][range].Trim(" \n\r\t");
            if (number.Length is < 1 or > 3 || number.IndexOfAnyExceptInRange('0', '9') >= 0 || int.Parse(number, provider: null) > 255)
            {
                return 0;
            }

            count++;
        }

        return count;
    }

    // The message that brings a code of capitals and digits, and the words for its arrival beyond ArrivalWords.
    private static readonly string[] LetterCodeMessages = ["mail", "sms", "text", "message", "nachricht", "wiadomo", "steam guard", "code"];

    private static readonly string[] LetterCodeArrivals = ["doszedł", "doszedl", "przyszedł", "przyszedl", "gekommen", "emailed me", "sent me"];

    /// <summary>
    /// A code of five to eight capitals and digits, with both (Steam Guard's 6QRXW, a bank's XM4P7Q), right after a colon and ending its
    /// clause, with an arrival word and the message's noun in the 48 characters before the colon. <paramref name="start"/> is a digit of it.
    /// </summary>
    private static bool ArrivedLetterCode(ReadOnlySpan<char> text, int start)
    {
        var from = start;
        while (from > 0 && char.IsAsciiLetterUpper(text[from - 1]))
        {
            from--;
        }

        var length = Run(text[from..], UpperDigits);
        var code = text.Slice(from, length);
        if (length is < 5 or > 8 || start != from + code.IndexOfAnyInRange('0', '9') || !code.ContainsAnyInRange('A', 'Z')
            || (from + length < text.Length && text[from + length] is not ('.' or ',' or '!' or ';' or '\n' or '\r' or ' ' or ')')))
        {
            return false;
        }

        var before = text[..from].TrimEnd(' ');
        if (before.IsEmpty || before[^1] is not (':' or '：'))
        {
            return false;
        }

        var lead = before[Math.Max(0, before.Length - 49)..^1];
        return (SecretPhrases.ContainsAny(lead, ArrivalWords) || SecretPhrases.ContainsAny(lead, LetterCodeArrivals)) && SecretPhrases.ContainsAny(lead, LetterCodeMessages);
    }

    private static readonly SearchValues<char> UpperDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
}
