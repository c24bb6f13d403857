using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What the readers of probes 33 and 36 left, by category (<c>SecretPhrases.Layouts</c>, <c>SecretPhrases.RoleIds</c>,
/// <c>SecretPhrases.OwnNumbers</c>, <c>SecretPhrases.PayTv</c>, <c>SecretPhrases.Pgpass</c>; docs/CLASSIFIER.md "Leftovers of probes
/// 33 and 36"): each secret beside its look-alike twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveProbe33And36LeftoversTests
{
    [Theory]
    [InlineData("Parse our BACS export, layout: sort code 6, account 8, name 18, pence 11.\n\n60161331926819WARBURTON KEITH   00000093500")]
    [InlineData("Festlängendatei der Löhne: Steuer-ID 11 Stellen, Name 16, Betrag 9.\n\n81872495633HAHN SABINE     000241050")]
    [InlineData("# id 4 | name 16 | ssn 9 | start 8\nA017OYELARAN TUNDE 61840372920240105")]
    public void AFixedWidthRecordUnderALayoutNamingAnIdsField_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Parse our stock export, layout: sku 6, name 18, qty 6, pence 8.\n\n771204GALVANISED BRACKET 00034000000215")]
    [InlineData("Layout: sort code 6, account 8 — our test file holds zeros only:\n\n00000000000000 TESTDATA ONLY 0000")]
    [InlineData("Which widths does BACS use: sort code 6, account 8 and amount 11? No file yet, just the spec.")]
    public void AFixedWidthFileWithoutAnIdsFieldOrWithoutRecords_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Draft the return-to-work letter. Employee: Gwen Ashby-Lowe, ID 55213, back on 6 January.")]
    [InlineData("Résume la note : Patiente : Inès Haddad (ID 4410987), chambre 12, sortie prévue lundi.")]
    [InlineData("Vertaal: Leerling: Daan van Dijk, ID 2024311, afwezig wegens ziekte.")]
    public void ABareIdAfterARolesNamedPerson_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Write the delay email. Customer: Gwen Ashby-Lowe, ID 55213, parcel stuck in Leeds.")]
    [InlineData("Summarise: Product: walnut desk, ID 55213, two sizes, ships in January.")]
    [InlineData("Employee: Gwen Ashby-Lowe, ID 00001 is the template's sample row.")]
    public void ABareIdAfterACustomerOrAProductOrACounter_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("员工：赵敏，工号 HZ-40512，请帮我写离职证明。")]
    [InlineData("氏名 高橋誠、社員番号 NG-20931、異動は来月です。")]
    public void ACjkPersonnelNumberOfTwoCapitalsADashAndDigits_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("型号 HZ-40512 的洗碗机显示 E2，怎么办？")]
    [InlineData("社員番号の形式は NG-00001 のように拠点コードと連番です。")]
    public void AModelNumberOrACounterOfTheSameShape_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("My passport number is 123456789, please put it in the visa form.")]
    [InlineData("Mi número de pasaporte es 123456789 y caduca en 2030.")]
    public void ACountingNumberTypedAsOnesOwnId_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("The passport number field should accept 123456789 in the test data.")]
    [InlineData("Write a sample record: passport number 123456789, name Jane Doe.")]
    public void ACountingNumberAsAFormsPlaceholder_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Bekomme ich eine neue Versichertennummer 2027, wenn ich heirate?")]
    [InlineData("Numéro fiscal 2025 ou 2026 : lequel mettre sur la déclaration ?")]
    public void AYearAfterAnInsuranceOrTaxNumbersNoun_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Meine Versichertennummer ist M318204476, bitte in den Antrag eintragen.")]
    [InlineData("Meine SV-Nummer 1984 120379 steht auf der e-card.")]
    public void AnInsuranceNumberBeginningLikeAYear_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Numero smart card Sky 003918274410: il decoder non la riconosce.")]
    [InlineData("Please tell Sky my viewing card number 0042 7719 3385 is not paired.")]
    public void APayTvCardsNumber_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Our office badge is a smart card 2048-bit RSA, issued by facilities.")]
    [InlineData("IUC 2016: il codice IUC sull'F24 era 3918 o 3914 per l'acconto?")]
    public void ABadgesSmartCardOrTheMunicipalTaxIuc_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("company_number,name,sic_code\n09912044,RIVERSIDE PRINT LTD,18129")]
    [InlineData("Classe par code NAF : siren;nom\n528771203;FROMAGERIE DU VAL")]
    public void AnActivitysClassificationCode_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void ASortCodeColumn_StaysSensitive() =>
        SensitiveCategoryTests.Sensitive("Name\tSort code\tAccount\nR. Okoro\t30-94-11\t61120487");

    [Fact]
    public void AStatementPastedAfterAQuestionNamingSavings_IsNot() =>
        SensitiveCategoryTests.NotSensitive("How much went to rent, food and savings in October?\n\nDate,Payee,Ref,Out,In,Balance\n02/10/2026,RENT OAKS LETTINGS,OCT,950.00,,3120.44\n05/10/2026,TESCO,,41.20,,3079.24");

    [Fact]
    public void AQuestionAnsweredWithTheAccountOnTheNextLine_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("Which savings account do I move it to?\nthe one ending nothing, full number 41029384, sort code 20-11-90");

    [Theory]
    [InlineData("Our payroll line won't import:\n\n00218NAVARRO      ELENA     ES7921000813610123456789000031250")]
    [InlineData("Split this record for me: 00125DUBOIS  MARC  180127510812345FR7630004000031234567890143000184050")]
    public void AnIbanGluedToTheRecordsNumbers_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Split the supplier's feed: 000417FR76300040000312AB0041 and 000418DE12500105170648CD0017")]
    [InlineData("The test feed uses placeholder IBANs: 0001MUSTER MAX DE00123456780000000000001000")]
    public void GluedCapitalsAndDigitsThatFailAnIbansCheck_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void ACardAfterADashFromAnOrdersNoun_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("They billed twice for the same order — card 4539 7781 2204 6611, please draft the complaint.");

    [Fact]
    public void AnOrdersNumber_StaysPublic() =>
        SensitiveCategoryTests.NotSensitive("Where is my order number 4539 7781 2204 6611? It hasn't shipped.");

    [Theory]
    [InlineData("// Stripe documented test cards\nconst ok = {\n  visa: '4242424242424242',\n  threeDS: '4000002760003184',\n};")]
    [InlineData("Sandbox cards we use in CI:\n\nvisa_ok: 4111111145551142\nmc_ok: 5555341244441115")]
    public void PublishedTestCardsUnderTheirBlocksTestCue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void AnUnpublishedCardInATestBlock_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("// test cards\nconst real = { number: '4539778122046611' };");

    [Fact]
    public void APasswordFilesRealPassword_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("my ~/.pgpass: pg.prod.lan:5432:orders:orders_rw:Tz8mQw4nLp2v");

    [Theory]
    [InlineData("my ~/.pgpass: localhost:5432:*:postgres:postgres")]
    [InlineData("template line: pg.prod.lan:5432:orders:orders_rw:PASSWORD")]
    public void APasswordFilesDefaultOrPlaceholder_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
