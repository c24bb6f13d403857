using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Gaming, streaming and social accounts (after the probe <c>sensitive-lookalikes-45</c>, docs/CLASSIFIER.md "Probe 45 read by
/// category"): a photo whose ask reads a gift card's or a prepaid card's code or PIN off it, or asks what the password in a screenshot
/// is. A redeemable code is money whoever holds it can spend (docs/LABELLING.md); the same card asked about its balance, its shops or
/// whether it is real reads nothing out, nor a screenshot asked about its password rule.
/// </summary>
internal static partial class SensitiveScanner
{
    // A gift card's, a voucher's or a prepaid card's names, or a card redeemed or scratched: its code or PIN redeems its value for whoever
    // holds it.
    private static readonly SearchValues<string> GiftCardNouns = SearchValues.Create(
    [
        "gift card", "giftcard", "gift-card", "gift code", "prepaid", "voucher", "paysafecard", "wallet card", "wallet code", "guthabenkarte",
        "geschenkkarte", "gutschein", "aufladekarte", "prepaidkarte", "carte cadeau", "carte-cadeau", "carte prépayée", "tarjeta regalo",
        "tarjeta de regalo", "tarjeta prepago", "cartão-presente", "cartão presente", "cartao presente", "vale-presente", "vale presente",
        "carta regalo", "buono regalo", "cadeaukaart", "cadeaubon", "tegoedbon", "karta podarunkowa", "karty podarunkowej",
        "kartę podarunkową", "подарочн", "hediye kart", "cüzdan kart", "ギフトカード", "ギフト券", "プリペイドカード", "礼品卡", "充值卡",
        "礼物卡", "기프트카드", "기프트 카드", "상품권",
        // A card of any brand whose ask says it is redeemed or its strip scratched ("Google Play card, I scratched the strip").
        "redeem", "scratched", "scratch-off", "scratch off", "einlösen", "rubbelfeld", "freigerubbelt", "gratté", "grattage", "canjear", "canje",
        "rasqué", "raspadinha", "raspei", "resgatar", "riscattare", "grattato", "zdrapk", "zdrapałem", "zdrapałam", "kazıdım", "削った", "刮开", "긁었",
    ], StringComparison.OrdinalIgnoreCase);

    // What the ask wants read off the card: its code or its PIN (a word of its own, "PIN" inside "spinning" is none).
    private static readonly SearchValues<string> GiftCodeWords = SearchValues.Create(
        ["code", "código", "codigo", "codice", "kod", "код", "コード", "码", "코드", "번호"], StringComparison.OrdinalIgnoreCase);

    // Read-out verbs past PhotoReadVerbs: Spanish "¿me escribes …?", English "tell me what it says".
    private static readonly SearchValues<string> MorePhotoReadVerbs = SearchValues.Create(["me escribes", "escríbeme", "escribeme", "what it says"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask sent with a photo names a gift card, a voucher or a prepaid card, its code or PIN, and a read-out verb ("can you type out
    /// the code", "lies mir die 16-stellige PIN vor", "recopie-moi le code"): the redeemable code travels in the image.
    /// </summary>
    internal static bool GiftCodeReadFromPhoto(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(GiftCardNouns) >= 0 && (ask.IndexOfAny(GiftCodeWords) >= 0 || SecretPhrases.WordIn(ask, ["pin"]))
        && (ask.IndexOfAny(PhotoReadVerbs) >= 0 || ask.IndexOfAny(MorePhotoReadVerbs) >= 0);

    // "What's the password?" asked of a screenshot, in the corpus languages.
    private static readonly string[] PasswordQuestions =
    [
        "what's the password", "whats the password", "what is the password", "wie lautet das passwort", "was ist das passwort", "quel est le mot de passe",
        "c'est quoi le mot de passe", "cuál es la contraseña", "cual es la contraseña", "qual é a senha", "qual e a senha", "qual è la password",
        "wat is het wachtwoord", "jakie jest hasło", "jakie to hasło", "какой пароль", "şifre ne", "şifresi ne", "パスワードは何", "密码是什么", "비밀번호가 뭐",
    ];

    // Words that may follow the question and still ask for the value ("what's the password on it?").
    private static readonly string[] WhereWords = ["on", "in", "there", "here", "auf", "im", "da", "hier", "sur", "dans", "ici", "en", "ahí", "aquí", "na", "no", "aí", "nel", "qui", "op"];

    /// <summary>
    /// The ask sent with a screenshot asks what the password in it is ("it's blurry, what's the password?", "wie lautet das Passwort?"):
    /// the password travels in the image. A word describing the password after the noun ("what's the password rule", "qual é a senha que
    /// o app espera", "la contraseña mínima") asks about something else.
    /// </summary>
    internal static bool PasswordAskedOfPhoto(ReadOnlySpan<char> ask)
    {
        if (NumbersMaskedInPhoto(ask))
        {
            return false;
        }

        foreach (var question in PasswordQuestions)
        {
            var at = ask.IndexOf(question, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var after = ask[(at + question.Length)..].TrimStart(' ');
            if (after.IsEmpty || question[0] > 0x2E80 || !(char.IsLetter(after[0]) || after[0] == '-'))
            {
                return true;
            }

            var word = after[..(after.IndexOfAny(" ?!.,") is var stop and >= 0 ? stop : after.Length)];
            if (SecretPhrases.OneOf(word, WhereWords))
            {
                return true;
            }
        }

        return false;
    }
}
