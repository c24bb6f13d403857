namespace Majordomo.Tests.Classification;

/// <summary>
/// Records, forms and office work, read from the misses and false alarms of the blind probe
/// <c>corpus/dev/sensitive-lookalikes-21.jsonl</c> by category (<c>SensitiveScanner.Records</c>, <c>SecretPhrases.Records</c>,
/// docs/CLASSIFIER.md "Probe 21 read by category"): each category a pair — values phrased unlike the probe, in several languages,
/// and what only looks like them. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveRecordsTests
{
    [Theory]
    [InlineData("Inscription stage de voile\nNom : Willems, Bart\nNuméro de registre national : 79.11.02-385.12")]
    [InlineData("Fiche d'embauche — N° d'immatriculation sécu : 2 88 04 13 055 219 41")]
    [InlineData("Reçu de la clinique : carte santé RAMQ BOUC 7904 1218, rendez-vous le 12")]
    [InlineData("Ontario intake form: OHIP 7731-508-442-QR, allergies none")]
    [InlineData("Zuweisung: Patient Herbert Lang, SV-Nr. 2210 140357, Termin dringend")]
    [InlineData("Anmälan: Nils Ek, personnr 20180305-2247, allergi mot nötter")]
    [InlineData("Žádost: Ivan Petrenko, číslo pasu: FJ882104, povolení k pobytu: 51 207 338")]
    [InlineData("Denuncia: smarrita la carta d'identità elettronica n. CB55120LX rilasciata a Rimini")]
    public void IdLabelsInForms_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Which office issues a registre national number to a newborn in Liège?")]
    [InlineData("How long does an OHIP card take to arrive after you move to Toronto?")]
    [InlineData("Plaque d'immatriculation : AB-123-CD, stationnement rue Carnot")]
    [InlineData("Was ist eine SV-Nummer und wo finde ich sie auf der e-card?")]
    public void IdLabelsWithoutAValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("aluno: Mateo Ortiz Vega, curp OIVM140918HJCRGT05, grado 4")]
    [InlineData("Segue o do meu pai: 702 8814 2290 1137, o da minha mãe eu mando depois")]
    [InlineData("o NIT do meu avô é 107.33851.62-4, o INSS pediu de novo")]
    [InlineData("cellule B4 : 1 62 11 2B 033 207 15 — la formule renvoie 2B")]
    [InlineData("Rijksregister van mijn zoon: 15.06.30-227.41, voor de mutualiteit")]
    public void IdsByTheirOwnPrintShape_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("user_id,field,old,new\nU77,bank_account,****2210,6612043398\nU77,city,Leeds,York")]
    [InlineData("id,attr,value\n5,bank_routing,026009593\n5,phone_type,mobile")]
    public void AccountNamesInAFieldColumn_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("id,attr,value\n5,bank_account,****2210\n5,phone_type,mobile")]
    [InlineData("team,accounts_opened,closed\nNorth,120445,3\nSouth,98120,7")]
    public void AccountNamesWithMaskedOrCountedValues_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Lieferant: ООО «Ромашка», ИНН 7708123451, КПП 770801001, ОГРН 1027700132195")]
    [InlineData("Виконавець: ТОВ «Альфа», код ЄДРПОУ 40117283, м. Київ")]
    [InlineData("Fornecedor: Padaria Sol Ltda, CNPJ 11.444.777/0001-61, IE 110.042.490.114")]
    [InlineData("Proveedor: Distribuidora Norte S.A., CUIT 30-70912345-7")]
    [InlineData("株式会社あおば（法人番号 1010001088213）")]
    [InlineData("销售方：北京星河商贸有限公司 纳税人识别号：91110105MA01ABCD2X")]
    [InlineData("공급자 (사업자등록번호 220-81-62517) 서울 강남구")]
    [InlineData("Chave de acesso: 3526 1108 7714 4200 0109 5500 1000 0412 2710 0041 9913")]
    public void BusinessNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("мой ИНН 500100732259, подскажи, как подать 3-НДФЛ")]
    [InlineData("Mi CUIL es 20-31456789-3, ¿cómo saco el turno?")]
    [InlineData("Fornecedor: João Silva, CPF 529.982.247-25")]
    public void PersonalTaxIdsBesideBusinessOnes_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("For the cleaner: the alarm code I'll tell you in person.\nBins: Monday, 7 Hill Rd, Flat 12")]
    [InlineData("Den Tresor-Code sag ich dir persönlich.\nArzt: Tel. 0761 208 331")]
    [InlineData("la clave de la alarma te la digo en persona, y el gas lo revisan el 14")]
    public void SecretsGivenElsewhere_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the alarm code is 5190, the garage one I'll tell you in person")]
    [InlineData("the wifi password is Linden-Eagle-42 and the alarm I'll text you separately")]
    public void ASecretBesideAWithheldOne_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("honestly my PIN has been the same since school. 6083. Is that bad?")]
    [InlineData("the door code never changed in twenty years. 44719. Crazy.")]
    public void APinAsASentenceOfItsOwn_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("la tarjeta sanitaria está en la mochila, mi móvil es 655 41 20 87 por si acaso")]
    [InlineData("Kinderreisepass gültig bis 08/2028, bitte rechtzeitig verlängern")]
    [InlineData("funkcja dla numeru PESEL z obsługą lat 2000+, testy na zmyślonych danych")]
    [InlineData("un esempio di codice fiscale finto: RSSMRA80A01H501U, per i test")]
    [InlineData("my PIN reset took ages. 2019. Never again.")]
    public void PhonesExpiriesYearsAndDummies_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
