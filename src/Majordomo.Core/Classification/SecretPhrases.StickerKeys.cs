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
    private static readonly string[] StickerKeyNouns = ["key", "schlüssel", "schluessel", "clé", "cle", "clave", "chiave", "chave", "sleutel", "klucz", "ключ"];

    private static readonly string[] WifiKeyCues = ["wpa", "wifi", "wi-fi", "wlan", "wireless", "network", "netzwerk", "réseau", "router", "box", "sticker", "aufkleber", "étiquette"];

    /// <summary>Whether a Wi-Fi key's noun starts at <paramref name="at"/> and a key in the sticker's group shape follows it.</summary>
    private static bool StickerKeyAt(ReadOnlySpan<char> text, int at)
    {
        // Check runs at every trigger of every phrase: the nouns' first letters turn nearly all away at once.
        if (char.ToLowerInvariant(text[at]) is not ('k' or 's' or 'c' or 'к'))
        {
            return false;
        }

        var rest = text[at..];
        var noun = 0;
        foreach (var word in StickerKeyNouns)
        {
            noun = rest.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? word.Length : noun;
        }

        if (noun == 0)
        {
            return false;
        }

        var after = rest[noun..Math.Min(rest.Length, noun + 28)];
        var before = text[Math.Max(0, at - 24)..at];
        if (!ContainsAny(before, WifiKeyCues) && !ContainsAny(after, WifiKeyCues))
        {
            return false;
        }

        for (var p = 0; p < after.Length; p++)
        {
            if (char.IsAsciiLetterUpper(after[p]) && (p == 0 || after[p - 1] is ' ' or ':' or '«' or '"' or '\'' or '\u00a0') && GroupedKey(after[p..].TrimEnd(".,;!?»\"' ")))
            {
                return true;
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
