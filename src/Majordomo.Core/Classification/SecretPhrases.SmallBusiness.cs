using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Small businesses, shops and freelancers (after the probe <c>sensitive-lookalikes-55</c>, docs/CLASSIFIER.md "Probe 55 read by
/// category"). Secrets: a payment provider's signing or webhook secret after its noun in any language ("the webhook secret as 9f3c…",
/// <c>CLAVE_SHA256=…</c>, "Signaturschlüssel: …"); a gift card's number or a voucher's code sold to one customer; a delivery's
/// hand-over code by its French, Spanish, German, Italian and Polish nouns; an account's digits in pairs beside a sort code, a BSB or
/// a transit number (OCR's O for 0 too); a Danish or Norwegian one-time code. Not values: a card terminal's merchant and terminal
/// numbers, a shop's promotion code, a public storefront's token and a marketplace's merchant token, a vendor's documented sandbox
/// login, a card slip's approval code in Hungarian, Polish and Czech.
/// </summary>
internal static partial class SecretPhrases
{
    // In a class of their own: Phrases and TriggerPhrases read them while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class SmallBusinessWords
    {
        // A payment provider's secret for signing requests or webhooks; an environment name in capitals counts too (CLAVE_SHA256=…).
        internal static readonly string[] SigningNouns =
        [
            "webhook secret", "signing secret", "signing key", "signature key", "hmac key", "hmac secret", "hmac-key", "hmac-schlüssel",
            "signaturschlüssel", "signatur-schlüssel", "signierschlüssel", "clave_sha256", "clave sha256", "clave secreta", "clave de firma hmac",
            "chave_assinatura", "chave de assinatura", "chave secreta", "cle_secrete", "clé secrète", "cle secrete", "chiave segreta",
            "clé de signature", "clave de firma", "geheimschlüssel",
        ];

        // A gift card or a gift voucher: its number or code is money whoever holds it can spend (docs/LABELLING.md).
        internal static readonly string[] GiftNouns =
        [
            "gift card", "giftcard", "gift voucher", "gift certificate", "carte cadeau", "carte-cadeau", "bon cadeau", "chèque cadeau", "tarjeta regalo",
            "tarjeta de regalo", "vale regalo", "cheque regalo", "cartão presente", "cartão-presente", "vale-presente", "gutschein", "geschenkkarte",
            "geschenkgutschein", "buono regalo", "carta regalo", "cadeaubon", "cadeaukaart", "karta podarunkowa", "bon podarunkowy", "подарочн",
            "hediye kartı", "hediye çeki", "ギフトカード", "ギフト券", "商品券", "礼品卡", "购物卡", "기프트카드", "상품권",
        ];

        // A delivery's hand-over code: it releases the goods to whoever tells it (docs/LABELLING.md, one-time codes).
        internal static readonly string[] DeliveryNouns =
        [
            "code de remise", "code de réception", "code de reception", "code de livraison", "código de entrega", "código de recepción",
            "übergabecode", "codice di consegna", "codice di ritiro", "kod odbioru", "kod dostawy", "leveringskode", "leveranskod",
        ];

        // A bank branch's code printed beside the account's number.
        internal static readonly string[] BranchNouns = ["sort code", "bsb", "transit"];

        internal static readonly string[] Triggers = [.. SigningNouns, .. GiftNouns, .. DeliveryNouns, .. BranchNouns];

        // SmallBusinessAt runs at every trigger's start: a lookup of the first characters before the StartsWith calls.
        internal static readonly WordStarts Starts = new(Triggers);

        // What makes a gift card's number a tail or a shop's promotion, not the card itself.
        internal static readonly string[] GiftNotValueWords =
        [
            "ending", "ends in", "last four", "last 4", "termina", "finit", "finisce", "endet", "eindigt", "kończy", "末尾", "下4桁", "promo",
            "discount", "rabatt", "descuento", "sconto", "réduction", "desconto", "korting", "rabat", "coupon", "クーポン", "割引",
        ];

        // A code everyone gets: a shop's discount or promotion (docs/LABELLING.md, a shop's promo code).
        internal static readonly string[] PromotionWords =
        [
            "خصم", "الخصم", "تخفيض", "indirim", "descuento", "rabatt", "réduction", "sconto", "desconto", "korting", "rabat", "скидк", "promo",
            "coupon", "discount", "クーポン", "割引", "优惠", "折扣", "할인", "쿠폰",
        ];

        // A vendor's documentation and its sandbox: the login it prints is the vendor's published test value.
        internal static readonly string[] DocsWords = ["docs", "doku", "documentation", "dokumentation", "documentación", "documentação", "documentazione", "guide"];

        internal static readonly string[] SandboxWords = ["sandbox", "testzugang", "test login", "test account", "test credentials", "testkonto", "demo"];

        // An authorisation code's noun on a card slip, and a slip's or a terminal's word on its line.
        internal static readonly string[] ApprovalNouns = ["eng. kód", "engedélyezési kód", "kod autoryzacji", "autorizační kód", "autorizačný kód"];

        internal static readonly string[] SlipWords = ["bizonylat", "terminál", "terminal", "potwierdzeni", "paragon", "účtenk", "slip", "nyugta"];
    }

    private static IEnumerable<string> SmallBusinessTriggers => SmallBusinessWords.Triggers;

    // Appended to Phrases: a Danish and Norwegian one-time code.
    private static (string Phrase, Want Want)[] SmallBusinessPhrases() => [("engangskode", Want.Notice)];

    /// <summary>The checks started by <see cref="SmallBusinessTriggers"/> at <paramref name="at"/>.</summary>
    private static bool SmallBusinessAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (!SmallBusinessWords.Starts.MayStart(rest) || (at > 0 && char.IsLetter(text[at - 1])))
        {
            return false;
        }

        if (NounAt(rest, SmallBusinessWords.SigningNouns) is > 0 and var signing)
        {
            return SigningSecretAfter(text, at + signing);
        }

        if (NounAt(rest, SmallBusinessWords.GiftNouns) is > 0 and var gift)
        {
            return GiftValueAfter(text, at, at + gift);
        }

        if (NounAt(rest, SmallBusinessWords.DeliveryNouns) is > 0 and var delivery)
        {
            return HandOverCodeAfter(text, at + delivery);
        }

        return NounAt(rest, SmallBusinessWords.BranchNouns) is > 0 and var branch && SensitiveScanner.AccountBesideBranch(text, at, at + branch);
    }

    // The noun's line up to 48 characters on: a key of 24 token characters or more, with two digits and two letters, not a placeholder
    // and not read from the environment ("process.env.…", "<paste here>").
    private static bool SigningSecretAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 72)];
        var stop = window.IndexOfAny('\n', '\r');
        window = stop >= 0 ? window[..stop] : window;
        for (var i = 0; i < Math.Min(window.Length, 48); i++)
        {
            if (!char.IsAsciiLetterOrDigit(window[i]) || (i > 0 && char.IsAsciiLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            var run = window[i..].IndexOfAnyExcept(SigningChars);
            var token = run < 0 ? window[i..] : window.Slice(i, run);
            if (token.Length >= 24 && DigitCount(token) >= 2 && token.Length - DigitCount(token) >= 2 && !DummyValue(token)
                && !token.Contains("example", StringComparison.OrdinalIgnoreCase) && !token.Contains('.'))
            {
                // A vendor's test key its documentation prints ("la clave de firma de ejemplo … de la documentación") is its published value.
                var before = window[..i];
                return before.IndexOfAny("<{$") < 0 && !before.Contains("env", StringComparison.OrdinalIgnoreCase) && !DocumentedExample(text, end + i);
            }
        }

        return false;
    }

    private static readonly SearchValues<char> SigningChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-");

    // In the noun's clause (80 characters, to a line's or a question's end): a number of 12 to 19 digits in groups, or a code of capitals
    // and digits with a dash ("SALON-8KQ4-ZT27"); not a tail ("ending in 3376") and not a promotion.
    private static bool GiftValueAfter(ReadOnlySpan<char> text, int at, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 80)];
        var stop = window.IndexOfAny("\n\r?!;");
        window = stop >= 0 ? window[..stop] : window;
        if (ContainsAny(text[Math.Max(0, at - 40)..end], SmallBusinessWords.GiftNotValueWords) || ContainsAny(window, SmallBusinessWords.GiftNotValueWords))
        {
            return false;
        }

        for (var i = 0; i < window.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(window[i]) || (i > 0 && char.IsAsciiLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            if (GiftGroupedDigits(window[i..]) is >= 12 and <= 19)
            {
                return true;
            }

            var run = window[i..].IndexOfAnyExcept(GiftCodeChars);
            // An order's reference ("order #HH-10418") is no code: a gift code is ten characters or more, not after '#'.
            var code = (run < 0 ? window[i..] : window.Slice(i, run)).TrimEnd('-');
            if (code.Length >= 10 && (i == 0 || window[i - 1] != '#') && code.Contains('-') && DigitCount(code) >= 2 && code.Length - DigitCount(code) - code.Count('-') >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static int DigitCount(ReadOnlySpan<char> s)
    {
        var count = 0;
        foreach (var c in s)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }

    private static readonly SearchValues<char> GiftCodeChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    // The digits of groups of three to six joined by one space or dash ("7783 3101 9944 2180"), or 0 when a group is shorter.
    private static int GiftGroupedDigits(ReadOnlySpan<char> s)
    {
        var digits = 0;
        var i = 0;
        while (true)
        {
            var run = s[i..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? s.Length - i : run;
            if (run is < 3 or > 6 && !(digits == 0 && run is >= 12 and <= 19))
            {
                return digits >= 12 ? digits : 0;
            }

            digits += run;
            i += run;
            if (i + 1 >= s.Length || s[i] is not (' ' or '-') || !char.IsAsciiDigit(s[i + 1]))
            {
                return i < s.Length && char.IsAsciiLetter(s[i]) ? 0 : digits;
            }

            i++;
        }
    }

    // The noun's sentence (60 characters, to a line's end or a full stop): a run of four to eight digits standing alone, not a time.
    private static bool HandOverCodeAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 60)];
        var stop = window.IndexOfAny("\n\r?!");
        window = stop >= 0 ? window[..stop] : window;
        for (var i = 0; i < window.Length; i++)
        {
            if (!char.IsAsciiDigit(window[i]) || (i > 0 && char.IsLetterOrDigit(window[i - 1])))
            {
                continue;
            }

            var run = window[i..].IndexOfAnyExceptInRange('0', '9');
            run = run < 0 ? window.Length - i : run;
            var next = i + run < window.Length ? window[i + run] : ' ';
            if (run is >= 4 and <= 8 && !char.IsLetter(next) && next != ':')
            {
                return true;
            }

            i += run;
        }

        return false;
    }

    /// <summary>The guards of probe 55's look-alikes, after a noun from <paramref name="at"/> to <paramref name="end"/>.</summary>
    private static bool SmallBusinessNotValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        (IsCodeWord(phrase) && ContainsAny(text[Math.Max(0, at - 60)..Math.Min(text.Length, end + 40)], SmallBusinessWords.PromotionWords))
        || (want is Want.Digits or Want.Personal or Want.Account && (SensitiveScanner.MerchantNumbersNamed(text, end) || SensitiveScanner.PaymentAliasAfter(text, end)))
        || (want == Want.Word && VendorSandboxLogin(text, at))
        || (IsCodeWord(phrase) && SlipApprovalCode(text, at))
        || (want == Want.Token && SensitiveScanner.StorefrontOrMerchantToken(text, at))
        || (want is Want.Digits or Want.Personal && SensitiveScanner.OrganisationTaxAfter(text, at, end));

    /// <summary>The sentence before <paramref name="at"/> (to 200 characters back) names a vendor's documentation and its sandbox or test login.</summary>
    internal static bool VendorSandboxLogin(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 200)..at];
        var start = before.LastIndexOfAny(".!?\n");
        before = before[(start + 1)..];
        return ContainsPart(before, SmallBusinessWords.DocsWords) && ContainsPart(before, SmallBusinessWords.SandboxWords);
    }

    // An authorisation code's noun on a card slip ("Eng. kód: 418827" on the terminal's bizonylat): the merchant's record.
    private static bool SlipApprovalCode(ReadOnlySpan<char> text, int at)
    {
        var before = text[Math.Max(0, at - 16)..Math.Min(text.Length, at + 24)];
        if (!ContainsPart(before, SmallBusinessWords.ApprovalNouns))
        {
            return false;
        }

        var line = text[Math.Max(0, at - 120)..Math.Min(text.Length, at + 120)];
        return ContainsPart(line, SmallBusinessWords.SlipWords);
    }
}
