namespace Majordomo.Tests.Classification;

/// <summary>
/// Code-switched and romanised personal admin, read from the errors of the probe <c>corpus/dev/sensitive-lookalikes-28.jsonl</c> by
/// category (<c>SecretPhrases.Romanised</c>, docs/CLASSIFIER.md "Probe 28 read by category"): each look-alike beside its secret
/// twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveRomanisedTests
{
    [Theory]
    [InlineData("Nabura yung Maya app. MPIN ko 730118, pwede pa ba ma-recover?")]
    [InlineData("Abbu ka Easypaisa mPIN 40917 hai, woh bhool jaate hain")]
    [InlineData("phone banking TPIN 6620 daalta hu toh invalid aata hai")]
    [InlineData("दादी का एमपिन 8046 है, कहीं लिख दूँ?")]
    public void APinByItsAppsPrefix_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("MPIN ko 4 digits ba o 6? Bago lang ako sa Maya.")]
    [InlineData("TPIN aur ATM PIN mein kya fark hai?")]
    [InlineData("mPIN 3 dafa ghalat, ab 24 ghante ka block hai")]
    public void APinsPrefixWithoutAValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Caller ne bola PIN batao. Maine daal diya 9024, phir paise kat gaye.")]
    [InlineData("Hiningi yung PIN sa link. Nilagay ko 5530 tapos na-drain yung wallet.")]
    [InlineData("The kiosk asked for the card PIN. I typed 7741 and it froze.")]
    public void APinTypedInTheNextSentence_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Caller ne bola PIN batao. Maine mana kiya, bas 9024 ka order cancel kiya.")]
    [InlineData("The kiosk asked for the card PIN. I paid 7741 yen in cash instead.")]
    public void AnAmountAfterAPinsSentence_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Nanu ka ABHA number 55-2217-9034-6618 hai, clinic maang raha")]
    [InlineData("Emirates ID tabe3 baba 784-1961-5520147-2, el app ma 3am ya2bal")]
    [InlineData("polis OMS 6611 4402 8893 1170 u mamy, kuda ego vpisat'?")]
    [InlineData("LRN ng anak ko 308812550091 para sa enrollment")]
    [InlineData("The IUC na 8813097742, abeg renew am")]
    [InlineData("iqama tabe3i 2419035517 w el Absher ma 3am yefta7")]
    public void AnIdByItsRomanisedName_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("ABHA number kitne digit ka hota hai, 14?")]
    [InlineData("kam ra2am bel Emirates ID, 15?")]
    [InlineData("Kak oformit' polis OMS v 2026 godu?")]
    [InlineData("Where is the IUC printed on a GOtv decoder?")]
    public void AnIdsRomanisedNameWithoutAValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Bayar sewa ke Maybank 1144 9027 3381, Ahmad bin Salleh")]
    [InlineData("Pakipadala sa BDO savings 0033 7720 1198 ni Tita")]
    [InlineData("Pay into GTBank 0217745509, Bisi Adeyemi")]
    public void ABanksNameBeforeTheAccountsDigits_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Anong oras bukas ang BDO sa Linggo? 0900 o 1000?")]
    [InlineData("Meezan Bank ki helpline 111 331 331 hai na?")]
    [InlineData("GTBank USSD code na *737#, abi e don change? I wan send 5000 to my papa.")]
    [InlineData("Maybank 2025 annual report: untung bersih naik?")]
    public void ABanksNameWithoutAnAccount_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Username juan pass Kuya483, ayaw pumasok")]
    [InlineData("login maria.r2015 pass Tala15 sa LMS")]
    [InlineData("usuario pgomez pass: Lechu24")]
    public void AShortPasswordInAUserAndPassPair_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Username shadowfox93 pass on the invite, he is busy")]
    [InlineData("Username bana liya, ab season pass 2026 kaise activate karu?")]
    [InlineData("Username juan pass password123")]
    public void PassBesideAUserWithoutAPassword_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Mi número de confirmación es 2026-PE-771204, ¿lo imprimo?")]
    [InlineData("Meu número de confirmação é 55120934, preciso levar?")]
    [InlineData("Passport collection need appointment or can walk in? My slip no is 3320-11457")]
    [InlineData("Nak ambil pasport kena temujanji ke? Nombor giliran saya 2209-3318")]
    [InlineData("JSON euro: jindan code J45.9, jinryo il 2026-10-02, jeobsu beonho 2026-CL-113390")]
    [InlineData("visit note: diagnosis code M54.5, claim ref 2026-CLM-44102")]
    public void AReferenceOrADiagnosisCodeBeforeANumber_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Mi número de afiliación es 28 1145 9930 77, ¿sirve?")]
    [InlineData("Passport renewal form asks for the old number, is it on page 2? It is K5520914")]
    [InlineData("diagnosis M54.5, and the door code 8817 for after hours")]
    public void APersonalNumberBesideThoseShapes_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
