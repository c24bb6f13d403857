namespace Majordomo.Tests.Classification;

/// <summary>
/// Secrets carried as the material of a task, read from the errors of the probe <c>corpus/dev/sensitive-lookalikes-31.jsonl</c> by
/// category (<c>SensitiveScanner.Material</c>, <c>SecretPhrases.Material</c>, docs/CLASSIFIER.md "Probe 31 read by category"): each
/// secret beside its look-alike twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveMaterialTests
{
    [Theory]
    [InlineData("Split the £1,260 cottage bill three ways. Pay-outs: Priya 60-83-71 44018273, Dan 09-01-28 71650392.")]
    [InlineData("The direct debit would come from 40-11-62 55213098 (HSBC, T. Okafor).")]
    public void ASortCodeAndAccountPair_WhereMoneyIsSpokenOf_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Pull the dates and references out of these delivery notes:\n12-05-26 48201937 pallets x4\n19-05-26 48201988 pallets x2")]
    [InlineData("Is 60-83-71 a Co-op Bank sort code? My payslip shows it.")]
    public void ADatedRowOrASortCodeAlone_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("ok new code came through: 551 093. go ahead and log me in")]
    [InlineData("ok, die SMS ist da: 604118. Mach weiter mit der Anmeldung.")]
    public void ACodeHandedOverAsItsMessageArrived_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the text just arrived: your parcel 318 604 is out for delivery, remind me at 5")]
    [InlineData("the text with the code just arrived, I'll type it in myself. what next?")]
    public void AnArrivalWithoutACodeAfterItsColon_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void AVerificationCode_BesideAMaskedAccount_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("用一句话总结：您的登录验证码为 730418，5 分钟内有效。您正在登录账户 186****2231，如非本人操作请忽略。");

    [Fact]
    public void AMaskedAccount_WithNoCode_IsNot() =>
        SensitiveCategoryTests.NotSensitive("我刚收到短信说验证码已发送到尾号 3391 的手机，账户 186****2231，但我没在登录。");

    [Theory]
    [InlineData("I gave the plumber my card over the phone yesterday (5417 8820 3316 4275, exp 11/27) and got charged twice.")]
    [InlineData("I paid the hotel by phone with 4917 3056 1842 2072 exp 04/29 and they charged it twice.")]
    public void ACardGivenOverThePhone_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void APhoneNumberAfterThePhone_IsNot() =>
        SensitiveCategoryTests.NotSensitive("ring him over the phone on 0161 496 0213 between 8 and 9");

    [Theory]
    [InlineData("Mein Vater schreibt seine PINs auf einen Zettel: \"EC 3318, Kredit 0704, Handy 1952\". Wie bringe ich ihn davon ab?")]
    [InlineData("Mon père note ses codes sur un carnet : « CB 4417, Livret 0962, portable 3385 ».")]
    public void LabelledFourDigitCodes_AfterAPinNoun_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("My grandad keeps his PINs on a post-it next to his bus times: 'No. 12 0815, No. 7 0940, No. 3 1120'.")]
    [InlineData("Mein Vater schreibt seine PINs auf einen Zettel. Wie bringe ich ihn davon ab?")]
    public void ClockTimesOrNoList_AfterAPinNoun_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Como formato uma coluna de CPF? Tipo 12345678909 virar 123.456.789-09.")]
    [InlineData("엑셀에서 주민등록번호 뒷자리를 가리는 수식 알려줘. 예: 900101-1234567 → 900101-*******")]
    [InlineData("Test the NI regex against 'QQ 12 34 56 C' (the HMRC example) and 'AB123456C'.")]
    public void ACountingUpFormatExample_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Como formato uma coluna de CPF? A planilha tem o meu, 41820763544.")]
    [InlineData("연말정산에 아버지 주민번호 520314-1234567 넣었는데 오류가 나요")]
    public void AValueNotShownAsAnExample_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("user = user_factory(password='password123')")]
    public void ADocumentedExampleOrAFixtureDummy_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID=AKIA4QW7TZ2MRB6YH3PD\nAWS_SECRET_ACCESS_KEY=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")]
    [InlineData("s.post(url, data={'user': 'ops-lead', 'password': 'Quartz-Harbor-7714'})")]
    public void AKeyOrPasswordOfItsOwn_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Riassumi: \"La fattura n. 2026/118204 è disponibile online. Codice cliente 0047-552190. Scadenza 10/01/2027.\"")]
    [InlineData("Översätt: \"Jag betalade hyran från fel konto och med fel OCR-nummer (fakturanummer 70031-2026).\"")]
    public void ACustomerCodeOrAnInvoiceNumber_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Intestatario: Marta Ferri, C.F. FRRMRT85C52H501G, codice cliente 402 118 937")]
    [InlineData("kod do paczkomatu 884213 odbierz paczke jak bedziesz obok")]
    public void AnIdBesideACustomerCodeOrALockersCode_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
