using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Public identifiers of the services people use, shaped like their keys (probe 30's and 31's false alarms; docs/CLASSIFIER.md,
/// "Leftovers of probes 30 and 31"): Twilio's resource ids (<c>AC…</c>, <c>SM…</c>), a Cognito user pool's id, a value named public on
/// its line (a wallet's address, a routing engine's hint, an app client's id), and after a secret's noun a commit's hash, an AWS account
/// id, a store's key name (<c>session:9912</c>), a Mixpanel project token and a SEPA creditor identifier. docs/LABELLING.md: public
/// identifiers shaped like keys are no secrets. Each is read only for a value a rule has already taken.
/// </summary>
internal static partial class SecretPhrases
{
    /// <summary>The run a shape rule took (<paramref name="token"/>, at <paramref name="start"/>) is a service's public id.</summary>
    private static bool ServiceLookAlike(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token) =>
        TwilioSid(token) || CognitoPoolId(token) || IamIdToken(token) || PublicNameBefore(text, start) || PlayerIdBefore(text, start);

    // "AROAY27UOB7T5ANMXJQHI" alone or with its session's name after a colon ("…:gh-actions").
    private static bool IamIdToken(ReadOnlySpan<char> token) =>
        token.Length >= 21 && (token.Length == 21 || token[21] == ':') && IamUniqueId(token[..21]) && token[..4] is "AIDA" or "AROA" or "AIPA" or "ANPA";

    // Twilio's resource ids: two capitals naming the kind (AC account, SM message, CA call, PN number…) and 32 lower-case hex digits. The
    // account SID is the API's user name; the auth token passed beside it is the secret.
    private static bool TwilioSid(ReadOnlySpan<char> token) =>
        token.Length == 34 && char.IsAsciiLetterUpper(token[0]) && char.IsAsciiLetterUpper(token[1]) && token[2..].IndexOfAnyExcept(LowerHex) < 0;

    // A Cognito user pool's id: its region, '_' and nine letters and digits ("eu-west-1_ug0WwaMOu"), in every web client's config.
    private static bool CognitoPoolId(ReadOnlySpan<char> token)
    {
        var underscore = token.IndexOf('_');
        return underscore is >= 9 and <= 16 && token.Length - underscore - 1 == 9 && char.IsAsciiDigit(token[underscore - 1]) && token[underscore - 2] == '-'
            && token[..underscore].IndexOfAnyExcept(RegionChars) < 0 && token[(underscore + 1)..].IndexOfAnyExcept(LettersAndDigits) < 0;
    }

    private static readonly SearchValues<char> RegionChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    // Names of values public by design: a wallet's address (its private key is the secret), a routing engine's hint, an OAuth or Cognito
    // app client's id and a user pool's id (its client secret is the secret).
    private static readonly string[] PublicValueNames =
    [
        "address", "adresse", "dirección", "direccion", "endereço", "indirizzo", "adres", "адрес", "アドレス", "地址", "주소", "hint",
        "client id", "client_id", "clientid", "client-id", "pool id", "poolid", "クライアント id", "クライアントid", "プール id", "プールid",
        "客户端 id", "클라이언트 id",
    ];

    private static readonly string[] SecretValueNames = ["secret", "key", "token", "pass", "private", "seed", "mnemonic", "シークレット", "秘密", "密钥", "비밀"];

    // The last name on the value's line (48 characters before it) is a public value's, and no secret's name stands after it.
    private static bool PublicNameBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 48)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var at = -1;
        foreach (var name in PublicValueNames)
        {
            at = Math.Max(at, before.LastIndexOf(name, StringComparison.OrdinalIgnoreCase));
        }

        return at >= 0 && !Named(before[at..], SecretValueNames);
    }

    /// <summary>
    /// The first value after a secret's noun ending at <paramref name="end"/> (its line, 80 characters) is a service's public id: a
    /// commit's hash ("'GitHub Personal Access Token' in commit 812dca70…"), an AWS account id, a store's key name ("read key
    /// session:9912"), a project token (Mixpanel's is sent by every browser) or a SEPA creditor identifier.
    /// </summary>
    private static bool ServiceIdAfter(ReadOnlySpan<char> text, int at, int end)
    {
        var region = text[end..Math.Min(text.Length, end + 80)];
        region = region[..(region.IndexOfAny('\n', '\r') is var newline and >= 0 ? newline : region.Length)];
        var digit = region.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        // A key public by design after the noun ("the new Mapbox token … config: pk.eyJ…"; SecretPhrases.ServiceKeys).
        var key = digit;
        while (key > 0 && region[key - 1] is not (' ' or '\'' or '"' or '`' or '=' or '(' or ','))
        {
            key--;
        }

        var keyEnd = region[key..].IndexOfAny(" '\"`),;");
        if (PublicByDesign(text[(end + key)..(keyEnd < 0 ? Math.Min(text.Length, end + key + 400) : end + key + keyEnd)]))
        {
            return true;
        }

        var start = end + digit;
        while (start > end && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or ':'))
        {
            start--;
        }

        var tokenEnd = text[start..].IndexOfAnyExcept(KeyNameChars);
        var token = text[start..(tokenEnd < 0 ? text.Length : start + tokenEnd)].TrimEnd(":");
        return CommitNamed(text[end..start], token) || AwsAccountId(text, start, token) || StoreKeyName(token) || ProjectToken(text, at, end, token)
            || CreditorId(token);
    }

    private static readonly SearchValues<char> KeyNameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:");

    // Seven to forty hex digits right after "commit" (or "SHA", "revision"): where a secret was found, not the secret.
    private static bool CommitNamed(ReadOnlySpan<char> before, ReadOnlySpan<char> token)
    {
        var words = before.TrimEnd(" '\"`:");
        return token.Length is >= 7 and <= 40 && token.IndexOfAnyExcept(LowerHex) < 0
            && (words.EndsWith("commit", StringComparison.OrdinalIgnoreCase) || words.EndsWith("sha", StringComparison.OrdinalIgnoreCase)
                || words.EndsWith("revision", StringComparison.OrdinalIgnoreCase) || words.EndsWith("コミット", StringComparison.Ordinal));
    }

    /// <summary>
    /// Twelve digits (<paramref name="token"/> at <paramref name="start"/>) in an AWS context — an ARN, the word AWS, or an IAM unique id
    /// (<c>AIDA…</c>, <c>AROA…</c>) within 300 characters: the account's id, printed by every <c>get-caller-identity</c>.
    /// </summary>
    internal static bool AwsAccountId(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token)
    {
        if (token.Length != 12 || token.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var window = text[Math.Max(0, start - 300)..Math.Min(text.Length, start + 300)];
        // An IAM Identity Center profile names the account "sso_account_id" under an "awsapps.com" start URL (probe 35).
        return window.Contains("arn:aws", StringComparison.Ordinal) || IamUniqueId(window) || AwsWord(window)
            || window.Contains("sso_account_id", StringComparison.Ordinal) || window.Contains("awsapps.com", StringComparison.Ordinal);
    }

    // An IAM user's or role's unique id (AIDA…, AROA… and 17 capitals and digits): printed by get-caller-identity, no credential (the
    // access key id AKIA… is read by its own rule).
    private static bool IamUniqueId(ReadOnlySpan<char> window)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["AIDA", "AROA", "AIPA", "ANPA"])
        {
            var hit = window.IndexOf(prefix, StringComparison.Ordinal);
            if (hit >= 0 && window.Length - hit >= 21 && window[(hit + 4)..(hit + 21)].IndexOfAnyExcept(UpperAndDigits) < 0)
            {
                return true;
            }
        }

        return false;
    }

    // "public" in the corpus languages, just before or after a key's or token's noun ("Token publiczny", "öffentlicher Schlüssel").
    private static readonly string[] PublicWords =
    [
        "public", "publishable", "publiczny", "publiczna", "público", "pública", "publique", "öffentlich", "öffentliche", "öffentlicher",
        "öffentlichen", "pubblico", "pubblica", "publiek", "publieke", "публичный", "открытый", "公開", "公开", "공개",
    ];

    /// <summary>The word just before the noun at <paramref name="at"/>, or just after it ending at <paramref name="end"/>, names it public.</summary>
    private static bool PublicNoun(ReadOnlySpan<char> text, int at, int end)
    {
        var before = text[Math.Max(0, at - 14)..at].TrimEnd(" -");
        var after = text[end..Math.Min(text.Length, end + 14)].TrimStart(" -");
        foreach (var word in PublicWords)
        {
            var whole = word[0] >= 0x2E80 || after.Length == word.Length || (after.Length > word.Length && !char.IsLetter(after[word.Length]));
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) || (after.StartsWith(word, StringComparison.OrdinalIgnoreCase) && whole))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> UpperAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static bool AwsWord(ReadOnlySpan<char> window)
    {
        for (var hit = window.IndexOf("aws", StringComparison.OrdinalIgnoreCase); hit >= 0;)
        {
            var after = hit + 3;
            if ((hit == 0 || !char.IsLetter(window[hit - 1])) && (after == window.Length || !char.IsLetter(window[after])))
            {
                return true;
            }

            var next = window[after..].IndexOf("aws", StringComparison.OrdinalIgnoreCase);
            hit = next < 0 ? -1 : after + next;
        }

        return false;
    }

    // A store's key name: a lower-case namespace, a colon, then an id of digits ("session:9912", "user:1002:profile").
    private static bool StoreKeyName(ReadOnlySpan<char> token)
    {
        var colon = token.IndexOf(':');
        if (colon < 2 || token[..colon].IndexOfAnyExceptInRange('a', 'z') >= 0)
        {
            return false;
        }

        foreach (var range in token[(colon + 1)..].Split(':'))
        {
            var part = token[(colon + 1)..][range];
            if (part.IsEmpty || part.Length > 10 || (part.IndexOfAnyExceptInRange('0', '9') >= 0 && part.IndexOfAnyExceptInRange('a', 'z') >= 0))
            {
                return false;
            }
        }

        return true;
    }

    // Mixpanel's project token (32 hex digits) named "project token", "token de projet", "Projekt-Token"…: public by design (docs/LABELLING.md);
    // a project *access* token (GitLab's) names no Mixpanel token and stays a secret.
    private static bool ProjectToken(ReadOnlySpan<char> text, int at, int end, ReadOnlySpan<char> token)
    {
        if (token.Length != 32 || token.IndexOfAnyExcept(LowerHex) >= 0)
        {
            return false;
        }

        var around = text[Math.Max(0, at - 10)..Math.Min(text.Length, end + 14)];
        foreach (var name in (ReadOnlySpan<string>)["project token", "token de projet", "token del proyecto", "token do projeto", "projekt-token", "projekttoken", "token di progetto", "projecttoken"])
        {
            if (around.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A SEPA creditor identifier: country, check digits, the business code "ZZZ" and the national id (DE98ZZZ09999999999, FR45ZZZ812334).
    // Printed on every mandate and invoice of the creditor: an organisation's public id, not an account.
    private static bool CreditorId(ReadOnlySpan<char> token) =>
        token.Length is >= 12 and <= 35 && char.IsAsciiLetterUpper(token[0]) && char.IsAsciiLetterUpper(token[1]) && char.IsAsciiDigit(token[2]) && char.IsAsciiDigit(token[3])
        && token[4..7] is "ZZZ" && token[7..].IndexOfAnyExcept(UpperAndDigits) < 0;
}
