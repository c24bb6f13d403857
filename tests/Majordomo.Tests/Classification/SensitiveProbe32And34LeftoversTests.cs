using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What the readers of probes 32 and 34 and the <c>asks</c> helper left, by category (<c>SensitiveScanner.NativeDigits</c>,
/// <c>SensitiveScanner.LocalIds</c>, <c>SecretPhrases.WorldLanguages</c>, <c>SecretPhrases.LetterCodes</c>, <c>SecretPhrases.Accounts</c>,
/// <c>SecretPhrases.WebForms</c>; docs/CLASSIFIER.md "Leftovers of probes 32 and 34 and of the asks"): each secret beside its
/// look-alike twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveProbe32And34LeftoversTests
{
    [Theory]
    [InlineData("အမည် ဒေါ်ခင်မာလာ၊ နိုင်ငံသားစိစစ်ရေးကတ်ပြားအမှတ် ၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆၊ နေရပ် ရန်ကုန်။")]
    [InlineData("Name Khin Mar La, NRC 12/OuKaMa(N)123456, Yangon.")]
    public void AMyanmarNrcInItsWholeShape_EvenCountingUp_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("မှတ်ပုံတင်နံပါတ် ပုံစံက ၁၂/ဥကမ(နိုင်)xxxxxx လို့ ရေးတာလား။")]
    [InlineData("a form's counting filler with no township: (N)123456, is that valid?")]
    public void AnNrcsFormatOrACountingFiller_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("የኤቲኤም ፒኔ ፬፯፪፱ ነው፤ ለባለቤቴ በመልእክት መላክ ደህና ነው?")]
    [InlineData("የበሩ ኮድ ፭፪፯፰ ነው፤ ለእንግዳው ልከው።")]
    public void AnEthiopicPinWrittenDigitByDigit_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("የዮሐንስ ወንጌል ምዕራፍ ፫ ቁጥር ፲፮ን ወደ እንግሊዝኛ ተርጉምልኝ።")]
    [InlineData("በ፳፻፲፰ ዓ.ም. የሚከበሩ በዓላትን ዘርዝርልኝ፤ ፒኔን ግን አልነግርህም።")]
    public void EthiopicNumeralsWithTheirTensAndHundreds_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void ABurmeseWaTypedForZero_IsReadAsZero() =>
        Assert.Equal(SensitiveKind.PersonalId, SensitiveScanner.Scan("မှတ်ပုံတင် ၉/မထလ(နိုင်)ဝ၄၈၂၁ဝ ပါ။"));

    [Fact]
    public void APriceWithWaForZeros_StaysAnAmount() =>
        SensitiveCategoryTests.NotSensitive("ထမင်းကြော် တစ်ပွဲ ၃ဝဝဝ ကျပ်၊ ကော်ဖီ ၁၅ဝဝ ကျပ်ဆိုရင် လေးယောက်အတွက် ဘယ်လောက်ကျမလဲ။");

    [Theory]
    [InlineData("Tafsiri kwa Kiingereza: \"SFK8XQ21LP Imethibitishwa. Ksh2,500.00 imetumwa kwa JOHN MWANGI 0722 415 009. Nambari yako ya kuthibitisha ni 553902.\"")]
    [InlineData("Ujumbe wa Tigo Pesa: \"Umetuma Tsh 40,000 kwa HALIMA JUMA. Namba ya uthibitisho ni 906 314.\"")]
    public void AMobileMoneySmssVerificationNumber_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Tafsiri kwa Kiingereza: \"QHD2M8KX4T Imethibitishwa. Ksh3,450.00 imetumwa kwa PETER OTIENO 0733 581 220. Salio jipya la M-PESA ni Ksh8,102.75.\"")]
    [InlineData("Is this real? 'SLM9X2R7TQ Confirmed. You have received Ksh 5,000.00 from GRACE WANJIRU 0722 904 117. New M-PESA balance is Ksh 5,260.40.'")]
    public void AConfirmationSmssTransactionCodeAmountAndPerson_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Tarjetaypa pakasqa yupaynin 7315. Mamaymanmi qusaq.")]
    [InlineData("Che tarjeta papapy ñemi ha'e 5806, ehai peteĩ mensaje.")]
    public void QuechuaAndGuaraniSecretNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Tarjetaypa pakasqa yupayninta qunqarqani, bancomanchu rinay?")]
    [InlineData("Tigo Money papapy ñemi hesarái chéve, mba'éichapa amoambue?")]
    public void QuechuaAndGuaraniSecretNumbersForgotten_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Steam Guard code from the email: KXQRT. It keeps saying invalid.")]
    [InlineData("kod Steam Guard przyszedł mailem: HDBTV, wpisuję i nic")]
    public void AnAllLetterSteamGuardCode_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("The Steam Guard email never arrived; the screen only says CODE EXPIRED in red.")]
    [InlineData("Steam Guard codes are 5 characters, right? Mine never has a digit.")]
    public void SteamGuardTalkWithoutACode_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Polizza auto n. 88/441920 con UnipolSai: la rata semestrale è 318 €, conviene pagarla annuale?")]
    [InlineData("Redacta una reclamación: mi póliza de hogar nº 0961-4428-317 no cubre el cristal.")]
    [InlineData("Napisz reklamację do PZU, polisa OC nr 9102 4471 2290, szkoda z 28.11.")]
    public void AnInsurancePolicysNumber_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("La polizza 2026 della Regione copre 80 ettari e il premio è 4.300 €: conviene?")]
    [InlineData("Dove trovo il numero di polizza sul certificato? Me lo chiede il carrozziere.")]
    public void APolicysYearOrItsNumberAskedFor_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void ABillersAccountOnItsPayPage_IsNot() =>
        SensitiveCategoryTests.NotSensitive("- heading \"Pay your bill\"\n- text: Account # 204-88170-03\n- text: Amount due $84.17\n- radio \"Visa ending in 3402\" [checked]");

    [Fact]
    public void ABankAccountPayingTheBill_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("Pay the gas bill straight from my checking: routing 071000013, account 442100983317.");

    [Fact]
    public void StripesResourceIdsInAFormBody_AreNot() =>
        SensitiveCategoryTests.NotSensitive("postData: amount=4999&currency=eur&payment_method=pm_1QkS2aHx2LmN7pTqV8bC3dE4&confirm=true");

    [Fact]
    public void StripesSigningSecretBesideAnId_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("events for pm_1Qo2LmXx8Rb4KpNz fail; our endpoint secret: whsec_Kp3Lx9Qm2Tz7Rb4Vn8Yc1Ds6Fh0Jw5Ge");

    [Theory]
    [InlineData("sb-access-token  expires: session  httpOnly: false\nsb-refresh-token  expires: 2026-12-13T20:11:04Z\nph_phc_Kx9vT2mQ8rL_posthog  expires: 2027-12-06")]
    [InlineData("username=mkowalczyk&password=&remember_me=1&submit=Log+in")]
    public void ACookiesNameOrAnEmptyFormField_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("sessionid  9x2kq7mz4lt8wr1vb6ny3ch5pd0fg  Expires: Session  HttpOnly")]
    [InlineData("username=mkowalczyk&password=Kestrel%2197north&remember_me=1")]
    public void ACookiesValueOrAFilledFormField_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void TrivialCodesTheUserCallsFake_AreNot() =>
        SensitiveCategoryTests.NotSensitive("my regex misses these (fake codes): \"G-000000 is your Google verification code.\" \"Your Uber code: 1234. Never share this code.\"");

    [Fact]
    public void ARealCodeBesideTheSameQuestion_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("my regex misses the real SMS I got this morning: \"Your Bolt verification code: 583 019.\"");

    [Fact]
    public void APickupCodesNounWithOpeningHours_IsNot() =>
        SensitiveCategoryTests.NotSensitive("【菜鸟驿站】您的包裹已到达驿站，取件码请在菜鸟APP查看，营业时间 9:00-20:00。");

    [Fact]
    public void APickupCode_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("【丰巢】您的快递已存入文苑路丰巢柜，取件码 6-2-1187，请于24小时内取件。");

    [Theory]
    [InlineData("sign into my Xbox account with kofi.mensah88@outlook.com / Lantern-Moss-Tundra and redeem the gift card")]
    [InlineData("melde dich bei meinem Microsoft-Konto an: j.hartmann@web.de / Kiesel-Falke-Morgen, und lös den Gutschein ein")]
    public void AnEmailAndADashedPassphraseAfterALogIn_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("log in to Steam as kofi.mensah88@outlook.com / gamertag LanternMoss and check my wishlist")]
    [InlineData("sign in to Outlook with nadia.k@outlook.com / the usual password, then forward me the receipt")]
    public void AnEmailBesideAHandleOrAPasswordsPlace_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
