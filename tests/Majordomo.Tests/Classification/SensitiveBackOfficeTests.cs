namespace Majordomo.Tests.Classification;

/// <summary>
/// Work inboxes and back-office material, read from the errors of the probe <c>corpus/dev/sensitive-lookalikes-26.jsonl</c> by
/// category (<c>SecretPhrases.BackOffice</c>, docs/CLASSIFIER.md "Probe 26 read by category"): each look-alike beside its secret
/// twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveBackOfficeTests
{
    [Theory]
    [InlineData("Write a scrubber for chat exports: emails become [EMAIL], passports [PASSPORT]. Keep 'ref 7712 0934 5521' untouched in the test.")]
    [InlineData("Ticket 4410: Kunde schrieb \"IBAN [ENTFERNT]\" und fragt nach Auftrag 3390-4471-02.")]
    [InlineData("{\"comment\": \"cvv [REDACTED] — parcel 8831-2205-61 never arrived\"}")]
    [InlineData("Remplace les numéros de sécu par <NIR> ; le dossier 2026-5510-884 doit rester lisible.")]
    public void ARedactionTagOrMarker_NamesNoLaterNumber(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"comment\": \"card [REDACTED], but the cvv is 552 and it expires 10/28\"}")]
    [InlineData("Der Bot hat die IBAN [ENTFERNT], aber die PIN 6620 steht noch im Ticket.")]
    [InlineData("[SSN]: 219-44-7781")]
    [InlineData("<server><password>Kq7Lm2Xw9Tz</password></server>")]
    public void AValueBesideAMarker_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Vendor file: Bluefin Analytics Inc., EIN 83-1120457, payment by ACH through the portal.")]
    [InlineData("ใบแจ้งหนี้ บริษัท ฟ้าใส จำกัด เลขประจำตัวผู้เสียภาษี 0105558123456 ยอด 4,280 บาท")]
    [InlineData("Rechnung der Falke Bau GmbH, Steuernummer 21/815/08150, bitte buchen.")]
    public void ACompanysTaxNumber_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Contractor Lee Park, individual, EIN 83-1120457 for the 1099.")]
    [InlineData("นางสาวมาลี ศรีสุข เลขประจำตัวผู้เสียภาษี 3100500123457 ขอคืนภาษี")]
    [InlineData("Meine Steuernummer 21/815/08150 für die Einkommensteuer.")]
    public void APersonsTaxNumber_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("・銀行口座届 — 11/30\n・マイナンバー確認書類 — 入社日まで")]
    [InlineData("Checklist: direct deposit account — due 11/30")]
    public void AChecklistsDeadline_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("テストはダミーの 234567890123 を使っています。マイナンバー検証の関数です。")]
    [InlineData("검증용 더미 주민번호 950505-1000002 로 테스트 중")]
    [InlineData("в тестах фиктивный ИНН 500100732259")]
    [InlineData("CPF fictício 529.982.247-25 (gerado)")]
    [InlineData("身份证号 11010519491231002X（测试数据，非真实）")]
    public void ADeclaredDummy_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("マイナンバー 4821 3307 9156 を登録して")]
    [InlineData("제 주민번호 950505-1234567 로 검증해 주세요")]
    [InlineData("мой ИНН 500100732259")]
    [InlineData("CPF 529.982.247-25 do cliente")]
    public void TheSameValueNotDeclaredADummy_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the card on the receipt is 4716 2210 9934 5170, please flag it")]
    [InlineData("die Karte auf dem Beleg ist 4716 2210 9934 5170")]
    public void ACardNamedWhereItIsPrinted_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the receipt number is 4716 2210 9934 5170, please file it")]
    [InlineData("the receipt's order number is 4716 2210 9934")]
    public void ANumberTheReceiptNames_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("would 8304 work as the PIN for my fuel card?")]
    [InlineData("Nehme ich 7719 als neue PIN?")]
    [InlineData("¿Sirve 4402 como PIN del cajero?")]
    public void APinWeighedBeforeItsNoun_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("would 4 digits work as the PIN for my fuel card?")]
    [InlineData("Seit 2024 als PIN nur noch sechs Ziffern?")]
    [InlineData("we logged 1250 tickets as PIN resets")]
    public void ANumberBeforeAsPinThatIsNoPin_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Verified: Tomas Reyes, DOB 07/11/1984, SSN last four 6620.")]
    [InlineData("{\"name\": \"Ines Olsen\", \"dob\": \"1979-02-03\", \"ssn_last4\": \"1184\"}")]
    public void AnSsnsLastFourWithADateOfBirth_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Verified: Tomas Reyes, SSN last four 6620.")]
    [InlineData("Ask for the date of birth and the SSN's last four before any payout change.")]
    public void AnSsnsLastFourAlone_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"employee\": \"Ruth Bell\", \"national_insurance_number\": \"JK 20 55 81 B\"}")]
    [InlineData("{\"payee\": \"Ruth Bell\", \"tax_id\": \"921-70-5512\"}")]
    public void AnIdInASnakeCaseField_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("{\"vendor_tax_id\": \"DE-2291-7781\", \"status\": \"ok\"}")]
    [InlineData("{\"national_id\": \"[REDACTED]\", \"ticket\": \"4471-2290-118\"}")]
    public void ASnakeCaseFieldWithNoValueOfItsOwn_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
