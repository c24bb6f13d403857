namespace Majordomo.Classification;

/// <summary>
/// Gaming and social accounts' public values shaped like secrets (after the probe <c>sensitive-lookalikes-45</c>, docs/CLASSIFIER.md
/// "Probe 45 read by category"): a player's public id named before a long random-looking value (a Riot PUUID, a SteamID64, a Discord
/// user id: public by design, docs/LABELLING.md), and a handle in a table's handle column (<c>discord</c>, <c>battletag</c>:
/// <c>kestrel#0001</c> is a tag, not a password). A secret's name between keeps the value a secret. A gift card's code stays a secret
/// in a line that speaks of coupons, unless the line says it was given out to everyone; a code given out on a livestream or a creator's
/// code is public.
/// </summary>
internal static partial class SecretPhrases
{
    // Names of a player's or a user's public id on the platforms (read at a word's start).
    private static readonly string[] PlayerIdNames =
    [
        "puuid", "steamid", "steam id", "steam64", "discord id", "user id", "userid", "account id", "accountid", "player id", "playerid",
        "summoner id", "summonerid", "xuid", "epic id", "riot id", "psn id", "online id", "uid", "spieler-id", "id de jugador", "id do jogador",
        "id joueur", "id du joueur",
    ];

    /// <summary>
    /// A player's public id is named on the value's line within the 120 characters before it ("404 for this puuid … copied from the
    /// match-v5 response: `kQ9x…`"), with no secret's name after the id's name.
    /// </summary>
    private static bool PlayerIdBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 120)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var at = -1;
        foreach (var name in PlayerIdNames)
        {
            var hit = before.LastIndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1])) && (hit + name.Length == before.Length || !char.IsLetter(before[hit + name.Length])))
            {
                at = Math.Max(at, hit);
            }
        }

        return at >= 0 && !Named(before[at..], SecretValueNames);
    }

    // A gift card's, a prepaid card's or a gift voucher's nouns: the code on it is money whoever holds it can spend.
    private static readonly string[] GiftCardWords =
    [
        "gift card", "giftcard", "gift-card", "gift code", "gift voucher", "prepaid", "paysafecard", "wallet code", "geschenkkarte", "guthabenkarte",
        "guthabencode", "geschenkgutschein", "carte cadeau", "carte-cadeau", "tarjeta regalo", "tarjeta de regalo", "cartão-presente", "cartão presente",
        "vale-presente", "vale presente", "carta regalo", "buono regalo", "cadeaukaart", "cadeaubon", "karta podarunkowa", "karty podarunkowej",
        "kartę podarunkową", "подарочн", "hediye kart", "ギフトカード", "ギフト券", "礼品卡", "기프트카드", "상품권",
    ];

    // What says a code was given out on a livestream or by a creator to everyone watching: public by design (docs/LABELLING.md).
    private static readonly string[] LivestreamWords =
    [
        "livestream", "live stream", "stream", "creator code", "code créateur", "código de creador", "directo", "ao vivo", "na live", "en direct",
        "in diretta", "transmisj", "стрим", "yayın", "生放送", "直播", "생방송",
    ];

    // What says the code is handed out to be redeemed, not received by one account ("gave out", "dropped", "for everyone").
    private static readonly string[] RedeemWords =
    [
        "gave out", "give out", "giving out", "handed out", "dropped", "redeem", "for everyone", "to everyone", "for all", "creator code", "code créateur",
        "código de creador", "para todos", "para todo mundo", "für alle", "einlösen", "pour tous", "à tous", "per tutti", "dla wszystkich", "для всех",
        "herkese", "canjear", "resgatar", "riscattare", "みんな", "全员", "모두",
    ];

    // What says a gift card's code was handed to everyone, not bought or given to one person.
    private static readonly string[] GiveawayWords =
    [
        "for everyone", "to everyone", "para todos", "para todo mundo", "für alle", "pour tous", "à tous", "per tutti", "dla wszystkich", "для всех",
        "herkese", "みんな", "全员", "모두",
    ];

    /// <summary>
    /// A livestream's or a creator's code: the code's line (<paramref name="line"/>) names a stream and says the code was given out or is
    /// redeemed by everyone ("the Genshin livestream gave out a code for everyone"). A code that only showed on stream ("my 2FA code
    /// flashed on stream") stays a code.
    /// </summary>
    internal static bool LivestreamCode(ReadOnlySpan<char> line) => ContainsStemOf(line, LivestreamWords) && ContainsStemOf(line, RedeemWords);

    /// <summary>A gift card's noun in the code's line (<paramref name="line"/>), and no word saying the code was handed to everyone.</summary>
    internal static bool GiftCardCode(ReadOnlySpan<char> line) =>
        ContainsStemOf(line, GiftCardWords) && !ContainsStemOf(line, GiveawayWords) && !LivestreamCode(line);

    /// <summary>
    /// The token at <paramref name="start"/> stands in a delimited table's row under a header cell that names a handle ("discord",
    /// "battletag", "gamertag", "username") and no secret: a player's tag ("kestrel#0001", "Mara#21877"), public like a user name.
    /// </summary>
    private static bool HandleColumn(ReadOnlySpan<char> text, int start)
    {
        var lineStart = text[..start].LastIndexOf('\n') + 1;
        var lineEnd = text[start..].IndexOf('\n');
        var row = text[lineStart..(lineEnd < 0 ? text.Length : start + lineEnd)].TrimEnd('\r');
        var delimiter = RowDelimiter(row);
        if (delimiter == '\0' || lineStart == 0)
        {
            return false;
        }

        // Up the table: the top line with as many delimiters is its header (twenty lines at most).
        var cells = row.Count(delimiter);
        var header = ReadOnlySpan<char>.Empty;
        var at = lineStart - 1;
        for (var lines = 0; lines < 20 && at >= 0; lines++)
        {
            var above = text[..at].LastIndexOf('\n') + 1;
            var line = text[above..at].TrimEnd('\r');
            if (line.Count(delimiter) != cells)
            {
                break;
            }

            header = line;
            at = above - 1;
        }

        if (header.IsEmpty)
        {
            return false;
        }

        var column = text[lineStart..start].Count(delimiter);
        var index = 0;
        foreach (var range in header.Split(delimiter))
        {
            if (index++ == column)
            {
                var cell = header[range];
                return WordIn(cell, HandlePhrases) && !ContainsStemOf(cell, SecretStems);
            }
        }

        return false;
    }
}
