using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Customer support and finance operations (probe 37 read by category; docs/CLASSIFIER.md): a card told through a channel, a
/// bank's customer number, a person's tax number, a real applicant's SSN, a named employee's number, an account list, a statement's
/// photo asked to be read out — each beside its twin: a phone told the same way, a utility's or a shop's customer number, an
/// organisation's register number (CNPJ, CUIT, ИНН of ten digits), a transfer's or a card payment's reference (CRO, ARN, 승인번호,
/// a date-led reference), a parcel's tracking number in the UPU shape, a QA fixture's zeros, an employee's number with no one named,
/// an order list whose account is collected elsewhere, a statement's photo whose numbers the sender blacked out.
/// </summary>
public class SensitiveSupportDeskTests
{
    [Theory]
    [InlineData("고객이 전화로 신용카드 5412 7534 0198 2264 번호를 불러줬어요")]
    [InlineData("お客様が電話口でカード番号 4539 1488 0343 6467 を読み上げました")]
    [InlineData("Caller read out his Visa over the phone, 4000 0566 5566 5556, and wants the refund on it")]
    [InlineData("Cliente : Par téléphone ? Bon… 5379 2104 4718 3028.")]
    public void CardsToldThroughAChannel_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("고객이 전화로 연락처 010-4417-2290 으로 회신 달래요")]
    [InlineData("call the customer back on the phone, 4412 2290 18 is her landline")]
    [InlineData("Excel formula that flags rows that aren't the Stripe test cards 4000 0566 5566 5556")]
    public void PhonesAndTestCardsToldTheSameWay_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Meine Kundennummer fürs Online-Banking bei der Sparkasse ist 4471093855, PIN vergessen")]
    [InlineData("mijn klantnummer bij de verzekeraar is 88120457, klopt dat?")]
    [InlineData("my customer number for online banking is 8812447019 and the app rejects it")]
    [InlineData("mon numéro client est 0042871936, remboursez sur FR98 3000 3012 9800 0511 7745 188")]
    public void BankCustomerNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Hi, my customer number is PE-4471093 and my December bill is £148")]
    [InlineData("my customer number is 40017731, how do I leave a phone contract early?")]
    [InlineData("Bonjour, mon numéro client est 0042871936, ma facture d'électricité est fausse")]
    [InlineData("Buenas, mi número de cliente es 7700318842, me cobraron dos veces el gimnasio")]
    [InlineData("Meine Kundennummer ist 55 810 442 — wie kündige ich den Stromvertrag?")]
    [InlineData("Merhaba, müşteri numaram 70014482, internet faturam iki kat geldi")]
    public void UtilityAndShopCustomerNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Atendente: Qual o CPF correto?\nCliente: 318.406.275-90, Juliana Prates")]
    [InlineData("ИП Козлов Андрей Сергеевич, ИНН 500100732259, р/с 40802810400000012345")]
    public void PersonsTaxNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Atendente: Qual o CNPJ da empresa?\nCliente: 27.865.757/0001-02, Mercearia Dois Irmãos Ltda")]
    [InlineData("Tech Norte Soluções em TI ME · Manaus/AM · 45.997.418/0001-53")]
    [InlineData("fornecedor 55.310.472/0001-32, emitir nota")]
    [InlineData("la factura salió con el CUIT mal. El correcto es 30-71234567-1, Distribuidora Sur SRL")]
    [InlineData("реквизиты: «ООО „Вектор-Снаб“, 7707083893, КПП 773601001, г. Москва»")]
    public void OrganisationsRegisterNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Bonifico dal conto IT51 Y030 6909 6061 0000 0117 745, CRO 0306909612345601")]
    [InlineData("[KB국민] 승인번호 40112279 49,000원 결제 / 본인확인 인증번호 552918 타인에게 알려주지 마세요")]
    [InlineData("Refund trace: ARN 74537606337000123456789, card 4556 7375 8689 9855")]
    public void AccountsAndCodesBesideAReference_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Ha mandato la contabile con CRO 0306909612345678.")]
    [InlineData("카드 영수증: 2026.12.01 / 27,000원 / 승인번호 48211907")]
    [InlineData("결제 번호 88120331 건 환불 완료됐다고 문자 써 줘")]
    [InlineData("11월 30일 승인번호 30118274 으로 49,000원 결제됐는데 취소해주세요")]
    [InlineData("el justificante pone 'Referencia de la operación: 2026120315473381'")]
    [InlineData("Our acquirer gave us ARN 74537606337000123456789 for the refund")]
    public void PaymentReferences_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("O código de levantamento do cacifo é 448120, guarda-o")]
    [InlineData("the locker code from the InPost text is 602918")]
    public void LockerCodes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("o código dos CTT é RR123456785PT")]
    [InlineData("O cliente diz que o código da encomenda é RA482019378PT")]
    [InlineData("code from Royal Mail is LX204417384GB, held at customs")]
    [InlineData("der Code von der Post lautet RX 044 218 871 DE.")]
    public void UpuTrackingNumbersAfterACodesNoun_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("name: Dana Whitfield\nssn: 523-41-8876\naddress: 88 Cedar Ln, Tulsa OK 74105")]
    [InlineData("ssn: 000-00-0000 no wait, ssn 523-41-8876")]
    public void RealApplicantsSsn_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("name: Jane Q. Testcase\nssn: 000-00-0000\naddress: 123 Main St, Anytown TX 75000")]
    [InlineData("ssn: 000-00-0000\nTX 75000")]
    public void FixturesZerosAndTheNextLinesNumber_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Employee: Marcus O'Neill, Employee ID E-2231. Confirm his new bank details.")]
    [InlineData("columns: student, student ID, laptop tag):\nKayden Moore 2031847 — LT-114\nBella Ortiz 2031902 — LT-120")]
    public void NamedEmployeesAndStudentsNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Payroll check for one employee.\nEmployee ID E-1042 (biweekly)\nGross 3,250.00")]
    [InlineData("Employee No 4471 asked why the overtime is missing on the payslip")]
    public void EmployeeNumbersWithNoOneNamed_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("표로 정리해 줘 (이름, 은행, 계좌번호, 금액):\n1. 정수빈 / 신한은행 110-392-884120 / 21,000원")]
    [InlineData("Refund accounts:\n1. 20-45-77 63019528 Ana Ruiz\n2. 40-11-62 71180934 Tom Hale")]
    [InlineData("제 계좌번호는 3333-08-1122334 예요")]
    public void AccountLists_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("1. 20261205-00112 / 54,000원 / 계좌이체(계좌번호는 고객센터 통화 후 받기로 함)\n2. 20261205-00131 / 8,900원 / 포인트")]
    [InlineData("1. 20261202-114 / 45,00 € / Karte\n2. 20261202-131 / 128,90 € / Überweisung (Konto wird telefonisch erfragt)\n3. 20261203-009 / 12,50 €")]
    public void OrderListsWhoseAccountIsCollectedElsewhere_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void StatementPhotos_AreSensitive_UnlessTheirNumbersAreBlackedOut()
    {
        Assert.NotEqual(SensitiveKind.None, Scan(Photo("Customer sent a photo of his bank statement, does our debit show?")));
        Assert.NotEqual(SensitiveKind.None, Scan(Photo("Foto vom Kontoauszug der Kundin, siehst du unsere Lastschrift?")));
        Assert.NotEqual(SensitiveKind.None, Scan(Photo("Photo du relevé : l'IBAN n'est pas masqué, lis-le-moi.")));
        Assert.Equal(SensitiveKind.None, Scan(Photo("Scanned bank statement (account details blacked out by him): is our 1,284.60 payment there?")));
        Assert.Equal(SensitiveKind.None, Scan(Photo("Kontoauszug, IBAN und Name hat er geschwärzt. Siehst du die Lastschrift?")));
        Assert.Equal(SensitiveKind.None, Scan(Photo("Voici la photo du relevé de compteur et la facture, ça correspond ?")));
    }

    internal static string Photo(string ask) =>
        $$$"""{"messages":[{"role":"user","content":[{"type":"text","text":"{{{ask}}}"},{"type":"image_url","image_url":{"url":"https://img.example.org/s.jpg"}}]}]}""";

    internal static SensitiveKind Scan(string body)
    {
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        return HeuristicClassifier.Sensitive(view);
    }
}
