using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// A Wi-Fi key read off a router's sticker (probe 30: "the sticker on the router says WPA key IZNC-VSUB-JYFB"): after a key's noun
/// with a Wi-Fi word beside it ("WPA key", "WLAN-Schlüssel", "Clé Wi-Fi :"), three or more dash-joined groups of four or five
/// capitals and digits, all of one length — the shape routers print their generated keys in. No digit is needed (the key noun's value
/// otherwise needs one: "the key is consistency"); "WPA2-PSK-AES" names a security mode, its groups unequal.
/// </summary>
internal static partial class SecretPhrases
{
    // A key's noun by its first letter: key, Schlüssel, sleutel, clé, clave, chiave, chave, klucz, ключ.
    private static readonly string[] KNouns = ["key", "klucz"];

    private static readonly string[] SNouns = ["schlüssel", "schluessel", "sleutel"];

    private static readonly string[] CNouns = ["clé", "cle", "clave", "chiave", "chave"];

    private static readonly string[] CyrillicNouns = ["ключ"];

    private static readonly string[] WifiKeyCues = ["wpa", "wifi", "wi-fi", "wlan", "wireless", "network", "netzwerk", "réseau", "router", "box", "sticker", "aufkleber", "étiquette"];

    /// <summary>Whether a Wi-Fi key's noun starts at <paramref name="at"/> and a key in the sticker's group shape follows it.</summary>
    private static bool StickerKeyAt(ReadOnlySpan<char> text, int at)
    {
        // Check runs at every trigger of every phrase: the first letter picks the few nouns to compare.
        var rest = text[at..];
        ReadOnlySpan<string> nouns = char.ToLowerInvariant(text[at]) switch
        {
            'k' => KNouns,
            's' => SNouns,
            'c' => CNouns,
            'к' => CyrillicNouns,
            _ => [],
        };
        var noun = 0;
        foreach (var word in nouns)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                noun = word.Length;
                break;
            }
        }

        if (noun == 0)
        {
            return false;
        }

        // The key's shape first (code is dense in "key", a key in groups of capitals is rare), then the Wi-Fi word beside the noun.
        var after = rest[noun..Math.Min(rest.Length, noun + 40)];
        // GroupedKey takes a slice of `after` only with two dashes in it: without one, no capital in it needs reading (issue 16
        // item 4: "key, CancellationToken …" in code). The same answer.
        if (!after.Contains('-'))
        {
            return false;
        }

        for (var p = 0; p < after.Length; p++)
        {
            if (char.IsAsciiLetterUpper(after[p]) && (p == 0 || after[p - 1] is ' ' or ':' or '«' or '"' or '\'' or '\u00a0') && GroupedKey(after[p..]))
            {
                return ContainsAny(text[Math.Max(0, at - 24)..at], WifiKeyCues) || ContainsAny(after, WifiKeyCues);
            }
        }

        return false;
    }

    // Three or more groups of one length, four or five capitals and digits each, joined by dashes; not one character repeated (XXXX-XXXX).
    private static bool GroupedKey(ReadOnlySpan<char> value)
    {
        var end = value.IndexOfAnyExcept(GroupChars);
        var key = end < 0 ? value : value[..end];
        var dash = key.IndexOf('-');
        if (dash is not (4 or 5) || key.Count('-') < 2 || (key.Length + 1) % (dash + 1) != 0 || key.IndexOfAnyExcept(key[0]) < 0 || key.Contains("XXX", StringComparison.Ordinal))
        {
            return false;
        }

        for (var k = dash; k < key.Length; k += dash + 1)
        {
            if (key[k] != '-')
            {
                return false;
            }
        }

        // Every dash stands between two groups: as many dashes as groups less one.
        return key.Count('-') == ((key.Length + 1) / (dash + 1)) - 1;
    }

    private static readonly SearchValues<char> GroupChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
}
