namespace Majordomo.Tests.Classification;

/// <summary>
/// Everyday-life categories (<c>SensitiveScanner.Everyday</c>, <c>SecretPhrases.Everyday</c>), read from the misses of the
/// blind probe <c>corpus/dev/sensitive-lookalikes-12.jsonl</c> by category: each phenomenon a pair — values phrased unlike
/// the probe, in several languages, and what only looks like them. Every verdict is checked through the prefilter too.
/// </summary>
public class SensitiveEverydayTests
{
    [Theory]
    [InlineData("the cashier typed 4929 1130 5521 0874 exp 11/27 twice and it still bounced")]
    [InlineData("voici ma carte 5132 8841 0093 6627, pourquoi le paiement est refusé ?")]
    [InlineData("meine Kreditkarte 4012 7781 3390 5514 wird bei Amazon abgelehnt")]
    public void CardNumbersFailingLuhnWithACardWordOrExpiry_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("the terminal printed 4929 1130 5521 0874 as the batch reference for the night")]
    [InlineData("test card 4111 1111 1111 1111 exp 12/30 from the Stripe docs")]
    [InlineData("tracking number 4929 1130 5521 0874, card sent by post")]
    public void GroupedNumbersWithoutACardCue_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("my husband's EIN is 91-2204718, which box on the 1099 does it go in")]
    [InlineData("мій ІПН 2987104563, куди його вписати у декларації?")]
    [InlineData("उसका आधार 7392 1184 6620 है, क्या यह सही फॉर्मेट है")]
    [InlineData("transfiere a la CLABE 012180015527361904 antes del viernes")]
    [InlineData("cartão do SUS do meu pai: 702 4093 8812 5530")]
    [InlineData("gửi tiền vào số tài khoản 0451000392817 giúp mình")]
    [InlineData("신한은행 110-42-3387561 로 보내줘")]
    public void IdsAndAccountsByNameInMoreLanguages_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("the EIN format is two digits, a dash and seven digits")]
    [InlineData("Ein 12-34567 Teil fehlt noch")]
    [InlineData("은행 점검 시간은 2026-12-05 23:00 부터야")]
    [InlineData("the lot number is LOT 91-2204718")]
    public void IdNamesWithoutAValue_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("la clave del portal ya no es la que te pasé, quedó en Girasol_Azul_77")]
    [InlineData("mật khẩu wifi mới đổi thành sen@1975 rồi nhé")]
    [InlineData("the garage wifi password is capital T, tiger, then 42, then a hash sign")]
    [InlineData("the shared drive login is m.ortega / Tulip!Harbor7, can you write the steps for her")]
    [InlineData("credentials for the nas: backup_user | Fjord$Lantern9")]
    [InlineData("de pincode is vijf één drie acht, niet doorvertellen")]
    public void PasswordsToldPastAClauseDictatedOrPaired_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("your password must contain an uppercase letter, then a digit, then a symbol")]
    [InlineData("le mot de passe doit contenir une majuscule puis un chiffre")]
    [InlineData("login / signup buttons look off on mobile")]
    [InlineData("router login is admin / admin on the sticker, should I change it?")]
    [InlineData("la etiqueta del módem dice usuario: admin / contraseña: admin, ¿lo cambio?")]
    [InlineData("na caixa diz utilizador: admin, palavra-passe: admin — é seguro?")]
    public void PolicyDefaultsAndLayout_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("the browser extension exported the cookies for the streaming site: memberKey=v%3D2%26tk%3DRq8LmZ2pX7vK4nT9wB3cY6hJ1%26ex%3D9QW; lang=de")]
    [InlineData("the bank's security question is my childhood friend, a girl we called Pippa")]
    [InlineData("my memorable word answer is 'lighthouse', is that weak")]
    [InlineData("the DMV asked for the licence number under the photo and I always confuse 8 and B, honestly it is a mess. mine is B8420175 I think")]
    public void CookiesAnswersAndValuesAfterMine_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("the cookie banner sets consent=accepted and theme=dark")]
    [InlineData("cookie _ga=GA1.2.1234567890.1234567890 is from analytics")]
    [InlineData("the security question asks what we called our first street")]
    [InlineData("his score was 1200 and mine is 1350")]
    [InlineData("which version do you run? mine is 2024.3.1")]
    public void CookiePreferencesQuestionsAndScores_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("receipt: MASTERCARD ****4471 APPROVED AUTH CODE 7Q22KD TOTAL 18.40")]
    [InlineData("the visa expires on Nov 20, 2026 and my passport on March 3 2028")]
    [InlineData("passport valid until 3 March 2028, is that enough for Japan?")]
    [InlineData("is it safe to post my wallet address 0x8aF3C92b17d0E4A6c51B3e7D09F2a8C4b6E1d357 for tips?")]
    [InlineData("przykład z dokumentacji: 02070803628, policz cyfrę kontrolną")]
    [InlineData("booking code ZK4T7M for the flight, reservation kodu ZK4T7M")]
    public void ReceiptsDatesAddressesExamplesAndBookings_AreNot(string text) => NotSensitive(text);

    private static void Sensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static void NotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
