using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Keys of everyday places and things, after the blind probe <c>sensitive-lookalikes-22</c> (docs/CLASSIFIER.md, "Probe 22 read
/// by category"): a parcel locker's pickup code by its names ("ophaalcode 442 871", "mã mở tủ", "Abholcode"); a Wi-Fi password
/// after the Czech, Slovak and Romanian "is" ("Heslo k wifi na chatě je Smrkova-alej7", "parola … e Brazilor-9Munte"). Not values:
/// a locker's own id ("the locker ID on the screen is WAR14M"), a default that is no password ("par défaut : aucun"), user and
/// password both the same default ("Benutzer und Passwort sind beide admin"), where a password is written ("ルーターのシールに書いて
/// ある"), a wallet's public address (a base58 one of Bitcoin, Litecoin or TRON named as an address or a wallet's).
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases (a method, so the order the partial files' fields initialise in does not matter).
    private static (string Phrase, Want Want)[] HomePhrases() =>
    [
        // A parcel locker's or a pickup point's code.
        ("ophaalcode", Want.Digits), ("afhaalcode", Want.Digits), ("abholcode", Want.Digits), ("pickup code", Want.Digits), ("pick-up code", Want.Digits),
        ("collection code", Want.Digits), ("code de retrait", Want.Digits), ("código de recogida", Want.Digits), ("código de retirada", Want.Digits),
        ("codice di ritiro", Want.Digits), ("kod odbioru", Want.Digits), ("mã mở tủ", Want.Digits), ("mã nhận hàng", Want.Digits), ("รหัสเปิดตู้", Want.Digits),
        ("kode ambil", Want.Digits), ("取件码", Want.Digits), ("受取コード", Want.Digits),
        // A delivery's confirmation code by its Dutch and Chinese nouns (probe 44).
        ("bezorgcode", Want.Digits), ("leveringscode", Want.Digits), ("收货码", Want.Digits), ("签收码", Want.Digits),
    ];

    // "is" in the languages whose password nouns the connectors lacked: Czech and Slovak "je", Romanian "este" and "e".
    private static bool HomeWordValue(ReadOnlySpan<char> text, int end, string phrase)
    {
        ReadOnlySpan<string> verbs = phrase switch
        {
            "heslo" or "hesla" => ["je"],
            "parola" => ["este", "e"],
            _ => [],
        };
        if (verbs.IsEmpty)
        {
            return false;
        }

        var rest = text[end..Math.Min(text.Length, end + 80)];
        for (var words = 0; words < 7; words++)
        {
            rest = rest.TrimStart(" \t");
            var length = rest.IndexOfAny(" \t\n\r.,;!?");
            var word = length < 0 ? rest : rest[..length];
            if (word.IsEmpty)
            {
                return false;
            }

            rest = rest[word.Length..];
            var found = false;
            foreach (var verb in verbs)
            {
                found |= word.Equals(verb, StringComparison.OrdinalIgnoreCase);
            }

            if (found)
            {
                var value = rest.TrimStart(" \t");
                var stop = value.IndexOfAny(" \t\n\r,;!?");
                value = (stop < 0 ? value : value[..stop]).TrimEnd('.');
                return value.Length >= 6 && value.IndexOfAnyInRange('0', '9') >= 0 && value.IndexOfAnyExceptInRange('0', '9') >= 0 && !DummyValue(value);
            }
        }

        return false;
    }

    // The default that is no password, in the corpus languages ("mot de passe par défaut : aucun").
    private static readonly string[] NoValueWords =
    [
        "none", "aucun", "aucune", "ninguna", "ninguno", "nenhuma", "nenhum", "nessuna", "nessuno", "keins", "keines", "kein", "geen", "brak", "нет", "yok", "ingen",
    ];

    /// <summary>Whether what stands after a noun ending at <paramref name="end"/> says the thing has no value or tells where it is written.</summary>
    private static bool HomeNotValue(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        var after = text[end..Math.Min(text.Length, end + 60)];
        if (phrase == "locker")
        {
            // "the locker ID on the screen is WAR14M", "locker number 12": the locker's own public id.
            var next = after.TrimStart(" \t");
            foreach (var name in (ReadOnlySpan<string>)["id", "number", "no", "nr", "location", "name"])
            {
                if (next.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (next.Length == name.Length || !char.IsLetter(next[name.Length])))
                {
                    return true;
                }
            }
        }

        // "パスワードはルーターのシールに書いてある": where the password is written, not the password.
        if (text[at] >= 0x2E80)
        {
            var clause = after[..Math.Max(0, after.IndexOfAny("。！？\n") is var stop && stop >= 0 ? stop : after.Length)];
            return clause.Contains("に書いて", StringComparison.Ordinal) || clause.Contains("に記載", StringComparison.Ordinal) || clause.Contains("に貼って", StringComparison.Ordinal);
        }

        // "par défaut : aucun", "default password is 'none — set one'": the first word after the connector says there is none.
        var rest = after.TrimStart(" \t:=-—'\"«“");
        for (var words = 0; words < 4 && !rest.IsEmpty; words++)
        {
            var length = rest.IndexOfAny(" \t\n\r.,;:!?'\"»”—");
            var word = length < 0 ? rest : rest[..length];
            if (OneOf(word, NoValueWords))
            {
                return true;
            }

            if (!(OneOf(word, Connectors) || word is "par" or "défaut" or "default" or "por" or "defecto" or "padrão" or "predefinita" or "standard" or "standaard" or "domyślnie"))
            {
                return false;
            }

            rest = rest[word.Length..].TrimStart(" \t:=-—'\"«“");
        }

        return false;
    }

    // "Benutzer und Passwort sind beide „admin“": a user noun joined to the password noun, and one value for both — a device's default.
    private static bool BothSameDefault(ReadOnlySpan<char> text, int at, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 30)].TrimStart(" \t");
        var both = false;
        foreach (var words in (ReadOnlySpan<string>)["sind beide", "are both", "sono entrambi", "son ambos", "são ambos", "sont tous les deux", "zijn allebei", "both"])
        {
            both |= after.StartsWith(words, StringComparison.OrdinalIgnoreCase);
        }

        if (!both)
        {
            return false;
        }

        var before = text[Math.Max(0, at - 30)..at].TrimEnd(" \t");
        foreach (var join in (ReadOnlySpan<string>)["und", "and", "e", "y", "et", "en"])
        {
            if (before.EndsWith(join, StringComparison.OrdinalIgnoreCase))
            {
                var user = before[..^join.Length].TrimEnd(" \t");
                foreach (var noun in UserNouns)
                {
                    if (user.EndsWith(noun, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // Words that name a public wallet address near it (a base58 address has no prefix that says so).
    private static readonly string[] AddressWords =
    [
        "address", "adresse", "adres", "адрес", "dirección", "direccion", "endereço", "indirizzo", "wallet", "кошел", "cartera", "carteira",
        "portefeuille", "portafoglio", "cüzdan", "portfel", "usdt", "btc", "bitcoin", "trc20", "trc-20", "ltc", "주소", "지갑", "地址", "钱包", "アドレス", "ウォレット",
    ];

    private static readonly SearchValues<char> Base58 = SearchValues.Create("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

    /// <summary>
    /// A Bitcoin or Litecoin legacy address (1…, 3…, L…, M…, 26–35 base58 characters) or a TRON one (T…, 34) with an address's or a
    /// wallet's word in the 400 characters before it: shared to be paid, not a key.
    /// </summary>
    private static bool Base58Address(ReadOnlySpan<char> text, int start, ReadOnlySpan<char> token)
    {
        if (token.Length is < 26 or > 35 || token[0] is not ('1' or '3' or 'L' or 'M' or 'T') || (token[0] == 'T' && token.Length != 34) || token.IndexOfAnyExcept(Base58) >= 0)
        {
            return false;
        }

        var before = text[Math.Max(0, start - 400)..start];
        foreach (var word in AddressWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
